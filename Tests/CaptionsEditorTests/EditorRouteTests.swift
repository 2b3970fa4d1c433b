import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

@Suite("Editor pages")
struct EditorPageTests {
    @Test("The collection page lists every exhibit with badges, with the security headers")
    func collectionPage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("<a href=\"/exhibits/kurt-story\">kurt-story</a>"))
            #expect(page.body.contains("Exhibits: 20"))
            #expect(page.body.contains("<span class=\"badge complete\" title=\"complete\">kk ✓</span>"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            let cookie = page.headers[values: .setCookie].first { $0.hasPrefix("captions_session=") }
            #expect(cookie?.contains("HttpOnly") == true)
            #expect(cookie?.contains("SameSite=Strict") == true)
            // No inline script anywhere: the only script element loads the editor's file.
            #expect(page.body.components(separatedBy: "<script").count == 2)
            #expect(page.body.contains("<script src=\"/assets/editor.js\" defer></script>"))
        }
    }

    @Test("Filters: missing in a language, gallery, search over every text, pages of 50")
    func filters() async throws {
        let fixture = try EditorFixture.missingOneKazakhText()
        try await fixture.test { browser in
            let missing = try await browser.get("/?missing=kk")
            #expect(missing.body.contains("Exhibits: 1"))
            #expect(missing.body.contains("/exhibits/kurt-story"))
            #expect(missing.body.contains("<span class=\"badge missing\">kk · missing: 1</span>"))
            let russian = try await browser.get("/?missing=kk", headers: [.acceptLanguage: "ru"])
            #expect(russian.body.contains("<span class=\"badge missing\">kk · не хватает: 1</span>"))
            let gallery = try await browser.get("/?gallery=barracks")
            #expect(gallery.body.contains("Exhibits: 4"))
            #expect(!gallery.body.contains("/exhibits/kurt-story\""))
            let search = try await browser.get("/?q=" + urlEncode("СУШЁНОГО"))
            #expect(search.body.contains("Exhibits: 1"))
            #expect(search.body.contains("/exhibits/kurt-story"))
            // "Missing in" offers no filter (—), any language (*) and each language.
            #expect(missing.body.contains("<option value=\"\">—</option><option value=\"*\">any language</option>"))
            #expect(try await browser.get("/?missing=").body.contains("Exhibits: 20"))
            let anyLanguage = try await browser.get("/?missing=*")
            #expect(anyLanguage.body.contains("Exhibits: 1"))
            #expect(anyLanguage.body.contains("<option value=\"*\" selected>any language</option>"))
            let none = try await browser.get("/?q=%3Cscript%3E")
            #expect(none.body.contains("No exhibit matches."))
            #expect(none.body.contains("value=\"&lt;script&gt;\""))
        }
    }

    /// The ids of the exhibits a search for `query` lists, in order.
    static func found(_ query: String, by browser: Browser) async throws -> [String] {
        let body = try await browser.get("/?q=" + urlEncode(query)).body
        return body.components(separatedBy: "<a href=\"/exhibits/").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    @Test("Search: every word in any order and any text, ё as е, ’ as ', a quoted phrase as written")
    func searchWords() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            func found(_ query: String) async throws -> [String] { try await Self.found(query, by: browser) }
            // ё and е: the text has «сушёного».
            let found1 = try await found("сушеного")
            #expect(found1 == ["kurt-story"])
            let found2 = try await found("СУШЁНОГО")
            #expect(found2 == ["kurt-story"])
            // The keyboard's apostrophe finds the typographic one (Stalin’s).
            let found3 = try await found("Stalin's")
            #expect(found3 == ["about-alzhir", "stalin-wagon"])
            // Words in any order, from different texts (the Russian title and the Kazakh text).
            let found4 = try await found("вагон сталинских")
            #expect(found4 == ["stalin-wagon"])
            let found5 = try await found("сталинских вагон")
            #expect(found5 == ["stalin-wagon"])
            let found6 = try await found("\"сталинских вагон\"")
            #expect(found6 == [])
            let found7 = try await found("«вагон сталинских»")
            #expect(found7 == ["stalin-wagon"])
            let found8 = try await found("вагон nosuchword")
            #expect(found8 == [])
        }
    }

    @Test("Search: canonically equivalent spellings match, a decomposed ё (е and U+0308) as the composed one")
    func searchNormalizes() async throws {
        // The kurt-story's Russian title written with a decomposed Ё, as a PDF gives it.
        let fixture = try EditorFixture { root in
            let path = root + "/museum-second-floor/kurt-story.yml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "  ru: ", with: "  ru: Е\u{0308}лочный ", options: [], range: nil)
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        try await fixture.test { browser in
            func found(_ query: String) async throws -> [String] { try await Self.found(query, by: browser) }
            let composed = try await found("времён")
            #expect(composed.sorted() == ["kenesary-mail-shirt", "stalin-wagon"])
            let decomposed = try await found("време\u{0308}н")
            #expect(decomposed == composed)
            let typed = try await found("ёлочный")
            #expect(typed == ["kurt-story"])
            let typedWithE = try await found("Елочный")
            #expect(typedWithE == ["kurt-story"])
        }
        #expect(SearchFold.folded("Е\u{0308}ЛКА и\u{0306}") == SearchFold.folded("ёлка й"))
        #expect(SearchFold.folded("A\u{030A}") == SearchFold.folded("\u{212B}"))
    }

    @Test("The exhibit page: a box per field and language in sign order, named and tagged for spell-checkers")
    func exhibitPage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.status == .ok)
            let kk = try #require(page.body.range(of: "name=\"title.kk\" lang=\"kk\""))
            let ru = try #require(page.body.range(of: "name=\"title.ru\" lang=\"ru\""))
            let en = try #require(page.body.range(of: "name=\"title.en\" lang=\"en\""))
            #expect(kk.lowerBound < ru.lowerBound && ru.lowerBound < en.lowerBound)
            #expect(page.body.contains(">Алғашқы қыс</textarea>"))
            // The heading is the title in the interface's language; the id stands with the file.
            #expect(page.body.contains("<title>The first winter (first-winter)"))
            #expect(
                page.body.contains(
                    "<h1>The first winter</h1>\n<p class=\"file\"><code class=\"id\">first-winter</code> · "
                        + "File: <code>barracks/first-winter.yml</code></p>"))
            let russian = try await browser.get("/exhibits/first-winter", headers: [.acceptLanguage: "ru"])
            #expect(russian.body.contains("<h1>Первая зима</h1>"))
            // The usual fields are named in the interface's language.
            #expect(russian.body.contains("<h2 id=\"h-title\">Заголовок</h2>"))
            #expect(russian.body.contains("<h2 id=\"h-credit\">Кредитная строка</h2>"))
            #expect(page.body.contains("<h2 id=\"h-text\">Text</h2>"))
            // No Kazakh title yet: the source's.
            let kurt = "museum-second-floor/kurt-story.yml"
            try fixture.write(kurt, try fixture.read(kurt).replacing("  kk: Тас емес, құрт\n", with: "  kk: \"\"\n"))
            let kazakh = try await browser.get("/exhibits/kurt-story", headers: [.acceptLanguage: "kk"])
            #expect(kazakh.body.contains("<h1 lang=\"ru\">Не камни, а курт</h1>"))
            // Measured on the title panel (PT Sans): lines against the panel's, not max-chars.
            #expect(
                page.body.contains(
                    "<p class=\"counter\" id=\"c-title-kk\">1 of 3 lines on the panel · 11 characters</p>"))
            #expect(page.body.contains("<span class=\"source\">(source)</span>"))
            #expect(page.body.contains("The first women arrived in winter"))
            #expect(page.body.contains("No findings: the check passes for this exhibit."))
            #expect(
                page.body.contains(
                    "<div class=\"label-block\" lang=\"kk\"><p class=\"label-lang\">kk</p>"
                        + "<div class=\"label-field title\" data-panel=\"title\"><p>Алғашқы қыс</p></div>"))
            #expect(page.body.contains("rel=\"next\" href=\"/exhibits/guard-and-child\""))
            #expect(page.body.contains("rel=\"prev\" href=\"/exhibits/accommodation-block\""))
            #expect(
                page.inputValue("_digest") == LibraryBridge.digest(ofFileAt: fixture.path("barracks/first-winter.yml")))
        }
    }

    @Test("The status page has the reviewed, approved and notes columns of captions status, with its numbers")
    func statusSignOffColumns() async throws {
        let fixture = try EditorFixture { root in
            _ = try SignOff.run(
                SignOff.Request(action: .review, id: "kurt-story", by: "Dana K.", date: "2026-12-03"),
                collectionAt: root)
            _ = try SignOff.run(
                SignOff.Request(
                    action: .approve, id: "kurt-story", fields: ["title"], languages: ["kk"], by: "AB",
                    date: "2026-12-03"),
                collectionAt: root)
        }
        let status = try TranslationStatus.of(collectionAt: fixture.root)
        let kk = try #require(status.languages.first { $0.language == "kk" })
        #expect(kk.reviewed > 0 && kk.approved > 0 && kk.approved < kk.reviewed)
        try await fixture.test { browser in
            let page = try await browser.get("/status")
            #expect(
                page.body.contains(
                    "<th>Stale</th><th>Reviewed</th><th>Approved</th><th>Complete</th><th>Words to translate</th>"))
            #expect(page.body.contains("<th>Warnings</th><th>Notes</th></tr></thead>"))
            #expect(
                page.body.contains(
                    "<tr><th>Kazakh (kk)</th><td>\(kk.units)</td><td>\(kk.translated)</td><td>\(kk.missing)</td>"
                        + "<td>\(kk.stale)</td><td>\(kk.reviewed)</td><td>\(kk.approved)</td>"
                ))
            // The source language is approved, never reviewed.
            #expect(page.body.contains("<td>0</td><td>—</td><td>0</td><td><progress"))
        }
    }

    @Test("The status page says how many files could not be read and so are not counted")
    func statusWithAnUnreadableFile() async throws {
        let fixture = try EditorFixture { root in
            try "id: broken\ntitle:\n  kk: \"Вагон\n".write(
                toFile: root + "/barracks/broken.yml", atomically: true, encoding: .utf8)
        }
        try await fixture.test { browser in
            let page = try await browser.get("/status")
            #expect(
                page.body.contains(
                    "<p class=\"message error\">Exhibit files that could not be read: 1. Their texts are not counted in "
                        + "the table; the exhibits page shows which files they are.</p>"))
        }
        let clean = try EditorFixture()
        try await clean.test { browser in
            let page = try await browser.get("/status")
            #expect(!page.body.contains("could not be read"))
        }
    }

    @Test("Status, translators and new-exhibit pages")
    func otherPages() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let status = try await browser.get("/status")
            #expect(status.status == .ok)
            #expect(status.body.contains("<progress max=\"100\" value=\"100.0\" aria-hidden=\"true\">"))
            #expect(status.body.contains("Russian (ru) <span class=\"source\">(source)</span>"))
            // No translation is a copy of its source: no column of zeros.
            #expect(status.body.contains("<th>Missing</th><th>Stale</th>"))
            #expect(!status.body.contains("Same as source"))
            let translators = try await browser.get("/translators")
            #expect(
                translators.body.contains(
                    "<option value=\"kk\">Kazakh (kk)</option><option value=\"en\">English (en)</option>"))
            let new = try await browser.get("/new")
            #expect(new.body.contains("<option value=\"barracks\">barracks</option>"))
        }
    }

    @Test("The status page's 'same as source' column appears with a copy of the source; the source row has —")
    func statusCountsCopies() async throws {
        let fixture = try EditorFixture { root in
            let file = root + "/barracks/first-winter.yml"
            let text = try String(contentsOfFile: file, encoding: .utf8)
                .replacingOccurrences(of: "  kk: Алғашқы қыс\n", with: "  kk: Первая зима\n")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try await fixture.test { browser in
            let status = try await browser.get("/status")
            #expect(status.body.contains("<th>Missing</th><th>Same as source</th><th>Stale</th>"))
            #expect(status.body.contains("<tr><th>Kazakh (kk)</th><td>48</td><td>47</td><td>0</td><td>1</td>"))
            // The source is never a copy of itself: no figure, as for its reviews.
            #expect(
                status.body.contains(
                    "<span class=\"source\">(source)</span></th><td>48</td><td>48</td><td>0</td><td>—</td><td>0</td><td>—</td>"
                ))
        }
    }

    @Test("A caption holding <script> is shown as text")
    func escaping() async throws {
        let fixture = try EditorFixture()
        var text = try fixture.read("barracks/first-winter.yml")
        text = text.replacingOccurrences(of: "  en: The first winter\n", with: "  en: \"<script>alert(1)</script>\"\n")
        try fixture.write("barracks/first-winter.yml", text)
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"))
            #expect(!page.body.contains("<script>alert"))
            let list = try await browser.get("/?q=alert")
            #expect(list.body.contains("/exhibits/first-winter"))
            #expect(!list.body.contains("<script>alert"))
        }
    }

    @Test("A save after the exhibit's file was deleted says nothing was saved and links back to the exhibit")
    func saveAfterTheFileWasDeleted() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            try FileManager.default.removeItem(atPath: fixture.path("barracks/first-winter.yml"))
            fixture.app.store.reloadAll()
            let fields = [("_digest", page.inputValue("_digest")!), ("_action", "save"), ("title.en", "Changed")]
            let saved = try await browser.post("/exhibits/first-winter", fields)
            #expect(saved.status == .notFound)
            #expect(
                saved.body.contains(
                    "<h1>Not saved</h1>\n<p class=\"message error\">Nothing was saved: this exhibit’s file is no longer "
                        + "in the collection (it was deleted or renamed, or its id changed). Once the file is back "
                        + "(restored with git, for example), the link below opens the exhibit again.</p>\n"
                        + "<p class=\"message\" id=\"draft-kept\" hidden>Your unsaved texts are kept in this browser"))
            #expect(saved.body.contains("<a href=\"/exhibits/first-winter\" id=\"back-to-exhibit\">"))
            #expect(!FileManager.default.fileExists(atPath: fixture.path("barracks/first-winter.yml")))
        }
    }

    @Test("Unknown exhibits and pages are 404 pages; an id is never a path")
    func notFound() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let unknown = try await browser.get("/exhibits/no-such-thing")
            #expect(unknown.status == .notFound)
            #expect(
                unknown.body.contains(
                    "<h1>Not found</h1>\n<p class=\"message error\">There is no exhibit with the id “no-such-thing”.</p>"
                ))
            let traversal = try await browser.get("/exhibits/..%2F..%2Fcaptions.yml")
            #expect(traversal.status == .notFound)
            let page = try await browser.get("/nowhere")
            #expect(page.status == .notFound)
            // The icon browsers ask for: none, without an error.
            #expect(try await browser.get("/favicon.ico").status == .noContent)
            // The message says what was not found, not "Not found" again; the list is linked.
            #expect(
                page.body.contains(
                    "<h1>Not found</h1>\n<p class=\"message error\">There is no page at this address: /nowhere. The list "
                        + "of exhibits is linked below.</p>\n\n<p><a href=\"/\">Back to the exhibits</a></p>"))
            let kazakh = try await browser.get("/nowhere", headers: [.acceptLanguage: "kk"])
            #expect(kazakh.body.contains("Бұл мекенжайда бет жоқ: /nowhere."))
            let asset = try await browser.get("/assets/..%2FPackage.swift")
            #expect(asset.status == .notFound)
        }
    }

    @Test("Files changed on disk are picked up without a restart")
    func reloadsChangedFiles() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/exhibits/first-winter")
            var text = try fixture.read("barracks/first-winter.yml")
            text = text.replacingOccurrences(of: "Первая зима", with: "Первая зима лагеря")
            try fixture.write("barracks/first-winter.yml", text)
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains(">Первая зима лагеря</textarea>"))
            try FileManager.default.removeItem(atPath: fixture.path("barracks/steppe-camps.yml"))
            #expect(fixture.app.store.scan())
            let gone = try await browser.get("/exhibits/steppe-camps")
            #expect(gone.status == .notFound)
            #expect(try await browser.get("/").body.contains("Exhibits: 19"))
        }
    }

    @Test("Once every file is stamped, a scan reads again just the file that changed")
    func scanAfterStamps() async throws {
        let fixture = try EditorFixture()
        fixture.app.store.stampFiles()
        #expect(fixture.app.store.snapshot.stamps.count == 20)
        #expect(!fixture.app.store.scan())
        var text = try fixture.read("barracks/first-winter.yml")
        text = text.replacingOccurrences(of: "The first winter", with: "The first winter of the camp")
        try fixture.write("barracks/first-winter.yml", text)
        #expect(fixture.app.store.scan())
        let exhibit = try #require(fixture.app.store.snapshot.exhibit(id: "first-winter")?.exhibit)
        #expect(exhibit.field("title")?.translation("en")?.text == "The first winter of the camp")
        try await fixture.test { browser in
            let found = try await browser.get("/?q=%22OF+THE+CAMP%22")
            #expect(found.body.contains("/exhibits/first-winter"))
            #expect(found.body.contains("Exhibits: 1"))
        }
    }

    @Test("The interface switches to Kazakh and back; the default follows Accept-Language")
    func interfaceLanguage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let russian = try await browser.get("/", headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.5"])
            #expect(russian.body.contains("<html lang=\"ru\">"))
            #expect(russian.body.contains("<h1>Экспонаты</h1>"))
            let switched = try await browser.post("/language", [("lang", "kk"), ("back", "/status")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/status")
            #expect(switched.headers[.setCookie]?.contains("SameSite=Strict") == true)
            let kazakh = try await browser.get("/status")
            #expect(kazakh.body.contains("<html lang=\"kk\">"))
            #expect(kazakh.body.contains("<h1>Аудармалардың жай-күйі</h1>"))
            _ = try await browser.post("/language", [("lang", "en"), ("back", "//evil.example/")])
            #expect(try await browser.get("/").body.contains("<h1>Exhibits</h1>"))
            let away = try await browser.post("/language", [("lang", "en"), ("back", "https://evil.example/")])
            #expect(away.headers[.location] == "/")
        }
    }

    @Test(
        "In a Kazakh or Russian interface a finding says what its check found in that language, the message marked English"
    )
    func localizedFindings() async throws {
        let fixture = try EditorFixture()
        let kurt = "museum-second-floor/kurt-story.yml"
        try fixture.write(kurt, try fixture.read(kurt).replacing("  kk: Тас емес, құрт\n", with: "  kk: \"\"\n"))
        try await fixture.test { browser in
            let kazakh = try await browser.get("/exhibits/kurt-story", headers: [.acceptLanguage: "kk"])
            let box = try #require(
                kazakh.body.components(separatedBy: "<ul class=\"findings\" id=\"f-title-kk\">").dropFirst().first?
                    .components(separatedBy: "</ul>").first)
            #expect(box.hasPrefix("<li class=\"error\"><span class=\"severity\">"))
            #expect(box.contains("</span> <span class=\"summary\">Мәтін бос.</span> <span lang=\"en\">"))
            #expect(box.contains("<code>empty-text</code>"))
            // The label preview says, in Kazakh, why the export would hold the label back.
            #expect(
                kazakh.body.contains("<p class=\"held-back\">Тақтайша экспорты бұл жазбаны шығармайды, себебі:</p>"))
            // Each reason starts with what it is in Kazakh; the library's English detail follows.
            #expect(
                kazakh.body.contains(
                    "<li class=\"error\"><span class=\"summary\">Мәтін бос.</span> <span lang=\"en\">The Kazakh (kk) title is empty.</span></li>"
                ))
            let russian = try await browser.get("/exhibits/kurt-story", headers: [.acceptLanguage: "ru"])
            #expect(russian.body.contains("<span class=\"summary\">Текст пуст.</span> <span lang=\"en\">"))
            // The live check answers in the page's language too.
            let live = try await browser.post(
                "/exhibits/kurt-story/check", [("title.kk", "")], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken, .acceptLanguage: "ru"])
            #expect(live.body.contains("Текст пуст."))
            let english = try await browser.get("/exhibits/kurt-story", headers: [.acceptLanguage: "en"])
            #expect(english.body.contains("<code>empty-text</code>"))
            #expect(!english.body.contains("class=\"summary\""))
            #expect(
                english.body.contains(
                    "<p class=\"held-back\">The signage export would hold this label back, because:</p>"))
            #expect(english.body.contains("<li class=\"error\">the Kazakh (kk) title is empty</li>"))
        }
    }

    @Test(
        "The label preview is drawn in the panels' fonts: a stylesheet to scale and the font files, from this site only"
    )
    func panelFonts() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("<link rel=\"stylesheet\" href=\"/panels/style.css\">"))
            #expect(page.body.contains("<div class=\"label-field text\" data-panel=\"object\"><p>"))
            #expect(!page.body.contains("held-back"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("font-src 'self';") == true)
            let css = try await browser.get("/panels/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            // The bundled panels: PT Sans Bold 40/46 pt, PT Sans 24/30 pt, PT Sans Italic 16/20 pt,
            // all 300 mm (850.39 pt) wide, so each fills the preview and the sizes keep their ratios.
            #expect(
                css.body.components(separatedBy: "\n") == [
                    "/* The label preview's panels (captions.yml), drawn to scale. */",
                    #"@font-face { font-family: "captions-panel-1"; src: url("/panels/fonts/1") format("truetype"); }"#,
                    #"@font-face { font-family: "captions-panel-2"; src: url("/panels/fonts/2") format("truetype"); }"#,
                    #"@font-face { font-family: "captions-panel-3"; src: url("/panels/fonts/3") format("truetype"); }"#,
                    #".label-field[data-panel="credit"] { font-family: "captions-panel-2"; "#
                        + "font-size: calc(100cqw * 0.018815); line-height: 1.25; width: calc(100cqw * 1); }",
                    #".label-field[data-panel="object"] { font-family: "captions-panel-1"; "#
                        + "font-size: calc(100cqw * 0.028222); line-height: 1.25; width: calc(100cqw * 1); }",
                    #".label-field[data-panel="title"] { font-family: "captions-panel-3"; "#
                        + "font-size: calc(100cqw * 0.047037); line-height: 1.15; width: calc(100cqw * 1); }",
                    "",
                ])
            // The fonts are the files the lines were measured with (PT Sans, its Italic, its Bold).
            let files = PanelStyles.fontFiles(LibraryBridge.panelTypefaces(of: fixture.app.store.snapshot.collection))
            #expect(files.map { ($0 as NSString).lastPathComponent } == ["PTS55F.ttf", "PTS56F.ttf", "PTS75F.ttf"])
            for (index, file) in files.enumerated() {
                let font = try await browser.get("/panels/fonts/\(index + 1)")
                #expect(font.status == .ok)
                #expect(font.headers[.contentType] == "font/ttf")
                #expect(font.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                // Asked again with the tag (as the browser does with every page): not modified,
                // and the file is not sent again.
                let tag = try #require(font.headers[.eTag])
                let again = try await browser.get("/panels/fonts/\(index + 1)", headers: [.ifNoneMatch: tag])
                #expect(again.status == .notModified)
                #expect(again.bytes.isEmpty)
                let other = try await browser.get("/panels/fonts/\(index + 1)", headers: [.ifNoneMatch: "\"0\""])
                #expect(other.status == .ok && other.bytes.count == font.bytes.count)
            }
            // Three files, three tags.
            var tags: Set<String> = []
            for number in 1...3 { tags.insert(try await browser.get("/panels/fonts/\(number)").headers[.eTag] ?? "") }
            #expect(tags.count == 3)
            for wrong in ["0", "4", "-1", "1.0", "..%2F..%2Fetc%2Fpasswd", "captions.yml"] {
                #expect(try await browser.get("/panels/fonts/" + wrong).status == .notFound)
            }
        }
    }

    @Test("Without panels the exhibit page asks for no panel stylesheet, and the stylesheet is empty")
    func noPanelFonts() async throws {
        let fixture = try EditorFixture { root in
            let path = root + "/captions.yml"
            let config = try String(contentsOfFile: path, encoding: .utf8)
            let start = try #require(config.range(of: "panels:\n"))
            let end = try #require(config.range(of: "fields:\n"))
            try
                (String(config[..<start.lowerBound]) + "fields:\n"
                + config[end.upperBound...].replacing(/,\s+panel: \w+/, with: ""))
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.status == .ok)
            #expect(!page.body.contains("/panels/style.css"))
            #expect(page.body.contains("<div class=\"label-field text\"><p>"))
            let css = try await browser.get("/panels/style.css")
            #expect(css.body == "/* The label preview's panels (captions.yml), drawn to scale. */\n")
            #expect(try await browser.get("/panels/fonts/1").status == .notFound)
        }
    }
}

