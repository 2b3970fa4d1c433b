import Testing

@testable import CaptionKit

@Suite struct TooLongCheckTests {
    func config(_ text: String) throws -> CollectionConfig {
        try ConfigParser.parse(text: text, path: "Captions/captions.yml")
    }

    @Test func wordBudgetForALanguageOutsideTheCollectionIsALocatedError() throws {
        let config = try config("fields:\n  text: { max-words: { kk: 140, rus: 140 } }\n")
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 33),
                """
                max-words of field 'text' names 'rus', which is not a language of this collection (kk, ru, en); \
                did you mean 'ru'?
                """
            )
        ) {
            try WordBudget.validate(config)
        }
    }

    @Test func wordBudgetMustBeAPositiveWholeNumber() throws {
        let config = try config("fields:\n  text: { max-words: many }\n")
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 22),
                "max-words of field 'text' must be a whole number greater than 0")
        ) {
            try WordBudget.validate(config)
        }
    }

    @Test func languagesLeftOutOfTheMappingHaveNoBudget() throws {
        let config = try config("fields:\n  text: { max-words: { en: 3 } }\n")
        let budget = try WordBudget(field: try #require(config.field("text")), languages: config.languages)
        #expect(budget.limit(for: "en") == 3)
        #expect(budget.limit(for: "kk") == nil)
    }

    @Test func theCheckRunStopsOnABadBudget() throws {
        let collection = try TestCollection(
            files: [("kurt.yml", "id: kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n")],
            config: "fields:\n  text: { max-words: [1] }\n")
        #expect(throws: CaptionError.self) { try CaptionChecker.run(CheckRequest(path: collection.root)) }
    }
}
