/// The numero sign is tied to its number with a no-break space: `№5`, `№ 5` → `№ 5`.
struct NumeroRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "numero",
        languages: ["ru", "kk"],
        summary: "A no-break space after № when a number follows (№5 and № 5 become № 5).",
        examples: [
            TypographyExample("ru", "барак № 5", "барак №\u{A0}5"),
            TypographyExample("kk", "№5 барак", "№\u{A0}5 барак"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "барак №\u{A0}5"),
            TypographyExample("ru", unchanged: "знак № в тексте"),
        ]
    )

    static let triggers: TypographyTriggers? = [.numero]

    func apply(to text: String, language: String) -> String {
        guard text.unicodeScalars.contains("№"), text.contains("№") else { return text }  // scalar scan first: cheap
        return Character.string(of: apply(to: Array(text)))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit]) -> [Unit] {
        guard characters.contains("№") else { return characters }
        // Each `№` followed, past any spaces, by a digit is written with one no-break space
        // instead of the spaces; the other units are copied as they are, in runs.
        return characters.replacingMatches(
            candidate: { characters, from in Unit.index(of: "№", in: characters, from: from) },
            { characters, index in
                guard characters[index] == "№" else { return nil }
                var next = index + 1
                while next < characters.count, characters[next] == " " || characters[next] == .noBreakSpace {
                    next += 1
                }
                guard next < characters.count, TypographyCharacter.isDigit(characters[next]) else { return nil }
                return (["№", .noBreakSpace], next)
            })
    }
}
