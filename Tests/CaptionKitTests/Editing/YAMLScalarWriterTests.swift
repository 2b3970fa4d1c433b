import Testing

@testable import CaptionKit

@Suite struct YAMLScalarWriterTests {
    @Test(arguments: [
        ("Plain text", YAMLScalarWriter.Rendering.inline("Plain text")),
        ("two\nlines", .literalBlock(["two", "lines"])),
        ("two\nlines\n", .inline("\"two\\nlines\\n\"")),
        (" lead", .inline("\" lead\"")),
        ("yes", .inline("\"yes\"")),
        ("1938", .inline("\"1938\"")),
        ("a: b", .inline("\"a: b\"")),
        ("x\u{2028}y", .inline("\"x\\u2028y\"")),
        ("", .inline("\"\"")),
    ])
    func chosenStyle(_ text: String, _ expected: YAMLScalarWriter.Rendering) {
        #expect(YAMLScalarWriter.render(text) == expected)
    }

    @Test(arguments: CaptionFileEditorTests.texts)
    func doubleQuotedLoadsBack(_ text: String) throws {
        let exhibit = ExhibitParser.parse(
            text: "id: a\ntitle:\n  kk: \(YAMLScalarWriter.doubleQuoted(text))\n", path: "a.yml", relativePath: "a.yml")
        let loaded = try #require(exhibit.field("title")?.translation("kk")?.text)
        #expect(Array(loaded.unicodeScalars) == Array(text.unicodeScalars))
    }
}
