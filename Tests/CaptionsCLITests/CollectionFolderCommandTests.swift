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
                    instead

                    """, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
        let fmt = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(fmt.status == 0, "the bundled museum was left as it was: \(fmt.stdout)")
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
