/// A number and the unit or year word after it stay on one line: `250 км` → `250 км` with a
/// no-break space.
///
/// Only an existing single space between a digit and a listed unit is replaced; `50%` stays
/// as typed. A unit must end the word (`5 men` is not metres), except the Kazakh `жыл`, which
/// takes endings (`2007 жылы`, `1938–1953 жылдары`).
struct NumberUnitRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "number-unit",
        languages: ["ru", "kk", "en"],
        summary: """
            A no-break space between a number and its unit: ru г., гг., км, кг, %, м, см, мм, т, га, тыс., \
            млн, млрд; kk жыл (with endings), ж., км, кг, %, м, см, мм, т, га, мың, млн, млрд; \
            en km, kg, m, cm, mm, g, t, ha, %, °C.
            """,
        examples: [
            TypographyExample("ru", "в 1938 г. и в 1953 гг.", "в 1938\u{A0}г. и в 1953\u{A0}гг."),
            TypographyExample("ru", "примерно в 250 км к югу", "примерно в 250\u{A0}км к югу"),
            TypographyExample("kk", "2007 жылы ашылды", "2007\u{A0}жылы ашылды"),
            TypographyExample("kk", "1938–1953 жылдары", "1938–1953\u{A0}жылдары"),
            TypographyExample("kk", "шамамен 250 км жерде", "шамамен 250\u{A0}км жерде"),
            TypographyExample("ru", "около 40 %", "около 40\u{A0}%"),
            TypographyExample("en", "about 250 km south", "about 250\u{A0}km south"),
            TypographyExample("en", "5 kg of bread", "5\u{A0}kg of bread"),
        ],
        counterexamples: [
            TypographyExample("en", unchanged: "5 men stood"),
            TypographyExample("ru", unchanged: "5 кметов"),
            TypographyExample("ru", unchanged: "около 40%"),
            TypographyExample("en", unchanged: "at least 70 people"),
            TypographyExample("ru", unchanged: "250\nкм"),
        ]
    )

    static let triggers: TypographyTriggers? = [.digit]

    /// Units that must end the word, by language.
    static let units: [String: [String]] = [
        "ru": ["гг.", "г.", "км", "кг", "%", "мм", "см", "м", "т", "га", "тыс.", "млн", "млрд"],
        "kk": ["ж.", "км", "кг", "%", "мм", "см", "м", "т", "га", "мың", "млн", "млрд"],
        "en": ["km", "kg", "mm", "cm", "m", "g", "t", "ha", "%", "°C"],
    ]

    /// Units that may take endings, by language.
    static let stems: [String: [String]] = ["kk": ["жыл"]]

    func apply(to text: String, language: String) -> String {
        // Fast path: the rule only fires after an ASCII digit.
        guard text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return text }
        return Character.string(of: apply(to: Array(text), language: language))
    }

    /// ``units`` and ``stems`` as scalars, made once rather than for every text.
    private static let unitScalars = units.mapValues { $0.map(Unicode.Scalar.units(of:)) }
    private static let stemScalars = stems.mapValues { $0.map(Unicode.Scalar.units(of:)) }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        let primary = Typography.primarySubtag(of: language)
        return apply(to: scalars, units: Self.unitScalars[primary] ?? [], stems: Self.stemScalars[primary] ?? [])
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        return apply(
            to: characters, units: (Self.units[primary] ?? []).map(Unit.units(of:)),
            stems: (Self.stems[primary] ?? []).map(Unit.units(of:)))
    }

    /// The rule on the characters of a text, with the language's units and stems as units.
    private func apply<Unit: TypographyUnit>(to characters: [Unit], units: [[Unit]], stems: [[Unit]]) -> [Unit] {
        var characters = characters
        // Every space but one at the end, found by ``TypographyUnit/index(of:in:from:)``.
        var index = Unit.index(of: " ", in: characters, from: 0)
        while index < characters.count - 1 {
            defer { index = Unit.index(of: " ", in: characters, from: index + 1) }
            guard index > 0, TypographyCharacter.isDigit(characters[index - 1]) else { continue }
            let rest = characters[(index + 1)...]
            let isUnit = units.contains { unit in
                guard rest.starts(with: unit) else { return false }
                let after = rest.dropFirst(unit.count).first
                return unit.last == "." || unit.last == "%" || !(after?.isLetter ?? false)
            }
            if isUnit || stems.contains(where: { rest.starts(with: $0) }) {
                characters[index] = .noBreakSpace
            }
        }
        return characters
    }
}
