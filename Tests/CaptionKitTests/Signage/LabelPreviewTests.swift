import Foundation
import Testing

@testable import CaptionKit

/// ``SignageExporter/preview(exhibit:in:drafts:withLatinKazakh:)``: the label of one exhibit as
/// the export typesets it.
@Suite struct LabelPreviewTests {
    /// The text file a preview stands for: blocks, fields' paragraphs and lines joined as the
    /// text writer joins them.
    static func textFile(of preview: LabelPreview) -> String {
        preview.blocks.map { block in
            block.fields.flatMap { $0.paragraphs.map { $0.joined(separator: "\n") } }.joined(separator: "\n\n")
        }.joined(separator: "\n\n\n") + "\n"
    }

    @Test(arguments: [false, true])
    func previewLinesAreTheLinesOfTheExportedTextFile(withLatinKazakh: Bool) throws {
        let fixture = try SignageFixture.make()
        let collection = try fixture.load()
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(
            collection,
            options: SignageExportOptions(outputFolder: out, formats: [.txt], withLatinKazakh: withLatinKazakh))
        for id in ["stalin-wagon", "long-word"] {
            let preview = try SignageExporter.preview(exhibit: id, in: collection, withLatinKazakh: withLatinKazakh)
            #expect(try fixture.read("out/memorial-park/\(id).txt") == Self.textFile(of: preview))
            #expect(preview.holdBackReasons.isEmpty)
            #expect(preview.warnings == report.warnings.filter { $0.message.hasPrefix(id + ":") })
        }
    }

    @Test func previewHasTheWrappedLinesOfEveryBlockAndField() throws {
        let preview = try SignageExporter.preview(exhibit: "stalin-wagon", in: try SignageFixture.make().load())
        #expect(preview.id == "stalin-wagon")
        #expect(preview.blocks.map(\.language) == ["kk", "ru", "en"])
        #expect(
            preview.blocks.map { $0.fields.map(\.name) } == Array(repeating: ["title", "text", "credit"], count: 3))
        let russian = preview.blocks[1].fields
        #expect(russian[0].paragraphs == [["Арестантский вагон", "1938–1953\u{A0}гг."]])
        #expect(
            russian[1].paragraphs == [
                [
                    "Вагон\u{A0}— в\u{A0}таких при Сталине", "везли заключённых в\u{A0}лагеря.",
                    "В\u{A0}один вагон набивали", "70\u{A0}человек.",
                ],
                ["Рядом стоит макет «сторожевой", "вышки»."],
            ])
        #expect(russian[2].paragraphs == [["Экспозиция под открытым небом"]])
        #expect(preview.blocks[2].fields[0].paragraphs == [["The “Stalin wagon”"]])
        #expect(preview.blocks.allSatisfy { !$0.isProvisional })
    }

    @Test func withLatinKazakhAddsTheProvisionalBlockAfterKazakh() throws {
        let preview = try SignageExporter.preview(
            exhibit: "long-word", in: try SignageFixture.make().load(), withLatinKazakh: true)
        #expect(preview.blocks.map(\.language) == ["kk", "kk-Latn", "ru", "en"])
        #expect(preview.blocks.map(\.isProvisional) == [false, true, false, false])
        #expect(preview.blocks[1].fields.map(\.paragraphs) == [[["Qaiyñ"]], [["Qaiyñ ağaşy."]]])
    }

    @Test func aHeldBackExhibitHasTheGatesReasons() throws {
        let collection = try SignageFixture.make().load()
        let preview = try SignageExporter.preview(exhibit: "held-back", in: collection)
        let exhibit = try #require(collection.exhibits.first { $0.id == "held-back" })
        #expect(preview.holdBackReasons == SignageGate(collection: collection).reasons(for: exhibit))
        #expect(preview.holdBackReasons.map(\.message) == ["no Kazakh (kk) title", "the Kazakh (kk) text is empty"])
        #expect(preview.blocks[1].fields.map(\.paragraphs) == [[["Без казахского"]], [["Текст."]]])
    }

    @Test func draftsReplaceTheSavedTextsAndAreGated() throws {
        let collection = try SignageFixture.make().load()
        let drafted = try SignageExporter.preview(
            exhibit: "stalin-wagon", in: collection,
            drafts: ["title": ["en": "The women's camp - 1938-1953"], "credit": ["ru": " "]])
        #expect(drafted.blocks[2].fields[0].paragraphs == [["The women’s camp\u{A0}–", "1938–1953"]])
        #expect(drafted.holdBackReasons.map(\.message) == ["the Russian (ru) credit is empty"])
        let completed = try SignageExporter.preview(
            exhibit: "held-back", in: collection, drafts: ["title": ["kk": "Қазақша"], "text": ["kk": "Мәтін."]])
        #expect(completed.blocks[0].fields.map(\.paragraphs) == [[["Қазақша"]], [["Мәтін."]]])
        #expect(completed.holdBackReasons.isEmpty)
    }

    @Test func anUnknownIDIsAnInvalidArgument() throws {
        let collection = try SignageFixture.make().load()
        #expect(
            throws: CaptionError.invalidArgument("no exhibit has the id 'stalin-wagen'; did you mean 'stalin-wagon'?")
        ) {
            try SignageExporter.preview(exhibit: "stalin-wagen", in: collection)
        }
    }
}
