import Testing

@testable import CaptionKit

/// `missing-translation` and `missing-field` beside values the loader could not read.
@Suite struct MissingTranslationCheckTests {
    /// An unquoted number is one finding, `invalid-value`; a translation really missing from
    /// another field is still reported.
    @Test func aNumberForATextIsAnInvalidValueAndNotAMissingTranslation() throws {
        let collection = try TestCollection(files: [
            (
                "year.yml",
                """
                id: year
                title:
                  kk: '1937'
                  ru: 1937
                  en: '1937'
                text:
                  ru: Год.
                  en: Year.

                """
            )
        ])
        #expect(
            try collection.findings().filter { !$0.hasSuffix("[untranslated]") } == [
                """
                year.yml:4:7: error: title (ru) is the number 1937, not text; put it in quotes if it is meant as text \
                [invalid-value]
                """,
                "year.yml:6:1: error: text of year has no Kazakh (kk) text [missing-translation]",
            ])
    }

    @Test func aNumberForAWholeRequiredFieldIsAnInvalidValueAndNotAMissingField() throws {
        let collection = try TestCollection(files: [
            ("year.yml", "id: year\ntitle: 1937\ntext:\n  kk: Жыл.\n  ru: Год.\n  en: Year.\n")
        ])
        #expect(
            try collection.findings() == [
                """
                year.yml:2:8: error: title must be a mapping of language to text (e.g. 'kk: ...'), found text \
                [invalid-value]
                """
            ])
    }
}
