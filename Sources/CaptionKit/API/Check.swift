import Foundation

extension CaptionChecker {
    /// Loads the collection at `request.path`, runs every configured check and summarises.
    ///
    /// - Throws: ``CaptionError`` when the check cannot run: no collection, a malformed
    ///   `captions.yml`, an unknown language in `--lang`, or no exhibit files.
    public static func run(_ request: CheckRequest) throws(CaptionError) -> CheckResult {
        let collection = try CollectionLoader.load(path: request.path)
        return try run(request, on: collection)
    }
}

extension CaptionChecker {
    /// Runs the checks on a collection already loaded.
    public static func run(_ request: CheckRequest, on collection: CaptionCollection) throws(CaptionError)
        -> CheckResult
    {
        let (diagnostics, silenced, refused) = try reportedFindings(request, on: collection)
        // Copies of the source count apart from the translated texts, as in `status` (a malformed
        // `untranslated` entry is the check's own finding).
        let summary = CompletenessSummary(
            collection: collection, languages: request.languages.isEmpty ? nil : request.languages,
            copies: try? CopiedTranslations(config: collection.config))
        return CheckResult(
            collection: collection, diagnostics: diagnostics, summary: summary, silenced: silenced,
            pinNotes: aloneNote(collection.rootPath) + pinNotes(config: collection.config, require: request.require)
                + refusalNotes(refused, require: request.require),
            untracked: untrackedCount(in: collection, languages: request.languages.isEmpty ? nil : request.languages))
    }

    /// A note when the folder checked has no `captions.yml` but lies inside a collection (a
    /// gallery named alone): it is checked with the default settings, which a CI job reading
    /// only the exit code would never notice.
    static func aloneNote(_ path: String) -> [String] {
        guard let collection = CollectionLoader.enclosingCollection(of: path) else { return [] }
        return [
            """
            note: \(path) has no \(CollectionLoader.configFileName) and is checked alone, with the default settings, \
            no glossary and no baseline; it is inside the collection \(collection): name that folder to check with its \
            settings
            """
        ]
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
    /// before any existing baseline) and returns its path, the number of entries, and the
    /// number of findings a baseline does not accept (unreadable files, the exceptions' own
    /// problems), which must be fixed, and the notes of the checks `--require` pins that
    /// `captions.yml` lowers (as ``CheckResult/pinNotes``).
    ///
    /// - Parameter file: The file to write, or `nil` for `captions-baseline.json` in the
    ///   collection folder.
    /// - Throws: ``CaptionError`` when the check cannot run or the file cannot be written.
    public static func writeBaseline(_ request: CheckRequest, to file: String?) throws(CaptionError) -> (
        path: String, entries: Int, notAccepted: Int, pinNotes: [String]
    ) {
        let collection = try CollectionLoader.load(path: request.path)
        guard !collection.exhibits.isEmpty else { throw noExhibitFiles(in: collection) }
        let kept = try findings(in: collection, require: request.require).kept
        let baseline = Baseline(findings: kept, in: collection)
        let path = file ?? defaultBaselinePath(for: collection.rootPath)
        try AtomicFile.write(Data(try baseline.encoded().utf8), to: path)
        return (
            path, baseline.entries.count, kept.count - baseline.entries.count,
            pinNotes(config: collection.config, require: request.require)
        )
    }
}
