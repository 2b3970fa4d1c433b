import Foundation
import Testing

/// End-to-end runs of `captions export signage`.
@Suite struct SignageExportCommandTests {
    let kurt = "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"

    func fixture(heldBack: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/garden/kurt.yml", kurt)
        if heldBack {
            try folder.write(
                "Captions/garden/wagon.yml",
                "id: wagon\ntitle:\n  ru: Вагон\n  en: Wagon\ntext:\n  kk: Вагон.\n  ru: Вагон.\n  en: Wagon.\n")
        }
        return folder
    }

    func exists(_ folder: TemporaryFolder, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.path + "/" + relative)
    }

    @Test func theBundledMuseumExportsCleanlyIntoExportsSignage() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let run = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "exported 20 labels to Exports/signage\n")
        #expect(exists(folder, "Exports/signage/memorial-park/stalin-wagon.txt"))
        #expect(exists(folder, "Exports/signage/datamerge.txt"))
        #expect(exists(folder, "Exports/signage/proof.html"))
        let manifest = try folder.read("Exports/signage/.captions-manifest")
        #expect(manifest.split(separator: "\n").count == 23)
        let text = try folder.read("Exports/signage/museum-second-floor/kurt-story.txt")
        #expect(text.hasPrefix("Тас емес, құрт\n\n"))
        #expect(text.contains("\n\n\nНе\u{A0}камни, а\u{A0}курт\n\n"))
        // Broken by the width of the words in PT Sans on the bundled 300 mm panel.
        #expect(text.hasSuffix("rolled into small hard\nballs.\n"))
        // The caption files are not touched by typography.
        #expect(
            try folder.read("Captions/museum-second-floor/kurt-story.yml")
                == (try String(
                    contentsOfFile: TemporaryFolder.repositoryRoot + "/Captions/museum-second-floor/kurt-story.yml",
                    encoding: .utf8)))
    }

    @Test func heldBackExhibitsAreListedNotWrittenAndExitOne() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Captions/garden/wagon.yml:2:1: error: wagon held back: no Kazakh (kk) title
                exported 1 label to out; 1 held back

                """)
        #expect(exists(folder, "out/garden/kurt.txt"))
        #expect(!exists(folder, "out/garden/wagon.txt"))
        let dataMerge = try #require(FileManager.default.contents(atPath: folder.path + "/out/datamerge.txt"))
        let rows = String(data: dataMerge, encoding: .utf16)?.components(separatedBy: "\r\n") ?? []
        #expect(rows.filter { !$0.isEmpty }.count == 2)
        #expect(!rows.contains { $0.hasPrefix("wagon\t") })
        #expect(try folder.read("out/proof.html").contains("<article class=\"label held-back\" id=\"wagon\">"))
    }

    @Test func allowIncompleteExitsZeroButStillWritesNothingForTheHeldBackExhibit() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "signage", "--allow-incomplete", "--format", "txt"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("Captions/garden/wagon.yml:2:1: error: wagon held back: no Kazakh (kk) title\n"))
        #expect(!exists(folder, "Exports/signage/garden/wagon.txt"))
        #expect(!exists(folder, "Exports/signage/datamerge.txt"))
    }

    @Test func aSecondExportRemovesFilesOfDeletedExhibitsAndKeepsForeignFiles() throws {
        let folder = try fixture(heldBack: false)
        try folder.write("Captions/garden/wagon.yml", kurt.replacingOccurrences(of: "id: kurt", with: "id: wagon"))
        #expect(try CLIRun.run(["export", "signage"], in: folder.path).status == 0)
        #expect(exists(folder, "Exports/signage/garden/wagon.txt"))
        try folder.write("Exports/signage/garden/designer-notes.txt", "keep me")
        try FileManager.default.removeItem(atPath: folder.path + "/Captions/garden/wagon.yml")
        let run = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stderr == """
                removed Exports/signage/garden/wagon.txt (its exhibit is no longer exported)
                exported 1 label to Exports/signage

                """)
        #expect(!exists(folder, "Exports/signage/garden/wagon.txt"))
        #expect(try folder.read("Exports/signage/garden/designer-notes.txt") == "keep me")
    }

    @Test func anExhibitThatBecomesIncompleteLosesItsOldFileAndASecondRunIsByteIdentical() throws {
        let folder = try fixture(heldBack: false)
        #expect(try CLIRun.run(["export", "signage"], in: folder.path).status == 0)
        let first = try #require(FileManager.default.contents(atPath: folder.path + "/Exports/signage/datamerge.txt"))
        #expect(try CLIRun.run(["export", "signage"], in: folder.path).status == 0)
        #expect(FileManager.default.contents(atPath: folder.path + "/Exports/signage/datamerge.txt") == first)
        try folder.write("Captions/garden/kurt.yml", kurt.replacingOccurrences(of: "  kk: Құрт.\n", with: ""))
        let run = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Captions/garden/kurt.yml:6:1: error: kurt held back: no Kazakh (kk) text
                removed Exports/signage/garden/kurt.txt (its exhibit is held back)
                exported 0 labels to Exports/signage; 1 held back

                """)
        #expect(!exists(folder, "Exports/signage/garden/kurt.txt"))
    }

    /// An export of some formats leaves an earlier export's Data Merge file and proof sheet as
    /// they were, and says so: they may hold a label now held back, which must not go to print.
    @Test func theDataMergeFileOfAnEarlierExportIsNamedWhenOnlyTextIsExported() throws {
        let folder = try fixture(heldBack: false)
        #expect(try CLIRun.run(["export", "signage"], in: folder.path).status == 0)
        let dataMergePath = folder.path + "/Exports/signage/datamerge.txt"
        let dataMerge = try #require(FileManager.default.contents(atPath: dataMergePath))
        try folder.write("Captions/garden/kurt.yml", kurt.replacingOccurrences(of: "  kk: Құрт.\n", with: ""))
        let run = try CLIRun.run(["export", "signage", "--format", "txt", "--format", "html"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Captions/garden/kurt.yml:6:1: error: kurt held back: no Kazakh (kk) text
                Exports/signage/datamerge.txt: warning: left from an earlier export: this one wrote txt and html only, \
                so it may hold texts that changed or labels held back since; export with --format datamerge too, or \
                delete it
                removed Exports/signage/garden/kurt.txt (its exhibit is held back)
                exported 0 labels to Exports/signage; 1 held back; 1 warning

                """)
        #expect(FileManager.default.contents(atPath: dataMergePath) == dataMerge)
        // Exported in that format again, the file is rewritten and the warning is gone.
        let all = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(!all.stderr.contains("left from an earlier export"))
        #expect(FileManager.default.contents(atPath: dataMergePath) != dataMerge)
    }

    @Test func aTraversalIDIsHeldBackAndNothingIsWrittenOutsideTheFolder() throws {
        let folder = try fixture(heldBack: false)
        try folder.write(
            "Captions/garden/evil.yml", kurt.replacingOccurrences(of: "id: kurt", with: "id: ../../../escaped"))
        let run = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "Captions/garden/evil.yml:1:5: error: ../../../escaped held back: id '../../../escaped' is not a slug\n"
            ))
        #expect(!exists(folder, "escaped.txt") && !exists(folder, "Exports/escaped.txt"))
    }

    @Test func aBadSignageSectionOrAnUnwritableFolderExitsTwo() throws {
        let folder = try fixture(heldBack: false)
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsignage: { widht: 40 }\n")
        let bad = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(bad.status == 2)
        #expect(
            bad.stderr == "Captions/captions.yml:2:12: error: unknown signage setting 'widht'; did you mean 'width'?\n")

        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\n")
        try folder.write("a-file", "not a folder")
        let unwritable = try CLIRun.run(["export", "signage", "--out", "a-file/signage"], in: folder.path)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.hasPrefix("a-file/signage: error: cannot write"))
    }

    @Test func onlyExportsTheNamedExhibitsAndRejectsUnknownIDs() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "signage", "--only", "kurt", "--format", "txt"], in: folder.path)
        #expect(run.status == 0)
        #expect(exists(folder, "Exports/signage/garden/kurt.txt"))
        let unknown = try CLIRun.run(["export", "signage", "--only", "kurd"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no exhibit has the id 'kurd'; did you mean 'kurt'?\n")
    }

    /// A label `--only` names that is held back now is removed from the folder, as a full export
    /// removes it (it stayed, out of date, beside "exported 0 labels"); the other labels stay.
    @Test func onlyRemovesTheNamedExhibitsOwnLabelWhenItIsHeldBack() throws {
        let folder = try fixture(heldBack: false)
        try folder.write("Captions/garden/wagon.yml", kurt.replacingOccurrences(of: "kurt", with: "wagon"))
        #expect(try CLIRun.run(["export", "signage", "--out", "out"], in: folder.path).status == 0)
        try folder.write("Captions/garden/kurt.yml", kurt.replacingOccurrences(of: "  kk: Құрт\n", with: ""))
        let run = try CLIRun.run(["export", "signage", "--only", "kurt", "--out", "out"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Captions/garden/kurt.yml:2:1: error: kurt held back: no Kazakh (kk) title
                removed out/garden/kurt.txt (its exhibit is held back)
                exported 0 labels to out; 1 held back

                """)
        #expect(!exists(folder, "out/garden/kurt.txt"))
        #expect(exists(folder, "out/garden/wagon.txt"))
        #expect(exists(folder, "out/datamerge.txt"))
    }

    @Test func dataMergeEncodingOptionWritesUTF8WithBOM() throws {
        let folder = try fixture(heldBack: false)
        let run = try CLIRun.run(
            ["export", "signage", "--format", "datamerge", "--datamerge-encoding", "utf8-bom"], in: folder.path)
        #expect(run.status == 0)
        let data = try #require(FileManager.default.contents(atPath: folder.path + "/Exports/signage/datamerge.txt"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == """
                id\tgallery\tkk_title\tkk_text\tkk_credit\tru_title\tru_text\tru_credit\ten_title\ten_text\ten_cre\
                dit\r\nkurt\tgarden\tҚұрт\tҚұрт.\t\tКурт\tКурт.\t\tKurt\tKurt.\t\r\n
                """
        )
    }
}

/// `--with kk-Latn` end to end.
@Suite struct SignageLatinKazakhCommandTests {
    /// The tag in any case (BCP 47 tags do not depend on case); the files spell it kk-Latn.
    @Test(arguments: ["kk-Latn", "kk-latn", "KK-LATN"])
    func withKazakhLatinAddsAProvisionalBlockAfterKazakh(_ tag: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\n")
        try folder.write(
            "Captions/g/kurt.yml",
            """
            id: kurt\ntitle:\n  kk: Тас емес, құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  \
            en: Kurt.\n
            """
        )
        let run = try CLIRun.run(["export", "signage", "--with", tag], in: folder.path)
        #expect(run.status == 0)
        #expect(
            try folder.read("Exports/signage/g/kurt.txt")
                == "Тас емес, құрт\n\nҚұрт.\n\n\nTas emes, qūrt\n\nQūrt.\n\n\nКурт\n\nКурт.\n\n\nKurt\n\nKurt.\n")
        #expect(try folder.read("Exports/signage/proof.html").contains("<div class=\"block\" lang=\"kk-Latn\">"))
    }

    @Test func withAnotherValueIsAUsageError() throws {
        let run = try CLIRun.run(["export", "signage", "--with", "uz-Latn"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--with supports only kk-Latn, not 'uz-Latn'"))
    }
}
