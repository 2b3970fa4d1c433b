import Foundation
import Testing

@testable import CaptionKit

@Suite struct ExhibitParserTests {
    static let wagon = """
        id: stalin-wagon
        title:
          kk: Сталин вагоны
          ru: "Сталинский вагон"
          en: The Stalin wagon
        text:
          kk: |
            Бірінші абзац.

            Екінші абзац.
          ru: Текст.
          en: Text.
        notes: Context for translators.

        """

    func parse(_ text: String, path: String = "Captions/garden/stalin-wagon.yml") -> Exhibit {
        ExhibitParser.parse(text: text, path: path, relativePath: String(path.dropFirst("Captions/".count)))
    }

    func location(_ line: Int, _ column: Int, _ path: String = "Captions/garden/stalin-wagon.yml") -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    @Test func aPositionInsideALiteralBlockMapsToItsLineAndColumn() throws {
        let text =
            "id: w\ntext:\n  kk: |  # comment\n\n      Бірінші жол.\n        Екінші  «жол».\n  ru: |2\n     Два.\n"
        let exhibit = parse(text, path: "Captions/w.yml")
        let field = try #require(exhibit.field("text"))
        let kk = try #require(field.translation("kk"))
        #expect(kk.text == "\nБірінші жол.\n  Екінші  «жол».")
        #expect(kk.location(ofScalar: 0) == location(4, 7, "Captions/w.yml"))
        #expect(kk.location(ofScalar: 1) == location(5, 7, "Captions/w.yml"))
        #expect(kk.location(ofScalar: 9) == location(5, 15, "Captions/w.yml"))  // жол
        let quoted = Array(kk.text.unicodeScalars).firstIndex(of: "«")!
        #expect(kk.location(ofScalar: quoted) == location(6, 17, "Captions/w.yml"))
        // An explicit indentation (`|2`) is not worked out: the finding stays at the `|`.
        let ru = try #require(field.translation("ru"))
        #expect(ru.location(ofScalar: 1) == location(7, 7, "Captions/w.yml"))
        // Windows line ends: the same lines and columns.
        let windows = parse(text.replacingOccurrences(of: "\n", with: "\r\n"), path: "Captions/w.yml")
        let kkWindows = try #require(windows.field("text")?.translation("kk"))
        #expect(kkWindows.location(ofScalar: quoted) == location(6, 17, "Captions/w.yml"))
    }

    @Test func readsIDFieldsLanguagesAndPositions() throws {
        let exhibit = parse(Self.wagon)
        #expect(exhibit.loadFindings.isEmpty)
        #expect(exhibit.id == "stalin-wagon")
        #expect(exhibit.idLocation == location(1, 5))
        #expect(exhibit.gallery == "garden")
        #expect(exhibit.fields.map(\.name) == ["title", "text"])
        let title = try #require(exhibit.field("title"))
        #expect(title.location == location(2, 1))
        #expect(title.translations.map(\.language) == ["kk", "ru", "en"])
        let russian = try #require(title.translation("ru"))
        #expect(russian.text == "Сталинский вагон")
        #expect(russian.keyLocation == location(4, 3))
        #expect(russian.valueLocation == location(4, 7))
        let kazakhText = try #require(exhibit.field("text")?.translation("kk"))
        #expect(kazakhText.text == "Бірінші абзац.\n\nЕкінші абзац.")
        #expect(kazakhText.valueLocation == location(7, 7))
        #expect(exhibit.notes?.text == "Context for translators.")
    }

    @Test func byteOrderMarkAndCRLFGiveTheSameCaptions() throws {
        let plain = parse(Self.wagon)
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data(Self.wagon.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let windows = ExhibitParser.parse(data: bytes, path: plain.path, relativePath: plain.relativePath)
        #expect(windows == plain)
    }

    @Test func invalidUTF8IsAFindingAtTheExactPosition() {
        var bytes = Data("id: kurt\ntitle:\n  ru: Кур".utf8)
        bytes.append(0xFF)
        bytes.append(Data("т\n".utf8))
        let exhibit = ExhibitParser.parse(data: bytes, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                "Captions/kurt.yml:3:10: error: file is not valid UTF-8 text [invalid-yaml]"
            ])
        #expect(!exhibit.isReadable)
    }

    static let utf16 = "UTF-16 (Windows Notepad calls it \"Unicode\")"

