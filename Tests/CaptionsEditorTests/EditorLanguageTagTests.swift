import Foundation
import HTTPTypes
import Testing

@testable import CaptionsEditor

/// The language tags of the editor's addresses (`lang=`, `missing=`) in any case are the
/// collection's languages, as on the command line (`--with kk-latn`): BCP 47 tags do not depend
/// on case. They were matched in their exact case only (400, or no exhibit missing a text).
@Suite("Editor addresses: a language tag in any case")
struct EditorLanguageTagTests {
    @Test("Each download's lang in any case is the collection's language, byte for byte")
    func downloads() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            for (address, tag) in [
                ("/translators/tmx?lang=", "KK"), ("/translators/glossary?format=omegat&lang=", "Kk"),
                ("/translators/xliff?lang=", "EN"), ("/translators/xliff?version=2.0&lang=", "eN"),
            ] {
                let exact = try await browser.get(address + tag.lowercased())
                let anyCase = try await browser.get(address + tag)
                #expect(exact.status == .ok, "\(address)")
                #expect(anyCase.status == .ok, "\(address)\(tag)")
                #expect(anyCase.headers[.contentDisposition] == exact.headers[.contentDisposition], "\(address)\(tag)")
                #expect(anyCase.bytes == exact.bytes, "\(address)\(tag)")
            }
            // A tag that is no language of the collection in any case is still refused.
            #expect(try await browser.get("/translators/tmx?lang=KZ").status == .badRequest)
        }
    }

    @Test("Missing in a language and the next exhibit missing a text take the tag in any case")
    func missing() async throws {
        let fixture = try EditorFixture.missingOneKazakhText()
        try await fixture.test { browser in
            let missing = try await browser.get("/?missing=KK")
            #expect(missing.body.contains("Exhibits: 1"))
            #expect(missing.body.contains("/exhibits/kurt-story"))
            // The menu shows the language chosen, and the page's links spell it as the collection does.
            #expect(missing.body.contains("<option value=\"kk\" selected>"))
            let next = try await browser.get("/exhibits/first-winter/next-missing?lang=Kk")
            #expect(next.status == .seeOther)
            #expect(next.headers[.location] == "/exhibits/kurt-story")
            let none = try await browser.get("/exhibits/first-winter/next-missing?lang=RU")
            #expect(none.status == .ok)
            #expect(none.body.contains("No exhibit after this one is missing a text in Russian (ru).</p>"))
        }
    }
}
