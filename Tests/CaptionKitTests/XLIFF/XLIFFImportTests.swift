import Foundation
import Testing

@testable import CaptionKit

@Suite struct XLIFFImportTests {
    /// Removes `language` of `field` from a caption file of `collection`, by text.
    static func removeTranslation(
        _ relativePath: String, field: String, language: String, in collection: TestCollection
    ) throws {
        let text = try collection.read(relativePath)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let fieldLine = lines.firstIndex(of: field + ":"),
            let start = lines[(fieldLine + 1)...].firstIndex(where: { $0.hasPrefix("  \(language):") })
        else { throw CaptionError.invalidArgument("no \(field).\(language) in \(relativePath)") }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") || lines[end].isEmpty { end += 1 }
        lines.removeSubrange(start..<end)
        try collection.write(relativePath, lines.joined(separator: "\n"))
    }

    /// Imports an XLIFF 1.2 file (written as `.returned.xlf` in `museum`) with one unit, the
    /// title of `kurt-story` translated as `target` (XML as written); its path and the report.
    static func importTitle(target: String, into museum: TestCollection) throws -> (
        path: String, report: XLIFFImportReport
    ) {
        let path = museum.root + "/.returned.xlf"
        try Data(
            XLIFFReaderTests.document12(
                "      <trans-unit id=\"kurt-story.title\"><source>Не камни, а курт</source>"
                    + "<target>\(target)</target></trans-unit>\n"
            ).utf8
        ).write(to: URL(fileURLWithPath: path))
        return (path, try XLIFFImporter.run(XLIFFImportOptions(files: [path]), collectionPath: museum.root))
    }

    /// Exports `collection` for every target language into its hidden `.exports` folder (the
    /// loader skips hidden folders; the folder goes away with the collection).
    static func export(
        _ collection: TestCollection, _ version: XLIFFVersion, needed: Bool = false, prefill: Bool = false
    )
        throws -> [XLIFFExportFile]
    {
        let result = try XLIFFExporter.export(
            try collection.load(),
            options: XLIFFExportOptions(
                version: version, onlyNeeded: needed, prefillTarget: prefill,
                outputFolder: collection.root + "/.exports"))
        try XLIFFExporter.write(result)
        return result.files
    }