@Suite("Editor saving")
struct EditorSaveTests {
    @Test("Saving changes exactly the edited line and records the source fingerprint")
    func save() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read("barracks/first-winter.yml")
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let digest = try #require(page.inputValue("_digest"))
            let saved = try await browser.post(
                "/exhibits/first-winter",
                [
                    ("_digest", digest), ("_action", "save"), ("title.kk", "Алғашқы қыс!"),
                    ("title.ru", "Первая зима"), ("title.en", "The first winter"),
                ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/exhibits/first-winter?saved=1&changed=title%3Akk")
            let after = try fixture.read("barracks/first-winter.yml")
            let expected =
                before.replacingOccurrences(of: "  kk: Алғашқы қыс\n", with: "  kk: Алғашқы қыс!\n")
                + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  title: { kk: \(SourceFingerprint.of("Первая зима")) }\n"
            #expect(after == expected)
            let shown = try await browser.get("/exhibits/first-winter?saved=1&changed=title%3Akk")
            #expect(shown.body.contains("<p class=\"message ok\" role=\"status\">Saved: Title (kk).</p>"))
            let kazakh = try await browser.get(
                "/exhibits/first-winter?saved=1&changed=title%3Akk", headers: [.acceptLanguage: "kk"])
            #expect(kazakh.body.contains("<p class=\"message ok\" role=\"status\">Сақталды: Тақырып (kk).</p>"))
            #expect(shown.body.contains(">Алғашқы қыс!</textarea>"))
        }
    }

