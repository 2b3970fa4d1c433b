import Foundation
import HTTPTypes
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

/// The files `captions check` reports as not read (`skipped-file`: `kurt.YML`, a link to a
/// folder, a dangling link, `captions.yaml`): the editor names them with their reasons in the
/// interface language, on the status page, the exhibit list and before a translator's download.
@Suite("Editor: files not read")
struct EditorSkippedFileTests {
    /// The bundled collection with `barracks/kurt.YML` and a link `park` whose target is gone.
    static func fixture() throws -> EditorFixture {
        try EditorFixture { root in
            try "id: kurt\n".write(toFile: root + "/barracks/kurt.YML", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: root + "/park", withDestinationPath: "../moved-park")
        }
    }

    static let englishItems =
        "<li class=\"warning\"><code>barracks/kurt.YML</code>: <code>kurt.YML</code> is not read: only names "
        + "ending in .yml or .yaml, in lower case, are. Rename it to <code>kurt.yml</code>. <code>skipped-file</code></li>"
        + "<li class=\"warning\"><code>park</code>: <code>park</code> is a symbolic link whose target does not exist: "
        + "nothing is read from it. Fix or remove it. <code>skipped-file</code></li>"

    @Test("The status page names each file not read with its reason, in English and in Russian")
    func statusPage() async throws {
        let fixture = try Self.fixture()
        try await fixture.test { browser in
            let english = try await browser.get("/status")
            #expect(english.status == .ok)
            #expect(
                english.body.contains(
                    "<div class=\"message warning\" id=\"skipped-files\"><p>These files in the collection folder are "
                        + "not read, although they may hold captions: their exhibits are in no list, count or export."
                        + "</p>\n<ul class=\"problems\">" + Self.englishItems + "</ul></div>"))
            let russian = try await browser.get("/status", headers: [.acceptLanguage: "ru"])
            #expect(
                russian.body.contains(
                    "<li class=\"warning\"><code lang=\"en\">barracks/kurt.YML</code>: <code lang=\"en\">kurt.YML</code> "
                        + "не читается: читаются только файлы, имена которых оканчиваются на .yml или .yaml строчными "
                        + "буквами. Переименуйте его в <code lang=\"en\">kurt.yml</code>. <code>skipped-file</code></li>"
                ))
            #expect(
                russian.body.contains(
                    "<code lang=\"en\">park</code>: <code lang=\"en\">park</code> — символическая ссылка, цели которой больше "
                        + "нет: из неё ничего не читается. Исправьте или удалите её."))
        }
        let clean = try EditorFixture()
        try await clean.test { browser in
            try #expect(!(await browser.get("/status").body).contains("skipped-files"))
            try #expect(!(await browser.get("/").body).contains("skipped-files"))
        }
    }

    @Test("The exhibit list counts the files not read and links to the status page, in English and in Kazakh")
    func exhibitList() async throws {
        let fixture = try Self.fixture()
        try await fixture.test { browser in
            let english = try await browser.get("/")
            #expect(
                english.body.contains(
                    "<h1>Exhibits</h1>\n<p class=\"message warning\">Files in the collection folder that are not "
                        + "read, although they may hold captions: 2. Their exhibits are not in this list. "
                        + "<a href=\"/status#skipped-files\">Which files, and why</a></p>\n"))
            let kazakh = try await browser.get("/", headers: [.acceptLanguage: "kk"])
            #expect(
                kazakh.body.contains(
                    "<p class=\"message warning\">Коллекция қалтасындағы оқылмайтын, бірақ жазбалары болуы мүмкін "
                        + "файлдар: 2. Олардың экспонаттары бұл тізімде жоқ. "
                        + "<a href=\"/status#skipped-files\">Қай файлдар және неге</a></p>"))
        }
    }

    @Test(
        "A file not read that appears while the editor runs is named after the next scan, and gone after it is renamed")
    func appearsAndGoes() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            try #expect(!(await browser.get("/").body).contains("skipped-files"))
            try fixture.write("barracks/kurt.YML", "id: kurt\n")
            #expect(fixture.app.store.scan())
            #expect(try await browser.get("/").body.contains("not read, although they may hold captions: 1."))
            #expect(try await browser.get("/status").body.contains("<code>barracks/kurt.YML</code>: "))
            try FileManager.default.moveItem(
                atPath: fixture.path("barracks/kurt.YML"), toPath: fixture.path("barracks/kurt.yml"))
            #expect(fixture.app.store.scan())
            try #expect(!(await browser.get("/").body).contains("skipped-files"))
            #expect(try await browser.get("/exhibits/kurt").status == .ok)
        }
    }

    /// A command refuses a collection inside the collection; the running editor must not stop
    /// following changes because one appeared (its reload read nothing more, silently).
    @Test("A collection copied into a gallery while the editor runs does not stop it from reloading")
    func aNestedCollectionDoesNotStopReloads() async throws {
        let fixture = try EditorFixture()
        try FileManager.default.createDirectory(atPath: fixture.path("barracks/old"), withIntermediateDirectories: true)
        try fixture.write("barracks/old/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        #expect(fixture.app.store.scan())
        #expect(
            fixture.app.store.snapshot.collection.exhibits.contains { $0.relativePath == "barracks/old/captions.yml" })
        // A change of the collection's own settings reloads everything, as before.
        let config = try fixture.read("captions.yml")
        try fixture.write("captions.yml", config + "# edited while the editor runs\n")
        let version = fixture.app.store.snapshot.version
        #expect(fixture.app.store.scan())
        #expect(fixture.app.store.snapshot.version > version)
    }

    @Test("captions.yml turning skipped-file off leaves the notices out, as it does check's finding")
    func turnedOff() async throws {
        let fixture = try EditorFixture { root in
            try "id: kurt\n".write(toFile: root + "/barracks/kurt.YML", atomically: true, encoding: .utf8)
            let config = try String(contentsOfFile: root + "/captions.yml", encoding: .utf8)
            try (config + "checks:\n  skipped-file: off\n").write(
                toFile: root + "/captions.yml", atomically: true, encoding: .utf8)
        }
        try await fixture.test { browser in
            try #expect(!(await browser.get("/").body).contains("skipped-files"))
            try #expect(!(await browser.get("/status").body).contains("skipped-files"))
        }
    }

    @Test("The XLIFF and TMX downloads name the files not read before the file, as the exports' other warnings")
    func translatorDownloads() async throws {
        let fixture = try Self.fixture()
        let collection = try CaptionCollection.load(path: fixture.root)
        let xliff = try XLIFFExporter.export(collection, options: XLIFFExportOptions(targetLanguages: ["en"]))
        #expect(xliff.warnings.isEmpty && xliff.skippedFiles.count == 2)
        let memory = try TMXExporter.export(collection, options: TMXExportOptions(targetLanguages: ["en"]))
        try await fixture.test { browser in
            let page = try await browser.get("/translators/xliff?lang=en&version=1.2")
            #expect(page.headers[.contentDisposition] == nil)
            #expect(
                page.body.contains(
                    "<div class=\"message warning\"><p>The XLIFF file would leave out these caption files:</p>\n"
                        + "<ul class=\"problems\">" + Self.englishItems + "</ul>"
                        + "<p><a href=\"/translators/xliff?lang=en&amp;version=1.2&amp;anyway=1\" download>"
                        + "Download the XLIFF without them</a></p></div>"))
            let file = try await browser.get("/translators/xliff?lang=en&version=1.2&anyway=1")
            #expect(Data(file.bytes) == xliff.files[0].data)

            let tmx = try await browser.get("/translators/tmx?lang=en", headers: [.acceptLanguage: "ru"])
            #expect(tmx.headers[.contentDisposition] == nil)
            #expect(tmx.body.contains("В память переводов не войдут эти файлы подписей:"))
            #expect(
                tmx.body.contains(
                    "<li class=\"warning\"><code lang=\"en\">barracks/kurt.YML</code>: <code lang=\"en\">kurt.YML</code> не "
                        + "читается"))
            let memoryFile = try await browser.get("/translators/tmx?lang=en&anyway=1")
            #expect(Data(memoryFile.bytes) == memory.files[0].data)
        }
    }

    @Test("A caption file that cannot be read is listed as such, with check's message and line, not as missing texts")
    func unreadableFile() async throws {
        let file = "museum-first-floor/kenesary-mail-shirt.yml"
        let fixture = try EditorFixture { root in
            let path = root + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "\n  ru:", with: "\n\t  ru:").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        let message =
            fixture.path(file) + ":4:1: error: invalid YAML: tabs cannot indent YAML; use spaces (found a tab "
            + "character that violates indentation) [invalid-yaml]"
        try await fixture.test { browser in
            let russian = try await browser.get("/?gallery=museum-first-floor", headers: [.acceptLanguage: "ru"])
            #expect(
                russian.body.contains(
                    "<tr><td>\(file)</td><td>museum-first-floor</td><td><span class=\"badge unreadable\">Файл не "
                        + "читается</span><code class=\"load-error\" lang=\"en\">\(message)</code></td>"))
            #expect(!russian.body.contains("не хватает"))
            // Not among the exhibits with missing texts: nothing in it is missing, it cannot be read.
            let missing = try await browser.get("/?gallery=museum-first-floor&missing=*")
            #expect(!missing.body.contains(file))
            // The page of the exhibit the file would hold names the file and what is wrong in it.
            let page = try await browser.get("/exhibits/kenesary-mail-shirt")
            #expect(page.status == .notFound)
            #expect(
                page.body.contains(
                    "<p class=\"message error\">There is no exhibit with the id “kenesary-mail-shirt”. This exhibit "
                        + "would be in the file \(file), but the file cannot be read: \(message)</p>"))
        }
    }
}
