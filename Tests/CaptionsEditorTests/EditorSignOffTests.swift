import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

@Suite("Editor sign-off")
struct EditorSignOffTests {
    static let file = "barracks/first-winter.yml"

    /// The fields a review or approval of `target` sends: the button and the page's fingerprints.
    static func signOffForm(_ page: Browser.Page, _ button: String, _ target: String, signer: String? = nil)
        -> [(String, String)]
    {
        var fields = [(button, target)]
        for field in ["title", "text", "credit"] {
            for language in ["kk", "ru", "en"] {
                if let value = page.inputValue("fp.\(field).\(language)") {
                    fields.append(("fp.\(field).\(language)", value))
                }
            }
        }
        if let signer { fields.append(("signer", signer)) }
        return fields
    }

    /// Signs texts of first-winter, each from the page as it is then: a button (`review`,
    /// `approve`) and a text (`field.lang`) a step; `signer` is sent with the first.
    static func sign(_ browser: Browser, _ steps: [(String, String)], signer: String? = nil) async throws {
        for (index, (button, target)) in steps.enumerated() {
            let page = try await browser.get("/exhibits/first-winter")
            _ = try await browser.post(
                "/exhibits/first-winter/signoff",
                signOffForm(page, button, target, signer: index == 0 ? signer : nil))
        }
    }

    /// Saves `text` as first-winter's text `name` (`field.lang`) from the page as it is now.
    static func save(_ browser: Browser, _ name: String, _ text: String) async throws -> Browser.Page {
        let page = try await browser.get("/exhibits/first-winter")
        return try await browser.post(
            "/exhibits/first-winter", [("_digest", page.inputValue("_digest")!), (name, text), ("_action", "save")])
    }

