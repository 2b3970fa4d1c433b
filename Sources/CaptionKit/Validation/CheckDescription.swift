/// What a check is, for users and for the tests: id, name, rationale, severity and examples.
struct CheckDescription: Sendable {
    /// A stable kebab-case id, e.g. `missing-translation`; used in output and in `captions.yml`.
    var id: String
    /// A short Title Case name.
    var name: String
    /// One paragraph for museum staff: what the check finds and why it matters.
    var rationale: String
    /// The severity used unless `captions.yml` says otherwise.
    var defaultSeverity: Severity
    /// Options the check reads from its `checks:` entry, with one-line explanations.
    var options: [(name: String, summary: String)]
    /// Whether the check runs when `captions.yml` does not name it; a check that is off by
    /// default runs with ``defaultSeverity`` once its entry gives no severity but options.
    var isOnByDefault = true
    /// Examples that must not trigger the check.
    var nonTriggeringExamples: [CheckExample]
    /// Examples that must trigger it, with `↓` where each finding must point.
    var triggeringExamples: [CheckExample]

    /// Creates a description.
    init(
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
/// the character after it); in a file the loader does not read (`kurt.YML`), a marker stands
/// for a finding about the whole file. Files are relative to the collection folder; the configuration is
/// `captions.yml` text, or the defaults when `nil`.
struct CheckExample: Sendable {
    /// The files of the example collection: relative path and text with markers.
    var files: [(path: String, text: String)]
    /// The `captions.yml` text, or `nil` for the defaults.
    var config: String?
    /// Where the example was written, so a failing test points at the check's own file.
    var sourceFile: String
    /// See ``sourceFile``.
    var sourceLine: Int

    /// An example with one exhibit file, `exhibit.yml` unless named.
    init(
        _ text: String, path: String = "exhibit.yml", config: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.files = [(path, text)]
        self.config = config
        self.sourceFile = file
        self.sourceLine = line
    }

    /// An example with several files.
    init(files: [(path: String, text: String)], config: String? = nil, file: String = #fileID, line: Int = #line) {
        self.files = files
        self.config = config
        self.sourceFile = file
        self.sourceLine = line
    }

    /// The marker that shows where a finding must point.
    static let marker: Character = "↓"
}
