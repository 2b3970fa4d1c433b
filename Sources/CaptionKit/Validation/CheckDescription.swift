/// What a check is, for users and for the tests: id, name, rationale, severity and examples.
public struct CheckDescription: Sendable {
    /// A stable kebab-case id, e.g. `missing-translation`; used in output and in `captions.yml`.
    public var id: String
    /// A short Title Case name.
    public var name: String
    /// One paragraph for museum staff: what the check finds and why it matters.
    public var rationale: String
    /// The severity used unless `captions.yml` says otherwise.
    public var defaultSeverity: Severity
    /// Options the check reads from its `checks:` entry, with one-line explanations.
    public var options: [(name: String, summary: String)]
    /// Examples that must not trigger the check.
    public var nonTriggeringExamples: [CheckExample]
    /// Examples that must trigger it, with `↓` where each finding must point.
    public var triggeringExamples: [CheckExample]

    /// Creates a description.
    public init(
        id: String, name: String, rationale: String, defaultSeverity: Severity,
        options: [(name: String, summary: String)] = [],
        nonTriggeringExamples: [CheckExample], triggeringExamples: [CheckExample]
    ) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.options = options
        self.nonTriggeringExamples = nonTriggeringExamples
        self.triggeringExamples = triggeringExamples
    }
}

/// A small caption collection used as a check example and test.
///
/// Each file's text may contain the marker `↓` where a finding must point (line and column of
/// the character after it). Files are relative to the collection folder; the configuration is
/// `captions.yml` text, or the defaults when `nil`.
public struct CheckExample: Sendable {
    /// The files of the example collection: relative path and text with markers.
    public var files: [(path: String, text: String)]
    /// The `captions.yml` text, or `nil` for the defaults.
    public var config: String?
    /// Where the example was written, so a failing test points at the check's own file.
    public var sourceFile: String
    /// See ``sourceFile``.
    public var sourceLine: Int

    /// An example with one exhibit file, `exhibit.yml` unless named.
    public init(
        _ text: String, path: String = "exhibit.yml", config: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.files = [(path, text)]
        self.config = config
        self.sourceFile = file
        self.sourceLine = line
    }

    /// An example with several files.
    public init(files: [(path: String, text: String)], config: String? = nil, file: String = #fileID, line: Int = #line)
    {
        self.files = files
        self.config = config
        self.sourceFile = file
        self.sourceLine = line
    }

    /// The marker that shows where a finding must point.
    public static let marker: Character = "↓"
}
