import Foundation
import FoundationXML
import Testing

@testable import CaptionKit

/// End-to-end runs of `captions check` on fixture collections.
@Suite struct CheckCommandTests {
    /// A small collection: one complete exhibit, one with a missing Kazakh title and an unknown field.
    func fixture() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/garden/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n")
        try folder.write(
            "Captions/garden/wagon.yml",
            """
            id: wagon\ntitle:\n  ru: Вагон\n  en: Wagon\ntext:\n  kk: Вагон.\n  ru: Вагон.\n  en: \
            Wagon.\ntitel:\n  en: x\n
            """
        )
        return folder
    }

    /// A colon and a space in unquoted text: the line says what it is and how to write it.
    /// Soft hyphens inside words (where a sign may break them) make no finding: the glossary
    /// terms, the sentence lengths and the scripts read the whole words.
    @Test func softHyphensInsideWordsAreNoFinding() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let block = "Captions/barracks/accommodation-block.yml"
        try folder.write(
            block,
            try folder.read(block).replacingOccurrences(
                of: "лагерь тұтқындары", with: "ла\u{AD}герь тұт\u{AD}қын\u{AD}дары"))
        let winter = "Captions/barracks/first-winter.yml"
        try folder.write(
            winter,
            try folder.read(winter).replacingOccurrences(
                of: "shelters for themselves with their own hands in the depths of a freezing",
                with: "shel\u{AD}ters for them\u{AD}selves with their own hands in the depths of a freez\u{AD}ing"))
        #expect(try folder.read(winter).contains("\u{AD}"))
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasSuffix("0 errors, 0 warnings in 20 exhibits\n"), "\(run.stderr)")
    }

    /// Words broken at soft hyphens past a panel's last line count once each in `overflows-panel`'s
    /// "about N words", as a reader sees them, not once per piece.
    @Test func overflowsPanelCountsABrokenWordOnce() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/captions.yml",
            """
            languages: [en]
            source: en
            panels:
              object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 40, max-lines: 1 }
            fields:
              text: { required: true, panel: object }

            """)
        let words = [
            "pneu\\u00ADmono\\u00ADultra\\u00ADmicro\\u00ADscopic",
            "super\\u00ADcali\\u00ADfragi\\u00ADlistic\\u00ADexpi\\u00ADali\\u00ADdocious",
        ]
        try folder.write("Captions/a.yml", "id: a\ntext:\n  en: \"A \(words[0]) \(words[1])\"\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(
            run.stdout
                == "Captions/a.yml:3:7: error: en text needs 9 lines at 24 pt on the 40 mm panel; 1 fit (8 lines, "
                + "about 2 words, too long) [overflows-panel]\n")
        #expect(run.status == 1)
    }

    /// A word wider than the sign's line even broken at its soft hyphens is named whole, without
    /// them, once, by its widest part.
    @Test func anOverlongBrokenWordIsNamedWhole() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/captions.yml",
            "languages: [en]\nsource: en\nfields:\n  title: { required: true }\nsignage:\n  width: 5\n")
        try folder.write("Captions/a.yml", "id: a\ntitle:\n  en: \"abcdefgh\\u00ADijklmnopqrstu\\u00ADvw\"\n")
        let run = try CLIRun.run(["export", "signage", "--out", "out", "--format", "txt"], in: folder.path)
        #expect(
            run.stderr
                == "Captions/a.yml:3:7: warning: a: a part of a word in the English (en) title is 14 characters, "
                + "wider than the 5-character line; it stands on a line of its own and overflows: "
                + "abcdefghijklmnopqrstuvw\nexported 1 label to out; 1 warning\n")
        #expect(try folder.read("out/a.txt") == "abcdefgh-\nijklmnopqrstu-\nvw\n")
        #expect(run.status == 0)
    }

    /// `max-chars` counts what a reader sees: a soft hyphen is not a character.
    @Test func maxCharsDoesNotCountSoftHyphens() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/captions.yml", "languages: [ru]\nsource: ru\nfields:\n  title: { required: true, max-chars: 6 }\n"
        )
        try folder.write("Captions/a.yml", "id: a\ntitle:\n  ru: \"ла\\u00ADгерь\"\n")
        try folder.write("Captions/b.yml", "id: b\ntitle:\n  ru: \"ла\\u00ADгеря\\u00ADми\"\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.stdout == "Captions/b.yml:3:7: error: title (ru) is 8 characters, the panel takes 6 [too-long]\n")
        #expect(run.stderr.hasSuffix("1 error, 0 warnings in 2 exhibits\n"), "\(run.stderr)")
        #expect(run.status == 1)
    }

    @Test func aColonInUnquotedTextIsExplained() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/height.yml", "id: height\ntitle:\n  kk: Биіктігі\n  ru: Высота: 8 м.\n")
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout == """
                Captions/g/height.yml:4:13: error: invalid YAML: a colon followed by a space inside unquoted text \
                (mapping values are not allowed in this context); put the text in double quotes, or start it on the \
                next line after '|' [invalid-yaml]

                """)
    }

    /// Outside any collection, check says how to name one or start one.
    @Test func noCollectionSaysHowToStartOne() throws {
        let folder = try TemporaryFolder()
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        #expect(
            check.stderr == """
                error: no collection here or in any parent folder (a folder with captions.yml, or a Captions \
                folder); name the collection folder, or run captions init to start one

                """)
    }

    /// A collection started under another name is found from inside it, from a gallery too,
    /// and its findings are named from there.
    @Test func aCollectionOfAnotherNameIsFoundFromInsideIt() throws {
        let folder = try TemporaryFolder()
        let initRun = try CLIRun.run(["init", "Exhibits"], in: folder.path)
        #expect(initRun.status == 0)
        try folder.write(
            "Exhibits/hall-1/cart.yml", "id: cart\ntitle:\n  kk: Арба\n  ru: Телега\ntext:\n  kk: А\n  ru: Б\n  en: C\n"
        )
        let check = try CLIRun.run(["check"], in: folder.path + "/Exhibits/hall-1")
        #expect(check.status == 1)
        #expect(
            check.stdout == """
                ../hall-1/cart.yml:2:1: error: title of cart has no English (en) text [missing-translation]

                """)
    }

    /// A gallery named alone is checked as part of its collection, with its settings; the note
    /// says so, naming the gallery and the collection as the gallery was named. The exit code is
    /// the check's.
    @Test(arguments: [
        ("", "Captions/hall", "Captions/hall", "Captions"), ("Captions/hall", ".", "../hall", ".."),
        ("Captions/hall", "./deep", "../hall/deep", ".."),
        ("Captions/hall/deep", "../../hall/deep", "../../hall/deep", "../.."), ("", "Captions", nil, nil),
    ])
    func aGalleryIsCheckedAsPartOfItsCollection(
        directory: String, path: String, folder named: String?, collection: String?
    ) throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru]\nsource: ru\n")
        try folder.write(
            "Captions/hall/deep/cart.yml", "id: cart\ntitle:\n  kk: Арба\n  ru: Телега\ntext:\n  kk: А\n  ru: Б\n")
        let check = try CLIRun.run(["check", path], in: folder.path + "/" + directory)
        // With the defaults (kk, ru, en), the missing English would be an error.
        #expect(check.status == 0)
        let note = named.map { named in
            """
            note: \(named) is read as part of the collection \(collection ?? ""), with its settings, glossary and \
            baseline; only the exhibits in \(named) are taken

            """
        }
        #expect(check.stderr.hasPrefix(note ?? "kk: "))
    }

    @Test func textFormatListsFindingsOnStdoutAndSummaryOnStderr() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                Captions/garden/wagon.yml:2:1: error: title of wagon has no Kazakh (kk) text [missing-translation]
                Captions/garden/wagon.yml:9:1: error: unknown field 'titel'; did you mean 'title'? [unknown-field]

                """)
        #expect(
            run.stderr == """
                kk: 3/4 translated (75.0%), 1 missing
                ru: 4/4 translated (100.0%)
                en: 4/4 translated (100.0%)
                2 errors, 0 warnings in 2 exhibits

                """ + CLIRun.untrackedNote(7, in: 2))
    }

    @Test func langFilterKeepsOnlyThatLanguage() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "Captions", "--lang", "en"], in: folder.path)
        #expect(
            run.stdout
                == """
                Captions/garden/wagon.yml:9:1: error: unknown field 'titel'; did you mean 'title'? \
                [unknown-field]\n
                """
        )
        #expect(run.stderr.hasPrefix("en: 4/4 translated (100.0%)\n1 error, 0 warnings"))
        #expect(run.status == 1)
    }

    @Test func jsonFormatDecodesToTheDocumentedSchema() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        let document = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(run.stdout.utf8))
        #expect(document.version == 1)
        #expect(document.collection == "Captions")
        #expect(document.summary.errors == 2)
        #expect(document.summary.exhibits == 2)
        #expect(document.summary.languages.map(\.language) == ["kk", "ru", "en"])
        #expect(document.summary.languages.first?.missing == 1)
        let first = try #require(document.diagnostics.first)
        #expect(first.path == "Captions/garden/wagon.yml" && first.line == 2 && first.column == 1)
        #expect(first.severity == "error" && first.check == "missing-translation")
        #expect(first.message == "title of wagon has no Kazakh (kk) text")
        #expect(first.exhibit == "wagon" && first.field == "title" && first.language == "kk" && first.notes.isEmpty)
    }

    @Test func junitFormatIsXMLWithATestCasePerExhibitAndAFailurePerError() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "--format", "junit"], in: folder.path)
        #expect(run.status == 1)
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "2")
        // One failed test case (wagon, with two errors): dashboards count passed = tests - failures.
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(document.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["kurt", "wagon"])
        #expect(cases[0].elements(forName: "failure").isEmpty)
        let failures = cases[1].elements(forName: "failure")
        #expect(
            failures.map { $0.attribute(forName: "type")?.stringValue } == ["missing-translation", "unknown-field"])
        #expect(
            failures[0].stringValue
                == "Captions/garden/wagon.yml:2:1: error: title of wagon has no Kazakh (kk) text [missing-translation]")
    }

    @Test func githubFormatPrintsWorkflowAnnotations() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "--format", "github"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                ::error file=Captions/garden/wagon.yml,line=2,col=1,title=missing-translation::title of wagon has no \
                Kazakh (kk) text
                ::error file=Captions/garden/wagon.yml,line=9,col=1,title=unknown-field::unknown field 'titel'; \
                did you mean 'title'?

                """)
    }

    /// In GitHub Actions an annotation names its file relative to the checkout
    /// (`GITHUB_WORKSPACE`), whatever folder the step runs in, or GitHub does not show it on the
    /// changed line.
    @Test func githubAnnotationsNameFilesRelativeToTheWorkspace() throws {
        let folder = try fixture()
        let workspace = URL(fileURLWithPath: folder.path).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: folder.path).lastPathComponent
        try FileManager.default.createDirectory(atPath: folder.path + "/docs", withIntermediateDirectories: true)
        for (directory, path) in [(folder.path, "Captions"), (folder.path + "/docs", "../Captions")] {
            let run = try CLIRun.run(
                ["check", path, "--format", "github"], in: directory, environment: ["GITHUB_WORKSPACE": workspace])
            #expect(run.status == 1)
            #expect(
                run.stdout.hasPrefix(
                    "::error file=\(name)/Captions/garden/wagon.yml,line=2,col=1,title=missing-translation::"),
                "\(run.stdout)")
            // Code scanning places SARIF results by the same paths.
            let sarif = try CLIRun.run(
                ["check", path, "--format", "sarif"], in: directory, environment: ["GITHUB_WORKSPACE": workspace])
            let log = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data(sarif.stdout.utf8))
            #expect(
                log.runs[0].results.first?.locations[0].physicalLocation.artifactLocation.uri
                    == "\(name)/Captions/garden/wagon.yml")
        }
        // Outside GitHub Actions the paths are as the other formats print them.
        let local = try CLIRun.run(["check", "../Captions", "--format", "github"], in: folder.path + "/docs")
        #expect(local.stdout.hasPrefix("::error file=../Captions/garden/wagon.yml,line=2,col=1,"))
    }

    /// The `file` of a JUnit test case, the path of a `github` annotation and the URI of a SARIF
    /// result are the same path relative to the checkout, in a step run inside a gallery.
    @Test func junitNamesFilesRelativeToTheWorkspaceAsGithubAndSARIFDo() throws {
        let folder = try fixture()
        let workspace = URL(fileURLWithPath: folder.path).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: folder.path).lastPathComponent
        let gallery = folder.path + "/Captions/garden"
        func files(_ environment: [String: String]) throws -> (junit: [String?], github: String, sarif: String?) {
            let junit = try CLIRun.run(["check", "--format", "junit"], in: gallery, environment: environment)
            #expect(junit.status == 1)
            let document = try XMLDocument(data: Data(junit.stdout.utf8))
            let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first)
                .elements(forName: "testcase")
            let github = try CLIRun.run(["check", "--format", "github"], in: gallery, environment: environment)
            let sarif = try CLIRun.run(["check", "--format", "sarif"], in: gallery, environment: environment)
            let log = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data(sarif.stdout.utf8))
            return (
                cases.map { $0.attribute(forName: "file")?.stringValue },
                String(github.stdout.prefix { $0 != "\n" }),
                log.runs[0].results.first?.locations[0].physicalLocation.artifactLocation.uri
            )
        }
        let inActions = try files(["GITHUB_WORKSPACE": workspace])
        #expect(inActions.junit == ["\(name)/Captions/garden/kurt.yml", "\(name)/Captions/garden/wagon.yml"])
        #expect(
            inActions.github
                == "::error file=\(name)/Captions/garden/wagon.yml,line=2,col=1,title=missing-translation::"
                + "title of wagon has no Kazakh (kk) text")
        #expect(inActions.sarif == "\(name)/Captions/garden/wagon.yml")
        // Outside GitHub Actions, as the text format prints them.
        let local = try files([:])
        #expect(local.junit == ["../garden/kurt.yml", "../garden/wagon.yml"])
    }

    @Test func warningsPassUnlessStrict() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt-balls\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"
        )
        let relaxed = try CLIRun.run(["check"], in: folder.path)
        #expect(relaxed.status == 0)
        #expect(
            relaxed.stdout
                == """
                Captions/kurt.yml:1:5: warning: id 'kurt-balls' differs from the file name 'kurt'; rename one of \
                them [id-file-mismatch]\n
                """
        )
        let strict = try CLIRun.run(["check", "--strict"], in: folder.path)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(": error: id 'kurt-balls' differs"))
    }

    /// A check set to `note` still shows in the summary's count, not only as a line above it.
    @Test func notesAreCountedInTheSummary() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "checks:\n  id-file-mismatch: note\n")
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt-balls\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"
        )
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Captions/kurt.yml:1:5: note: id 'kurt-balls' differs"))
        #expect(
            run.stderr.hasSuffix("\n0 errors, 0 warnings, 1 note in 1 exhibit\n" + CLIRun.untrackedNote(4, in: 1)),
            "\(run.stderr)")
    }

    @Test func cannotRunIsExitTwoWithOneLine() throws {
        let folder = try TemporaryFolder()
        let missing = try CLIRun.run(["check", "Nowhere"], in: folder.path)
        #expect(missing.status == 2)
        #expect(
            missing.stderr
                == """
                Nowhere: error: no caption collection here (expected a folder with captions.yml or exhibit .yml \
                files)\n
                """
        )
        try folder.write("Captions/captions.yml", "checks:\n  no-such-check: off\n")
        try folder.write("Captions/a.yml", "id: a\n")
        let badConfig = try CLIRun.run(["check"], in: folder.path)
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr == "Captions/captions.yml:2:3: error: unknown check 'no-such-check'\n")
        let badLanguage = try CLIRun.run(["check", "--lang", "de"], in: folder.path)
        #expect(badLanguage.status == 2)
        #expect(badLanguage.stderr == "error: --lang de is not a language of this collection (kk, ru, en)\n")
        // A common misspelling (kz for Kazakh) gets the language meant.
        let typo = try CLIRun.run(["check", "--lang", "kz"], in: folder.path)
        #expect(typo.status == 2)
        #expect(
            typo.stderr == "error: --lang kz is not a language of this collection (kk, ru, en); did you mean 'kk'?\n")
    }

    @Test func usageErrorIsExit64() throws {
        let run = try CLIRun.run(["check", "--format", "yaml"])
        #expect(run.status == 64)
    }

    /// The README's promise: delete one Kazakh entry from a bundled caption and check names it.
    @Test func bundledMuseumPassesAndFailsWhenAKazakhEntryIsDeleted() throws {
        let folder = try TemporaryFolder()
        let captions = try folder.copyBundledCaptions()
        let clean = try CLIRun.run(["check", captions])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.isEmpty)

        let file = "Captions/memorial-park/stalin-wagon.yml"
        let original = try folder.read(file)
        var lines = original.components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex(of: "title:"))
        #expect(lines[titleLine + 1].hasPrefix("  kk: "))
        lines.remove(at: titleLine + 1)
        try folder.write(file, lines.joined(separator: "\n"))
        let broken = try CLIRun.run(["check"], in: folder.path)
        #expect(broken.status == 1)
        #expect(
            broken.stdout
                == """
                \(file):\(titleLine + 1):1: error: title of stalin-wagon has no Kazakh (kk) text \
                [missing-translation]\n
                """
        )
    }

    /// A term that a line break splits in the caption file is quoted with a space: the message
    /// (and a baseline entry made of it) does not change when the text is re-wrapped.
    @Test func aTermSplitByALineBreakIsQuotedOnOneLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/glossary.yml",
            "- id: arch\n  ru: Арка скорби\n  kk: Қасірет аркасы\n  en: Arch of Sorrow\n  forbidden: { en: [Arch of Grief] }\n"
        )
        try folder.write(
            "Captions/arch.yml",
            """
            id: arch
            title:
              kk: Қасірет аркасы
              ru: Арка
              en: Arch
            text:
              kk: Қасірет аркасы.
              ru: |
                Проход под Аркой
                скорби.
              en: |
                Passing the Arch of
                Grief.

            """)
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Captions/arch.yml:11:7: warning: text (en) does not use the glossary term for “Аркой скорби” (arch): \
                expected “Arch of Sorrow” [term-mismatch]
                Captions/arch.yml:9:16: note: the Russian (ru) source uses it here
                Captions/arch.yml:12:17: warning: text (en) uses “Arch of Grief”, which the glossary forbids (arch); \
                use “Arch of Sorrow” [forbidden-term]

                """)
    }

    /// A file that cannot be read has no texts to count: the figures say they leave it out,
    /// instead of reading as complete.
    @Test func theSummaryAndStatusSayAnUnreadableFileIsNotCounted() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n")
        try folder.write("Captions/broken.yml", "id: broken\ntitle:\n  kk: \"Вагон\n  ru: Вагон\n")
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stderr == """
                kk: 2/2 translated (100.0%)
                ru: 2/2 translated (100.0%)
                en: 2/2 translated (100.0%)
                1 exhibit file could not be read; its texts are not counted
                1 error, 0 warnings in 2 exhibits

                """ + CLIRun.untrackedNote(4, in: 1))
        let status = try CLIRun.run(["status"], in: folder.path)
        #expect(
            status.stdout.hasPrefix(
                "Captions: 2 exhibits\n1 exhibit file could not be read; its texts are not counted (captions check says "
                    + "where)\nlanguage "))
        // Every file read: no such line.
        try FileManager.default.removeItem(atPath: folder.path + "/Captions/broken.yml")
        #expect(!(try CLIRun.run(["check"], in: folder.path).stderr.contains("could not be read")))
        #expect(!(try CLIRun.run(["status"], in: folder.path).stdout.contains("could not be read")))
    }
}
