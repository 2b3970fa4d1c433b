import Foundation
import Testing

@testable import CaptionKit

/// Golden files for each signage format on the fixture collection.
@Suite struct SignageExportSnapshotTests {
    /// What an export wrote: its files below the export folder (without the manifest) and its report.
    struct Export {
        var files: [String: Data]
        var report: SignageExportReport
    }

    /// Exports the fixture collection with `encoding` into a fresh folder.
    func export(encoding: DataMergeEncoding = .utf16LE) throws -> Export {
        let fixture = try SignageFixture.make()
        let collection = try fixture.load()
        // Paths in messages and the proof sheet must not depend on the temporary folder.
        let relocated = CaptionCollection(
            rootPath: "Captions", config: collection.config,
            exhibits: collection.exhibits.map { exhibit in
                var exhibit = exhibit
                exhibit.path = "Captions/" + exhibit.relativePath
                return relocate(exhibit, from: fixture.root + "/", to: "Captions/")
            })
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(
            relocated, options: SignageExportOptions(outputFolder: out, dataMergeEncoding: encoding))
        var files = try SignageStreamingExportTests.contents(of: out)
        files[ExportFolder.manifestName] = nil
        return Export(files: files, report: report)
    }

    func file(_ export: Export, _ path: String) throws -> Data {
        try #require(export.files[path])
    }

