import Testing

@testable import CaptionKit

/// `repeated-word` with soft hyphens: the exact findings a curator sees.
@Suite struct RepeatedWordCheckTests {
    /// Words with soft hyphens (U+00AD) here and there, which are the same words without.
    static let camp = """
        id: camp
        title:
          kk: Лагерь ла\u{AD}герь
          ru: Письма приходили в ла\u{AD}герь лаге\u{AD}рь.
          en: The camp ca\u{AD}mp
        text:
          kk: Ла\u{AD}герь ла\u{AD}герь
          ru: ла\u{AD}герь лагеря
          en: Camp\u{AD} camp

        """

    static func findings(checks: String = "") throws -> [String] {
        try TestCollection(files: [("camp.yml", camp)], config: "languages: [kk, ru, en]\nsource: ru\n" + checks)
            .findings(of: "repeated-word")
    }

    /// A soft hyphen marks only where a sign may break the word: the words are repeats, quoted
    /// as a reader sees them.
    @Test func aWordWithASoftHyphenRepeatsTheWordWithout() throws {
        #expect(
            try Self.findings() == [
                "camp.yml:3:7: warning: title (kk) repeats the word 'лагерь' [repeated-word]",
                "camp.yml:4:7: warning: title (ru) repeats the word 'лагерь' [repeated-word]",
                "camp.yml:5:7: warning: title (en) repeats the word 'camp' [repeated-word]",
                "camp.yml:7:7: warning: text (kk) repeats the word 'лагерь' [repeated-word]",
                "camp.yml:9:7: warning: text (en) repeats the word 'camp' [repeated-word]",
            ])
    }

    /// The allow list names the word without soft hyphens, and so allows it with them.
    @Test func theAllowListAllowsTheWordWithSoftHyphens() throws {
        #expect(
            try Self.findings(checks: "checks:\n  repeated-word:\n    allow: [Лагерь]\n") == [
                "camp.yml:5:7: warning: title (en) repeats the word 'camp' [repeated-word]",
                "camp.yml:9:7: warning: text (en) repeats the word 'camp' [repeated-word]",
            ])
    }
}