    @Test("A field the file does not have yet is added by the save, in configuration order, with its record")
    func saveNewField() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read("barracks/first-winter.yml")
        #expect(!before.contains("credit:"))
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("This field is not in the file yet; saving a text here adds it."))
            #expect(
                page.body.contains(
                    "name=\"credit.kk\" lang=\"kk\" rows=\"2\" spellcheck=\"true\" "
                        + "aria-labelledby=\"h-credit l-credit-kk\" aria-describedby=\"c-credit-kk f-credit-kk\" "
                        + "data-field=\"credit\" data-lang=\"kk\"></textarea>"))
            let digest = try #require(page.inputValue("_digest"))
            let saved = try await browser.post(
                "/exhibits/first-winter",
                [
                    ("_digest", digest), ("_action", "save"), ("credit.kk", "Мұражай қоры"),
                    ("credit.ru", "Фонды музея"), ("credit.en", "Museum collection"), ("title.en", "The first winter"),
                ])
            #expect(saved.status == .seeOther)
            #expect(
                saved.headers[.location]
                    == "/exhibits/first-winter?saved=3&changed=credit%3Akk%2Ccredit%3Aru%2Ccredit%3Aen")
            let fingerprint = SourceFingerprint.of("Фонды музея")
            let expected =
                before.replacingOccurrences(
                    of: "notes: The first",
                    with: "credit:\n  kk: Мұражай қоры\n  ru: Фонды музея\n  en: Museum collection\nnotes: The first")
                + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  credit: { kk: \(fingerprint), en: \(fingerprint) }\n"
            #expect(try fixture.read("barracks/first-winter.yml") == expected)
            let shown = try await browser.get(try #require(saved.headers[.location]))
            #expect(shown.body.contains("<p class=\"message ok\" role=\"status\">Saved: Credit line (kk, ru, en).</p>"))
            #expect(shown.body.contains(">Мұражай қоры</textarea>"))
            #expect(!shown.body.contains("This field is not in the file yet"))
        }
    }

    @Test("A save over a file changed since the page was rendered is a 409 with both texts; nothing is written")
    func conflict() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let digest = try #require(page.inputValue("_digest"))
            var text = try fixture.read("barracks/first-winter.yml")
            text = text.replacingOccurrences(of: "  en: The first winter\n", with: "  en: The first winter (edited)\n")
            try fixture.write("barracks/first-winter.yml", text)
            let refused = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "save"), ("title.en", "My winter")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("<h1 class=\"conflict\" tabindex=\"-1\" data-focus-on-load>Conflict</h1>"))
            // Each side with the words that differ marked: the file's that a save takes out, mine it puts in.
            #expect(
                refused.body.contains(
                    "<td class=\"draft\" lang=\"en\" data-label=\"Your draft\"><ins>My</ins> winter</td>"
                        + "<td class=\"current\" lang=\"en\" data-label=\"In the file now\"><del>The first</del> "
                        + "winter<del> (edited)</del></td>"))
            // The button says what it overwrites.
            #expect(
                refused.body.contains(
                    "<p id=\"conflict-replaces\">Saving your draft overwrites the file&#39;s changes to Title (en).</p>\n"
                        + "<button type=\"submit\" name=\"_action\" value=\"save\" "
                        + "aria-describedby=\"conflict-replaces\">Save my draft over the file</button>"))
            #expect(try fixture.read("barracks/first-winter.yml") == text)
            // The conflict page's form keeps the draft and may save it over the new file.
            let newDigest = try #require(refused.inputValue("_digest"))
            #expect(refused.body.contains("name=\"title.en\" value=\"My winter\""))
            let kept = try await browser.post(
                "/exhibits/first-winter", [("_digest", newDigest), ("_action", "save"), ("title.en", "My winter")])
            #expect(kept.status == .seeOther)
            #expect(try fixture.read("barracks/first-winter.yml").contains("  en: My winter\n"))
        }
    }

    /// What a browser sends for `page` with the boxes of `edits` (`field.lang` → text) changed:
    /// every text the page showed, as shown (`_base.`) and in the boxes.
    static func saveForm(_ page: Browser.Page, _ edits: [String: String]) throws -> [(String, String)] {
        var form = [("_digest", try #require(page.inputValue("_digest"))), ("_action", "save")]
        for field in ["title", "text", "credit"] {
            for language in ["kk", "ru", "en"] {
                let shown = try #require(page.inputValue("_base.\(field).\(language)"))
                form.append(("_base.\(field).\(language)", shown))
                form.append(("\(field).\(language)", edits["\(field).\(language)"] ?? shown))
            }
        }
        return form
    }

    @Test("The same edit saved from two tabs: the second says the file has it already, not that others changed")
    func sameEditFromTwoTabs() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let first = Browser(client: browser.client)
            let second = Browser(client: browser.client)
            let pageOne = try await first.get("/exhibits/first-winter")
            let pageTwo = try await second.get("/exhibits/first-winter")
            let edit = ["title.en": "The first camp winter"]
            let one = try await first.post("/exhibits/first-winter", try Self.saveForm(pageOne, edit))
            #expect(one.headers[.location] == "/exhibits/first-winter?saved=1&changed=title%3Aen")
            let two = try await second.post("/exhibits/first-winter", try Self.saveForm(pageTwo, edit))
            #expect(two.headers[.location] == "/exhibits/first-winter?saved=0&same=1")
            let shown = try await second.get("/exhibits/first-winter?saved=0&same=1")
            #expect(
                shown.body.contains(
                    "<p class=\"message ok\" role=\"status\">Nothing to save: the file already has these texts "
                        + "(saved from another page).</p>"))
            #expect(!shown.body.contains("Meanwhile other texts"))
        }
    }

    @Test("A file changed meanwhile only in texts the draft left alone takes the draft: both changes kept")
    func saveMergesChangesOfOtherTexts() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("<input type=\"hidden\" name=\"_base.title.en\" value=\"The first winter\">"))
            #expect(page.body.contains("<input type=\"hidden\" name=\"_base.credit.en\" value=\"\">"))
            // A colleague changes the English text and the record (as a review or an accept
            // does); I change the English title.
            let colleague =
                try fixture.read("barracks/first-winter.yml").replacingOccurrences(
                    of: "    The first prisoners, who", with: "    The first women prisoners, who")
                + "translations:\n  title: { kk: 00000000 }\n"
            try fixture.write("barracks/first-winter.yml", colleague)
            let saved = try await browser.post(
                "/exhibits/first-winter", try Self.saveForm(page, ["title.en": "The first camp winter"]))
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/exhibits/first-winter?saved=1&changed=title%3Aen&merged=1")
            let file = try fixture.read("barracks/first-winter.yml")
            #expect(file.contains("    The first women prisoners, who"))
            #expect(file.contains("  en: The first camp winter\n"))
            #expect(file.hasSuffix("  title: { kk: \"00000000\", en: \(SourceFingerprint.of("Первая зима")) }\n"))
            let shown = try await browser.get("/exhibits/first-winter?saved=1&changed=title%3Aen&merged=1")
            #expect(shown.body.contains("Saved: Title (en). Meanwhile"))
            // The source changed in the file under a translation I changed: not saved, a conflict
            // (the save would record my English as made from a Russian I have not seen).
            let before = try await browser.get("/exhibits/first-winter")
            let sourceChanged = try fixture.read("barracks/first-winter.yml").replacingOccurrences(
                of: "  ru: Первая зима\n", with: "  ru: Первая лагерная зима\n")
            try fixture.write("barracks/first-winter.yml", sourceChanged)
            let refused = try await browser.post(
                "/exhibits/first-winter", try Self.saveForm(before, ["title.en": "The first winter of the camp"]))
            #expect(refused.status == .conflict)
            #expect(try fixture.read("barracks/first-winter.yml") == sourceChanged)
            #expect(refused.body.contains("<span class=\"who\">(changed in the file, not by you)</span>"))
            #expect(
                shown.body.contains(
                    "Saved: Title (en). Meanwhile other texts had changed in the file; those changes are kept."))
        }
    }

    @Test("In a real conflict the page says who changed each text, and saving over the file writes only mine")
    func conflictSavesOnlyMyChanges() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            // A colleague changes the English and the Russian title; I change the English and the Kazakh one.
            let colleague = try fixture.read("barracks/first-winter.yml")
                .replacingOccurrences(of: "  ru: Первая зима\n", with: "  ru: Первая лагерная зима\n")
                .replacingOccurrences(of: "  en: The first winter\n", with: "  en: The first winter (edited)\n")
            try fixture.write("barracks/first-winter.yml", colleague)
            let refused = try await browser.post(
                "/exhibits/first-winter",
                try Self.saveForm(page, ["title.en": "My winter", "title.kk": "Менің қысым"]))
            #expect(refused.status == .conflict)
            #expect(try fixture.read("barracks/first-winter.yml") == colleague)
            // The three titles that differ, in order; the texts that are the same only named.
            let rows = refused.body.components(separatedBy: "<tr class=\"differs\"><th scope=\"row\">").dropFirst()
                .map { $0.components(separatedBy: "</th>")[0] }
            #expect(
                rows == [
                    // In the conflict because its source changed, and said so.
                    "Title (kk) <span class=\"who\">(changed by you, and its source, Russian (ru), changed in the "
                        + "file: saved, the translation is recorded as made from the earlier source you saw, and "
                        + "reported stale)</span>",
                    "Title (ru) <span class=\"who\">(changed in the file, not by you)</span>",
                    "Title (en) <span class=\"who\">(changed by you and in the file)</span>",
                ])
            #expect(
                refused.body.contains(
                    "<p class=\"same-texts\">The same in your draft and in the file: Text (kk), Text (ru), Text (en), "
                        + "Credit line (kk), Credit line (ru), Credit line (en).</p>"))
            // The Russian title the save leaves alone is shown as it is on both sides, unmarked.
            #expect(
                refused.body.contains(
                    "<td class=\"draft\" lang=\"ru\" data-label=\"Your draft\">Первая зима</td>"
                        + "<td class=\"current\" lang=\"ru\" data-label=\"In the file now\">Первая лагерная зима</td>"))
            // Saving overwrites the colleague's English only: my Kazakh replaces a title nobody else changed.
            #expect(
                refused.body.contains(
                    "<p id=\"conflict-replaces\">Saving your draft overwrites the file&#39;s changes to Title (en).</p>"
                ))
            // The form carries my two changes only, and the file's texts now as what was shown.
            #expect(refused.body.contains("name=\"title.en\" value=\"My winter\""))
            #expect(refused.body.contains("name=\"title.kk\" value=\"Менің қысым\""))
            #expect(!refused.body.contains("name=\"title.ru\" value="))
            #expect(refused.inputValue("_base.title.ru") == "Первая лагерная зима")
            // My Kazakh and English go on with the Russian I translated them beside.
            #expect(refused.inputValue("_from.title.kk") == "Первая зима")
            #expect(refused.inputValue("_from.title.en") == "Первая зима")
            #expect(refused.inputValue("_from.text.kk") == nil)
            var form = [("_digest", try #require(refused.inputValue("_digest"))), ("_action", "save")]
            for name in ["title.en", "title.kk", "_from.title.kk", "_from.title.en"] {
                form.append((name, try #require(refused.inputValue(name))))
            }
            for field in ["title", "text", "credit"] {
                for language in ["kk", "ru", "en"] {
                    let name = "_base.\(field).\(language)"
                    form.append((name, try #require(refused.inputValue(name))))
                }
            }
            let kept = try await browser.post("/exhibits/first-winter", form)
            #expect(kept.status == .seeOther)
            let file = try fixture.read("barracks/first-winter.yml")
            #expect(file.contains("  kk: Менің қысым\n"))
            #expect(file.contains("  ru: Первая лагерная зима\n"))
            #expect(file.contains("  en: My winter\n"))
            // Recorded as made from the Russian I saw, so both are stale until checked.
            let seen = SourceFingerprint.of("Первая зима")
            #expect(file.hasSuffix("  title: { kk: \(seen), en: \(seen) }\n"))
        }
    }

    @Test("A translation sent with the source it was written beside (_from) is recorded as made from it")
    func translationRecordsTheSourceItWasWrittenBeside() async throws {
        for sendsEarlierSource in [true, false] {
            let fixture = try EditorFixture()
            try await fixture.test { browser in
                // The draft restored onto the current version after a conflict: the page shows the
                // file's Russian now, and the Kazakh was typed beside the Russian before.
                let changed = try fixture.read("barracks/first-winter.yml").replacingOccurrences(
                    of: "  ru: Первая зима\n", with: "  ru: Первая лагерная зима\n")
                try fixture.write("barracks/first-winter.yml", changed)
                let page = try await browser.get("/exhibits/first-winter")
                var form = try Self.saveForm(page, ["title.kk": "Лагерьдегі алғашқы қыс"])
                if sendsEarlierSource {
                    form += [("_from.title.kk", "Первая зима"), ("_from.title.ru", "ignored: the source's own")]
                }
                let saved = try await browser.post("/exhibits/first-winter", form)
                #expect(saved.headers[.location] == "/exhibits/first-winter?saved=1&changed=title%3Akk")
                let source = sendsEarlierSource ? "Первая зима" : "Первая лагерная зима"
                #expect(
                    try fixture.read("barracks/first-winter.yml").hasSuffix(
                        "  title: { kk: \(SourceFingerprint.of(source)) }\n"))
                let shown = try await browser.get("/exhibits/first-winter")
                // Stale: the exhibit page marks it so.
                #expect(shown.body.contains("id=\"stale-title-kk\"") == sendsEarlierSource)
            }
        }
    }

    @Test("The line counter is marked as check reports: a text too long whose finding ignore: accepts is not")
    func counterFollowsTheCheck() async throws {
        let long = String(repeating: "қыс ", count: 45)
        for accepted in [false, true] {
            let fixture = try EditorFixture { root in
                let path = root + "/barracks/first-winter.yml"
                var file = try String(contentsOfFile: path, encoding: .utf8)
                file = file.replacingOccurrences(of: "  kk: Алғашқы қыс\n", with: "  kk: \(long)\n")
                if accepted { file += "ignore: [overflows-panel: title/kk]\n" }
                try file.write(toFile: path, atomically: true, encoding: .utf8)
            }
            try await fixture.test { browser in
                let page = try await browser.get("/exhibits/first-winter")
                let marked = accepted ? "" : " over"
                #expect(
                    page.body.contains(
                        "<p class=\"counter\(marked)\" id=\"c-title-kk\">5 of 3 lines on the panel · 179 characters</p>"
                    ))
            }
        }
    }

    @Test("On the conflict page each side is its own text exactly, a paragraph break the file gained marked")
    func conflictSidesAreExact() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let english = try #require(page.inputValue("_base.text.en"))
            // A colleague splits the English text into two paragraphs; I change one word of it.
            let split = english.replacingOccurrences(of: "in 1938, had", with: "in 1938.\n\nThey had")
            #expect(split != english)
            let file = try fixture.read("barracks/first-winter.yml")
            try fixture.write(
                "barracks/first-winter.yml",
                file.replacingOccurrences(
                    of: "The first prisoners, who arrived at the camp in 1938, had",
                    with: "The first prisoners, who arrived at the camp in 1938.\n\n    They had"))
            let mine = english.replacingOccurrences(of: "freezing", with: "bitter")
            let refused = try await browser.post(
                "/exhibits/first-winter", try Self.saveForm(page, ["text.en": mine]))
            #expect(refused.status == .conflict)
            func cell(_ name: String) throws -> String {
                let marker = "<td class=\"\(name)\" lang=\"en\" data-label="
                let html = try #require(
                    refused.body.components(separatedBy: marker).dropFirst().first?.components(separatedBy: "</td>")
                        .first
                )
                // The cell's text: its markup taken out, its character references read back.
                let text = html.drop(while: { $0 != ">" }).dropFirst()
                    .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                return text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(try cell("draft") == mine)
            #expect(try cell("current") == split)
            #expect(refused.body.contains("1938<del>.\n\nThey</del> had"))
            // A box emptied in the draft says so, in the interface language.
            let again = try await browser.get("/exhibits/first-winter")
            try fixture.write(
                "barracks/first-winter.yml",
                try fixture.read("barracks/first-winter.yml").replacingOccurrences(
                    of: "  ru: Первая зима\n", with: "  ru: Первая лагерная зима\n"))
            let emptied = try await browser.post("/exhibits/first-winter", try Self.saveForm(again, ["title.ru": ""]))
            #expect(emptied.status == .conflict)
            #expect(
                emptied.body.contains(
                    "<td class=\"draft\" lang=\"ru\" data-label=\"Your draft\"><span class=\"empty\" lang=\"en\">"
                        + "(no text)</span></td>"))
        }
        // A change of white space alone strikes nothing visible: it is drawn as a tinted gap, a
        // line break with a ¶ that the page's CSS adds (copying copies the break only).
        let marked = Pages.marked([.kept("A."), .deleted("\n\n"), .inserted(" "), .kept("B.")]).raw
        #expect(marked == "A.<del class=\"ws break\">\n\n</del><ins class=\"ws\"> </ins>B.")
    }

    @Test("Save drops the line breaks and spaces at the end of an edited text, as a block keeps the file")
    func saveDropsTrailingWhitespace() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let digest = try #require(page.inputValue("_digest"))
            // A box ended with Enter (three times) and a space: saved as a block, not as "…\n\n\n".
            let typed = "First paragraph.\n\nSecond paragraph. \n\n\n"
            let live = try await browser.post(
                "/exhibits/first-winter/check", [("text.en", typed)], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            #expect(!live.body.contains("at the end"))
            let saved = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "save"), ("text.en", typed)])
            #expect(saved.status == .seeOther)
            let file = try fixture.read("barracks/first-winter.yml")
            #expect(file.contains("  en: |\n    First paragraph.\n\n    Second paragraph.\nnotes: "))
            // As captions fmt writes it, and nothing for the whitespace check to report.
            let collection = try CaptionCollection.load(path: fixture.root)
            let formatted = CaptionFormatter.format(
                data: Data(file.utf8), path: "first-winter.yml", relativePath: "barracks/first-winter.yml",
                config: collection.config)
            #expect(formatted == .formatted(file))
            let findings = try IndexedCollection(collection).check(exhibit: "first-winter").findings
            #expect(!findings.contains { $0.checkID == "whitespace" })
        }
    }

    @Test("Check without saving shows the draft's findings and writes nothing; the live check answers JSON")
    func draftCheck() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read("barracks/first-winter.yml")
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let digest = try #require(page.inputValue("_digest"))
            // The bundled title panel (PT Sans Bold 40 pt, 300 mm, 3 lines) takes about 36 of these.
            let long = String(repeating: "қыс ", count: 44) + "қыс."
            let checked = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "check"), ("title.kk", long)])
            #expect(checked.status == .ok)
            #expect(checked.body.contains("5 of 3 lines on the panel · 180 characters"))
            #expect(checked.body.contains("<code>overflows-panel</code>"))
            #expect(checked.body.contains("Checked on the unsaved draft"))
            let live = try await browser.post(
                "/exhibits/first-winter/check", [("title.kk", long)], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            #expect(live.status == .ok)
            #expect(live.headers[.contentType] == "application/json; charset=utf-8")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(live.body.utf8)) as? [String: Any])
            let cells = try #require(json["cells"] as? [String: [String: String]])
            #expect(
                cells["title.kk"]?["counter"]
                    == "<p class=\"counter over\" id=\"c-title-kk\">5 of 3 lines on the panel · 180 characters</p>")
            // The counter and overflows-panel count the same lines.
            #expect(cells["title.kk"]?["findings"]?.contains("kk title needs 5 lines at 40 pt") == true)
            // One word wider than the panel: a line only, but the counter is marked with the finding.
            let wide = try await browser.post(
                "/exhibits/first-winter/check", [("title.kk", String(repeating: "қ", count: 60))], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let wideCells = try #require(
                (try JSONSerialization.jsonObject(with: Data(wide.body.utf8)) as? [String: Any])?["cells"]
                    as? [String: [String: String]])
            #expect(
                wideCells["title.kk"]?["counter"]
                    == "<p class=\"counter over\" id=\"c-title-kk\">1 of 3 lines on the panel · 60 characters</p>")
            #expect(wideCells["title.kk"]?["findings"]?.contains("wider than the 300 mm panel") == true)
            #expect(wideCells["title.ru"]?["counter"]?.hasPrefix("<p class=\"counter\" id=") == true)
            #expect(json["errors"] as? Int == 1)
            // The label preview of the draft, as the signage export sets it.
            let preview = try #require(json["preview"] as? String)
            #expect(preview.contains("<div class=\"label-block\" lang=\"kk\">"))
            #expect(preview.contains("қыс қыс"))
            #expect(!preview.contains(">Алғашқы қыс<"))
            // Its lines 4 and 5 are the two the panel has no room for, marked, and said why once.
            let kazakhTitle = try #require(
                preview.components(separatedBy: "<div class=\"label-field title\" data-panel=\"title\">").dropFirst()
                    .first?
                    .components(separatedBy: "</div>").first)
            #expect(kazakhTitle.components(separatedBy: "<br>").count == 5)
            #expect(
                kazakhTitle.components(separatedBy: "<br>").map { $0.contains("<span class=\"over\">") }
                    == [false, false, false, true, true])
            #expect(
                preview.components(separatedBy: "class=\"hint over-note\"").count == 2
                    && preview.contains("The lines that do not fit on the panel (those after its last line)"))
            #expect(!page.body.contains("over-note"))
            // The object panel holds 12 lines, and a blank line between paragraphs takes one:
            // of 11 one-line paragraphs (21 lines), the 7th is the first past the panel.
            let paragraphs = (1...11).map { "Paragraph \($0)." }.joined(separator: "\n\n")
            let tall = try await browser.post(
                "/exhibits/first-winter/check", [("text.en", paragraphs)], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let tallJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(tall.body.utf8)) as? [String: Any])
            let tallPreview = try #require(tallJSON["preview"] as? String)
            let englishText = try #require(
                tallPreview.components(separatedBy: "<div class=\"label-field text\" data-panel=\"object\">").last?
                    .components(separatedBy: "</div>").first)
            let expected = (1...11).map {
                $0 < 7
                    ? "<p>Paragraph \($0).</p>"
                    : "<p><span class=\"over\">Paragraph \($0).<span class=\"visually-hidden\"> (does not fit)</span></span></p>"
            }
            #expect(englishText == expected.joined())
            // The boxes of a field the file does not have (credit) are sent empty: no finding.
            let untouched = try await browser.post(
                "/exhibits/first-winter/check",
                [("title.kk", "Алғашқы қыс"), ("credit.kk", ""), ("credit.en", "")],
                csrf: false, headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let clean = try #require(
                try JSONSerialization.jsonObject(with: Data(untouched.body.utf8)) as? [String: Any])
            #expect(clean["errors"] as? Int == 0)
            #expect(clean["warnings"] as? Int == 0)
            #expect(try fixture.read("barracks/first-winter.yml") == before)
        }
    }

    /// Gives first-winter's Kazakh title a record of another source, so it is stale; returns the file's text.
    static func makeKazakhTitleStale(_ fixture: EditorFixture) throws -> String {
        let text = try fixture.read("barracks/first-winter.yml") + "translations:\n  title: { kk: 00000000 }\n"
        try fixture.write("barracks/first-winter.yml", text)
        fixture.app.store.reloadAll()
        return text
    }

    @Test("Accept records the current source fingerprint of a stale translation")
    func acceptStale() async throws {
        let fixture = try EditorFixture()
        _ = try Self.makeKazakhTitleStale(fixture)
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("id=\"stale-title-kk\""))
            #expect(page.body.contains("<code>stale-translation</code>"))
            let stale = try await browser.get("/?stale=1")
            #expect(stale.body.contains("Exhibits: 1"))
            let accepted = try await browser.post(
                "/exhibits/first-winter/accept", [("target", "title.kk"), ("_digest", page.inputValue("_digest")!)])
            #expect(accepted.status == .seeOther)
            #expect(
                try fixture.read("barracks/first-winter.yml").hasSuffix(
                    "  title: { kk: \(SourceFingerprint.of("Первая зима")) }\n"))
            let after = try await browser.get("/exhibits/first-winter")
            #expect(!after.body.contains("id=\"stale-title-kk\""))
        }
    }

    @Test("Accept sends the page's draft: unchanged, the stale text is accepted; corrected, the draft is saved")
    func acceptWithDraft() async throws {
        let fixture = try EditorFixture()
        let text = try Self.makeKazakhTitleStale(fixture)
        let current = "  title: { kk: \(SourceFingerprint.of("Первая зима")) }\n"
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            // The button is in the exhibit's form, so the draft goes with it.
            #expect(
                page.body.contains(
                    "<button type=\"submit\" name=\"_accept\" value=\"title.kk\" class=\"accept-button\">"
                        + "Accept: matches the source<span class=\"visually-hidden\"> (Title, kk)</span></button>"))
            #expect(!page.body.contains("accept-form"))
            let digest = try #require(page.inputValue("_digest"))
            // The draft as the page shows it: accepted, nothing else written.
            let unchanged = try await browser.post(
                "/exhibits/first-winter",
                [
                    ("_digest", digest), ("_accept", "title.kk"), ("title.kk", "Алғашқы қыс"),
                    ("title.en", "The first winter"),
                ])
            #expect(unchanged.status == .seeOther)
            #expect(unchanged.headers[.location] == "/exhibits/first-winter?accepted=title%20%28kk%29")
            let accepted = try fixture.read("barracks/first-winter.yml")
            #expect(
                accepted
                    == text.replacingOccurrences(
                        of: "translations:\n  title: { kk: 00000000 }\n",
                        with: "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                            + current))

            // Stale again; this time the curator corrects the text in the box, then presses Accept.
            try fixture.write("barracks/first-winter.yml", text)
            fixture.app.store.reloadAll()
            let stale = try await browser.get("/exhibits/first-winter")
            let staleDigest = try #require(stale.inputValue("_digest"))
            let corrected = try await browser.post(
                "/exhibits/first-winter",
                [("_digest", staleDigest), ("_accept", "title.kk"), ("title.kk", "Лагерьдегі алғашқы қыс")])
            #expect(corrected.status == .seeOther)
            #expect(
                corrected.headers[.location]
                    == "/exhibits/first-winter?saved=1&changed=title%3Akk&accepted=title%20%28kk%29")
            let saved = try fixture.read("barracks/first-winter.yml")
            #expect(saved.contains("  kk: Лагерьдегі алғашқы қыс\n"))
            #expect(saved.hasSuffix(current))
            let after = try await browser.get(try #require(corrected.headers[.location]))
            #expect(!after.body.contains("id=\"stale-title-kk\""))
            #expect(after.body.contains("<p class=\"message ok\" role=\"status\">Saved: Title (kk).</p>"))
            #expect(after.body.contains("Accepted: Title (kk)"))
        }
    }

    /// The HTML of the text box `domID` (`field-lang`) of an exhibit page: from its label to the next box.
    static func cell(_ domID: String, in body: String) -> String? {
        guard let start = body.range(of: "<label for=\"t-\(domID)\"") else { return nil }
        let rest = body[start.lowerBound...]
        let end = rest.range(of: "<div class=\"cell")?.lowerBound ?? rest.range(of: "</section>")?.lowerBound
        return end.map { String(rest[..<$0]) }
    }

    /// The `<li>` items of the findings list of text box `domID` (`field-lang`).
    static func findingsList(_ domID: String, in html: String) -> String? {
        guard let start = html.range(of: "<ul class=\"findings\" id=\"f-\(domID)\">") else { return nil }
        let rest = html[start.upperBound...]
        return rest.range(of: "</ul>").map { String(rest[..<$0.lowerBound]) }
    }

    @Test("A stale text is announced once, in its notice: not again in its findings list nor its sign-off line")
    func staleAnnouncedOnce() async throws {
        let fixture = try EditorFixture()
        // title (kk) is stale and has a double space; title (en) was translated from the current source.
        let text =
            try fixture.read("barracks/first-winter.yml").replacingOccurrences(
                of: "  kk: Алғашқы қыс\n", with: "  kk: Алғашқы  қыс\n")
            + "translations:\n  title: { kk: 00000000, en: \(SourceFingerprint.of("Первая зима")) }\n"
        try fixture.write("barracks/first-winter.yml", text)
        fixture.app.store.reloadAll()
        @Sendable func expectOneNotice(_ body: String) throws {
            let cell = try #require(Self.cell("title-kk", in: body))
            #expect(cell.contains("<div class=\"stale\" id=\"stale-title-kk\">"))
            #expect(cell.components(separatedBy: "stale-translation").count == 2)
            let notice = try #require(cell.range(of: "<div class=\"stale\"").map { String(cell[$0.lowerBound...]) })
            #expect(notice.contains("<code>stale-translation</code>"))
            let findings = try #require(Self.findingsList("title-kk", in: cell))
            #expect(!findings.contains("stale-translation"))
            #expect(findings.contains("title (kk) has a double space <code>whitespace</code>"))
            // Nor among the findings under the exhibit (the label preview's reasons are another matter).
            let general = try #require(
                body.range(of: "<div id=\"findings-general\">").flatMap { start in
                    body[start.upperBound...].range(of: "</section>").map {
                        String(body[start.upperBound..<$0.lowerBound])
                    }
                })
            #expect(!general.contains("stale-translation"))
            // The section under the exhibit is not left empty under its heading.
            #expect(general.contains("<p class=\"hint\">Each finding is shown above, under its text.</p>"))
            #expect(!body.contains("Stale: translated from an earlier source"))
        }
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            try expectOneNotice(page.body)
            let kkCell = try #require(Self.cell("title-kk", in: page.body))
            #expect(
                kkCell.contains(
                    "<p class=\"signoff-state stale\" data-state=\"stale\">"
                        + "<span>Not reviewable until the translation is accepted (above)</span></p>"))
            #expect(!kkCell.contains("name=\"review\""))
            // A text that is not stale has no notice and the ordinary state.
            let enCell = try #require(Self.cell("title-en", in: page.body))
            #expect(!enCell.contains("class=\"stale\""))
            #expect(enCell.contains("<span>Translated, not reviewed yet</span>"))
            let digest = try #require(page.inputValue("_digest"))

            // Check without saving (no JavaScript): the same cell.
            let checked = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "check"), ("title.kk", "Алғашқы  қыс")])
            #expect(checked.status == .ok)
            try expectOneNotice(checked.body)

            // The live check: the stale finding is not sent for the box that shows the notice, the
            // double space is; the counts still count the stale finding (an error).
            let live = try await browser.post(
                "/exhibits/first-winter/check", [("title.kk", "Бірінші  қыс")], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            #expect(live.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(live.body.utf8)) as? [String: Any])
            let cells = try #require(json["cells"] as? [String: [String: String]])
            let kk = try #require(cells["title.kk"]?["findings"])
            #expect(!kk.contains("stale-translation"))
            #expect(kk.contains("<code>whitespace</code>"))
            #expect(json["errors"] as? Int == 1)
            #expect(json["warnings"] as? Int == 1)
            #expect((json["general"] as? String)?.contains("stale-translation") == false)

            // A draft that changes the source makes title (en) stale in the draft only: it has no
            // notice, so it is said in the curator's words (not the check's command-line advice).
            let source = try await browser.post(
                "/exhibits/first-winter/check", [("title.ru", "Первая лагерная зима")], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let changed = try #require(
                try JSONSerialization.jsonObject(with: Data(source.body.utf8)) as? [String: Any])
            let changedCells = try #require(changed["cells"] as? [String: [String: String]])
            let en = try #require(changedCells["title.en"]?["findings"])
            #expect(
                en.hasPrefix(
                    "<li class=\"note\">The source text is being changed. Once you save, this translation is marked "
                        + "stale until it is checked against the new source. <code>stale-translation</code></li>"))
            #expect(en.components(separatedBy: "stale-translation").count == 2)
            #expect(!en.contains("captions accept"))
            #expect(changedCells["title.kk"]?["findings"]?.contains("stale-translation") == false)
            // A finding's line, in words.
            #expect(kk.contains("<span class=\"line\">line 3</span>"))
        }
    }

    @Test("Editing a source whose translations have no record says they will go stale, and the save makes them so")
    func untrackedTranslationsGoStale() async throws {
        let file = "barracks/steppe-camps.yml"
        let fixture = try EditorFixture(untracked: [file])
        #expect(!(try fixture.read(file)).contains("translations:"))  // typed by hand, never accepted
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/steppe-camps")
            let asSaved = try await browser.post(
                "/exhibits/steppe-camps/check", [("title.ru", "Степь вместо стен")], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let savedJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(asSaved.body.utf8)) as? [String: Any])
            let live = try await browser.post(
                "/exhibits/steppe-camps/check", [("title.ru", "Степь вместо стен и колючей проволоки")], csrf: false,
                headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrfToken])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(live.body.utf8)) as? [String: Any])
            // The two stale translations count among the draft's errors, as they will once saved.
            #expect(json["errors"] as? Int == (savedJSON["errors"] as? Int).map { $0 + 2 })
            let cells = try #require(json["cells"] as? [String: [String: String]])
            for language in ["kk", "en"] {
                #expect(
                    cells["title.\(language)"]?["findings"]?.hasPrefix(
                        "<li class=\"note\">The source text is being changed. Once you save, this translation is "
                            + "marked stale until it is checked against the new source.") == true, "\(language)")
            }
            #expect(cells["text.kk"]?["findings"]?.contains("being changed") == false)
            let saved = try await browser.post(
                "/exhibits/steppe-camps",
                [
                    ("_digest", try #require(page.inputValue("_digest"))), ("_action", "save"),
                    ("title.ru", "Степь вместо стен и колючей проволоки"),
                ])
            #expect(saved.status == .seeOther)
            // Both translations recorded as made from the title they stood beside: stale now.
            let old = SourceFingerprint.of("Степь вместо стен")
            #expect(
                try fixture.read(file).hasSuffix(
                    "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                        + "  title: { kk: \(old), en: \(old) }\n"))
            let after = try await browser.get("/exhibits/steppe-camps")
            let notice =
                "The source text changed after this translation was made. Compare it with the current source, correct "
                + "it if needed, then accept it."
            #expect(after.body.components(separatedBy: notice).count - 1 == 2, "kk and en of the title")
        }
    }

    @Test("A new exhibit is created as captions new does; a bad id is refused with the reason")
    func newExhibit() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/new")
            let created = try await browser.post("/new", [("id", "felt-boots"), ("gallery", "barracks")])
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/exhibits/felt-boots")
            #expect(FileManager.default.fileExists(atPath: fixture.path("barracks/felt-boots.yml")))
            // Only the required fields, empty; the page has boxes for the others.
            #expect(
                try fixture.read("barracks/felt-boots.yml")
                    == "id: felt-boots\ntitle:\n  kk: \"\"\n  ru: \"\"\n  en: \"\"\ntext:\n  kk: \"\"\n  ru: \"\"\n  en: \"\"\n"
            )
            let page = try await browser.get("/exhibits/felt-boots")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"credit.kk\""))
            #expect(!page.body.contains("<aside class=\"notes\">"))
            // Title and text filled in: saved without an error.
            var form = [("_digest", try #require(page.inputValue("_digest"))), ("_action", "save")]
            for (field, text) in [("title", "Киіз етік"), ("text", "Қыста киген киіз етік.")] {
                for language in ["kk", "ru", "en"] { form.append(("\(field).\(language)", text)) }
            }
            for language in ["kk", "ru", "en"] { form.append(("credit.\(language)", "")) }
            #expect(try await browser.post("/exhibits/felt-boots", form).status == .seeOther)
            let saved = try await browser.get("/exhibits/felt-boots")
            #expect(!saved.body.contains("empty-text"))
            let file = try fixture.read("barracks/felt-boots.yml")
            #expect(!file.contains("credit"))
            let bad = try await browser.post("/new", [("id", "../Bad Id"), ("gallery", "barracks")])
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.body.contains(
                    "The exhibit was not created: an id may have only lowercase Latin letters, digits and single "
                        + "hyphens, and so may a gallery, with / between its folders. The details: &#39;../Bad Id&#39; "
                        + "is not a valid exhibit id"))
            #expect(!bad.body.contains("error:"))
            // An id in use: the curator's sentence and a link, no server path.
            let taken = try await browser.post("/new", [("id", "first-winter"), ("gallery", "barracks")])
            #expect(taken.status == .unprocessableContent)
            #expect(
                taken.body.contains(
                    "The id first-winter is already used by another exhibit; choose another id: "
                        + "<a href=\"/exhibits/first-winter\">first-winter</a>"))
            #expect(!taken.body.contains(fixture.root))
        }
    }
}

