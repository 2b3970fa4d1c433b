import Foundation
import Testing

/// A language tag on the command line (`--lang`, `--to`, `export signage --with`) in any case
/// names the collection's language, as BCP 47 tags do not depend on case; what the command
/// writes spells it as `captions.yml` does.
@Suite struct LanguageTagCaseCommandTests {
    /// Every file below `folder`, by relative path, with its bytes.
    static func files(in folder: TemporaryFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + relative))
            }
        }
        return files
    }

    /// `arguments` with `tag` in it runs as with `spelled` in its place, in two copies of the
    /// collection `make` writes: the same output, exit code and files.
    static func expectSame(
        _ arguments: [String], _ tag: String, as spelled: String, in make: () throws -> TemporaryFolder
    ) throws {
        let given = try make()
        let configured = try make()
        let environment = SignOffCommandTests.epoch
        let run = try CLIRun.run(arguments, in: given.path, environment: environment)
        let reference = try CLIRun.run(
            arguments.map { $0 == tag ? spelled : $0 }, in: configured.path, environment: environment)
        #expect(run.status == reference.status, "\(arguments): \(run.stderr)")
        #expect(run.stdout == reference.stdout, "\(arguments)")
        #expect(run.stderr == reference.stderr, "\(arguments)")
        #expect(try files(in: given) == files(in: configured), "\(arguments)")
    }

    @Test(arguments: [
        ["check", "--lang", "KK"], ["export", "xliff", "--to", "KK"], ["export", "tmx", "--to", "En"],
        ["review", "k", "--lang", "KK", "--by", "AB"], ["approve", "k", "--lang", "RU", "--by", "DK"],
        ["accept", "k", "--lang", "EN"], ["diff", "k", "--lang", "Kk"],
    ])
    func aLanguageInAnyCaseIsTheCollectionsLanguage(_ arguments: [String]) throws {
        let tag = arguments.first { $0 != $0.lowercased() }!
        try Self.expectSame(arguments, tag, as: tag.lowercased(), in: SignOffCommandTests.museum)
    }

    @Test func aScriptSubtagInAnyCaseIsTheCollectionsSpelling() throws {
        let make = {
            let folder = try TemporaryFolder()
            try folder.write("Captions/captions.yml", "languages: [kk-Latn, ru]\nsource: ru\n")
            try folder.write("Captions/g/k.yml", "id: k\ntitle:\n  kk-Latn: Qūrt\n  ru: Курт\n")
            return folder
        }
        try Self.expectSame(["export", "xliff", "--to", "kk-latn"], "kk-latn", as: "kk-Latn", in: make)
        let upper = try make()
        let run = try CLIRun.run(["export", "xliff", "--to", "KK-LATN"], in: upper.path)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("wrote Exports/xliff/ru-kk-Latn.xlf ("), "\(run.stdout)")
        // A tag that is no language of the collection in any case is still refused.
        let other = try CLIRun.run(["check", "--lang", "KK"], in: upper.path)
        #expect(other.status == 2)
        #expect(other.stderr.hasPrefix("error: --lang KK is not a language of this collection (kk-Latn, ru)"))
    }
}
