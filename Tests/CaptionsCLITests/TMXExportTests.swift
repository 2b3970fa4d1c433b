import Foundation
import Testing

@testable import CaptionKit

/// `captions export tmx` on the bundled museum: valid against the TMX 1.4 DTD, read back by
/// Translate Toolkit with the same units, stale translations left out.
@Suite struct TMXExportTests {
    /// The TMX 1.4b DTD in `../shared/schemas` beside the repository, beside a worktree one level
    /// deeper, or in the development machine's `/work/shared/schemas` (a clone elsewhere, as CI
    /// makes); a path that does not exist when none has it (the tests then skip).
    static let dtd: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates =
            ["../shared/schemas", "../../shared/schemas"].map {
                root.appendingPathComponent($0 + "/tmx-1.4/tmx14.dtd").standardizedFileURL.path
            } + ["/work/shared/schemas/tmx-1.4/tmx14.dtd"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }()

    @Test func writesOneFilePerTargetLanguageWithTheCurrentTranslations() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try folder.removeTranslation("Captions/barracks/first-winter.yml", field: "title", language: "kk")
        let run = try CLIRun.run(["export", "tmx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                wrote Exports/tmx/ru-kk.tmx (47 units)
                wrote Exports/tmx/ru-en.tmx (48 units)

                """)
        let kk = try folder.read("Exports/tmx/ru-kk.tmx")
        #expect(kk.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header "))
        #expect(
            kk.contains(
                """
                    <tu tuid="arch-of-sorrow.title">
                      <prop type="x-state">translated</prop>
                      <prop type="x-file">memorial-park/arch-of-sorrow.yml</prop>
                      <tuv xml:lang="ru">
                        <seg>Арка скорби</seg>
                      </tuv>
                      <tuv xml:lang="kk">
                        <seg>Қасірет аркасы</seg>
                      </tuv>
                    </tu>
                """))
        #expect(!kk.contains("tuid=\"first-winter.title\""))
        let bad = try CLIRun.run(["export", "tmx", "--to", "ru"], in: folder.path)
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: --to ru is the source language (target languages: kk, en)\n")
    }

    /// A caption file that cannot be read is held back, as `export xliff` and `export signage`
    /// hold it back (the translation memory lacked its units and nothing said so), exit 1.
    @Test func aFileThatCannotBeReadIsHeldBack() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try folder.write("Captions/barracks/broken.yml", "id: broken\ntitle: [unclosed\n")
        let run = try CLIRun.run(["export", "tmx", "--to", "kk"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "wrote Exports/tmx/ru-kk.tmx (48 units)\n")
        #expect(
            run.stderr
                == "Captions/barracks/broken.yml:3:1: error: broken held back: invalid YAML: did not find expected "
                + "',' or ']' (while parsing a flow sequence at line 2, column 8) [tmx-export]\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dtd), "needs the TMX DTD in ../shared/schemas"))
    func filesAreValidAgainstTheTMXDTD() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        #expect(try CLIRun.run(["export", "tmx"], in: folder.path).status == 0)
        for file in ["ru-kk.tmx", "ru-en.tmx"] {
            let lint = try runTool(
                "xmllint", ["--nonet", "--noout", "--dtdvalid", Self.dtd, "Exports/tmx/" + file], in: folder.path)
            #expect(lint.status == 0, "\(lint.output)")
        }
    }

    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit"))
    func translateToolkitReadsTheSameUnits() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        #expect(try CLIRun.run(["export", "tmx", "--to", "en"], in: folder.path).status == 0)
        let read = try runTool(
            "python3",
            [Self.readScript, "Exports/tmx/ru-en.tmx", "arch-of-sorrow.title", "kurt-story.title"], in: folder.path)
        #expect(read.status == 0, "\(read.output)")
        #expect(
            read.output == """
                48
                arch-of-sorrow.title: Арка скорби => The Arch of Sorrow
                kurt-story.title: Не камни, а курт => Not stones, but kurt

                """)
    }

    static let readScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/read_tmx.py").path
}
