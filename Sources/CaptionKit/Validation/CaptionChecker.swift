import Foundation

/// What `captions check` is asked to do.
public struct CheckRequest: Sendable {
    /// The collection folder.
    public var path: String
    /// Report only findings about these languages (and findings about no language); all when empty.
    public var languages: [String]
    /// Treat warnings as errors.
    var strict: Bool
    /// Which baseline of accepted findings to subtract.
    var baseline: BaselineChoice
    /// The sign-off level every current text must reach (`--require`): `reviewed` turns on the
    /// `not-reviewed` check, `approved` also `not-approved`, even where `captions.yml` leaves them off.
    var require: SignOffLevel

    /// Creates a request.
    public init(
        path: String, languages: [String] = [], strict: Bool = false, baseline: BaselineChoice = .automatic,
        require: SignOffLevel = .translated
    ) {
        self.path = path
        self.languages = languages
        self.strict = strict
        self.baseline = baseline
        self.require = require
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
    public var collection: CaptionCollection
    /// The findings, with `--strict` applied, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// Completeness per language.
    var summary: CompletenessSummary
    /// Findings accepted by `ignore:` entries or the baseline, and so not reported.
    var silenced: Int = 0

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
        -> (diagnostics: [Diagnostic], silenced: Int)
    {
        for language in request.languages where !collection.config.languages.contains(language) {
            throw .invalidArgument(
                """
                --lang \(language) is not a language of this collection \
                (\(collection.config.languages.joined(separator: ", ")))
                """
            )
        }
        guard !collection.exhibits.isEmpty else { throw noExhibitFiles(in: collection) }
        var (diagnostics, silenced, ran) = try findings(in: collection, require: request.require)
        if let (baseline, path) = try baseline(request.baseline, for: collection) {
            var unused: Severity? = UnusedExceptionCheck.description.defaultSeverity
            if let setting = collection.config.checks[UnusedExceptionCheck.description.id]?.severity {
                unused = setting.severity
            }
            let applied = baseline.apply(
                to: diagnostics, in: collection, path: path, unusedSeverity: unused, checksRun: ran)
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
        return (diagnostics, silenced)
    }

    /// Every finding of the configured checks (and of those `require` turns on), minus those the
    /// exhibits' `ignore:` entries accept, and the ids of the checks that ran.
    static func findings(in collection: CaptionCollection, require: SignOffLevel = .translated) throws(CaptionError)
        -> (kept: [Diagnostic], silenced: Int, checksRun: Set<String>)
    {
        let validator = try Validator(config: collection.config, turnedOn: requiredCheckIDs(require))
        try WordBudget.validate(collection.config)
        let (kept, silenced) = IgnoreList.apply(to: validator.validate(collection), in: collection)
        return (kept, silenced, validator.checkIDs)
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

    /// The ids of the checks that hold back texts below `level`.
    static func requiredCheckIDs(_ level: SignOffLevel) -> Set<String> {
        switch level {
        case .translated: []
        case .reviewed: [NotReviewedCheck.description.id]
        case .approved: [NotReviewedCheck.description.id, NotApprovedCheck.description.id]
        }
    }

    /// Why a collection without exhibit files cannot be checked, naming the files that were not
    /// read (`kurt.YML`, a linked folder) when there are any, as `skipped-file` would.
    static func noExhibitFiles(in collection: CaptionCollection) -> CaptionError {
        var message = "\(collection.rootPath) has no exhibit files (*.yml) to check"
        if let first = collection.skippedPaths.first {
            let more = collection.skippedPaths.count - 1
            message += "; not read: \(SkippedFileCheck.message(for: first))"
            if more > 0 { message += " (and \(TextReporter.plural(more, "other path")))" }
        }
        return .invalidArgument(message)
    }

    /// `captions-baseline.json` in the collection folder.
    static func defaultBaselinePath(for root: String) -> String {
        CollectionLoader.join(root, Baseline.defaultFileName)
    }

}
