import Testing

@testable import CaptionKit

/// `max-words` and `max-sentence-words` on fields and panels: inheritance, overrides, languages
/// and located errors (``WordLimits``).
@Suite struct WordLimitsTests {
    static let path = "Captions/captions.yml"
    static let panel = "font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12"

    /// The limits of a configuration, after the checks that `captions check` runs first.
    static func limits(_ text: String) throws(CaptionError) -> WordLimits {
        let config = try ConfigParser.parse(text: text, path: path)
        try PanelSettings.validate(config)
        try WordBudget.validate(config)
        return WordLimits(config: config)
    }

    /// The one-line error a configuration stops `captions check` with, or `nil`.
    static func error(_ text: String) -> String? {
        do {
            _ = try limits(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func fieldsInheritTheirPanelsLimits() throws {
        let limits = try Self.limits(
            """
            panels:
              object: { \(Self.panel), max-words: 150, max-sentence-words: { kk: 25, ru: 25, en: 30 } }
            fields:
              title: { required: true }
              text: { required: true, panel: object }

            """)
        let words = try #require(limits.words["text"])
        #expect(words.limit(for: "kk") == .init(words: 150, origin: .panel("object"), isPerLanguage: false))
        #expect(words.limit(for: "en") == .init(words: 150, origin: .panel("object"), isPerLanguage: false))
        let sentences = try #require(limits.sentenceWords["text"])
        #expect(sentences.limit(for: "ru") == .init(words: 25, origin: .panel("object"), isPerLanguage: true))
        #expect(sentences.limit(for: "en") == .init(words: 30, origin: .panel("object"), isPerLanguage: true))
        #expect(limits.words["title"] == nil && limits.sentenceWords["title"] == nil)
    }

    @Test func aFieldsOwnLimitWinsLanguageByLanguage() throws {
        let limits = try Self.limits(
            """
            panels:
              object: { \(Self.panel), max-words: 150, max-sentence-words: { kk: 25, ru: 25 } }
            fields:
              text: { panel: object, max-words: { en: 120 }, max-sentence-words: 20 }

            """)
        let words = try #require(limits.words["text"])
        #expect(words.limit(for: "en") == .init(words: 120, origin: .field("text"), isPerLanguage: true))
        #expect(words.limit(for: "kk") == .init(words: 150, origin: .panel("object"), isPerLanguage: false))
        let sentences = try #require(limits.sentenceWords["text"])
        for language in ["kk", "ru", "en"] {
            #expect(sentences.limit(for: language) == .init(words: 20, origin: .field("text"), isPerLanguage: false))
        }
    }

    @Test func aLanguageLeftOutEverywhereHasNoLimit() throws {
        let limits = try Self.limits(
            """
            panels:
              object: { \(Self.panel), max-sentence-words: { kk: 25 } }
            fields:
              text: { panel: object, max-sentence-words: { ru: 20 } }
              credit: { max-sentence-words: 12 }

            """)
        let sentences = try #require(limits.sentenceWords["text"])
        #expect(sentences.limit(for: "kk")?.words == 25)
        #expect(sentences.limit(for: "ru")?.words == 20)
        #expect(sentences.limit(for: "en") == nil)
        #expect(
            limits.sentenceWords["credit"]?.limit(for: "en")
                == .init(words: 12, origin: .field("credit"), isPerLanguage: false))
        #expect(limits.words.isEmpty)
    }

    @Test func noLimitsWhereNoneIsSet() throws {
        let limits = try Self.limits(
            """
            panels:
              object: { \(Self.panel) }
            fields:
              text: { panel: object, max-chars: 900 }

            """)
        #expect(limits.words.isEmpty && limits.sentenceWords.isEmpty)
        #expect(try Self.limits("languages: [kk, ru, en]\n").sentenceWords.isEmpty)
    }

    @Test func aLimitMayBeWrittenOnSeveralLinesOfAFlowMapping() throws {
        let limits = try Self.limits(
            """
            panels:
              object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12,
                        max-words: 150, max-sentence-words: 25 }
            fields:
              text: { required: true, panel: object, max-words: { en: 120 }, max-sentence-words: { en: 30 } }

            """)
        #expect(limits.words["text"]?.limit(for: "ru")?.words == 150)
        #expect(limits.sentenceWords["text"]?.limit(for: "en")?.words == 30)
    }

    @Test func misspeltKeysAreLocatedWithADidYouMean() {
        #expect(
            Self.error("panels:\n  object: { \(Self.panel), max-sentence-word: 25 }\n")
                == "\(Self.path):2:87: error: unknown panel setting 'max-sentence-word'; "
                + "did you mean 'max-sentence-words'?"
        )
        #expect(
            Self.error("panels:\n  object: { \(Self.panel), max-word: 25 }\n")
                == "\(Self.path):2:87: error: unknown panel setting 'max-word'; did you mean 'max-words'?")
        #expect(
            Self.error("fields:\n  text: { max-sentences-words: 25 }\n")
                == "\(Self.path):2:11: error: unknown field option 'max-sentences-words'; "
                + "did you mean 'max-sentence-words'?"
        )
    }

    @Test func badValuesAreLocated() {
        #expect(
            Self.error("panels:\n  object: { \(Self.panel), max-sentence-words: many }\n")
                == "\(Self.path):2:107: error: max-sentence-words of panel 'object' must be a whole number "
                + "greater than 0"
        )
        #expect(
            Self.error("panels:\n  object: { \(Self.panel), max-words: { kk: 150, rus: 150 } }\n")
                == "\(Self.path):2:109: error: max-words of panel 'object' names 'rus', which is not a language "
                + "of this collection (kk, ru, en); did you mean 'ru'?")
        #expect(
            Self.error("panels:\n  object: { \(Self.panel), max-words: [150] }\n")
                == "\(Self.path):2:98: error: max-words of panel 'object' must be a number or a mapping of language to "
                + "number, such as { kk: 140, en: 120 }")
        #expect(
            Self.error("fields:\n  text: { max-sentence-words: { en: 0 } }\n")
                == "\(Self.path):2:37: error: max-sentence-words of field 'text' for en must be a whole number "
                + "greater than 0"
        )
        #expect(
            Self.error("fields:\n  text: { max-sentence-words: { en: 20, en: 25 } }\n")
                == "\(Self.path):2:41: error: max-sentence-words of field 'text' lists 'en' twice")
    }

    @Test func messagesSayWhereTheLimitIsSet() {
        let one = WordLimits.Limit(words: 1, origin: .field("title"), isPerLanguage: false)
        #expect(one.allowance(per: " a sentence", language: "en") == "the field 'title' allows 1 word a sentence")
        let panel = WordLimits.Limit(words: 150, origin: .panel("object"), isPerLanguage: true)
        #expect(panel.allowance(language: "kk") == "the panel 'object' allows 150 words in Kazakh (kk)")
    }

    @Test func aPanelWithABadLimitStopsTheCheckRunEvenWhenNoFieldUsesIt() throws {
        let collection = try TestCollection(
            files: [("kurt.yml", "id: kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n")],
            config: "panels:\n  object: { \(Self.panel), max-sentence-words: 0 }\n")
        #expect(throws: CaptionError.self) { try CaptionChecker.run(CheckRequest(path: collection.root)) }
    }
}