    /// Windows Notepad's "Unicode" is UTF-16 with its byte order mark, and UTF-32 has one too
    /// (little-endian's begins with UTF-16's): the message names the encoding, at the start, and
    /// says what to do.
    @Test(arguments: [
        (Data([0xFF, 0xFE]), String.Encoding.utf16LittleEndian, utf16), (Data([0xFE, 0xFF]), .utf16BigEndian, utf16),
        (Data([0xFF, 0xFE, 0x00, 0x00]), .utf32LittleEndian, "UTF-32"),
        (Data([0x00, 0x00, 0xFE, 0xFF]), .utf32BigEndian, "UTF-32"),
    ])
    func anotherEncodingIsNamedWithHowToSaveTheFile(_ mark: Data, _ encoding: String.Encoding, _ named: String) throws {
        var bytes = mark
        bytes.append(try #require("id: kurt\ntitle:\n  ru: Курт\n".data(using: encoding)))
        let message = "file is not valid UTF-8 text: it is saved as \(named); save it as UTF-8"
        let exhibit = ExhibitParser.parse(data: bytes, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        #expect(exhibit.loadFindings.map(\.formatted) == ["Captions/kurt.yml:1:1: error: \(message) [invalid-yaml]"])
        let config = #expect(throws: CaptionError.self) {
            try ConfigParser.parse(data: bytes, path: "Captions/captions.yml")
        }
        #expect(config?.description == "Captions/captions.yml:1:1: error: \(message)")
    }

    @Test func syntaxErrorPointsWhereReadingStopped() {
        let exhibit = parse("id: kurt\ntitle:\n  kk: Құрт\n\tru: Курт\n", path: "Captions/kurt.yml")
        #expect(exhibit.loadFindings.map(\.location) == [location(4, 1, "Captions/kurt.yml")])
        #expect(exhibit.loadFindings.first?.checkID == "invalid-yaml")
        #expect(exhibit.loadFindings.first?.message.contains("tab") == true)
    }

    /// A colon and a space inside unquoted text, the curator's commonest YAML error: libyaml's
    /// words alone ("mapping values are not allowed") did not say what to do. On a later line
    /// of a text that goes on over several lines, when what stands before the colon cannot be a
    /// key (words, a capital, Cyrillic), the advice says so.
    @Test(arguments: [
        ("  en: Arrested on 5 August 1937. Sentence: ten years.\n", 3, 42, ""),
        ("  ru: Высота: 8 м.\n", 3, 13, ""),
        ("  en: Arrested on 5 August 1937.\n    Sentence: ten years.\n", 4, 13, " that goes on over several lines"),
        ("  ru: Арестована в 1937 году.\n    Приговор: 10 лет.\n", 4, 13, " that goes on over several lines"),
        ("  en: She wrote\n    two lines: one here.\n", 4, 14, " that goes on over several lines"),
    ])
    func aColonInUnquotedTextSaysToQuoteIt(_ lines: String, line: Int, column: Int, continued: String) {
        // The same advice in a file saved on Windows (CR LF) or an old Mac (CR).
        for lineEnd in ["\n", "\r\n", "\r"] {
            let text = ("id: kurt\ntext:\n" + lines).replacingOccurrences(of: "\n", with: lineEnd)
            let exhibit = parse(text, path: "Captions/kurt.yml")
            #expect(
                exhibit.loadFindings.map(\.formatted) == [
                    """
                    Captions/kurt.yml:\(line):\(column): error: invalid YAML: a colon followed by a space inside unquoted \
                    text\(continued) (mapping values are not allowed in this context); put the text in double quotes, or \
                    start it on the next line after '|' [invalid-yaml]
                    """
                ], "line end \(lineEnd.debugDescription)")
        }
    }

