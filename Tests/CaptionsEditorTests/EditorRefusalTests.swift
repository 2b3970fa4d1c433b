import Foundation
import HTTPTypes
import Testing

@testable import CaptionsEditor

@Suite("Editor: refusals said in the interface language, with where and why")
struct EditorRefusalTests {
    static let file = "barracks/first-winter.yml"

    /// `browser`'s interface switched to `language`.
    static func speak(_ language: String, _ browser: Browser) async throws {
        _ = try await browser.get("/")
        _ = try await browser.post("/language", [("lang", language), ("back", "/")])
    }

    @Test("A control character: Save refuses it saying where it is, in Russian; the live check counts it as an error")
    func controlCharacter() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read(Self.file)
        try await fixture.test { browser in
            try await Self.speak("ru", browser)
            let page = try await browser.get("/exhibits/first-winter")
            let draft = ["title.en": "The first\u{7} winter"]
            let refused = try await browser.post(
                "/exhibits/first-winter", try EditorSaveTests.saveForm(page, draft))
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.body.contains(
                    "<p class=\"message error\" role=\"alert\">Не сохранено: в тексте «Заголовок (en)» есть невидимый "
                        + "управляющий символ (U+0007), это 10-й символ текста, здесь он показан как ␇: "
                        + "«The first␇ winter». Его нельзя ни напечатать, ни отправить переводчикам: удалите его и "
                        + "сохраните снова. Ваш черновик остался в полях.</p>"))
            // Save was pressed: not "checked on the unsaved draft", and no English `error:`.
            #expect(!refused.body.contains("Проверено по несохранённому черновику"))
            #expect(!refused.body.contains("error:"))
            #expect(!refused.body.contains("Что-то пошло не так"))
            // Under the box: the finding is an error, as Save makes it, with the place.
            #expect(
                refused.body.contains(
                    "<li class=\"error control-place\">Этот текст не сохранится: в нём невидимый управляющий символ "
                        + "(U+0007), это 10-й символ, здесь он показан как ␇: «The first␇ winter». Удалите его.</li>"))
            #expect(!refused.body.contains("<li class=\"warning\"><span class=\"severity\">"))
            #expect(try fixture.read(Self.file) == before)

            // The live check says the same while typing: an error, counted as one.
            let clean = try await browser.post(
                "/exhibits/first-winter/check", try EditorSaveTests.saveForm(page, [:]))
            let live = try await browser.post(
                "/exhibits/first-winter/check", try EditorSaveTests.saveForm(page, draft))
            let cleanAnswer = try #require(
                try JSONSerialization.jsonObject(with: Data(clean.body.utf8)) as? [String: Any])
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(live.body.utf8)) as? [String: Any])
            #expect(answer["errors"] as? Int == (cleanAnswer["errors"] as? Int ?? -1) + 1)
            #expect(answer["warnings"] as? Int == cleanAnswer["warnings"] as? Int)
            let cells = try #require(answer["cells"] as? [String: [String: String]])
            let findings = try #require(cells["title.en"]?["findings"])
            #expect(findings.hasPrefix("<li class=\"error\"><span class=\"severity\">ошибка</span>"))
            #expect(findings.contains("<code>not-normalized</code>"))
            #expect(findings.hasSuffix("здесь он показан как ␇: «The first␇ winter». Удалите его.</li>"))
        }
    }

    @Test("A control character far into a long text is placed by the words around it")
    func controlCharacterInALongText() {
        let text =
            "Many had nothing but the clothes they had worn to the prison:\u{1B}[0m their best outfits, "
            + "put on for the promised meeting."
        let found = ControlCharacter(in: text, field: "text", language: "en")
        #expect(found?.code == "U+001B")
        #expect(found?.position == 62)
        #expect(found?.context == "…had worn to the prison:␛[0m their best outfits,…")
        #expect(ControlCharacter(in: "Line one\nand\ttab", field: "text", language: "en") == nil)
    }

    @Test("A bad new id and gallery are refused in Russian first, with the detail and no `error:`")
    func badNewExhibit() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            try await Self.speak("ru", browser)
            _ = try await browser.get("/new")
            let badID = try await browser.post("/new", [("id", "Bad_Id"), ("gallery", "barracks")])
            #expect(badID.status == .unprocessableContent)
            #expect(
                badID.body.contains(
                    "<p class=\"message error\" role=\"alert\">Экспонат не создан: в id могут быть только строчные "
                        + "латинские буквы, цифры и одиночные дефисы; в названии галереи тоже, с / между папками. "
                        + "Подробности: <span lang=\"en\">&#39;Bad_Id&#39; is not a valid exhibit id; use lowercase "
                        + "letters, digits and single hyphens, e.g. &#39;bad-id&#39;</span></p>"))
            let badGallery = try await browser.post(
                "/new", [("id", "felt-boots"), ("newGallery", "../../tmp-escape")])
            #expect(badGallery.status == .unprocessableContent)
            #expect(badGallery.body.contains("role=\"alert\">Экспонат не создан: в id могут быть только"))
            #expect(badGallery.body.contains("<span lang=\"en\">gallery &#39;../../tmp-escape&#39; must be a slug"))
            for page in [badID, badGallery] { #expect(!page.body.contains("error:")) }
            #expect(!FileManager.default.fileExists(atPath: fixture.path("barracks/Bad_Id.yml")))
        }
    }
}
