/// A straight `'` between two letters is an apostrophe: `’`.
struct ApostropheRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "apostrophe",
        languages: [],
        summary: "A straight ' between two letters becomes the apostrophe ’ (don't → don’t, д'Арк → д’Арк).",
        examples: [
            TypographyExample("en", "don't", "don’t"),
            TypographyExample("en", "Stalin's death", "Stalin’s death"),
            TypographyExample("ru", "Жанна д'Арк", "Жанна д’Арк"),
        ],
        counterexamples: [
            TypographyExample("en", unchanged: "the 'camp'"),
            TypographyExample("ru", unchanged: "д’Арк"),
            TypographyExample("kk", unchanged: "5' 3"),
        ]
    )

    static let triggers: TypographyTriggers? = [.apostrophe]

    func apply(to text: String, language: String) -> String {
        // Fast path: without a straight quote byte there is nothing to change.
        guard text.utf8.contains(UInt8(ascii: "'")) else { return text }
        return Character.string(of: apply(to: Array(text)))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit]) -> [Unit] {
        var characters = characters
        for index in characters.indices where characters[index] == "'" {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            if TypographyCharacter.isLetter(before), TypographyCharacter.isLetter(after) { characters[index] = "’" }
        }
        return characters
    }
}
