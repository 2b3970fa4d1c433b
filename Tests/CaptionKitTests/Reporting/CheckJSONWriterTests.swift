import Foundation
import Testing

@testable import CaptionKit

/// `CheckJSONWriter` must write exactly what `JSONEncoder` writes for the check document, with
/// `percent` always given one decimal (`JSONReporter.percentsWithOneDecimal`).
@Suite struct CheckJSONWriterTests {
    /// Every ASCII control character, quotes, backslashes, slashes, non-ASCII and line
    /// separators: the characters where JSON writers differ.
    static let trickyText: String = {
        var text = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }.joined()
        text += "\u{7F} \" \\ / // ' « » ә қ \u{A0} \u{2028} \u{2029} \u{FEFF} 😀 e\u{301} </script>"
        return text
    }()

    static func finding(_ message: String, notes: [JSONReporter.Note] = [], optional: Bool = true)
        -> JSONReporter.Finding
    {
        JSONReporter.Finding(
            path: "Captions/memorial-park/stalin-wagon.yml", line: 12, column: 3, severity: "warning",
            check: "repeated-word",
            message: message, exhibit: optional ? "stalin-wagon" : nil, field: optional ? "text" : nil,
            language: optional ? "kk" : nil, notes: notes)
    }

    static let documents: [JSONReporter.Document] = [
        JSONReporter.Document(
            version: 1, collection: "/tmp/a b/Captions",
            summary: JSONReporter.Summary(exhibits: 0, errors: 0, warnings: 0, notes: 0, languages: []), diagnostics: []
        ),
        JSONReporter.Document(
            version: 1, collection: "Captions",
            summary: JSONReporter.Summary(
                exhibits: 50000, errors: 20660, warnings: 67519, notes: 3,
                languages: [
                    .init(language: "kk", translated: 108604, total: 114922, missing: 6318, percent: 94.5),
                    .init(language: "ru", translated: 114922, total: 114922, missing: 0, percent: 100),
                    .init(language: "en", translated: 0, total: 3, missing: 3, percent: 0),
                    .init(language: "kk-Latn", translated: 1, total: 3, missing: 2, percent: 33.3),
                    .init(language: "de", translated: 2, total: 3, missing: 1, percent: 66.7),
                ]),
            diagnostics: [
                finding(trickyText),
                finding("plain", optional: false),
                finding("ends with a quote\""), finding("\\"), finding("\u{1F}"), finding("қазақ\tтілі"), finding(""),
                finding(
                    "with notes",
                    notes: [
                        .init(path: "a/b.yml", line: 1, column: 1, message: trickyText),
                        .init(path: "c.yml", line: 0, column: 0, message: ""),
                    ]),
            ]),
    ]

    @Test(arguments: documents.indices) func writesWhatJSONEncoderWrites(index: Int) throws {
        let document = Self.documents[index]
        let written = CheckJSONWriter.text(document)
        #expect(written == JSONReporter.percentsWithOneDecimal(try JSONReporter.encode(document)))
        #expect(try JSONDecoder().decode(JSONReporter.Document.self, from: Data(written.utf8)) == document)
    }

    /// A percentage is a number with one decimal whatever its value: typed readers get one type.
    @Test func percentAlwaysHasOneDecimal() {
        let text = CheckJSONWriter.text(Self.documents[1])
        let percents = text.split(separator: "\n").filter { $0.contains("\"percent\"") }.map {
            $0.drop { $0 == " " }
        }
        #expect(
            percents == [
                "\"percent\" : 94.5,", "\"percent\" : 100.0,", "\"percent\" : 0.0,", "\"percent\" : 33.3,",
                "\"percent\" : 66.7,",
            ])
    }

    /// Only the values of `percent` keys change: not a string that quotes one, nor other numbers.
    @Test func onlyPercentKeysGainADecimal() {
        let text = "{\n  \"a\" : \"\\\"percent\\\" : 5\",\n  \"percent\" : 100,\n  \"total\" : 100\n}\n"
        #expect(
            JSONReporter.percentsWithOneDecimal(text)
                == "{\n  \"a\" : \"\\\"percent\\\" : 5\",\n  \"percent\" : 100.0,\n  \"total\" : 100\n}\n")
    }

    @Test func emptyArraysKeepJSONEncodersLayout() {
        let text = CheckJSONWriter.text(Self.documents[0])
        #expect(text.contains("\"diagnostics\" : [\n\n  ],\n"))
        #expect(text.hasSuffix("  \"version\" : 1\n}\n"))
    }

    /// Findings with the tricky strings, with and without optionals and notes.
    static let diagnostics: [Diagnostic] = (0..<9).map { index in
        Diagnostic(
            checkID: index % 2 == 0 ? "repeated-word" : "number-mismatch",
            severity: [.error, .warning, .note][index % 3],
            location: SourceLocation(path: "Captions/a/\(index) \"x\".yml", line: index, column: index * 2),
            message: index % 3 == 0 ? trickyText : "message \(index)\t\\",
            notes: index % 4 == 1
                ? [Diagnostic.Note(location: SourceLocation(path: "b.yml", line: 1, column: 2), message: trickyText)]
                : [],
            exhibitID: index % 2 == 0 ? "e\(index)" : nil, field: index % 3 == 1 ? "text" : nil,
            language: index % 5 == 0 ? nil : "kk")
    }

    @Test(arguments: [0, 1, 2, 3, 5, 9], [1, 2, 3, 2048])
    func findingsWrittenInChunksEqualTheWholeDocument(count: Int, chunkSize: Int) throws {
        var document = Self.documents[1]
        document.diagnostics = []
        let findings = Array(Self.diagnostics.prefix(count))
        var whole = document
        whole.diagnostics = findings.map(JSONReporter.finding)
        let chunked = CheckJSONWriter.text(document, findings: findings, chunkSize: chunkSize)
        #expect(chunked == CheckJSONWriter.text(whole))
        #expect(chunked == JSONReporter.percentsWithOneDecimal(try JSONReporter.encode(whole)))
    }
}
