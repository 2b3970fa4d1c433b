/// Abbreviations written in parts are never split across lines: `т. е.`, `т. д.`, `и т. п.`
/// take a no-break space between their parts.
///
/// Only the listed abbreviations (``abbreviations``), as whole words (not after a letter), with
/// one ordinary or no-break space between the parts; the first letter may be a capital
/// (`Т. е.` at a sentence start).
struct AbbreviationRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "abbreviations",
        languages: ["ru", "kk", "en"],
        summary: """
            A no-break space inside abbreviations written in parts: ru т. е., т. д., т. п., т. к., т. н., \
            т. ч., н. э.; kk т. б., т. с. с., б. з. д., б. з.; en i. e., e. g.
            """,
        examples: [
            TypographyExample("ru", "то есть т. е. так", "то есть т.\u{A0}е. так"),
            TypographyExample("ru", "актрисы, врачи и т. д.", "актрисы, врачи и т.\u{A0}д."),
            TypographyExample("ru", "сумки, одежда и т. п.", "сумки, одежда и т.\u{A0}п."),
            TypographyExample("ru", "Т. е. никто", "Т.\u{A0}е. никто"),
            TypographyExample("ru", "V–IV века до н. э.", "V–IV века до н.\u{A0}э."),
            TypographyExample("ru", "в т. ч. дети", "в т.\u{A0}ч. дети"),
            TypographyExample("kk", "б. з. д. V ғасыр", "б.\u{A0}з.\u{A0}д. V ғасыр"),
            TypographyExample("kk", "б. з. V ғасыры", "б.\u{A0}з. V ғасыры"),
            TypographyExample("kk", "сөмкелер, киімдер т. б.", "сөмкелер, киімдер т.\u{A0}б."),
            TypographyExample("kk", "дәрігерлер т. с. с. тұтқындар", "дәрігерлер т.\u{A0}с.\u{A0}с. тұтқындар"),
            TypographyExample("en", "that is, i. e. the wives", "that is, i.\u{A0}e. the wives"),
            TypographyExample("en", "letters, e. g. drawings", "letters, e.\u{A0}g. drawings"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "т.е. слитно"),
            TypographyExample("ru", unchanged: "т.\u{A0}е. уже"),
            TypographyExample("ru", unchanged: "пункт. е. буква"),
            TypographyExample("kk", unchanged: "т.б. слитно"),
            TypographyExample("en", unchanged: "i.e. the wives"),
            TypographyExample("en", unchanged: "a cat. E. g"),
        ]
    )

    static let triggers: TypographyTriggers? = [.fullStop]

    /// The abbreviations, by language, with ordinary spaces between their parts.
    static let abbreviations: [String: [String]] = [
        "ru": ["т. е.", "т. д.", "т. п.", "т. к.", "т. н.", "т. ч.", "н. э."],
        // The longer first: б. з. д. (before our era) is tried before б. з. (our era).
        "kk": ["т. с. с.", "т. б.", "б. з. д.", "б. з."],
        "en": ["i. e.", "e. g."],
    ]

    /// ``abbreviations`` as units, with their capitalised forms, made once.
    private static let scalarPatterns = abbreviations.mapValues { patterns(of: $0, as: Unicode.Scalar.self) }

    func apply(to text: String, language: String) -> String {
        // Fast path: every abbreviation has a full stop followed by a space.
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        let patterns = Self.patterns(
            of: Self.abbreviations[Typography.primarySubtag(of: language)] ?? [], as: Character.self)
        return Character.string(of: apply(to: Array(text), patterns: patterns))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars, patterns: Self.scalarPatterns[Typography.primarySubtag(of: language)] ?? [])
    }

    /// The abbreviations as units, each also with its first letter capitalised.
    private static func patterns<Unit: TypographyUnit>(of list: [String], as: Unit.Type) -> [[Unit]] {
        list.flatMap { abbreviation in
            [abbreviation, abbreviation.prefix(1).uppercased() + abbreviation.dropFirst()].map(Unit.units(of:))
        }
    }

    /// Whether `characters` have a full stop, a space and a letter followed by a full stop
    /// (`т. е.`): the part every listed abbreviation has, found by a plain scan.
    static func mayHaveAbbreviation<Unit: TypographyUnit>(_ characters: [Unit]) -> Bool {
        // The full stops only, found by ``TypographyUnit/index(of:in:from:)``.
        var index = Unit.index(of: ".", in: characters, from: 0)
        while index + 3 < characters.count {
            if characters[index + 1] == " " || characters[index + 1] == .noBreakSpace,
                characters[index + 3] == ".", characters[index + 2].isLetter
            {
                return true
            }
            index = Unit.index(of: ".", in: characters, from: index + 1)
        }
        return false
    }

    /// The rule with the language's patterns.
    private func apply<Unit: TypographyUnit>(to characters: [Unit], patterns: [[Unit]]) -> [Unit] {
        guard !patterns.isEmpty, Self.mayHaveAbbreviation(characters) else { return characters }
        // Every abbreviation has a full stop second: only the indices just before one are asked.
        return characters.replacingMatches(
            candidate: { characters, from in characters.index(before: ".", from: from) },
            { characters, index in
                // Every abbreviation is a letter and a full stop first: most places fail at once.
                guard index + 1 < characters.count, characters[index + 1] == ".",
                    index == 0 || !characters[index - 1].isLetter
                else { return nil }
                for pattern in patterns where index + pattern.count <= characters.count {
                    let matches = pattern.indices.allSatisfy { offset in
                        let unit = characters[index + offset]
                        return pattern[offset] == " " ? unit == " " || unit == .noBreakSpace : unit == pattern[offset]
                    }
                    let end = index + pattern.count
                    guard matches, end == characters.count || !characters[end].isLetter else { continue }
                    return (pattern.map { $0 == " " ? .noBreakSpace : $0 }, end)
                }
                return nil
            })
    }
}
