import Foundation
import Testing

/// `captions import --trust-states --by NAME` on small files shaped like memoQ's, Trados
/// Studio's (SDLXLIFF) and an XLIFF 2 tool's, written by hand: exact caption files and summary
/// lines, with and without the flag.
@Suite struct TrustStatesCommandTests {
    static let k =
        "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Первое. Второе.\n"
        + "  en: First. Second.\n"
    static let m = "id: m\ntitle:\n  kk: Мұражай\n  ru: Музей\n  en: Museum\n"
    /// A Kazakh title made from an older source: stale.
    static let s =
        "id: s\ntitle:\n  kk: Ескі\n  ru: Новое\ntranslations:  # machine-owned: source fingerprints of translations;"
        + " do not edit\n  title: { kk: deadbeef }\n"
    /// 2026-12-03 in UTC.
    static let epoch = ["SOURCE_DATE_EPOCH": "1796256000"]

    static func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/captions.yml",
            "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", k)
        try folder.write("Captions/g/m.yml", m)
        try folder.write("Captions/g/s.yml", s)
        return folder
    }

    /// memoQ: `mq:status` on each unit; reviewer 1 and 2 confirmations say reviewed and final,
    /// the translator's `ManuallyConfirmed` does not.
    static let memoQ = XLIFF12Fixture.file(
        [
            memoQUnit("k.title", "Reviewer1Confirmed", "Курт", "Құрт", locked: "no"),
            memoQUnit("k.text", "Proofread", "Первое. Второе.", "Бірінші. Екінші."),
            memoQUnit("m.title", "ManuallyConfirmed", "Музей", "Мұражай"),
            memoQUnit("s.title", "Reviewer1Confirmed", "Новое", "Ескі"),
        ], original: "ru-kk.xlf", namespaces: "xmlns:mq=\"MQXliff\"")

    /// A memoQ unit with its `mq:status` (and `mq:locked`), whitespace kept on source and target.
    static func memoQUnit(
        _ id: String, _ status: String, _ source: String, _ target: String, locked: String? = nil
    ) -> String {
        XLIFF12Fixture.unit(
            id, attributes: "mq:status=\"\(status)\"" + (locked.map { " mq:locked=\"\($0)\"" } ?? ""),
            textAttributes: "xml:space=\"preserve\"", source: source, target: target)
    }

    @Test func memoQWithoutTrustStatesIgnoresThem() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.mqxliff", Self.memoQ)
        let run = try CLIRun.run(["import", "returned/kk.mqxliff"], in: folder.path, environment: Self.epoch)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                returned/kk.mqxliff (kk): 1 applied, 3 unchanged (1 still stale: change it in the translation tool, \
                or confirm with captions accept), 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(
            try folder.read("Captions/g/k.yml")
                == Self.k.replacingOccurrences(of: "Мәтін", with: "Бірінші. Екінші.") + """
                    translations:  # machine-owned: source fingerprints of translations; do not edit
                      text: { kk: 59e663dc }

                    """)
        #expect(try folder.read("Captions/g/m.yml") == Self.m)
        #expect(try folder.read("Captions/g/s.yml") == Self.s)
    }

    /// `captions import returned/kk.mqxliff --trust-states --by AB`, which succeeds with nothing on stderr.
    static func importTrustingAB(_ folder: TemporaryFolder) throws -> CLIRun {
        let run = try CLIRun.run(
            ["import", "returned/kk.mqxliff", "--trust-states", "--by", "AB"], in: folder.path, environment: epoch)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        return run
    }

    @Test func memoQWithTrustStatesRecordsTheReviewerOneConfirmationOnly() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.mqxliff", Self.memoQ)
        let run = try Self.importTrustingAB(folder)
        #expect(
            run.stdout == """
                returned/kk.mqxliff:17:7: warning: unit 's.title' (kk) is marked reviewed (mq:status="Reviewer1Confirmed") \
                but no review was recorded: title (kk) is stale: the ru text changed since it was translated; update the \
                translation (or run captions accept), then review it [review-not-recorded]
                returned/kk.mqxliff (kk): 1 applied, 3 unchanged (1 still stale: change it in the translation tool, \
                or confirm with captions accept), 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.mqxliff (kk): states marked reviewed: 1 review recorded by AB, 0 already reviewed, 1 refused, \
                1 changed (imported without review)
                wrote Captions/g/k.yml

                """)
        #expect(
            try folder.read("Captions/g/k.yml")
                == Self.k.replacingOccurrences(of: "Мәтін", with: "Бірінші. Екінші.") + """
                    translations:  # machine-owned: source fingerprints of translations; do not edit
                      title:
                        kk: 8577ed6c d339738d reviewed 2026-12-03 AB
                      text: { kk: 59e663dc }

                    """)
        // The translator's own confirmation and the stale title are left as they were.
        #expect(try folder.read("Captions/g/m.yml") == Self.m)
        #expect(try folder.read("Captions/g/s.yml") == Self.s)
    }

    /// A memoQ reviewer's confirmation beside the export's `state="translated"`, which the tool
    /// kept: the lower state counts, so no review is recorded, and a warning says why and how to
    /// record it (the command it names runs), instead of a summary of "0 reviews recorded" alone.
    @Test func aReviewALowerStateOverrulesIsNamedWithWhy() throws {
        let folder = try Self.museum()
        try folder.write(
            "returned/kk.mqxliff",
            XLIFF12Fixture.file(
                [
                    """
                          <trans-unit id="k.title" mq:status="Reviewer1Confirmed">
                            <source xml:space="preserve">Курт</source>
                            <target xml:space="preserve" state="translated">Құрт</target>
                          </trans-unit>

                    """
                ], original: "ru-kk.xlf", namespaces: "xmlns:mq=\"MQXliff\""))
        let run = try Self.importTrustingAB(folder)
        #expect(
            run.stdout == """
                returned/kk.mqxliff:5:7: warning: unit 'k.title' (kk) is marked reviewed \
                (mq:status="Reviewer1Confirmed") but no review was recorded: title (kk) is not taken as reviewed: \
                the unit is also marked state="translated", and the lowest state of a unit counts; if the text was \
                reviewed, record it with captions review k --field title --lang kk --by AB [review-not-recorded]
                returned/kk.mqxliff (kk): 0 applied, 1 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.mqxliff (kk): states marked reviewed: 0 reviews recorded by AB, 0 already reviewed, \
                1 refused, 0 changed (imported without review)

                """)
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
        let review = try CLIRun.run(
            ["review", "k", "--field", "title", "--lang", "kk", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(review.status == 0, "\(review.stderr)")
        // The same file again: the review is there now, and the import says so, without a warning.
        let again = try Self.importTrustingAB(folder)
        #expect(
            again.stdout == """
                returned/kk.mqxliff (kk): 0 applied, 1 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.mqxliff (kk): states marked reviewed: 0 reviews recorded by AB, 1 already reviewed, \
                0 refused, 0 changed (imported without review)

                """)
    }

    @Test func aReviewedUnitWhoseTextAnotherFileChangesIsRefused() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.mqxliff", Self.memoQ)
        try folder.write(
            "returned/kk2.xlf",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="x" source-language="ru" target-language="kk" datatype="plaintext"><body>
                <trans-unit id="k.title"><source>Курт</source><target state="translated">Құрт!</target></trans-unit>
              </body></file>
            </xliff>

            """)
        let run = try CLIRun.run(
            ["import", "returned/kk.mqxliff", "returned/kk2.xlf", "--trust-states", "--by", "AB"], in: folder.path,
            environment: Self.epoch)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                returned/kk.mqxliff:5:7: warning: unit 'k.title' (kk) is marked reviewed \
                (mq:status="Reviewer1Confirmed") but no review was recorded: title (kk) is changed by another unit of \
                this import [review-not-recorded]
                returned/kk.mqxliff:17:7: warning: unit 's.title' (kk) is marked reviewed \
                (mq:status="Reviewer1Confirmed") but no review was recorded: title (kk) is stale: the ru text changed \
                since it was translated; update the translation (or run captions accept), then review it \
                [review-not-recorded]
                returned/kk.mqxliff (kk): 1 applied, 3 unchanged (1 still stale: change it in the translation tool, \
                or confirm with captions accept), 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.mqxliff (kk): states marked reviewed: 0 reviews recorded by AB, 0 already reviewed, \
                2 refused, 1 changed (imported without review)
                returned/kk2.xlf (kk): 1 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk2.xlf (kk): states marked reviewed: 0 reviews recorded by AB, 0 already reviewed, \
                0 refused, 0 changed (imported without review)
                wrote Captions/g/k.yml

                """)
        #expect(
            try folder.read("Captions/g/k.yml")
                == Self.k.replacingOccurrences(of: "Мәтін", with: "Бірінші. Екінші.")
                .replacingOccurrences(of: "kk: Құрт", with: "kk: Құрт!") + """
                    translations:  # machine-owned: source fingerprints of translations; do not edit
                      title: { kk: 8577ed6c }
                      text: { kk: 59e663dc }

                    """)
    }

    /// An exhibit whose id is not a slug (`Kurt Story`, reached by a unit id written by hand or an
    /// export made before the id changed) gets its text but no review: `captions review` refuses
    /// it, as texts are signed off by exhibit id.
    @Test func aReviewOfAnExhibitWhoseIdIsNotASlugIsRefused() throws {
        let folder = try Self.museum()
        let kurt = "id: Kurt Story\ntitle:\n  kk: Құрт\n  ru: Курт\n"
        try folder.write("Captions/g/kurt-story.yml", kurt)
        try folder.write(
            "returned/kk.xlf",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="x" source-language="ru" target-language="kk" datatype="plaintext"><body>
                <trans-unit id="Kurt Story.title"><source>Курт</source><target state="final">Құрт</target></trans-unit>
              </body></file>
            </xliff>

            """)
        let run = try CLIRun.run(
            ["import", "returned/kk.xlf", "--trust-states", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                returned/kk.xlf:4:5: warning: unit 'Kurt Story.title' (kk) is marked reviewed (state="final") but no \
                review was recorded: title (kk) cannot be reviewed: Captions/g/kurt-story.yml has the id 'Kurt Story', \
                which is not a slug (lowercase letters, digits and single hyphens), and texts are signed off by exhibit \
                id; make it 'id: kurt-story', then record the review with captions review kurt-story --field title --lang kk --by AB [review-not-recorded]
                returned/kk.xlf (kk): 0 applied, 1 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.xlf (kk): states marked reviewed: 0 reviews recorded by AB, 0 already reviewed, \
                1 refused, 0 changed (imported without review)

                """, "\(run.stdout)\n\(run.stderr)")
        #expect(try folder.read("Captions/g/kurt-story.yml") == kurt)
        // `captions review` refuses it the same way.
        let review = try CLIRun.run(
            ["review", "Kurt Story", "--field", "title", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(review.status == 1)
        #expect(
            review.stderr == """
                Captions/g/kurt-story.yml:1:5: error: Captions/g/kurt-story.yml has the id 'Kurt Story', which is not \
                a slug (lowercase letters, digits and single hyphens), and texts are signed off by exhibit id; make it \
                'id: kurt-story', then run the command again

                """)
    }

    /// Trados Studio: one `<sdl:seg conf>` per segment in `<sdl:seg-defs>`, the target's
    /// segments as `<mrk mtype="seg">`; a unit counts at its lowest segment.
    static let trados = """
        <?xml version="1.0" encoding="utf-8"?>
        <xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
        version="1.2" sdl:version="1.0">
          <file original="ru-en.xlf" datatype="x-sdlfilterframework2" source-language="ru" target-language="en">
            <header><sdl:ref-files/></header>
            <body>
              <trans-unit id="k.title">
                <source>Курт</source>
                <seg-source><mrk mtype="seg" mid="1">Курт</mrk></seg-source>
                <target><mrk mtype="seg" mid="1">Kurt</mrk></target>
                <sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff" origin="interactive"/></sdl:seg-defs>
              </trans-unit>
              <trans-unit id="k.text">
                <source>Первое. Второе.</source>
                <seg-source><mrk mtype="seg" mid="2">Первое.</mrk> <mrk mtype="seg" mid="3">Второе.</mrk></seg-source>
                <target><mrk mtype="seg" mid="2">First.</mrk> <mrk mtype="seg" mid="3">Second.</mrk></target>
                <sdl:seg-defs>
                  <sdl:seg id="2" conf="ApprovedTranslation"/>
                  <sdl:seg id="3" conf="Translated"/>
                </sdl:seg-defs>
              </trans-unit>
              <trans-unit id="m.title">
                <source>Музей</source>
                <target><mrk mtype="seg" mid="4">Museum</mrk></target>
                <sdl:seg-defs><sdl:seg id="4" conf="RejectedTranslation"/></sdl:seg-defs>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """

    @Test func tradosSignOffRecordsAReviewNotAnApproval() throws {
        let folder = try Self.museum()
        try folder.write("returned/en.sdlxliff", Self.trados)
        let plain = try CLIRun.run(["import", "returned/en.sdlxliff"], in: folder.path, environment: Self.epoch)
        #expect(plain.status == 0)
        #expect(
            plain.stdout
                == "returned/en.sdlxliff (en): 0 applied, 3 unchanged, 0 not translated, 0 conflicts, 0 unknown ids\n")
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
        // The JSON report names the text whose review the import would record.
        let dryRun = try CLIRun.run(
            [
                "import", "returned/en.sdlxliff", "--trust-states", "--by", "Aigerim B.", "--dry-run", "--format",
                "json",
            ],
            in: folder.path, environment: Self.epoch)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any])
        #expect(
            document["reviews"] as? [[String: String]] == [
                ["exhibit": "k", "path": "Captions/g/k.yml", "field": "title", "language": "en"]
            ])
        #expect(try folder.read("Captions/g/k.yml") == Self.k)

        let run = try CLIRun.run(
            ["import", "returned/en.sdlxliff", "--trust-states", "--by", "Aigerim B."], in: folder.path,
            environment: Self.epoch)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        // The text, one of whose segments is only translated, is named with why it has no review.
        #expect(
            run.stdout == """
                returned/en.sdlxliff:12:7: warning: unit 'k.text' (en) is marked reviewed (sdl:seg \
                conf="ApprovedTranslation") but no review was recorded: text (en) is not taken as reviewed: the \
                unit is also marked sdl:seg conf="Translated", and the lowest state of a unit counts; if the text \
                was reviewed, record it with captions review k --field text --lang en --by 'Aigerim B.' \
                [review-not-recorded]
                returned/en.sdlxliff (en): 0 applied, 3 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/en.sdlxliff (en): states marked reviewed: 1 review recorded by Aigerim B., 0 already \
                reviewed, 1 refused, 0 changed (imported without review)
                wrote Captions/g/k.yml

                """)
        #expect(
            try folder.read("Captions/g/k.yml")
                == Self.k + TrustedImportOutput.reviewedTitle("en: 8577ed6c 026442b0 reviewed 2026-12-03 Aigerim B."))
        #expect(try folder.read("Captions/g/m.yml") == Self.m)
    }

    /// An XLIFF 2 tool: `state` on each segment (`subState` is the tool's own refinement and is
    /// not read).
    static func xliff2(title: String = "Құрт", text: String = "Бірінші. Екінші.") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
          <file id="f1">
            <unit id="k.title">
              <segment state="final"><source>Курт</source><target>\(title)</target></segment>
            </unit>
            <unit id="k.text">
              <segment state="reviewed" subState="tool:checked"><source>Первое.</source><target>Бірінші.</target></segment>
              <ignorable><source> </source></ignorable>
              <segment state="reviewed"><source>Второе.</source><target>\(text.dropFirst(9))</target></segment>
            </unit>
            <unit id="m.title">
              <segment state="translated"><source>Музей</source><target>Мұражай</target></segment>
            </unit>
          </file>
        </xliff>

        """
    }

    @Test func xliff2ReviewedAndFinalAndAReimportAndADemotion() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.xlf", Self.xliff2())
        let plain = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path, environment: Self.epoch)
        #expect(plain.status == 0)
        #expect(
            plain.stdout == """
                returned/kk.xlf (kk): 1 applied, 2 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        let afterPlain = try folder.read("Captions/g/k.yml")
        #expect(!afterPlain.contains("reviewed"))

        // Now the changed text is the caption's: the same file trusted reviews both.
        let run = try CLIRun.run(
            ["import", "returned/kk.xlf", "--trust-states", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                returned/kk.xlf (kk): 0 applied, 3 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.xlf (kk): states marked reviewed: 2 reviews recorded by AB, 0 already reviewed, 0 refused, \
                0 changed (imported without review)
                wrote Captions/g/k.yml

                """)
        let reviewed =
            Self.k.replacingOccurrences(of: "Мәтін", with: "Бірінші. Екінші.") + """
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  title:
                    kk: 8577ed6c d339738d reviewed 2026-12-03 AB
                  text:
                    kk: 59e663dc f6510ed1 reviewed 2026-12-03 AB

                """
        #expect(try folder.read("Captions/g/k.yml") == reviewed)

        // Again: nothing new, nothing written.
        let again = try CLIRun.run(
            ["import", "returned/kk.xlf", "--trust-states", "--by", "CD"], in: folder.path, environment: Self.epoch)
        #expect(again.status == 0)
        #expect(
            again.stdout == """
                returned/kk.xlf (kk): 0 applied, 3 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk.xlf (kk): states marked reviewed: 0 reviews recorded by CD, 2 already reviewed, 0 refused, \
                0 changed (imported without review)

                """)
        #expect(try folder.read("Captions/g/k.yml") == reviewed)

        // A later import that changes the title demotes its review, trusted or not.
        try folder.write("returned/kk2.xlf", Self.xliff2(title: "Құрт (кептірілген)"))
        let edit = try CLIRun.run(
            ["import", "returned/kk2.xlf", "--trust-states", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(edit.status == 0)
        #expect(
            edit.stdout.hasPrefix(
                """
                returned/kk2.xlf (kk): 1 applied, 2 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                returned/kk2.xlf (kk): states marked reviewed: 0 reviews recorded by AB, 1 already reviewed, 0 refused, \
                1 changed (imported without review)

                """))
        let demoted = try folder.read("Captions/g/k.yml")
        #expect(demoted.contains("  title: { kk: 8577ed6c }\n"))
        #expect(demoted.contains("    kk: 59e663dc f6510ed1 reviewed 2026-12-03 AB\n"))
    }

    @Test func trustStatesWithoutByIsAOneLineErrorAndWritesNothing() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.mqxliff", Self.memoQ)
        // Usage errors (exit 64, as every option combination ArgumentParser refuses).
        let run = try CLIRun.run(["import", "returned/kk.mqxliff", "--trust-states"], in: folder.path)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --trust-states needs --by NAME (who reviewed)\n"))
        let alone = try CLIRun.run(["import", "returned/kk.mqxliff", "--by", "AB"], in: folder.path)
        #expect(alone.status == 64)
        #expect(alone.stderr.hasPrefix("Error: --by AB goes with --trust-states\n"))
        let badName = try CLIRun.run(
            ["import", "returned/kk.mqxliff", "--trust-states", "--by", "A;B"], in: folder.path)
        #expect(badName.status == 2)
        #expect(badName.stderr == "error: --by 'A;B': the name has a ';', which the record uses between sign-offs\n")
        let brokenName = try CLIRun.run(
            ["import", "returned/kk.mqxliff", "--trust-states", "--by", "A\nB"], in: folder.path)
        #expect(brokenName.status == 2)
        #expect(brokenName.stderr == "error: --by 'A\\nB': the name has a line break or control character\n")
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
    }

    @Test func jsonCarriesTheStateCounts() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.mqxliff", Self.memoQ)
        let run = try CLIRun.run(
            ["import", "returned/kk.mqxliff", "--trust-states", "--by", "AB", "--dry-run", "--format", "json"],
            in: folder.path, environment: Self.epoch)
        #expect(run.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let file = (document?["files"] as? [[String: Any]])?.first
        let states = file?["states"] as? [String: Any]
        #expect(states?["by"] as? String == "AB")
        #expect(states?["recorded"] as? Int == 1)
        #expect(states?["refused"] as? Int == 1)
        #expect(states?["changed"] as? Int == 1)
        #expect((document?["warnings"] as? [[String: Any]])?.first?["check"] as? String == "review-not-recorded")
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
    }
}
