/// The JSON of `captions check --explain ID --format json`: the same description as the text,
/// as a document tools can read (schema version 1, keys sorted, byte-stable).
extension CheckExplanation {
    /// The document: a check's description, or that of a finding another command reports.
    struct Document: Encodable {
        /// The id, e.g. `number-mismatch`.
        var id: String
        /// The short Title Case name.
        var name: String
        /// The command that reports it: `captions check`, `captions import (XLIFF files)`, ….
        var reportedBy: String
        /// Whether `captions.yml` can change its severity or turn it off (the checks can).
        var configurable: Bool
        /// The severity it has unless `captions.yml` says otherwise (always, for other commands' findings).
        var defaultSeverity: String
        /// Whether it runs when `captions.yml` does not name it; absent for other commands' findings.
        var onByDefault: Bool?
        /// What it finds and why that matters.
        var rationale: String
        /// What to do about it; absent for checks (their messages say it).
        var remedy: String?
        /// The check's options (`name`, `summary`); absent for other commands' findings.
        var options: [Option]?
        /// Examples that do not and do produce it.
        var examples: Examples
        /// The schema version: 1.
        var version = JSONReporter.schemaVersion
    }

    /// An option of a check.
    struct Option: Encodable {
        var name: String
        var summary: String
    }

    /// The examples of a check or finding.
    struct Examples: Encodable {
        var notReported: [Example]
        /// In the files of a check's examples, `↓` marks where each finding points.
        var reported: [Example]
    }

    /// One example: a collection's files (paths relative to its folder), its `captions.yml` when
    /// it needs one, and for another command's finding the file given to that command.
    struct Example: Encodable {
        var files: [File]
        var config: String?
        var input: File?
        var trustStatesBy: String?
    }

    /// A file of an example.
    struct File: Encodable {
        var path: String
        var text: String
    }

    static func document(for description: CheckDescription) -> Document {
        func example(_ example: CheckExample) -> Example {
            Example(files: example.files.map { File(path: $0.path, text: $0.text) }, config: example.config)
        }
        return Document(
            id: description.id, name: description.name, reportedBy: "captions check", configurable: true,
            defaultSeverity: description.defaultSeverity.rawValue, onByDefault: description.isOnByDefault,
            rationale: description.rationale,
            options: description.options.map { Option(name: $0.name, summary: $0.summary) },
            examples: Examples(
                notReported: description.nonTriggeringExamples.map(example),
                reported: description.triggeringExamples.map(example)))
    }

    static func document(for description: FindingDescription) -> Document {
        func example(_ example: FindingExample) -> Example {
            Example(
                files: example.files.map { File(path: $0.path, text: $0.text) }, config: example.config,
                input: example.input.map { File(path: "returned/" + $0.path, text: $0.text) },
                trustStatesBy: example.trustStatesBy)
        }
        return Document(
            id: description.id, name: description.name, reportedBy: description.command.rawValue,
            configurable: false, defaultSeverity: description.severity.rawValue, rationale: description.rationale,
            remedy: description.remedy,
            examples: Examples(
                notReported: description.notReported.map(example), reported: description.reported.map(example)))
    }
}
