import Foundation
import Testing

@testable import CaptionKit

/// `captions import FILE.tbx`: merging a TBX glossary into `Captions/glossary.yml`.
@Suite struct GlossaryImportTests {
    /// A TBX file with one new entry (with a language the collection lacks and a regional tag)
    /// and one that conflicts with the glossary's `arch-of-sorrow`.
    static let newAndConflicting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="ru">
          <text>
            <body>
              <termEntry id="dombra">
                <note>A two-stringed lute.</note>
                <langSet xml:lang="ru">
                  <tig>
                    <term>домбра</term>
                    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                  </tig>
                </langSet>
                <langSet xml:lang="kk"><tig><term>домбыра</term></tig></langSet>
                <langSet xml:lang="en-GB"><tig><term>dombra</term></tig></langSet>
                <langSet xml:lang="de"><tig><term>Dombra</term></tig></langSet>
              </termEntry>
              <termEntry id="arch">
                <langSet xml:lang="ru"><tig><term>Арка скорби</term></tig></langSet>
                <langSet xml:lang="en">
                  <tig><term>Arch of Grief</term></tig>
                </langSet>
              </termEntry>
            </body>
          </text>
        </martif>

        """

    @Test func ourOwnExportImportsAsANoOp() throws {
        let folder = try GlossaryExportTests.folder()
        let export = try CLIRun.run(["export", "glossary", "Captions"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let run = try CLIRun.run(["import", "Exports/glossary/glossary.tbx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Exports/glossary/glossary.tbx: 0 added, 3 identical, 0 conflicts\n")
        #expect(try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary)
    }

    @Test func theBundledMuseumsExportImportsAsANoOp() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let before = try folder.read("Captions/glossary.yml")
        let export = try CLIRun.run(["export", "glossary", "Captions", "--out", "out"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let run = try CLIRun.run(["import", "out/glossary.tbx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix("out/glossary.tbx: 0 added, ") && run.stdout.hasSuffix(" identical, 0 conflicts\n"))
        #expect(try folder.read("Captions/glossary.yml") == before)
    }

    @Test func aNewEntryIsAppendedAndAConflictIsReportedNotMerged() throws {
        let folder = try GlossaryExportTests.folder()
        try folder.write("new.tbx", Self.newAndConflicting)
        let run = try CLIRun.run(["import", "new.tbx"], in: folder.path)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                new.tbx:17:7: error: entry 'arch' shares the ru term 'Арка скорби' with glossary entry \
                'arch-of-sorrow' but differs: ru 'Арка скорби' here, 'Арка скорби | арка Скорби' in the glossary; \
                en 'Arch of Grief' here, 'Arch of Sorrow' (forbidden: Arch of Grief) in the glossary; the glossary \
                is not changed [glossary-conflict]
                Captions/glossary.yml:1:3: note: glossary entry 'arch-of-sorrow'
                new.tbx:15:9: warning: terms in 'de' are left out (here and in the rest of the file): it is not a \
                language of the collection (kk, ru, en); a region is dropped (kk-KZ is kk), a script never (kk-Latn \
                is not kk) [glossary-import]
                new.tbx: 1 added, 0 identical, 1 conflict
                wrote Captions/glossary.yml (1 entry added: dombra)

                """)
        #expect(
            try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary + """

                # Imported from new.tbx by captions import
                - id: dombra
                  kk: домбыра
                  ru: домбра
                  en: dombra
                  note: A two-stringed lute.

                """)
        // Importing it again adds nothing and still reports the conflict.
        let again = try CLIRun.run(["import", "new.tbx"], in: folder.path)
        #expect(again.status == 1)
        #expect(again.stdout.hasSuffix("new.tbx: 0 added, 1 identical, 1 conflict\n"))
    }

    /// A glossary saved on Windows (a byte order mark, CRLF line ends): the imported entry's
    /// lines end in CRLF too, after one blank line, and the glossary reads back.
    @Test func aWindowsGlossaryGetsItsOwnLineEndsForTheImportedEntry() throws {
        let windows = "\u{FEFF}" + GlossaryExportTests.glossary.replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try GlossaryExportTests.folder(glossary: windows)
        try folder.write("new.tbx", Self.newAndConflicting)
        let run = try CLIRun.run(["import", "new.tbx"], in: folder.path)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stdout.hasSuffix(
                "new.tbx: 1 added, 0 identical, 1 conflict\nwrote Captions/glossary.yml (1 entry added: dombra)\n"))
        let written = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/Captions/glossary.yml"))
        let appended = [
            "", "# Imported from new.tbx by captions import", "- id: dombra", "  kk: домбыра", "  ru: домбра",
            "  en: dombra", "  note: A two-stringed lute.",
        ]
        #expect(written == Data((windows + appended.map { $0 + "\r\n" }.joined()).utf8))
        let again = try CLIRun.run(["import", "new.tbx"], in: folder.path)
        #expect(again.stdout.hasSuffix("new.tbx: 0 added, 1 identical, 1 conflict\n"))
    }

    /// The museum removed an entry (committed in git) after exporting the TBX file the translator
    /// returns: the entry is not added back, and the warning names the commit.
    @Test func anEntryRemovedInAnEarlierCommitIsNotAddedBack() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("skipped: the removed-entry test needs git (/usr/bin/git)")
            return
        }
        let folder = try GlossaryExportTests.folder()
        func git(_ arguments: String...) throws -> String { try CLIRun.git(arguments, in: folder.path) }
        _ = try git("init", "-q")
        _ = try git("add", "Captions")
        _ = try git("commit", "-q", "-m", "The glossary")
        let export = try CLIRun.run(["export", "glossary", "Captions", "--out", "gl"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let kurt = "- id: kurt\n  ru: курт\n  en: kurt\n  note: \"Dried cheese, salty; keep the word\"\n"
        let withoutKurt = GlossaryExportTests.glossary.replacingOccurrences(of: kurt, with: "")
        try #require(withoutKurt != GlossaryExportTests.glossary)
        try folder.write("Captions/glossary.yml", withoutKurt)
        _ = try git("commit", "-q", "-a", "-m", "kurt is not a term of ours")
        let removal = try git("log", "-1", "--format=%h %cd", "--date=short").split(separator: " ")
        let tbx = try folder.read("gl/glossary.tbx").split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(tbx.firstIndex { $0.contains("<termEntry id=\"kurt\"") })
        let column = tbx[line].prefix { $0 == " " }.count + 1

        let run = try CLIRun.run(["import", "gl/glossary.tbx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                gl/glossary.tbx:\(line + 1):\(column): warning: an entry with id 'kurt' was removed from glossary.yml in \
                commit \(removal[0]) (\(removal[1])), so this entry is not added again; if it should come back, add it \
                to glossary.yml by hand [glossary-import]
                gl/glossary.tbx: 0 added, 2 identical, 0 conflicts, 1 skipped

                """)
        #expect(try folder.read("Captions/glossary.yml") == withoutKurt)
        // An entry added back by hand is the glossary's again: the TBX entry is identical to it.
        try folder.write("Captions/glossary.yml", GlossaryExportTests.glossary)
        let restored = try CLIRun.run(["import", "gl/glossary.tbx"], in: folder.path)
        #expect(restored.stdout == "gl/glossary.tbx: 0 added, 3 identical, 0 conflicts\n")
    }

    /// Terms tagged with another script of a collection language (kk-Latn, kk-Arab) are not that
    /// language: they are left out with a warning naming the tag at its first language section
    /// (they became allowed kk variants, the Arabic one preferred).
    @Test func termsInAnotherScriptAreLeftOutWithAWarning() throws {
        let folder = try GlossaryExportTests.folder()
        try folder.write(
            "latn.tbx",
            """
            <martif type="TBX-Basic" xml:lang="en"><text><body>
            <termEntry id="yurt"><langSet xml:lang="ru"><tig><term>юрта</term></tig></langSet>
            <langSet xml:lang="kk-Latn"><tig><term>kiiz üi</term></tig></langSet>
            <langSet xml:lang="kk-Arab"><tig><term>كيىز ٷي</term></tig></langSet>
            <langSet xml:lang="KK-kz"><tig><term>киіз үй</term></tig></langSet></termEntry>
            <termEntry id="dombra"><langSet xml:lang="ru"><tig><term>домбра</term></tig></langSet>
            <langSet xml:lang="kk-Latn"><tig><term>dombyra</term></tig></langSet></termEntry>
            </body></text></martif>

            """)
        let run = try CLIRun.run(["import", "latn.tbx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                latn.tbx:3:1: warning: terms in 'kk-Latn' are left out (here and in the rest of the file): it is not \
                a language of the collection (kk, ru, en); a region is dropped (kk-KZ is kk), a script never (kk-Latn \
                is not kk) [glossary-import]
                latn.tbx:4:1: warning: terms in 'kk-Arab' are left out (here and in the rest of the file): it is not \
                a language of the collection (kk, ru, en); a region is dropped (kk-KZ is kk), a script never (kk-Latn \
                is not kk) [glossary-import]
                latn.tbx: 2 added, 0 identical, 0 conflicts
                wrote Captions/glossary.yml (2 entries added: yurt, dombra)

                """)
        #expect(
            try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary + """

                # Imported from latn.tbx by captions import
                - id: yurt
                  kk: киіз үй
                  ru: юрта

                - id: dombra
                  ru: домбра

                """)
    }

    /// Translate Toolkit and Weblate start their TBX files with a DOCTYPE that names the MARTIF
    /// DTD (and no internal subset): such a file imports, the DTD unread.
    @Test func aTBXWithTheDoctypeOfTranslateToolkitAndWeblateImports() throws {
        let folder = try GlossaryExportTests.folder()
        try folder.write(
            "weblate.tbx",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
            <martif type="TBX" xml:lang="en">
              <text><body>
                <termEntry>
                  <langSet xml:lang="ru"><tig><term>домбра</term></tig></langSet>
                  <langSet xml:lang="kk"><tig><term>домбыра</term></tig></langSet>
                  <langSet xml:lang="en"><tig><term>dombra</term></tig></langSet>
                </termEntry>
                <termEntry>
                  <langSet xml:lang="ru"><tig><term>курт</term></tig></langSet>
                  <langSet xml:lang="en"><tig><term>kurt</term></tig></langSet>
                </termEntry>
              </body></text>
            </martif>

            """)
        let run = try CLIRun.run(["import", "weblate.tbx"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                weblate.tbx: 1 added, 1 identical, 0 conflicts
                wrote Captions/glossary.yml (1 entry added: dombra)

                """)
    }

    @Test func dryRunAndAtomicWriteNothing() throws {
        let folder = try GlossaryExportTests.folder()
        try folder.write("new.tbx", Self.newAndConflicting)
        let dry = try CLIRun.run(["import", "new.tbx", "--dry-run"], in: folder.path)
        #expect(dry.status == 1)
        #expect(
            dry.stdout.hasSuffix(
                "new.tbx: 1 added, 0 identical, 1 conflict\n"
                    + "dry run: Captions/glossary.yml would change; nothing written\n"
            ))
        let atomic = try CLIRun.run(["import", "new.tbx", "--atomic"], in: folder.path)
        #expect(atomic.status == 1)
        #expect(atomic.stdout.hasSuffix("nothing written: --atomic and 1 conflict\n"))
        #expect(try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary)
    }

    @Test(arguments: [
        (
            "<?xml version=\"1.0\"?>\n<martif>\n  <text><body>\n    <termEntry id=\"a\">\n  </body></text>\n</martif>\n",
            "bad.tbx:5:10: error: malformed XML: Opening and ending tag mismatch: "
                + "termEntry line 4 and body"
        ),
        (
            "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY x \"y\">]>\n<martif/>\n",
            "bad.tbx:2:1: error: a DOCTYPE with an internal subset ([...]) is refused (it can declare entities "
                + "that expand or read local files); only a DOCTYPE that names an external DTD (<!DOCTYPE martif "
                + "PUBLIC \"...\" \"...\">) is accepted, and that DTD is never read"
        ),
        (
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>\n",
            "bad.tbx:2:1: error: the root element is <xliff>, not <martif> or <tbx>: this is not a TBX file"
        ),
        (
            "<martif><text><body><termEntry><langSet xml:lang=\"ru\"><tig><term> </term></tig></langSet></termEntry>"
                + "</body></text></martif>",
            "bad.tbx:1:60: error: the term is empty"
        ),
        (
            "<martif><text><body><termEntry><langSet xml:lang=\"ru\"><tig><term>Арка&#x85;скорби</term></tig>"
                + "</langSet></termEntry></body></text></martif>",
            "bad.tbx:1:60: error: the term holds the control character U+0085, which a glossary cannot hold; "
                + "remove it in the terminology tool"
        ),
        (
            "<martif><text><body><termEntry><langSet xml:lang=\"ru\"><tig><term>Арка</term></tig></langSet>\n"
                + "<descrip type=\"definition\">a&#13;note</descrip></termEntry></body></text></martif>",
            "bad.tbx:2:1: error: the note holds the control character U+000D, which a glossary cannot hold; "
                + "remove it in the terminology tool"
        ),
    ])
    func aMalformedFileIsOneLocatedLineAndChangesNothing(_ tbx: String, _ error: String) throws {
        let folder = try GlossaryExportTests.folder()
        try folder.write("bad.tbx", tbx)
        let run = try CLIRun.run(["import", "bad.tbx"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix(error), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary)
    }

    @Test func tbxAndXLIFFTogetherAreAUsageError() throws {
        let folder = try GlossaryExportTests.folder()
        let run = try CLIRun.run(["import", "a.tbx", "b.xlf"], in: folder.path)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Import TBX glossaries and XLIFF files in separate runs."))
    }
}
