import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

/// The markup behind the accessibility review's items: what screen readers are told.
@Suite("Editor accessibility")
struct EditorAccessibilityTests {
    static let winter = "barracks/first-winter.yml"

    @Test("A box with an error is aria-invalid; a stale box is, and its notice is read with it")
    func invalidAndStaleBoxes() async throws {
        let fixture = try EditorFixture()
        try fixture.write(
            Self.winter,
            try fixture.read(Self.winter).replacing("  kk: Алғашқы қыс\n", with: "  kk: \"\"\n")
                + "translations:\n  title: { en: 00000000 }\n")
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            let body = try await browser.get("/exhibits/first-winter").body
            // The empty Kazakh title has an error finding at its box.
            #expect(
                body.contains(
                    "aria-labelledby=\"h-title l-title-kk\" aria-describedby=\"c-title-kk f-title-kk\" "
                        + "aria-invalid=\"true\" data-field=\"title\""))
            // The stale English title: the notice, not in the findings list, is read with the box.
            #expect(
                body.contains(
                    "aria-labelledby=\"h-title l-title-en\" aria-describedby=\"c-title-en f-title-en stale-title-en\" "
                        + "aria-invalid=\"true\" data-field=\"title\""))
            // A box without an error is not marked.
            #expect(
                body.contains(
                    "aria-labelledby=\"h-title l-title-ru\" aria-describedby=\"c-title-ru f-title-ru\" "
                        + "data-field=\"title\""))
        }
    }

    @Test("Quoted text in another language carries its lang: the stale notice's source, a title, the notes")
    func languageOfQuotedText() async throws {
        let fixture = try EditorFixture()
        try fixture.write(Self.winter, try fixture.read(Self.winter) + "translations:\n  title: { en: 00000000 }\n")
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            let english = try await browser.get("/exhibits/first-winter").body
            #expect(
                english.contains(
                    "<p class=\"stale-source\"><strong>Current source</strong> (ru): <span lang=\"ru\">Первая зима</span></p>"
                ))
            // The notes, in English, on a Kazakh page.
            let kazakh = try await browser.get("/exhibits/first-winter", headers: [.acceptLanguage: "kk"]).body
            #expect(kazakh.contains("<p lang=\"en\">The first women arrived in winter"))
            // A title of the interface's language is not marked; one from the source language is.
            #expect(kazakh.contains("<h1>Алғашқы қыс</h1>"))
            try fixture.write(
                Self.winter, try fixture.read(Self.winter).replacing("  en: The first winter\n", with: "  en: \"\"\n"))
            let fallback = try await browser.get("/exhibits/first-winter").body
            #expect(fallback.contains("<h1 lang=\"ru\">Первая зима</h1>"))
        }
    }

    @Test("The exhibit list shows each exhibit's title under its id, in the interface language or the source's")
    func titlesInTheList() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let english = try await browser.get("/").body
            #expect(
                english.contains(
                    "<a href=\"/exhibits/first-winter\">first-winter</a><br>"
                        + "<span class=\"exhibit-title\" lang=\"en\">The first winter</span></td>"))
            let russian = try await browser.get("/", headers: [.acceptLanguage: "ru"]).body
            #expect(russian.contains("<span class=\"exhibit-title\" lang=\"ru\">Первая зима</span>"))
            try fixture.write(
                Self.winter, try fixture.read(Self.winter).replacing("  en: The first winter\n", with: "  en: \"\"\n"))
            fixture.app.store.reloadAll()
            let fallback = try await browser.get("/").body
            #expect(fallback.contains("<span class=\"exhibit-title\" lang=\"ru\">Первая зима</span>"))
        }
    }

    @Test("A wrong password and a refused new id are tied to their box, which has focus")
    func formErrorsTiedToTheirField() async throws {
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4))
        try await fixture.test { browser in
            _ = try await browser.get("/login")
            let wrong = try await browser.post("/login", [("password", "guess")]).body
            #expect(
                wrong.contains("<p class=\"message error\" id=\"login-problem\" role=\"alert\">Wrong password.</p>"))
            #expect(
                wrong.contains(
                    "autocomplete=\"current-password\" required data-required=\"Type the password.\" "
                        + "autofocus aria-invalid=\"true\" "
                        + "aria-describedby=\"login-problem\">"))
            // A wrong password makes this address wait a second before it may try again.
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await browser.post("/login", [("password", "steppe winter")])
            let fresh = try await browser.get("/new").body
            #expect(!fresh.contains("aria-invalid"))
            // The id's format, which its label says, is its title too: the browser adds it to its
            // own "match the requested format" where the page's script does not give its own
            // message, in the interface language, for an empty box or another format.
            let format = "Id: lowercase Latin letters, digits and hyphens, e.g. stalin-wagon"
            let taken = try await browser.post("/new", [("id", "first-winter"), ("gallery", "barracks")]).body
            #expect(taken.contains("<div id=\"new-problem\"><p class=\"message error\" role=\"alert\">"))
            #expect(
                taken.contains(
                    "<input name=\"id\" value=\"first-winter\" required pattern=\"[a-z0-9]+(-[a-z0-9]+)*\" "
                        + "title=\"\(format)\" data-required=\"Type the new exhibit&#39;s id.\" "
                        + "data-mismatch=\"An id may have only lowercase Latin letters, digits and single hyphens, "
                        + "e.g. stalin-wagon.\" autocomplete=\"off\" aria-invalid=\"true\" "
                        + "aria-describedby=\"new-problem\" autofocus>"))
        }
    }

    @Test("A skip link first, a visible search label, hidden '(does not fit)', status numbers read once")
    func skipLinkSearchLabelOverflowAndStatus() async throws {
        let fixture = try EditorFixture()
        let long = String(repeating: "The first winter in the camp ", count: 8)
        try fixture.write(
            Self.winter,
            try fixture.read(Self.winter).replacing("  en: The first winter\n", with: "  en: \(long)\n"))
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            let collection = try await browser.get("/").body
            #expect(collection.contains("<body>\n<a class=\"skip\" href=\"#main\">Skip to the main content</a>\n"))
            #expect(collection.contains("<main id=\"main\" tabindex=\"-1\">"))
            #expect(
                collection.contains(
                    "<label class=\"search\">Search every text <input type=\"search\" name=\"q\" value=\"\"></label>"))
            #expect(!collection.contains("placeholder="))
            let exhibit = try await browser.get("/exhibits/first-winter").body
            #expect(exhibit.contains("<span class=\"visually-hidden\"> (does not fit)</span></span>"))
            let english = try await browser.get("/status").body
            #expect(english.contains("aria-hidden=\"true\">100.0%</progress> 100.0%</td>"))
            let russian = try await browser.get("/status", headers: [.acceptLanguage: "ru"]).body
            #expect(russian.contains("aria-hidden=\"true\">100,0\u{00A0}%</progress> 100,0\u{00A0}%</td>"))
        }
    }

    @Test("Languages are named with their code in labels, menus and rows")
    func languageNames() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let english = try await browser.get("/exhibits/first-winter").body
            #expect(english.contains("<label for=\"t-title-kk\" id=\"l-title-kk\">Kazakh (kk)</label>"))
            #expect(
                english.contains(
                    "<label for=\"t-title-ru\" id=\"l-title-ru\">Russian (ru) <span class=\"source\">(source)</span></label>"
                ))
            #expect(english.contains("<option value=\"en\" selected>English (en)</option>"))
            let russian = try await browser.get("/", headers: [.acceptLanguage: "ru"]).body
            #expect(russian.contains("<option value=\"kk\">Казахский (kk)</option>"))
            let kazakh = try await browser.get("/status", headers: [.acceptLanguage: "kk"]).body
            #expect(kazakh.contains("<tr><th>Орыс тілі (ru) <span class=\"source\">"))
        }
    }

    @Test("Next exhibit missing, with none left, stays on the exhibit and says so")
    func nextMissingWithNoneLeft() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter/next-missing?lang=ru")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>The first winter</h1>"))
            #expect(
                page.body.contains(
                    "<div id=\"result\" tabindex=\"-1\" data-focus-on-load><p class=\"message\" role=\"status\">"
                        + "No exhibit after this one is missing a text in Russian (ru).</p></div>"))
            let russian = try await browser.get(
                "/exhibits/first-winter/next-missing?lang=kk", headers: [.acceptLanguage: "ru"])
            #expect(
                russian.body.contains(
                    "После этого экспоната нет ни одного, где не хватает текста на языке: Казахский (kk).</p>"))
        }
    }

    @Test("The translators page says what the file is for and takes memoQ and Trados files")
    func translatorsPage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/translators").body
            #expect(page.contains("<p>Send the translator the file you download here"))
            #expect(page.contains("accept=\".xlf,.xliff,.mqxliff,.sdlxliff,.xml\""))
        }
    }

    @Test("The conflict page: its heading in the interface language, header cells scoped")
    func conflictPage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter", headers: [.acceptLanguage: "ru"])
            let digest = try #require(page.inputValue("_digest"))
            try fixture.write(
                Self.winter,
                try fixture.read(Self.winter).replacing("  en: The first winter\n", with: "  en: The winter\n"))
            let refused = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "save"), ("title.en", "My winter")],
                headers: [.acceptLanguage: "ru"])
            #expect(refused.body.contains(">Конфликт</h1>"))
            #expect(refused.body.contains("<thead><tr><td></td><th scope=\"col\">"))
            #expect(refused.body.contains("<tr class=\"differs\"><th scope=\"row\">Заголовок (en)</th>"))
            // On a phone the rows stack (editor.css): each cell names its column itself.
            #expect(refused.body.contains("<td class=\"draft\" lang=\"en\" data-label=\"Ваш черновик\">"))
        }
    }
}