@Suite("Editor translators")
struct EditorXLIFFTests {
    /// The English XLIFF the editor offers, as a translator returns it: the title of
    /// first-winter translated anew.
    static func returnedEnglish(_ browser: Browser) async throws -> String {
        let xliff = try await browser.get("/translators/xliff?lang=en")
        let translated = xliff.body.replacingOccurrences(
            of: ">The first winter</target>", with: ">The first winter in the camp</target>")
        #expect(translated != xliff.body)
        return translated
    }

    @Test("The XLIFF download is the bytes captions export xliff writes")
    func download() async throws {
        let fixture = try EditorFixture()
        let collection = try CaptionCollection.load(path: fixture.root)
        let expected = try XLIFFExporter.export(
            collection, options: XLIFFExportOptions(targetLanguages: ["kk"], version: .v2_0)
        ).files[0]
        try await fixture.test { browser in
            let file = try await browser.get("/translators/xliff?lang=kk&version=2.0")
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"ru-kk.xlf\"")
            #expect(Data(file.body.utf8) == expected.data)
            let bad = try await browser.get("/translators/xliff?lang=ru")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("An uploaded XLIFF is reviewed (nothing written), then applied")
    func uploadReviewApply() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let translated = try await Self.returnedEnglish(browser)
            _ = try await browser.get("/translators")
            let before = try fixture.read("barracks/first-winter.yml")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(translated.utf8))
            #expect(review.status == .ok)
            #expect(review.body.contains("Preview of the import: nothing is written yet"))
            #expect(review.body.contains("<tr><th>English (en)</th><td data-label=\"Will be applied\">1</td>"))
            // Paths from the collection folder on, as curators know their files; no server path.
            #expect(review.body.contains("<ul class=\"files\"><li><code>barracks/first-winter.yml</code></li></ul>"))
            #expect(!review.body.contains(fixture.root))
            // The text the import would change, with the words it takes out and puts in.
            #expect(review.body.contains("<h2>Texts this import would change: 1</h2>"))
            #expect(
                review.body.contains(
                    "<li class=\"word-diff\"><h3><a href=\"/exhibits/first-winter\">first-winter</a>, Title (en)</h3>"
                        + "<p class=\"hint\">The text now and the new one (words taken out are struck through, words "
                        + "put in are underlined)</p><p class=\"diff-text\" lang=\"en\">The first winter<ins> in the "
                        + "camp</ins></p></li>"))
            #expect(try fixture.read("barracks/first-winter.yml") == before)
            let token = try #require(review.inputValue("token"))
            let applied = try await browser.post("/translators/apply", [("token", token)])
            #expect(applied.status == .ok)
            #expect(applied.body.contains("Translations applied"))
            #expect(applied.body.contains("<th></th><th>Applied</th>"))
            #expect(applied.body.contains("<h2>Texts this import changed: 1</h2>"))
            #expect(try fixture.read("barracks/first-winter.yml").contains("  en: The first winter in the camp\n"))
            // Sent again (a reload, Back): said so, nothing done twice; another session's token is unknown.
            let again = try await browser.post("/translators/apply", [("token", token)])
            #expect(again.status == .ok)
            #expect(
                again.body.contains(
                    "<p class=\"message\" role=\"status\">These translations were applied already; nothing was done "
                        + "again. To review the file once more, upload it again.</p>"))
            let unknown = try await browser.post("/translators/apply", [("token", "0123")])
            #expect(unknown.status == .gone)
        }
    }

    @Test("Reviews the translator's program marked are recorded by the name given, when asked; no name is refused")
    func uploadTrustingStates() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let xliff = try await browser.get("/translators/xliff?lang=en")
            // The reviewer signed off the English title in the program, unchanged.
            let unit = "<target state=\"translated\">The first winter</target>"
            #expect(xliff.body.contains(unit))
            let marked = xliff.body.replacingOccurrences(
                of: unit, with: "<target state=\"signed-off\">The first winter</target>")
            let page = try await browser.get("/translators")
            #expect(page.body.contains("<input type=\"checkbox\" name=\"trust\" value=\"1\">"))
            let before = try fixture.read("barracks/first-winter.yml")
            // Without the box ticked, the state is ignored.
            let ignored = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8))
            #expect(!ignored.body.contains("reviews to record"))
            // A name typed without the box would be ignored just as silently: refused, with what to do.
            let nameOnly = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("by", "Dana K")])
            #expect(nameOnly.status == .unprocessableContent)
            #expect(
                nameOnly.body.contains(
                    "<p class=\"message error\" role=\"alert\">A name, Dana K, was given but the box to record reviews "
                        + "is not ticked: tick it to record reviews by Dana K, or clear the name to import without "
                        + "reviews; then choose the file again.</p>"))
            // The name box holds the name typed, to tick the box beside it (not the session's name).
            #expect(nameOnly.body.contains("<input name=\"by\" value=\"Dana K\""))
            let noName = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("trust", "1"), ("by", " ")])
            #expect(noName.status == .unprocessableContent)
            #expect(
                noName.body.contains(
                    "<p class=\"message error\" role=\"alert\">Give your name or initials first: each review and "
                        + "approval records who made it.</p>"))
            #expect(noName.body.contains("<input type=\"checkbox\" name=\"trust\" value=\"1\">"))
            // A name the record cannot hold, with the reason, in the interface language.
            _ = try await browser.post("/language", [("lang", "ru"), ("back", "/translators")])
            _ = try await browser.get("/translators")
            let badName = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("trust", "1"), ("by", "Dana; K")])
            #expect(badName.status == .unprocessableContent)
            #expect(
                badName.body.contains(
                    "role=\"alert\">Это имя нельзя записать (в имени есть знак «;», которым в записи разделяются "
                        + "подписи): Dana; K</p>"))
            #expect(badName.body.contains("<input name=\"by\" value=\"Dana; K\""))
            _ = try await browser.post("/language", [("lang", "en"), ("back", "/translators")])
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("trust", "1"), ("by", "Dana K")])
            #expect(review.status == .ok)
            #expect(
                review.body.contains(
                    "<p class=\"states\">English (en): reviews to record by Dana K: 1; already reviewed: 0; refused: 0; "
                        + "changed, imported without a review: 0</p>"))
            // Which text gets the review is listed under its exhibit.
            #expect(
                review.body.contains(
                    "<h2>Texts whose review would be recorded: 1</h2>\n<ul><li><a href=\"/exhibits/first-winter\">"
                        + "first-winter</a>, Title (en)</li></ul>"))
            #expect(try fixture.read("barracks/first-winter.yml") == before)
            let token = try #require(review.inputValue("token"))
            let applied = try await browser.post("/translators/apply", [("token", token)])
            #expect(applied.body.contains("English (en): reviews recorded by Dana K: 1;"))
            #expect(applied.body.contains("<h2>Texts whose review was recorded: 1</h2>"))
            #expect(try fixture.read("barracks/first-winter.yml").contains("reviewed \(try SignOff.today()) Dana K"))
            // The name is kept for the session, as the exhibit page's sign-off keeps it.
            let again = try await browser.get("/translators")
            #expect(again.body.contains("<input name=\"by\" value=\"Dana K\""))
            // The same file again: the review is there already. Without the box, the remembered
            // name in its box is no reason to refuse.
            let twice = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("trust", "1"), ("by", "Dana K")])
            #expect(
                twice.body.contains(
                    "<p class=\"states\">English (en): reviews to record by Dana K: 0; already reviewed: 1; refused: 0; "
                        + "changed, imported without a review: 0</p>"))
            _ = try await browser.get("/translators")
            let remembered = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(marked.utf8),
                fields: [("by", "Dana K")])
            #expect(remembered.status == .ok)
            #expect(!remembered.body.contains("reviews to record"))
        }
    }

    @Test("The review shows a text the exhibit did not have whole, in Russian with Russian headings")
    func uploadReviewNewText() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            // The exhibit has no English title: the export sends the unit with an empty target,
            // and the translator's is new.
            let file = try fixture.read("barracks/first-winter.yml")
            try fixture.write(
                "barracks/first-winter.yml", file.replacingOccurrences(of: "  en: The first winter\n", with: ""))
            let exported = try await browser.get("/translators/xliff?lang=en").body
            let unit = try #require(exported.range(of: "<trans-unit id=\"first-winter.title\""))
            let empty = try #require(
                exported.range(
                    of: "<target state=\"needs-translation\"></target>", range: unit.upperBound..<exported.endIndex))
            let xliff = (body: exported.replacingCharacters(in: empty, with: "<target>The first winter</target>"), ())
            _ = try await browser.get("/translators")
            _ = try await browser.post("/language", [("lang", "ru"), ("back", "/translators")])
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(xliff.body.utf8))
            #expect(review.status == .ok)
            #expect(review.body.contains("<h2>Тексты, которые изменит импорт: 1</h2>"))
            #expect(
                review.body.contains(
                    "<h3><a href=\"/exhibits/first-winter\">first-winter</a>, Заголовок (en)</h3>"
                        + "<p class=\"hint\">Новый текст (прежде текста не было)</p>"
                        + "<p class=\"diff-text\" lang=\"en\"><ins>The first winter</ins></p>"))
        }
    }

    @Test("A file that is not XML is refused on the translators page, saying so, with the form to try again")
    func uploadNotXML() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/translators")
            let csv = "\u{FEFF}id,kk,ru\nfirst-winter.title,Бірінші қыс,Первая зима\n"
            let page = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "terms.csv", bytes: Data(csv.utf8))
            #expect(page.status == .unprocessableContent)
            #expect(
                page.body.contains(
                    "<p class=\"message error\" role=\"alert\">This file cannot be imported: the editor cannot read "
                        + "it as an XLIFF file (a spreadsheet or a document is not one). Choose the file the translator "
                        + "sent back. The details: not an XML file: it does not start with a tag such as &lt;?xml or "
                        + "&lt;xliff (libxml2: Document is empty)</p>"))
            #expect(page.body.contains("<input type=\"file\" name=\"xliff\""))
            // In Russian, the sentence first; the detail has no `file:1:1: error:`.
            let russian = try await browser.reviewUpload("terms.csv", Data(csv.utf8), speaking: "ru")
            #expect(
                russian.body.contains(
                    "role=\"alert\">Этот файл нельзя импортировать: редактор не может прочитать его как файл XLIFF "
                        + "(электронная таблица или документ — не XLIFF). Выберите файл, который вернул переводчик. "
                        + "Подробности: <span lang=\"en\">not an XML file: it does not start with a tag"))
            #expect(!russian.body.contains("error:"))
            _ = try await browser.post("/language", [("lang", "en"), ("back", "/translators")])
            let empty = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-kk.xlf", bytes: Data())
            #expect(empty.status == .unprocessableContent)
            #expect(
                empty.body.contains(
                    "<p class=\"message error\" role=\"alert\">The file is empty: choose the XLIFF file the "
                        + "translator sent back.</p>"))
        }
    }

    @Test("A translation a curator changed while the file was out is kept when the translator returns it unchanged")
    func uploadKeepsNewerText() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let xliff = try await browser.get("/translators/xliff?lang=en")
            // After the download, a curator corrects the English title; the translator changes nothing.
            let file = try fixture.read("barracks/first-winter.yml")
            let corrected = file.replacingOccurrences(
                of: "  en: The first winter\n", with: "  en: The first winter in the camp\n")
            try fixture.write("barracks/first-winter.yml", corrected)
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(xliff.body.utf8))
            #expect(review.status == .ok)
            #expect(!review.body.contains("<del>"))
            #expect(
                review.body.contains(
                    "title (en) of first-winter was kept as it is: it changed in the caption file after the export, "
                        + "and the translator returned it unchanged"))
            let token = try #require(review.inputValue("token"))
            _ = try await browser.post("/translators/apply", [("token", token)])
            #expect(try fixture.read("barracks/first-winter.yml") == corrected)
        }
    }

    @Test("The review shows at most 500 texts and counts the rest")
    func importChangesCapped() throws {
        let changes = (0..<502).map {
            XLIFFImportReport.TextChange(
                exhibit: "exhibit-\($0)", path: "/museum/Captions/exhibit-\($0).yml", field: "title", language: "en",
                before: "Old", after: "New")
        }
        let report = XLIFFImportReport(
            collection: "/museum/Captions", files: [], problems: [], written: [], changes: changes, dryRun: true,
            heldBack: false)
        let words = Localizer(
            language: "en",
            words: [
                "translators.changes": "Texts this import would change: {count}",
                "translators.changedtext": "Changed", "translators.morechanges": "Texts not shown here: {count}.",
            ], fallback: [:])
        let page = Pages.importChanges(report, applied: false, words: words).raw
        #expect(page.components(separatedBy: "<li class=\"word-diff\">").count - 1 == 500)
        #expect(page.contains("exhibit-499</a>"))
        #expect(!page.contains("exhibit-500</a>"))
        #expect(page.contains("<p>Texts not shown here: 2.</p>"))
        #expect(Pages.relativePath("/museum/Captions/a/b.yml", in: "/museum/Captions") == "a/b.yml")
        #expect(Pages.relativePath("/elsewhere/b.yml", in: "/museum/Captions") == "/elsewhere/b.yml")
    }

    @Test("A returned text made from an earlier source is a problem; in Russian its notes are marked English")
    func uploadMadeFromAnEarlierSource() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let translated = try await Self.returnedEnglish(browser)
            // A curator changes the Russian title after the file went to the translator.
            let file = try fixture.read("barracks/first-winter.yml")
            try fixture.write(
                "barracks/first-winter.yml", file.replacingOccurrences(of: "Первая зима", with: "Первая зима лагеря"))
            _ = try await browser.get("/translators")
            _ = try await browser.post("/language", [("lang", "ru"), ("back", "/translators")])
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(translated.utf8))
            #expect(review.status == .ok)
            let problems = try #require(
                review.body.components(separatedBy: "<ul class=\"problems\">").dropFirst().first?
                    .components(separatedBy: "</ul></li></ul>").first)
            #expect(problems.contains("<code>import-conflict</code>"))
            #expect(problems.contains("<ul><li lang=\"en\">the translation was made from &quot;Первая зима&quot;</li>"))
            #expect(problems.contains("<li lang=\"en\">the source is now &quot;Первая зима лагеря&quot;</li>"))
        }
    }

    @Test("A note the translator left on a unit is shown, escaped, with the questions for the translator")
    func uploadWithATranslatorsNote() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let xliff = try await browser.get("/translators/xliff?lang=en")
            let unitEnd = "</target>"
            let at = try #require(xliff.body.range(of: unitEnd))
            let withNote = xliff.body.replacingCharacters(
                in: at, with: unitEnd + "<note from=\"translator\">Is <b>this</b> a hut? &lt;script&gt;</note>")
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(withNote.utf8))
            #expect(review.status == .ok)
            #expect(review.body.contains("<h2>Questions for and from the translator</h2><ul class=\"questions\">"))
            // The note is untrusted: an element in it keeps only its text, and text that looks
            // like markup is shown as text, never run.
            #expect(review.body.contains("<li class=\"note\">"))
            #expect(review.body.contains("has a note from the translator: &quot;Is this a hut? &lt;script&gt;&quot;"))
            #expect(!review.body.contains("<b>this</b>") && !review.body.contains("<script>"))
            #expect(review.body.contains("<code>translator-note</code>"))
        }
    }

    @Test("A returned text whose paragraphs were merged is applied and listed as a question for the translator")
    func uploadWithMergedParagraphs() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let xliff = try await browser.get("/translators/xliff?lang=en")
            let twoParagraphs =
                "Karaganda.\n\nFor many women this separation was harder to bear than imprisonment itself.</target>"
            let merged = xliff.body.replacingOccurrences(
                of: twoParagraphs,
                with: "Karaganda. For many women this separation was harder to bear than imprisonment itself.</target>")
            #expect(merged != xliff.body)
            _ = try await browser.get("/translators")
            let review = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "ru-en.xlf", bytes: Data(merged.utf8))
            #expect(review.status == .ok)
            #expect(review.body.contains("<h2>Questions for and from the translator</h2><ul class=\"questions\">"))
            #expect(
                review.body.contains(
                    "<li class=\"warning\">unit &#39;guard-and-child.text&#39; (en) has 1 paragraph where its "
                        + "source has 2"))
            #expect(review.body.contains("<code>paragraphs-merged</code>"))
            // Nothing is written yet: the column says what applying will do.
            #expect(review.body.contains("<th></th><th>Will be applied</th>"))
            #expect(!review.body.contains("<h2>Problems</h2>"))
            // In Russian, what the importer found is said in Russian before its English message.
            let russian = try await browser.reviewUpload("ru-en.xlf", Data(merged.utf8), speaking: "ru")
            #expect(
                russian.body.contains(
                    "<li class=\"warning\"><span class=\"summary\">В переводе меньше абзацев, чем в "
                        + "оригинале.</span> <span lang=\"en\">unit &#39;guard-and-child.text&#39; (en) has 1 paragraph"
                ))
            #expect(russian.body.contains("<th></th><th>Будет применено</th>"))
        }
    }

    @Test("An upload with a DTD is refused with the importer's reason and nothing written")
    func unsafeUpload() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/translators")
            let evil = """
                <?xml version="1.0"?>
                <!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <xliff version="1.2"><file source-language="ru" target-language="en"><body>&x;</body></file></xliff>
                """
            let page = try await browser.upload(
                "/translators/review", field: "xliff", fileName: "evil.xlf", bytes: Data(evil.utf8))
            #expect(page.status == .unprocessableContent)
            #expect(!page.body.contains("root:"))
        }
    }
}

