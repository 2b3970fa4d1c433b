import Foundation
import Testing

@testable import CaptionKit

@Suite struct CaptionFormatterTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    func format(_ text: String, config: CollectionConfig = .default) -> CaptionFormatter.Formatting {
        CaptionFormatter.format(data: Data(text.utf8), path: "Captions/x.yml", relativePath: "x.yml", config: config)
    }

    func formatted(_ text: String, config: CollectionConfig = .default) throws -> String {
        guard case .formatted(let output) = format(text, config: config) else {
            Issue.record("refused: \(format(text, config: config))")
            return ""
        }
        return output
    }

    func content(_ text: String) -> ExhibitContent {
        ExhibitContent(ExhibitParser.parse(data: Data(text.utf8), path: "Captions/x.yml", relativePath: "x.yml"))
    }

    /// The bundled museum's files, relative path → text.
    static func museumFiles() throws -> [(String, String)] {
        let root = repositoryRoot + "/Captions"
        return try CollectionLoader.exhibitFiles(in: root).map {
            ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8))
        }
    }

    @Test func theBundledMuseumIsAlreadyCanonical() throws {
        let folder = NSTemporaryDirectory() + "captions-fmt-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/Captions", toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcomes = try CaptionFormatter.run(path: folder, check: false)
        #expect(outcomes.count == 20)
        #expect(outcomes.allSatisfy { $0.kind == .unchanged }, "\(outcomes.filter { $0.kind != .unchanged })")
    }

    /// Every museum file rewritten in a scrambled layout (fields and languages reversed, every
    /// text double-quoted with escapes, four-space indentation) formats back to the original bytes.
    @Test func scrambledMuseumFilesFormatBackToTheOriginal() throws {
        let config = try CollectionLoader.loadConfig(in: Self.repositoryRoot + "/Captions")
        for (relative, original) in try Self.museumFiles() {
            let exhibit = ExhibitParser.parse(text: original, path: relative, relativePath: relative)
            var scrambled = ""
            if let notes = exhibit.notes { scrambled += "notes: \(try json(notes.text))\n" }
            for field in exhibit.fields.reversed() {
                scrambled += "\(field.name):\n"
                for translation in field.translations.reversed() {
                    scrambled += "    \(translation.language):   \(try json(translation.text))\n"
                }
            }
            scrambled += scrambledRecord(of: original)
            scrambled += "id: \(exhibit.id ?? "")\n"
            #expect(content(scrambled) == content(original), "\(relative)")
            #expect(try formatted(scrambled, config: config) == original, "\(relative)")
        }
    }

    /// The file's `translations:` record (flow mappings, one line a field) in block style, its
    /// fields and languages reversed, every fingerprint double-quoted; empty without a record.
    func scrambledRecord(of original: String) -> String {
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("translations:") }) else { return "" }
        var scrambled = "translations:\n"
        for line in lines[(start + 1)...].prefix(while: { $0.hasPrefix("  ") }).reversed() {
            let field = line.drop { $0 == " " }.prefix { $0 != ":" }
            let pairs = line.drop { $0 != "{" }.dropFirst().prefix { $0 != "}" }.split(separator: ",")
            scrambled += "    \(field):\n"
            for pair in pairs.reversed() {
                // A fingerprint YAML would read as a number is quoted in the file already.
                let parts = pair.split(separator: ":").map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                }
                scrambled += "        \(parts[0]):   \"\(parts[1])\"\n"
            }
        }
        return scrambled
    }

    func json(_ text: String) throws -> String {
        String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
    }

    static let oddLayout = """
        notes: >
          Folded notes
          over two lines.
        ignore: [untranslated: title/en, "whitespace"]
        text: {en: "The camp  opened.\\nSecond line  ", ru: 'Лагерь ''открыли''', kk: "Е\\u0308лка\\u200B" }
        title:
            en:   Kurt
            de: Kurt
            ru: "yes"
            kk: |+
              Құрт: сүт

              # not a comment

        credit:
        extra:
          ru: "- dash start"
          en: "tab\\there, a \\"quote\\" and a backslash \\\\"
        id: "odd"
        translations:
          en: { hash: 3, "q": "3", empty: ~, list: [a, [b, c], {}, []] }

        """

    @Test func oddLayoutIsRewrittenCanonically() throws {
        #expect(
            try formatted(Self.oddLayout) == """
                id: odd
                title:
                  kk: |
                    Құрт: сүт

                    # not a comment
                  ru: "yes"
                  en: Kurt
                  de: Kurt
                text:
                  kk: Ёлка\u{200B}
                  ru: Лагерь 'открыли'
                  en: "The camp  opened.\\nSecond line  "
                credit:
                extra:
                  ru: "- dash start"
                  en: "tab\\there, a \\"quote\\" and a backslash \\\\"
                notes: Folded notes over two lines.
                ignore:
                  - untranslated: title/en
                  - "whitespace"
                translations:
                  en:
                    hash: "3"
                    q: "3"
                    empty:
                    list:
                      - a
                      -
                        - b
                        - c
                      - {}
                      - []

                """)
    }

    static let fixtures: [String] = [
        oddLayout,
        "id: a\ntitle:\n  ru: \"  leading and trailing  \"\n  en: \"\\u00A0no-break\\u00A0\"\n",
        """
        id: a\ntext:\n  ru: \"ends with a break\\n\"\n  en: \"\\nstarts with one\"\n  kk: \"a\\n  indented second \
        line\"\n
        """,
        "id: a\ntext:\n  ru: \"\(String(repeating: "Долгий текст без переносов. ", count: 4))\"\n",
        "id: a\ntitle:\n  ru: \"key: value # not a comment\"\n  en: \"[bracket]\"\n  kk: \"123\"\n  de: \"null\"\n",
        "id: a\ntitle:\n  ru: \"\\x07 bell \\r return \\u2028 separator \\uFEFF bom\"\n",
        "\u{FEFF}id: a\r\ntitle:\r\n  ru: Курт\r\n  en: Kurt\r\n",
        "title:\n  ru: Курт\n",
        "id: a\n\"strange key\": { \"la ng\": x, yes: why }\n",
        "id: a\nignore:\n  - wrong-script: [title/en, text/kk]\n  -\n  - { a: [ { b: c } ] }\n",
    ]

    @Test(arguments: fixtures)
    func formattingKeepsTheCaptionsAndIsIdempotent(_ text: String) throws {
        let once = try formatted(text)
        #expect(content(once) == content(text))
        #expect(try formatted(once) == once)
        #expect(!once.split(separator: "\n").contains { $0.hasSuffix(" ") })
        #expect(once.hasSuffix("\n"))
    }

    @Test(arguments: [
        ("id: a # the id\n", 1, 7),
        ("# header\nid: a\n", 1, 1),
        ("id: a\ntext:\n  ru: |\n    текст\n  # after the block\n", 5, 3),
        ("id: a\ntext:\n  ru: | # header comment\n    текст\n", 3, 9),
        ("id: a\ntitle:\n  ru: \"quoted # text\" # real\n", 3, 23),
        ("id: a\ntitle:\n  ru: 'it''s # text'  #real\n", 3, 23),
        ("id: a\ntitle: { ru: Курт, #c\n  en: Kurt }\n", 2, 20),
    ])
    func commentsAreFoundAndTheFileIsRefused(_ text: String, _ line: Int, _ column: Int) {
        #expect(
            format(text)
                == .refused(
                    SourceLocation(path: "Captions/x.yml", line: line, column: column),
                    "has a comment, which captions fmt cannot keep; move it to notes: or delete it, then format again"))
    }

    @Test(arguments: [
        "id: a\ntitle:\n  ru: C#-программа\n",
        "id: a\ntitle:\n  ru: \"# quoted\"\n  en: 'a #b'\n",
        "id: a\ntext:\n  ru: |\n    строка\n    # часть текста\n\n    #ещё\n",
        "id: a\ntitle:\n  ru: \"two\n    # lines\"\n",
    ])
    func hashSignsInsideTextAreNotComments(_ text: String) throws {
        let output = try formatted(text)
        #expect(content(output) == content(text))
    }

    static let recordLine = "translations:  # machine-owned: source fingerprints of translations; do not edit\n"

    @Test func theTranslationsRecordIsWrittenAsImportWritesIt() throws {
        let canonical =
            "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n" + Self.recordLine
            + "  title: { kk: 8577ed6c, en: 8577ed6c }\n"
        #expect(try formatted(canonical) == canonical)
        let block =
            """
            translations:\n  title:\n    en: 8577ed6c\n    kk: 8577ed6c\nid: k\ntitle:\n  en: Kurt\n  ru: Курт\n  \
            kk: Құрт\n
            """
        #expect(try formatted(block) == canonical)
    }

    @Test func aMachineCommentOnAMalformedRecordIsStillAComment() {
        let text = "id: k\n" + Self.recordLine + "  title: { kk: not-a-fingerprint }\n"
        #expect(
            format(text)
                == .refused(
                    SourceLocation(path: "Captions/x.yml", line: 2, column: 16),
                    "has a comment, which captions fmt cannot keep; move it to notes: or delete it, then format again"))
    }

    @Test func filesWithLoadErrorsAreRefused() {
        #expect(
            format("id: a\ntitle:\n  ru: 1937\n")
                == .refused(
                    SourceLocation(path: "Captions/x.yml", line: 3, column: 7),
                    """
                    has errors (title (ru) is the number 1937, not text; put it in quotes if it is meant as \
                    text); run captions check and fix them first
                    """
                ))
        guard case .refused = format("id: [a\n") else {
            Issue.record("invalid YAML must be refused")
            return
        }
    }

    @Test func fieldsAndLanguagesFollowTheConfiguration() throws {
        let config = try ConfigParser.parse(
            text: "languages: [en, kk, ru]\nsource: ru\nfields:\n  text: {}\n  title: {}\n",
            path: "Captions/captions.yml")
        #expect(
            try formatted("id: a\ntitle:\n  ru: Т\n  en: T\ntext:\n  kk: Қ\n  ru: Т\n", config: config) == """
                id: a
                text:
                  kk: Қ
                  ru: Т
                title:
                  en: T
                  ru: Т

                """)
    }

    @Test func checkWritesNothingAndRunWritesAtomically() throws {
        let collection = try TestCollection(files: [
            ("park/a.yml", "title:\n    ru: Курт\nid: a\n"), ("park/b.yml", "id: b\ntitle:\n  ru: Курт # keep me\n"),
            ("park/c.yml", "id: c\ntitle:\n  ru: Курт\n"),
        ])
        let checked = try CaptionFormatter.run(path: collection.root, check: true)
        #expect(
            checked.map(\.kind) == [
                .reformatted,
                .skipped(
                    SourceLocation(path: collection.root + "/park/b.yml", line: 3, column: 12),
                    "has a comment, which captions fmt cannot keep; move it to notes: or delete it, then format again"),
                .unchanged,
            ])
        #expect(try collection.read("park/a.yml") == "title:\n    ru: Курт\nid: a\n")
        _ = try CaptionFormatter.run(path: collection.root, check: false)
        #expect(try collection.read("park/a.yml") == "id: a\ntitle:\n  ru: Курт\n")
        #expect(try collection.read("park/b.yml") == "id: b\ntitle:\n  ru: Курт # keep me\n")
        // One file on its own, with the collection's configuration.
        try collection.write("park/a.yml", "title:\n    ru: Курт\nid: a\n")
        let single = try CaptionFormatter.run(path: collection.root + "/park/a.yml", check: false)
        #expect(single.map(\.kind) == [.reformatted])
        #expect(try collection.read("park/a.yml") == "id: a\ntitle:\n  ru: Курт\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: collection.root + "/park")
        #expect(leftovers.sorted() == ["a.yml", "b.yml", "c.yml"])
    }
}
