import Foundation

/// The JSON report of `captions check` (schema version 1).
///
/// Keys are sorted and the output is pretty-printed, so it is byte-stable. The schema is
/// documented in Documentation/Commands.md; fields are only ever added within a version.
public enum JSONReporter {
    /// The top-level document.
    public struct Document: Codable, Sendable, Equatable {
        /// The schema version: 1.
        public var version: Int
        /// The collection folder.
        public var collection: String
        /// Counts and completeness.
        public var summary: Summary
        /// Every finding, sorted by path, line and column.
        public var diagnostics: [Finding]
    }

    /// Counts and completeness.
    public struct Summary: Codable, Sendable, Equatable {
        /// Exhibit files checked.
        public var exhibits: Int
        /// Error-level findings.
        public var errors: Int
        /// Warning-level findings.
        public var warnings: Int
        /// Note-level findings.
        public var notes: Int
        /// Completeness per language.
        public var languages: [Language]
    }

    /// Completeness of one language.
    public struct Language: Codable, Sendable, Equatable {
        /// The language tag.
        public var language: String
        /// Units with text.
        public var translated: Int
        /// All units.
        public var total: Int
        /// Units without text.
        public var missing: Int
        /// Translated share in percent (one decimal).
        public var percent: Double
    }

    /// One finding.
    public struct Finding: Codable, Sendable, Equatable {
        /// The file.
        public var path: String
        /// 1-based line (0 for the whole file).
        public var line: Int
        /// 1-based column in Unicode scalars (0 when unknown).
        public var column: Int
        /// `error`, `warning` or `note`.
        public var severity: String
        /// The check id.
        public var check: String
        /// The message.
        public var message: String
        /// The exhibit id, when known.
        public var exhibit: String?
        /// The field, when the finding is about one.
        public var field: String?
        /// The language, when the finding is about one.
        public var language: String?
        /// Related locations.
        public var notes: [Note]
    }

    /// A related location of a finding.
    public struct Note: Codable, Sendable, Equatable {
        /// The file.
        public var path: String
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// The note's message.
        public var message: String
    }

    /// Builds the document for `result`.
    public static func document(_ result: CheckResult) -> Document {
        var document = summaryDocument(result)
        document.diagnostics = result.diagnostics.map(finding)
        return document
    }

    /// The document for `result` without its findings.
    static func summaryDocument(_ result: CheckResult) -> Document {
        Document(
            version: 1,
            collection: result.collection.rootPath,
            summary: Summary(
                exhibits: result.summary.exhibits, errors: result.count(.error), warnings: result.count(.warning),
                notes: result.count(.note),
                languages: result.summary.languages.map {
                    Language(
                        language: $0.language, translated: $0.translated, total: $0.total, missing: $0.missing,
                        percent: $0.percent)
                }),
            diagnostics: [])
    }

    /// One finding as the document holds it.
    static func finding(_ finding: Diagnostic) -> Finding {
        Finding(
            path: finding.location.path, line: finding.location.line, column: finding.location.column,
            severity: finding.severity.rawValue, check: finding.checkID, message: finding.message,
            exhibit: finding.exhibitID, field: finding.field, language: finding.language,
            notes: finding.notes.map {
                Note(path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
            })
    }

    /// The JSON text, ending in a newline.
    public static func report(_ result: CheckResult) throws(CaptionError) -> String {
        // The same bytes as `encode(document(result))`, written without Codable (see
        // CheckJSONWriter), the findings on all cores.
        CheckJSONWriter.text(summaryDocument(result), findings: result.diagnostics)
    }

    /// Encodes any value the way every JSON output of `captions` is encoded.
    public static func encode<T: Encodable>(_ value: T) throws(CaptionError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw .unwritable(path: "JSON report", reason: "\(error)")
        }
    }
}
