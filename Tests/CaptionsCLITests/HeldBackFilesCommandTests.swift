import Foundation
import Testing

/// The caption files every export holds back (an error in reading them, such as a key twice in
/// one mapping; no valid id; an id another file has too): `export xliff` and `export tmx` hold
/// back the files `export signage` does, with the same lines and exit codes. Before, the two
/// exports for translators sent out a file with a duplicate key (with its first value), whose
/// translation `captions import` then refused, and exported the first of two files sharing an id.
@Suite struct HeldBackFilesCommandTests {
    static let kurt =
        "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
    /// Two `ru:` keys in the title, as a merge or a hasty edit leaves them.
    static let wagon =
        "id: wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\n  ru: Арестантский вагон\n  en: Wagon\ntext:\n"
        + "  kk: Мәтін\n  ru: Текст\n  en: Text\n"
    static let twin = kurt.replacingOccurrences(of: "id: kurt", with: "id: twin")

    /// A collection where only the files above are held back: kurt is complete.
    static func collection() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/kurt.yml", kurt)
        try folder.write("Captions/g/wagon.yml", wagon)
        try folder.write("Captions/g/a.yml", twin)
        try folder.write("Captions/g/b.yml", twin)
        try folder.write("Captions/g/broken.yml", "id: broken\ntitle: [unclosed\n")
        return folder
    }

    /// The lines `export signage` holds the files back with.
    static let heldBack = [
        "Captions/g/a.yml:1:5: error: twin held back: id 'twin' is used by another exhibit too",
        "Captions/g/b.yml:1:5: error: twin held back: id 'twin' is used by another exhibit too",
        "Captions/g/broken.yml:3:1: error: broken held back: invalid YAML: did not find expected ',' or ']' "
            + "(while parsing a flow sequence at line 2, column 8)",
        "Captions/g/wagon.yml:5:3: error: wagon held back: duplicate key 'ru' in 'title'; the first is at line 4",
    ]

    @Test func theDuplicateKeyIsAnErrorOfCheck() throws {
        let folder = try Self.collection()
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "Captions/g/wagon.yml:5:3: error: duplicate key 'ru' in 'title'; the first is at line 4 [invalid-yaml]\n"
            ),
            "\(check.stdout)")
    }

    @Test func signageHoldsTheFilesBack() throws {
        let folder = try Self.collection()
        let run = try CLIRun.run(["export", "signage", "--format", "txt"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == (Self.heldBack + ["exported 1 label to Exports/signage; 4 held back", ""]).joined(separator: "\n"))
    }

    /// `export xliff` (units `id="kurt.title"`) and `export tmx` (`tuid="kurt.title"`): the files
    /// `export signage` holds back, with its lines and their export's id, exit 1 (0 with
    /// `--allow-incomplete`); only kurt's two units are written.
    @Test(arguments: [("xliff", "xlf", "id"), ("tmx", "tmx", "tuid")])
    func theExportsForTranslatorsHoldBackTheFilesSignageDoes(format: String, suffix: String, unitID: String) throws {
        let folder = try Self.collection()
        let run = try CLIRun.run(["export", format, "--to", "en"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "wrote Exports/\(format)/ru-en.\(suffix) (2 units)\n")
        #expect(run.stderr == Self.heldBack.map { $0 + " [\(format)-export]\n" }.joined())
        let file = try folder.read("Exports/\(format)/ru-en.\(suffix)")
        #expect(file.contains("\(unitID)=\"kurt.title\""))
        for id in ["wagon", "twin", "broken"] { #expect(!file.contains("\"\(id)."), "\(id)") }
        let allowed = try CLIRun.run(["export", format, "--to", "en", "--allow-incomplete"], in: folder.path)
        #expect(allowed.status == 0)
        #expect(allowed.stderr == run.stderr)
    }

    /// Once the key is there once, the file goes out again.
    @Test func theFixedFileIsExportedAgain() throws {
        let folder = try Self.collection()
        try folder.write("Captions/g/wagon.yml", Self.wagon.replacingOccurrences(of: "  ru: Вагон\n", with: ""))
        let run = try CLIRun.run(["export", "xliff", "--to", "en"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "wrote Exports/xliff/ru-en.xlf (4 units)\n")
        #expect(run.stderr == Self.heldBack.dropLast().map { $0 + " [xliff-export]\n" }.joined())
        #expect(try folder.read("Exports/xliff/ru-en.xlf").contains("id=\"wagon.title\""))
    }
}
