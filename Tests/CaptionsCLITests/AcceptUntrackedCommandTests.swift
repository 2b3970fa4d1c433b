import Foundation
import Testing

@testable import CaptionKit

/// `captions accept --untracked`: a collection typed by hand starts tracking the source of its
/// translations, so that later edits of the source mark them stale; `captions check` says how
/// many translations are untracked.
@Suite struct AcceptUntrackedCommandTests {
    /// Nothing tracked: title and text in three languages.
    static let untracked = """
        id: a
        title:
          kk: Тұтқындар үйі
          ru: Барак
          en: Barrack
        text:
          kk: Барак туралы мәтін
          ru: Текст о бараке
          en: About the barrack

        """
    /// The Kazakh title stale (its record names another source), the English title current,
    /// the text untracked.
    static let partlyTracked = """
        id: b
        title:
          kk: Вагон тарихы
          ru: Вагон
          en: Wagon
        text:
          kk: Вагон туралы мәтін
          ru: Текст о вагоне
          en: About the wagon
        translations:  # machine-owned: source fingerprints of translations; do not edit
          title: { kk: aaaaaaaa, en: 32aad180 }

        """
    static let record = "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
    static let stale = """
        Captions/g/b.yml:3:3: error: title (kk) of b was translated from an earlier ru text; see what changed \
        with captions diff b, review it and run captions accept, or export it with --needed [stale-translation]

        """

