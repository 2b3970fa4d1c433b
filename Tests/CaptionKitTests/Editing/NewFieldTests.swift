import Foundation
import Testing

@testable import CaptionKit

/// A translation of a field the caption file does not have yet: the field is added as a new
/// block in configuration order, every other byte stays, and a save records its source.
@Suite struct NewFieldTests {
    static let order = ["title", "text", "credit"]
    static let languages = ["kk", "ru", "en"]

    static let file = """
        id: wagon   # the prison wagon
        title:
          kk: Вагон
          ru: Вагон
          en: Wagon

        # The long text, checked by the historian
        text:
          ru: |
            Вагон 1937 года.

            Вторая строка.
        translations:  # machine-owned: source fingerprints of translations; do not edit
          title: { kk: 8d46bd3f }

        """

    func edited(_ text: String, _ field: String, _ language: String, _ value: String) throws -> CaptionFileEditor {
        var editor = CaptionFileEditor(text: text, path: "park/wagon.yml", relativePath: "park/wagon.yml")
        try editor.setTranslation(
            field: field, language: language, to: value, languageOrder: Self.languages, fieldOrder: Self.order)
        return editor
    }

    @Test func aLastFieldGoesAfterTheFieldsBeforeTheRecord() throws {
        let editor = try edited(Self.file, "credit", "en", "Museum collection")
        #expect(
            editor.text
                == Self.file.replacingOccurrences(
                    of: "translations:", with: "credit:\n  en: Museum collection\ntranslations:"))
        #expect(editor.exhibit.field("credit")?.translation("en")?.text == "Museum collection")
    }

    @Test func aFirstFieldGoesAboveTheNextFieldAndItsComments() throws {
        let withoutTitle = Self.file.replacingOccurrences(
            of: "title:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n\n", with: "")
        let editor = try edited(
            withoutTitle.replacingOccurrences(of: "title: {", with: "text: {"), "title", "kk", "Вагон")
        #expect(
            editor.text
                == """
                id: wagon   # the prison wagon
                title:
                  kk: Вагон
                # The long text, checked by the historian
                text:
                  ru: |
                    Вагон 1937 года.

                    Вторая строка.
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  text: { kk: 8d46bd3f }

                """)
    }

    @Test func aMultiLineTextIsALiteralBlockAndAFileWithoutFieldsGetsItAfterItsID() throws {
        let editor = try edited("id: wagon\n", "text", "kk", "Бірінші жол.\n\nЕкінші жол.")
        #expect(editor.text == "id: wagon\ntext:\n  kk: |\n    Бірінші жол.\n\n    Екінші жол.\n")
        #expect(editor.exhibit.field("text")?.translation("kk")?.text == "Бірінші жол.\n\nЕкінші жол.")
        let noNewline = try edited("id: wagon", "title", "en", "key: value")
        #expect(noNewline.text == "id: wagon\ntitle:\n  en: \"key: value\"\n")
    }

    @Test func aFileThatCannotBeReadSafelyIsRefusedAndLeftAsItWas() throws {
        let broken = "id: wagon\ntitle: [unclosed\n"
        var editor = CaptionFileEditor(text: broken, path: "park/wagon.yml", relativePath: "park/wagon.yml")
        #expect(throws: CaptionError.self) {
            try editor.insertField("text", language: "kk", text: "x", fieldOrder: Self.order)
        }
        #expect(editor.text == broken)
    }

    @Test func aSaveAddsTheFieldAndRecordsItsSource() throws {
        let fixture = try TestCollection(
            files: [("park/wagon.yml", "id: wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n")],
            config: FrontDoorTests.config)
        let path = fixture.root + "/park/wagon.yml"
        let saved = try CaptionEditor.save(
            [
                TranslationEdit(field: "text", language: "kk", text: "1937 жылғы вагон."),
                TranslationEdit(field: "text", language: "ru", text: "Вагон 1937 года."),
                TranslationEdit(field: "text", language: "en", text: "A wagon of 1937."),
            ], exhibit: "wagon", in: try fixture.load(), expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(saved.changed.count == 3)
        let fingerprint = SourceFingerprint.of("Вагон 1937 года.")
        let written = try fixture.read("park/wagon.yml")
        #expect(
            written
                == """
                id: wagon
                title:
                  kk: Вагон
                  ru: Вагон
                  en: Wagon
                text:
                  kk: "1937 жылғы вагон."
                  ru: Вагон 1937 года.
                  en: A wagon of 1937.
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  text: { kk: \(fingerprint), en: \(fingerprint) }

                """)
        #expect(try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics.isEmpty)
    }
}
