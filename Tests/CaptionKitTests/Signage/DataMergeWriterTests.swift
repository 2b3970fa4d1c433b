import Foundation
import Testing

@testable import CaptionKit

/// The Data Merge file made from each label's row of bytes (``DataMergeWriter/Row``) is the
/// file the rows of strings give (``SignageReference/dataMerge(for:languages:fields:encoding:)``).
@Suite struct DataMergeWriterTests {
    func label(_ id: String, _ texts: [(language: String, field: String, text: String)]) -> SignageLabel {
        let languages = texts.map(\.language).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return SignageLabel(
            id: id, gallery: id == "root" ? "" : "hall/room", path: "\(id).yml",
            blocks: languages.map { language in
                SignageLabel.Block(
                    language: language,
                    fields: texts.filter { $0.language == language }.map {
                        SignageLabel.Field(
                            name: $0.field, location: .init(path: "\(id).yml"), text: TypesetText($0.text))
                    })
            })
    }

    /// Paragraphs of different counts (the extra columns), a missing field and a missing block,
    /// empty texts, every separator, no-break spaces and dashes (the lead bytes of the
    /// separators), quotes (one before a combining mark), and a letter outside the BMP.
    @Test(arguments: [DataMergeEncoding.utf16LE, .utf8BOM])
    func theRowsOfBytesGiveTheFileTheRowsOfStringsGive(encoding: DataMergeEncoding) {
        let labels = [
            label(
                "kurt",
                [
                    ("kk", "title", "Құрт — кептірілген\u{A0}ірімшік"),
                    ("kk", "text", "Бірінші\u{2028}жол\tмен\n\nекінші «абзац»\nжалғасы\n\nүшінші"),
                    ("ru", "title", "Курт"), ("ru", "text", "Один\u{85}два\u{0B}три\u{0C}четыре\u{2029}пять"),
                    ("en", "text", "Say \"cheese\" and \"\u{301}quote"),
                ]),
            label("root", [("ru", "title", ""), ("en", "title", "𝔘nicode 𐐀 \u{1F600}\r\nsecond line")]),
            label("plain", [("ru", "text", "Ã â€” é, one paragraph")]),
        ]
        let languages = ["kk", "ru", "en"]
        for fields in [["title", "text"], ["text", "title", "credit"]] {
            let made = DataMergeWriter.data(for: labels, languages: languages, fields: fields, encoding: encoding)
            #expect(
                made
                    == SignageReference.dataMerge(for: labels, languages: languages, fields: fields, encoding: encoding)
            )
        }
        #expect(
            DataMergeWriter.data(for: [], languages: languages, fields: ["title"], encoding: encoding)
                == SignageReference.dataMerge(for: [], languages: languages, fields: ["title"], encoding: encoding))
    }

    /// The bundled museum's labels, in both encodings, with kk-Latn.
    @Test func theMuseumsFileIsTheFileTheRowsOfStringsGive() throws {
        let fixture = try copyOfBundledMuseum()
        let collection = try fixture.load()
        let languages = ["kk", "kk-Latn", "ru", "en"]
        let labels = collection.exhibits.map {
            SignageLabel(exhibit: $0, config: collection.config, languages: languages)
        }
        let fields = collection.config.fields.map(\.name)
        for encoding in [DataMergeEncoding.utf16LE, .utf8BOM] {
            #expect(
                DataMergeWriter.data(for: labels, languages: languages, fields: fields, encoding: encoding)
                    == SignageReference.dataMerge(for: labels, languages: languages, fields: fields, encoding: encoding)
            )
        }
    }
}
