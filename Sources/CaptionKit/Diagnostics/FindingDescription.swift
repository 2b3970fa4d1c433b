/// What a finding that a command other than `captions check` reports is, for users and for the
/// tests: id, name, command, severity, rationale, what to do, and examples.
///
/// The counterpart of ``CheckDescription`` for `captions import` and `captions export xliff`:
/// their findings are not checks (no entry in `captions.yml` configures them), but
/// `captions check --explain ID` explains them too. Each kind of finding is a case of a
/// ``ReportedFinding`` enum kept beside the code that reports it, so a reporting site can only
/// name an id that has a description.
struct FindingDescription: Sendable {
    /// The command that reports a finding.
    enum Command: String, Sendable {
        /// `captions import FILE.xlf`.
        case importXLIFF = "captions import (XLIFF files)"
        /// `captions import FILE.tbx`.
        case importGlossary = "captions import (TBX files)"
        /// `captions export xliff`.
        case exportXLIFF = "captions export xliff"
        /// `captions export tmx`.
        case exportTMX = "captions export tmx"
    }

    /// The stable kebab-case id printed at the end of the finding's line, e.g. `import-conflict`.
    var id: String
    /// A short Title Case name.
    var name: String
    /// The command that reports it.
    var command: Command
    /// Its severity; no configuration changes it.
    var severity: Severity
    /// One paragraph for translators and museum staff: what the finding means.
    var rationale: String
    /// One paragraph: what to do about it.
    var remedy: String
    /// Inputs that must not produce the finding.
    var notReported: [FindingExample]
    /// Inputs that must produce it.
    var reported: [FindingExample]
}

/// A small input that shows a finding and that a test runs through its command.
///
/// The collection has `captions.yml` (``config``) and the caption files ``files``; the command
/// reads ``input`` (an XLIFF or TBX file in `returned/`), or exports the collection when it is
/// `nil`.
struct FindingExample: Sendable {
    /// The caption files of the collection (relative path, text) and `glossary.yml` if any.
    var files: [(path: String, text: String)]
    /// The file given to the command: its name in `returned/` and its text.
    var input: (path: String, text: String)?
    /// `--trust-states --by` this name, or `nil`.
    var trustStatesBy: String?
    /// The `captions.yml` text.
    var config: String
    /// Where the example was written, so a failing test points at it.
    var sourceFile: String
    /// See ``sourceFile``.
    var sourceLine: Int

    /// The configuration of every example unless one says otherwise.
    static let defaultConfig = "languages: [kk, ru, en]\nsource: ru\n"

    /// Creates an example.
    init(
        files: [(path: String, text: String)], input: (path: String, text: String)? = nil,
        trustStatesBy: String? = nil, config: String = FindingExample.defaultConfig,
        file: String = #fileID, line: Int = #line
    ) {
        self.files = files
        self.input = input
        self.trustStatesBy = trustStatesBy
        self.config = config
        self.sourceFile = file
        self.sourceLine = line
    }
}

/// The kinds of finding one command reports: a case per id, each with its description.
protocol ReportedFinding: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// What the finding is, with examples.
    var findingDescription: FindingDescription { get }
}

extension Diagnostic {
    /// A finding of `kind`, with the id and severity of its description.
    init(
        _ kind: some ReportedFinding, location: SourceLocation, message: String, notes: [Note] = [],
        exhibitID: String? = nil, field: String? = nil, language: String? = nil
    ) {
        self.init(
            checkID: kind.rawValue, severity: kind.findingDescription.severity, location: location, message: message,
            notes: notes, exhibitID: exhibitID, field: field, language: language)
    }
}

/// Every finding that a command other than `captions check` reports, in the order
/// `--explain` lists them.
enum FindingRegistry {
    /// Every description.
    static let all: [FindingDescription] =
        XLIFFImportFinding.allCases.map(\.findingDescription)
        + GlossaryImportFinding.allCases.map(\.findingDescription)
        + ExportFinding.allCases.map(\.findingDescription)

    /// The ids of ``all``.
    static var ids: [String] { all.map(\.id) }

    /// The description with `id`, or `nil`.
    static func finding(id: String) -> FindingDescription? {
        all.first { $0.id == id }
    }
}
