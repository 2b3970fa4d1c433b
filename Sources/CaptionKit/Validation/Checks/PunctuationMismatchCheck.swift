/// A translation that ends differently from its source (a sentence end lost, a question or
/// exclamation added or lost), and unbalanced brackets or quotes in any text.
///
/// Findings point at the text's value.
public struct PunctuationMismatchCheck: CaptionTextCheck {
    public static let description = CheckDescription(
        id: "punctuation-mismatch",
        name: "Punctuation Mismatch",
        rationale: """
            A translation that lacks the full stop of its source often lost its last sentence, and a \
            question or exclamation mark the source does not have changes the tone of a memorial text. \
            Closing quotes and brackets are looked through (…». ends a sentence). An opening bracket or \
            quote without its closing partner (or the reverse), in any language, is reported too: ( ) [ ] \
            « » “ ” „ “ and straight double quotes.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: about
                title:
                  kk: «АЛЖИР» мемориалы
                  ru: Мемориал «АЛЖИР»
                  en: The ALZHIR memorial
                text:
                  kk: Бұл — «Отанын сатқандардың әйелдерінің Ақмола лагері» (АЛЖИР).
                  ru: Это «Акмолинский лагерь жён изменников Родины» (АЛЖИР)…
                  en: This is the “Akmola camp for wives of traitors to the Motherland” (ALZHIR).
                """),
            CheckExample(
                """
                id: letter
                text:
                  kk: Хатта: „Мама, қашан келесің?“ деп жазылған.
                  ru: В письме написано: „Мама, когда ты приедешь?“
                  en: "The letter says: “Mum, when are you coming?”"
                """),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: about
                text:
                  kk: ↓Бұл — АЛЖИР
                  ru: Это АЛЖИР.
                  en: ↓This is ALZHIR!
                """),
            CheckExample(
                """
                id: about
                text:
                  kk: ↓Бұл — «АЛЖИР (Ақмола лагері.
                  ru: Это «АЛЖИР» (Акмолинский лагерь).
                  en: ↓This is “ALZHIR” (the Akmola camp)).
                """),
        ]
    )

    public init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    public func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for text in analysis.texts {
            if let source = text.source,
                let problem = Self.endingProblem(text.analysis.ending, source: source.analysis.ending)
            {
                findings.append(
                    finding(
                        about: text, of: exhibit,
                        "\(text.label) \(problem) the \(Language.displayName(source.language)) source"))
            }
            if let problem = text.analysis.unbalanced {
                findings.append(finding(about: text, of: exhibit, "\(text.label) has \(problem)"))
            }
        }
        return findings
    }

    /// How a text ends.
    enum Ending: Equatable {
        case none, period, question, exclamation
    }

    /// Closing marks looked through when finding a text's ending.
    static let closers: Set<Character> = [")", "]", "»", "”", "“", "\"", "’", "'"]

    /// The ending of `text`, looking through trailing spaces and closing quotes and brackets.
    static func ending(of text: String) -> (ending: Ending, mark: Character?) {
        // The last characters of nearly every text are single scalars that no neighbour joins
        // (see `CharacterCount.isAlone`); reading them as scalars skips grapheme breaking.
        let scalars = text.unicodeScalars
        var index = scalars.endIndex
        while index > scalars.startIndex {
            let start = scalars.index(before: index)
            let scalar = scalars[start]
            // Two such scalars side by side are two characters, so with the one before it (if
            // any) of the same kind, this scalar is the whole character that ends at `index`.
            guard CharacterCount.isAlone(scalar),
                start == scalars.startIndex || CharacterCount.isAlone(scalars[scalars.index(before: start)])
            else { return endingByCharacters(of: text[..<index]) }
            let character = Character(scalar)
            if character.isWhitespace || closers.contains(character) {
                index = start
                continue
            }
            return ending(character)
        }
        return (.none, nil)
    }

    /// ``ending(of:)`` character by character.
    static func endingByCharacters(of text: Substring) -> (ending: Ending, mark: Character?) {
        for character in text.reversed() where !character.isWhitespace && !closers.contains(character) {
            return ending(character)
        }
        return (.none, nil)
    }

    /// The ending made by a text's last character that is neither a space nor a closing mark.
    private static func ending(_ character: Character) -> (ending: Ending, mark: Character?) {
        switch character {
        case ".", "…": return (.period, character)
        case "?": return (.question, character)
        case "!": return (.exclamation, character)
        default: return (.none, nil)
        }
    }

    /// What is wrong with the translation's ending, as a phrase before "the … source", or `nil`.
    static func endingProblem(_ text: String, source: String) -> String? {
        endingProblem(ending(of: text), source: ending(of: source))
    }

    /// What is wrong with a translation's ending, given its ending and the source's.
    static func endingProblem(
        _ translation: (ending: Ending, mark: Character?), source original: (ending: Ending, mark: Character?)
    )
        -> String?
    {
        if original.ending != .none, translation.ending == .none, let mark = original.mark {
            return "does not end a sentence ('\(mark)') as does"
        }
        if translation.ending == .question || translation.ending == .exclamation, translation.ending != original.ending,
            let mark = translation.mark
        {
            return "ends with '\(mark)', unlike"
        }
        return nil
    }

    /// The first unbalanced bracket or quote, described, or `nil`.
    static func unbalanced(in text: String) -> String? {
        var scan = BracketScan()
        for scalar in text.unicodeScalars { scan.see(scalar) }
        return scan.problem
    }

    /// The scan behind ``unbalanced(in:)``, fed one scalar at a time so that ``TextAnalysis``
    /// can run it within its single pass over each text.
    struct BracketScan {
        /// The brackets and quotes open so far, innermost last.
        private var open: [Unicode.Scalar] = []
        /// The straight quotes so far.
        private var straightQuotes = 0
        /// The first mismatch, once found; later scalars are ignored.
        private var mismatch: String?

        /// Looks at the text's next scalar.
        @inline(__always)
        mutating func see(_ character: Unicode.Scalar) {
            guard mismatch == nil else { return }
            switch character {
            case "(", "[", "«", "„":
                open.append(character)
            case "“":
                // „…“ (Russian, Kazakh) closes with “; English “…” opens with it.
                if open.last == "„" { open.removeLast() } else { open.append(character) }
            case ")", "]", "»", "”":
                guard let last = open.last else {
                    mismatch = "a '\(character)' with no opening partner"
                    return
                }
                guard isOpening(last, closedBy: character) else {
                    mismatch = "a '\(last)' closed by '\(character)'"
                    return
                }
                open.removeLast()
            case "\"":
                straightQuotes += 1
            default:
                return
            }
        }

        /// The first unbalanced bracket or quote of the text seen (all of it), or `nil`.
        var problem: String? {
            if let mismatch { return mismatch }
            if let last = open.last { return "an unclosed '\(last)'" }
            if straightQuotes % 2 == 1 { return "an odd number of '\"' quotes" }
            return nil
        }
    }

    /// Whether `closer` (`)`, `]`, `»` or `”`) closes `opener`: `(`, `[`, `«`, and `“` or `„`
    /// for `”`. (A switch, not a set per closing mark: it runs for every bracket of every text.)
    static func isOpening(_ opener: Unicode.Scalar, closedBy closer: Unicode.Scalar) -> Bool {
        switch closer {
        case ")": return opener == "("
        case "]": return opener == "["
        case "»": return opener == "«"
        default: return opener == "“" || opener == "„"
        }
    }
}
