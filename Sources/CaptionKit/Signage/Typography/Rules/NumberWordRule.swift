/// A number and the word it counts or dates stay on one line: `70 человек`, `в 2007 году`,
/// `4–5 лет`, `31 мая`, `70 адамды`, `31 мамыр`, `70 people`, `31 May` take a no-break space.
///
/// Only an ordinary space between a number (digits, or a range such as `4–5`, that starts a
/// word) and a word of letters is replaced. ru and kk: the word must start with a small letter
/// and not be a conjunction or preposition of ``stopWords`` (`с 1938 по 1953` stays). en: a
/// month name after a day (`31 May`), or a plural after a count that is not a year: a
/// small-letter word ending in `s` or one of ``englishPlurals`` (`70 people`, `150 years`, but
/// not `in 1938 the camp` or `about 4–5 lived`), and any such word after `1` (`1 year`). Units
/// (`250 km`) are the ``NumberUnitRule``'s, which runs first.
///
/// A number written in digit groups keeps its groups together too: a space between a word's
/// first 1–3 digits (or a group glued before) and a group of exactly three digits becomes a
/// no-break space (`10 000 человек` → `10 000 человек`, `1 000 000 рублей`).
struct NumberWordRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "number-word",
        languages: ["ru", "kk", "en"],
        summary: """
            A no-break space between a number and the word it counts or dates: ru в 2007 году, 70 человек, \
            4–5 лет, 31 мая; kk 70 адамды, 31 мамыр; en 70 people, 31 May (in English only a plural, and \
            never after a year: in 1938 the camp). Not before a conjunction or preposition. The digit groups \
            of a number stay together: 10 000 человек.
            """,
        examples: [
            TypographyExample("ru", "в 2007 году здесь", "в 2007\u{A0}году здесь"),
            TypographyExample("ru", "не менее 70 человек", "не менее 70\u{A0}человек"),
            TypographyExample("ru", "более 150 лет", "более 150\u{A0}лет"),
            TypographyExample("ru", "до 4–5 лет", "до 4–5\u{A0}лет"),
            TypographyExample("ru", "к 5–8 годам", "к 5–8\u{A0}годам"),
            TypographyExample("ru", "31 мая — День памяти", "31\u{A0}мая — День памяти"),
            TypographyExample("ru", "В 1938–1953 годах", "В 1938–1953\u{A0}годах"),
            TypographyExample("kk", "кемінде 70 адамды", "кемінде 70\u{A0}адамды"),
            TypographyExample("kk", "31 мамыр — еске алу күні", "31\u{A0}мамыр — еске алу күні"),
            TypographyExample("kk", "150 жылға созылған", "150\u{A0}жылға созылған"),
            TypographyExample("kk", "5–8 жылға сотталды", "5–8\u{A0}жылға сотталды"),
            TypographyExample("en", "at least 70 people", "at least 70\u{A0}people"),
            TypographyExample("en", "on 31 May, Kazakhstan", "on 31\u{A0}May, Kazakhstan"),
            TypographyExample("en", "over 150 years", "over 150\u{A0}years"),
            TypographyExample("en", "to 5–8 years", "to 5–8\u{A0}years"),
            TypographyExample("en", "10 children and 1 guard", "10\u{A0}children and 1\u{A0}guard"),
            TypographyExample("ru", "более 10 000 человек", "более 10\u{A0}000\u{A0}человек"),
            TypographyExample("ru", "1 000 000 рублей", "1\u{A0}000\u{A0}000\u{A0}рублей"),
            TypographyExample("ru", "около 250 000 км", "около 250\u{A0}000\u{A0}км"),
            TypographyExample("kk", "10 000 адам", "10\u{A0}000\u{A0}адам"),
            TypographyExample("en", "some 10 000 women", "some 10\u{A0}000\u{A0}women"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "с 1938 по 1953"),
            TypographyExample("ru", unchanged: "в 1938 Сталин"),
            TypographyExample("ru", unchanged: "в 1938\nгоду"),
            TypographyExample("ru", unchanged: "номер A5 лист"),
            TypographyExample("ru", unchanged: "барак № 5 стоял"),
            TypographyExample("kk", unchanged: "1938 және 1953"),
            TypographyExample("kk", unchanged: "1938 Сталин"),
            TypographyExample("en", unchanged: "in 1938 the camp opened"),
            TypographyExample("en", unchanged: "from 1938 to 1953"),
            TypographyExample("en", unchanged: "70 and more"),
            TypographyExample("en", unchanged: "in 2007 a memorial"),
            TypographyExample("en", unchanged: "up to about 4–5 lived in the camp"),
            TypographyExample("ru", unchanged: "в 1938 100, а"),
            TypographyExample("ru", unchanged: "дома 5 12 и 1000"),
            TypographyExample("ru", unchanged: "1,5 000"),
            TypographyExample("ru", unchanged: "10 0000"),
            TypographyExample("ru", unchanged: "A10 000"),
            TypographyExample("ru", unchanged: "в 10\n000"),
        ]
    )

    static let triggers: TypographyTriggers? = [.digit]

    /// Words that never take the number before them, by language: conjunctions and prepositions.
    static let stopWords: [String: Set<String>] = [
        "ru": [
            "а", "в", "во", "и", "к", "ко", "о", "об", "с", "со", "у", "на", "не", "но", "по", "за", "из", "от",
            "до", "или", "для", "при", "что", "как", "когда", "где", "же", "ли", "бы",
        ],
        "kk": ["және", "мен", "бен", "пен", "не", "немесе", "ал", "әрі", "да", "де", "та", "те", "бірақ", "я"],
        "en": [
            "a", "an", "the", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "by", "for", "with", "from",
            "as", "is", "was", "were", "that", "when", "than",
        ],
    ]

    /// English plurals not ending in `s` that a count keeps.
    static let englishPlurals: Set<String> = ["people", "men", "women", "children", "feet", "teeth", "mice"]

    /// English month names: a day number before one keeps it.
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    func apply(to text: String, language: String) -> String {
        // Fast path: the rule only fires after an ASCII digit.
        guard text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return text }
        return Character.string(of: apply(to: Array(text), language: language))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars, language: language)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        let stopWords = Self.stopWords[primary] ?? []
        let isEnglish = primary == "en"
        var characters = characters
        // Every space but one at the end, found by ``TypographyUnit/index(of:in:from:)``.
        var index = Unit.index(of: " ", in: characters, from: 0)
        while index < characters.count - 1 {
            defer { index = Unit.index(of: " ", in: characters, from: index + 1) }
            guard index > 0, characters[index - 1].isASCIIDigit else { continue }
            if characters[index + 1].isASCIIDigit {
                if joinsDigitGroups(characters, at: index) { characters[index] = .noBreakSpace }
                continue
            }
            guard characters[index + 1].isLetter, let number = numberStart(in: characters, before: index) else {
                continue
            }
            var end = index + 1
            while end < characters.count, characters[end].isLetter { end += 1 }
            let word = Unit.string(of: characters[(index + 1)..<end])
            let first = characters[index + 1]
            let binds: Bool
            if isEnglish {
                // A year (the last run of digits has four) dates a sentence rather than counting a word.
                var digits = index
                while digits > number, characters[digits - 1].isASCIIDigit { digits -= 1 }
                let isYear = index - digits == 4
                let isPlural = word.hasSuffix("s") || Self.englishPlurals.contains(word)
                let isOne = index - number == 1 && characters[number] == "1"
                binds =
                    Self.months.contains(word)
                    || (first.isLowercase && !isYear && !stopWords.contains(word) && (isPlural || isOne))
            } else {
                binds = first.isLowercase && !stopWords.contains(word.lowercased())
            }
            if binds { characters[index] = .noBreakSpace }
        }
        return characters
    }

    /// Whether `space` is inside a number written in digit groups: after 1–3 digits that start a
    /// word (or follow a group glued before), and before a group of exactly three digits.
    private func joinsDigitGroups<Unit: TypographyUnit>(_ characters: [Unit], at space: Int) -> Bool {
        var start = space
        while start > 0, space - start <= 3, characters[start - 1].isASCIIDigit { start -= 1 }
        guard space - start <= 3, start == 0 || TypographyCharacter.startsWord(after: characters[start - 1]) else {
            return false
        }
        let end = space + 4
        guard end <= characters.count, characters[(space + 1)..<end].allSatisfy(\.isASCIIDigit) else { return false }
        return end == characters.count || !(characters[end].isASCIIDigit || characters[end].isLetter)
    }

    /// Where the number ending just before `space` starts, when it is a number of its own:
    /// digits and range dashes (`4–5`), starting a word and not after `№`.
    private func numberStart<Unit: TypographyUnit>(in characters: [Unit], before space: Int) -> Int? {
        var start = space
        while start > 0, characters[start - 1].isASCIIDigit || characters[start - 1] == "–" { start -= 1 }
        guard characters[start].isASCIIDigit else { return nil }
        guard start == 0 || TypographyCharacter.startsWord(after: characters[start - 1]) else { return nil }
        // `№ 5 барак`: the number belongs to the numero sign, not to the word after it.
        var before = start - 1
        while before >= 0, characters[before] == " " || characters[before] == .noBreakSpace { before -= 1 }
        if before >= 0, characters[before] == "№" { return nil }
        return start
    }
}