    static func collection() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/a.yml", untracked)
        try folder.write("Captions/g/b.yml", partlyTracked)
        return folder
    }

    @Test func tracksEveryUntrackedTranslationOnceAndLeavesAStaleOneStale() throws {
        let folder = try Self.collection()
        let before = try CLIRun.run(["check"], in: folder.path)
        #expect(before.status == 1)
        #expect(before.stdout == Self.stale)
        #expect(
            before.stderr.hasSuffix(
                """
                1 error, 0 warnings in 2 exhibits
                note: 6 translations in 2 exhibits have no record of their source, so edits to the source will not \
                mark them stale; run captions accept --untracked to start tracking them

                """), "\(before.stderr)")
        let english = try CLIRun.run(["check", "--lang", "en"], in: folder.path)
        #expect(english.stderr.hasSuffix(CLIRun.untrackedNote(3, in: 2)))
        let json = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        #expect(json.stderr == "")

        let text = try CLIRun.run(["accept", "--untracked", "--field", "text", "--lang", "en"], in: folder.path)
        #expect(text.status == 0)
        #expect(
            text.stdout == """
                wrote Captions/g/a.yml (1 translation of a)
                wrote Captions/g/b.yml (1 translation of b)
                recorded the source of 2 translations in 2 exhibit files: editing that source now marks them stale

                """)
        let all = try CLIRun.run(["accept", "--untracked"], in: folder.path)
        #expect(all.status == 0)
        #expect(all.stderr == "")
        #expect(
            all.stdout == """
                wrote Captions/g/a.yml (3 translations of a)
                wrote Captions/g/b.yml (1 translation of b)
                recorded the source of 4 translations in 2 exhibit files: editing that source now marks them stale

                """)
        #expect(
            try folder.read("Captions/g/a.yml")
                == Self.untracked + Self.record
                + "  title: { kk: e470f543, en: e470f543 }\n  text: { kk: b3ba9971, en: b3ba9971 }\n")
        let tracked =
            Self.partlyTracked.replacingOccurrences(
                of: "en: 32aad180 }\n", with: "en: 32aad180 }\n  text: { kk: 3c275949, en: 3c275949 }\n")
        #expect(try folder.read("Captions/g/b.yml") == tracked)

        // A second run writes nothing and says so.
        let again = try CLIRun.run(["accept", "--untracked"], in: folder.path)
        #expect(again.status == 0)
        #expect(again.stdout == "every translation already has a record of its source; nothing was written\n")
        #expect(try folder.read("Captions/g/b.yml") == tracked)

        // The stale title stays stale, and the note is gone.
        let after = try CLIRun.run(["check"], in: folder.path)
        #expect(after.status == 1)
        #expect(after.stdout == Self.stale)
        #expect(after.stderr.hasSuffix("1 error, 0 warnings in 2 exhibits\n"), "\(after.stderr)")

        // Now an edit of the source marks the hand-typed translations stale.
        try folder.write(
            "Captions/g/a.yml",
            try folder.read("Captions/g/a.yml").replacingOccurrences(of: "ru: Барак", with: "ru: Старый барак"))
        let edited = try CLIRun.run(["check"], in: folder.path)
        #expect(edited.status == 1)
        #expect(
            edited.stdout.components(separatedBy: "\n").filter { $0.hasSuffix("[stale-translation]") }.map {
                String($0.prefix(while: { $0 != " " }))
            } == ["Captions/g/a.yml:3:3:", "Captions/g/a.yml:5:3:", "Captions/g/b.yml:3:3:"])
    }

    @Test(arguments: [
        (
            ["accept", "--untracked", "a"], 64,
            "Error: --untracked accepts every untracked translation; it takes no exhibit id\n"
        ),
        (["accept"], 64, "Error: name the exhibit to accept (captions accept ID), or use --untracked\n"),
        (
            ["accept", "--untracked", "--lang", "ru"], 2,
            "error: --lang ru is not a target language of this collection (kk, en)\n"
        ),
    ])
    func refusesAnIdOrAWrongLanguage(arguments: [String], status: Int32, message: String) throws {
        let folder = try Self.collection()
        let run = try CLIRun.run(arguments, in: folder.path)
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(try folder.read("Captions/g/a.yml") == Self.untracked)
        #expect(try folder.read("Captions/g/b.yml") == Self.partlyTracked)
    }

    /// The files are written under the collection lock: while another writer holds it, nothing is.
    /// Accepting a translation whose numbers no longer follow the edited source records it, and
    /// shows what `check` still reports on it (the old number), on stderr.
    @Test func acceptShowsWhatCheckStillReportsOnTheAcceptedTexts() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "source: ru\n")
        try folder.write(
            "Captions/argali.yml",
            """
            id: argali
            title:
              kk: Арқар
              ru: Архар
              en: Argali
            text:
              kk: Салмағы 180 кг жетеді.
              ru: Вес достигает 200 кг.
              en: It weighs up to 200 kg.
            translations:  # machine-owned: source fingerprints of translations; do not edit
              text: { kk: aaaaaaaa }

            """)
        let accept = try CLIRun.run(["accept", "argali", "--field", "text", "--lang", "kk"], in: folder.path)
        #expect(accept.status == 0)
        #expect(accept.stdout == "accepted text (kk) of argali\nwrote Captions/argali.yml\n")
        #expect(
            accept.stderr == """
                Captions/argali.yml:7:7: error: text (kk) has other numbers than the Russian (ru) source: missing \
                200; extra 180 [number-mismatch]
                note: captions check still reports this on the accepted texts; accepting records that they follow the \
                source, not that they are right

                """)
        let again = try CLIRun.run(["accept", "argali"], in: folder.path)
        #expect(again.stderr == "")
    }

    @Test func writesNothingWhileAnotherWriterHoldsTheLock() throws {
        let folder = try Self.collection()
        let holder = ConcurrentWriterTests.holdLock(of: folder.path + "/Captions", as: "pid 4242 (captions fmt)")
        defer { close(holder) }
        let run = try CLIRun.run(
            ["accept", "--untracked"], in: folder.path, environment: ["CAPTIONS_LOCK_TIMEOUT": "0"])
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                Captions/.captions.lock: error: cannot write: the collection is being written by pid 4242 (captions \
                fmt); nothing was written, try again later\n
                """)
        #expect(run.stdout == "")
        #expect(try folder.read("Captions/g/a.yml") == Self.untracked)
        #expect(try folder.read("Captions/g/b.yml") == Self.partlyTracked)
    }

    @Test func oneUntrackedTranslationIsNamedInTheSingular() {
        #expect(
            TextReporter.untrackedNote((translations: 1, exhibits: 1))
                == "note: 1 translation in 1 exhibit has no record of its source, so edits to the source will not "
                + "mark it stale; run captions accept --untracked to start tracking it")
        #expect(TextReporter.untrackedNote((translations: 0, exhibits: 0)) == nil)
    }
}
