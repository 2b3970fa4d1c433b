import Foundation
import Testing

@testable import CaptionKit

/// The bundled museum exported for kk and en, filled by Translate Toolkit (the library under
/// Weblate and Pootle) and imported back: every unit applies and `captions check` passes.
@Suite struct XLIFFTranslateToolkitTests {
    /// Translations removed before the export: (file, field, language).
    static let removed = [
        ("memorial-park/stalin-wagon.yml", "title", "kk"), ("memorial-park/stalin-wagon.yml", "text", "kk"),
        ("museum-second-floor/kurt-story.yml", "text", "en"), ("barracks/first-winter.yml", "title", "en"),
        ("memorial-park/stalin-wagon.yml", "credit", "en"),
    ]

    @Test(
        .enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"),
        arguments: ["1.2", "2.0"])
    func roundTrip(_ version: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        for (file, field, language) in Self.removed {
            try folder.removeTranslation("Captions/" + file, field: field, language: language)
        }
        #expect(try CLIRun.run(["check", "Captions"], in: folder.path).status == 1)

        let export = try CLIRun.run(
            ["export", "xliff", "--to", "kk", "--to", "en", "--xliff", version], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            export.stdout == """
                wrote Exports/xliff/ru-kk.xlf (48 units, 2 to translate)
                wrote Exports/xliff/ru-en.xlf (48 units, 3 to translate)

                """)
        for (file, count) in [("ru-kk.xlf", 2), ("ru-en.xlf", 3)] {
            let fill = try runTool("python3", [TranslateToolkit.fillScript, "Exports/xliff/" + file], in: folder.path)
            #expect(fill.status == 0, "\(fill.output)")
            #expect(fill.output == "\(count)\n")
            // The mark of the language exported for survives in every unit.
            let language = file == "ru-kk.xlf" ? "kk" : "en"
            let mark =
                version == "1.2"
                ? "<context context-type=\"x-captions-language\">\(language)</context>"
                : "<mda:meta type=\"language\">\(language)</mda:meta>"
            #expect(try folder.read("Exports/xliff/" + file).components(separatedBy: mark).count == 49)
        }

        let imported = try CLIRun.run(
            ["import", "Exports/xliff/ru-kk.xlf", "Exports/xliff/ru-en.xlf"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(
            imported.stdout == """
                Exports/xliff/ru-kk.xlf (kk): 2 applied, 46 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                Exports/xliff/ru-en.xlf (en): 3 applied, 45 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/barracks/first-winter.yml
                wrote Captions/memorial-park/stalin-wagon.yml
                wrote Captions/museum-second-floor/kurt-story.yml

                """)
        // The filled units are pseudo-translations (the Russian text after "[kk] "/"[en] "), which
        // the content checks rightly flag (they use no Kazakh or English glossary terms either);
        // every completeness and consistency check passes.
        let check = try CLIRun.run(["check", "Captions", "--format", "json"], in: folder.path)
        let report = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(check.stdout.utf8))
        let flagged = Set(report.diagnostics.map(\.check))
        #expect(flagged.isSubset(of: ["wrong-script", "kazakh-looks-russian", "term-mismatch"]), "\(check.stdout)")
        let wagon = try folder.read("Captions/memorial-park/stalin-wagon.yml")
        #expect(wagon.contains("  kk: |\n    [kk] У входа в мемориал стоит железнодорожный вагон"))
        #expect(wagon.contains("  kk: \"[kk] Арестантский вагон сталинских времён\"\n"))

        // Importing the same files again changes nothing.
        let before = try folder.contents(of: "Captions")
        let again = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf", "Exports/xliff/ru-en.xlf"], in: folder.path)
        #expect(again.status == 0)
        #expect(try folder.contents(of: "Captions") == before)
    }
}

/// A note a translator adds in Translate Toolkit (as Weblate saves a comment) comes back named
/// by the import, and the export's own notes do not.
@Suite struct XLIFFTranslatorNoteTests {
    static let addNoteScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/add_note_with_translate_toolkit.py").path

    @Test(
        .enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"),
        arguments: ["1.2", "2.0"])
    func aTranslatorsNoteIsNamedAtItsLine(_ version: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let export = try CLIRun.run(["export", "xliff", "--to", "kk", "--xliff", version], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let note = "Курт: the cheese or the name? \"Құрт\" reads as both."
        let added = try runTool(
            "python3", [Self.addNoteScript, "Exports/xliff/ru-kk.xlf", "kurt-story.title", note], in: folder.path)
        #expect(added.status == 0, "\(added.output)")
        let xml = try folder.read("Exports/xliff/ru-kk.xlf")
        let lines = xml.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("the cheese or the name?") }) + 1
        let column = try #require(lines[line - 1].firstIndex(of: "<")).utf16Offset(in: lines[line - 1]) + 1

        let imported = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(
            imported.stdout == """
                Exports/xliff/ru-kk.xlf:\(line):\(column): note: unit 'kurt-story.title' (kk) has a note from the \
                translator: "Курт: the cheese or the name? \\"Құрт\\" reads as both." [translator-note]
                Exports/xliff/ru-kk.xlf (kk): 0 applied, 48 unchanged, 0 not translated, 0 conflicts, 0 unknown ids

                """)
        #expect(imported.stderr.isEmpty)
        // The same note in the JSON report, with its exhibit, field and language.
        let json = try CLIRun.run(
            ["import", "Exports/xliff/ru-kk.xlf", "--dry-run", "--format", "json"], in: folder.path)
        let report = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(report["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["check"] as? String == "translator-note")
        #expect(warnings.first?["severity"] as? String == "note")
        #expect(warnings.first?["exhibit"] as? String == "kurt-story")
        #expect(warnings.first?["field"] as? String == "title")
        #expect(warnings.first?["line"] as? Int == line)
    }
}
