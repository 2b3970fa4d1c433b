import Foundation
import Testing

/// End-to-end runs of `captions init`, `captions new` and `captions status`.
@Suite struct AuthoringCommandTests {
    /// A typo in the `signage:` section stops every command at its position: `check` passed it, and
    /// the print gate it meant to set was not set.
    @Test func aBadSignageSectionStopsEveryCommand() throws {
        let folder = try TemporaryFolder()
        #expect(try CLIRun.run(["init"], in: folder.path).status == 0)
        let config = try folder.read("Captions/captions.yml")
        try folder.write("Captions/captions.yml", config + "signage: { require: aproved }\n")
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).count
        let expected =
            "Captions/captions.yml:\(line):21: error: signage require must be translated, reviewed or approved\n"
        for command in [["check"], ["status"], ["fmt", "--check"], ["export", "xliff", "--to", "kk"]] {
            let run = try CLIRun.run(command, in: folder.path)
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.hasPrefix(expected), "\(command): \(run.stderr)")
        }
    }

    @Test func initStartsACollectionThatPassesAndRefusesToOverwrite() throws {
        let folder = try TemporaryFolder()
        let first = try CLIRun.run(["init"], in: folder.path)
        #expect(first.status == 0)
        #expect(
            first.stdout
                == "created Captions/captions.yml\ncreated Captions/example-exhibit.yml\ncreated Captions/.gitignore\n")
        let config = try folder.read("Captions/captions.yml")
        #expect(config.contains("languages: [kk, ru, en]"))
        // The lock and the temporary files writers leave while they write, named as they are.
        #expect(
            try folder.read("Captions/.gitignore") == """
                # Files captions keeps while it writes the captions and removes when it is done;
                # a writer that was stopped may leave one behind.
                .captions.lock
                .captions-*.tmp

                """)
        #expect(try CLIRun.run(["check"], in: folder.path).status == 0)

        try folder.write("Captions/captions.yml", "# mine\n")
        let second = try CLIRun.run(["init"], in: folder.path)
        #expect(second.status == 2)
        #expect(second.stderr == "Captions/captions.yml: error: already exists; refusing to overwrite it\n")
        #expect(try folder.read("Captions/captions.yml") == "# mine\n")
    }

    @Test func initKeepsAGitIgnoreTheFolderHas() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/.gitignore", "# mine\n")
        let run = try CLIRun.run(["init"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "created Captions/captions.yml\ncreated Captions/example-exhibit.yml\n")
        #expect(try folder.read("Captions/.gitignore") == "# mine\n")
    }

    @Test func newWritesAnEmptyTemplateThatCheckFlags() throws {
        let folder = try TemporaryFolder()
        _ = try CLIRun.run(["init"], in: folder.path)
        let run = try CLIRun.run(["new", "stalin-wagon", "--gallery", "memorial-park"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "created Captions/memorial-park/stalin-wagon.yml\n")
        #expect(
            try folder.read("Captions/memorial-park/stalin-wagon.yml") == """
                id: stalin-wagon
                title:
                  kk: ""
                  ru: ""
                  en: ""
                text:
                  kk: ""
                  ru: ""
                  en: ""
                credit:
                  kk: ""
                  ru: ""
                  en: ""
                notes: ""

                """)
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.hasPrefix(
                "Captions/memorial-park/stalin-wagon.yml:3:7: error: title (kk) of stalin-wagon is empty [empty-text]\n"
            ))

        // Title and text filled, the optional credit left as captions new wrote it: each empty
        // credit says the field may go; a credit filled in one language is a credit to finish.
        let filled = try folder.read("Captions/memorial-park/stalin-wagon.yml").replacingOccurrences(
            of: "title:\n  kk: \"\"\n  ru: \"\"\n  en: \"\"\ntext:\n  kk: \"\"\n  ru: \"\"\n  en: \"\"\n",
            with: "title:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\ntext:\n  kk: Вагон.\n  ru: Вагон.\n  en: Wagon.\n")
        try folder.write("Captions/memorial-park/stalin-wagon.yml", filled)
        let optional = try CLIRun.run(["check"], in: folder.path)
        #expect(optional.status == 1)
        #expect(
            optional.stdout
                == ["kk", "ru", "en"].enumerated().map { index, language in
                    """
                    Captions/memorial-park/stalin-wagon.yml:\(11 + index):7: error: credit (\(language)) of stalin-wagon is \
                    empty; credit is optional: remove the credit: lines if this exhibit has none [empty-text]

                    """
                }.joined())
        try folder.write(
            "Captions/memorial-park/stalin-wagon.yml",
            filled.replacingOccurrences(of: "credit:\n  kk: \"\"\n  ru: \"\"", with: "credit:\n  kk: \"\"\n  ru: Фото"))
        let partial = try CLIRun.run(["check"], in: folder.path)
        #expect(partial.status == 1)
        #expect(
            partial.stdout == """
                Captions/memorial-park/stalin-wagon.yml:11:7: error: credit (kk) of stalin-wagon is empty [empty-text]
                Captions/memorial-park/stalin-wagon.yml:13:7: error: credit (en) of stalin-wagon is empty [empty-text]

                """)

        let again = try CLIRun.run(["new", "stalin-wagon"], in: folder.path)
        #expect(again.status == 2)
        #expect(
            again.stderr
                == """
                Captions/memorial-park/stalin-wagon.yml:1:5: error: the id 'stalin-wagon' is already used by this \
                exhibit; choose another id\n
                """
        )
    }

    /// A gallery folder that is a symbolic link (which a `git pull` can bring) is refused: the
    /// collection does not read it, and the file would land where the link points.
    @Test func newRefusesAGalleryThatIsALink() throws {
        let folder = try TemporaryFolder()
        _ = try CLIRun.run(["init"], in: folder.path)
        try FileManager.default.createDirectory(
            atPath: folder.path + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Captions/linked", withDestinationPath: folder.path + "/outside")
        let run = try CLIRun.run(["new", "sneaky", "--gallery", "linked"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr == "Captions/linked: error: cannot write: the gallery folder is a symbolic link, "
                + "which the collection does not read\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/outside") == [])
    }

    @Test(arguments: ["../escape", "Stalin Wagon", "a/b"])
    func newRefusesIdsThatAreNotSlugs(_ id: String) throws {
        let folder = try TemporaryFolder()
        _ = try CLIRun.run(["init"], in: folder.path)
        let run = try CLIRun.run(["new", id], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: '\(id)' is not a valid exhibit id"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/escape.yml"))
    }

    @Test func statusShowsATablePerLanguage() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            """
            id: kurt\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Сушёный творог из степи.\n  en: \
            Dried  curd.\n
            """
        )
        let run = try CLIRun.run(["status"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Captions: 1 exhibit
                language     units  translated  missing  complete  words to translate  errors  warnings  notes
                kk               2           1        1     50.0%                   1       1         0      0
                ru (source)      2           2        0    100.0%                   -       0         0      0
                en               2           2        0    100.0%                   0       0         1      0
                missing-translation  1
                whitespace           1

                """)
        let json = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let languages = decoded?["languages"] as? [[String: Any]]
        #expect(languages?.first?["missing"] as? Int == 1)
        #expect(languages?.first?["sourceWordsToTranslate"] as? Int == 1)
        #expect(languages?.first?["findings"] as? [String: Int] == ["error": 1])
        #expect(decoded?["findingsByCheck"] as? [String: Int] == ["missing-translation": 1, "whitespace": 1])
    }
}
