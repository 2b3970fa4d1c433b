import Foundation

extension CaptionChecker {
    /// Loads the collection at `request.path`, runs every configured check and summarises.
    ///
    /// - Throws: ``CaptionError`` when the check cannot run: no collection, a malformed
    ///   `captions.yml`, an unknown language in `--lang`, or no exhibit files.
    public static func run(_ request: CheckRequest) throws(CaptionError) -> CheckResult {
        let collection = try CollectionLoader.load(scopedTo: request.path).limitedToScope
        return try run(request, on: collection)
    }
}

extension CaptionChecker {
    /// Runs the checks on a collection already loaded.
    public static func run(_ request: CheckRequest, on collection: CaptionCollection) throws(CaptionError)
        -> CheckResult
    {
        var request = request
        request.languages = request.languages.map(collection.config.spelledAsConfigured)
        let (diagnostics, silenced, refused) = try reportedFindings(request, on: collection)
        // Copies of the source count apart from the translated texts, as in `status` (a malformed
        // `untranslated` entry is the check's own finding).
        let summary = CompletenessSummary(
            collection: collection, languages: request.languages.isEmpty ? nil : request.languages,
            copies: try? CopiedTranslations(config: collection.config))
        return CheckResult(
            collection: collection, diagnostics: diagnostics, summary: summary, silenced: silenced,
            pinNotes: (collection.scopeNote.map { [$0] } ?? [])
                + pinNotes(config: collection.config, require: request.require)
                + refusalNotes(refused, require: request.require),
            untracked: untrackedCount(in: collection, languages: request.languages.isEmpty ? nil : request.languages))
    }

    /// How many translations in `languages` (all when `nil`) have no record of their source,
    /// and in how many exhibits (see ``TranslationTracker/untrackedTranslations(in:config:fields:languages:)``).
    static func untrackedCount(in collection: CaptionCollection, languages: [String]?) -> (
        translations: Int, exhibits: Int
    ) {
        var count = (translations: 0, exhibits: 0)
        let targets = collection.config.targetLanguages.filter { languages?.contains($0) ?? true }
        let config = collection.config
        // On every core, as the checks run: on one it cost the check 3% of its time.
        let counts = collection.exhibits.concurrentMap(chunkSize: 256) {
            TranslationTracker.untrackedCount(in: $0, config: config, targets: targets)
        }
        for untracked in counts {
            guard untracked > 0 else { continue }
            count.translations += untracked
            count.exhibits += 1
        }
        return count
    }
}

extension CaptionChecker {
    /// Writes the baseline of the collection's current findings (after `ignore:` entries,
    /// before any existing baseline) over the baseline file there was, keeping the entries of
    /// files that cannot be read as captions now as they were, and says what changed
    /// (``BaselineWrite``).
    ///
    /// - Parameter file: The file to write, or `nil` for `captions-baseline.json` in the
    ///   collection folder. What it held before is compared with what is written; a file that
    ///   is not a baseline counts as none (every entry is newly accepted).
    /// - Throws: ``CaptionError`` when the check cannot run or the file cannot be written.
    public static func writeBaseline(_ request: CheckRequest, to file: String?) throws(CaptionError)
        -> BaselineWrite
    {
        let collection = try CollectionLoader.load(scopedTo: request.path)
        if let folder = collection.scopePath {
            // The baseline is the collection's: one written from a folder's findings would drop the others'.
            throw .invalidArgument(
                """
                \(folder) is a folder of the collection \(collection.rootPath), whose baseline holds the findings of \
                every folder: write it for the whole collection (captions check \(collection.rootPath) --write-baseline)
                """)
        }
        guard !collection.exhibits.isEmpty else { throw noExhibitFiles(in: collection) }
        let found = try findings(in: collection, require: request.require)
        let path = file ?? defaultBaselinePath(for: collection.rootPath)
        let previous = FileManager.default.fileExists(atPath: path) ? try? Baseline(contentsOf: path) : nil
        let rewrite = Baseline.rewriting(previous, findings: found.kept, in: collection)
        try AtomicFile.write(Data(try rewrite.baseline.encoded().utf8), to: path)
        let entries = rewrite.baseline.entries.count
        return BaselineWrite(
            path: path, entries: entries, kept: rewrite.kept, keptUnread: rewrite.carried.count,
            unreadFiles: Set(rewrite.carried.map(\.path)).count, dropped: rewrite.dropped.count,
            droppedNotRun: rewrite.dropped.filter { !found.checksRun.contains($0.check) }.count,
            newlyAccepted: rewrite.newlyAccepted, notAccepted: found.kept.count - (entries - rewrite.carried.count),
            pinNotes: pinNotes(config: collection.config, require: request.require))
    }
}

