import Foundation
import Testing

/// A caption or glossary term with a character XML cannot hold (U+000B from Word's Shift+Enter,
/// U+0007) made XLIFF, TMX and TBX files that no XML reader accepts, with exit 0: the exports
/// now refuse them, one located line per text, exit 2, nothing written.
@Suite struct UnwritableTextExportTests {
    /// The bundled museum with U+000B in a ru title and U+0007 in its en translation.
    static func museumWithControls() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let file = "Captions/barracks/accommodation-block.yml"
        let text = try folder.read(file)
            .replacingOccurrences(of: "  ru: Жилой барак\n", with: "  ru: \"Жилой\\vбарак\"\n")
            .replacingOccurrences(of: "  en: The living quarters\n", with: "  en: \"The living\\a quarters\"\n")
        try folder.write(file, text)
        // Without its record, so that its translations are current whatever the title's bytes
        // (the TMX export leaves stale ones out, and would not name their texts).
        try folder.removeRecord(file)
        return folder
    }

    static let ruLine = """
        Captions/barracks/accommodation-block.yml:4:7: error: title (ru) has the control character U+000B, which XML \
        cannot hold; remove it (captions check reports it as not-normalized)
        """
    static let enLine = """
        Captions/barracks/accommodation-block.yml:5:7: error: title (en) has the control character U+0007, which XML \
        cannot hold; remove it (captions check reports it as not-normalized)
        """

    @Test(arguments: ["1.2", "2.0"])
    func xliffExportRefusesEveryTextOnceAndWritesNothing(version: String) throws {
        let folder = try Self.museumWithControls()
        let run = try CLIRun.run(["export", "xliff", "--xliff", version], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == Self.ruLine + "\n" + Self.enLine + "\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
        // Only the language asked for: the en text is not written, so not named.
        let kk = try CLIRun.run(["export", "xliff", "--to", "kk", "--xliff", version], in: folder.path)
        #expect(kk.status == 2)
        #expect(kk.stderr == Self.ruLine + "\n")
    }

    @Test func tmxExportRefusesAndWritesNothing() throws {
        let folder = try Self.museumWithControls()
        for arguments in [["export", "tmx"], ["export", "tmx", "--multilingual"]] {
            let run = try CLIRun.run(arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == Self.ruLine + "\n" + Self.enLine + "\n")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
        }
    }

    /// A glossary term is written into the TBX and into the XLIFF units that use it.
    @Test func aGlossaryTermXMLCannotHoldIsRefusedByTheTBXAndXLIFFExports() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let glossary = try folder.read("Captions/glossary.yml")
            .replacingOccurrences(of: "  en: kurt\n", with: "  en: \"ku\\uFFFFrt\"\n")
        try folder.write("Captions/glossary.yml", glossary)
        let line = """
            Captions/glossary.yml:80:3: error: glossary entry 'kurt' (en) has the character U+FFFF, which XML cannot \
            hold; remove it

            """
        let tbx = try CLIRun.run(["export", "glossary"], in: folder.path)
        #expect(tbx.status == 2)
        #expect(tbx.stderr == line)
        let xliff = try CLIRun.run(["export", "xliff", "--to", "en"], in: folder.path)
        #expect(xliff.status == 2)
        #expect(xliff.stderr == line)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
        // The kk file lists only the entry's ru and kk terms: it is written.
        #expect(try CLIRun.run(["export", "xliff", "--to", "kk"], in: folder.path).status == 0)
    }

    /// A control character in a term is a malformed glossary, as `glossary.yml`'s other errors:
    /// such a term matches no text, so every command stops at it, not only the exports.
    @Test func aGlossaryTermWithAControlCharacterStopsEveryCommand() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let glossary = try folder.read("Captions/glossary.yml")
            .replacingOccurrences(of: "  en: kurt\n", with: "  en: \"ku\\vrt\"\n")
        try folder.write("Captions/glossary.yml", glossary)
        for arguments in [["check"], ["export", "glossary"], ["export", "xliff", "--to", "kk"]] {
            let run = try CLIRun.run(arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(
                run.stderr
                    == "Captions/glossary.yml:83:7: error: en holds the control character U+000B, which no caption "
                    + "text can match; remove it\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
    }
}