    @Test(arguments: XLIFFVersion.allCases)
    func reimportingAnUnchangedExportChangesNoByte(_ version: XLIFFVersion) throws {
        let museum = try copyOfBundledMuseum()
        try Self.removeTranslation("memorial-park/stalin-wagon.yml", field: "text", language: "kk", in: museum)
        let before = try snapshotOfFiles(in: museum.root)
        for prefill in [false, true] {
            let files = try Self.export(museum, version, prefill: prefill)
            let report = try XLIFFImporter.run(
                XLIFFImportOptions(files: files.map(\.path)), collectionPath: museum.root)
            #expect(report.problems.isEmpty)
            #expect(report.written.isEmpty)
            #expect(report.files.map(\.applied) == [0, 0])
            #expect(report.files.map(\.skipped) == [1, 0])
            #expect(try snapshotOfFiles(in: museum.root) == before)
        }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func filledTargetsComeBackExactlyAndOnlyTheirLinesChange(_ version: XLIFFVersion) throws {
        let museum = try copyOfBundledMuseum()
        try Self.removeTranslation("memorial-park/stalin-wagon.yml", field: "text", language: "kk", in: museum)
        try Self.removeTranslation("memorial-park/stalin-wagon.yml", field: "title", language: "en", in: museum)
        try Self.removeTranslation("museum-second-floor/kurt-story.yml", field: "title", language: "kk", in: museum)
        let edited = try museum.read("memorial-park/stalin-wagon.yml")
        let files = try Self.export(museum, version, needed: true, prefill: version == .v1_2)
        #expect(files.map(\.unitCount) == [2, 1])
        let translations = [" leading and trailing  ", "Two\nlines & <tags>", "Ends with a newline\n"]
        var next = 0
        for file in files {
            let filled = try fillingTargets(file.data) { _ in
                defer { next += 1 }
                return translations[next % translations.count]
            }
            try filled.write(to: URL(fileURLWithPath: file.path))
        }
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: files.map(\.path)), collectionPath: museum.root)
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.applied) == [2, 1])
        #expect(
            report.written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["stalin-wagon.yml", "kurt-story.yml"])
        let collection = try museum.load()
        let wagon = try #require(collection.exhibits.first { $0.id == "stalin-wagon" })
        let kurt = try #require(collection.exhibits.first { $0.id == "kurt-story" })
        #expect(wagon.field("text")?.translation("kk")?.text == translations[0])
        #expect(wagon.field("title")?.translation("en")?.text == translations[2])
        #expect(kurt.field("title")?.translation("kk")?.text == translations[1])
        // Every line of the edited file is still there, in order; the new ones are the translations and the record.
        let after = try museum.read("memorial-park/stalin-wagon.yml")
        var remaining = after.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in edited.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let found = remaining.firstIndex(of: line) else {
                Issue.record("line lost: \(line)")
                break
            }
            remaining = remaining[(found + 1)...]
        }
        #expect(TranslationTracker.staleTranslations(in: wagon, config: collection.config).isEmpty)
        #expect(
            TranslationTracker.state(of: wagon, field: "text", language: "kk", config: collection.config) == .translated
        )
        // The English text, which the import did not touch, keeps the record the museum has.
        #expect(
            TranslationTracker.state(of: wagon, field: "text", language: "en", config: collection.config) == .translated
        )
        // Importing the same answers again changes nothing.
        let again = try snapshotOfFiles(in: museum.root)
        let second = try XLIFFImporter.run(XLIFFImportOptions(files: files.map(\.path)), collectionPath: museum.root)
        #expect(second.written.isEmpty && second.files.map(\.unchanged) == [2, 1])
        #expect(try snapshotOfFiles(in: museum.root) == again)
    }

    /// The museum with kurt-story's kk title removed, exported for kk, the target filled, and then
    /// the Russian title edited by a curator.
    static func conflictSetup() throws -> (museum: TestCollection, file: String) {
        let museum = try copyOfBundledMuseum()
        try removeTranslation("museum-second-floor/kurt-story.yml", field: "title", language: "kk", in: museum)
        try removeTranslation("museum-second-floor/kurt-story.yml", field: "text", language: "kk", in: museum)
        let files = try export(museum, .v1_2, needed: true)
        let kk = try #require(files.first { $0.targetLanguage == "kk" })
        try fillingTargets(kk.data) { "KK " + $0 }.write(to: URL(fileURLWithPath: kk.path))
        let text = try museum.read("museum-second-floor/kurt-story.yml")
        try museum.write(
            "museum-second-floor/kurt-story.yml",
            text.replacingOccurrences(of: "ru: Не камни, а курт", with: "ru: Не камни — курт"))
        return (museum, kk.path)
    }

    /// An import interrupted between writing and renaming leaves temporaries beside the
    /// caption files; the next import that writes into that folder removes them.
    @Test func anImportRemovesTemporariesAnInterruptedImportLeft() throws {
        let museum = try copyOfBundledMuseum()
        try Self.removeTranslation("memorial-park/stalin-wagon.yml", field: "title", language: "en", in: museum)
        try museum.write("memorial-park/.captions-Ab3xZ9.tmp", "id: half-written\n")
        try museum.write("museum-second-floor/.captions-Ab3xZ9.tmp", "id: elsewhere\n")
        let files = try Self.export(museum, .v1_2, needed: true)
        let filled = try fillingTargets(try #require(files.first { $0.targetLanguage == "en" }).data) { _ in
            "Stalin wagon"
        }
        let path = try #require(files.first { $0.targetLanguage == "en" }).path
        try filled.write(to: URL(fileURLWithPath: path))
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [path]), collectionPath: museum.root)
        #expect(report.files.map(\.applied) == [1])
        #expect(!FileManager.default.fileExists(atPath: museum.root + "/memorial-park/.captions-Ab3xZ9.tmp"))
        // Only folders the import writes into are cleaned.
        #expect(FileManager.default.fileExists(atPath: museum.root + "/museum-second-floor/.captions-Ab3xZ9.tmp"))
    }

    @Test func aSourceEditedAfterExportIsAConflictAndTheRestIsApplied() throws {
        let (museum, file) = try Self.conflictSetup()
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(report.failed)
        #expect(report.files.map(\.applied) == [1])
        #expect(report.files.map(\.conflicts) == [1])
        let path = museum.root + "/museum-second-floor/kurt-story.yml"
        #expect(
            report.problems.map(\.formatted) == [
                """
                \(path):3:7: error: title (kk) of kurt-story was not imported: its ru source changed after the \
                export [import-conflict]
                """
            ])
        #expect(
            report.problems.first?.notes.map(\.message) == [
                "the translation was made from \"Не камни, а курт\"", "the source is now \"Не камни — курт\"",
            ])
        let kurt = try #require(try museum.load().exhibits.first { $0.id == "kurt-story" })
        #expect(kurt.field("title")?.translation("kk") == nil)
        #expect(kurt.field("text")?.translation("kk")?.text.hasPrefix("KK Жители") == true)
    }

    @Test func atomicWritesNothingWhenAnyUnitFails() throws {
        let (museum, file) = try Self.conflictSetup()
        let before = try snapshotOfFiles(in: museum.root)
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file], atomic: true), collectionPath: museum.root)
        #expect(report.heldBack && report.written.isEmpty && report.failed)
        #expect(report.text.hasSuffix("nothing written: --atomic and 1 problem\n"))
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    @Test func dryRunWritesNothing() throws {
        let (museum, file) = try Self.conflictSetup()
        let before = try snapshotOfFiles(in: museum.root)
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file], dryRun: true), collectionPath: museum.root)
        #expect(report.written == [museum.root + "/museum-second-floor/kurt-story.yml"])
        #expect(report.text.hasSuffix("dry run: 1 caption file would change; nothing written\n"))
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    /// Files are edited and written to temporaries on all cores; a file that cannot be edited
    /// (here the last in path order) stops the import, and the temporaries already written for
    /// the others are removed: no caption file changes and nothing is left beside them.
    @Test func aFileThatCannotBeEditedLeavesNoTemporariesBehind() throws {
        let config = "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n"
        var files = (0..<40).map { ("g/a\($0 + 10).yml", "id: a\($0 + 10)\ntitle:\n  ru: Курт\n") }
        files.append(("g/z.yml", "id: z\ntitle: { ru: Курт, en: Kurt }\n"))
        let collection = try TestCollection(files: files, config: config)
        let units = (files.map { $0.0.dropFirst(2).dropLast(4) }).map {
            "      <trans-unit id=\"\($0).title\"><source>Курт</source><target>Құрт</target></trans-unit>\n"
        }.joined()
        let xliff = collection.root + "/.units.xlf"
        try Data(XLIFFReaderTests.document12(units).utf8).write(to: URL(fileURLWithPath: xliff))
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: collection.root + "/g/z.yml", line: 2, column: 1),
                "title in g/z.yml is not written as one 'language: text' entry per line; add the translation by hand")
        ) {
            _ = try XLIFFImporter.run(XLIFFImportOptions(files: [xliff]), collectionPath: collection.root)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: collection.root + "/g")
        #expect(left.sorted() == files.map { String($0.0.dropFirst(2)) }.sorted())
        #expect(try collection.read("g/a10.yml") == "id: a10\ntitle:\n  ru: Курт\n")
    }

    /// Writes an XLIFF 1.2 file with one unit as a hidden file in the collection folder.
    static func singleUnitFile(
        in museum: TestCollection, id: String, source: String, target: String, language: String = "kk"
    )
        throws -> String
    {
        let path = museum.root + "/.unit.xlf"
        try Data(
            XLIFFReaderTests.document12(
                "      <trans-unit id=\"\(id)\"><source>\(source)</source><target>\(target)</target></trans-unit>\n",
                target: language
            ).utf8
        ).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aUnitIDThatNamesNoExhibitIsALocatedErrorAndNothingChanges() throws {
        let museum = try copyOfBundledMuseum()
        let before = try snapshotOfFiles(in: museum.root)
        let file = try Self.singleUnitFile(in: museum, id: "no-such-exhibit.title", source: "А", target: "Б")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(
            report.problems.map(\.formatted) == [
                "\(file):5:7: error: unit 'no-such-exhibit.title' names no exhibit of \(museum.root) [unknown-unit]"
            ])
        #expect(report.files.map(\.unknown) == [1])
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    @Test(arguments: [
        ("kurt-story", "names no exhibit of ROOT"), ("kurt-story.title.extra", "names no exhibit of ROOT"),
        ("KURT-STORY.title", "names no exhibit of ROOT"),
        (
            "kurt-story.subtitle",
            "names no ru 'subtitle' text of exhibit kurt-story (ROOT/museum-second-floor/kurt-story.yml)"
        ),
        (
            "kurt-story.credit",
            "names no ru 'credit' text of exhibit kurt-story (ROOT/museum-second-floor/kurt-story.yml)"
        ),
    ])
    func idsThatNameNoCaptionAreUnknown(_ id: String, _ message: String) throws {
        let museum = try copyOfBundledMuseum()
        let file = try Self.singleUnitFile(in: museum, id: id, source: "Не камни, а курт", target: "Тас емес")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(
            report.problems.map(\.message) == [
                "unit '\(id)' " + message.replacingOccurrences(of: "ROOT", with: museum.root)
            ])
        #expect(report.written.isEmpty)
    }

    @Test(arguments: [
        ("de", "ru", "the XLIFF target language 'de' is not a target language of the collection (kk, en)"),
        ("ru", "ru", "the XLIFF target language 'ru' is not a target language of the collection (kk, en)"),
        (
            "kk-Latn-KZ", "ru",
            "the XLIFF target language 'kk-Latn-KZ' is not a target language of the collection (kk, en)"
        ),
    ])
    func aWrongTargetLanguageStopsTheImport(_ target: String, _ source: String, _ message: String) throws {
        let museum = try copyOfBundledMuseum()
        let before = try snapshotOfFiles(in: museum.root)
        let file = try Self.singleUnitFile(
            in: museum, id: "kurt-story.title", source: "Не камни, а курт", target: "X", language: target)
        #expect(throws: CaptionError.invalidInput(SourceLocation(path: file, line: 3, column: 3), message)) {
            try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        }
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    @Test(arguments: ["kk-KZ", "KK_kz", "kk-398"])
    func aRegionAddedByTheToolNamesTheCollectionLanguage(_ target: String) throws {
        let museum = try copyOfBundledMuseum()
        let file = try Self.singleUnitFile(
            in: museum, id: "kurt-story.title", source: "Не камни, а курт", target: "Тас емес, бұл құрт",
            language: target)
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.applied) == [1])
        let caption = try String(
            contentsOfFile: museum.root + "/museum-second-floor/kurt-story.yml", encoding: .utf8)
        #expect(caption.contains("  kk: Тас емес, бұл құрт\n"))
    }

    @Test func languageTagsOfCATToolsNameTheCollectionLanguageWithoutDroppingAScript() {
        let languages = ["kk", "ru", "en", "kk-Latn"]
        #expect(Language.matching("KK", in: languages) == "kk")
        #expect(Language.matching("kk-KZ", in: languages) == "kk")
        #expect(Language.matching("ru_RU", in: languages) == "ru")
        #expect(Language.matching("en-GB", in: languages) == "en")
        #expect(Language.matching("en-001", in: languages) == "en")
        #expect(Language.matching("kk-Latn-KZ", in: languages) == "kk-Latn")
        #expect(Language.matching("kk-Latn-KZ", in: ["kk"]) == nil)
        #expect(Language.matching("kk-Cyrl", in: ["kk"]) == nil)
        #expect(Language.matching("de-DE", in: languages) == nil)
    }

    @Test func aBadFileAnywhereStopsTheImportBeforeAnyWrite() throws {
        let (museum, good) = try Self.conflictSetup()
        let before = try snapshotOfFiles(in: museum.root)
        let bad = museum.root + "/.bad.xlf"
        try Data("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"/etc/passwd\">]><xliff>&e;</xliff>".utf8)
            .write(to: URL(fileURLWithPath: bad))
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: bad, line: 2, column: 1), XMLStreamReader.doctypeMessage)
        ) {
            try XLIFFImporter.run(XLIFFImportOptions(files: [good, bad]), collectionPath: museum.root)
        }
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    @Test func inlineCodesRefuseTheUnit() throws {
        let museum = try copyOfBundledMuseum()
        let file = try Self.singleUnitFile(
            in: museum, id: "kurt-story.title", source: "Не камни, а курт", target: "Тас <x id=\"1\"/> емес")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(report.files.map(\.refused) == [1])
        #expect(report.problems.first?.checkID == "unsupported-markup")
        #expect(report.written.isEmpty)
    }

    /// A dry-run import of copies of the bundled museum's kk export, in `order`: copy `i` has the
    /// title of `kurt-story` translated as `targets[i]`, or as exported when that is empty;
    /// `curatorEdit` changes that caption's text after the export.
    static func importCopiesOfKurtTitle(_ targets: [String], order: [Int], curatorEdit: Bool) throws
        -> XLIFFImportReport
    {
        let museum = try copyOfBundledMuseum()
        let exported = try #require(try Self.export(museum, .v1_2).first { $0.targetLanguage == "kk" })
        let text = String(decoding: exported.data, as: UTF8.self)
        #expect(text.contains(">Тас емес, құрт</target>"))
        let files = targets.enumerated().map { index, target in
            let path = museum.root + "/.copy\(index).xlf"
            let copy = target.isEmpty ? text : text.replacingOccurrences(of: ">Тас емес, құрт<", with: ">\(target)<")
            FileManager.default.createFile(atPath: path, contents: Data(copy.utf8))
            return path
        }
        if curatorEdit {
            let caption = try museum.read("museum-second-floor/kurt-story.yml")
            try museum.write(
                "museum-second-floor/kurt-story.yml",
                caption.replacingOccurrences(of: "kk: Тас емес, құрт", with: "kk: Тас емес, құрт!"))
        }
        return try XLIFFImporter.run(
            XLIFFImportOptions(files: order.map { files[$0] }, dryRun: true), collectionPath: museum.root)
    }

    /// Two returned files with the same unit, one as it was exported and one with a new target:
    /// the new target is applied and nothing conflicts, in either order of the files, also
    /// when a curator changed the caption since the export (then one warning names the text
    /// replaced); two different new targets conflict in either order, and replace nothing.
    @Test func aCopyReturnedAsExportedNeverDisputesAChangeWhateverTheOrder() throws {
        for curatorEdit in [false, true] {
            for order in [[0, 1], [1, 0], [1, 2], [2, 1]] {
                let report = try Self.importCopiesOfKurtTitle(
                    ["", "Тас емес — құрт", "Тас та емес, құрт"], order: order, curatorEdit: curatorEdit)
                let title = report.changes.filter { $0.exhibit == "kurt-story" && $0.field == "title" }
                if order.contains(0) {
                    #expect(report.problems.isEmpty, "\(order) \(curatorEdit)")
                    #expect(
                        report.warnings.map(\.checkID) == (curatorEdit ? ["newer-text-replaced"] : []),
                        "\(order) \(curatorEdit)")
                    #expect(title.map(\.after) == ["Тас емес — құрт"])
                    #expect(report.files.map(\.conflicts) == [0, 0])
                } else {
                    #expect(report.problems.map(\.checkID) == ["import-conflict"])
                    #expect(report.warnings.isEmpty, "\(order) \(curatorEdit)")
                    #expect(title.isEmpty)
                    #expect(report.files.map(\.conflicts) == [1, 1])
                }
            }
        }
    }

    /// After a curator's edit, a copy returned as exported keeps the newer text with one
    /// `newer-text-kept` warning however many such copies come back, and none when two other
    /// copies change the unit differently (the conflict is the error said), in any order.
    @Test func aKeptWarningIsSaidOncePerUnitAndNotForAConflict() throws {
        for order in [[0, 3], [0, 1, 2], [1, 0, 2], [1, 2, 0], [3, 1, 0, 2]] {
            let report = try Self.importCopiesOfKurtTitle(
                ["", "Тас емес — құрт", "Тас та емес, құрт", ""], order: order, curatorEdit: true)
            let title = report.changes.filter { $0.exhibit == "kurt-story" && $0.field == "title" }
            #expect(title.isEmpty, "\(order)")
            if order.contains(1) {
                #expect(report.problems.map(\.checkID) == ["import-conflict"], "\(order)")
                #expect(report.warnings.isEmpty, "\(order)")
            } else {
                #expect(report.problems.isEmpty, "\(order)")
                #expect(report.warnings.map(\.checkID) == ["newer-text-kept"], "\(order)")
            }
        }
    }

    /// A tool that drops `xml:space="preserve"` and pretty-prints puts the source on an indented
    /// line too: it is the caption's source without that layout, so the unit is applied (it was
    /// a false conflict, "its ru source changed after the export").
    @Test func layoutAroundTheSourceIsNoConflict() throws {
        let museum = try copyOfBundledMuseum()
        let path = museum.root + "/.layout.xlf"
        try Data(
            XLIFFReaderTests.document12(
                """
                      <trans-unit id="kurt-story.title">
                        <source>
                          Не камни, а курт
                        </source>
                        <target>
                          Тас емес — құрт
                        </target>
                      </trans-unit>

                """
            ).utf8
        ).write(to: URL(fileURLWithPath: path))
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [path]), collectionPath: museum.root)
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.applied) == [1])
        #expect(
            report.warnings.map(\.formatted) == [
                """
                \(path):9:9: warning: unit 'kurt-story.title' (kk): the line break and indentation around its target \
                were dropped, since the file does not keep whitespace there (no xml:space="preserve") and the source \
                has none [whitespace-dropped]
                """
            ])
        let kurt = try #require(
            try CaptionCollection.load(path: museum.root).exhibits.first { $0.id == "kurt-story" })
        #expect(kurt.field("title")?.translation("kk")?.text == "Тас емес — құрт")
    }

    /// `<cp hex="0"/>` stored NUL in the caption, which later cut exports short: the unit is
    /// refused with a located line saying why, and nothing is written.
    @Test func aCodePointForNULRefusesTheUnit() throws {
        let museum = try copyOfBundledMuseum()
        let before = try snapshotOfFiles(in: museum.root)
        let path = museum.root + "/.cp.xlf"
        try Data(
            (XLIFFReaderTests.header12
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"ru\" trgLang=\"kk\">\n"
                + "<file id=\"f\"><unit id=\"kurt-story.title\"><segment><source>Не камни, а курт</source>\n"
                + "<target>A<cp hex=\"0\"/>B</target></segment></unit></file></xliff>\n").utf8
        ).write(to: URL(fileURLWithPath: path))
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [path]), collectionPath: museum.root)
        #expect(
            report.problems.map(\.formatted) == [
                """
                \(path):4:10: error: unit 'kurt-story.title' contains <cp hex="0"/>, the control character U+0000, \
                which a caption cannot hold (XML cannot carry it to translators); remove it in the translation tool \
                [unsupported-markup]
                """
            ])
        #expect(report.files.map(\.refused) == [1])
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    /// A DEL written as a character reference would be stored in the caption, whose every
    /// later save the editor then refuses: the unit is refused at its `<target>`, nothing is
    /// written.
    @Test func aControlCharacterReferenceRefusesTheUnit() throws {
        let museum = try copyOfBundledMuseum()
        let before = try snapshotOfFiles(in: museum.root)
        let (path, report) = try Self.importTitle(target: "Тас&#x7F; емес", into: museum)
        #expect(
            report.problems.map(\.formatted) == [
                """
                \(path):5:74: error: unit 'kurt-story.title' contains the control character U+007F in its target, \
                which a caption cannot hold (the editor refuses it); remove it in the translation tool \
                [unsupported-markup]
                """
            ])
        #expect(report.files.map(\.refused) == [1])
        #expect(report.files.map(\.applied) == [0])
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    /// A target of only invisible characters (a zero-width space, a word joiner, a byte order
    /// mark, with or without spaces) is blank as a caption's text is: skipped, and the
    /// translation there stays.
    @Test(arguments: ["&#x200B;", " &#xFEFF;&#x2060; ", "\u{200B}"])
    func aTargetOfOnlyInvisibleCharactersIsSkipped(_ target: String) throws {
        let museum = try copyOfBundledMuseum()
        let before = try snapshotOfFiles(in: museum.root)
        let report = try Self.importTitle(target: target, into: museum).report
        #expect(report.problems.isEmpty)
        #expect(report.warnings.isEmpty)
        #expect(report.files.map(\.applied) == [0])
        #expect(report.files.map(\.skipped) == [1])
        #expect(report.written.isEmpty)
        #expect(try snapshotOfFiles(in: museum.root) == before)
    }

    /// A CAT tool that ignores `xml:space` returns two Kazakh paragraphs as one: the unit is
    /// imported, named in a warning (text and JSON), and `captions check` then reports it.
    @Test func aTargetWithMergedParagraphsIsImportedAndNamed() throws {
        let museum = try TestCollection(files: [
            (
                "g/kurt.yml",
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: Курт
                  en: Kurt
                text:
                  kk: |
                    Әйелдер тас лақтырып жатыр деп ойлады.

                    Бұл құрт еді.
                  ru: |
                    Женщины подумали, что в них бросают камни.

                    Это был курт.
                  en: |
                    The women thought they were being stoned.

                    It was kurt.

                """
            )
        ])
        let file = try Self.singleUnitFile(
            in: museum, id: "kurt.text", source: "Женщины подумали, что в них бросают камни.\n\nЭто был курт.",
            target: "Әйелдер тас лақтырып жатыр деп ойлады. Бұл құрт еді.")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        let warning = """
            \(file):5:7: warning: unit 'kurt.text' (kk) has 1 paragraph where its source has 2; the translation \
            tool may have merged them (ask the translator) [paragraphs-merged]
            """
        #expect(report.warnings.map(\.formatted) == [warning])
        #expect(report.problems.isEmpty && !report.failed)
        #expect(report.files.map(\.applied) == [1])
        #expect(report.text.hasPrefix(warning + "\n\(file) (kk): 1 applied"))
        let json = try report.json()
        #expect(json.contains("\"check\" : \"paragraphs-merged\""))
        #expect(json.contains("\"severity\" : \"warning\""))
        // The merged text was written, and check now names it.
        let result = try CaptionChecker.run(CheckRequest(path: museum.root))
        #expect(
            result.diagnostics.filter { $0.checkID == "paragraph-mismatch" }.map(\.message) == [
                "text (kk) has 1 paragraph where the Russian (ru) source has 2"
            ])
        // A target that keeps the paragraphs is not named.
        let kept = try Self.singleUnitFile(
            in: museum, id: "kurt.text", source: "Женщины подумали, что в них бросают камни.\n\nЭто был курт.",
            target: "Әйелдер тас лақтырды деп ойлады.\n\nБұл құрт еді.")
        let second = try XLIFFImporter.run(XLIFFImportOptions(files: [kept]), collectionPath: museum.root)
        #expect(second.warnings.isEmpty)
        #expect(second.files.map(\.applied) == [1])
    }

    @Test func jsonReport() throws {
        let museum = try copyOfBundledMuseum()
        let file = try Self.singleUnitFile(
            in: museum, id: "kurt-story.title", source: "Не камни, а курт", target: "Не камни, а курт")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(
            try report.json() == """
                {
                  "changes" : [

                  ],
                  "collection" : "\(museum.root)",
                  "dryRun" : false,
                  "files" : [
                    {
                      "applied" : 0,
                      "conflicts" : 0,
                      "copiesOfSource" : 0,
                      "markedUnfinished" : 0,
                      "path" : "\(file)",
                      "refused" : 0,
                      "skipped" : 1,
                      "targetLanguage" : "kk",
                      "unchanged" : 0,
                      "unchangedStale" : 0,
                      "unknown" : 0
                    }
                  ],
                  "heldBack" : false,
                  "problems" : [

                  ],
                  "reviews" : [

                  ],
                  "version" : 1,
                  "warnings" : [

                  ],
                  "written" : [

                  ]
                }

                """)
    }
}