    /// A key indented under a text's first line may be a wrongly indented key, not a colon in
    /// text: libyaml's words stay alone, also for a lowercase word, or a colon ending the line.
    @Test(arguments: [
        ("id: kurt\ntitle:\n  kk: Құрт\n    ru: Курт\n", 7),
        ("id: kurt\ntext:\n  en: The first line\n    continued: here.\n", 14),
        ("id: kurt\ntext:\n  en: The first line\n    Then a colon:\n", 17),
    ])
    func aColonOnAContinuationLineThatMayBeAKeyKeepsLibyamlsWords(_ text: String, column: Int) {
        let exhibit = parse(text, path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                "Captions/kurt.yml:4:\(column): error: invalid YAML: mapping values are not allowed in this context [invalid-yaml]"
            ])
    }

    /// A tab where the indentation is: it says tabs cannot indent YAML, with libyaml's words
    /// (a tab after a key's line cannot start a token; one under a text breaks its indentation).
    @Test(arguments: [
        ("id: kurt\ntitle:\n\tkk: Құрт\n", 3, "found character that cannot start any token"),
        ("\tid: kurt\n", 1, "found character that cannot start any token"),
        ("id: kurt\ntitle:\n  kk: Құрт\n\tru: Курт\n", 4, "found a tab character that violates indentation"),
        (
            "id: kurt\ntitle:\n  kk: |\n\tҚұрт\n", 4,
            "found a tab character where an indentation space is expected"
        ),
    ])
    func aTabInTheIndentationSaysToUseSpaces(_ text: String, line: Int, problem: String) {
        for lineEnd in ["\n", "\r\n", "\r"] {
            let exhibit = parse(text.replacingOccurrences(of: "\n", with: lineEnd), path: "Captions/kurt.yml")
            #expect(
                exhibit.loadFindings.map(\.formatted) == [
                    "Captions/kurt.yml:\(line):1: error: invalid YAML: tabs cannot indent YAML; use spaces (\(problem)) [invalid-yaml]"
                ], "line end \(lineEnd.debugDescription)")
        }
    }

    /// A quote that is never closed is reported where it opens, not at the end of the file.
    @Test(arguments: ["\"", "'"])
    func anUnclosedQuoteIsReportedWhereItOpens(_ quote: String) {
        let text = "id: kurt\ntitle:\n  ru: \(quote)Курт\n  en: Kurt\ntext:\n  ru: Сушёный творог.\n"
        let exhibit = parse(text, path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                """
                Captions/kurt.yml:3:7: error: invalid YAML: the quoted text that starts here has no closing quote \
                (found unexpected end of stream); add it where the text ends [invalid-yaml]
                """
            ])
    }

    /// A character no token starts with that is not a tab keeps libyaml's words alone.
    @Test func anotherCharacterThatStartsNoTokenKeepsLibyamlsWords() {
        let exhibit = parse("id: kurt\ntitle:\n  kk: Құрт\n@ru: Курт\n", path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                """
                Captions/kurt.yml:4:1: error: invalid YAML: found character that cannot start any token (while \
                scanning for the next token at line 4, column 1) [invalid-yaml]
                """
            ])
    }

    @Test func duplicateKeysAreReportedWithBothPositions() {
        let exhibit = parse("id: kurt\ntitle:\n  kk: Құрт\n  kk: Құрт 2\n", path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                "Captions/kurt.yml:4:3: error: duplicate key 'kk' in 'title'; the first is at line 3 [invalid-yaml]"
            ])
        #expect(exhibit.loadFindings.first?.notes.map(\.location) == [location(3, 3, "Captions/kurt.yml")])
        #expect(exhibit.field("title")?.translation("kk")?.text == "Құрт")
    }

    @Test func duplicateKeysInTheTranslationsRecordAreReportedLikeATextsAndTheFirstCounts() throws {
        let text = """
            id: kurt
            title:
              kk: Құрт
              ru: Курт
              en: Kurt
            translations:  # machine-owned: source fingerprints of translations; do not edit
              title: { kk: c1acebfa, en: c1acebfa, kk: 00000000 }
              text: { kk: c1acebfa }
              title:
                en: 00000000

            """
        let exhibit = parse(text, path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                """
                Captions/kurt.yml:7:40: error: duplicate key 'kk' in 'translations/title'; the first is at line 7 \
                [invalid-yaml]
                """,
                "Captions/kurt.yml:9:3: error: duplicate key 'title' in 'translations'; the first is at line 7 [invalid-yaml]",
            ])
        #expect(
            exhibit.loadFindings.map { $0.notes.map(\.location) } == [
                [location(7, 12, "Captions/kurt.yml")], [location(7, 3, "Captions/kurt.yml")],
            ])
        let record = TranslationRecord(exhibit: exhibit)
        #expect(record.fingerprints == ["title": ["kk": "c1acebfa", "en": "c1acebfa"], "text": ["kk": "c1acebfa"]])
        #expect(record.problems.isEmpty)
    }

    @Test func duplicateKeysAreFoundInLargeMappingsToo() {
        // More keys than the parser keeps in a list before it switches to a dictionary: each
        // duplicate, before and after the switch, is reported against its first key.
        let languages = (1...40).map { "l\($0)" }
        var text = "id: kurt\ntitle:\n"
        for language in languages { text += "  \(language): x\n" }
        text += "  l2: again\n  l30: again\n  l16: again\n  l17: again\n"
        let exhibit = parse(text, path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                "Captions/kurt.yml:43:3: error: duplicate key 'l2' in 'title'; the first is at line 4 [invalid-yaml]",
                "Captions/kurt.yml:44:3: error: duplicate key 'l30' in 'title'; the first is at line 32 [invalid-yaml]",
                "Captions/kurt.yml:45:3: error: duplicate key 'l16' in 'title'; the first is at line 18 [invalid-yaml]",
                "Captions/kurt.yml:46:3: error: duplicate key 'l17' in 'title'; the first is at line 19 [invalid-yaml]",
            ])
        #expect(exhibit.field("title")?.translations.count == 40)
        // Keys equal only by canonical equivalence are duplicates too, as with a dictionary.
        let composed = parse("id: kurt\ntitle:\n  \u{E9}: x\n  e\u{301}: y\n", path: "Captions/kurt.yml")
        #expect(composed.loadFindings.count == 1)
    }

    @Test(arguments: [
        "", "\n", "\n\n", "a", "a\n", "a\n\n\n", "a\r\n", "a\r\n\n", "a\n\r\n", "\r\n", "\r", "a\n\u{301}",
        "ә\n", "ә\n\n", "\n\u{301}\n", "a\u{2028}\n", "a \n",
    ])
    func finalLineBreaksAreDroppedAsByCharacters(_ value: String) {
        var plain = value
        while plain.hasSuffix("\n") { plain.removeLast() }
        #expect(ExhibitParser.droppingFinalLineBreaks(value) == plain)
        #expect(ExhibitParser.droppingFinalLineBreaks(value).utf8.elementsEqual(plain.utf8))
    }

    @Test func wrongTypesAreInvalidValues() {
        let exhibit = parse(
            "id: kurt\ntitle:\n  kk: [Құрт]\n  ru: 1937\n  en: yes\ntext: Kurt\n", path: "Captions/kurt.yml")
        #expect(
            exhibit.loadFindings.map(\.formatted) == [
                "Captions/kurt.yml:3:7: error: title (kk) must be text, found a list [invalid-value]",
                """
                Captions/kurt.yml:4:7: error: title (ru) is the number 1937, not text; put it in quotes if it is \
                meant as text [invalid-value]
                """,
                """
                Captions/kurt.yml:5:7: error: title (en) is the yes/no value 'yes', not text; put it in quotes if \
                it is meant as text [invalid-value]
                """,
                """
                Captions/kurt.yml:6:7: error: text must be a mapping of language to text (e.g. 'kk: ...'), found \
                text [invalid-value]
                """,
            ])
    }

    /// Columns count Unicode scalars: a family emoji is 5 scalars, ә is 1.
    @Test func columnsCountUnicodeScalarsAfterWideCharacters() throws {
        let exhibit = parse("id: kurt\ntitle: {ru: \"👩‍👩‍👧 әә\", kz: x}\n", path: "Captions/kurt.yml")
        let kazakh = try #require(exhibit.field("title")?.translation("kz"))
        // `title: {ru: "` is 13 scalars, the emoji 5, then space, ә, ә, quote, comma, space.
        #expect(kazakh.keyLocation == location(2, 13 + 5 + 6 + 1, "Captions/kurt.yml"))
    }

    @Test func emptyValuesAreEmptyText() throws {
        let exhibit = parse("id: kurt\ntitle:\n  kk:\n  ru: ~\n  en: \"\"\n", path: "Captions/kurt.yml")
        #expect(exhibit.loadFindings.isEmpty)
        #expect(exhibit.field("title")?.translations.map(\.text) == ["", "", ""])
    }

    @Test(arguments: ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
    func filesThatAreNotMappingsAreInvalidValues(_ text: String) {
        let exhibit = parse(text, path: "Captions/kurt.yml")
        #expect(exhibit.loadFindings.map(\.checkID) == ["invalid-value"])
        #expect(!exhibit.isReadable)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = "id: kurt\ntitle: " + String(repeating: "[", count: 100_000) + "\n"
        let exhibit = parse(deep, path: "Captions/kurt.yml")
        #expect(exhibit.loadFindings.map(\.checkID) == ["invalid-yaml"])
        // The top-level mapping is the first of the 64 levels, so the 64th `[` is one too many.
        #expect(exhibit.loadFindings.first?.location == location(2, 8 + 63, "Captions/kurt.yml"))
    }

    @Test func aliasBombIsReadWithoutExpanding() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        text += "id: bomb\n"
        let exhibit = parse(text, path: "Captions/bomb.yml")
        #expect(exhibit.id == "bomb")
        #expect(exhibit.loadFindings.allSatisfy { $0.checkID == "invalid-value" })
    }

    @Test func oversizedFileIsRefused() {
        let data = Data(repeating: UInt8(ascii: "#"), count: ExhibitParser.maximumFileSize + 1)
        let exhibit = ExhibitParser.parse(data: data, path: "Captions/big.yml", relativePath: "big.yml")
        #expect(exhibit.loadFindings.map(\.checkID) == ["invalid-yaml"])
    }
}
