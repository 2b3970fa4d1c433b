/// What `captions check` is asked to do.
public struct CheckRequest: Sendable {
    /// The collection folder.
    public var path: String
    /// Report only findings about these languages (and findings about no language); all when empty.
    public var languages: [String]
    /// Treat warnings as errors.
    public var strict: Bool

    /// Creates a request.
    public init(path: String, languages: [String] = [], strict: Bool = false) {
        self.path = path
        self.languages = languages
        self.strict = strict
    }
}

/// The outcome of `captions check`: findings and the completeness summary.
public struct CheckResult: Sendable {
    /// The loaded collection.
    public var collection: CaptionCollection
    /// The findings, with `--strict` applied, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// Completeness per language.
    public var summary: CompletenessSummary

    /// The number of findings with `severity`.
    public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

    /// Whether the check failed (any error-level finding).
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Runs the completeness and consistency checks over a collection.
public enum CaptionChecker {
    /// Loads the collection at `request.path`, runs every configured check and summarises.
    ///
    /// - Throws: ``CaptionError`` when the check cannot run: no collection, a malformed
    ///   `captions.yml`, an unknown language in `--lang`, or no exhibit files.
    public static func run(_ request: CheckRequest) throws(CaptionError) -> CheckResult {
        let collection = try CollectionLoader.load(path: request.path)
        return try run(request, on: collection)
    }

    /// Runs the checks on a collection already loaded.
    public static func run(_ request: CheckRequest, on collection: CaptionCollection) throws(CaptionError) -> CheckResult {
        for language in request.languages where !collection.config.languages.contains(language) {
            throw .invalidArgument(
                "--lang \(language) is not a language of this collection (\(collection.config.languages.joined(separator: ", ")))")
        }
        guard !collection.exhibits.isEmpty else {
            throw .invalidArgument("\(collection.rootPath) has no exhibit files (*.yml) to check")
        }
        let validator = try Validator(config: collection.config)
        try WordBudget.validate(collection.config)
        var diagnostics = validator.validate(collection)
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
        let summary = CompletenessSummary(
            collection: collection, languages: request.languages.isEmpty ? nil : request.languages)
        return CheckResult(collection: collection, diagnostics: diagnostics, summary: summary)
    }
}
