import Foundation
import Testing

@testable import CaptionKit

/// The editor's operations of the front door: one exhibit's check, a draft's check, the save
/// with its digest precondition, and the import of an upload.
@Suite struct FrontDoorTests {
    static let config = """
        languages: [kk, ru, en]
        source: ru
        fields:
          title: { required: true, max-chars: 12 }
          text: { required: true }
        """

    static let wagon = """
        id: wagon
        title:
          kk: Вагон
          ru: Вагон
          en: Wagon
        text:
          ru: Вагон 1937 года.
          en: A wagon of 1937.

        """

    static let kurt = """
        id: kurt
        title:
          kk: Құрт
          ru: Курт
          en: Kurt
        text:
          kk: Құрт.
          ru: Курт.
          en: Kurt.

        """

    func collection() throws -> TestCollection {
        try TestCollection(files: [("park/wagon.yml", Self.wagon), ("park/kurt.yml", Self.kurt)], config: Self.config)
    }

    @Test func oneExhibitsCheckIsWhatTheWholeCheckReportsInItsFile() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let whole = try CaptionChecker.run(CheckRequest(path: fixture.root), on: loaded).diagnostics
        let wagonPath = try #require(loaded.exhibits.first { $0.id == "wagon" }).path
        let one = try CaptionChecker.check(exhibit: "wagon", in: loaded)
        #expect(one.findings == whole.filter { $0.location.path == wagonPath })
        #expect(one.findings.map(\.checkID) == ["missing-translation"])
        #expect(one.findings.first?.language == "kk")
        #expect(try CaptionChecker.check(exhibit: "kurt", in: loaded).findings.isEmpty)
        #expect(
            one.lengths.map { "\($0.field).\($0.language)=\($0.characters)/\($0.limit.map(String.init) ?? "-")" }
                == [
                    "title.kk=5/12", "title.ru=5/12", "title.en=5/12", "text.kk=0/-", "text.ru=16/-", "text.en=16/-",
                ])
    }

    @Test func anExhibitSharingItsIDGetsTheWholeChecksFindings() throws {
        let fixture = try TestCollection(
            files: [
                ("park/wagon.yml", Self.wagon), ("park/kurt.yml", Self.kurt),
                ("yard/wagon.yml", Self.wagon), ("yard/zz.yml", Self.wagon),
            ], config: Self.config)
        let loaded = try fixture.load()
        let whole = try CaptionChecker.run(CheckRequest(path: fixture.root), on: loaded).diagnostics
        for exhibit in loaded.exhibits {
            let one = try CaptionChecker.check(loaded.exhibits.first { $0.path == exhibit.path }!, in: loaded)
            #expect(one.findings == whole.filter { $0.location.path == exhibit.path })
        }
        #expect(whole.filter { $0.checkID == "duplicate-id" }.count == 2)
    }

    @Test func aDraftIsCheckedWithoutWritingAnything() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let draft = ExhibitDraft(
            id: "wagon", texts: ["text": ["kk": "1938 жылғы вагон."], "title": ["en": "A very long wagon title"]])
        let result = try CaptionChecker.check(draft: draft, in: loaded)
        #expect(result.findings.map(\.checkID).sorted() == ["number-mismatch", "too-long"])
        let tooLong = try #require(result.findings.first { $0.checkID == "too-long" })
        #expect(tooLong.location.line == 5)
        #expect(result.lengths.first { $0.field == "title" && $0.language == "en" }?.characters == 23)
        #expect(try fixture.read("park/wagon.yml") == Self.wagon)
        #expect(throws: CaptionError.self) { try CaptionChecker.check(exhibit: "wagn", in: loaded) }
    }

    @Test func aSaveChangesOnlyTheEditedLinesAndRecordsTheSource() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let path = fixture.root + "/park/wagon.yml"
        let digest = try CaptionEditor.digest(ofFileAt: path)
        let saved = try CaptionEditor.save(
            [
                TranslationEdit(field: "text", language: "kk", text: "1937 жылғы вагон."),
                TranslationEdit(field: "title", language: "ru", text: "Вагон"),
            ], exhibit: "wagon", in: loaded, expectedDigest: digest)
        #expect(saved.changed == [TranslationEdit(field: "text", language: "kk", text: "1937 жылғы вагон.")])
        let fingerprint = SourceFingerprint.of("Вагон 1937 года.")
        let expected =
            Self.wagon.replacingOccurrences(
                of: "text:\n  ru:", with: "text:\n  kk: \"1937 жылғы вагон.\"\n  ru:")
            + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
            + "  text: { kk: \(fingerprint) }\n"
        #expect(try fixture.read("park/wagon.yml") == expected)
        #expect(saved.digest == (try CaptionEditor.digest(ofFileAt: path)))
        #expect(try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics.isEmpty)
    }

    @Test func aSourceEditMakesTranslationsWithoutARecordStaleFromTheSourceTheyStoodBeside() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let path = fixture.root + "/park/kurt.yml"
        // Written by hand: no record. The draft changes the Russian text, and the English with it:
        // its check finds the Kazakh stale, as the saved file will be.
        let draft = ["text": ["ru": "Курт — сушёный сыр.", "en": "Kurt is dried cheese."]]
        let checked = try CaptionChecker.check(draft: ExhibitDraft(id: "kurt", texts: draft), in: loaded)
        #expect(
            checked.findings.filter { $0.checkID == "stale-translation" }.map {
                "\($0.field ?? "") \($0.language ?? "")"
            }
                == ["text kk"])
        let unchanged = try CaptionChecker.check(
            draft: ExhibitDraft(id: "kurt", texts: ["text": ["ru": "Курт."]]), in: loaded)
        #expect(!unchanged.findings.contains { $0.checkID == "stale-translation" })
        _ = try CaptionEditor.save(
            [
                TranslationEdit(field: "text", language: "ru", text: "Курт — сушёный сыр."),
                TranslationEdit(field: "text", language: "en", text: "Kurt is dried cheese."),
            ], exhibit: "kurt", in: loaded, expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        // kk: made from the text it stood beside ("Курт."), so stale now; en: from the new one.
        #expect(
            try fixture.read("park/kurt.yml")
                == Self.kurt.replacingOccurrences(
                    of: "  ru: Курт.\n  en: Kurt.", with: "  ru: Курт — сушёный сыр.\n  en: Kurt is dried cheese.")
                + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  text: { kk: \(SourceFingerprint.of("Курт.")), en: \(SourceFingerprint.of("Курт — сушёный сыр.")) }\n"
        )
        let stale = try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics.filter {
            $0.checkID == "stale-translation"
        }
        #expect(stale.map { "\($0.exhibitID ?? "") \($0.field ?? "") \($0.language ?? "")" } == ["kurt text kk"])
    }

    @Test func aTranslationSavedWithTheSourceItWasWrittenBesideIsRecordedAsMadeFromItAndIsStale() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let path = fixture.root + "/park/wagon.yml"
        // The Kazakh text was typed beside an earlier Russian one; the file's is another now.
        let earlier = "Вагон 1938 года."
        _ = try CaptionEditor.save(
            [
                TranslationEdit(field: "text", language: "kk", text: "1938 жылғы вагон.", translatedFrom: earlier),
                TranslationEdit(field: "title", language: "en", text: "The wagon", translatedFrom: "Вагон"),
            ], exhibit: "wagon", in: loaded, expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(
            try fixture.read("park/wagon.yml").hasSuffix(
                "  title: { en: \(SourceFingerprint.of("Вагон")) }\n  text: { kk: \(SourceFingerprint.of(earlier)) }\n")
        )
        let stale = try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics.filter {
            $0.checkID == "stale-translation"
        }
        #expect(stale.map { "\($0.exhibitID ?? "") \($0.field ?? "") \($0.language ?? "")" } == ["wagon text kk"])
        // The same save editing the source: the translation is made from that edit.
        let reloaded = try fixture.load()
        _ = try CaptionEditor.save(
            [
                TranslationEdit(field: "text", language: "ru", text: earlier),
                TranslationEdit(field: "text", language: "kk", text: "1938 жылғы вагон!", translatedFrom: "Вагон."),
            ], exhibit: "wagon", in: reloaded, expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        // (The English, with no record, is recorded as made from the Russian it stood beside.)
        let english = SourceFingerprint.of("Вагон 1937 года.")
        #expect(
            try fixture.read("park/wagon.yml").hasSuffix(
                "  text: { kk: \(SourceFingerprint.of(earlier)), en: \(english) }\n"))
    }

    /// Typed while the source was still empty, saved onto a version that has one: recorded as
    /// made from the empty source, so it is stale (it was never written against that source).
    @Test func aTranslationTypedBesideAnEmptySourceIsStaleOnceTheSourceIsThere() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let path = fixture.root + "/park/wagon.yml"
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "title", language: "en", text: "The wagon", translatedFrom: "")],
            exhibit: "wagon", in: loaded, expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(try fixture.read("park/wagon.yml").hasSuffix("  title: { en: \(SourceFingerprint.of("")) }\n"))
        let stale = try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics.filter {
            $0.checkID == "stale-translation"
        }
        #expect(stale.map { "\($0.exhibitID ?? "") \($0.field ?? "") \($0.language ?? "")" } == ["wagon title en"])
    }

    @Test func aSaveOverAChangedFileIsAConflictAndWritesNothing() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let path = fixture.root + "/park/wagon.yml"
        let digest = try CaptionEditor.digest(ofFileAt: path)
        let changedElsewhere = Self.wagon.replacingOccurrences(of: "en: Wagon", with: "en: The wagon")
        try fixture.write("park/wagon.yml", changedElsewhere)
        #expect(throws: CaptionError.conflict(path: path)) {
            try CaptionEditor.save(
                [TranslationEdit(field: "text", language: "kk", text: "Вагон.")], exhibit: "wagon", in: loaded,
                expectedDigest: digest)
        }
        #expect(try fixture.read("park/wagon.yml") == changedElsewhere)
        #expect(
            CaptionError.conflict(path: path).description
                == "\(path): error: the file changed on disk since it was read (another command or the editor wrote it); nothing was written: run the command again"
        )
        #expect(throws: CaptionError.self) {
            try CaptionEditor.save(
                [TranslationEdit(field: "titel", language: "kk", text: "x")], exhibit: "wagon", in: loaded,
                expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        }
    }

    /// A text with a control character is refused and nothing is written: the XLIFF export
    /// cannot carry it, so the translator's unit came back as a conflict on every import.
    @Test(arguments: ["\u{1B}]0;x\u{07}", "\u{0}", "a\rb", "\u{85}"])
    func aSaveOfAControlCharacterIsRefused(_ text: String) throws {
        let fixture = try collection()
        let path = fixture.root + "/park/wagon.yml"
        let name = text.unicodeScalars.first(where: Normalization.isControl)!.codePoint
        #expect(
            throws: CaptionError.invalidArgument(
                "title (ru) has the control character \(name), which cannot be printed or sent to translators; "
                    + "remove it")
        ) {
            try CaptionEditor.save(
                [TranslationEdit(field: "title", language: "ru", text: "Вагон" + text)], exhibit: "wagon",
                in: try fixture.load(), expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        }
        #expect(try fixture.read("park/wagon.yml") == Self.wagon)
        // A line break and a tab are text.
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "title", language: "ru", text: "Вагон\n1937\tгода")], exhibit: "wagon",
            in: try fixture.load(), expectedDigest: try CaptionEditor.digest(ofFileAt: path))
    }

    @Test func anEditedSourceMakesItsTranslationsStale() throws {
        let fixture = try collection()
        let path = fixture.root + "/park/kurt.yml"
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "text", language: "kk", text: "Құрт — ірімшік.")], exhibit: "kurt",
            in: try fixture.load(), expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(try CaptionChecker.check(exhibit: "kurt", in: fixture.load()).findings.isEmpty)
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "text", language: "ru", text: "Курт — сыр.")], exhibit: "kurt",
            in: try fixture.load(), expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        // kk was saved from the old source; en, written by hand, stood beside it: both are stale.
        let findings = try CaptionChecker.check(exhibit: "kurt", in: fixture.load()).findings
        #expect(findings.map(\.checkID) == ["stale-translation", "stale-translation"])
        #expect(findings.map(\.language) == ["kk", "en"])
    }

    @Test func anUploadImportsAsTheSameFileWould() throws {
        let museum = try copyOfBundledMuseum()
        try XLIFFImportTests.removeTranslation(
            "memorial-park/stalin-wagon.yml", field: "text", language: "kk", in: museum)
        let file = try #require(try XLIFFImportTests.export(museum, .v1_2, needed: true).first)
        let filled = try fillingTargets(file.data) { _ in "Вагон." }
        let before = try snapshotOfFiles(in: museum.root)
        let dry = try XLIFFImporter.run(
            upload: filled, named: "ru-kk.xlf", options: XLIFFImportOptions(files: [], dryRun: true),
            on: try museum.load())
        #expect(dry.files.map(\.applied) == [1])
        #expect(dry.files.map(\.path) == ["ru-kk.xlf"])
        #expect(try snapshotOfFiles(in: museum.root) == before)
        let applied = try XLIFFImporter.run(
            upload: filled, named: "ru-kk.xlf", options: XLIFFImportOptions(files: []), on: try museum.load())
        #expect(applied.written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["stalin-wagon.yml"])
        let wagon = try #require(try museum.load().exhibits.first { $0.id == "stalin-wagon" })
        #expect(wagon.field("text")?.translation("kk")?.text == "Вагон.")
        let unsafe = Data("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<xliff/>".utf8)
        #expect(throws: CaptionError.self) {
            try XLIFFImporter.run(
                upload: unsafe, named: "bad.xlf", options: XLIFFImportOptions(files: []), on: try museum.load())
        }
        #expect(throws: CaptionError.self) {
            try XLIFFImporter.run(
                upload: filled, named: "big.xlf", options: XLIFFImportOptions(files: [], maximumSize: 100),
                on: try museum.load())
        }
    }

    /// A file changed on disk after the collection was loaded (a colleague's edit) is not
    /// written over: the units were compared with the texts as loaded.
    @Test(arguments: ["ru", "kk"])
    func anUploadIntoAFileChangedSinceTheLoadIsAConflict(changedLanguage: String) throws {
        let museum = try copyOfBundledMuseum()
        try XLIFFImportTests.removeTranslation(
            "memorial-park/stalin-wagon.yml", field: "text", language: "kk", in: museum)
        let file = try #require(try XLIFFImportTests.export(museum, .v1_2, needed: true).first)
        let filled = try fillingTargets(file.data) { _ in "Вагон." }
        let loaded = try museum.load()
        let path = museum.root + "/memorial-park/stalin-wagon.yml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if changedLanguage == "ru" {
            text = text.replacingOccurrences(of: "  ru: |\n    ", with: "  ru: |\n    Ещё одно предложение. ")
        } else {
            text = text.replacingOccurrences(of: "text:\n", with: "text:\n  kk: Коллеганың аудармасы.\n")
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try snapshotOfFiles(in: museum.root)
        #expect(throws: CaptionError.conflict(path: loaded.exhibits.first { $0.id == "stalin-wagon" }!.path)) {
            try XLIFFImporter.run(
                upload: filled, named: "ru-kk.xlf", options: XLIFFImportOptions(files: []), on: loaded)
        }
        #expect(try snapshotOfFiles(in: museum.root) == before)
        // Loaded again, the collection has the colleague's text: a changed source is the
        // unit's conflict; a translation is replaced by the returned one, as any import does.
        let again = try XLIFFImporter.run(
            upload: filled, named: "ru-kk.xlf", options: XLIFFImportOptions(files: [], dryRun: true),
            on: try museum.load())
        #expect(again.files.map(\.conflicts) == [changedLanguage == "ru" ? 1 : 0])
        #expect(again.files.map(\.applied) == [changedLanguage == "ru" ? 0 : 1])
    }
}
