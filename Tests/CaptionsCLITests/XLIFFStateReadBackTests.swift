import Foundation
import Testing

/// Translate Toolkit (the library under Weblate and Pootle) reads the sign-off states of our
/// exports back, unit by unit.
@Suite struct XLIFFStateReadBackTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/read_xliff_states.py").path

    /// k: title approved in kk, text reviewed in kk, credit translated; m: a stale kk title.
    static func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/g/k.yml",
            "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
                + "credit:\n  kk: Қор\n  ru: Фонд\n  en: Fund\n")
        try folder.write(
            "Captions/g/m.yml",
            "id: m\ntitle:\n  kk: Ескі\n  ru: Новое\n  en: New\ntranslations:  # machine-owned: source fingerprints"
                + " of translations; do not edit\n  title: { kk: deadbeef }\n")
        let epoch = ["SOURCE_DATE_EPOCH": "1796256000"]
        let review = try CLIRun.run(
            ["review", "k", "--field", "title", "--field", "text", "--lang", "kk", "--by", "AB"], in: folder.path,
            environment: epoch)
        #expect(review.status == 0, "\(review.stderr)")
        let approve = try CLIRun.run(
            ["approve", "k", "--field", "title", "--lang", "kk", "--by", "DK"], in: folder.path, environment: epoch)
        #expect(approve.status == 0, "\(approve.stderr)")
        return folder
    }

    @Test(
        .enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"),
        arguments: [
            (
                "1.2",
                // Translate Toolkit's 1.2 reader calls every unit without approved="yes" fuzzy.
                """
                k.title: final approved=True review=False fuzzy=False
                k.text: signed-off approved=True review=False fuzzy=False
                k.credit: translated approved=False review=False fuzzy=True
                m.title: needs-review-translation approved=False review=True fuzzy=True

                """
            ),
            (
                "2.0",
                """
                k.title: approved=True fuzzy=False translated=True
                k.text: approved=True fuzzy=False translated=True
                k.credit: approved=False fuzzy=False translated=True
                m.title: approved=False fuzzy=True translated=False

                """
            ),
        ])
    func translateToolkitReadsTheStates(_ version: String, _ expected: String) throws {
        let folder = try Self.museum()
        let export = try CLIRun.run(["export", "xliff", "--to", "kk", "--xliff", version], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let read = try runTool("python3", [Self.script, version, "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output == expected)
    }
}
