import Foundation
import Testing

@testable import CaptionKit

@Suite struct CaptionFileEditorTests {
    static let file = """
        # Arch of Sorrow, memorial park
        id: arch
        title:
          kk: Қасірет аркасы   # short form
          ru: "Арка скорби"
          en: 'Arch of Sorrow'
        text:
          kk: |
            Бірінші жол.

            Екінші жол.
          ru: |
            Первая строка.

            Вторая строка.
          en: The arch
            continues here.
        credit:
        notes: Keep "arch" short.

        """

    /// Texts chosen to need every scalar style and escape.
    static let texts: [String] = [
        "Жаңа мәтін", "Two\nlines", "Ends with a newline\n", "  leading spaces", "trailing spaces  ", "",
        "key: value", "# not a comment", "quote \" and backslash \\", "tab\tinside", "123", "yes", "null", "~",
        "- dash", "«Алжир» — мемориал", "emoji 👩🏽‍🎓 ok", "para one\n\npara two", "line\n  indented",
        "\nleading newline", "carriage\r\nreturn", "nel\u{85}sep\u{2028}", "control\u{7}bell", "é decomposed e\u{301}",
    ]

    static let fieldsAndLanguages: [(String, String)] = [
        ("title", "kk"), ("title", "ru"), ("title", "en"), ("text", "kk"), ("text", "en"), ("credit", "kk"),
    ]

