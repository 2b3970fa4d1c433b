import Foundation

/// What `captions check` is asked to do.
public struct CheckRequest: Sendable {
    /// The collection folder.
    var path: String
    /// Report only findings about these languages (and findings about no language); all when empty.
    var languages: [String]
    /// Treat warnings as errors.
    var strict: Bool
    /// Which baseline of accepted findings to subtract.
    var baseline: BaselineChoice
    /// The sign-off level every current text must reach (`--require`), or `nil` when none was
    /// asked for. When given, the checks of that level run as errors whatever `captions.yml`
    /// says (``CaptionChecker/requiredCheckIDs(_:)``); `nil` leaves `captions.yml` in charge.
    var require: SignOffLevel?
    /// Whether `ignore:` entries of the checks `require` pins accept nothing
    /// (`--no-pinned-ignore`): each is refused, with a note.
    var refusesPinnedIgnores: Bool
    /// Where `overflows-panel` keeps the texts it typesets, for the signage export that asked
    /// (``SignageChecks``); `nil` for `captions check`.
    var typesetMemo: TypesetMemo?

    /// Creates a request.
    public init(
        path: String, languages: [String] = [], strict: Bool = false, baseline: BaselineChoice = .automatic,
        require: SignOffLevel? = nil, refusesPinnedIgnores: Bool = false
    ) {
        self.path = path
        self.languages = languages
        self.strict = strict
        self.baseline = baseline
        self.require = require
        self.refusesPinnedIgnores = refusesPinnedIgnores
    }
}

/// Which baseline file `captions check` subtracts.
public enum BaselineChoice: Sendable, Equatable {
    /// `captions-baseline.json` in the collection folder, when it exists.
    case automatic
    /// This file, which must exist.
    case file(String)
    /// None: report every finding.
    case none
}

/// The outcome of `captions check`: findings and the completeness summary.
public struct CheckResult: Sendable {
    /// The loaded collection.
    var collection: CaptionCollection
    /// The findings, with `--strict` applied, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// Completeness per language.
    var summary: CompletenessSummary
    /// Findings accepted by `ignore:` entries or the baseline, and so not reported.
    var silenced: Int = 0
    /// A `note:` line when the folder is one of a collection's, checked as part of it
    /// (``CaptionCollection/scopeNote``),
    /// one for each check `captions.yml` lowers that `--require` pins as an error
    /// (``CaptionChecker/pinNotes(config:require:)``), then one for each `ignore:` entry
    /// `--no-pinned-ignore` refused (``CaptionChecker/refusalNotes(_:require:)``), for stderr.
    public var pinNotes: [String] = []
    /// Translations (in the checked languages) with no record of the source they were made
    /// from, which edits of the source cannot mark stale, and the exhibits that hold them.
    var untracked = (translations: 0, exhibits: 0)

    /// The number of findings with `severity`.
    func count(_ severity: Severity) -> Int {
        // By index: each finding's severity is read in place instead of copying the finding.
        var count = 0
        for index in diagnostics.indices where diagnostics[index].severity == severity { count += 1 }
        return count
    }

    /// Whether the check failed (any error-level finding).
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Runs the completeness and consistency checks over a collection.
public enum CaptionChecker {

    /// The findings ``run(_:on:)`` reports, without its completeness summary (for `status`,
    /// which counts completeness its own way).
    static func diagnostics(_ request: CheckRequest, on collection: CaptionCollection) throws(CaptionError)
        -> [Diagnostic]
    {
        try reportedFindings(request, on: collection).diagnostics
    }

    /// The findings of ``run(_:on:)`` and how many were silenced.
    static func reportedFindings(_ request: CheckRequest, on collection: CaptionCollection) throws(CaptionError)
        -> (diagnostics: [Diagnostic], silenced: Int, refused: [IgnoreEntry])
    {
        for language in request.languages where !collection.config.languages.contains(language) {
            throw .invalidArgument(collection.config.notALanguage("--lang \(language)", tag: language))
        }
        guard !collection.exhibits.isEmpty else { throw noExhibitFiles(in: collection) }
        var (diagnostics, silenced, refused, ran) = try findings(
            in: collection, require: request.require, refusingPinnedIgnores: request.refusesPinnedIgnores,
            typesetMemo: request.typesetMemo)
        if let (baseline, path) = try baseline(request.baseline, for: collection) {
            let applied = baseline.apply(
                to: diagnostics, in: collection, path: path,
                unusedSeverity: collection.config.severity(of: UnusedExceptionCheck.description), checksRun: ran)
            diagnostics = applied.kept.sortedForReport()
            silenced += applied.silenced
        }
        if !request.languages.isEmpty {
            diagnostics.removeAll { finding in
                guard let language = finding.language else { return false }
                return !request.languages.contains(language)
            }
        }
        if request.strict {
            for index in diagnostics.indices where diagnostics[index].severity == .warning {
                diagnostics[index].severity = .error
            }
        }
        return (diagnostics, silenced, refused)
    }

