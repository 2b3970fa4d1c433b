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

    /// `captions fmt` writes a long title as a literal block: the finding points at its text,
    /// not at the `|` above it.
    @Test func aLongTextInALiteralBlockIsFoundAtItsFirstLine() throws {
        let collection = try TestCollection(
            files: [
                (
                    "wagon.yml",
                    """
                    id: wagon
                    title:
                      kk: Сталин вагоны
                      ru: Сталинский вагон
                      en: |
                        The Stalin wagon for transporting prisoners
                      de: 'Der Stalin-Waggon für den Transport von Häftlingen'

                    """
                )
            ],
            config: "languages: [kk, ru, en, de]\nfields:\n  title: { required: true, max-chars: 30 }\n")
        #expect(
            try collection.findings(of: "too-long") == [
                "wagon.yml:6:5: error: title (en) is 43 characters, the panel takes 30 [too-long]",
                "wagon.yml:7:7: error: title (de) is 50 characters, the panel takes 30 [too-long]",
            ])
    }
}