@Suite("Editor security")
struct EditorSecurityTests {
    @Test("A Host that is not a bound name is refused (DNS rebinding)")
    func hostHeader() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/", headers: [HTTPField.Name("Host")!: "evil.example:8080"])
            #expect(page.status == .misdirectedRequest)
            #expect(page.body.contains("This address is not one the editor answers to."))
        }
    }

    @Test("A POST without the CSRF token, or from another origin, is refused and writes nothing")
    func csrfAndOrigin() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read("barracks/first-winter.yml")
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let fields = [("_digest", page.inputValue("_digest")!), ("_action", "save"), ("title.en", "Changed")]
            let noToken = try await browser.post("/exhibits/first-winter", fields, csrf: false)
            #expect(noToken.status == .forbidden)
            // Not "reload the page", which sends the refused form again: open the exhibit again.
            #expect(
                noToken.body.contains(
                    "came from another site, so nothing was saved. Open the exhibit again with the link below "
                        + "(reloading would send the same form again).</p>"))
            #expect(!noToken.body.contains("Reload"))
            let wrongToken = try await browser.post("/exhibits/first-winter", fields + [("_csrf", "0000")], csrf: false)
            #expect(wrongToken.status == .forbidden)
            // A refused save (a session that ended) links back to the exhibit, where the browser
            // offers the draft it kept; a refused form elsewhere does not.
            #expect(
                wrongToken.body.contains(
                    "<p class=\"message\" id=\"draft-kept\" hidden>Your unsaved texts are kept in this browser: open the "
                        + "exhibit again and choose “Restore my draft”.</p>\n"
                        + "<p><a href=\"/exhibits/first-winter\" id=\"back-to-exhibit\">Back to the exhibit</a></p>"))
            let language = try await browser.post("/language", [("lang", "kk"), ("back", "/")], csrf: false)
            #expect(language.status == .forbidden)
            #expect(!language.body.contains("back-to-exhibit"))
            #expect(!language.body.contains("draft-kept"))
            #expect(language.body.contains("Open the page again from the menu and try again"))
            let otherSite = try await browser.post("/exhibits/first-winter", fields, origin: "http://evil.example")
            #expect(otherSite.status == .forbidden)
            let noOrigin = try await browser.post("/exhibits/first-winter", fields, origin: nil)
            #expect(noOrigin.status == .forbidden)
            let referer = try await browser.post(
                "/exhibits/first-winter", [("_action", "check")], origin: nil,
                headers: [.referer: "http://localhost/exhibits/first-winter"])
            #expect(referer.status == .ok, "\(referer.body)")
            let live = try await browser.post("/exhibits/first-winter/check", [("title.en", "x")], csrf: false)
            #expect(live.status == .forbidden)
            #expect(live.headers[.contentType] == "application/json; charset=utf-8")
            #expect(try fixture.read("barracks/first-winter.yml") == before)
        }
    }

    @Test("Other methods are 405; too large bodies 413; malformed forms 400")
    func limits() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/")
            let put = try await browser.request(.put, "/exhibits/first-winter")
            #expect(put.status == .methodNotAllowed)
            let huge = String(repeating: "a", count: EditorSettings.maximumForm + 10)
            let tooLarge = try await browser.post("/exhibits/first-winter", [("title.en", huge)])
            #expect(tooLarge.status == .contentTooLarge)
            // From an exhibit page: the limit in text, nothing saved, and the way back to the draft.
            #expect(
                tooLarge.body.contains(
                    "<p class=\"message error\">Too much text to save at once: the editor takes at most 1 MB from "
                        + "one page, about 170,000 Cyrillic or 1,000,000 Latin characters in all its boxes together (a "
                        + "caption is far shorter). Nothing was saved.</p>"))
            #expect(tooLarge.body.contains("<a href=\"/exhibits/first-winter\" id=\"back-to-exhibit\">"))
            let tooLargeElsewhere = try await browser.post("/language", [("lang", huge)])
            #expect(tooLargeElsewhere.status == .contentTooLarge)
            #expect(tooLargeElsewhere.body.contains("The request is too large."))
            let malformed = try await browser.request(
                .post, "/language",
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                body: ByteBuffer(string: "lang=%ZZ"))
            #expect(malformed.status == .badRequest)
        }
    }

    @Test("With a password every page asks to sign in; a wrong password is 401; the session id changes")
    func password() async throws {
        let hash = Bcrypt.hash("steppe winter", cost: 4)
        let fixture = try EditorFixture(passwordHash: hash)
        try await fixture.test { browser in
            let first = try await browser.get("/")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/login")
            // A page opened after the session ended comes back after signing in.
            let exhibit = try await browser.get("/exhibits/first-winter?saved=1")
            #expect(exhibit.headers[.location] == "/login?next=%2Fexhibits%2Ffirst-winter%3Fsaved%3D1")
            let login = try await browser.get("/login?next=%2Fexhibits%2Ffirst-winter")
            #expect(login.inputValue("next") == "/exhibits/first-winter")
            let refused = try await browser.post("/exhibits/first-winter", [("_action", "check")])
            #expect(refused.status == .unauthorized)
            #expect(refused.body.contains("<a href=\"/exhibits/first-winter\" id=\"back-to-exhibit\">"))
            // Only a path on this site: another site is never where a sign-in goes on to.
            for elsewhere in ["//evil.example/", "https://evil.example/", "/\\evil.example", "/x\r\nSet-Cookie: a=b"] {
                #expect(try await browser.get("/login?next=" + formEncode(elsewhere)).inputValue("next") == "/")
            }
            let wrong = try await browser.post("/login", [("password", "guess")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Wrong password."))
            // The next attempt after a wrong password waits a second (see the hardening tests).
            try await Task.sleep(for: .milliseconds(1100))
            let before = browser.cookies["captions_session"]
            let right = try await browser.post(
                "/login", [("password", "steppe winter"), ("next", "/exhibits/first-winter")])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/exhibits/first-winter")
            #expect(browser.cookies["captions_session"] != before)
            #expect(try await browser.get("/").status == .ok)
        }
    }
}

@Suite("Editor building blocks")
struct EditorUnitTests {
    @Test("The panel stylesheet scales every panel by the widest one and quotes panel names as CSS strings")
    func panelStylesheet() {
        let typefaces = [
            PanelTypeface(name: "a\"b\\c\nd", fontFile: "/f/B.otf", sizePt: 12, leadingPt: 15, widthMM: 150),
            PanelTypeface(name: "wide", fontFile: "/f/A.ttf", sizePt: 36, leadingPt: 40, widthMM: 600),
        ]
        #expect(
            PanelStyles.stylesheet(typefaces).components(separatedBy: "\n") == [
                "/* The label preview's panels (captions.yml), drawn to scale. */",
                #"@font-face { font-family: "captions-panel-1"; src: url("/panels/fonts/1") format("truetype"); }"#,
                #"@font-face { font-family: "captions-panel-2"; src: url("/panels/fonts/2") format("opentype"); }"#,
                #".label-field[data-panel="a\"b\\c\a d"] { font-family: "captions-panel-2"; "#
                    + "font-size: calc(100cqw * 0.007056); line-height: 1.25; width: calc(100cqw * 0.25); }",
                #".label-field[data-panel="wide"] { font-family: "captions-panel-1"; "#
                    + "font-size: calc(100cqw * 0.021167); line-height: 1.111111; width: calc(100cqw * 1); }",
                "",
            ])
        #expect(PanelStyles.contentType(ofFontFile: "/f/B.OTF") == "font/otf")
        #expect(PanelStyles.contentType(ofFontFile: "/f/C.ttc") == "font/collection")
    }

    @Test("Every interface string exists in kk, ru and en")
    func interfaceStrings() throws {
        let strings = try InterfaceStrings.loadBundled()
        let keys = Set(strings.table["en"]!.keys)
        #expect(keys.count > 100)
        for language in ["kk", "ru"] {
            #expect(Set(strings.table[language]!.keys) == keys)
            #expect(strings.table[language]!.values.allSatisfy { !$0.isEmpty })
        }
        #expect(strings.localizer("kk")("conflict.title") == "Қайшылық")
        #expect(strings.localizer("ru")("exhibit.save") == "Сохранить")
        // A field a museum named itself keeps its name; the usual ones are translated.
        #expect(strings.localizer("kk").fieldName("title") == "Тақырып")
        #expect(strings.localizer("kk").fieldName("provenance") == "provenance")
    }

    @Test("Every check and import finding has a sentence saying what it found in kk, ru and en, and no other")
    func checkSummaries() throws {
        let strings = try InterfaceStrings.loadBundled()
        for language in ["kk", "ru", "en"] {
            let keys = Set(strings.table[language]!.keys.filter { $0.hasPrefix("check.") })
            #expect(keys == Set((CheckExplanation.checkIDs + CheckExplanation.findingIDs).map { "check." + $0 }))
        }
        #expect(strings.localizer("kk").checkSummary("missing-translation") == "Аударма жоқ.")
        #expect(strings.localizer("ru").checkSummary("overflows-panel") == "Текст не помещается на табличке.")
        // The English interface shows the library's English message alone.
        #expect(strings.localizer("en").checkSummary("missing-translation") == nil)
        #expect(strings.localizer("kk").checkSummary("no-such-check") == nil)
        // A text named in a sign-off message: the field's id in English, its heading otherwise.
        #expect(strings.localizer("en").textName(field: "title", language: "kk") == "Title (kk)")
        #expect(strings.localizer("kk").textName(field: "title", language: "kk") == "Тақырып (kk)")
        #expect(strings.localizer("ru").textName(field: "credit", language: "en") == "Кредитная строка (en)")
        #expect(strings.localizer("ru").textName(field: "provenance", language: "en") == "provenance (en)")
    }

    @Test("A save's notice names the texts it changed, a field's languages together; of many fields, three")
    func savedTextList() throws {
        let strings = try InterfaceStrings.loadBundled()
        let texts = [
            TextKey(field: "title", language: "kk"), TextKey(field: "text", language: "kk"),
            TextKey(field: "title", language: "ru"), TextKey(field: "title", language: "ru"),
        ]
        #expect(strings.localizer("en").textList(texts) == "Title (kk, ru), Text (kk)")
        #expect(strings.localizer("kk").textList(texts) == "Тақырып (kk, ru), Мәтін (kk)")
        #expect(strings.localizer("en").textList([TextKey(field: "credit", language: "en")]) == "Credit line (en)")
        // Four fields are named; of five, the first three, and the other texts counted.
        let four = ["title", "text", "credit", "notes"].map { TextKey(field: $0, language: "en") }
        #expect(strings.localizer("en").textList(four) == "Title (en), Text (en), Credit line (en), notes (en)")
        let five = four + [TextKey(field: "notes", language: "kk"), TextKey(field: "provenance", language: "en")]
        #expect(strings.localizer("en").textList(five) == "Title (en), Text (en), Credit line (en) and 3 more")
        #expect(
            strings.localizer("ru").textList(five)
                == "Заголовок (en), Текст (en), Кредитная строка (en) и ещё текстов: 3")
        #expect(
            strings.localizer("kk").textList(five) == "Тақырып (en), Мәтін (en), Дереккөз жолы (en) және тағы 3 мәтін")
        // Only the collection's own texts are read from an address; the order is the address's.
        let config = try ConfigParser.parse(
            text: "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n  text: {}\n",
            path: "captions.yml")
        #expect(
            TextKey.named(inQuery: "text:en,title:de,%3Cb%3E:kk,title,title:kk:x,title:kk", config: config)
                == [TextKey(field: "text", language: "en"), TextKey(field: "title", language: "kk")])
        #expect(TextKey.queryValue([TextKey(field: "text", language: "kk-Latn")]) == "text%3Akk-Latn")
    }

    @Test("Every reason the signage export holds a label back for has a sentence in kk and ru")
    func holdBackSummaries() throws {
        let strings = try InterfaceStrings.loadBundled()
        let location = SourceLocation(path: "Captions/g/a.yml", line: 2)
        func reason(_ kind: HoldBackReason.Kind) -> HoldBackReason { HoldBackReason(kind, at: location, "a reason") }
        // Every kind but checkError, whose sentence is its check's (below).
        let kinds = HoldBackReason.Kind.allCases.filter { $0 != .checkError }
        for language in ["kk", "ru"] {
            let summaries = kinds.map { strings.localizer(language).holdBackSummary(reason($0)) }
            #expect(summaries.allSatisfy { $0 != nil && !$0!.isEmpty }, "\(language)")
            #expect(Set(summaries).count == kinds.count, "one sentence per reason in \(language)")
        }
        #expect(
            strings.localizer("ru").holdBackSummary(reason(.reservedName))
                == "Имя файла таблички совпало бы с именем другого файла экспорта.")
        #expect(strings.localizer("kk").holdBackSummary(reason(.missingTranslation)) == "Аударма жоқ.")
        #expect(strings.localizer("en").holdBackSummary(reason(.emptyText)) == nil)
        // An error of `captions check` is said with that check's sentence.
        let mismatch = HoldBackReason(
            checkError: Diagnostic(
                checkID: "number-mismatch", severity: .error, location: location, message: "text (kk) has other numbers"
            ))
        #expect(
            strings.localizer("kk").holdBackSummary(mismatch) != nil
                && strings.localizer("kk").holdBackSummary(mismatch)
                    == strings.localizer("kk").checkSummary(
                        "number-mismatch")
        )
        // Only the reasons no check finds have strings of their own.
        let own = Set(strings.table["en"]!.keys.filter { $0.hasPrefix("holdback.") })
        #expect(
            own == ["holdback.unreadable", "holdback.invalidgallery", "holdback.reservedname", "holdback.unmeasured"])
    }

    @Test("The interface strings are a caption collection that captions check passes, every translation tracked")
    func interfaceStringsPassTheCheck() throws {
        let folder = try InterfaceStrings.resourcesFolder() + "/" + InterfaceStrings.collectionFolder
        let result = try CaptionChecker.run(CheckRequest(path: folder))
        #expect(result.diagnostics.map { "\($0.location.path):\($0.location.line): \($0.message)" } == [])
        // Every kk and ru string records the en string it translates (`captions accept
        // --untracked`), so a change of an en string marks them stale, which the check above refuses.
        #expect(result.untracked.translations == 0, "run captions accept --untracked --path \(folder)")
        let status = try TranslationStatus.of(collectionAt: folder)
        #expect(status.languages.map(\.language) == ["kk", "ru", "en"])
        #expect(status.languages.allSatisfy { $0.missing == 0 && $0.units > 100 && $0.units == $0.translated })
        #expect(status.languages.allSatisfy { $0.stale == 0 })
        #expect(InterfaceStrings.key(ofID: "exhibit-nextmissing") == "exhibit.nextmissing")
    }

    @Test("The search folds case in Latin, Cyrillic and Kazakh letters and finds a needle anywhere")
    func searchFold() {
        let text = SearchFold.folded("Сәукеле — BRIDAL headdress; ҚАРАҒАНДЫ, Ёлка, Élan\nсәукеле")
        for needle in ["СӘУКЕЛЕ", "bridal HEAD", "қарағанды", "ёлка", "élan", "\nсәу", "с", "e", "lan\nсә"] {
            #expect(SearchFold.contains(text, SearchFold.folded(needle)), "\(needle)")
        }
        for needle in ["сәукелеx", "bridle", "Қарағандыы", "Elan"] {
            #expect(!SearchFold.contains(text, SearchFold.folded(needle)), "\(needle)")
        }
        // Every substring of a text is found, whichever of its bytes the search looks for first.
        let sample = SearchFold.folded("Ұлы дала, ALZHIR 1938 — әйелдер")
        for start in sample.indices {
            for end in (start + 1)...sample.count {
                #expect(SearchFold.contains(sample, Array(sample[start..<end])))
            }
        }
    }

    @Test("The folded search text takes one byte per Russian, Kazakh or ASCII letter")
    func searchFoldIsCompact() {
        #expect(SearchFold.folded("Сәукеле ALZHIR").count == 14)
        #expect(SearchFold.folded("ЁЛКА") == SearchFold.folded("ёлка"))
        // Other characters are a marker and their payload, all at 0xC0 and above after the marker.
        #expect(SearchFold.folded("«é»") == [0xAB, 0xC2, 0xEB, 0xAB, 0xC3, 0xE9, 0xAB, 0xC2, 0xFB])
        #expect(SearchFold.folded("—𝄞").count == 4 + 5)
    }

    @Test("The search finds exactly what a plain lowercased search of the folded letters finds")
    func searchFoldMatchesAPlainSearch() {
        // The plain reference: fold every scalar, then String.contains.
        func reference(_ text: String, _ needle: String) -> Bool {
            func folded(_ text: String) -> [UInt32] { text.unicodeScalars.map { SearchFold.fold($0.value) } }
            return needle.isEmpty || folded(text).firstRange(of: folded(needle)) != nil
        }
        let alphabet = Array("bp,аАеЕоОрРтТсСәӘғҒқҚңҢөӨұҰүҮһҺіІёЁиИйЙaAeEzZ éÉüÜßçÇ«»—–… 𝄞€ \n1")
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        func randomText(_ count: Int) -> String { String((0..<count).map { _ in alphabet[next(alphabet.count)] }) }
        for _ in 0..<3000 {
            let text = randomText(1 + next(24))
            let needle: String
            if next(2) == 0 {
                let characters = Array(text)
                let start = next(characters.count)
                let end = start + 1 + next(characters.count - start)
                needle = String(characters[start..<end]).uppercased()
            } else {
                needle = randomText(1 + next(3))
            }
            #expect(
                SearchFold.contains(SearchFold.folded(text), SearchFold.folded(needle)) == reference(text, needle),
                "\(text) / \(needle)")
        }
    }

    @Test("A form token is good with its own session's cookie for 7 days; forged, another's or older, refused")
    func formTokens() throws {
        let store = SessionStore(openByDefault: true)
        let now = Date()
        let page = store.session(id: nil, now: now).session
        let token = store.token(for: page.id, now: now)
        #expect(token.utf8.count == 72 && token.allSatisfy(\.isHexDigit))
        #expect(store.accepts(token, session: page.id, now: now))
        let lifetime = SessionStore.tokenLifetime
        #expect(store.accepts(token, session: page.id, now: now.addingTimeInterval(lifetime - 1)))
        #expect(!store.accepts(token, session: page.id, now: now.addingTimeInterval(lifetime + 1)))
        // Another session's token, this token under another process's key (a restart), and this
        // token with a later time written into it.
        #expect(
            !store.accepts(store.token(for: store.session(id: nil).session.id, now: now), session: page.id, now: now))
        #expect(!SessionStore(openByDefault: true).accepts(token, session: page.id, now: now))
        let time = try #require(UInt32(token.prefix(8), radix: 16))
        let later = String(format: "%08x", time + 3600) + token.dropFirst(8)
        #expect(!store.accepts(later, session: page.id, now: now.addingTimeInterval(3600)))
        for malformed in [
            "", token.uppercased(), String(token.dropLast()), token + "0",
            "+" + token.dropFirst(), String(token.dropFirst(8)),
        ] {
            #expect(!store.accepts(malformed, session: page.id, now: now), "\(malformed)")
        }
        // The cookie is the session, seen before or not; a cookie that is no session id gets a new one.
        #expect(!store.session(id: page.id).isNew)
        #expect(store.session(id: "../" + page.id.dropFirst(3)).isNew)
    }

    @Test("The background thread (scans, whole-collection check) runs at nice 19; request threads keep theirs")
    func backgroundThreadYields() async {
        #if canImport(Glibc)
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            let before = getpriority(which, 0)
            let background = await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
                let thread = Thread {
                    EditorStore.yieldToRequests()
                    done.resume(returning: getpriority(which, 0))
                }
                thread.start()
            }
            #expect(background == 19)
            #expect(getpriority(which, 0) == before)
        #endif
    }

    @Test("Placeholders are replaced in one pass; unknown ones and a lone brace stay as written")
    func placeholders() {
        let words = Localizer(
            language: "en", words: ["k": "{count} of {total}, {other} {", "plain": "no braces"],
            fallback: ["f": "{count}"])
        #expect(words("k", ["count": "3", "total": "{count}"]) == "3 of {count}, {other} {")
        #expect(words("plain", count: 2) == "no braces")
        #expect(words("f", count: 7) == "7")
        #expect(words("missing.key") == "missing.key")
        // A value ending in a full stop before the sentence's own: one full stop.
        let signed = Localizer(language: "en", words: ["done": "{what}: reviewed by {name}."], fallback: [:])
        #expect(signed("done", ["what": "title (kk)", "name": "Dana K."]) == "title (kk): reviewed by Dana K.")
        #expect(signed("done", ["what": "title (kk)", "name": "AB"]) == "title (kk): reviewed by AB.")
    }

    @Test("The live check's JSON reads back as what Foundation's encoder writes, for any text")
    func liveCheckJSON() throws {
        let awkward = "«Құрт» \"quoted\" back\\slash\nline\r\ttab \u{01}\u{1F} </script> 𝄞 \u{2028}"
        let answer = LiveCheckAnswer(
            cells: [
                "title.kk": .init(counter: awkward, findings: "<li>x</li>"),
                "text.en": .init(counter: "", findings: ""),
            ],
            general: awkward, preview: "<div>\(awkward)</div>", errors: 2, warnings: 7)
        let written = try JSONSerialization.jsonObject(with: Data(answer.json)) as? NSDictionary
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(answer)) as? NSDictionary
        #expect(written != nil && written == reference)
        // Keys sorted: the same answer is the same bytes.
        #expect(String(decoding: answer.json, as: UTF8.self).hasPrefix(#"{"cells":{"text.en":{"counter":"","#))
        // The escapes, byte for byte, and the text between them as it is.
        #expect(
            String(decoding: answer.json, as: UTF8.self).contains(
                #""general":"«Құрт» \"quoted\" back\\slash\nline\r\ttab \u0001\u001f </script> 𝄞 \#u{2028}","#))
    }

    @Test("A draft merge sorts each text by who changed it; a changed source under a changed translation is unclean")
    func draftMerge() {
        let base = ["title": ["ru": "Первая зима", "en": "The first winter", "kk": "Алғашқы қыс"]]
        var draft = base
        draft["title"]?["en"] = "The first camp winter"
        var current = base
        current["title"]?["kk"] = "Лагерьдегі алғашқы қыс"
        let clean = DraftMerge(draft: draft, base: base, current: current, source: "ru")
        #expect(clean.changes == ["title": ["ru": .unchanged, "en": .mine, "kk": .theirs]])
        #expect(clean.changed == ["title": ["en": "The first camp winter"]])
        #expect(clean.isClean)
        // The same text changed to the same words on both sides is no conflict; differently, it is.
        current["title"]?["en"] = "The first camp winter"
        let same = DraftMerge(draft: draft, base: base, current: current, source: "ru")
        #expect(same.changes["title"]?["en"] == .bothSame && same.isClean)
        current["title"]?["en"] = "The first winter, 1938"
        let both = DraftMerge(draft: draft, base: base, current: current, source: "ru")
        #expect(both.changes["title"]?["en"] == .both && !both.isClean)
        // The Russian source changed in the file under the English translation the draft changed.
        current = base
        current["title"]?["ru"] = "Первая лагерная зима"
        let sourceChanged = DraftMerge(draft: draft, base: base, current: current, source: "ru")
        #expect(sourceChanged.changes["title"]?["ru"] == .theirs && !sourceChanged.isClean)
    }

    @Test("A refused save links back to the exhibit page it came from, never elsewhere")
    func exhibitPageOfRequest() {
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibits/first-winter") == "/exhibits/first-winter")
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibits/first-winter/signoff") == "/exhibits/first-winter")
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibits/first-winter/check") == "/exhibits/first-winter")
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibits/") == nil)
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibitsx/a") == nil)
        #expect(PageError.exhibitPage(ofRequestPath: "/new") == nil)
        #expect(PageError.exhibitPage(ofRequestPath: "/exhibits/a\\b") == nil)
    }

    @Test("Accept-Language picks the best interface language")
    func acceptLanguage() {
        #expect(InterfaceStrings.preferred(acceptLanguage: "kk-KZ,ru;q=0.8") == "kk")
        #expect(InterfaceStrings.preferred(acceptLanguage: "de-DE,ru;q=0.3,en;q=0.5") == "en")
        #expect(InterfaceStrings.preferred(acceptLanguage: "fr") == "en")
        #expect(InterfaceStrings.preferred(acceptLanguage: nil) == "en")
    }

    @Test("HTML interpolation escapes text and keeps markup")
    func escaping() {
        let text = "<b>\"Kurt\" & 'stones'</b>"
        let html: HTML = "<p title=\"\(text)\">\(text)</p>"
        #expect(
            html.raw
                == "<p title=\"&lt;b&gt;&quot;Kurt&quot; &amp; &#39;stones&#39;&lt;/b&gt;\">"
                + "&lt;b&gt;&quot;Kurt&quot; &amp; &#39;stones&#39;&lt;/b&gt;</p>")
    }

    @Test("Forms: URL-encoded with CRLF made LF; multipart with a file")
    func forms() throws {
        let form = try FormData(urlEncoded: "a=1&title.kk=%D2%9A%D1%8B%D1%81+%21&t=x%0D%0Ay")
        #expect(form["title.kk"] == "Қыс !")
        #expect(form["t"] == "x\ny")
        #expect(throws: FormError.self) { try FormData(urlEncoded: "a=%FF") }
        let body =
            "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--XX\r\n"
            + "Content-Disposition: form-data; name=\"f\"; filename=\"x.xlf\"\r\n\r\n<x/>\r\n--XX--\r\n"
        let multipart = try FormData(multipart: Data(body.utf8), boundary: "XX")
        #expect(multipart["a"] == "value")
        #expect(multipart.files["f"]?.fileName == "x.xlf")
        #expect(multipart.files["f"]?.bytes == Data("<x/>".utf8))
    }
}
