import Foundation
import Testing

/// What every command does with a folder that is not the collection meant: one without exhibit
/// files (a mistyped `--path`, a fresh folder) and the folder that holds the collection
/// (`captions check .` in the repository).
@Suite struct CollectionFolderCommandTests {
    /// Each command that reads exhibits stops with exit 2, writes nothing and says why, the way
    /// `check` always did: `status` reported a collection without exhibits 100% complete, and
    /// the exports wrote empty files.
    @Test func aFolderWithoutExhibitFilesStopsEveryCommandThatReadsThem() throws {
        let folder = try TemporaryFolder()
        try folder.write("empty/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("returned.xlf", "<xliff/>")
        for (arguments, verb) in [
            (["check", "empty"], "check"), (["status", "empty"], "count"),
            (["status", "empty", "--format", "json"], "count"),
            (["export", "xliff", "empty", "--out", "out"], "export"),
            (["export", "tmx", "empty", "--out", "out"], "export"),
            (["export", "signage", "empty", "--out", "out"], "export"),
            (["import", "returned.xlf", "--path", "empty"], "import into"),
        ] {
            let run = try CLIRun.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout == "", "\(arguments)")
            #expect(run.stderr == "error: empty has no exhibit files (*.yml) to \(verb)\n", "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    @Test func theFolderThatHoldsTheCollectionNamesIt() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        for arguments in [["check", "."], ["status", "."], ["fmt", "."], ["export", "xliff", ".", "--out", "out"]] {
            let run = try CLIRun.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments)")
            #expect(
                run.stderr == """
                    Captions/captions.yml: error: . is not a caption collection, but Captions is: name that folder \
                    instead (for example: captions check Captions)

                    """, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
        let fmt = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(fmt.status == 0, "the bundled museum was left as it was: \(fmt.stdout)")
    }

    /// A gallery named alone was checked with the default settings and no glossary, so its
    /// findings were not the collection's: it is refused, naming the collection's folder.
    @Test func aGalleryOfACollectionIsRefusedNamingTheCollection() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let fromTheRepository = try CLIRun.run(["check", "Captions/barracks"], in: folder.path)
        #expect(fromTheRepository.status == 2)
        #expect(
            fromTheRepository.stderr == """
                Captions/captions.yml: error: Captions/barracks is a folder of the collection Captions, whose settings \
                and glossary are here: name that folder (read alone, Captions/barracks would be read with the default \
                settings)

                """)
        let inside = try CLIRun.run(["status", "."], in: folder.path + "/Captions/barracks")
        #expect(inside.status == 2)
        #expect(
            inside.stderr == """
                ../captions.yml: error: . is a folder of the collection .., whose settings and glossary are here: name \
                that folder (read alone, . would be read with the default settings)

                """)
        // Without a path, the collection itself is found from inside a gallery.
        let found = try CLIRun.run(["check"], in: folder.path + "/Captions/barracks")
        #expect(found.status == 0, "\(found.stderr)")
    }

    /// The TBX names the glossary by its collection folder's name, however the folder was named:
    /// the same bytes, and no server path in a file sent to translators.
    @Test func theTBXIsTheSameFromARelativeAndAnAbsolutePath() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let relative = try CLIRun.run(["export", "glossary", "Captions", "--out", "a"], in: folder.path)
        let absolute = try CLIRun.run(
            ["export", "glossary", folder.path + "/Captions", "--out", "b"], in: folder.path)
        #expect(relative.status == 0 && absolute.status == 0, "\(relative.stderr)\(absolute.stderr)")
        let tbx = try folder.read("a/glossary.tbx")
        #expect(tbx == (try folder.read("b/glossary.tbx")))
        let version = try CLIRun.run(["--version"]).stdout.trimmingCharacters(in: .newlines)
        #expect(tbx.contains("<p>Exported by captions \(version) from Captions/glossary.yml</p>"))
    }
}