    @Test(arguments: texts)
    func replacingKeepsEveryOtherLine(_ newText: String) throws {
        for (field, language) in Self.fieldsAndLanguages {
            var editor = CaptionFileEditor(text: Self.file, path: "arch.yml", relativePath: "arch.yml")
            try editor.setTranslation(field: field, language: language, to: newText, languageOrder: ["kk", "ru", "en"])
            let reloaded = editor.exhibit
            #expect(reloaded.loadFindings.isEmpty)
            let written = try #require(reloaded.field(field)?.translation(language)?.text)
            #expect(Array(written.unicodeScalars) == Array(newText.unicodeScalars), "\(field).\(language)")
            for other in Self.fieldsAndLanguages where other != (field, language) {
                let before = ExhibitParser.parse(text: Self.file, path: "arch.yml", relativePath: "arch.yml")
                #expect(
                    reloaded.field(other.0)?.translation(other.1)?.text
                        == before.field(other.0)?.translation(other.1)?.text)
            }
            #expect(reloaded.notes?.text == "Keep \"arch\" short.")
        }
    }

    @Test func replacingAPlainValueChangesOnlyItsLine() throws {
        var editor = CaptionFileEditor(text: Self.file, path: "arch.yml", relativePath: "arch.yml")
        try editor.setTranslation(field: "title", language: "kk", to: "Қайғы аркасы", languageOrder: [])
        let expected = Self.file.replacingOccurrences(
            of: "  kk: Қасірет аркасы   # short form", with: "  kk: Қайғы аркасы   # short form")
        #expect(editor.text == expected)
    }

    /// Import and `captions fmt` agree: a one-line text over 80 characters becomes a block.
    @Test func aLongOneLineTextIsWrittenAsABlockAsFmtWouldWriteIt() throws {
        let long = String(repeating: "Ұзын мәтін ", count: 9) + "соңы."
        var editor = CaptionFileEditor(text: Self.file, path: "arch.yml", relativePath: "arch.yml")
        try editor.setTranslation(field: "title", language: "kk", to: long, languageOrder: [])
        #expect(
            editor.text.contains("  kk: |   # short form\n    \(long)\n")
                || editor.text.contains("  kk: |\n    \(long)\n"))
        #expect(editor.exhibit.field("title")?.translation("kk")?.text == long)
        #expect(CanonicalWriter.text(long, indent: 4, blockWhenLong: true) == "|\n    " + long)
    }

    @Test func replacingABlockWithABlockKeepsTheLayout() throws {
        var editor = CaptionFileEditor(text: Self.file, path: "arch.yml", relativePath: "arch.yml")
        try editor.setTranslation(field: "text", language: "kk", to: "Жаңа.\n\nМәтін.", languageOrder: [])
        let expected = Self.file.replacingOccurrences(
            of: "    Бірінші жол.\n\n    Екінші жол.\n", with: "    Жаңа.\n\n    Мәтін.\n")
        #expect(editor.text == expected)
    }

    @Test func aMultiLinePlainValueBecomesABlockWithItsCommentOnTheHeader() throws {
        let source = "id: a\ntitle:\n  kk: old   # keep me\n  ru: x\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "title", language: "kk", to: "new\ntext", languageOrder: [])
        #expect(editor.text == "id: a\ntitle:\n  kk: |   # keep me\n    new\n    text\n  ru: x\n")
    }

    @Test func aMissingLanguageIsInsertedInLanguageOrder() throws {
        let source = "id: a\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  ru: |\n    Строка.\n\n  en: Line.\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "title", language: "kk", to: "Құрт", languageOrder: ["kk", "ru", "en"])
        try editor.setTranslation(
            field: "text", language: "de", to: "Zeile.\nZwei.", languageOrder: ["kk", "ru", "en", "de"])
        #expect(
            editor.text
                == """
                id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: |\n    Строка.\n\n  en: Line.\n  \
                de: |\n    Zeile.\n    Zwei.\n
                """
        )
    }

    @Test func aLanguageAfterABlockGoesAfterItsLastLine() throws {
        let source = "id: a\ntext:\n  ru: |\n    Строка.\n\n    Ещё.\nnotes: note\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "text", language: "en", to: "Line.", languageOrder: ["kk", "ru", "en"])
        #expect(editor.text == "id: a\ntext:\n  ru: |\n    Строка.\n\n    Ещё.\n  en: Line.\nnotes: note\n")
    }

    @Test func anEmptyFieldGetsItsFirstLanguage() throws {
        let source = "id: a\ncredit:\nnotes: note"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "credit", language: "kk", to: "Қор", languageOrder: ["kk", "ru", "en"])
        #expect(editor.text == "id: a\ncredit:\n  kk: Қор\nnotes: note")
    }

    @Test func anEmptyValueIsFilledAfterItsColon() throws {
        let source = "id: a\ntitle:\n  kk:\n  ru: Курт\n  en: \"\"\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "title", language: "kk", to: "Құрт", languageOrder: [])
        try editor.setTranslation(field: "title", language: "en", to: "Kurt", languageOrder: [])
        #expect(editor.text == "id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")
    }

    @Test func windowsLineEndingsAreKept() throws {
        let source = "id: a\r\ntitle:\r\n  ru: Курт\r\n  en: Kurt\r\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.setTranslation(field: "title", language: "kk", to: "Құрт", languageOrder: ["kk", "ru", "en"])
        try editor.setTranslation(field: "title", language: "en", to: "Dried\ncurd", languageOrder: ["kk", "ru", "en"])
        #expect(editor.text == "id: a\r\ntitle:\r\n  kk: Құрт\r\n  ru: Курт\r\n  en: |\r\n    Dried\r\n    curd\r\n")
        #expect(editor.exhibit.field("title")?.translation("en")?.text == "Dried\ncurd")
    }

    @Test func aFlowMappingCannotGainALanguage() throws {
        let source = "id: a\ntitle: { ru: Курт, en: Kurt }\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: "a.yml", line: 2, column: 1),
                "title in a.yml is not written as one 'language: text' entry per line; add the translation by hand")
        ) {
            try editor.setTranslation(field: "title", language: "kk", to: "Құрт", languageOrder: ["kk", "ru", "en"])
        }
        #expect(editor.text == source)
        try editor.setTranslation(field: "title", language: "en", to: "Dried curd, «kurt»", languageOrder: [])
        #expect(editor.text == "id: a\ntitle: { ru: Курт, en: \"Dried curd, «kurt»\" }\n")
    }

    @Test func theRecordIsAppendedThenUpdatedInPlace() throws {
        let source = "id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        try editor.record(["title": ["en": "8577ed6c"]], fieldOrder: ["title"], languageOrder: ["kk", "ru", "en"])
        try editor.record(["title": ["kk": "12345678"]], fieldOrder: ["title"], languageOrder: ["kk", "ru", "en"])
        #expect(
            editor.text
                == source + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  title: { kk: \"12345678\", en: 8577ed6c }\n")
        let unchanged = editor.text
        try editor.record(["title": ["kk": "12345678"]], fieldOrder: ["title"], languageOrder: ["kk", "ru", "en"])
        #expect(editor.text == unchanged)
    }

    /// The edits splice UTF-8 bytes: a byte order mark, CRLF line breaks, multi-byte text before
    /// the edited values (columns count scalars, not bytes) and a block scalar all survive.
    @Test func aFileWithAByteOrderMarkCRLFAndMultiByteTextIsEditedByteExactly() throws {
        let source =
            """
            \u{FEFF}# Сәукеле 👩🏽‍🎓\r\nid: a\r\ntitle: { ru: «Курт», en: Kurt }\r\ntext:\r\n  ru: |\r\n    Строка \
            — одна.\r\n\r\n    Ещё.\r\n  en: Line.\r\n
            """
        let fixture = try TestCollection(files: [("a.yml", source)])
        let exhibit = try fixture.load().exhibits[0]
        var editor = try CaptionFileEditor(editing: exhibit)
        try editor.setTranslation(field: "title", language: "en", to: "Dried curd", languageOrder: ["kk", "ru", "en"])
        try editor.setTranslation(
            field: "text", language: "kk", to: "Жол — бір.\n\nТағы.", languageOrder: ["kk", "ru", "en"])
        try editor.setTranslation(field: "text", language: "en", to: "Өзгерді ✓", languageOrder: ["kk", "ru", "en"])
        try editor.record(
            ["text": ["kk": "8577ed6c"]], fieldOrder: ["title", "text"], languageOrder: ["kk", "ru", "en"])
        let expected =
            "\u{FEFF}# Сәукеле 👩🏽‍🎓\r\nid: a\r\ntitle: { ru: «Курт», en: \"Dried curd\" }\r\ntext:\r\n"
                + """
                  kk: |\r\n    Жол — бір.\r\n\r\n    Тағы.\r\n  ru: |\r\n    Строка — одна.\r\n\r\n    Ещё.\r\n  en: \
                Өзгерді ✓\r\n
                """
                + """
                translations:  # machine-owned: source fingerprints of translations; do not edit\r\n  text: { kk: \
                8577ed6c }\r\n
                """
        #expect(editor.data == Data(expected.utf8))
        #expect(Array(editor.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(editor.exhibit.field("text")?.translation("kk")?.text == "Жол — бір.\n\nТағы.")
    }

    /// A file that is not UTF-8 is refused at its first invalid byte (line and scalar column).
    @Test func aFileThatIsNotUTF8IsRefusedWhereItBreaks() throws {
        let fixture = try TestCollection(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n")])
        let exhibit = try fixture.load().exhibits[0]
        try Data([0x69, 0x64, 0x3A, 0x20, 0x61, 0x0A, 0xD0, 0x9A, 0xFF]).write(to: URL(fileURLWithPath: exhibit.path))
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: exhibit.path, line: 2, column: 2), "file is not valid UTF-8 text")
        ) {
            _ = try CaptionFileEditor(editing: exhibit)
        }
    }
}
