import Foundation
import Testing

@testable import CaptionKit

/// `captions export tmx --multilingual`: one file with every target language.
@Suite struct TMXMultilingualTests {
    @Test func oneFileHoldsEveryCurrentTranslationWithItsState() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try folder.removeTranslation("Captions/barracks/first-winter.yml", field: "title", language: "kk")
        // Translations typed by hand and never accepted have no record of their source.
        try folder.removeRecord("Captions/memorial-park/arch-of-sorrow.yml")
        let run = try CLIRun.run(["export", "tmx", "--multilingual"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote Exports/tmx/ru-mul.tmx (48 units)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports/tmx/ru-kk.tmx"))
        let text = try folder.read("Exports/tmx/ru-mul.tmx")
        #expect(
            text.contains(
                """
                    <tu tuid="arch-of-sorrow.title">
                      <prop type="x-file">memorial-park/arch-of-sorrow.yml</prop>
                      <tuv xml:lang="ru">
                        <seg>Арка скорби</seg>
                      </tuv>
                      <tuv xml:lang="kk">
                        <prop type="x-state">unknown-provenance</prop>
                        <seg>Қасірет аркасы</seg>
                      </tuv>
                      <tuv xml:lang="en">
                        <prop type="x-state">unknown-provenance</prop>
                        <seg>The Arch of Sorrow</seg>
                      </tuv>
                    </tu>
                """))
        // The unit whose Kazakh was removed keeps its English only.
        let winter = try #require(text.range(of: "<tu tuid=\"first-winter.title\">"))
        let unit = text[winter.lowerBound...].components(separatedBy: "</tu>")[0]
        #expect(unit.contains("xml:lang=\"en\"") && !unit.contains("xml:lang=\"kk\""))
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: TMXExportTests.dtd), "needs the TMX DTD in ../shared/schemas")
    )
    func theFileIsValidAgainstTheTMXDTD() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        #expect(try CLIRun.run(["export", "tmx", "--multilingual"], in: folder.path).status == 0)
        let lint = try runTool(
            "xmllint", ["--nonet", "--noout", "--dtdvalid", TMXExportTests.dtd, "Exports/tmx/ru-mul.tmx"],
            in: folder.path)
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit"))
    func translateToolkitReadsEveryLanguage() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        #expect(try CLIRun.run(["export", "tmx", "--multilingual"], in: folder.path).status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources/read_tmx_languages.py").path
        let read = try runTool(
            "python3", [script, "Exports/tmx/ru-mul.tmx", "arch-of-sorrow.title", "kurt-story.title"], in: folder.path)
        #expect(read.status == 0, "\(read.output)")
        #expect(
            read.output == """
                48
                arch-of-sorrow.title ru: Арка скорби
                arch-of-sorrow.title kk: Қасірет аркасы
                arch-of-sorrow.title en: The Arch of Sorrow
                kurt-story.title ru: Не камни, а курт
                kurt-story.title kk: Тас емес, құрт
                kurt-story.title en: Not stones, but kurt

                """)
    }
}
