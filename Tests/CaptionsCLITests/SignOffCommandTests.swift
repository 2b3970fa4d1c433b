import Foundation
import Testing

/// End-to-end runs of `captions review` and `captions approve`: output, files and exit codes.
@Suite struct SignOffCommandTests {
    static let exhibit = "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n"
    /// 2026-12-03 in UTC.
    static let epoch = ["SOURCE_DATE_EPOCH": "1796256000"]

    static func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", exhibit)
        return folder
    }

    @Test func reviewRecordsWhatItCanAndExitsOneForWhatItRefuses() throws {
        let folder = try Self.museum()
        let run = try CLIRun.run(["review", "k", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "reviewed title (kk) of k\nreviewed title (en) of k\nreviewed text (kk) of k\nwrote Captions/g/k.yml\n"
        )
        #expect(run.stderr == "Captions/g/k.yml:6:1: error: k: text (en) has no text to review\n")
        let record = try folder.read("Captions/g/k.yml").dropFirst(Self.exhibit.count)
        #expect(record.hasPrefix("translations:  # machine-owned"))
        #expect(record.contains(" reviewed 2026-12-03 AB\n"))

        let again = try CLIRun.run(
            ["review", "k", "--field", "title", "--lang", "kk", "--by", "CD"], in: folder.path, environment: Self.epoch)
        #expect(again.status == 0)
        #expect(again.stdout == "title (kk) of k was already reviewed by AB on 2026-12-03\n")
    }

    @Test func approveNeedsAReviewAndApprovesTheSourceDirectly() throws {
        let folder = try Self.museum()
        let refused = try CLIRun.run(
            ["approve", "k", "--field", "title", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(refused.status == 1)
        #expect(refused.stdout == "approved title (ru) of k\nwrote Captions/g/k.yml\n")
        #expect(
            refused.stderr
                == "Captions/g/k.yml:3:3: error: k: title (kk) is not reviewed; review it first (captions review)\n"
                + "Captions/g/k.yml:5:3: error: k: title (en) is not reviewed; review it first (captions review)\n")
        _ = try CLIRun.run(["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: Self.epoch)
        let all = try CLIRun.run(
            ["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(all.status == 0)
        #expect(all.stdout == "approved title (kk) of k\napproved title (en) of k\nwrote Captions/g/k.yml\n")
        let none = try CLIRun.run(
            ["approve", "--all-reviewed", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(none.status == 0 && none.stdout == "nothing reviewed is waiting for approval\n")
    }

    /// An exhibit whose id is not a slug is signed off by no id form, as `approve --all-reviewed`
    /// passes its file over: one line at the id saying what to write, exit 1, the file unchanged.
    @Test func reviewAndApproveRefuseAnIdThatIsNotASlug() throws {
        let folder = try Self.museum()
        let k = "Captions/g/k.yml"
        _ = try CLIRun.run(["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: Self.epoch)
        try folder.write(k, try folder.read(k).replacingOccurrences(of: "id: k\n", with: "id: Kurt Story\n"))
        let before = try folder.read(k)
        let refusal = """
            \(k):1:5: error: \(k) has the id 'Kurt Story', which is not a slug (lowercase letters, digits and single \
            hyphens), and texts are signed off by exhibit id; make it 'id: k', then run the command again

            """
        for arguments in [
            ["review", "Kurt Story"], ["review", "Kurt Story", "--field", "text", "--lang", "kk"],
            ["approve", "Kurt Story"], ["approve", "Kurt Story", "--field", "title", "--lang", "kk"],
        ] {
            let run = try CLIRun.run(arguments + ["--by", "DK"], in: folder.path, environment: Self.epoch)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stdout == "", "\(arguments)")
            #expect(run.stderr == refusal, "\(arguments)")
            #expect(try folder.read(k) == before, "\(arguments)")
        }
        // Its old id is no exhibit's now.
        let old = try CLIRun.run(["review", "k", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(old.status == 2)
        #expect(try folder.read(k) == before)
    }

    @Test func withSourceApprovesTheSourceTextsTooInOneRun() throws {
        let folder = try Self.museum()
        try folder.write("Captions/g/m.yml", "id: m\ntitle:\n  ru: Мөр\n  en: Seal\ntext:\n  ru: Печать.\n")
        _ = try CLIRun.run(["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: Self.epoch)
        let all = try CLIRun.run(
            ["approve", "--all-reviewed", "--with-source", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(all.status == 0)
        #expect(
            all.stdout == """
                approved title (kk) of k
                approved title (ru) of k
                approved title (en) of k
                approved text (ru) of k
                wrote Captions/g/k.yml
                approved title (ru) of m
                approved text (ru) of m
                wrote Captions/g/m.yml

                """)
        #expect(all.stderr.isEmpty)
        #expect(try folder.read("Captions/g/m.yml").contains(" approved 2026-12-03 DK"))
        let none = try CLIRun.run(
            ["approve", "--all-reviewed", "--with-source", "--by", "DK"], in: folder.path, environment: Self.epoch)
        #expect(none.status == 0 && none.stdout == "no text is waiting for approval\n")
        let alone = try CLIRun.run(["approve", "k", "--with-source", "--by", "DK"], in: folder.path)
        #expect(alone.status == 64)
        #expect(alone.stderr.hasPrefix("Error: --with-source goes with --all-reviewed\n"))
    }

    @Test func badArgumentsExitTwoAndWriteNothing() throws {
        let folder = try Self.museum()
        let cases: [([String], String)] = [
            (["review", "kx", "--by", "AB"], "error: no exhibit with id 'kx' in Captions; did you mean 'k'?\n"),
            (
                ["review", "k", "--by", "A;B"],
                "error: --by 'A;B': the name has a ';', which the record uses between sign-offs\n"
            ),
            (
                ["approve", "k", "--lang", "de", "--by", "AB"],
                "error: --lang de is not a language of this collection (kk, ru, en)\n"
            ),
            (
                ["approve", "--all-reviewed", "--gallery", "x", "--by", "AB"],
                "error: no gallery 'x' in Captions; did you mean 'g'?\n"
            ),
        ]
        for (arguments, stderr) in cases {
            let run = try CLIRun.run(arguments, in: folder.path, environment: Self.epoch)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == stderr)
        }
        let epoch = try CLIRun.run(
            ["review", "k", "--by", "AB"], in: folder.path, environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(epoch.status == 2)
        #expect(epoch.stderr == "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'soon'\n")
        let both = try CLIRun.run(["approve", "k", "--all-reviewed", "--by", "AB"], in: folder.path)
        #expect(both.status == 64)
        #expect(both.stderr.contains("give an exhibit id or --all-reviewed, not both"))
        // Without an id, the error comes with the command's own usage, not the tool's.
        let noID = try CLIRun.run(["review", "--by", "AB"], in: folder.path)
        #expect(noID.status == 64)
        #expect(noID.stderr.hasPrefix("Error: give the exhibit id\nUsage: captions review "), "\(noID.stderr)")
        let noApproval = try CLIRun.run(["approve", "--by", "AB"], in: folder.path)
        #expect(noApproval.status == 64)
        #expect(noApproval.stderr.hasPrefix("Error: give an exhibit id or --all-reviewed\nUsage: captions approve "))
        #expect(try folder.read("Captions/g/k.yml") == Self.exhibit)
    }
}

/// `captions check` with the sign-off checks turned on, as a CI gate.
@Suite struct SignOffCheckCommandTests {
    @Test func notApprovedFailsCIWithALocatedMessageAndAnEditDemotes() throws {
        let folder = try SignOffCommandTests.museum()
        _ = try CLIRun.run(
            ["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: SignOffCommandTests.epoch)
        _ = try CLIRun.run(
            ["approve", "k", "--field", "title", "--lang", "kk", "--lang", "ru", "--by", "DK"], in: folder.path,
            environment: SignOffCommandTests.epoch)
        _ = try CLIRun.run(
            ["approve", "k", "--field", "title", "--lang", "en", "--by", "AB"], in: folder.path,
            environment: SignOffCommandTests.epoch)
        // Four eyes set after AB approved a text AB reviewed (approve now refuses that).
        try folder.write(
            "Captions/captions.yml",
            "languages: [kk, ru, en]\nsource: ru\nchecks:\n  missing-translation: off\n  not-reviewed: warning\n"
                + "  not-approved: { severity: error, four-eyes: true }\n")
        let run = try CLIRun.run(["check", "--format", "github"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout.split(separator: "\n").map(String.init) == [
                "::error file=Captions/g/k.yml,line=5,col=3,title=not-approved::title (en) of k was approved by its "
                    + "reviewer (AB); another person must approve it",
                "::error file=Captions/g/k.yml,line=7,col=3,title=not-approved::text (kk) of k is not approved; "
                    + "review it first (captions review), then approve it with captions approve",
                "::warning file=Captions/g/k.yml,line=7,col=3,title=not-reviewed::text (kk) of k is not reviewed; "
                    + "review it with captions review",
                "::error file=Captions/g/k.yml,line=8,col=3,title=not-approved::text (ru) of k is not approved; "
                    + "approve it with captions approve",
            ])
        let explain = try CLIRun.run(["check", "--explain", "not-reviewed"], in: folder.path)
        #expect(explain.stdout.contains("Default: off (turn it on in captions.yml; severity error then)"))
    }
}

/// `four-eyes: true` end to end: `approve` refuses the reviewer's approval, `--all-reviewed`
/// skips it, and the print gate holds a reviewer's own approval back (before, only `check` did).
@Suite struct FourEyesCommandTests {
    static let config =
        "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n"
        + "checks:\n  not-approved: { severity: error, four-eyes: true }\nsignage:\n  require: approved\n"

    static func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", config)
        try folder.write("Captions/g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")
        return folder
    }

    static func run(_ arguments: [String], _ folder: TemporaryFolder) throws -> CLIRun {
        try CLIRun.run(arguments, in: folder.path, environment: SignOffCommandTests.epoch)
    }

    @Test func theReviewerCannotApproveAndAnotherPersonCan() throws {
        let folder = try Self.museum()
        _ = try Self.run(["review", "k", "--by", "DK"], folder)
        let own = try Self.run(["approve", "k", "--by", "DK"], folder)
        #expect(own.status == 1)
        #expect(own.stdout == "approved title (ru) of k\nwrote Captions/g/k.yml\n")
        #expect(
            own.stderr
                == "Captions/g/k.yml:3:3: error: k: title (kk) was reviewed by DK on 2026-12-03; with four-eyes: true "
                + "another person must approve it\n"
                + "Captions/g/k.yml:5:3: error: k: title (en) was reviewed by DK on 2026-12-03; with four-eyes: true "
                + "another person must approve it\n")
        let skipped = try Self.run(["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], folder)
        #expect(skipped.status == 0)
        #expect(skipped.stdout == "nothing approved: DK reviewed every text waiting for approval\n")
        #expect(
            skipped.stderr
                == "Captions/g/k.yml:3:3: warning: k: title (kk) was reviewed by DK on 2026-12-03; with four-eyes: "
                + "true another person must approve it\n"
                + "Captions/g/k.yml:5:3: warning: k: title (en) was reviewed by DK on 2026-12-03; with four-eyes: "
                + "true another person must approve it\n")
        let other = try Self.run(["approve", "--all-reviewed", "--by", "AB"], folder)
        #expect(other.status == 0 && other.stderr.isEmpty)
        #expect(other.stdout == "approved title (kk) of k\napproved title (en) of k\nwrote Captions/g/k.yml\n")
        let export = try Self.run(["export", "signage", "--only", "k"], folder)
        #expect(export.status == 0)
        #expect(export.stderr == "exported 1 label to Exports/signage\n")
    }

    /// An approval by the reviewer recorded before `four-eyes: true` was set: the export holds
    /// the label back saying why, the proof sheet shows the reason, and another person's approval
    /// replaces it (before: "already approved by DK", nothing written).
    @Test func aReviewersOwnApprovalIsHeldBackAndReplaced() throws {
        let folder = try Self.museum()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        _ = try Self.run(["review", "k", "--by", "DK"], folder)
        _ = try Self.run(["approve", "k", "--by", "DK"], folder)
        try folder.write("Captions/captions.yml", Self.config)
        let reason =
            "is not approved: it was approved by its reviewer (DK), and another person must approve it "
            + "(signage requires approved)"
        let export = try Self.run(["export", "signage", "--only", "k", "--format", "txt", "--format", "html"], folder)
        #expect(export.status == 1)
        #expect(
            export.stderr.split(separator: "\n").map(String.init) == [
                "Captions/g/k.yml:3:3: error: k held back: the Kazakh (kk) title \(reason)",
                "Captions/g/k.yml:5:3: error: k held back: the English (en) title \(reason)",
                "exported 0 labels to Exports/signage; 1 held back",
            ])
        #expect(try folder.read("Exports/signage/proof.html").contains("the Kazakh (kk) title \(reason)"))
        let approved = try Self.run(["approve", "k", "--by", "AB"], folder)
        #expect(approved.status == 0 && approved.stderr.isEmpty)
        #expect(
            approved.stdout
                == "approved title (kk) of k\napproved title (en) of k\n"
                + "title (ru) of k was already approved by DK on 2026-12-03\nwrote Captions/g/k.yml\n")
        #expect(try folder.read("Captions/g/k.yml").contains(" reviewed 2026-12-03 DK; approved 2026-12-03 AB\n"))
        #expect(try Self.run(["check", "--require", "approved"], folder).status == 0)
    }
}

/// `captions diff` end to end: exit 0 with a plain message when there is nothing to show.
@Suite struct DiffCommandTests {
    @Test func diffSaysPlainlyWhenThereIsNothingToCompare() throws {
        let folder = try SignOffCommandTests.museum()
        let none = try CLIRun.run(["diff", "k"], in: folder.path)
        #expect(none.status == 0 && none.stdout == "k has no stale translation\n")
        let named = try CLIRun.run(["diff", "k", "--field", "title", "--lang", "kk"], in: folder.path)
        #expect(named.status == 0)
        #expect(named.stdout == "title (kk) of k has no record of the source it was made from: nothing to compare\n")
        try folder.write(
            "Captions/g/k.yml", SignOffCommandTests.exhibit + "translations:\n  title: { kk: 8577ed6c, en: 0badc0de }\n"
        )
        let stale = try CLIRun.run(["diff", "k", "--lang", "en"], in: folder.path)
        #expect(stale.status == 0)
        #expect(stale.stdout.hasPrefix("title (en) of k is stale, but its earlier source is unknown: "))
        let bad = try CLIRun.run(["diff", "k", "--lang", "ru"], in: folder.path)
        #expect(
            bad.status == 2 && bad.stderr == "error: --lang ru is not a target language of this collection (kk, en)\n")
    }
}
