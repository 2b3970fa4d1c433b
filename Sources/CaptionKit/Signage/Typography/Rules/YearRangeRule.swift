/// A range of two years joined by a hyphen or a spaced en dash gets an unspaced en dash:
/// `1938-1953`, `1938 - 1953`, `1938 – 1953` → `1938–1953`.
///
/// To leave phone numbers, inventory numbers and ids alone, the rule only fires when both
/// numbers have exactly four digits, lie between 1000 and 2099 and the second is larger, and
/// the pair does not touch other digits, letters, hyphens, slashes or dots
/// (`8-7172-1938-1953`, `шифр 1938-1953/2`, `KZ1938-1953`, `v.1938-1953` stay). Spaces around the hyphen
/// or en dash (`1938 - 1953`, `1938 – 1953`) are dropped, so the dash rule, which runs next, does
/// not take the range for a dash between words. An em dash is not a range dash and stays. Other
/// number ranges (`4-5 лет`) are not touched.
struct YearRangeRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "year-range",
        languages: [],
        summary:
            """
            Year ranges get an unspaced en dash: 1938-1953, 1938 – 1953 → 1938–1953 (four-digit years 1000–2099, \
            ascending, standalone).
            """,
        examples: [
            TypographyExample("ru", "В 1938-1953 годах", "В 1938–1953 годах"),
            TypographyExample("kk", "1938 - 1953 жылдары", "1938–1953 жылдары"),
            TypographyExample("en", "(1938-1953).", "(1938–1953)."),
            TypographyExample("ru", "в 1938 – 1953 годах", "в 1938–1953 годах"),
            TypographyExample("kk", "1938 – 1953 жылдары", "1938–1953 жылдары"),
            TypographyExample("en", "in 1938 – 1953 the camp", "in 1938–1953 the camp"),
        ],
        counterexamples: [
            TypographyExample("en", unchanged: "call 8-7172-1938-1953"),
            TypographyExample("ru", unchanged: "инв. № 1953-1938"),
            TypographyExample("ru", unchanged: "шифр 1938-1953/2"),
            TypographyExample("en", unchanged: "KZ1938-1953"),
            TypographyExample("en", unchanged: "rooms 12-15"),
            TypographyExample("en", unchanged: "ISBN 5-1938-1953-X"),
            TypographyExample("ru", unchanged: "1938–1953"),
            TypographyExample("ru", unchanged: "в 1938 — 1953 годах"),
            TypographyExample("ru", unchanged: "1953 – 1938"),
            TypographyExample("ru", unchanged: "1938 –1953"),
            TypographyExample("en", unchanged: "8–7172–1938 – 1953"),
        ]
    )

    static let triggers: TypographyTriggers? = [.hyphen, .dash]

    func apply(to text: String, language: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "-" || $0 == "–" }) else { return text }
        return Character.string(of: apply(to: Array(text)))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit]) -> [Unit] {
        // A range's hyphen or en dash is four or five units after its start
        // (``yearRange(in:at:)``): the next of each is found once and kept until the scan
        // passes it, and only the indices up to five before the nearer are asked.
        var next: (hyphen: Int, en: Int) = (-1, -1)
        return characters.replacingMatches(
            candidate: { characters, from in
                if next.hyphen < from + 4 { next.hyphen = Unit.index(of: "-", in: characters, from: from + 4) }
                if next.en < from + 4 { next.en = Unit.index(of: "–", in: characters, from: from + 4) }
                let dash = min(next.hyphen, next.en)
                return dash < characters.count ? max(from, dash - 5) : characters.count
            },
            { characters, index in
                yearRange(in: characters, at: index).map { first, second, end in
                    var replacement = Array(first)
                    replacement.append("–")
                    replacement.append(contentsOf: second)
                    return (replacement, end)
                }
            })
    }

    /// The two years and the index after them when a year range starts at `start`.
    private func yearRange<Unit: TypographyUnit>(
        in characters: [Unit], at start: Int
    ) -> (ArraySlice<Unit>, ArraySlice<Unit>, Int)? {
        // The year first: it fails at once where no digit starts, and the checks have no effects.
        guard let first = year(in: characters, at: start) else { return nil }
        let before = start > 0 ? characters[start - 1] : nil
        guard !touches(before), before != "." else { return nil }
        var index = start + 4
        let spaced = index < characters.count && characters[index] == " "
        if spaced { index += 1 }
        // An unspaced en dash is already what the rule writes.
        guard index < characters.count, characters[index] == "-" || (spaced && characters[index] == "–") else {
            return nil
        }
        index += 1
        if spaced {
            guard index < characters.count, characters[index] == " " else { return nil }
            index += 1
        }
        guard let second = year(in: characters, at: index) else { return nil }
        let end = index + 4
        let after = end < characters.count ? characters[end] : nil
        guard !touches(after), first.value < second.value else { return nil }
        if after == ".", end + 1 < characters.count, TypographyCharacter.isDigit(characters[end + 1]) { return nil }
        return (first.text, second.text, end)
    }

    /// Four digits from `index` forming a year 1000–2099, not followed by a fifth digit.
    private func year<Unit: TypographyUnit>(
        in characters: [Unit], at index: Int
    ) -> (text: ArraySlice<Unit>, value: Int)? {
        guard index + 4 <= characters.count else { return nil }
        let digits = characters[index..<index + 4]
        guard digits.allSatisfy({ $0.isASCIIDigit }) else { return nil }
        if index + 4 < characters.count, TypographyCharacter.isDigit(characters[index + 4]) { return nil }
        guard let value = Int(Unit.string(of: digits)), (1000...2099).contains(value) else { return nil }
        return (digits, value)
    }

    /// Whether a neighbour ties the numbers to something larger (an id, a phone number, a code).
    private func touches<Unit: TypographyUnit>(_ character: Unit?) -> Bool {
        guard let character else { return false }
        switch character {
        case "-", "/", "–", "_": return true
        default: return character.isLetter || character.isNumber
        }
    }
}