    @Test("Enter in the name box signs nothing: the sign-off form's first submit button is a disabled one")
    func enterInNameBoxSignsNothing() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let body = try await browser.get("/exhibits/first-winter").body
            // A form's first submit button in document order is the one Enter presses; the review
            // buttons name the form from the cells below it.
            let form = try #require(body.range(of: "<form id=\"signoff-form\""))
            let firstButton = try #require(body.range(of: "<button", range: form.upperBound..<body.endIndex))
            #expect(
                body[firstButton.lowerBound...].hasPrefix(
                    "<button type=\"submit\" disabled hidden aria-hidden=\"true\" tabindex=\"-1\"></button>"))
            let review = try #require(body.range(of: "form=\"signoff-form\" name=\"review\""))
            #expect(firstButton.lowerBound < review.lowerBound)
            #expect(!body[..<form.lowerBound].contains("form=\"signoff-form\""))
        }
    }

    @Test("A curator reviews, another name approves; the record has the exact line and the page the states")
    func reviewThenApprove() async throws {
        let fixture = try EditorFixture()
        let date = try SignOff.today()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("id=\"so-title-kk\""))
            #expect(page.body.contains("<span>Translated, not reviewed yet</span>"))
            #expect(page.body.contains("<span>Written, not approved yet</span>"))
            #expect(page.body.contains("name=\"review\" value=\"title.kk\""))
            #expect(!page.body.contains("name=\"review\" value=\"title.ru\""))
            #expect(page.body.contains("name=\"approve\" value=\"title.ru\""))
            // Left empty, the box says so in the interface language (the script sets it as the
            // browser's message).
            #expect(
                page.body.contains(
                    "name=\"signer\" value=\"\" maxlength=\"64\" required data-required=\"Type your name or "
                        + "initials first: they are recorded with the review or approval.\""))
            #expect(page.inputValue("fp.title.kk") == SignOff.fingerprint(of: "Алғашқы қыс"))
            #expect(page.inputValue("fp.credit.kk") == "")

            let reviewed = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk", signer: "AB"))
            #expect(reviewed.status == .seeOther)
            #expect(reviewed.headers[.location] == "/exhibits/first-winter?review=title.kk")
            let record =
                "  # machine-owned: source fingerprints of translations; do not edit\n  title:\n    kk: \(SignOff.fingerprint(of: "Первая зима")) "
                + "\(SignOff.fingerprint(of: "Алғашқы қыс")) reviewed \(date) AB\n"
            #expect(try fixture.read(Self.file).hasSuffix(record))

            let after = try await browser.get("/exhibits/first-winter?review=title.kk")
            #expect(after.body.contains("Title (kk): marked as reviewed by AB."))
            #expect(after.body.contains("<span>Reviewed by AB on \(date)</span>"))
            #expect(after.body.contains("Signing as AB"))
            #expect(after.body.contains("name=\"approve\" value=\"title.kk\""))
            #expect(!after.body.contains("name=\"review\" value=\"title.kk\""))

            // The name is asked once per session; a new one replaces it.
            let approved = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(after, "approve", "title.kk", signer: "Dana K."))
            #expect(approved.status == .seeOther)
            #expect(
                try fixture.read(Self.file).hasSuffix(
                    "    kk: \(SignOff.fingerprint(of: "Первая зима")) \(SignOff.fingerprint(of: "Алғашқы қыс")) "
                        + "reviewed \(date) AB; approved \(date) Dana K.\n"))
            let final = try await browser.get("/exhibits/first-winter")
            #expect(
                final.body.contains("<span>Reviewed by AB on \(date)</span><span>Approved by Dana K. on \(date)</span>")
            )
            // A save of the text ends both, and the warning while typing says both.
            #expect(final.body.contains("class=\"signoff-state approved\" data-state=\"approved\" data-ends=\"both\">"))
            #expect(
                final.body.contains(
                    "data-endsboth=\"Saving this change ends the review and the approval: the text will need reviewing "
                        + "and approving again.\""))
            #expect(final.body.contains("Signing as Dana K."))
            #expect(!final.body.contains("value=\"title.kk\""))
        }
    }

    @Test("With JavaScript the answer is JSON: the text's new state and the file's new digest")
    func inPlace() async throws {
        let fixture = try EditorFixture()
        let date = try SignOff.today()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let answer = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.ru", signer: "Curator"),
                headers: [.accept: "application/json"])
            #expect(answer.status == .ok)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
            let cells = try #require(json["cells"] as? [String: String])
            #expect(cells["title.ru"]?.contains("<span>Approved by Curator on \(date)</span>") == true)
            #expect(cells["title.kk"]?.contains("Translated, not reviewed yet") == true)
            #expect(json["digest"] as? String == LibraryBridge.digest(ofFileAt: fixture.path(Self.file)))
            #expect((json["message"] as? String)?.contains("Title (ru): approved for print by Curator.") == true)
            #expect((json["signer"] as? String)?.contains("Signing as Curator") == true)
            #expect(
                try fixture.read(Self.file).hasSuffix(
                    "  # machine-owned: source fingerprints of translations; do not edit\n  title:\n    ru: \(SignOff.fingerprint(of: "Первая зима")) approved \(date) Curator\n"
                ))
        }
    }

    @Test("Without the CSRF token or from another origin the sign-off is refused and writes nothing")
    func csrfAndOrigin() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read(Self.file)
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let form = Self.signOffForm(page, "approve", "title.ru", signer: "AB")
            let noToken = try await browser.post("/exhibits/first-winter/signoff", form, csrf: false)
            #expect(noToken.status == .forbidden)
            let elsewhere = try await browser.post(
                "/exhibits/first-winter/signoff", form, origin: "http://evil.example")
            #expect(elsewhere.status == .forbidden)
            let noOrigin = try await browser.post("/exhibits/first-winter/signoff", form, origin: nil)
            #expect(noOrigin.status == .forbidden)
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("A sign-off without a name, with a bad name, or of an unknown text is refused on the page")
    func refusedNames() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read(Self.file)
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let noName = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.ru"))
            #expect(noName.status == .unprocessableContent)
            #expect(noName.body.contains("Give your name or initials first"))
            #expect(noName.body.contains("name=\"title.kk\" lang=\"kk\""))
            let badName = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.ru", signer: "<b>A;B</b>"))
            #expect(badName.status == .unprocessableContent)
            #expect(badName.body.contains("This name cannot be recorded (the name has a &#39;;&#39;"))
            #expect(badName.body.contains("&lt;b&gt;A;B&lt;/b&gt;"))
            #expect(!badName.body.contains("<b>A;B</b>"))
            let unknown = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "nofield.ru", signer: "AB"))
            #expect(unknown.status == .badRequest)
            let noFingerprints = try await browser.post(
                "/exhibits/first-winter/signoff", [("approve", "title.ru"), ("signer", "AB")])
            #expect(noFingerprints.status == .badRequest)
            #expect(try fixture.read(Self.file) == before)
            // Approving a translation nobody reviewed is refused with the reason, in the interface's words.
            let unreviewed = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk", signer: "AB"))
            #expect(unreviewed.status == .unprocessableContent)
            #expect(unreviewed.body.contains("Not signed: Title (kk): it is not reviewed yet: review it first."))
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("A refused sign-off gives the library's reason in the page's language: no source text, a source reviewed")
    func refusalReasonsInThePageLanguage() async throws {
        let fixture = try EditorFixture()
        try fixture.write(
            Self.file, try fixture.read(Self.file).replacingOccurrences(of: "  ru: Первая зима\n", with: "  ru: \"\"\n")
        )
        fixture.app.store.reloadAll()
        let before = try fixture.read(Self.file)
        try await fixture.test { browser in
            let russian: HTTPFields = [.acceptLanguage: "ru"]
            let page = try await browser.get("/exhibits/first-winter", headers: russian)
            // A translation of a title whose source is empty: offered for review, refused.
            #expect(page.body.contains("name=\"review\" value=\"title.kk\""))
            let noSource = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk", signer: "AB"),
                headers: russian)
            #expect(noSource.status == .unprocessableContent)
            #expect(
                noSource.body.contains(
                    "<p class=\"message error\" role=\"alert\">Не подписано: Заголовок (kk) — нет исходного текста, "
                        + "с которым его можно сверить.</p>"))
            // A review of a source text, which no button offers.
            let source = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "text.ru"), headers: russian)
            #expect(source.status == .unprocessableContent)
            #expect(
                source.body.contains(
                    "<p class=\"message error\" role=\"alert\">Не подписано: Текст (ru) — исходный текст не проверяют, "
                        + "а утверждают.</p>"))
            #expect(!noSource.body.contains("reviewed against") && !source.body.contains("captions approve"))
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("An exhibit whose id is not a slug offers no sign-off and says why; one sent anyway is refused, in Russian")
    func idNotASlug() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let russian: HTTPFields = [.acceptLanguage: "ru"]
            // A page opened before the id was changed: the sign-off sent from it anyway.
            let opened = try await browser.get("/exhibits/first-winter", headers: russian)
            try fixture.write(
                Self.file,
                try fixture.read(Self.file).replacingOccurrences(of: "id: first-winter\n", with: "id: First Winter\n"))
            fixture.app.store.reloadAll()
            let before = try fixture.read(Self.file)
            let page = try await browser.get("/exhibits/First%20Winter", headers: russian)
            #expect(
                page.body.contains(
                    "<p class=\"hint signoff-id\">Тексты этого экспоната нельзя ни проверить, ни утвердить: его id "
                        + "«First Winter» — не слаг (строчные латинские буквы, цифры и дефисы), а тексты подписываются "
                        + "по id экспоната. Исправьте его в файле на «id: first-winter».</p>"))
            #expect(page.body.contains("id=\"so-title-kk\""))
            #expect(!page.body.contains("name=\"review\" value=") && !page.body.contains("name=\"approve\" value="))
            // No name is asked for: nothing can be signed.
            #expect(!page.body.contains("id=\"signer-box\"") && !page.body.contains("id=\"signoff-form\""))
            for (button, target) in [("review", "title.kk"), ("approve", "title.ru")] {
                let refused = try await browser.post(
                    "/exhibits/First%20Winter/signoff", Self.signOffForm(opened, button, target, signer: "AB"),
                    headers: russian)
                #expect(refused.status == .unprocessableContent)
                #expect(
                    refused.body.contains(
                        "<p class=\"message error\" role=\"alert\">Не подписано: id этого экспоната «First Winter» — "
                            + "не слаг (строчные латинские буквы, цифры и дефисы), а тексты подписываются по id "
                            + "экспоната. Исправьте его в файле на «id: first-winter» и подпишите снова.</p>"))
                #expect(!refused.body.contains("then run the command again"))
            }
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("A stale translation is refused; outside git the page says why no word diff is shown")
    func staleRefused() async throws {
        let fixture = try EditorFixture()
        try fixture.write(Self.file, try fixture.read(Self.file) + "translations:\n  title: { kk: 00000000 }\n")
        fixture.app.store.reloadAll()
        let before = try fixture.read(Self.file)
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("<span>Not reviewable until the translation is accepted (above)</span>"))
            #expect(page.body.contains("Which words changed cannot be shown: "))
            // Nor does the page say that the git history has the earlier source and shows it.
            #expect(
                page.body.contains("<p class=\"hint\">The earlier source wording is not kept in the caption file.</p>"))
            #expect(!page.body.contains("what changed is shown below"))
            #expect(!page.body.contains("name=\"review\" value=\"title.kk\""))
            let refused = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk", signer: "AB"))
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains(
                    "Not signed: Title (kk): the translation is stale: compare it with the current source and accept it first."
                ))
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("A sign-off sent with the fingerprints of an older text is a 409 showing the current text; nothing signed")
    func conflict() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            // Another curator changes the Kazakh title after the page was shown.
            let changed = try fixture.read(Self.file).replacingOccurrences(
                of: "  kk: Алғашқы қыс\n", with: "  kk: Бірінші қыс\n")
            try fixture.write(Self.file, changed)
            let answer = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk", signer: "AB"))
            #expect(answer.status == .conflict)
            #expect(
                answer.body.contains("This exhibit&#39;s file changed after the page showed it, so nothing was signed.")
            )
            #expect(answer.body.contains(">Бірінші қыс</textarea>"))
            #expect(answer.body.contains("value=\"\(SignOff.fingerprint(of: "Бірінші қыс"))\""))
            #expect(try fixture.read(Self.file) == changed)
            // With JavaScript: 409 and the page is shown again.
            let json = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk"),
                headers: [.accept: "application/json"])
            #expect(json.status == .conflict)
            #expect(json.body.contains("\"reload\":true"))
            #expect(try fixture.read(Self.file) == changed)
            // A text whose own texts did not change (the Russian title) is still signed from the old page.
            let other = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.ru"))
            #expect(other.status == .seeOther)
            #expect(try fixture.read(Self.file).contains(" approved "))
            // The page's own link after a conflict says so.
            let shown = try await browser.get("/exhibits/first-winter?signoff=conflict")
            #expect(shown.body.contains("nothing was signed"))
        }
    }

    @Test("An edit after approval demotes it, and the page says which sign-off no longer counts and why")
    func demotion() async throws {
        let fixture = try EditorFixture()
        let date = try SignOff.today()
        try await fixture.test { browser in
            var page = try await browser.get("/exhibits/first-winter")
            _ = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.kk", signer: "AB"))
            page = try await browser.get("/exhibits/first-winter")
            _ = try await browser.post("/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk"))
            page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("<span>Approved by AB on \(date)</span>"))
            let saved = try await browser.post(
                "/exhibits/first-winter",
                [("_digest", page.inputValue("_digest")!), ("title.kk", "Алғашқы қыс."), ("_action", "save")])
            #expect(saved.status == .seeOther)
            // The page the save leads to says which sign-off the save ended, and whose: kept by
            // the editor, the address carries only a token of 64 hexadecimal digits.
            let location = try #require(saved.headers[.location])
            let prefix = "/exhibits/first-winter?saved=1&changed=title%3Akk&ended="
            #expect(location.hasPrefix(prefix))
            let token = String(location.dropFirst(prefix.count))
            #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
            let shown = try await browser.get(location)
            #expect(
                shown.body.contains(
                    "<p class=\"message ok\" role=\"status\">Saved: Title (kk).</p><p class=\"message warning\" "
                        + "role=\"status\">This save ended the review by AB and the approval by AB of Title (kk): the "
                        + "changed text must be reviewed and approved again.</p>"))
            // Once: a reload of the page says what was saved, not the notice again.
            let reloaded = try await browser.get(location)
            #expect(reloaded.body.contains("Saved: Title (kk)."))
            #expect(!reloaded.body.contains("This save ended"))
            // A text only reviewed: the page says the review ended, not an approval it never had.
            page = try await browser.get("/exhibits/first-winter")
            _ = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "review", "title.en", signer: "C. D."))
            page = try await browser.get("/exhibits/first-winter")
            let reviewedOnly = try await browser.post(
                "/exhibits/first-winter",
                [("_digest", page.inputValue("_digest")!), ("title.en", "The first winter."), ("_action", "save")])
            let reviewPage = try await browser.get(try #require(reviewedOnly.headers[.location]))
            #expect(
                reviewPage.body.contains(
                    "<p class=\"message warning\" role=\"status\">This save ended the review by C. D. of Title (en): "
                        + "the changed text must be reviewed again.</p>"))
            #expect(!reviewPage.body.contains("approval by"))
            // In the language of the page that shows it (signed as C. D. now, as the session's name).
            try await Self.sign(browser, [("review", "title.kk"), ("approve", "title.kk")])
            let again = try await Self.save(browser, "title.kk", "Алғашқы қыс")
            let russian = try await browser.get(
                try #require(again.headers[.location]), headers: [.acceptLanguage: "ru"])
            #expect(
                russian.body.contains(
                    "Это сохранение отменило проверку (C. D.) и утверждение (C. D.) текста Заголовок (kk): изменённый "
                        + "текст "
                        + "нужно снова проверить и утвердить."))
            // An address with the names in it (as the editor wrote them before) shows no notice:
            // a link someone made cannot say who had signed.
            for forged in [
                "/exhibits/first-winter?saved=1&changed=title%3Akk&ended=title%3Akk&reviewby.title.kk=X"
                    + "&approvalby.title.kk=Y",
                "/exhibits/first-winter?saved=1&ended=%3Cb%3E%3Akk,title%3Ade",
                "/exhibits/first-winter?saved=1&ended=" + String(repeating: "0", count: 64),
            ] {
                let shown = try await browser.get(forged)
                #expect(!shown.body.contains("This save ended"))
                #expect(!shown.body.contains("message warning"))
            }
            let after = try await browser.get("/exhibits/first-winter")
            #expect(!after.body.contains("Approved by AB"))
            #expect(!after.body.contains("This save ended"))
            #expect(after.body.contains("name=\"review\" value=\"title.kk\""))
        }
    }

    @Test(
        "The notice of the sign-offs a save ended is shown once, to the session that saved, on the page of the exhibit it saved"
    )
    func endedSignOffNoticeIsTheSavingTabsOwn() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            try await Self.sign(browser, [("review", "title.kk"), ("review", "title.en")], signer: "AB")
            // Two tabs of the same session save one text each.
            let first = try await Self.save(browser, "title.kk", "Алғашқы қыс.")
            let second = try await Self.save(browser, "title.en", "The first winter.")
            let firstPage = try #require(first.headers[.location])
            let secondPage = try #require(second.headers[.location])
            let kazakh = "This save ended the review by AB of Title (kk)"
            let english = "This save ended the review by AB of Title (en)"
            // Another browser with the address: no notice, and the notice is still there for the tab.
            let stranger = Browser(client: browser.client)
            #expect(!(try await stranger.get(firstPage)).body.contains("This save ended"))
            // Another exhibit's page with the token: no notice.
            let token = try #require(firstPage.components(separatedBy: "ended=").last)
            let elsewhere = try await browser.get("/exhibits/accommodation-block?saved=1&ended=" + token)
            #expect(elsewhere.status == .ok)
            #expect(!elsewhere.body.contains("This save ended"))
            // Each tab sees its own save's notice only, once.
            let secondShown = try await browser.get(secondPage)
            #expect(secondShown.body.contains(english) && !secondShown.body.contains(kazakh))
            let firstShown = try await browser.get(firstPage)
            #expect(firstShown.body.contains(kazakh) && !firstShown.body.contains(english))
            #expect(!(try await browser.get(firstPage)).body.contains("This save ended"))
        }
    }

    @Test("A text changed by hand after its approval shows the approval that no longer counts")
    func demotedByHand() async throws {
        let fixture = try EditorFixture()
        let date = try SignOff.today()
        let source = SignOff.fingerprint(of: "Первая зима")
        let text = SignOff.fingerprint(of: "Алғашқы қыс")
        try fixture.write(
            Self.file,
            try fixture.read(Self.file).replacingOccurrences(of: "  kk: Алғашқы қыс\n", with: "  kk: Алғашқы қыс!\n")
                + "translations:\n  title:\n    kk: \(source) \(text) reviewed \(date) AB; approved \(date) Dana\n")
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(
                page.body.contains(
                    "<p class=\"signoff-outdated\">The approval by Dana on \(date) no longer counts: the text changed</p>"
                ))
        }
    }

    @Test("The word diff of a stale translation's source, from git history, escaped")
    func wordDiff() async throws {
        let fixture = try EditorFixture()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", fixture.root] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("skipped: the word diff needs git (/usr/bin/git)")
            return
        }
        try git("init", "-q")
        try git("-c", "user.name=T", "-c", "user.email=t@example.org", "add", "-A")
        try git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first")
        let old = SignOff.fingerprint(of: "Первая зима")
        try fixture.write(
            Self.file,
            try fixture.read(Self.file).replacingOccurrences(
                of: "  ru: Первая зима\n", with: "  ru: \"Первая <лагерная> зима\"\n")
                + "translations:\n  title: { kk: \(old) }\n")
        try git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-am", "second")
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            #expect(
                page.body.contains("<p class=\"diff-text\" lang=\"ru\">Первая <ins>&lt;лагерная&gt; </ins>зима</p>"))
            #expect(page.body.contains("deleted words are struck out, new words underlined."))
            #expect(page.body.contains("the git history of the file has it, and what changed is shown below."))
        }
    }

    @Test("With four eyes the reviewer's approval is refused, its old one does not count, another name replaces it")
    func fourEyes() async throws {
        let fixture = try EditorFixture()
        let date = try SignOff.today()
        try await fixture.test { browser in
            // Every text of first-winter reviewed and approved by DK, before four eyes was set.
            for field in ["title", "text"] {
                for language in ["kk", "en"] {
                    try await Self.sign(browser, [("review", "\(field).\(language)")], signer: "DK")
                }
                for language in ["kk", "ru", "en"] {
                    try await Self.sign(browser, [("approve", "\(field).\(language)")])
                }
            }
            #expect(try await browser.get("/?ready=1").body.contains("Exhibits: 1"))
            try fixture.write(
                "captions.yml",
                try fixture.read("captions.yml") + "checks:\n  not-approved: { severity: error, four-eyes: true }\n")
            #expect(fixture.app.store.scan())
            #expect(try await browser.get("/?ready=1").body.contains("No exhibit matches."))
            let page = try await browser.get("/exhibits/first-winter")
            #expect(
                page.body.contains(
                    "<p class=\"signoff-state reviewed\" data-state=\"reviewed\" data-ends=\"both\"><span>Reviewed by DK "
                        + "on \(date)</span>"
                        + "</p><p class=\"signoff-outdated\">The approval by DK on \(date) does not count: the same "
                        + "person reviewed the text; another person must approve it</p>"))
            // DK signs with this session: DK's own review is not offered for DK's approval.
            #expect(!page.body.contains("name=\"approve\" value=\"title.kk\""))
            // The source text has only an approval: a save ends that alone.
            #expect(
                page.body.contains(
                    "id=\"so-title-ru\"><p class=\"signoff-state approved\" data-state=\"approved\" "
                        + "data-ends=\"approval\">"))
            let refused = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk"))
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains("Not signed: Title (kk) was reviewed by you, and another person must approve it.")
            )
            let approved = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk", signer: "AB"))
            #expect(approved.status == .seeOther)
            #expect(try fixture.read(Self.file).contains(" reviewed \(date) DK; approved \(date) AB\n"))
            let after = try await browser.get("/exhibits/first-winter")
            #expect(after.body.contains("<span>Reviewed by DK on \(date)</span><span>Approved by AB on \(date)</span>"))
        }
    }

    /// first-winter in a collection with four eyes, its Kazakh title reviewed by DK; the test
    /// runs with DK's session and a second one, another person's, whose name is not given yet.
    static func fourEyesReviewedByDK(
        _ body: @escaping @Sendable (EditorFixture, Browser, Browser) async throws -> Void
    )
        async throws
    {
        let fixture = try EditorFixture()
        try fixture.write(
            "captions.yml",
            try fixture.read("captions.yml") + "checks:\n  not-approved: { severity: error, four-eyes: true }\n")
        fixture.app.store.reloadAll()
        try await fixture.test { browser in
            try await Self.sign(browser, [("review", "title.kk")], signer: "DK")
            try await body(fixture, browser, Browser(client: browser.client))
        }
    }

    /// The sign-off cell of `key` (`field-lang`) in a page.
    static func cell(_ key: String, in page: Browser.Page) throws -> Substring {
        let start = try #require(page.body.range(of: "<div class=\"signoff\" id=\"so-\(key)\">"))
        let end = try #require(page.body.range(of: "</div>", range: start.upperBound..<page.body.endIndex))
        return page.body[start.lowerBound..<end.upperBound]
    }

    /// The findings listed under text box `key` (`field-lang`) in a page.
    static func findings(_ key: String, in page: Browser.Page) throws -> Substring {
        let start = try #require(page.body.range(of: "<ul class=\"findings\" id=\"f-\(key)\">"))
        let end = try #require(page.body.range(of: "</ul>", range: start.upperBound..<page.body.endIndex))
        return page.body[start.upperBound..<end.lowerBound]
    }

    @Test("A name the record cannot hold is refused with the reason in the page's language")
    func refusedNameInThePageLanguage() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter", headers: [.acceptLanguage: "ru"])
            let semicolon = try await browser.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.ru", signer: "A;B"),
                headers: [.acceptLanguage: "ru"])
            #expect(semicolon.status == .unprocessableContent)
            #expect(
                semicolon.body.contains(
                    "<p class=\"message error\" role=\"alert\">Это имя нельзя записать (в имени есть знак «;», которым "
                        + "в записи разделяются подписи): A;B</p>"))
            // A right-to-left override, named by its code point.
            let kazakh = try await browser.post(
                "/exhibits/first-winter/signoff",
                Self.signOffForm(page, "approve", "title.ru", signer: "A\u{202E}B"), headers: [.acceptLanguage: "kk"])
            #expect(
                kazakh.body.contains(
                    "role=\"alert\">Бұл атты жазуға болмайды (атында көрінбейтін пішімдеу таңбасы бар, U+202E): "
                        + "A\u{202E}B</p>"))
            #expect(!kazakh.body.contains("invisible"))
        }
    }

    @Test("The English reasons a name is refused for are the library's, word for word")
    func englishNameProblemsAreTheLibrarys() throws {
        let words = try InterfaceStrings.loadBundled().localizer("en")
        let problems: [SignOff.NameProblem] = [
            .empty, .tooLong, .lineBreakOrControl, .formattingCharacter("U+202E"), .semicolon, .spaceAtEndOrDoubled,
            .otherSpace,
        ]
        for problem in problems { #expect(words.nameProblem(problem) == problem.message) }
        #expect(SignOff.nameProblem("A\u{202E}B") == .formattingCharacter("U+202E"))
    }

    @Test("The not-approved finding names the button that approves the text, in the page's language, not the command")
    func notApprovedFindingNamesTheButton() async throws {
        /// The error item of a `not-approved` finding at `line` that says `advice`.
        @Sendable func item(_ advice: String, line: Int, language: String = "ru") -> String {
            let (error, summary, lineWord) =
                language == "ru"
                ? ("ошибка", "Текст ещё не утверждён.", "строка") : ("error", "The text is not approved yet.", "line")
            return "<li class=\"error\"><span class=\"severity\">\(error)</span> <span class=\"summary\">\(summary)"
                + "</span> \(advice) <code>not-approved</code> <span class=\"line\">\(lineWord) \(line)</span></li>"
        }
        try await Self.fourEyesReviewedByDK { _, reviewer, _ in
            let russian = try await reviewer.get("/exhibits/first-winter", headers: [.acceptLanguage: "ru"])
            // The source text: approved directly.
            #expect(
                try Self.findings("title-ru", in: russian)
                    == item("Утвердите его кнопкой «Утвердить к печати» под этим текстом.", line: 4))
            // A translation not reviewed yet.
            let reviewFirst =
                "Сначала отметьте его как проверенный кнопкой «Отметить как проверенный» под этим текстом, затем "
                + "утвердите кнопкой «Утвердить к печати»."
            #expect(try Self.findings("title-en", in: russian) == item(reviewFirst, line: 5))
            // Reviewed by DK, with four eyes: another person approves it.
            let another =
                "Утвердить его кнопкой «Утвердить к печати» под этим текстом должен не тот, кто его проверял (DK), а "
                + "другой человек."
            #expect(try Self.findings("title-kk", in: russian) == item(another, line: 3))
            #expect(!russian.body.contains("captions approve"))
            let english = try await reviewer.get("/exhibits/first-winter", headers: [.acceptLanguage: "en"])
            let approve = "Approve it with the “Approve for print” button under this text."
            #expect(try Self.findings("title-ru", in: english) == item(approve, line: 4, language: "en"))
            #expect(!english.body.contains("captions approve"))
            let kazakh = try await reviewer.get("/exhibits/first-winter", headers: [.acceptLanguage: "kk"])
            let kazakhAnother =
                "Оны осы мәтіннің астындағы «Басуға бекіту» түймесімен оның тексерушісінен (DK) басқа адам бекітуі керек."
            #expect(try Self.findings("title-kk", in: kazakh).contains(kazakhAnother))
            #expect(!kazakh.body.contains("captions approve"))
        }
    }

    @Test("With four eyes the reviewer's page says another person must approve the text, and offers no Approve")
    func fourEyesReviewerIsNotOfferedApprove() async throws {
        let line =
            "<p class=\"signoff-foureyes hint\">You reviewed this text, so another person must approve it (four eyes).</p>"
        try await Self.fourEyesReviewedByDK { fixture, reviewer, other in
            let page = try await reviewer.get("/exhibits/first-winter")
            let title = try Self.cell("title-kk", in: page)
            #expect(title.hasSuffix("</p>\(line)</div>"), "\(title)")
            #expect(!title.contains("name=\"approve\""))
            #expect(page.body.components(separatedBy: "signoff-foureyes").count == 2)
            // The source text, which has no review, stays DK's to approve.
            #expect(try Self.cell("title-ru", in: page).contains("name=\"approve\" value=\"title.ru\""))
            // In the other interface languages too.
            let russian = try await reviewer.get("/exhibits/first-winter", headers: [.acceptLanguage: "ru"])
            #expect(
                try Self.cell("title-kk", in: russian).contains(
                    "Этот текст проверяли вы, поэтому утвердить его должен другой человек (принцип четырёх глаз)."))
            let kazakh = try await reviewer.get("/exhibits/first-winter", headers: [.acceptLanguage: "kk"])
            #expect(
                try Self.cell("title-kk", in: kazakh).contains(
                    "Бұл мәтінді сіз тексердіңіз, сондықтан оны басқа адам бекітуі керек (төрт көз қағидаты)."))

            // Another person (AB, once the name is given with a review) is offered it.
            try await Self.sign(other, [("review", "title.en")], signer: "AB")
            let theirs = try await other.get("/exhibits/first-winter")
            let offered = try Self.cell("title-kk", in: theirs)
            #expect(offered.contains("name=\"approve\" value=\"title.kk\""))
            #expect(!offered.contains("signoff-foureyes"))
            // ...and not the one AB reviewed, which DK is offered.
            #expect(!(try Self.cell("title-en", in: theirs).contains("name=\"approve\"")))
            #expect(try Self.cell("title-en", in: theirs).contains(line))
            let again = try await reviewer.get("/exhibits/first-winter")
            #expect(try Self.cell("title-en", in: again).contains("name=\"approve\" value=\"title.en\""))

            // DK's browser taken over by EF with the name alone: EF is offered DK's review.
            let record = try fixture.read(Self.file)
            let takenOver = try await reviewer.post(
                "/exhibits/first-winter/signoff", [("signas", "1"), ("signer", "EF")])
            #expect(takenOver.status == .seeOther)
            #expect(takenOver.headers[.location] == "/exhibits/first-winter")
            let asEF = try await reviewer.get("/exhibits/first-winter")
            #expect(asEF.body.contains("Signing as EF"))
            #expect(try Self.cell("title-kk", in: asEF).contains("name=\"approve\" value=\"title.kk\""))
            #expect(!asEF.body.contains("signoff-foureyes"))
            #expect(try fixture.read(Self.file) == record)
            let badName = try await reviewer.post(
                "/exhibits/first-winter/signoff", [("signas", "1"), ("signer", "E;F")])
            #expect(badName.status == .unprocessableContent)
            #expect(try await reviewer.get("/exhibits/first-winter").body.contains("Signing as EF"))
        }
    }

    @Test("With four eyes a hand-made approval by the reviewer is refused in one sentence, and nothing is written")
    func fourEyesRefusalWording() async throws {
        try await Self.fourEyesReviewedByDK { fixture, reviewer, _ in
            let page = try await reviewer.get("/exhibits/first-winter")
            let before = try fixture.read(Self.file)
            let refused = try await reviewer.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk"))
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains(
                    "<p class=\"message error\" role=\"alert\">Not signed: Title (kk) was reviewed by you, "
                        + "and another person must approve it.</p>"))
            let json = try await reviewer.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk"),
                headers: [.accept: "application/json"])
            #expect(json.status == .unprocessableContent)
            #expect(
                json.body.contains("Not signed: Title (kk) was reviewed by you, and another person must approve it."))
            let russian = try await reviewer.post(
                "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "title.kk"),
                headers: [.acceptLanguage: "ru"])
            #expect(
                russian.body.contains(
                    "Не подписано: Заголовок (kk) проверяли вы, утвердить его должен другой человек."))
            #expect(try fixture.read(Self.file) == before)
        }
    }

    @Test("The ready-for-print filter lists exactly the exhibits whose every text is approved")
    func readyForPrint() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let none = try await browser.get("/?ready=1")
            #expect(none.body.contains("No exhibit matches."))
            #expect(none.body.contains("name=\"ready\" value=\"1\" checked"))
            for field in ["title", "text"] {
                for language in ["kk", "en"] {
                    let page = try await browser.get("/exhibits/first-winter")
                    let answer = try await browser.post(
                        "/exhibits/first-winter/signoff",
                        Self.signOffForm(page, "review", "\(field).\(language)", signer: "AB"))
                    #expect(answer.status == .seeOther)
                }
                for language in ["kk", "ru", "en"] {
                    let page = try await browser.get("/exhibits/first-winter")
                    let answer = try await browser.post(
                        "/exhibits/first-winter/signoff", Self.signOffForm(page, "approve", "\(field).\(language)"))
                    #expect(answer.status == .seeOther)
                    if field == "text" && language == "kk" {
                        let notYet = try await browser.get("/?ready=1")
                        #expect(notYet.body.contains("No exhibit matches."))
                    }
                }
            }
            let ready = try await browser.get("/?ready=1")
            #expect(ready.body.contains("Exhibits: 1"))
            #expect(ready.body.contains("<a href=\"/exhibits/first-winter\">first-winter</a>"))
            let barracks = try await browser.get("/?ready=1&gallery=memorial-park")
            #expect(barracks.body.contains("No exhibit matches."))
            // An error of `captions check` in the file (here: titles limited to 10 characters, off
            // their panel) holds the label back in the export, so it is not ready for print
            // either, once the background check has found it.
            let config = try fixture.read("captions.yml")
            try fixture.write(
                "captions.yml",
                config.replacingOccurrences(
                    of: "title:  { required: true,  max-chars: 80,  panel: title }",
                    with: "title:  { required: true,  max-chars: 10 }"))
            #expect(fixture.app.store.scan())  // the editor's watch of the files, at once
            #expect(fixture.app.store.checkIfDue())
            let tooLong = try await browser.get("/?ready=1")
            #expect(tooLong.body.contains("No exhibit matches."), "\(tooLong.body)")
        }
    }

    @Test("A label on a panel whose font is missing is not ready for print; its preview gives the export's reason")
    func missingPanelFontIsNotReadyForPrint() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            for field in ["title", "text"] {
                for language in ["kk", "en"] {
                    try await Self.sign(browser, [("review", "\(field).\(language)")], signer: "AB")
                }
                for language in ["kk", "ru", "en"] {
                    try await Self.sign(browser, [("approve", "\(field).\(language)")], signer: "DK")
                }
            }
            #expect(try await browser.get("/?ready=1").body.contains("Exhibits: 1"))
            // The object panel's font file is not there; `overflows-panel` is an error (its default).
            let config = try fixture.read("captions.yml")
            try fixture.write(
                "captions.yml",
                config.replacingOccurrences(
                    of: "object: { font: \"PT Sans\",", with: "object: { font: fonts/missing.ttf,"))
            #expect(fixture.app.store.scan())
            let notReady = try await browser.get("/?ready=1")
            #expect(notReady.body.contains("No exhibit matches."), "\(notReady.body)")
            let sheet = try SignageExporter.proofSheet(try CollectionLoader.load(path: fixture.root))
            let reasons = try #require(sheet.heldBack.first { $0.displayID == "first-winter" }).reasons
            #expect(reasons.map(\.kind) == [.unmeasured])
            let page = try await browser.get("/exhibits/first-winter")
            #expect(page.body.contains("<li class=\"error\">\(HTML.escape(reasons[0].message))</li>"))
            #expect(
                reasons[0].message.hasPrefix("its text cannot be measured on the panel 'object', whose font is missing")
            )
        }
    }

    @Test("Every sign-off string the editor uses exists in kk, ru and en")
    func signOffStrings() throws {
        let strings = try InterfaceStrings.loadBundled()
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CaptionsEditor")
        var used = Set<String>()
        for name in ["Pages+SignOff.swift", "SignOffRoutes.swift"] {
            let code = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            for part in code.components(separatedBy: "\"signoff.").dropFirst() {
                used.insert("signoff." + part.prefix { $0.isLetter })
            }
        }
        #expect(used.count > 20)
        for language in ["kk", "ru", "en"] {
            let missing = used.filter { strings.table[language]?[$0] == nil }
            #expect(missing.isEmpty, "\(language): \(missing.sorted())")
        }
        #expect(strings.localizer("kk")("signoff.approve") == "Басуға бекіту")
    }
}
