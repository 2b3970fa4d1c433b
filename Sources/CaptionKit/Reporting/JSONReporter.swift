import Foundation

/// The JSON report of `captions check` (schema version 1).
///
/// Keys are sorted and the output is pretty-printed, so it is byte-stable. The schema is
/// documented in Documentation/Commands.md; fields are only ever added within a version.
enum JSONReporter {
    /// The `version` of every JSON document `captions` prints (`check`, `status`, `import`,
    /// `--explain`, `--write-baseline`, the `error` document): new keys may be added within it.
    static let schemaVersion = 1

    /// The top-level document.
    struct Document: Codable, Sendable, Equatable {
        /// The schema version: 1.
        var version: Int
        /// The collection folder.
        var collection: String
        /// Counts and completeness.
        var summary: Summary
        /// Every finding, sorted by path, line and column.
        var diagnostics: [Finding]
    }

    /// Counts and completeness.
    struct Summary: Codable, Sendable, Equatable {
        /// Exhibit files checked.
        var exhibits: Int
        /// Error-level findings.
        var errors: Int
        /// Warning-level findings.
        var warnings: Int
        /// Note-level findings.
        var notes: Int
        /// Findings accepted by `ignore:` entries and the baseline, not reported.
        var accepted = 0
        /// Exhibit files that could not be read: their texts are not in ``languages``.
        var unreadable = 0
        /// Completeness per language.
        var languages: [Language]
    }

    /// Completeness of one language.
    struct Language: Codable, Sendable, Equatable {
        /// The language tag.
        var language: String
        /// Units with text.
        var translated: Int
        /// All units.
        var total: Int
        /// Units without text.
        var missing: Int
        /// Translated share in percent, written with one decimal (`100.0`, `97.5`).
        var percent: Double
        /// Units whose text is a copy of the source (``CopiedTranslations``): neither translated
        /// nor missing, as in `captions status`.
        var sameAsSource = 0
    }

    /// One finding.
    struct Finding: Codable, Sendable, Equatable {
        /// The file.
        var path: String
        /// 1-based line (0 for the whole file).
        var line: Int
        /// 1-based column in Unicode scalars (0 when unknown).
        var column: Int
        /// `error`, `warning` or `note`.
        var severity: String
        /// The check id.
        var check: String
        /// The message.
        var message: String
        /// The exhibit id, when known.
        var exhibit: String?
        /// The field, when the finding is about one.
        var field: String?
        /// The language, when the finding is about one.
        var language: String?
        /// Related locations.
        var notes: [Note]
    }

    /// A related location of a finding.
    struct Note: Codable, Sendable, Equatable {
        /// The file.
        var path: String
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
        /// The note's message.
        var message: String
    }

    /// Builds the document for `result`.
    static func document(_ result: CheckResult) -> Document {
        var document = summaryDocument(result)
        document.diagnostics = result.diagnostics.map(finding)
        return document
    }

    /// The document for `result` without its findings.
    static func summaryDocument(_ result: CheckResult) -> Document {
        Document(
            version: schemaVersion,
            collection: result.collection.rootPath,
            summary: Summary(
                exhibits: result.summary.exhibits, errors: result.count(.error), warnings: result.count(.warning),
                notes: result.count(.note), accepted: result.silenced, unreadable: result.summary.unreadable,
                languages: result.summary.languages.map {
                    Language(
                        language: $0.language, translated: $0.translated, total: $0.total, missing: $0.missing,
                        percent: $0.percent, sameAsSource: $0.copied)
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
    static func report(_ result: CheckResult) throws(CaptionError) -> String {
        // The same bytes as `encode(document(result))`, written without Codable (see
        // CheckJSONWriter), the findings on all cores.
        CheckJSONWriter.text(summaryDocument(result), findings: result.diagnostics)
    }

    /// Encodes any value the way every JSON output of `captions` is encoded.
    /// The JSON of a run that could not check: `{"error": {"message", "path", "line",
    /// "column"}, "version": 1}`, the position fields present when known.
    static func report(_ error: CaptionError) throws(CaptionError) -> String {
        struct Problem: Encodable {
            var message: String
            var path: String?
            var line: Int?
            var column: Int?
        }
        struct Document: Encodable {
            var error: Problem
            var version = JSONReporter.schemaVersion
        }
        let location = error.location
        return try encode(
            Document(
                error: Problem(
                    message: error.message, path: location?.path,
                    line: location.flatMap { $0.line > 0 ? $0.line : nil },
                    column: location.flatMap { $0.column > 0 ? $0.column : nil })))
    }

    /// `value`, a percentage already rounded down to tenths (``CompletenessSummary``: 99.96% is
    /// not complete), with exactly one decimal: `100.0`, `97.5`, `0.0`. Taken to the nearest
    /// tenth, so a tenth that a `Double` holds just below itself stays itself. The one writer of
    /// a percentage: the text report's ``TextReporter/percent(_:)`` adds its `%`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The pretty-printed JSON `text` with every integral `"percent"` value given one decimal
    /// (`"percent" : 100` becomes `100.0`): `JSONEncoder` writes integral doubles without a
    /// fraction, and a percentage that is sometimes an integer and sometimes not is read as two
    /// types by typed JSON readers. Safe on pretty-printed text: each key starts its own line, and a
    /// string value cannot hold a line break or an unescaped quote.
    static func percentsWithOneDecimal(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            guard let range = lines[index].range(of: "\"percent\" : "),
                lines[index][..<range.lowerBound].allSatisfy({ $0 == " " })
            else { continue }
            let value = lines[index][range.upperBound...]
            let digits = value.hasSuffix(",") ? value.dropLast() : value
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { continue }
            lines[index].insert(contentsOf: ".0", at: digits.endIndex)
        }
        return lines.joined(separator: "\n")
    }

    static func encode<T: Encodable>(_ value: T) throws(CaptionError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw .unwritable(path: "JSON report", reason: "\(error)")
        }
    }
}
