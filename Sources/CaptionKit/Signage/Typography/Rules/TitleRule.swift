/// A title stays on the line of the name it belongs to: `маршала Тухачевского`,
/// `Marshal Tukhachevsky` (title before the name), `Кенесары хан`, `Kenesary Khan` (title after
/// it) take a no-break space.
///
/// Only the titles of the short lists below, as whole words in the listed forms, and only next
/// to a capitalised word (a capital then a small letter): no guessing at what is a name.
struct TitleRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "titles",
        languages: ["ru", "kk", "en"],
        summary: """
            A no-break space between a listed title and the name it belongs to: before the name ru маршал, \
            генерал, хан, академик (with case endings), kk маршал, генерал, академик, en Marshal, General; \
            after the name kk хан, батыр, би (with case endings), en Khan.
            """,
        examples: [
            TypographyExample("ru", "сёстры маршала Тухачевского", "сёстры маршала\u{A0}Тухачевского"),
            TypographyExample("ru", "времён хана Кенесары", "времён хана\u{A0}Кенесары"),
            TypographyExample("kk", "маршал Тухачевскийдің апалары", "маршал\u{A0}Тухачевскийдің апалары"),
            TypographyExample("kk", "Кенесары хан заманының", "Кенесары\u{A0}хан заманының"),
            TypographyExample("kk", "Қабанбай батырдың", "Қабанбай\u{A0}батырдың"),
            TypographyExample("en", "the sisters of Marshal Tukhachevsky", "the sisters of Marshal\u{A0}Tukhachevsky"),
            TypographyExample("en", "the time of Kenesary Khan, who", "the time of Kenesary\u{A0}Khan, who"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "маршала и генерала"),
            TypographyExample("ru", unchanged: "хана\nКенесары"),
            TypographyExample("kk", unchanged: "Қазақ хандығы"),
            TypographyExample("kk", unchanged: "ол хан болды"),
            TypographyExample("en", unchanged: "a marshal of the Soviet Union"),
            TypographyExample("en", unchanged: "the Khan"),
        ]
    )

    /// Titles written before the name, in every form listed, by language.
    static let before: [String: Set<String>] = [
        "ru": [
            "маршал", "маршала", "маршалу", "маршалом", "маршале", "генерал", "генерала", "генералу", "генералом",
            "генерале", "хан", "хана", "хану", "ханом", "хане", "академик", "академика", "академику", "академиком",
            "академике",
        ],
        "kk": ["маршал", "генерал", "академик"],
        "en": ["Marshal", "General"],
    ]

    /// Titles written after the name, in every form listed, by language.
    static let after: [String: Set<String>] = [
        "kk": [
            "хан", "ханы", "ханның", "ханға", "ханды", "ханнан", "ханмен", "ханда", "батыр", "батыры", "батырдың",
            "батырға", "батырды", "батырдан", "батырмен", "би", "бидің", "биге", "биді",
        ],
        "en": ["Khan"],
    ]

    /// The most characters a listed title has.
    static let longestTitle = (Array(before.values.joined()) + Array(after.values.joined())).map(\.count).max() ?? 0

    func apply(to text: String, language: String) -> String {
        let primary = Typography.primarySubtag(of: language)
        guard Self.before[primary] != nil || Self.after[primary] != nil else { return text }
        return Character.string(of: apply(to: Array(text), language: language))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars, language: language)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        let before = Self.before[primary] ?? []
        let after = Self.after[primary] ?? []
        guard !before.isEmpty || !after.isEmpty else { return characters }
        var characters = characters
        // One pass over the words (letter runs), each looked at with the word before it when a
        // single space separates them; no list of words is made.
        var previous: Range<Int>?
        var start = 0
        while start < characters.count {
            guard characters[start].isLetter else {
                start += 1
                continue
            }
            var end = start
            while end < characters.count, characters[end].isLetter { end += 1 }
            let word = start..<end
            if let left = previous, left.upperBound + 1 == start, characters[left.upperBound] == " " {
                // The cheap capital test first: most pairs of words have no capitalised word.
                let titleBefore =
                    isCapitalised(characters[word]) && left.count <= Self.longestTitle
                    && before.contains(Unit.string(of: characters[left]))
                let titleAfter =
                    !titleBefore && isCapitalised(characters[left]) && word.count <= Self.longestTitle
                    && after.contains(Unit.string(of: characters[word]))
                if titleBefore || titleAfter { characters[left.upperBound] = .noBreakSpace }
            }
            previous = word
            start = end
        }
        return characters
    }

    /// A capital letter followed by a small one.
    private func isCapitalised<Unit: TypographyUnit>(_ word: ArraySlice<Unit>) -> Bool {
        word.count >= 2 && word[word.startIndex].isUppercase && word[word.startIndex + 1].isLowercase
    }
}