/// What `captions check --write-baseline` wrote, and what changed from the baseline it replaced,
/// so that whoever reviews the change sees which findings were accepted now.
public struct BaselineWrite: Sendable, Equatable {
    /// The file written.
    var path: String
    /// The entries written.
    var entries: Int
    /// Entries the previous baseline had too (``keptUnread`` among them).
    var kept: Int
    /// Entries of files that cannot be read as captions now (a merge conflict, a sync cut
    /// short), kept as they were: what those files hold cannot be checked until they are fixed.
    var keptUnread: Int
    /// How many files those entries are of.
    var unreadFiles: Int
    /// Entries of the previous baseline not written: their findings were not found now.
    var dropped: Int
    /// Of ``dropped``, the entries of checks that did not run (off in `captions.yml`, or on only
    /// with a `--require` this run did not give).
    var droppedNotRun: Int
    /// The findings the previous baseline did not accept, in report order.
    var newlyAccepted: [Diagnostic]
    /// The findings a baseline does not accept (unreadable or skipped files, the exceptions'
    /// own problems), which must be fixed.
    var notAccepted: Int
    /// The notes of the checks `--require` pins that `captions.yml` lowers (as ``CheckResult/pinNotes``).
    public var pinNotes: [String]

    /// One line per newly accepted finding, for stdout:
    /// `Captions/g/k.yml:5:7: newly accepted warning: title (en) repeats the word 'the' [repeated-word]`.
    public var newlyAcceptedLines: [String] {
        newlyAccepted.map { finding in
            "\(finding.location): newly accepted \(finding.severity.rawValue): "
                + SourceLocation.oneLine("\(finding.message) [\(finding.checkID)]")
        }
    }

    /// The line for stderr: `wrote 3 accepted findings to Captions/captions-baseline.json: 1
    /// kept, 2 newly accepted, 1 dropped (no longer found)`, with the entries kept for files that
    /// cannot be read, those dropped because their check did not run (`1 dropped (0 no longer
    /// found, 1 of checks that did not run)`), and the findings that cannot be accepted, when
    /// there are any.
    public var summary: String {
        let plural = TextReporter.plural
        let dropped =
            droppedNotRun == 0
            ? "\(dropped) dropped (no longer found)"
            : "\(dropped) dropped (\(dropped - droppedNotRun) no longer found, \(droppedNotRun) of checks that did not run)"
        var line =
            "wrote \(plural(entries, "accepted finding")) to \(path): \(kept) kept, \(newlyAccepted.count) newly "
            + "accepted, \(dropped)"
        if keptUnread > 0 {
            let carried = keptUnread == 1 ? "1 entry kept as it was" : "\(keptUnread) entries kept as they were"
            line +=
                "; \(carried) for \(plural(unreadFiles, "file")) that cannot be read as captions (fix "
                + "\(unreadFiles == 1 ? "it" : "them"), then write the baseline again)"
        }
        if notAccepted > 0 {
            line +=
                "; \(plural(notAccepted, "finding")) cannot be accepted and must be fixed (unreadable or skipped files, "
                + "exceptions' own problems): run captions check"
        }
        return line + "\n"
    }
}
