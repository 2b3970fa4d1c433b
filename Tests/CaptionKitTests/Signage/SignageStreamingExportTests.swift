import Foundation
import Testing

@testable import CaptionKit

/// The byte-level text writer and the streaming export against the plain computations they
/// stand for.
@Suite struct SignageStreamingExportTests {
    /// Lines with what the byte path must get right: runs of spaces, spaces at the ends,
    /// no-break spaces, two- and three-byte letters, overlong words, and scalars that are not
    /// simple (combining marks, emoji, a tab, a line separator), which take the plain path.
    static let lines = [
        "", " ", "   ", "a", "one two three four five", "  leading and trailing  ", "double  spaces   here",
        "лагерь в\u{A0}степи и в\u{A0}лагере", "Қасірет аркасы — әйелдер мен балалар", "№\u{A0}5 «барак» 1938–1953",
        "a Pneumonoultramicroscopic b", "Достопримечательностеведение", "e\u{301}te cafe\u{301} ok", "👩‍👩‍👧 family",
        "tab\there", "x\u{2028}y z", "\u{A0}\u{A0}\u{A0}", "abc def", "ё Ё ә Ә ң",
    ]

    @Test(arguments: lines, [1, 3, 7, 10, 48])
    func wrappingOnBytesGivesTheLinesAndWordsOfWrap(line: String, width: Int) {
        var output: [UInt8] = Array("prefix".utf8)
        var overlong = ["earlier"]
        let expected = LineBreaker.wrap(line, width: width)
        if LineBreaker.appendWrapped(simpleLine: line, width: width, to: &output, overlongWords: &overlong) {
            #expect(output == Array(("prefix" + expected.lines.joined(separator: "\n")).utf8))
            #expect(overlong == ["earlier"] + expected.overlongWords)
        } else {
            #expect(SimpleScalars.simpleLength(line) == nil)
            #expect(output == Array("prefix".utf8) && overlong == ["earlier"])
        }
    }

    @Test func bytesOfTheTextWriterAreItsText() {
        let location = SourceLocation(path: "x.yml", line: 1, column: 1)
        func field(_ name: String, _ paragraphs: [[String]]) -> SignageLabel.Field {
            SignageLabel.Field(name: name, location: location, paragraphs: paragraphs)
        }
        let label = SignageLabel(
            id: "x", gallery: "g", path: "x.yml",
            blocks: [
                SignageLabel.Block(
                    language: "kk", fields: [field("title", [Self.lines]), field("text", [[], ["a"], Self.lines])]),
                SignageLabel.Block(language: "ru", fields: []),
                SignageLabel.Block(language: "en", fields: [field("text", Self.lines.map { [$0] })]),
            ])
        for width in [1, 5, 48] {
            let settings = SignageSettings(width: width, fieldWidths: ["title": 12])
            let plain = SignageTextWriter.text(for: label, settings: settings)
            let bytes = SignageTextWriter.utf8(for: label, settings: settings)
            #expect(bytes.bytes == Array(plain.text.utf8))
            #expect(bytes.warnings == plain.warnings)
        }
    }

    /// `text` as a YAML double-quoted scalar, every scalar outside printable ASCII escaped.
    static func yamlQuoted(_ text: String) -> String {
        "\""
            + text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"", "\\": return "\\" + String(scalar)
                case " "..."~": return String(scalar)
                default:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    return scalar.value <= 0xFFFF
                        ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }.joined() + "\""
    }

    /// The text file written straight from the typeset text is the file of the label, for
    /// every tricky typography input as title and text, with narrow lines and `kk-Latn`.
    @Test func textFromTypesetTextIsTheTextOfTheLabel() throws {
        let inputs =
            TypographyFastPathTests.trickyInputs + Self.lines
            + ["Сөз - сөз \"тырнақша\" 1938-1953 жж., № 5", "Қазақстан Ғылым Ұлы Һ Ү Ө Ң Ә І"]
        let files = inputs.enumerated().map { index, input in
            (
                "g/t\(index).yml",
                """
                id: t\(index)
                title: { kk: \(Self.yamlQuoted(input + " ә")), ru: \(Self.yamlQuoted(input)), en: \(Self.yamlQuoted("x " + input)) }
                text: { kk: \(Self.yamlQuoted(input + "\n\n" + input)), ru: "a", en: \(Self.yamlQuoted(input)) }

                """
            )
        }
        let config = """
            languages: [kk, ru, en]
            source: ru
            fields:
              title: { required: true, signage-width: 7 }
              text: { required: false }
            signage: { width: 12 }

            """
        let fixture = try TestCollection(files: files, config: config)
        let collection = try fixture.load()
        let settings = try SignageSettings(config: collection.config)
        #expect(collection.exhibits.count == inputs.count)
        for languages in [nil, ["kk", "kk-Latn", "ru", "en"]] {
            for exhibit in collection.exhibits {
                let label = SignageLabel(exhibit: exhibit, config: collection.config, languages: languages)
                let plain = SignageTextWriter.text(for: label, settings: settings)
                let blocks = SignageLabel.blocks(of: exhibit, config: collection.config, languages: languages) {
                    Typography.typeset($0, language: $1)
                }
                let fast = SignageTextWriter.utf8(for: blocks, id: exhibit.displayID, settings: settings)
                #expect(fast.bytes == Array(plain.text.utf8), "\(exhibit.displayID)")
                #expect(fast.warnings == plain.warnings, "\(exhibit.displayID)")
            }
        }
    }

    /// Every file in `folder`, relative path to bytes.
    func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        for case let relative as String in enumerator {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return files
    }

    @Test(arguments: [[SignageFormat.txt], [.datamerge], [.html], SignageFormat.allCases], [false, true])
    func theStreamingExportWritesWhatThePlanHolds(formats: [SignageFormat], withLatinKazakh: Bool) throws {
        let fixture = try SignageFixture.make()
        let collection = try fixture.load()
        let out = fixture.root + "/out"
        let options = SignageExportOptions(
            outputFolder: out, formats: Set(formats), withLatinKazakh: withLatinKazakh)
        let plan = try SignageExporter.plan(collection, options: options)
        try fixture.write("out/memorial-park/stale.txt", "old")
        try fixture.write("out/.captions-manifest", "memorial-park/stale.txt\n")
        let report = try SignageExporter.export(collection, options: options)
        var expected = Dictionary(uniqueKeysWithValues: plan.files.map { ($0.path, $0.data) })
        // The stale file belongs to the text format: another format's export keeps it listed.
        if !formats.contains(.txt) { expected["memorial-park/stale.txt"] = Data("old".utf8) }
        let manifest =
            "# Files written by `captions export signage`; the next export removes those it no longer writes.\n"
            + expected.keys.sorted().map { $0 + "\n" }.joined()
        expected[ExportFolder.manifestName] = Data(manifest.utf8)
        #expect(try contents(of: out) == expected)
        #expect(report.labelCount == plan.labels.count)
        #expect(report.heldBack == plan.heldBack)
        #expect(report.warnings == plan.warnings)
        #expect(report.removed == (formats.contains(.txt) ? ["memorial-park/stale.txt"] : []))
    }
}
