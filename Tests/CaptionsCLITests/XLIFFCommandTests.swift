import Foundation
import Testing

/// End-to-end runs of `captions export xliff`, `captions import` and `captions accept`.
@Suite struct XLIFFCommandTests {
    @Test func exportWritesOneFilePerLanguage() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let run = try CLIRun.run(["export", "xliff"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "wrote Exports/xliff/ru-kk.xlf (48 units)\nwrote Exports/xliff/ru-en.xlf (48 units)\n")
        #expect(run.stderr.isEmpty)
        let needed = try CLIRun.run(["export", "xliff", "--needed", "--to", "en", "--out", "Out"], in: folder.path)
        #expect(needed.stdout == "en: nothing to export (nothing missing or stale); no file written\n")
    }

    @Test(arguments: [
        ("de", "error: --to de is not a language of this collection (target languages: kk, en)\n"),
        ("ru", "error: --to ru is the source language (target languages: kk, en)\n"),
        ("kz", "error: --to kz is not a language of this collection (target languages: kk, en); did you mean 'kk'?\n"),
    ])
    func exportRefusesALanguageTheCollectionDoesNotTranslateInto(_ language: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let run = try CLIRun.run(["export", "xliff", "--to", language], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Exports"))
    }

    /// Each unsafe or wrong file: exit 2, one located line on stderr (libxml2 prints nothing), no change.
    @Test(arguments: [
        (
            "truncated.xlf",
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" \
            version=\"1.2\">\n<file source-language=\"ru\" target-language=\"kk\"><body><trans-unit \
            id=\"kurt-story.title\"><source>Не
            """,
            """
            truncated.xlf:3:99: error: the file ends before <source> is closed; it is truncated or not XML\n
            """
        ),
        (
            "bomb.xlf",
            """
            <?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \
            \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \
            \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n<xliff>&d;&d;&d;&d;</xliff>\n
            """,
            """
            bomb.xlf:2:1: error: a DOCTYPE with an internal subset ([...]) is refused (it can declare entities that \
            expand or read local files); only a DOCTYPE that names an external DTD (<!DOCTYPE martif PUBLIC \
            "..." "...">) is accepted, and that DTD is never read\n
            """
        ),
        (
            "xxe.xlf",
            """
            <?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n<xliff \
            xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file source-language=\"ru\" \
            target-language=\"kk\"><body><trans-unit id=\"kurt-story.title\"><source>Не камни, а \
            курт</source><target>&secret;</target></trans-unit></body></file></xliff>\n
            """,
            """
            xxe.xlf:2:1: error: a DOCTYPE with an internal subset ([...]) is refused (it can declare entities that \
            expand or read local files); only a DOCTYPE that names an external DTD (<!DOCTYPE martif PUBLIC \
            "..." "...">) is accepted, and that DTD is never read\n
            """
        ),
        (
            "german.xlf",
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n  \
            <file source-language=\"ru\" target-language=\"de\"><body><trans-unit \
            id=\"kurt-story.title\"><source>Не камни, а курт</source><target>Keine \
            Steine</target></trans-unit></body></file></xliff>\n
            """,
            """
            german.xlf:3:3: error: the XLIFF target language 'de' is not a target language of the collection (kk, \
            en)\n
            """
        ),
        (
            "path.xlf",
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n  \
            <file source-language=\"ru\" target-language=\"kk\"><body>\n    <trans-unit \
            id=\"../captions.yml\"><source>x</source><target>y</target></trans-unit></body></file></xliff>\n
            """,
            """
            path.xlf:4:5: error: unit id '../captions.yml' looks like a file path; captions unit ids are \
            <exhibit-id>.<field>\n
            """
        ),
    ])
    func importRefusesUnsafeOrWrongFiles(_ name: String, _ content: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let before = try folder.contents(of: "Captions")
        try folder.write(name, content)
        let run = try CLIRun.run(["import", name], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == message)
        #expect(run.stdout.isEmpty)
        #expect(try folder.contents(of: "Captions") == before)
    }

    @Test func importReportsAnUnknownUnitAndExitsOne() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let before = try folder.contents(of: "Captions")
        try folder.write(
            "unknown.xlf",
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n  \
            <file source-language=\"ru\" target-language=\"kk\"><body>\n    <trans-unit \
            id=\"lost-exhibit.title\"><source>x</source><target>y</target></trans-unit></body></file></xliff>\n
            """
        )
        let run = try CLIRun.run(["import", "unknown.xlf"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                unknown.xlf:4:5: error: unit 'lost-exhibit.title' names no exhibit of Captions [unknown-unit]
                unknown.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 0 conflicts, 1 unknown id

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    @Test func importNamesTheUnreadableFileOfAnExhibitItsUnitsNeed() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        _ = try CLIRun.run(["export", "xliff", "--to", "kk"], in: folder.path)
        let broken = "Captions/museum-second-floor/kurt-story.yml"
        try folder.write(broken, "id: kurt-story\ntitle: [broken\n")
        let before = try folder.contents(of: "Captions")
        let run = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let unreadable =
            "was not imported: \(broken) cannot be read as captions; fix it, then import again [unknown-unit]"
        let note =
            "\(broken):3:1: note: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at "
            + "line 2, column 8)"
        for field in ["title", "text"] {
            let index = lines.firstIndex { $0.hasSuffix("error: unit 'kurt-story.\(field)' \(unreadable)") }
            #expect(index.map { lines[$0 + 1] } == Substring(note), "\(run.stdout)")
        }
        #expect(lines.contains { $0.hasSuffix("0 conflicts, 2 unknown ids") })
        #expect(try folder.contents(of: "Captions") == before)
    }

    @Test func conflictThenStaleThenAccept() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try folder.removeTranslation("Captions/museum-second-floor/kurt-story.yml", field: "title", language: "kk")
        _ = try CLIRun.run(["export", "xliff", "--to", "kk", "--needed"], in: folder.path)
        let exported = try folder.read("Exports/xliff/ru-kk.xlf")
        try folder.write(
            "Exports/xliff/ru-kk.xlf",
            exported.replacingOccurrences(
                of: "<target state=\"needs-translation\"></target>", with: "<target>Тас емес, құрт</target>"))

        // The curator edits the source after the export: the translation is a conflict.
        let file = "Captions/museum-second-floor/kurt-story.yml"
        let original = try folder.read(file)
        try folder.write(file, original.replacingOccurrences(of: "ru: Не камни, а курт", with: "ru: Не камни — курт"))
        let conflict = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(conflict.status == 1)
        #expect(
            conflict.stdout.hasPrefix(
                """
                Captions/museum-second-floor/kurt-story.yml:3:7: error: title (kk) of kurt-story was not \
                imported: its ru source changed after the export [import-conflict]\n
                """
                    + "Exports/xliff/ru-kk.xlf:6:9: note: the translation was made from \"Не камни, а курт\"\n"
                    + "Captions/museum-second-floor/kurt-story.yml:3:7: note: the source is now \"Не камни — курт\"\n"))

        // Back to the exported source: the translation applies and is recorded.
        try folder.write(file, original)
        let applied = try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path)
        #expect(applied.status == 0)
        // The record already has the source's fingerprint (c5db0253): only the text's line is new.
        #expect(original.hasSuffix("  title: { kk: c5db0253, en: c5db0253 }\n  text: { kk: f5f0548f, en: f5f0548f }\n"))
        #expect(
            try folder.read(file)
                == original.replacingOccurrences(
                    of: "title:\n", with: "title:\n  kk: Тас емес, құрт\n"))

        // Now the source changes: the translations are stale, the new kk one and the en one.
        try folder.write(
            file, try folder.read(file).replacingOccurrences(of: "ru: Не камни, а курт", with: "ru: Не камни — курт"))
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout
                == """
                Captions/museum-second-floor/kurt-story.yml:3:3: error: title (kk) of kurt-story was translated \
                from an earlier ru text; see what changed with captions diff kurt-story, review it and run \
                captions accept, or export it with --needed [stale-translation]
                Captions/museum-second-floor/kurt-story.yml:5:3: error: title (en) of kurt-story was translated \
                from an earlier ru text; see what changed with captions diff kurt-story, review it and run \
                captions accept, or export it with --needed [stale-translation]\n
                """
        )
        let status = try CLIRun.run(["status"], in: folder.path)
        #expect(status.stdout.contains("kk              48          48        0      1    100.0%"))
        #expect(status.stdout.contains("en              48          48        0      1    100.0%"))
        let needed = try CLIRun.run(["export", "xliff", "--to", "kk", "--needed", "--out", "Review"], in: folder.path)
        #expect(needed.stdout == "wrote Review/ru-kk.xlf (1 unit, 1 stale)\n")
        let review = try folder.read("Review/ru-kk.xlf")
        #expect(review.contains("<target state=\"needs-review-translation\">Тас емес, құрт</target>"))
        #expect(review.contains("source fingerprint then c5db0253, now"))
        // Returned as it went out, the stale unit stays stale, and the summary says so.
        let returned = try CLIRun.run(["import", "Review/ru-kk.xlf"], in: folder.path)
        #expect(returned.status == 0)
        #expect(
            returned.stdout == """
                Review/ru-kk.xlf (kk): 0 applied, 1 unchanged (1 still stale: change it in the translation tool, or \
                confirm with captions accept), 0 not translated, 0 conflicts, 0 unknown ids

                """)

        // The curator confirms by hand.
        let accept = try CLIRun.run(["accept", "kurt-story", "--field", "title", "--lang", "kk"], in: folder.path)
        #expect(accept.status == 0)
        #expect(
            accept.stdout == "accepted title (kk) of kurt-story\nwrote Captions/museum-second-floor/kurt-story.yml\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 1)  // the en title is still stale
        let english = try CLIRun.run(["accept", "kurt-story", "--field", "title"], in: folder.path)
        #expect(
            english.stdout
                == "accepted title (en) of kurt-story\ntitle (kk) of kurt-story was already current\n"
                + "wrote Captions/museum-second-floor/kurt-story.yml\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 0)
        let unknown = try CLIRun.run(["accept", "no-such"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no exhibit with id 'no-such' in Captions\n")
    }

    /// A translation tool that alters the `<source>` of a unit whose caption did not change (its
    /// source is the one its recorded translation was made from) is named as the cause, not the
    /// curator; once the caption's source changes, the conflict says so as before.
    @Test func aSourceTheToolAlteredIsNotBlamedOnTheCurator() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let file = "Captions/museum-second-floor/kurt-story.yml"
        try folder.removeTranslation(file, field: "title", language: "kk")
        _ = try CLIRun.run(["export", "xliff", "--to", "kk", "--needed"], in: folder.path)
        try folder.write(
            "Exports/xliff/ru-kk.xlf",
            try folder.read("Exports/xliff/ru-kk.xlf").replacingOccurrences(
                of: "<target state=\"needs-translation\"></target>", with: "<target>Тас емес, құрт</target>"))
        #expect(try CLIRun.run(["import", "Exports/xliff/ru-kk.xlf"], in: folder.path).status == 0)
        let recorded = try folder.read(file)

        // The next export comes back with two spaces in the source.
        _ = try CLIRun.run(["export", "xliff", "--to", "kk", "--out", "Review"], in: folder.path)
        try folder.write(
            "Review/ru-kk.xlf",
            try folder.read("Review/ru-kk.xlf").replacingOccurrences(
                of: "<source>Не камни, а курт</source>", with: "<source>Не камни,  а курт</source>"
            ).replacingOccurrences(of: ">Тас емес, құрт</target>", with: ">Тас емес — құрт</target>"))
        let unitLine =
            try #require(
                try folder.read("Review/ru-kk.xlf").split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("id=\"kurt-story.title\"") }) + 1
        let altered = try CLIRun.run(["import", "Review/ru-kk.xlf"], in: folder.path)
        #expect(altered.status == 1)
        #expect(
            altered.stdout.hasPrefix(
                """
                Captions/museum-second-floor/kurt-story.yml:4:7: error: title (kk) of kurt-story was not imported: \
                the file's <source> differs from the caption's ru text, although the caption did not change (the \
                translation tool altered the <source>); if the translation fits the caption's text, put that text \
                back into the <source> and import the file again [import-conflict]
                Review/ru-kk.xlf:\(unitLine):9: note: the translation was made from "Не камни,  а курт"
                Captions/museum-second-floor/kurt-story.yml:4:7: note: the caption's source is still "Не камни, а курт"

                """))
        #expect(try folder.read(file) == recorded)

        // The curator changes the source: the same file's conflict is the source's change.
        try folder.write(file, recorded.replacingOccurrences(of: "ru: Не камни, а курт", with: "ru: Не камни — курт"))
        let changed = try CLIRun.run(["import", "Review/ru-kk.xlf"], in: folder.path)
        #expect(changed.status == 1)
        #expect(
            changed.stdout.hasPrefix(
                """
                Captions/museum-second-floor/kurt-story.yml:4:7: error: title (kk) of kurt-story was not imported: \
                its ru source changed after the export [import-conflict]
                Review/ru-kk.xlf:\(unitLine):9: note: the translation was made from "Не камни,  а курт"
                Captions/museum-second-floor/kurt-story.yml:4:7: note: the source is now "Не камни — курт"

                """))
    }
}
