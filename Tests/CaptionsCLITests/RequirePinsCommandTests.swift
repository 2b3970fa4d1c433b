import Foundation
import FoundationXML
import Testing

@testable import CaptionKit

/// `captions check --require LEVEL` given on the command line pins the checks of that level as
/// errors whatever `captions.yml` says, with a note on stderr for each one it lowers; without
/// `--require`, `captions.yml` keeps every severity.
@Suite struct RequirePinsCommandTests {
    /// A title without English, a complete text.
    static let exhibit = "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
    static let finding = "Captions/g/k.yml:2:1: error: title of k has no English (en) text [missing-translation]\n"
    static let summary = """
        kk: 2/2 translated (100.0%)
        ru: 2/2 translated (100.0%)
        en: 1/2 translated (50.0%), 1 missing

        """
    /// The note after the summary: the exhibit's translations have no record of their source.
    static let untracked = CLIRun.untrackedNote(3, in: 1)

    /// A collection whose `captions.yml` has `checks` (indented entries) after the languages.
    static func collection(checks: String, exhibit: String = exhibit) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\nchecks:\n" + checks)
        try folder.write("Captions/g/k.yml", exhibit)
        return folder
    }

    @Test func withoutRequireCaptionsYMLStillTurnsMissingTranslationOff() throws {
        let folder = try Self.collection(checks: "  missing-translation: off\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == Self.summary + "0 errors, 0 warnings in 1 exhibit\n" + Self.untracked)
    }

    @Test(arguments: ["off", "warning", "note"])
    func requireTranslatedPinsMissingTranslation(setting: String) throws {
        let folder = try Self.collection(checks: "  missing-translation: \(setting)\n")
        let run = try CLIRun.run(["check", "--require", "translated"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == Self.finding)
        #expect(
            run.stderr
                == "Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it\n"
                + Self.summary + "1 error, 0 warnings in 1 exhibit\n" + Self.untracked)
    }

    /// A check `captions.yml` sets to `error`, or a check `--require` does not pin, gets no note;
    /// the notes follow the file's order; `--strict` does not change them.
    @Test func notesNameOnlyTheLoweredPinnedChecksInFileOrder() throws {
        let folder = try Self.collection(
            checks: "  stale-translation: error\n  missing-translation: { severity: warning }\n"
                + "  number-mismatch: off\n  empty-text: off\n  missing-field: note\n",
            exhibit: "id: k\ntitle:\n  kk: \"\"\n  ru: Курт\n  en: Kurt\n")
        let run = try CLIRun.run(["check", "--require", "translated", "--strict"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                Captions/g/k.yml:1:5: error: k has no text (a required field) [missing-field]
                Captions/g/k.yml:3:7: error: title (kk) of k is empty [empty-text]

                """)
        #expect(
            run.stderr.hasPrefix(
                """
                Captions/captions.yml:5:3: note: missing-translation is an error here: --require translated pins it
                Captions/captions.yml:7:3: note: empty-text is an error here: --require translated pins it
                Captions/captions.yml:8:3: note: missing-field is an error here: --require translated pins it
                kk: 
                """))
        // Without --require the same collection passes, as before.
        let plain = try CLIRun.run(["check"], in: folder.path)
        #expect(plain.status == 0)
        #expect(plain.stdout == "Captions/g/k.yml:1:5: note: k has no text (a required field) [missing-field]\n")
    }

    @Test func requireApprovedPinsNotReviewedThatCaptionsYMLTurnsOff() throws {
        let folder = try Self.collection(
            checks: "  not-reviewed: off\n", exhibit: "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")
        try folder.write(
            "Captions/captions.yml",
            "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\nchecks:\n  not-reviewed: off\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 0)
        let run = try CLIRun.run(["check", "--require", "approved"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                Captions/g/k.yml:3:3: error: title (kk) of k is not approved; review it first (captions review), then approve it with captions approve [not-approved]
                Captions/g/k.yml:3:3: error: title (kk) of k is not reviewed; review it with captions review [not-reviewed]
                Captions/g/k.yml:4:3: error: title (ru) of k is not approved; approve it with captions approve [not-approved]
                Captions/g/k.yml:5:3: error: title (en) of k is not approved; review it first (captions review), then approve it with captions approve [not-approved]
                Captions/g/k.yml:5:3: error: title (en) of k is not reviewed; review it with captions review [not-reviewed]

                """)
        #expect(
            run.stderr.hasPrefix(
                "Captions/captions.yml:6:3: note: not-reviewed is an error here: --require approved pins it\nkk: "))
    }

    /// The machine formats carry the pinned severity; the note goes to stderr, never into the report.
    @Test func machineFormatsReportThePinnedSeverity() throws {
        let folder = try Self.collection(checks: "  missing-translation: warning\n")
        let note =
            "Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it\n"
        let arguments = ["check", "--require", "translated", "--format"]

        let json = try CLIRun.run(arguments + ["json"], in: folder.path)
        #expect(json.status == 1)
        #expect(json.stderr == note)
        let document = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(json.stdout.utf8))
        #expect(document.diagnostics.map { "\($0.check) \($0.severity)" } == ["missing-translation error"])
        #expect(document.summary.errors == 1 && document.summary.warnings == 0)

        let sarif = try CLIRun.run(arguments + ["sarif"], in: folder.path)
        #expect(sarif.status == 1)
        #expect(sarif.stderr == note)
        let log = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data(sarif.stdout.utf8))
        #expect(log.runs[0].results.map { "\($0.ruleId) \($0.level)" } == ["missing-translation error"])

        let junit = try CLIRun.run(arguments + ["junit"], in: folder.path)
        #expect(junit.status == 1)
        #expect(junit.stderr == note)
        let xml = try XMLDocument(data: Data(junit.stdout.utf8))
        let failures = try xml.nodes(forXPath: "//failure").compactMap { ($0 as? XMLElement)?.stringValue }
        #expect(failures == [String(Self.finding.dropLast())])

        let github = try CLIRun.run(arguments + ["github"], in: folder.path)
        #expect(github.status == 1)
        #expect(github.stderr == note)
        #expect(
            github.stdout
                == "::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text\n"
        )
    }

    /// An exhibit's `ignore:` entry still accepts a pinned check's finding: it names the exhibit
    /// and the check, and is counted as accepted.
    @Test func anIgnoreEntryStillAcceptsAPinnedFinding() throws {
        let folder = try Self.collection(
            checks: "  missing-translation: off\n", exhibit: Self.exhibit + "ignore: [missing-translation: title/en]\n")
        let run = try CLIRun.run(["check", "--require", "translated"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it\n"
                + Self.summary + "0 errors, 0 warnings in 1 exhibit (1 accepted by exceptions)\n" + Self.untracked)
        // Without --require the check is off, and the entry of a check that did not run is not unused.
        let plain = try CLIRun.run(["check"], in: folder.path)
        #expect(plain.status == 0)
        #expect(plain.stdout == "")
        #expect(plain.stderr == Self.summary + "0 errors, 0 warnings in 1 exhibit\n" + Self.untracked)
    }

    /// `--write-baseline --require` names each `captions.yml` line it overrides, as the check
    /// does, before the line that says what was written; without `--require` there is no note.
    @Test func writingABaselineWithRequireNotesThePinnedChecks() throws {
        let folder = try Self.collection(checks: "  missing-translation: off\n  empty-text: warning\n")
        let notes = """
            Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it
            Captions/captions.yml:5:3: note: empty-text is an error here: --require translated pins it

            """
        let text = try CLIRun.run(["check", "--write-baseline", "--require", "translated"], in: folder.path)
        #expect(text.status == 0)
        #expect(
            text.stdout
                == "Captions/g/k.yml:2:1: newly accepted error: title of k has no English (en) text [missing-translation]\n"
        )
        #expect(
            text.stderr
                == notes
                + "wrote 1 accepted finding to Captions/captions-baseline.json: 0 kept, 1 newly accepted, 0 dropped (no longer found)\n"
        )

        let json = try CLIRun.run(
            ["check", "--write-baseline", "--require", "translated", "--format", "json"], in: folder.path)
        #expect(json.status == 0)
        #expect(json.stderr == notes)
        #expect(json.stdout.contains("\"entries\" : 1"))

        let plain = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(plain.status == 0)
        // The entry of the check that did not run is dropped, and the line says why.
        #expect(
            plain.stderr == """
                wrote 0 accepted findings to Captions/captions-baseline.json: 0 kept, 0 newly accepted, 1 dropped (0 no \
                longer found, 1 of checks that did not run)

                """)
    }

    /// `--no-pinned-ignore`: the entry of a pinned check accepts nothing, a note names it at its
    /// line, and the entry is not reported as unused; the gate fails on the finding.
    @Test func noPinnedIgnoreRefusesTheEntryOfAPinnedCheck() throws {
        let folder = try Self.collection(
            checks: "  missing-translation: off\n", exhibit: Self.exhibit + "ignore: [missing-translation: title/en]\n")
        let run = try CLIRun.run(["check", "--require", "translated", "--no-pinned-ignore"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == Self.finding)
        #expect(
            run.stderr
                == "Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it\n"
                + "Captions/g/k.yml:9:10: note: ignore entry 'missing-translation: title/en' is refused: "
                + "--require translated pins missing-translation\n"
                + Self.summary + "1 error, 0 warnings in 1 exhibit\n" + Self.untracked)

        let github = try CLIRun.run(
            ["check", "--require", "translated", "--no-pinned-ignore", "--format", "github"], in: folder.path)
        #expect(github.status == 1)
        #expect(github.stderr.hasSuffix("--require translated pins missing-translation\n"))
    }

    /// An entry of a check `--require` does not pin still accepts its findings.
    @Test func noPinnedIgnoreKeepsTheEntriesOfOtherChecks() throws {
        let exhibit =
            "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: The the text\n"
        let folder = try Self.collection(
            checks: "  repeated-word: error\n", exhibit: exhibit + "ignore: [repeated-word]\n")
        let run = try CLIRun.run(["check", "--require", "translated", "--no-pinned-ignore"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(
            run.stderr.hasSuffix(
                "0 errors, 0 warnings in 1 exhibit (1 accepted by exceptions)\n" + CLIRun.untrackedNote(4, in: 1)))
    }

    @Test(arguments: [["--no-pinned-ignore"], ["--no-pinned-ignore", "--require", "translated", "--write-baseline"]])
    func noPinnedIgnoreNeedsRequireAndNoBaselineWriting(arguments: [String]) throws {
        let folder = try Self.collection(checks: "  missing-translation: off\n")
        let run = try CLIRun.run(["check"] + arguments, in: folder.path)
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: --no-pinned-ignore refuses the ignore: entries of the checks --require pins: it needs --require, "
                    + "and cannot be combined with --write-baseline\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Captions/captions-baseline.json"))
    }

    @Test func checkHelpSaysWhatRequirePins() throws {
        let run = try CLIRun.run(["check", "--help"])
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("a gate captions.yml cannot lower: translated runs missing-field, missing-translation,"))
        #expect(help.contains("Without it, captions.yml sets every severity."))
        #expect(help.contains("A gate: with --require, the checks of that level are errors whatever captions.yml says"))
    }

    @Test func requiredCheckIDsGrowWithTheLevel() {
        let translated: Set = ["missing-field", "missing-translation", "empty-text", "stale-translation"]
        #expect(CaptionChecker.requiredCheckIDs(nil) == [])
        #expect(CaptionChecker.requiredCheckIDs(.translated) == translated)
        #expect(CaptionChecker.requiredCheckIDs(.reviewed) == translated.union(["not-reviewed"]))
        #expect(CaptionChecker.requiredCheckIDs(.approved) == translated.union(["not-reviewed", "not-approved"]))
    }
}
