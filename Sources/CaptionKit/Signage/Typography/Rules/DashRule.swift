/// A hyphen between spaces in mid-sentence becomes a dash that cannot start a line.
///
/// ru, kk: ` - `, ` -- `, ` – ` and ` — ` become no-break space + em dash + space
/// (`лагерь - это` → `лагерь — это`). en: ` - ` and ` -- ` become the spaced en dash of British
/// usage, again with a no-break space before it; a spaced em dash already typed keeps its glyph
/// and gets the no-break space. Only dashes with text on both sides on the same line are
/// touched, so a dash starting a line (dialogue) or ending one is left alone, as are hyphens in
/// words (`әпке-қарындасы`, `present-day`).
struct DashRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "dash",
        languages: ["ru", "kk", "en"],
        summary: """
            ru, kk: ' - ' or ' -- ' becomes no-break space + em dash + space; en: ' - ' becomes \
            no-break space + en dash + space.
            """,
        examples: [
            TypographyExample("ru", "АЛЖИР - лагерь", "АЛЖИР\u{A0}— лагерь"),
            TypographyExample("ru", "курт -- маленькие", "курт\u{A0}— маленькие"),
            TypographyExample("ru", "в тюрьму, — лучшие", "в тюрьму,\u{A0}— лучшие"),
            TypographyExample("kk", "АЛЖИР – Ақмола", "АЛЖИР\u{A0}— Ақмола"),
            TypographyExample("en", "the camp - and", "the camp\u{A0}– and"),
            TypographyExample("en", "the camp -- and", "the camp\u{A0}– and"),
            TypographyExample("en", "the camp — and", "the camp\u{A0}— and"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "АЛЖИР\u{A0}— лагерь"),
            TypographyExample("ru", unchanged: "- Реплика в диалоге"),
            TypographyExample("ru", unchanged: "конец строки -\nновая"),
            TypographyExample("kk", unchanged: "әпке-қарындасы"),
            TypographyExample("en", unchanged: "present-day Astana"),
            TypographyExample("en", unchanged: "1938–1953"),
        ]
    )

    static let triggers: TypographyTriggers? = [.hyphen, .dash]

    func apply(to text: String, language: String) -> String {
        // Fast path: every spaced dash holds one of these scalars.
        guard text.unicodeScalars.contains(where: { $0 == "-" || $0 == "–" || $0 == "—" }) else { return text }
        return Character.string(of: apply(to: Array(text), language: language))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars, language: language)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        // A spaced dash starts just before a dash: the next of each dash is found once and kept
        // until the scan passes it, rather than asking ``dash(in:at:language:)`` at every index.
        var next: (hyphen: Int, en: Int, em: Int) = (-1, -1, -1)
        return characters.replacingMatches(
            candidate: { characters, from in
                if next.hyphen <= from { next.hyphen = Unit.index(of: "-", in: characters, from: from + 1) }
                if next.en <= from { next.en = Unit.index(of: "–", in: characters, from: from + 1) }
                if next.em <= from { next.em = Unit.index(of: "—", in: characters, from: from + 1) }
                let dash = min(next.hyphen, next.en, next.em)
                return dash < characters.count ? dash - 1 : dash
            },
            { characters, index in
                dash(in: characters, at: index, language: primary).map { ([.noBreakSpace, $0.0, " "], $0.1) }
            })
    }

    /// The dash to write and the index after its trailing space, when a spaced dash starts at
    /// `start` (the space before it).
    private func dash<Unit: TypographyUnit>(in characters: [Unit], at start: Int, language: String) -> (Unit, Int)? {
        guard characters[start] == " " || characters[start] == .noBreakSpace else { return nil }
        var index = start + 1
        guard index < characters.count else { return nil }
        let typed = characters[index]
        // The dash first: it rules out most spaces without classifying the character before them.
        guard typed == "-" || typed == "–" || typed == "—", start > 0, !characters[start - 1].isWhitespace else {
            return nil
        }
        switch typed {
        case "-":
            index += 1
            if index < characters.count, characters[index] == "-" { index += 1 }
        case "–", "—":
            index += 1
        default:
            return nil
        }
        guard index + 1 < characters.count, characters[index] == " ", !characters[index + 1].isWhitespace else {
            return nil
        }
        let glyph: Unit = language == "en" ? (typed == "—" ? "—" : "–") : "—"
        return (glyph, index + 1)
    }
}
