import Foundation
import Testing

@testable import CaptionKit

/// `captions import` refuses what a translator review found it applied without a word: a file
/// whose target language is not the one it was exported for, a unit id twice in one file (both
/// refuse the file: exit 2, nothing written, JSON with `--format json`), a file whose source
/// language is not the collection's (refused the same way), and a `<target xml:lang>` of another
/// language than its file's or a `<source xml:lang>` of another than the collection's source
/// (refuse the unit).
@Suite struct ImportRefusalsCommandTests {
    typealias Museum = ImportRepairsCommandTests

    /// The museum exported for kk as `version` into `out/ru-kk.xlf`, its text.
    static func exported(_ folder: TemporaryFolder, _ version: XLIFFVersion) throws -> String {
        let export = try CLIRun.run(
            ["export", "xliff", "Captions", "--to", "kk", "--xliff", version.rawValue, "--out", "out"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        return try folder.read("out/ru-kk.xlf")
    }

    /// `file` with its target language set to `language` and k's Kazakh title translated anew.
    static func retargeted(_ file: String, _ version: XLIFFVersion, to language: String) -> String {
        let attribute = version == .v1_2 ? "target-language" : "trgLang"
        let changed = file.replacingOccurrences(of: "\(attribute)=\"kk\"", with: "\(attribute)=\"\(language)\"")
            .replacingOccurrences(of: ">Құрт</target>", with: ">Кептірілген құрт</target>")
        #expect(changed.contains("\(attribute)=\"\(language)\"") && changed.contains(">Кептірілген құрт</target>"))
        return changed
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aFileWhoseTargetLanguageWasChangedIsRefusedWhole(_ version: XLIFFVersion) throws {
        let folder = try Museum.museum()
        try folder.write("en.xlf", Self.retargeted(try Self.exported(folder, version), version, to: "en"))
        let before = try folder.contents(of: "Captions")
        let (attribute, location) = version == .v1_2 ? ("target-language", "3:3") : ("trgLang", "2:1")
        let line = version == .v1_2 ? 6 : 8
        let message = """
            the file says its target language is 'en' (\(attribute)) but was exported for 'kk' (unit 'k.title' at \
            line \(line) is marked so): a translation tool or an edit changed it; if its translations are kk, set \
            \(attribute) back to "kk" and import again; if they are en, ask for them in a file exported for en
            """
        for arguments in [["--dry-run"], [], ["--atomic"]] {
            let run = try CLIRun.run(["import", "en.xlf"] + arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == "en.xlf:\(location): error: \(message)\n")
        }
        #expect(try folder.contents(of: "Captions") == before)

        // Machines read why in the format they asked for.
        let json = try CLIRun.run(["import", "en.xlf", "--format", "json"], in: folder.path)
        #expect(json.status == 2)
        #expect(json.stderr == "en.xlf:\(location): error: \(message)\n")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["message"] as? String == message)
        #expect(error["path"] as? String == "en.xlf")
        #expect("\(error["line"] ?? ""):\(error["column"] ?? "")" == location)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A region a CAT tool adds names the same language: `kk-KZ` is what the file was exported for.
    @Test(arguments: XLIFFVersion.allCases)
    func aRegionAddedToTheExportedLanguageIsThatLanguage(_ version: XLIFFVersion) throws {
        let folder = try Museum.museum()
        try folder.write("kk.xlf", Self.retargeted(try Self.exported(folder, version), version, to: "kk-KZ"))
        let run = try CLIRun.run(["import", "kk.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                kk.xlf (kk-KZ): 1 applied, 0 unchanged, 2 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: Кептірілген құрт\n"))
    }

    /// A file exported before the mark named its language is imported as it was then: by the
    /// language the file says, here over the English text (with the warning the fingerprint gives).
    @Test(arguments: XLIFFVersion.allCases)
    func aFileExportedBeforeTheLanguageMarkIsImportedAsBefore(_ version: XLIFFVersion) throws {
        let folder = try Museum.museum()
        var file = try Self.exported(folder, version)
        let mark =
            version == .v1_2
            ? "\n            <context context-type=\"x-captions-language\">kk</context>"
            : "\n            <mda:meta type=\"language\">kk</mda:meta>"
        #expect(file.components(separatedBy: mark).count == 4)
        file = file.replacingOccurrences(of: mark, with: "")
        try folder.write("en.xlf", Self.retargeted(file, version, to: "en"))
        let run = try CLIRun.run(["import", "en.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let unitLine = version == .v1_2 ? "6:9" : "8:7"
        #expect(
            run.stdout == """
                Captions/g/k.yml:5:7: warning: title (en) of k changed in the caption file after the export, and the \
                translator's text replaces it; it was "Kurt" [newer-text-replaced]
                en.xlf:\(unitLine): note: the translator's text is here
                en.xlf (en): 1 applied, 0 unchanged, 2 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(try folder.read("Captions/g/k.yml").contains("  en: Кептірілген құрт\n"))
    }

    /// The same unit twice in one file: (units, the line of the second copy).
    static let doubled: [[(String, String, String)]] = [
        [Museum.wagon, Museum.text, Museum.otherWagon],
        // Two copies with the same text: the file is as broken.
        [Museum.wagon, Museum.wagon],
    ]

    @Test(arguments: [0, 1])
    func aUnitTwiceInOneXLIFF12FileRefusesTheFile(_ index: Int) throws {
        let folder = try Museum.museum()
        let units = Self.doubled[index]
        try folder.write("returned/a.xlf", Museum.xliff12(units))
        let before = try folder.contents(of: "Captions")
        let second = 4 + units.count
        let line = """
            returned/a.xlf:\(second):7: error: unit 'w.title' (kk) is in the file a second time (first at line 5); a \
            translation tool may have doubled it, and the file cannot say which copy is meant: remove one copy and \
            import the file again

            """
        for arguments in [["--dry-run"], []] {
            let run = try CLIRun.run(["import", "returned/a.xlf"] + arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == line)
        }
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// XLIFF 2 names one target language for all its `<file>` elements; the message names the
    /// language the unit applies to (kk, also for kk_KZ).
    @Test(arguments: ["kk", "kk_KZ"])
    func aUnitTwiceInOneXLIFF2FileRefusesTheFile(_ language: String) throws {
        let folder = try Museum.museum()
        try folder.write(
            "returned/kk.xlf",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="\(language)">
              <file id="f1">
                <unit id="w.title"><segment><source>Арестантский вагон</source><target>Вагон</target></segment></unit>
                <unit id="k.title"><segment><source>Курт</source><target>Құрт ірімшігі</target></segment></unit>
              </file>
              <file id="f2">
                <unit id="w.title"><segment><source>Арестантский вагон</source><target>Вагон</target></segment></unit>
              </file>
            </xliff>

            """)
        let before = try folder.contents(of: "Captions")
        let message = """
            unit 'w.title' (kk) is in the file a second time (first at line 4); a translation tool may have doubled \
            it, and the file cannot say which copy is meant: remove one copy and import the file again
            """
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "returned/kk.xlf:8:5: error: \(message)\n")
        #expect(try folder.contents(of: "Captions") == before)

        // Machines read why in the format they asked for.
        let json = try CLIRun.run(["import", "returned/kk.xlf", "--format", "json"], in: folder.path)
        #expect(json.status == 2)
        #expect(json.stderr == run.stderr)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["message"] as? String == message)
        #expect(error["path"] as? String == "returned/kk.xlf")
        #expect(error["line"] as? Int == 8)
        #expect(error["column"] as? Int == 5)
        #expect(document.keys.sorted() == ["error", "version"])
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// One XLIFF 1.2 document: `first` with the `<file>` element of `second` after its own.
    static func adding(fileOf second: String, to first: String) -> String {
        let fileElement = { (text: String) in
            String(text[text.range(of: "  <file")!.lowerBound..<text.range(of: "</file>\n")!.upperBound])
        }
        return first.replacingOccurrences(of: fileElement(first), with: fileElement(first) + fileElement(second))
    }

    /// One document with a `<file>` for kk and one for en may hold the same unit ids: they are
    /// two units.
    @Test func theSameIdForTwoTargetLanguagesIsTwoUnits() throws {
        let folder = try Museum.museum()
        let kk = XLIFF12Fixture.file([XLIFF12Fixture.line("w.title", source: "Арестантский вагон", target: "Вагон")])
        let en = XLIFF12Fixture.file(
            [XLIFF12Fixture.line("w.title", source: "Арестантский вагон", target: "The wagon")], language: "en")
        try folder.write("returned/both.xlf", Self.adding(fileOf: en, to: kk))
        let run = try CLIRun.run(["import", "returned/both.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                returned/both.xlf (kk, en): 2 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/w.yml

                """)
    }

    /// A `<file>` for kk-KZ (kk_KZ, KK) applies to the Kazakh texts as one for kk does: a unit
    /// in both is in the file twice, also when the editor is given the file.
    @Test(arguments: ["kk-KZ", "kk_KZ", "KK"])
    func aUnitUnderTwoTagsOfOneLanguageRefusesTheFile(_ tag: String) throws {
        let folder = try Museum.museum()
        let kk = XLIFF12Fixture.file([XLIFF12Fixture.line("w.title", source: "Арестантский вагон", target: "Вагон")])
        let region = XLIFF12Fixture.file(
            [XLIFF12Fixture.line("w.title", source: "Арестантский вагон", target: "Тұтқындар вагоны")], language: tag)
        let file = Self.adding(fileOf: region, to: kk)
        try folder.write("returned/both.xlf", file)
        let before = try folder.contents(of: "Captions")
        let message = """
            unit 'w.title' (kk) is in the file a second time (first at line 5, in the <file> for 'kk'; '\(tag)' here \
            is kk too); a translation tool may have doubled it, and the file cannot say which copy is meant: remove \
            one copy and import the file again
            """
        for arguments in [["--dry-run"], []] {
            let run = try CLIRun.run(["import", "returned/both.xlf"] + arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == "returned/both.xlf:10:7: error: \(message)\n")
        }
        #expect(try folder.contents(of: "Captions") == before)

        let collection = try CaptionCollection.load(path: folder.path + "/Captions")
        #expect(throws: CaptionError.invalidInput(SourceLocation(path: "both.xlf", line: 10, column: 7), message)) {
            try XLIFFImporter.run(
                upload: Data(file.utf8), named: "both.xlf", options: XLIFFImportOptions(files: []), on: collection)
        }
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A file whose source language is not the collection's is refused whole at the attribute
    /// that says so (`<file>` in 1.2, the `<xliff>` root in 2.0); a region added is the same language.
    @Test(arguments: XLIFFVersion.allCases)
    func aFileWhoseSourceLanguageIsNotTheCollectionsIsRefusedWhole(_ version: XLIFFVersion) throws {
        let folder = try Museum.museum()
        let exported = try Self.exported(folder, version)
        let attribute = version == .v1_2 ? "source-language" : "srcLang"
        #expect(exported.contains("\(attribute)=\"ru\""))
        let retargeted = Self.retargeted(exported, version, to: "kk")
        try folder.write(
            "en.xlf", retargeted.replacingOccurrences(of: "\(attribute)=\"ru\"", with: "\(attribute)=\"en\""))
        let before = try folder.contents(of: "Captions")
        let location = version == .v1_2 ? "3:3" : "2:1"
        let message = """
            the file says its source language is 'en' (\(attribute)) but the collection's source language is 'ru': it \
            was not exported from this collection, or a translation tool or an edit changed it; if its sources are \
            the collection's ru texts, set \(attribute) back to "ru" and import again
            """
        for arguments in [["--dry-run"], []] {
            let run = try CLIRun.run(["import", "en.xlf"] + arguments, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr == "en.xlf:\(location): error: \(message)\n")
        }
        #expect(try folder.contents(of: "Captions") == before)

        try folder.write(
            "ru-RU.xlf", retargeted.replacingOccurrences(of: "\(attribute)=\"ru\"", with: "\(attribute)=\"RU_ru\""))
        let region = try CLIRun.run(["import", "ru-RU.xlf"], in: folder.path)
        #expect(region.status == 0, "\(region.stderr)")
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: Кептірілген құрт\n"))
    }

    /// A TBX import that could not run says why in JSON too.
    @Test func aRefusedTBXFileGivesTheJSONError() throws {
        let folder = try Museum.museum()
        try folder.write("terms.tbx", "<martif")
        let run = try CLIRun.run(["import", "terms.tbx", "--format", "json"], in: folder.path)
        #expect(run.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let error = try #require(document["error"] as? [String: Any])
        #expect(run.stderr.hasPrefix("terms.tbx:"))
        #expect(
            run.stderr == "\(error["path"] ?? ""):\(error["line"] ?? ""):\(error["column"] ?? ""): error: "
                + "\(error["message"] ?? "")\n")
    }

    /// `<target xml:lang>` of another language than the file's, or `<source xml:lang>` of another
    /// than the collection's source: the unit is refused; a region added to the language is that
    /// language.
    @Test(arguments: XLIFFVersion.allCases, ["target", "source"])
    func aTextMarkedInAnotherLanguageIsRefused(_ version: XLIFFVersion, _ element: String) throws {
        let folder = try Museum.museum()
        let isSource = element == "source"
        let unit = { (id: String, source: String, target: String, language: String) in
            let tag = " xml:lang=\"\(language)\""
            let texts =
                "<source\(isSource ? tag : "")>\(source)</source><target\(isSource ? "" : tag)>\(target)</target>"
            return version == .v1_2
                ? "      <trans-unit id=\"\(id)\">\(texts)</trans-unit>\n"
                : "      <unit id=\"\(id)\"><segment>\(texts)</segment></unit>\n"
        }
        let units =
            unit("w.title", "Арестантский вагон", "Тұтқындар вагоны", isSource ? "ru_RU" : "kk-KZ")
            + unit("k.title", "Курт", isSource ? "Құрт ірімшігі" : "Kurt cheese", "en")
            // Not translated: skipped, whatever its language.
            + unit("k.text", "Первое. Второе.", "", "en")
        let file =
            version == .v1_2
            ? XLIFF12Fixture.file([units])
            : """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f1">
            \(units)  </file>
            </xliff>

            """
        try folder.write("returned/kk.xlf", file)
        let line = version == .v1_2 ? 6 : 5
        // The <target> starts 21 columns after the <source>.
        let column = (version == .v1_2 ? 32 : 35) + (isSource ? 0 : 21)
        let message =
            isSource
            ? """
            unit 'k.title' has <source xml:lang="en">, but the collection's source language is 'ru'; the unit is not \
            applied: the translation tool may be set to translate from another language; set it to ru (or correct \
            the source's xml:lang) and send the file again [source-language-mismatch]
            """
            : """
            unit 'k.title' has <target xml:lang="en">, but the file's target language is 'kk'; the unit is not \
            applied: ask the translator which language its text is in, and correct the text or its xml:lang in the \
            translation tool [target-language-mismatch]
            """
        let problem = """
            returned/kk.xlf:\(line):\(column): error: \(message)
            returned/kk.xlf (kk): 1 applied, 0 unchanged, 1 not translated, 0 conflicts, 0 unknown ids, 1 refused

            """
        let atomic = try CLIRun.run(["import", "returned/kk.xlf", "--atomic"], in: folder.path)
        #expect(atomic.status == 1)
        #expect(atomic.stdout == problem + "nothing written: --atomic and 1 problem\n")
        #expect(try folder.read("Captions/g/k.yml") == Museum.k)
        #expect(try folder.read("Captions/g/w.yml") == Museum.w)
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == problem + "wrote Captions/g/w.yml\n")
        #expect(try folder.read("Captions/g/k.yml") == Museum.k)
        #expect(try folder.read("Captions/g/w.yml").contains("  kk: Тұтқындар вагоны\n"))
    }

    /// A target that would make its caption file larger than any command reads (4 MB) is
    /// refused before anything is written, naming the unit and the limit, instead of writing a
    /// file every later command refuses and no import can repair.
    @Test func aTargetTakingACaptionFileOverTheSizeLimitIsRefused() throws {
        let folder = try Museum.museum()
        let big = String(repeating: "Өте ұзын мәтін. ", count: 300_000).trimmingCharacters(in: .whitespaces)
        try folder.write("kk.xlf", Museum.xliff12([("k.title", "Курт", big)]))
        let before = try folder.contents(of: "Captions")
        // A text this long is written as a literal block (`|`, a line break, four spaces).
        let size = Museum.k.utf8.count - "Құрт".utf8.count + "|\n    ".utf8.count + big.utf8.count
        let run = try CLIRun.run(["import", "kk.xlf"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                Captions/g/k.yml:2:1: error: k.title (kk) cannot be written: g/k.yml would be \(size) bytes, and \
                exhibit files are limited to 4194304 bytes; shorten the texts or notes in it, or split the exhibit in two

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A unit refused after an earlier unit of the same file moved its lines is located at the
    /// line its field has on disk (6), not in the text edited so far (7), in text and JSON.
    @Test func aRefusalAfterAnEarlierEditOfTheFileNamesTheLineOnDisk() throws {
        let folder = try Museum.museum()
        try folder.write(
            "Captions/g/s.yml",
            """
            id: s
            text:
              ru: |
                Строка один.
                Строка два.
            credit: { ru: "Экспозиция", en: "Open-air display" }

            """)
        try folder.write(
            "kk.xlf",
            Museum.xliff12([
                ("s.text", "Строка один.\nСтрока два.", "Бір жол."),
                ("s.credit", "Экспозиция", "Ашық аспан астындағы экспозиция"),
            ]))
        let before = try folder.contents(of: "Captions")
        let message =
            "credit in g/s.yml is not written as one 'language: text' entry per line; add the translation by hand"
        let run = try CLIRun.run(["import", "kk.xlf"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "Captions/g/s.yml:6:1: error: \(message)\n")
        let json = try CLIRun.run(["import", "kk.xlf", "--format", "json"], in: folder.path)
        #expect(json.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["message"] as? String == message)
        #expect("\(error["line"] ?? ""):\(error["column"] ?? "")" == "6:1")
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A target language the collection does not have is said to be so, instead of advice to ask
    /// for a file exported for it.
    @Test(arguments: XLIFFVersion.allCases)
    func aFileRetargetedToALanguageTheCollectionLacksSaysSo(_ version: XLIFFVersion) throws {
        let folder = try Museum.museum()
        try folder.write("de.xlf", Self.retargeted(try Self.exported(folder, version), version, to: "de"))
        let before = try folder.contents(of: "Captions")
        let (attribute, location) = version == .v1_2 ? ("target-language", "3:3") : ("trgLang", "2:1")
        let line = version == .v1_2 ? 6 : 8
        let run = try CLIRun.run(["import", "de.xlf"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                de.xlf:\(location): error: the file says its target language is 'de' (\(attribute)) but was exported \
                for 'kk' (unit 'k.title' at line \(line) is marked so): a translation tool or an edit changed it; if \
                its translations are kk, set \(attribute) back to "kk" and import again; 'de' is not a target \
                language of the collection (kk, en)

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// A `<trans-unit>` with two `<target>`s refuses the file (exit 2, nothing written) instead
    /// of importing the last one.
    @Test func aUnitWithTwoTargetsRefusesTheFile() throws {
        let folder = try Museum.museum()
        let unit =
            "      <trans-unit id=\"w.title\"><source>Арестантский вагон</source><target>Тұтқындар вагоны</target>"
            + "<target>Вагон</target></trans-unit>\n"
        try folder.write("kk.xlf", XLIFF12Fixture.file([unit]))
        let before = try folder.contents(of: "Captions")
        let run = try CLIRun.run(["import", "kk.xlf"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr == """
                kk.xlf:5:100: error: unit 'w.title' has a second <target> in one <trans-unit> (the first at line 5); \
                a translation tool may have doubled it, and the file cannot say which is meant: remove one and \
                import the file again

                """)
        #expect(try folder.contents(of: "Captions") == before)
    }

    /// An XLIFF 1.2 file whose `<file>` has no `target-language` (a tool that writes the language
    /// only on each `<target>`), as such a tool returns the export: its units, the first of them
    /// without a target, with `xml:lang` on the targets.
    static func withoutTargetLanguage(_ languages: (String?, String?)) -> String {
        func unit(_ id: String, _ source: String, _ target: String, _ language: String?) -> String {
            let lang = language.map { " xml:lang=\"\($0)\"" } ?? ""
            return "      <trans-unit id=\"\(id)\" xml:space=\"preserve\"><source>\(source)</source>"
                + "<target\(lang)>\(target)</target></trans-unit>\n"
        }
        return XLIFF12Fixture.file([
            "      <trans-unit id=\"k.title\" xml:space=\"preserve\"><source>Курт</source></trans-unit>\n",
            unit("w.title", "Арестантский вагон", "Тұтқындар вагоны", languages.0),
            unit("k.text", "Первое. Второе.", "Бірінші. Екінші.", languages.1),
        ]).replacingOccurrences(of: " target-language=\"kk\"", with: "")
    }

    /// Such a file is imported in the language its targets name (`kk-KZ` and `kk` are both kk);
    /// targets naming two languages, or none naming one, refuse it in one located line that says
    /// what to add (exit 2, nothing written).
    @Test func aFileWithoutTargetLanguageTakesTheLanguageItsTargetsName() throws {
        let folder = try Museum.museum()
        try folder.write("kk.xlf", Self.withoutTargetLanguage(("kk-KZ", "kk")))
        let run = try CLIRun.run(["import", "kk.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                kk.xlf (kk-KZ): 2 applied, 0 unchanged, 1 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml
                wrote Captions/g/w.yml

                """)
        #expect(try folder.read("Captions/g/w.yml").contains("  kk: Тұтқындар вагоны\n"))

        let refused = try Museum.museum()
        let before = try refused.contents(of: "Captions")
        try refused.write("two.xlf", Self.withoutTargetLanguage(("kk", "en")))
        try refused.write("none.xlf", Self.withoutTargetLanguage((nil, nil)))
        let two = try CLIRun.run(["import", "two.xlf"], in: refused.path)
        #expect(two.status == 2)
        #expect(two.stdout == "")
        #expect(
            two.stderr == """
                two.xlf:7:84: error: the <file> at line 3 has no target-language, and its targets name two \
                languages: xml:lang="kk" at line 6 and xml:lang="en" here; add target-language with the language of \
                its translations to the <file> (a unit in another language is then refused) and import the file again

                """)
        let none = try CLIRun.run(["import", "none.xlf"], in: refused.path)
        #expect(none.status == 2)
        #expect(none.stdout == "")
        #expect(
            none.stderr == """
                none.xlf:3:3: error: the <file> has no target-language, and none of its <target> elements names a \
                language (xml:lang): add target-language with the language of its translations (one of kk, en) to \
                the <file> and import the file again

                """)
        #expect(try refused.contents(of: "Captions") == before)
    }
}
