import Foundation
import Testing

/// End-to-end runs of `check`, `status`, `export xliff`, `import`, `export signage` and `export tmx` on a Kazakh title
/// pasted from the Russian source, beside texts the same in both languages that `untranslated`
/// accepts (a single word, a number).
@Suite struct SameAsSourceCommandTests {
    let barrack = """
        id: barrack
        title:
          kk: Женский барак
          ru: Женский барак
          en: The women's barrack
        text:
          kk: Әйелдер барагы.
          ru: Женский барак лагеря.
          en: The camp's barrack for women.

        """
    let gate = """
        id: gate
        title:
          kk: АЛЖИР
          ru: АЛЖИР
          en: ALZHIR
        text:
          kk: Лагерь қақпасы.
          ru: Ворота лагеря.
          en: The camp gate.
        credit:
          kk: 1938–1953
          ru: 1938–1953
          en: 1938–1953

        """

    func fixture(withCopy: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        // The default fields: title and text required, credit optional.
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/gate.yml", gate)
        if withCopy { try folder.write("Captions/g/barrack.yml", barrack) }
        return folder
    }

    @Test func statusCountsTheCopyAsSameAsSourceNotAsTranslated() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["status"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Captions: 2 exhibits
                language     units  translated  missing  same as source  complete  words to translate  errors  warnings  notes
                kk               5           4        0               1     80.0%                   2       0         1      0
                ru (source)      5           5        0               0    100.0%                   -       0         0      0
                en               5           5        0               0    100.0%                   0       0         0      0
                untranslated  1

                """)
        let json = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        #expect(json.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["languages"] as? [[String: Any]])
        #expect(rows.map { $0["sameAsSource"] as? Int } == [1, 0, 0])
        #expect(rows.map { $0["translated"] as? Int } == [4, 5, 5])
        #expect(rows.map { $0["missing"] as? Int } == [0, 0, 0])
        #expect(rows.map { $0["sourceWordsToTranslate"] as? Int } == [2, 0, 0])
    }

    @Test func checkCountsTheCopyAsStatusDoesAndStillPasses() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "Captions/g/barrack.yml:3:7: warning: title (kk) is the same as the Russian (ru) source [untranslated]\n"
        )
        #expect(
            run.stderr.hasPrefix(
                """
                kk: 4/5 translated (80.0%), 1 same as source
                ru: 5/5 translated (100.0%)
                en: 5/5 translated (100.0%)
                0 errors, 1 warning in 2 exhibits

                """))
        let json = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        let rows = try #require(summary["languages"] as? [[String: Any]])
        #expect(rows.map { $0["sameAsSource"] as? Int } == [1, 0, 0])
        #expect(rows.map { $0["translated"] as? Int } == [4, 5, 5])
        #expect(rows.map { $0["missing"] as? Int } == [0, 0, 0])
        // Without the copy, the line is as before.
        let withoutCopy = try fixture(withCopy: false)
        let clean = try CLIRun.run(["check"], in: withoutCopy.path)
        #expect(clean.stderr.hasPrefix("kk: 3/3 translated (100.0%)\n"))
    }

    @Test func theNeededExportSendsTheCopyAndItsTranslationImportsCleanly() throws {
        let folder = try fixture()
        let export = try CLIRun.run(["export", "xliff", "--needed", "--to", "kk"], in: folder.path)
        #expect(export.status == 0)
        #expect(export.stdout == "wrote Exports/xliff/ru-kk.xlf (1 unit, 1 to translate)\n")
        let xliff = try folder.read("Exports/xliff/ru-kk.xlf")
        #expect(xliff.contains("<trans-unit id=\"barrack.title\""))
        #expect(!xliff.contains("gate."))
        #expect(
            xliff.contains("<source>Женский барак</source>\n          <target state=\"needs-translation\"></target>")
        )
        try folder.write(
            "Exports/xliff/ru-kk.xlf",
            xliff.replacingOccurrences(
                of: "<target state=\"needs-translation\"></target>",
                with: "<target state=\"translated\">Әйелдер барагы</target>"))
        let imported = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(imported.status == 0)
        #expect(
            imported.stdout == """
                Exports/xliff/ru-kk.xlf (kk): 1 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/barrack.yml

                """)
        #expect(imported.stderr.isEmpty)
        #expect(try folder.read("Captions/g/barrack.yml").hasPrefix("id: barrack\ntitle:\n  kk: Әйелдер барагы\n"))
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.hasPrefix("kk: 5/5 translated (100.0%)\nru: 5/5 translated (100.0%)\n"))
        #expect(check.stderr.contains("0 errors, 0 warnings in 2 exhibits\n"))
        let again = try CLIRun.run(["export", "xliff", "--needed", "--to", "kk"], in: folder.path)
        #expect(again.stdout == "kk: nothing to export (nothing missing or stale); no file written\n")
    }

    @Test func theSignageExportHoldsTheCopyBackUnlessIncompleteIsAllowed() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "signage", "--format", "txt"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Captions/g/barrack.yml:3:7: error: barrack held back: the Kazakh (kk) title is a copy of the Russian (ru) source
                exported 1 label to Exports/signage; 1 held back

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports/signage/g/barrack.txt"))
        let allowed = try CLIRun.run(["export", "signage", "--format", "txt", "--allow-incomplete"], in: folder.path)
        #expect(allowed.status == 0)
        #expect(allowed.stderr.hasPrefix("Captions/g/barrack.yml:3:7: error: barrack held back: the Kazakh (kk) title"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports/signage/g/barrack.txt"))
        // An ignore entry accepts the copy here as it does in check.
        try folder.write("Captions/g/barrack.yml", barrack + "ignore: [untranslated: title/kk]\n")
        let accepted = try CLIRun.run(["export", "signage", "--format", "txt"], in: folder.path)
        #expect(accepted.status == 0)
        #expect(accepted.stderr == "exported 2 labels to Exports/signage\n")
    }

    @Test func theTranslationMemoryLeavesTheCopyOutAndKeepsTheNameAndNumber() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "tmx", "--to", "kk"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        // gate: title, text, credit; barrack: text only (its kk title is the Russian one).
        #expect(run.stdout == "wrote Exports/tmx/ru-kk.tmx (4 units)\n")
        let memory = try folder.read("Exports/tmx/ru-kk.tmx")
        #expect(!memory.contains("tuid=\"barrack.title\""))
        #expect(memory.contains("tuid=\"barrack.text\""))
        #expect(memory.contains("<seg>АЛЖИР</seg>") && memory.contains("<seg>1938–1953</seg>"))
        let multilingual = try CLIRun.run(["export", "tmx", "--multilingual"], in: folder.path)
        #expect(multilingual.status == 0)
        // barrack's title keeps its English translation; the kk copy is not in it.
        let all = try folder.read("Exports/tmx/ru-mul.tmx")
        let title = try #require(all.range(of: "<tu tuid=\"barrack.title\">").map { String(all[$0.lowerBound...]) })
        let unit = String(title[..<(title.range(of: "</tu>")?.upperBound ?? title.endIndex)])
        #expect(unit.contains("<tuv xml:lang=\"en\">") && !unit.contains("<tuv xml:lang=\"kk\">"))
        // An ignore entry accepts the copy as a translation, as in check.
        try folder.write("Captions/g/barrack.yml", barrack + "ignore: [untranslated: title/kk]\n")
        let accepted = try CLIRun.run(["export", "tmx", "--to", "kk"], in: folder.path)
        #expect(accepted.stdout == "wrote Exports/tmx/ru-kk.tmx (5 units)\n")
    }

    @Test func aNameAndANumberTheSameInBothLanguagesStayTranslatedEverywhere() throws {
        let folder = try fixture(withCopy: false)
        let status = try CLIRun.run(["status"], in: folder.path)
        #expect(status.status == 0)
        #expect(!status.stdout.contains("same as source"))
        #expect(status.stdout.contains("\nkk               3           3        0    100.0%"))
        let export = try CLIRun.run(["export", "xliff", "--needed", "--to", "kk"], in: folder.path)
        #expect(export.stdout == "kk: nothing to export (nothing missing or stale); no file written\n")
        let signage = try CLIRun.run(["export", "signage", "--format", "txt"], in: folder.path)
        #expect(signage.status == 0)
        #expect(signage.stderr == "exported 1 label to Exports/signage\n")
        #expect(try folder.read("Exports/signage/g/gate.txt").contains("АЛЖИР"))
    }
}
