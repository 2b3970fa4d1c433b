import Testing

@testable import CaptionKit

@Suite("Text reporter")
struct TextReporterTests {
    @Test("A finding whose message quotes a line break (a YAML key may hold one) stays one line")
    func lineBreaksInAMessageAreEscaped() throws {
        let collection = try TestCollection(files: [
            (
                "barracks/felt-boots.yml",
                "id: felt-boots\ntitle: { kk: Киіз етік, ru: Валенки, en: Felt boots }\n\"ti\\ntle\\r\\nx\": { kk: a }\n"
            )
        ])
        let result = try CaptionChecker.run(CheckRequest(path: collection.root))
        let lines = TextReporter.findings(result).split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "barracks/felt-boots.yml:3:1: error: unknown field 'ti\\ntle\\r\\nx'; did you mean 'title'? "
                        + "[unknown-field]")
            })
        #expect(lines.count == result.diagnostics.count + result.diagnostics.map(\.notes.count).reduce(0, +))
        // A message without a line break is written as it is.
        #expect(
            SourceLocation(path: "a.yml", line: 2, column: 3).line(.warning, "plain: 'x'")
                == "a.yml:2:3: warning: plain: 'x'")
    }
}
