import Foundation

/// Puts text in Unicode Normalization Form C, so that `й` typed as `и` + combining breve is
/// the same character as a precomposed `й` for fonts, searches and lengths.
struct UnicodeNormalizationRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "unicode-nfc",
        languages: [],
        summary: "Composes characters to Unicode NFC (e.g. и + combining breve becomes й).",
        examples: [
            TypographyExample("ru", "Уи\u{306}ти", "Уйти"),
            TypographyExample("kk", "Қаи\u{306}ың", "Қайың"),
            TypographyExample("en", "cafe\u{301}", "café"),
        ],
        counterexamples: [TypographyExample("kk", unchanged: "Әйел"), TypographyExample("en", unchanged: "café")]
    )

    func apply(to text: String, language: String) -> String {
        // Fast path: most caption text is certainly NFC already, and normalising costs a copy.
        Normalization.nfc(text)
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        scalars  // simple scalars and line feeds are NFC
    }
}
