import Foundation
import Testing

/// `captions import` of units a translation tool marks as still needing work: Weblate's "Needs
/// editing", which Translate Toolkit's `markfuzzy` writes as `approved="no"` on the unit and
/// `state="needs-translation"` on its target. Such a draft is not applied; a unit without
/// `approved="no"` is applied whatever its state, as before.
@Suite struct MarkedUnfinishedCommandTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/mark_needs_editing_with_translate_toolkit.py").path
    static let k = "id: k\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Текст\n  en: Text\ncredit:\n  ru: Фонд\n"
    /// `k` with its Kazakh text, the one unit of the file that is done.
    static let kWithText =
        "id: k\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\ncredit:\n  ru: Фонд\n"
        + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
        + "  text: { kk: 3091aca2 }\n"

    /// A museum exported for kk, the title saved by Translate Toolkit as a draft ("Needs
    /// editing"), the text as translated; the credit left empty.
    static func returnedFromWeblate() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", k)
        let export = try CLIRun.run(["export", "xliff", "--to", "kk"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let edit = try runTool(
            "python3", [script, "Exports/xliff/ru-kk.xlf", "draft", "k.title", "Құрт", "done", "k.text", "Мәтін"],
            in: folder.path)
        #expect(edit.status == 0, "\(edit.output)")
        let xliff = try folder.read("Exports/xliff/ru-kk.xlf")
        #expect(
            xliff.contains(
                "xml:space=\"preserve\" approved=\"no\">\n          <source>Курт</source>\n"
                    + "          <target state=\"needs-translation\">Құрт</target>"))
        #expect(
            xliff.contains(
                "approved=\"no\">\n          <source>Текст</source>\n"
                    + "          <target state=\"translated\">Мәтін</target>"))
        return folder
    }

    static let warning = """
        Exports/xliff/ru-kk.xlf:8:11: warning: unit 'k.title' (kk) was not imported: the translation tool marks it \
        as still needing work (approved="no", state="needs-translation", as Weblate marks "Needs editing"); finish \
        it there and send the file again [marked-unfinished]

        """

    @Test(
        .enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"),
        arguments: [[], ["--atomic"]])
    func aDraftIsNotApplied(_ options: [String]) throws {
        let folder = try Self.returnedFromWeblate()
        let run = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"] + options, in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout == Self.warning + """
                Exports/xliff/ru-kk.xlf (kk): 1 applied, 0 unchanged, 2 not translated (1 marked as needing work), \
                0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(try folder.read("Captions/g/k.yml") == Self.kWithText)
    }

    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"))
    func theJSONReportCountsTheDraftAmongTheUnitsNotTranslated() throws {
        let folder = try Self.returnedFromWeblate()
        let run = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf", "--format", "json"], in: folder.path)
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["applied"] as? Int == 1)
        #expect(file["skipped"] as? Int == 2)
        #expect(file["markedUnfinished"] as? Int == 1)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["check"] as? String } == ["marked-unfinished"])
        #expect(warnings.map { $0["line"] as? Int } == [8])
        #expect((json["problems"] as? [Any])?.isEmpty == true)
    }

    /// The same file without `approved="no"`: the state alone says nothing (OmegaT returns the
    /// export's `state="needs-translation"` on every unit it translates), so the title is applied.
    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"))
    func withoutApprovedNoTheStateIsIgnored() throws {
        let folder = try Self.returnedFromWeblate()
        let xliff = try folder.read("Exports/xliff/ru-kk.xlf")
        try folder.write("Exports/xliff/ru-kk.xlf", xliff.replacingOccurrences(of: " approved=\"no\"", with: ""))
        let run = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Exports/xliff/ru-kk.xlf (kk): 2 applied, 0 unchanged, 1 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(
            try folder.read("Captions/g/k.yml")
                == "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
                + "credit:\n  ru: Фонд\n"
                + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  title: { kk: 8577ed6c }\n  text: { kk: 3091aca2 }\n")
    }

    /// Only an explicit `approved="no"` (in any case) with a `new` or `needs-…` state holds a
    /// target back; `approved="yes"`, a finished state, or a state the table does not know do not.
    @Test func onlyApprovedNoWithAStateThatNeedsWorkHoldsATargetBack() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", Self.k)
        try folder.write("Captions/g/m.yml", "id: m\ntitle:\n  ru: Музей\n")
        func unit(_ id: String, _ approved: String, _ state: String, _ source: String, _ target: String) -> String {
            XLIFF12Fixture.unit(
                id, attributes: "approved=\"\(approved)\"", source: source, target: target
            ).replacingOccurrences(of: "<target>", with: "<target state=\"\(state)\">")
        }
        try folder.write(
            "returned/kk.xlf",
            XLIFF12Fixture.file([
                unit("k.title", "NO", "New", "Курт", "Құрт"),
                unit("k.text", "yes", "needs-translation", "Текст", "Мәтін"),
                unit("k.credit", "no", "translated", "Фонд", "Қор"),
                unit("m.title", "no", "x-draft", "Музей", "Мұражай"),
            ]))
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                returned/kk.xlf:7:9: warning: unit 'k.title' (kk) was not imported: the translation tool marks it as \
                still needing work (approved="no", state="New", as Weblate marks "Needs editing"); finish it there \
                and send the file again [marked-unfinished]
                returned/kk.xlf (kk): 3 applied, 0 unchanged, 1 not translated (1 marked as needing work), 0 conflicts, \
                0 unknown ids
                wrote Captions/g/k.yml
                wrote Captions/g/m.yml

                """)
    }
}