    @Test func exportWritesOneTextFilePerExportedExhibitPlusDataMergeAndProof() throws {
        let export = try export()
        #expect(
            export.files.keys.sorted() == [
                "datamerge.txt", "memorial-park/long-word.txt", "memorial-park/stalin-wagon.txt", "proof.html",
            ])
        #expect(export.report.labelCount == 2)
        #expect(export.report.heldBack.map(\.displayID) == ["held-back"])
    }

    @Test func textFilesMatchTheirGoldenFiles() throws {
        let export = try export()
        SignageSnapshot.assertMatches(try file(export, "memorial-park/stalin-wagon.txt"), named: "stalin-wagon.txt")
        SignageSnapshot.assertMatches(try file(export, "memorial-park/long-word.txt"), named: "long-word.txt")
    }

    @Test func dataMergeFileMatchesItsGoldenFileInBothEncodings() throws {
        SignageSnapshot.assertMatches(try file(try export(), "datamerge.txt"), named: "datamerge-utf16le.txt")
        SignageSnapshot.assertMatches(
            try file(try export(encoding: .utf8BOM), "datamerge.txt"), named: "datamerge-utf8-bom.txt")
    }

    @Test func proofSheetMatchesItsGoldenFile() throws {
        SignageSnapshot.assertMatches(try file(try export(), "proof.html"), named: "proof.html")
    }

    @Test func dataMergeDecodesAsUTF16WithBOMIntoRectangularColumns() throws {
        let data = try file(try export(), "datamerge.txt")
        #expect(Array(data.prefix(2)) == [0xFF, 0xFE])
        let text = try #require(String(data: data.dropFirst(2), encoding: .utf16LittleEndian))
        #expect(text.hasSuffix("\r\n"))
        let rows = text.dropLast(2).components(separatedBy: "\r\n").map { $0.components(separatedBy: "\t") }
        #expect(rows.count == 3)
        #expect(
            rows[0] == [
                "id", "gallery", "kk_title", "kk_text_1", "kk_text_2", "kk_credit", "ru_title", "ru_text_1",
                "ru_text_2",
                "ru_credit", "en_title", "en_text_1", "en_text_2", "en_credit",
            ])
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(!rows[0].contains { $0.hasPrefix("@") || !$0.allSatisfy(\.isASCII) })
        let wagon = try #require(rows.first { $0.first == "stalin-wagon" })
        #expect(wagon[1] == "memorial-park")
        #expect(wagon[6] == "Арестантский вагон 1938–1953\u{A0}гг.")
        #expect(
            wagon[7]
                == """
                Вагон\u{A0}— в\u{A0}таких при Сталине везли заключённых в\u{A0}лагеря. В\u{A0}один вагон набивали \
                70\u{A0}человек.
                """
        )
        #expect(wagon[8] == "Рядом стоит макет «сторожевой вышки».")
        let longWord = try #require(rows.first { $0.first == "long-word" })
        #expect(longWord[4] == "" && longWord[5] == "", "a missing second paragraph and credit leave empty cells")
        #expect(!text.contains("held-back"), "held-back exhibits get no row")
    }

    @Test func dataMergeValuesNeverContainTabsOrLineBreaks() {
        let label = SignageLabel(
            id: "a", gallery: "g", path: "a.yml",
            blocks: [
                .init(
                    language: "en",
                    fields: [
                        .init(
                            name: "text", location: .init(path: "a.yml"),
                            text: TypesetText("one\ttwo\nthree\u{2028}four"))
                    ])
            ])
        let file = DataMergeWriter.data(for: [label], languages: ["en"], fields: ["text"], encoding: .utf8BOM)
        #expect(file == Data("\u{FEFF}id\tgallery\ten_text\r\na\tg\tone two three four\r\n".utf8))
    }

    @Test func proofSheetEscapesCaptionTextAndIsSelfContained() throws {
        let html = String(decoding: try file(try export(), "proof.html"), as: UTF8.self)
        // Broken where the text file breaks it (30 characters), with no browser hyphenation.
        #expect(html.contains("&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp;<br>more"))
        #expect(!html.contains("hyphens"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("url("))
        #expect(html.contains("<div class=\"block\" lang=\"kk\">"))
        #expect(html.contains("<p class=\"badge\">Held back: not exported</p>"))
        #expect(html.contains("Captions/museum/held-back.yml:2:1</code> no Kazakh (kk) title"))
        #expect(!html.contains("Без казахского"), "no text of a held-back exhibit is shown")
    }

    @Test func escapeCoversTheFiveHTMLSpecialCharacters() {
        #expect(
            ProofSheetWriter.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(ProofSheetWriter.escape("Абай жолы — «роман»") == "Абай жолы — «роман»")
    }

    /// A combining mark after `<` or `&` makes one Character of the two; the special character
    /// is still escaped.
    @Test func escapeReachesSpecialCharactersFollowedByCombiningMarks() {
        #expect(ProofSheetWriter.escape("<\u{301}script>&\u{308}") == "&lt;\u{301}script&gt;&amp;\u{308}")
    }

    @Test func dataMergeValuesLoseEveryLineSeparatorAndTab() {
        #expect(
            DataMergeWriter.flatten(["a\tb", "c\u{2028}d\u{85}e\u{2029}f\u{0B}g\u{0C}h\ri"]) == "a b c d e f g h i")
        #expect(DataMergeWriter.flatten(["Қасірет аркасы", "— 1937 жылы"]) == "Қасірет аркасы — 1937 жылы")
        #expect(DataMergeWriter.flatten(["Ã â€” é"]) == "Ã â€” é", "0xC2/0xE2 lead bytes without a separator")
    }

    @Test func overlongWordsBecomeWarningsWithPositions() throws {
        let export = try export()
        #expect(
            export.report.warnings.map(\.formatted) == [
                """
                Captions/memorial-park/long-word.yml:9:7: warning: long-word: a word in the English (en) text is \
                45 characters, wider than the 30-character line; it stands on a line of its own and overflows: \
                Pneumonoultramicroscopicsilicovolcanoconiosis
                """
            ])
    }

    @Test func exportIsDeterministic() throws {
        let (first, second) = (try export(), try export())
        #expect(first.files == second.files)
        #expect(first.report.heldBack == second.report.heldBack && first.report.warnings == second.report.warnings)
    }
}

/// The exhibit with `prefix` in its paths and locations replaced.
func relocate(_ exhibit: Exhibit, from prefix: String, to replacement: String) -> Exhibit {
    func move(_ location: SourceLocation) -> SourceLocation {
        var location = location
        if location.path.hasPrefix(prefix) { location.path = replacement + location.path.dropFirst(prefix.count) }
        return location
    }
    var exhibit = exhibit
    exhibit.idLocation = move(exhibit.idLocation)
    exhibit.fields = exhibit.fields.map { field in
        var field = field
        field.location = move(field.location)
        field.translations = field.translations.map { translation in
            var translation = translation
            translation.keyLocation = move(translation.keyLocation)
            translation.valueLocation = move(translation.valueLocation)
            return translation
        }
        return field
    }
    exhibit.loadFindings = exhibit.loadFindings.map { finding in
        var finding = finding
        finding.location = move(finding.location)
        return finding
    }
    return exhibit
}
