import Testing

@testable import CaptionKit

/// `punctuation-mismatch` on whole collections: the exact findings a curator sees.
@Suite struct PunctuationMismatchCheckTests {
    /// An English source: its text ends in `Plan C.`, its credit in the abbreviation `c.`.
    static let plan = """
        id: plan
        text:
          kk: Соңғы амал — С жоспары
          ru: Последним средством был план С
          en: The last resort was Plan C.
        credit:
          kk: Мұрағат, шамамен 1952
          ru: Архив, ок. 1952
          en: Archive, built c.

        """

    /// `Plan C.` ends a sentence: its capital `C` is a word, not the abbreviation `c.` (circa),
    /// which still need not end one.
    @Test func aCapitalLetterAtTheEndIsNotAnAbbreviation() throws {
        let english = "languages: [kk, ru, en]\nsource: en\n"
        #expect(
            try TestCollection(files: [("plan.yml", Self.plan)], config: english).findings(of: "punctuation-mismatch")
                == [
                    """
                    plan.yml:3:7: warning: text (kk) does not end a sentence ('.') as does the English (en) source \
                    [punctuation-mismatch]
                    """,
                    """
                    plan.yml:4:7: warning: text (ru) does not end a sentence ('.') as does the English (en) source \
                    [punctuation-mismatch]
                    """,
                ])
    }
}
