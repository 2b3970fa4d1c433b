/// Short words are kept on the line of the word they belong to.
///
/// ru and kk: one-letter words and short prepositions and conjunctions take a no-break space
/// after them (`в лагере` → `в лагере`), so they never hang at a line end; the Russian particles
/// `же`, `ли`, `бы` belong to the word before them and take a no-break space before them
/// (`если бы` → `если бы`). Kazakh `мен`/`бен`/`пен` ("and", "with") and the particles
/// `да`/`де`/`та`/`те` and `ма`/`ме`/`ба`/`бе`/`па`/`пе` are written apart but take their form
/// from the last sound of the word before them, to which they belong (Kazakh orthography rules,
/// see Documentation/Signage.md): they too take a no-break space before them
/// (`алаң мен күзет` → `алаң мен күзет`). A word is glued to the one before only when that
/// word ends in a letter, a digit or a closing quote or bracket, never across a comma or a
/// sentence end (`Келді. Мен` stays). Only an ordinary space followed by more text on the same
/// line is replaced: nothing is glued across a line break or a paragraph, and a word joined by
/// a hyphen (`по-русски`, `из-за`) is not a short word. A word followed by a full stop (`т. е.`)
/// takes no no-break space after it, but a particle before a full stop still belongs to the
/// word before (`Знал ли.`, `қарындаш та.`).
struct ShortWordRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "short-words",
        languages: ["ru", "kk"],
        summary: """
            A no-break space after one-letter words and short prepositions and conjunctions (ru: а, в, во, \
            и, к, ко, о, об, с, со, у, на, не, но, по, за, из, от, до; kk: және, әрі, не, ал, я), and \
            before the ru particles же, ли, бы and the kk мен, бен, пен, да, де, та, те, ма, ме, ба, бе, \
            па, пе, which belong to the word before them.
            """,
        examples: [
            TypographyExample("ru", "жили в лагере", "жили в\u{A0}лагере"),
            TypographyExample("ru", "В 1938 году", "В\u{A0}1938 году"),
            TypographyExample("ru", "и в лагере", "и\u{A0}в\u{A0}лагере"),
            TypographyExample("ru", "не камни, а курт", "не\u{A0}камни, а\u{A0}курт"),
            TypographyExample("ru", "(и от матери)", "(и\u{A0}от\u{A0}матери)"),
            TypographyExample("ru", "если бы знали", "если\u{A0}бы знали"),
            TypographyExample("ru", "пришёл ли он", "пришёл\u{A0}ли он"),
            TypographyExample("kk", "тұтқындары мен саяси", "тұтқындары\u{A0}мен саяси"),
            TypographyExample("kk", "сым алаң мен күзет мұнарасы", "сым алаң\u{A0}мен күзет мұнарасы"),
            TypographyExample("kk", "аналар мен балаларды", "аналар\u{A0}мен балаларды"),
            TypographyExample("kk", "қағаз да, қарындаш та", "қағаз\u{A0}да, қарындаш\u{A0}та"),
            TypographyExample("kk", "аз ба, көп пе?", "аз\u{A0}ба, көп\u{A0}пе?"),
            TypographyExample("kk", "«Құрт» пен нан", "«Құрт»\u{A0}пен нан"),
            TypographyExample("kk", "қағаз да, қарындаш та.", "қағаз\u{A0}да, қарындаш\u{A0}та."),
            TypographyExample("kk", "Бала да.", "Бала\u{A0}да."),
            TypographyExample("kk", "Ол келді ме.", "Ол келді\u{A0}ме."),
            TypographyExample("ru", "Знал ли.", "Знал\u{A0}ли."),
            TypographyExample("ru", "Был бы.", "Был\u{A0}бы."),
            TypographyExample("ru", "Он же.", "Он\u{A0}же."),
            TypographyExample("kk", "қазақ, орыс және ағылшын", "қазақ, орыс және\u{A0}ағылшын"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "жили в\nлагере"),
            TypographyExample("ru", unchanged: "жили в\n\nлагере"),
            TypographyExample("ru", unchanged: "по-русски, из-за"),
            TypographyExample("ru", unchanged: "т. е. так"),
            TypographyExample("ru", unchanged: "т. д."),
            TypographyExample("kk", unchanged: "т. б."),
            TypographyExample("kk", unchanged: "Келді. Да."),
            TypographyExample("ru", unchanged: "всё на"),
            TypographyExample("ru", unchanged: "были на\u{A0}месте"),
            TypographyExample("ru", unchanged: "бывшие узницы"),
            TypographyExample("kk", unchanged: "менің атым"),
            TypographyExample("kk", unchanged: "Ол келді. Мен күттім"),
            TypographyExample("kk", unchanged: "Мен келдім"),
            TypographyExample("kk", unchanged: "нан, мен су"),
        ]
    )

    /// Words that take a no-break space after them, by language (besides one-letter words).
    static let leading: [String: Set<String>] = [
        "ru": [
            "а", "в", "во", "и", "к", "ко", "о", "об", "с", "со", "у", "на", "не", "но", "по", "за", "из", "от",
            "до",
        ],
        "kk": ["және", "әрі", "не", "ал", "я"],
    ]

    /// Words that take a no-break space before them, by language.
    static let trailing: [String: Set<String>] = [
        "ru": ["же", "ли", "бы"],
        "kk": ["мен", "бен", "пен", "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе"],
    ]

    /// The most characters a word in ``leading`` or ``trailing`` has.
    static let longestListedWord =
        (Array(leading.values.joined()) + Array(trailing.values.joined())).map(\.count).max() ?? 0

    func apply(to text: String, language: String) -> String {
        Character.string(of: apply(to: Array(text), language: language))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        let primary = Typography.primarySubtag(of: language)
        let leading = Self.leading[primary] ?? []
        let trailing = Self.trailing[primary] ?? []
        let leadingPacked = Self.leadingPacked[primary] ?? []
        let trailingPacked = Self.trailingPacked[primary] ?? []
        return apply(
            to: scalars,
            isLeading: { Self.isListed($0, in: leadingPacked) ?? leading.contains(Self.lowercased($0)) },
            isTrailing: { Self.isListed($0, in: trailingPacked) ?? trailing.contains(Self.lowercased($0)) })
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        let leading = Self.leading[primary] ?? []
        let trailing = Self.trailing[primary] ?? []
        return apply(
            to: characters, isLeading: { leading.contains(Self.lowercased($0)) },
            isTrailing: { trailing.contains(Self.lowercased($0)) })
    }

    /// Whether a word ending in `unit` can take a following particle: it ends in a letter, a
    /// digit, or a closing quote or bracket (not a comma, a sentence end or a dash).
    static func endsWordItBelongsTo<Unit: TypographyUnit>(_ unit: Unit) -> Bool {
        if unit.isLetter || unit.isNumber { return true }
        switch unit {
        case "»", "”", "“", "’", ")", "]": return true
        default: return false
        }
    }

    /// The word, lowercased as a string: how the lists are looked up.
    static func lowercased<Unit: TypographyUnit>(_ word: ArraySlice<Unit>) -> String {
        Unit.string(of: word).lowercased()
    }

    /// ``leading`` and ``trailing`` packed (``packed(_:)``) for ``isListed(_:in:)``.
    private static let leadingPacked = leading.mapValues(packed)
    private static let trailingPacked = trailing.mapValues(packed)

    /// The words of `list` that have at most four scalars, each packed into 16 bits of a
    /// number (no scalar is 0, so no two such words pack alike).
    static func packed(_ list: some Sequence<String>) -> [UInt64] {
        list.compactMap { word in
            let scalars = word.unicodeScalars
            guard scalars.count <= 4, scalars.allSatisfy({ $0.value > 0 && $0.value <= 0xFFFF }) else { return nil }
            return scalars.reduce(0) { $0 << 16 | UInt64($1.value) }
        }
    }

    /// For each scalar up to U+211F: its lowercase when the scalar is simple (``SimpleScalars``)
    /// and `String.lowercased()` makes it one simple scalar; else 0.
    private static let simpleLowercase: [UInt16] = (0..<0x2120).map { value in
        guard let scalar = Unicode.Scalar(value), CharacterCount.isSimple(scalar) else { return 0 }
        let lowercase = String(scalar).lowercased().unicodeScalars
        guard lowercase.count == 1, let only = lowercase.first, CharacterCount.isSimple(only) else { return 0 }
        return UInt16(only.value)
    }

    /// Fast path of `list.contains(lowercased(word))` for a word of simple scalars, with `list`
    /// packed (``packed(_:)``): `nil` when the word has more than four scalars or a scalar whose
    /// lowercase is not in ``simpleLowercase``. `lowercased()` maps scalar by scalar, so the
    /// word's lowercase is then the scalars' lowercases, one each, all simple and so already
    /// NFC: equal as strings to a listed word (NFC) exactly when equal scalar by scalar, and a
    /// listed word of more than four scalars cannot be equal.
    static func isListed(_ word: ArraySlice<Unicode.Scalar>, in list: [UInt64]) -> Bool? {
        guard word.count <= 4 else { return nil }
        var key: UInt64 = 0
        for scalar in word {
            guard scalar.value < 0x2120 else { return nil }
            let lowercase = simpleLowercase[Int(scalar.value)]
            guard lowercase != 0 else { return nil }
            key = key << 16 | UInt64(lowercase)
        }
        return list.contains(key)
    }

    /// The rule, with the look-ups of a word in the leading and trailing lists.
    private func apply<Unit: TypographyUnit>(
        to characters: [Unit], isLeading: (ArraySlice<Unit>) -> Bool, isTrailing: (ArraySlice<Unit>) -> Bool
    ) -> [Unit] {
        var characters = characters
        var start = 0
        while start < characters.count {
            guard characters[start].isLetter else {
                start += 1
                continue
            }
            var end = start
            while end < characters.count, characters[end].isLetter { end += 1 }
            let before = start > 0 ? characters[start - 1] : nil
            let after = end < characters.count ? characters[end] : nil
            // A full stop after a word ends an abbreviation (`т. е.`) or a sentence: the word
            // takes no no-break space after it (`gluesAfter` needs a space there), but a
            // particle still belongs to the word before (`Знал ли.`).
            let standalone =
                TypographyCharacter.startsWord(after: before) && after != "-" && after != "’" && after != "'"
                && !TypographyCharacter.isDigit(after)
            // Only words of at most `longestListedWord` characters can be listed: longer ones skip
            // the lowercased copy and the set lookups.
            if standalone, end - start <= Self.longestListedWord {
                let gluesAfter = after == " " && end + 1 < characters.count && !characters[end + 1].isWhitespace
                let gluesBefore = before == " " && start >= 2 && Self.endsWordItBelongsTo(characters[start - 2])
                // A one-letter word is glued without a look at the lists; other words are
                // lowercased only when a no-break space can go after or before them.
                if gluesAfter, end - start == 1 {
                    characters[end] = .noBreakSpace
                } else if gluesAfter, isLeading(characters[start..<end]) {
                    characters[end] = .noBreakSpace
                } else if gluesBefore, isTrailing(characters[start..<end]) {
                    characters[start - 1] = .noBreakSpace
                }
            }
            start = end
        }
        return characters
    }
}
