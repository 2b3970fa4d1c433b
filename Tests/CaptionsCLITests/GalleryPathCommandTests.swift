import Foundation
import Testing

/// A folder inside a collection (a gallery) named as `PATH`: read as that collection limited to
/// the folder's exhibits, with the collection's settings, never alone with the defaults.
@Suite struct GalleryPathCommandTests {
    static let kurt = "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Құрт ақ.\n  ru: Курт белый.\n"
    static let wagon = "id: wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\ntext:\n  kk: Вагон ескі.\n  ru: Вагон старый.\n"

    /// Two galleries; the collection has no English and narrow signs.
    func fixture(signage: String = "  width: 12\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru]\nsource: ru\nsignage:\n" + signage)
        try folder.write("Captions/new-hall/kurt.yml", Self.kurt)
        try folder.write("Captions/garden/wagon.yml", Self.wagon)
        return folder
    }

    static func note(_ path: String, in collection: String = "Captions") -> String {
        """
        note: \(path) is read as part of the collection \(collection), with its settings, glossary and baseline; \
        only the exhibits in \(path) are taken
        """
    }

    /// The print gate of `signage: require:` holds a gallery's labels back as it holds back the
    /// collection's: naming the gallery wrote every label with the defaults, exit 0.
    @Test func aGalleryExportKeepsTheCollectionsPrintGate() throws {
        let folder = try fixture(signage: "  require: approved\n")
        let run = try CLIRun.run(["export", "signage", "Captions/new-hall", "--out", "out"], in: folder.path)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.note("Captions/new-hall"))
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("Captions/new-hall/kurt.yml:") })
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.contains(": error: kurt held back: ") })
        #expect(lines.last == "exported 0 labels to out; 1 held back")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/new-hall/kurt.txt"))
    }

    /// The gallery's labels have the collection's languages, widths and gallery column; the
    /// other gallery's label of an earlier export stays, the gallery's own held-back one goes.
    @Test func aGalleryExportHasTheCollectionsSettingsAndTouchesOnlyItsLabels() throws {
        let folder = try fixture()
        #expect(try CLIRun.run(["export", "signage", "--out", "out"], in: folder.path).status == 0)
        let run = try CLIRun.run(
            ["export", "signage", "Captions/new-hall", "--out", "out", "--datamerge-encoding", "utf8-bom"],
            in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == Self.note("Captions/new-hall") + "\nexported 1 label to out\n")
        #expect(try folder.read("out/new-hall/kurt.txt") == "Құрт\n\nҚұрт ақ.\n\n\nКурт\n\nКурт белый.\n")
        #expect(
            try folder.read("out/datamerge.txt").hasSuffix(
                "id\tgallery\tkk_title\tkk_text\tkk_credit\tru_title\tru_text\tru_credit\r\n"
                    + "kurt\tnew-hall\tҚұрт\tҚұрт ақ.\t\tКурт\tКурт белый.\t\r\n"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/garden/wagon.txt"))
        try folder.write("Captions/new-hall/kurt.yml", Self.kurt.replacingOccurrences(of: "  kk: Құрт\n", with: ""))
        let held = try CLIRun.run(["export", "signage", "Captions/new-hall", "--out", "out"], in: folder.path)
        #expect(held.status == 1)
        #expect(held.stderr.contains("\nremoved out/new-hall/kurt.txt (its exhibit is held back)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/new-hall/kurt.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/garden/wagon.txt"))
        let unknown = try CLIRun.run(["export", "signage", "Captions/new-hall", "--only", "wagon"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no exhibit in Captions/new-hall has the id 'wagon'\n")
    }

    /// `check` and `status` of a gallery: the collection's languages (no English asked for),
    /// the gallery's exhibits only, named from the collection, and the note.
    @Test(arguments: [("", "Captions/new-hall", "Captions"), ("Captions/new-hall", ".", "..")])
    func checkAndStatusOfAGalleryUseTheCollectionsSettings(directory: String, path: String, collection: String) throws {
        let folder = try fixture()
        let note = Self.note(CollectionPath.join(collection, "new-hall"), in: collection)
        let check = try CLIRun.run(["check", path], in: folder.path + "/" + directory)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
        #expect(
            check.stderr == """
                \(note)
                kk: 2/2 translated (100.0%)
                ru: 2/2 translated (100.0%)
                0 errors, 0 warnings in 1 exhibit
                note: 2 translations in 1 exhibit have no record of their source, so edits to the source will not mark \
                them stale; run captions accept --untracked to start tracking them

                """)
        let status = try CLIRun.run(["status", path, "--format", "json"], in: folder.path + "/" + directory)
        #expect(status.status == 0)
        #expect(status.stderr == note + "\n")
        #expect(status.stdout.contains("\"exhibits\" : 1,"))
        #expect(status.stdout.contains("\"folder\" : \"new-hall\","))
        // The table is headed by the folder and its count, not by the collection.
        let table = try CLIRun.run(["status", path], in: folder.path + "/" + directory)
        #expect(table.status == 0)
        #expect(table.stderr == note + "\n")
        #expect(table.stdout.hasPrefix(CollectionPath.join(collection, "new-hall") + ": 1 exhibit\nlanguage "))
        let whole = try CLIRun.run(["status", collection], in: folder.path + "/" + directory)
        #expect(whole.stdout.hasPrefix(collection + ": 2 exhibits\nlanguage "), "\(whole.stdout)")
    }

    /// The translation memory of a gallery: its exhibits only, in the collection's languages.
    @Test func aTMXExportOfAGalleryHasItsExhibitsOnly() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "tmx", "Captions/new-hall", "--out", "t"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == Self.note("Captions/new-hall") + "\n")
        #expect(run.stdout == "wrote t/ru-kk.tmx (2 units)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/t") == ["ru-kk.tmx"])
        let tmx = try folder.read("t/ru-kk.tmx")
        #expect(tmx.contains("<tu tuid=\"kurt.title\">") && tmx.contains("<tu tuid=\"kurt.text\">"))
        #expect(!tmx.contains("wagon"))
    }

    /// A check of a gallery uses the collection's baseline, and says nothing of the entries of
    /// the other galleries, which it did not check: only the gallery's own unused entry is named.
    @Test func aGalleryCheckReportsOnlyItsOwnUnusedBaselineEntries() throws {
        let folder = try fixture()
        let noTitle = { (text: String, title: String) in text.replacingOccurrences(of: "  kk: \(title)\n", with: "") }
        try folder.write("Captions/new-hall/kurt.yml", noTitle(Self.kurt, "Құрт"))
        try folder.write("Captions/garden/wagon.yml", noTitle(Self.wagon, "Вагон"))
        let written = try CLIRun.run(["check", "Captions", "--write-baseline"], in: folder.path)
        #expect(written.status == 0, "\(written.stderr)")
        let accepted = try CLIRun.run(["check", "Captions/new-hall"], in: folder.path)
        #expect(accepted.status == 0)
        #expect(accepted.stdout.isEmpty)
        // The gallery's finding fixed: its entry is unused; the garden's entry is not its business.
        try folder.write("Captions/new-hall/kurt.yml", Self.kurt)
        let unused = try CLIRun.run(["check", "Captions/new-hall"], in: folder.path)
        #expect(unused.status == 0)
        #expect(
            unused.stdout == """
                Captions/captions-baseline.json:5:1: warning: baseline entry silences nothing: missing-translation in \
                new-hall/kurt.yml, title (kk): 'title of kurt has no Kazakh (kk) text'; write the baseline again to \
                drop it [unused-exception]

                """)
    }

    /// A gallery that is a symbolic link, which the collection does not follow, named as PATH
    /// (or a folder in it): what `skipped-file` says of the link, not "no exhibit files".
    @Test(arguments: [
        ["check", "Captions/linked"], ["status", "Captions/linked"], ["check", "Captions/linked/inner"],
        ["export", "xliff", "Captions/linked"], ["export", "tmx", "Captions/linked"],
        ["export", "signage", "Captions/linked"],
    ])
    func aLinkedGalleryIsNamedAsTheSkippedLinkItIs(_ arguments: [String]) throws {
        let folder = try fixture()
        try folder.write("elsewhere/inner/kurt.yml", Self.kurt)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Captions/linked", withDestinationPath: "../elsewhere")
        let run = try CLIRun.run(arguments, in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                Captions/linked: error: 'linked' is a symbolic link to a folder, which is not followed: no exhibit \
                file in it is checked; put the folder itself here instead of the link

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
    }

    /// A baseline written from a gallery's findings would drop every other gallery's entries.
    @Test func aGalleryCannotWriteTheBaseline() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "Captions/new-hall", "--write-baseline"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                error: Captions/new-hall is a folder of the collection Captions, whose baseline holds the findings of \
                every folder: write it for the whole collection (captions check Captions --write-baseline)

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Captions/captions-baseline.json"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Captions/new-hall/captions-baseline.json"))
    }

    /// The XLIFF export of a gallery: its exhibits only, in the collection's languages.
    @Test func anXLIFFExportOfAGalleryHasItsExhibitsInTheCollectionsLanguages() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "xliff", "Captions/new-hall", "--out", "x"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix(Self.note("Captions/new-hall") + "\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/x")
        #expect(files == ["ru-kk.xlf"])
        let xliff = try folder.read("x/ru-kk.xlf")
        #expect(xliff.contains("kurt.title"))
        #expect(!xliff.contains("wagon"))
    }

    /// The commands that write (or read one exhibit against the collection's rules) refuse a
    /// gallery: read alone with the defaults, `approve` let a reviewer approve their own text
    /// under four-eyes, `new` made a second exhibit with an id the collection has, and a TBX
    /// import wrote a glossary.yml into the gallery.
    @Test(arguments: [
        ["review", "kurt", "--by", "AB", "--path", "Captions/new-hall"],
        ["approve", "kurt", "--by", "AB", "--path", "Captions/new-hall"],
        ["accept", "kurt", "--path", "Captions/new-hall"],
        ["diff", "kurt", "--path", "Captions/new-hall"],
        ["new", "wagon", "--path", "Captions/new-hall"],
        ["fmt", "Captions/new-hall"],
        ["import", "x.tbx", "--path", "Captions/new-hall"],
        ["import", "x.xlf", "--path", "Captions/new-hall"],
        ["export", "glossary", "Captions/new-hall"],
    ])
    func commandsThatNeedTheCollectionRefuseAGallery(_ arguments: [String]) throws {
        let folder = try fixture()
        try folder.write("x.tbx", "<martif type=\"TBX\"><text><body/></text></martif>\n")
        try folder.write("x.xlf", "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>\n")
        let before = try folder.contents(of: "Captions")
        let run = try CLIRun.run(arguments, in: folder.path)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr == """
                error: Captions/new-hall is a folder of the collection Captions, not a collection: name the collection \
                (Captions); check, status and the exports read a folder as part of it

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// The editor refuses a gallery, naming the collection to serve.
    @Test func serveRefusesAGallery() throws {
        let editor = CLIRun.binary.deletingLastPathComponent().appendingPathComponent("captions-editor")
        try #require(
            FileManager.default.isExecutableFile(atPath: editor.path),
            "build the editor first: swift build --product captions-editor (.ci/test does)")
        let folder = try fixture()
        let run = try CLIRun.run(["serve", "Captions/new-hall", "--port", "1"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                captions-editor: error: Captions/new-hall is a folder of the collection Captions, not a collection: \
                serve Captions

                """)
    }
}

/// Joins folder paths as the tool names them (`..` + `new-hall` is `../new-hall`).
enum CollectionPath {
    static func join(_ folder: String, _ relative: String) -> String {
        folder.isEmpty || folder == "." ? relative : folder + "/" + relative
    }
}
