/// A title stays on the line of the name it belongs to: `маршала Тухачевского`,
/// `Marshal Tukhachevsky` (title before the name), `Кенесары хан`, `Kenesary Khan` (title after
/// it) take a no-break space.
///
/// Only the titles of the short lists below, as whole words in the listed forms, and only next
/// to a capitalised word (a capital then a small letter): no guessing at what is a name. A
/// title before the name is matched in either case of its first letter, so one that starts a
/// sentence (`Маршал Тухачевский`) or is written small (`general Smith`) counts too.
struct TitleRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "titles",
        languages: ["ru", "kk", "en"],
        summary: """
            A no-break space between a listed title and the name it belongs to: before the name ru маршал, \
            генерал, хан, академик (with case endings), kk маршал, генерал, академик, en Marshal, General \
            (either case of the first letter); after the name kk хан, батыр, би (with case endings), en Khan.
            """,
        examples: [
            TypographyExample("ru", "сёстры маршала Тухачевского", "сёстры маршала\u{A0}Тухачевского"),
            TypographyExample("ru", "времён хана Кенесары", "времён хана\u{A0}Кенесары"),
            TypographyExample("kk", "маршал Тухачевскийдің апалары", "маршал\u{A0}Тухачевскийдің апалары"),
            TypographyExample("kk", "Кенесары хан заманының", "Кенесары\u{A0}хан заманының"),
            TypographyExample("kk", "Қабанбай батырдың", "Қабанбай\u{A0}батырдың"),
            TypographyExample("en", "the sisters of Marshal Tukhachevsky", "the sisters of Marshal\u{A0}Tukhachevsky"),
            TypographyExample("en", "the time of Kenesary Khan, who", "the time of Kenesary\u{A0}Khan, who"),
            TypographyExample("ru", "Маршал Тухачевский был", "Маршал\u{A0}Тухачевский был"),
            TypographyExample("ru", "Академик Сатпаев основал", "Академик\u{A0}Сатпаев основал"),
            TypographyExample("ru", "Хан Кенесары поднял", "Хан\u{A0}Кенесары поднял"),
            TypographyExample("kk", "Академик Сатпаев құрды", "Академик\u{A0}Сатпаев құрды"),
            TypographyExample("kk", "Маршал Тухачевскийдің", "Маршал\u{A0}Тухачевскийдің"),
            TypographyExample("en", "as general Smith wrote", "as general\u{A0}Smith wrote"),
            TypographyExample("en", "the sisters of marshal Tukhachevsky", "the sisters of marshal\u{A0}Tukhachevsky"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "маршала и генерала"),
            TypographyExample("ru", unchanged: "хана\nКенесары"),
            TypographyExample("kk", unchanged: "Қазақ хандығы"),
            TypographyExample("kk", unchanged: "ол хан болды"),
            TypographyExample("en", unchanged: "a marshal of the Soviet Union"),
            TypographyExample("en", unchanged: "the Khan"),
            TypographyExample("ru", unchanged: "Маршал и генерал"),
            TypographyExample("ru", unchanged: "МАРШАЛ Тухачевский"),
            TypographyExample("en", unchanged: "general smith"),
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

    /// ``before`` with each title also in the other case of its first letter (`Маршал`,
    /// `general`): how a title before the name is looked up.
    static let beforeEitherCase: [String: Set<String>] = before.mapValues { titles in
        Set(
            titles.flatMap { title in
                [title.prefix(1).lowercased() + title.dropFirst(), title.prefix(1).uppercased() + title.dropFirst()]
            })
    }

    /// The most characters a listed title has.
    static let longestTitle = (Array(before.values.joined()) + Array(after.values.joined())).map(\.count).max() ?? 0

    /// The first scalars of the ``before`` and ``after`` titles: a word that starts with none of
    /// them is passed over without making a `String` of it.
    static let beforeFirstScalars = beforeEitherCase.mapValues(firstScalars)
    static let afterFirstScalars = after.mapValues(firstScalars)

    private static func firstScalars(of titles: Set<String>) -> [Unicode.Scalar] {
        Set(titles.compactMap(\.unicodeScalars.first)).sorted { $0.value < $1.value }
    }

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
        let before = Self.beforeEitherCase[primary] ?? []
        let after = Self.after[primary] ?? []
        let beforeFirstScalars = Self.beforeFirstScalars[primary] ?? []
        let afterFirstScalars = Self.afterFirstScalars[primary] ?? []
        guard !before.isEmpty || !after.isEmpty else { return characters }
        var characters = characters
        // A title and its name are one space apart, and the name is a capitalised word (a capital,
        // then a small letter): the scan looks for spaces (cheap) and reads the words on either
        // side of those alone. Whether a space is replaced depends only on the letters around
        // it, so the spaces may be taken in any order.
        let count = characters.count
        let longestTitle = Self.longestTitle  // read once: a static is a lazy global, checked at every read
        var space = Unit.index(of: " ", in: characters, from: 0)
        while space < count {
            defer { space = Unit.index(of: " ", in: characters, from: space + 1) }
            // A title before the name: the word before the space, the capitalised word after it.
            if space + 2 < count, characters[space + 1].isUppercase, characters[space + 2].isLowercase {
                var start = space
                while start > 0, characters[start - 1].isLetter { start -= 1 }
                if start < space, space - start <= longestTitle,
                    beforeFirstScalars.contains(characters[start].firstScalar),
                    before.contains(Unit.string(of: characters[start..<space]))
                {
                    characters[space] = .noBreakSpace
                    continue
                }
            }
            // A title after the name: the capitalised word before the space, the word after it.
            guard space >= 2, characters[space - 1].isLetter, space + 1 < count,
                afterFirstScalars.contains(characters[space + 1].firstScalar)
            else { continue }
            var start = space - 1
            while start > 0, characters[start - 1].isLetter { start -= 1 }
            guard start + 1 < space, characters[start].isUppercase, characters[start + 1].isLowercase else { continue }
            var titleEnd = space + 1
            while titleEnd < count, characters[titleEnd].isLetter { titleEnd += 1 }
            if titleEnd - space - 1 <= longestTitle,
                after.contains(Unit.string(of: characters[(space + 1)..<titleEnd]))
            {
                characters[space] = .noBreakSpace
            }
        }
        return characters
    }
}