    /// Every finding of the configured checks (and of those `require` pins), minus those the
    /// exhibits' `ignore:` entries accept, the entries refused (those of the pinned checks when
    /// `refusingPinnedIgnores`), and the ids of the checks that ran. `typesetMemo` keeps the
    /// texts `overflows-panel` typesets.
    static func findings(
        in collection: CaptionCollection, require: SignOffLevel? = nil, refusingPinnedIgnores: Bool = false,
        typesetMemo: TypesetMemo? = nil
    ) throws(CaptionError) -> (kept: [Diagnostic], silenced: Int, refused: [IgnoreEntry], checksRun: Set<String>) {
        let pinned = requiredCheckIDs(require)
        let validator = try Validator(config: collection.config, turnedOn: pinned, typesetMemo: typesetMemo)
        try WordBudget.validate(collection.config)
        let (kept, silenced, refused) = IgnoreList.apply(
            to: validator.validate(collection), in: collection, refusing: refusingPinnedIgnores ? pinned : [])
        return (kept, silenced, refused, validator.checkIDs)
    }

    /// The baseline to subtract and its path, or `nil` for none.
    static func baseline(_ choice: BaselineChoice, for collection: CaptionCollection) throws(CaptionError)
        -> (Baseline, String)?
    {
        switch choice {
        case .none: return nil
        case .file(let path): return (try Baseline(contentsOf: path), path)
        case .automatic:
            let path = defaultBaselinePath(for: collection.rootPath)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return (try Baseline(contentsOf: path), path)
        }
    }

    /// The ids of the checks that report texts below `level`, which `--require level` pins as
    /// errors; none without `--require`.
    ///
    /// `translated` stands for what the print gate holds back at its default level (a required
    /// field absent, a language missing, an empty text, a stale translation): `status` and
    /// `export xliff` count an empty text as missing too, so `empty-text` is part of it.
    /// `reviewed` adds `not-reviewed`, `approved` also `not-approved`.
    static func requiredCheckIDs(_ level: SignOffLevel?) -> Set<String> {
        guard let level else { return [] }
        var ids: Set<String> = [
            MissingFieldCheck.description.id, MissingTranslationCheck.description.id,
            EmptyTextCheck.description.id, StaleTranslationCheck.description.id,
        ]
        if level >= .reviewed { ids.insert(NotReviewedCheck.description.id) }
        if level >= .approved { ids.insert(NotApprovedCheck.description.id) }
        return ids
    }

    /// One line for each check that `captions.yml` sets below `error` (`off`, `warning`, `note`)
    /// although `--require` pins it at that level, at the check's entry, in file order:
    /// `Captions/captions.yml:12:3: note: missing-translation is an error here: --require translated pins it`.
    static func pinNotes(config: CollectionConfig, require: SignOffLevel?) -> [String] {
        guard let require else { return [] }
        let lowered = requiredCheckIDs(require).compactMap { id -> (String, SourceLocation)? in
            guard let setting = config.checks[id], let severity = setting.severity, severity != .error else {
                return nil
            }
            return (id, setting.location)
        }
        return lowered.sorted { $0.1 < $1.1 }.map { id, location in
            "\(location): note: \(id) is an error here: --require \(require.rawValue) pins it"
        }
    }

    /// One line for each `ignore:` entry `--no-pinned-ignore` refused, at the entry, in path and
    /// file order: `Captions/g/k.yml:9:10: note: ignore entry 'missing-translation: title/en' is
    /// refused: --require translated pins missing-translation`.
    static func refusalNotes(_ refused: [IgnoreEntry], require: SignOffLevel?) -> [String] {
        guard let require else { return [] }
        return refused.sorted { $0.location < $1.location }.map { entry in
            "\(entry.location): note: ignore entry '\(entry.written)' is refused: --require \(require.rawValue) pins "
                + entry.checkID
        }
    }

    /// Why a collection without exhibit files cannot be checked (or counted, exported, imported
    /// into: `verb`), naming the files that were not read (`kurt.YML`, a linked folder) when
    /// there are any, as `skipped-file` would. A mistyped or empty folder stops a command with
    /// this, instead of a report of nothing (`status` said 100% complete).
    static func noExhibitFiles(in collection: CaptionCollection, to verb: String = "check") -> CaptionError {
        // A folder of a collection (its scope) is named as the user named it.
        let skippedPaths = collection.limitedToScope.skippedPaths
        var message = "\(collection.scopePath ?? collection.rootPath) has no exhibit files (*.yml) to \(verb)"
        if let first = skippedPaths.first {
            let more = skippedPaths.count - 1
            message += "; \(SkippedFileCheck.message(for: first))"
            if more > 0 { message += " (and \(TextReporter.plural(more, "other path")))" }
        }
        return .invalidArgument(message)
    }

    /// `captions-baseline.json` in the collection folder.
    static func defaultBaselinePath(for root: String) -> String {
        CollectionLoader.join(root, Baseline.defaultFileName)
    }

}
