import Foundation
import HTTPTypes
import HummingbirdBcrypt
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

@Suite("Editor translators: glossary and translation memory downloads")
struct EditorDownloadTests {
    /// What `captions export glossary` writes for `options` on the collection at `root` (the
    /// command's own library call, into a folder of its own): file name → bytes.
    static func exportedGlossary(_ root: String, _ options: GlossaryExportOptions) throws -> [String: Data] {
        var options = options
        options.outputFolder =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "glossary-\(UUID().uuidString)"
            ).path
        defer { try? FileManager.default.removeItem(atPath: options.outputFolder) }
        return try written(GlossaryExporter.export(collectionAt: root, options: options).map(\.path))
    }

    /// What `captions export tmx --to LANGUAGE` writes on the collection at `root`.
    static func exportedMemory(_ root: String, language: String) throws -> [String: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tmx-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = TMXExportOptions(targetLanguages: [language], outputFolder: folder)
        return try written(TMXExporter.export(collectionAt: root, options: options).files.map(\.path))
    }

    /// What `captions export signage --format html` (with `--only` each of `only`) writes into
    /// `proof.html` on the collection at `root`, and the exhibits it held back.
    static func exportedProofSheet(_ root: String, only: [String] = []) throws -> (Data, [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proof-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = SignageExportOptions(outputFolder: folder, formats: [.html], onlyIDs: only)
        let report = try SignageExporter.export(collectionAt: root, options: options)
        return (try Data(contentsOf: URL(fileURLWithPath: folder + "/proof.html")), report.heldBack.map(\.displayID))
    }

    /// A fixture's preparation that replaces `old` with `new` in the file at `relativePath`.
    static func replacing(_ old: String, with new: String, in relativePath: String) -> (String) throws -> Void {
        { root in
            let path = root + "/" + relativePath
            try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: old, with: new)
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// The files at `paths`, read back from disk: name → bytes.
    private static func written(_ paths: [String]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in paths {
            files[(path as NSString).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test("Each glossary download is the file captions export glossary writes, byte for byte")
    func glossary() async throws {
        let fixture = try EditorFixture()
        let root = fixture.root
        let tbx = try Self.exportedGlossary(root, GlossaryExportOptions(format: .tbx))
        let csv = try Self.exportedGlossary(root, GlossaryExportOptions(format: .csv))
        let omegat = try Self.exportedGlossary(root, GlossaryExportOptions(format: .omegat, targetLanguages: ["kk"]))
        #expect(Array(tbx.keys) == ["glossary.tbx"])
        #expect(Array(omegat.keys) == ["ru-kk.utf8"])
        try await fixture.test { browser in
            let page = try await browser.get("/translators")
            #expect(page.body.contains("<form method=\"get\" action=\"/translators/glossary\" class=\"stack\">"))
            #expect(page.body.contains("<input type=\"radio\" name=\"format\" value=\"tbx\" checked> TBX"))
            #expect(page.body.contains("<legend>File format</legend>"))
            // The form sends the language with every format; TBX and CSV hold all languages.
            let cases: [(String, String, String, Data?)] = [
                ("format=tbx&lang=kk", "application/xml; charset=utf-8", "glossary.tbx", tbx["glossary.tbx"]),
                ("format=csv&lang=en", "text/csv; charset=utf-8", "glossary.csv", csv["glossary.csv"]),
                (
                    "format=omegat&lang=kk", "text/tab-separated-values; charset=utf-8", "ru-kk.utf8",
                    omegat["ru-kk.utf8"]
                ),
                ("", "application/xml; charset=utf-8", "glossary.tbx", tbx["glossary.tbx"]),
            ]
            for (query, type, name, expected) in cases {
                let file = try await browser.get("/translators/glossary?" + query)
                #expect(file.status == .ok, "\(query)")
                #expect(file.headers[.contentType] == type, "\(query)")
                #expect(file.headers[.contentDisposition] == "attachment; filename=\"\(name)\"", "\(query)")
                #expect(Data(file.bytes) == expected, "\(query)")
            }
            let head = try await browser.request(.head, "/translators/glossary?format=csv")
            #expect(head.status == .ok)
            #expect(head.headers[.contentDisposition] == "attachment; filename=\"glossary.csv\"")
        }
    }

    @Test("A glossary or memory download with an unknown format or language is a 400 page")
    func badRequests() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            for uri in [
                "/translators/glossary?format=pdf", "/translators/glossary?format=TBX",
                "/translators/glossary?format=omegat", "/translators/glossary?format=omegat&lang=ru",
                "/translators/glossary?format=tbx&lang=de", "/translators/glossary?format=csv&lang=",
                "/translators/tmx", "/translators/tmx?lang=ru", "/translators/tmx?lang=xx",
                "/translators/tmx?lang=kk%00",
            ] {
                let page = try await browser.get(uri)
                #expect(page.status == .badRequest, "\(uri)")
                #expect(page.headers[.contentDisposition] == nil, "\(uri)")
                #expect(page.body.contains("<h1>"), "\(uri)")
            }
        }
    }

    @Test("Without a glossary the page says so in one sentence and has no glossary form")
    func noGlossary() async throws {
        let fixture = try EditorFixture { root in try FileManager.default.removeItem(atPath: root + "/glossary.yml") }
        try await fixture.test { browser in
            let page = try await browser.get("/translators")
            #expect(
                page.body.contains(
                    "<p class=\"no-glossary\">This collection has no glossary (glossary.yml), so there are no terms "
                        + "to download.</p>"))
            #expect(!page.body.contains("action=\"/translators/glossary\""))
            #expect(!page.body.contains("name=\"format\""))
            let file = try await browser.get("/translators/glossary?format=tbx")
            #expect(file.status == .notFound)
            #expect(file.headers[.contentDisposition] == nil)
            #expect(file.body.contains("This collection has no glossary"))
            _ = try await browser.post("/language", [("lang", "ru"), ("back", "/translators")])
            let russian = try await browser.get("/translators")
            #expect(russian.body.contains("В этом собрании нет глоссария (glossary.yml), поэтому скачивать нечего."))
        }
    }

    @Test("The translation memory download is the file captions export tmx --to writes, byte for byte")
    func memory() async throws {
        let fixture = try EditorFixture()
        let expected = try Self.exportedMemory(fixture.root, language: "kk")
        #expect(Array(expected.keys) == ["ru-kk.tmx"])
        try await fixture.test { browser in
            let page = try await browser.get("/translators")
            #expect(page.body.contains("<form method=\"get\" action=\"/translators/tmx\" class=\"stack\">"))
            #expect(page.body.contains("OmegaT, Trados, memoQ and Weblate use them"))
            let file = try await browser.get("/translators/tmx?lang=kk")
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/xml; charset=utf-8")
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"ru-kk.tmx\"")
            #expect(Data(file.bytes) == expected["ru-kk.tmx"])
        }
    }

    @Test("The XLIFF and memory downloads are made from the files as they are now, not as the page last saw them")
    func downloadsReadTheFilesNow() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/translators")
            #expect(page.status == .ok)
            // A colleague's text editor (or git pull) changes a title just before the download.
            let file = try fixture.read("barracks/first-winter.yml")
            #expect(file.contains("  en: The first winter\n"))
            try fixture.write(
                "barracks/first-winter.yml",
                file.replacingOccurrences(of: "  en: The first winter\n", with: "  en: The first winter of the camp\n"))
            let xliff = try await browser.get("/translators/xliff?lang=en")
            #expect(xliff.body.contains(">The first winter of the camp</target>"))
            #expect(!xliff.body.contains(">The first winter<"))
            let memory = try await browser.get("/translators/tmx?lang=en")
            #expect(memory.body.contains("<seg>The first winter of the camp</seg>"))
            #expect(!memory.body.contains(">The first winter<"))
        }
    }

    @Test("A language with no translated text gets a sentence, not an empty memory")
    func emptyMemory() async throws {
        let fixture = try EditorFixture(
            prepare: Self.replacing("languages: [kk, ru, en]", with: "languages: [kk, ru, en, de]", in: "captions.yml"))
        #expect(
            try LibraryBridge.tmxFile(language: "de", in: try CaptionCollection.load(path: fixture.root)).units == 0)
        try await fixture.test { browser in
            let page = try await browser.get("/translators/tmx?lang=de")
            #expect(page.status == .ok)
            #expect(page.headers[.contentDisposition] == nil)
            #expect(
                page.body.contains(
                    "<p class=\"message\">No text is translated into de yet: the translation memory would be empty.</p>"
                ))
        }
    }

    @Test(
        "The XLIFF download copies the source into empty targets and adds suggestions when asked, as the command does")
    func xliffPrefillAndSuggest() async throws {
        // The Kazakh title of first-winter is missing.
        let fixture = try EditorFixture { root in
            let path = root + "/barracks/first-winter.yml"
            let file = try String(contentsOfFile: path, encoding: .utf8)
            try file.replacingOccurrences(of: "  kk: Алғашқы қыс\n", with: "").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        let collection = try CaptionCollection.load(path: fixture.root)
        var options = XLIFFExportOptions(targetLanguages: ["kk"], onlyNeeded: true, prefillTarget: true)
        options.suggest = true
        let expected = try XLIFFExporter.export(collection, options: options).files[0].data
        let plain = try XLIFFExporter.export(
            collection, options: XLIFFExportOptions(targetLanguages: ["kk"], onlyNeeded: true)
        ).files[0].data
        #expect(expected != plain)
        #expect(
            String(decoding: expected, as: UTF8.self).contains(
                "<target state=\"needs-translation\">Первая зима</target>"))
        try await fixture.test { browser in
            let file = try await browser.get("/translators/xliff?lang=kk&version=1.2&needed=1&prefill=1&suggest=1")
            #expect(file.status == .ok)
            #expect(Data(file.bytes) == expected)
            let page = try await browser.get("/translators")
            #expect(page.body.contains("<input type=\"checkbox\" name=\"prefill\" value=\"1\"> Copy the source"))
            #expect(page.body.contains("<input type=\"checkbox\" name=\"suggest\" value=\"1\"> Suggest,"))
        }
    }

    @Test("The caption files the XLIFF leaves out are listed before it is downloaded; an unknown version is a 400")
    func xliffWarnings() async throws {
        // A second file with first-winter's id: the export leaves it out with a warning.
        let fixture = try EditorFixture { root in
            try FileManager.default.copyItem(
                atPath: root + "/barracks/first-winter.yml", toPath: root + "/barracks/first-winter-copy.yml")
        }
        let result = try XLIFFExporter.export(
            try CaptionCollection.load(path: fixture.root), options: XLIFFExportOptions(targetLanguages: ["en"]))
        // Both files with the id are held back, as by the signage export.
        #expect(result.warnings.count == 2)
        try await fixture.test { browser in
            let page = try await browser.get("/translators/xliff?lang=en&version=1.2")
            #expect(page.status == .ok)
            #expect(page.headers[.contentDisposition] == nil)
            #expect(page.body.contains("The XLIFF file would leave out these caption files:"))
            #expect(page.body.contains(HTML.escape(result.warnings[0].message)))
            #expect(page.body.contains("<code>xliff-export</code>"))
            // Named from the collection folder on, as curators know their files.
            for file in ["first-winter-copy", "first-winter"] {
                #expect(page.body.contains("<li class=\"error\"><code>barracks/\(file).yml</code>: "))
            }
            #expect(!page.body.contains(fixture.root))
            #expect(
                page.body.contains(
                    "<a href=\"/translators/xliff?lang=en&amp;version=1.2&amp;anyway=1\" download>"
                        + "Download the XLIFF without them</a>"))
            let file = try await browser.get("/translators/xliff?lang=en&version=1.2&anyway=1")
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"ru-en.xlf\"")
            #expect(Data(file.bytes) == result.files[0].data)
            #expect(try await browser.get("/translators/xliff?lang=en&version=3.0").status == .badRequest)
        }
    }

    @Test("The caption files the memory leaves out are listed before it is downloaded")
    func memoryWarnings() async throws {
        // A second file with first-winter's id: the export leaves it out with a warning.
        let fixture = try EditorFixture { root in
            try FileManager.default.copyItem(
                atPath: root + "/barracks/first-winter.yml", toPath: root + "/barracks/first-winter-copy.yml")
        }
        let expected = try Self.exportedMemory(fixture.root, language: "en")
        let warnings = try LibraryBridge.tmxFile(language: "en", in: try CaptionCollection.load(path: fixture.root))
            .warnings
        #expect(warnings.count == 2)
        try await fixture.test { browser in
            let page = try await browser.get("/translators/tmx?lang=en")
            #expect(page.status == .ok)
            #expect(page.headers[.contentDisposition] == nil)
            #expect(page.body.contains("The translation memory would leave out these caption files:"))
            #expect(page.body.contains(HTML.escape(warnings[0].message)))
            #expect(page.body.contains("<code>tmx-export</code>"))
            // Both files with the id are named.
            for file in ["first-winter-copy", "first-winter"] {
                #expect(page.body.contains("<li class=\"error\"><code>barracks/\(file).yml</code>: "))
            }
            #expect(page.body.contains("<a href=\"/translators/tmx?lang=en&amp;anyway=1\" download>"))
            let file = try await browser.get("/translators/tmx?lang=en&anyway=1")
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"ru-en.tmx\"")
            #expect(Data(file.bytes) == expected["ru-en.tmx"])
            // In Russian, the warning says first in Russian what it is about.
            _ = try await browser.post("/language", [("lang", "ru"), ("back", "/translators")])
            let russian = try await browser.get("/translators/tmx?lang=en")
            #expect(russian.body.contains("В память переводов не войдут эти файлы подписей:"))
            #expect(russian.body.contains("<span class=\"summary\">Файл подписи не вошёл в память переводов.</span>"))
        }
    }

    @Test("The proof sheet download is the proof.html captions export signage --format html writes, byte for byte")
    func proofSheet() async throws {
        // An exhibit not ready for print: held back by the export, and marked on the sheet.
        let fixture = try EditorFixture(
            prepare: Self.replacing("  kk: Алғашқы қыс\n", with: "  kk: \"\"\n", in: "barracks/first-winter.yml"))
        let (whole, heldBack) = try Self.exportedProofSheet(fixture.root)
        #expect(heldBack == ["first-winter"])
        #expect(String(decoding: whole, as: UTF8.self).contains("Held back: not exported"))
        let collection = try CaptionCollection.load(path: fixture.root)
        let barracks = collection.exhibits.filter { $0.gallery == "barracks" }.compactMap(\.id)
        #expect(barracks.count > 1)
        let (gallery, _) = try Self.exportedProofSheet(fixture.root, only: barracks)
        try await fixture.test { browser in
            let page = try await browser.get("/translators")
            #expect(
                page.body.contains("<section aria-labelledby=\"h-proof\"><h2 id=\"h-proof\">Signage proof sheet</h2>"))
            #expect(
                page.body.contains("<form method=\"get\" action=\"/translators/proof\" class=\"stack\">"))
            #expect(page.body.contains("are on the sheet marked “Held back” with the reasons"))
            #expect(
                page.body.contains(
                    "<select name=\"gallery\"><option value=\"\" selected>The whole collection</option>"
                        + "<option value=\"barracks\">barracks</option>"))
            let cases: [(String, String, Data)] = [
                ("", "proof.html", whole), ("?gallery=", "proof.html", whole),
                ("?gallery=barracks", "proof-barracks.html", gallery),
            ]
            for (query, name, expected) in cases {
                let file = try await browser.get("/translators/proof" + query)
                #expect(file.status == .ok, "\(query)")
                #expect(file.headers[.contentType] == "text/html; charset=utf-8", "\(query)")
                #expect(file.headers[.contentDisposition] == "attachment; filename=\"\(name)\"", "\(query)")
                #expect(Data(file.bytes) == expected, "\(query)")
            }
            let head = try await browser.request(.head, "/translators/proof?gallery=barracks")
            #expect(head.status == .ok)
            #expect(head.headers[.contentDisposition] == "attachment; filename=\"proof-barracks.html\"")
            // Another gallery, or a path out of the collection, is a 400 page, never a file.
            for query in ["gallery=nowhere", "gallery=..%2F..", "gallery=barracks%00", "gallery=Barracks"] {
                let refused = try await browser.get("/translators/proof?" + query)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.headers[.contentDisposition] == nil, "\(query)")
            }
            // In Russian and Kazakh the section's words are theirs; the sheet is the same file.
            let interfaces = [
                ("ru", "Лист вычитки надписей", "Скачать лист вычитки (HTML)"),
                ("kk", "Жазулардың тексеру парағы", "Тексеру парағын жүктеп алу (HTML)"),
            ]
            for (language, heading, button) in interfaces {
                _ = try await browser.post("/language", [("lang", language), ("back", "/translators")])
                let translated = try await browser.get("/translators").body
                #expect(translated.contains("<h2 id=\"h-proof\">\(heading)</h2>"), "\(language)")
                #expect(translated.contains("<button type=\"submit\">\(button)</button>"), "\(language)")
            }
        }
    }

    @Test(
        "The proof sheet's gallery menu and its download read the galleries on disk now; a gone gallery is a page saying so"
    )
    func proofSheetGalleriesOnDisk() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/translators")
            // Renamed while the editor runs: the menu and the download both know the new name only.
            try FileManager.default.moveItem(
                atPath: fixture.root + "/barracks", toPath: fixture.root + "/barracks-hall")
            let page = try await browser.get("/translators").body
            #expect(page.contains("<option value=\"barracks-hall\">barracks-hall</option>"))
            #expect(!page.contains("<option value=\"barracks\">"))
            let file = try await browser.get("/translators/proof?gallery=barracks-hall")
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"proof-barracks-hall.html\"")
            let gone = try await browser.get("/translators/proof?gallery=barracks")
            #expect(gone.status == .badRequest)
            #expect(gone.headers[.contentDisposition] == nil)
            #expect(
                gone.body.contains(
                    "<p class=\"message error\">The collection has no gallery “barracks”: it may have been renamed "
                        + "or removed after the page was opened.</p>"))
            #expect(
                gone.body.contains("<p><a href=\"/translators\" id=\"back-link\">Back to the translators page</a></p>"))
            // The name asked for is text on the page, never markup.
            let markup = try await browser.get("/translators/proof?gallery=%3Cb%3E")
            #expect(markup.status == .badRequest)
            #expect(markup.body.contains("no gallery “&lt;b&gt;”"))
            // In Russian and Kazakh the page says it in their words.
            let interfaces = [
                ("ru", "Галереи «barracks» в коллекции нет", "Вернуться на страницу для переводчиков"),
                ("kk", "Жинақта «barracks» галереясы жоқ", "Аудармашылар бетіне оралу"),
            ]
            for (language, message, back) in interfaces {
                _ = try await browser.post("/language", [("lang", language), ("back", "/translators")])
                let translated = try await browser.get("/translators/proof?gallery=barracks")
                #expect(translated.status == .badRequest, "\(language)")
                #expect(translated.body.contains(message), "\(language)")
                #expect(translated.body.contains(">\(back)</a>"), "\(language)")
            }
        }
    }

    @Test("Galleries a/b and a-b download under two names, each file its own gallery's sheet")
    func proofSheetNamesOfLikeGalleries() async throws {
        let fixture = try EditorFixture { root in
            let winter = try String(contentsOfFile: root + "/barracks/first-winter.yml", encoding: .utf8)
            for (gallery, id) in [("hall/east", "east-wing"), ("hall-east", "east-hall")] {
                try FileManager.default.createDirectory(
                    atPath: root + "/" + gallery, withIntermediateDirectories: true)
                try winter.replacingOccurrences(of: "id: first-winter", with: "id: \(id)")
                    .write(toFile: root + "/\(gallery)/\(id).yml", atomically: true, encoding: .utf8)
            }
        }
        try await fixture.test { browser in
            var names: [String] = []
            for (query, id, other) in [
                ("hall%2Feast", "east-wing", "east-hall"), ("hall-east", "east-hall", "east-wing"),
            ] {
                let file = try await browser.get("/translators/proof?gallery=" + query)
                #expect(file.status == .ok, "\(query)")
                names.append(file.headers[.contentDisposition] ?? "")
                #expect(file.body.contains(id) && !file.body.contains(other), "\(query)")
            }
            #expect(
                names == [
                    "attachment; filename=\"proof-hall--east.html\"", "attachment; filename=\"proof-hall-east.html\"",
                ])
        }
    }

    @Test("Without a login the proof sheet is not given out")
    func proofSheetNeedsLogin() async throws {
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4))
        try await fixture.test { browser in
            let refused = try await browser.get("/translators/proof")
            #expect(refused.status == .seeOther)
            #expect(refused.headers[.location] == "/login?next=%2Ftranslators%2Fproof")
            #expect(refused.headers[.contentDisposition] == nil)
            #expect(!refused.body.contains("Signage proof"))
        }
    }
}
