/// The print-typography rules and the fixed order they run in.
///
/// Typography is applied on export only; the caption files keep what curators typed.
public enum Typography {
    /// Every rule in the order it runs. The order matters: whitespace is cleaned before any
    /// rule looks at spaces, year ranges are recognised before ` - ` becomes a dash, and
    /// no-break spaces after short words come last so they see the final dashes and quotes.
    public static let rules: [any TypographyRule.Type] = [
        UnicodeNormalizationRule.self,
        WhitespaceRule.self,
        ApostropheRule.self,
        QuotesRule.self,
        YearRangeRule.self,
        DashRule.self,
        NumeroRule.self,
        InitialsRule.self,
        NumberUnitRule.self,
        ShortWordRule.self,
    ]

    /// The rules for `language`, in order.
    public static func rules(for language: String) -> [any TypographyRule.Type] {
        rules.filter { $0.description.applies(to: language) }
    }

    /// Applies every rule for `language` to `text`, in order.
    ///
    /// The result is NFC, has LF line ends, no spaces at line ends and no blank lines at the
    /// start or end; it has no final newline (writers add one per file).
    public static func apply(to text: String, language: String) -> String {
        rules(for: language).reduce(text) { result, rule in rule.init().apply(to: result, language: language) }
    }

    /// The primary subtag of a language tag: `kk` for `kk-Latn`.
    public static func primarySubtag(of language: String) -> String {
        String(language.split(separator: "-").first ?? Substring(language)).lowercased()
    }

    /// The no-break space (U+00A0).
    public static let noBreakSpace: Character = "\u{A0}"
}

/// Character classes shared by the rules.
enum TypographyCharacter {
    /// Whether `character` is absent (text edge) or any kind of space or line break.
    static func isSpaceOrEdge(_ character: Character?) -> Bool {
        guard let character else { return true }
        return character.isWhitespace
    }

    /// Whether `character` is a letter (any script).
    static func isLetter(_ character: Character?) -> Bool {
        character?.isLetter ?? false
    }

    /// Whether `character` is an ASCII digit.
    static func isDigit(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isASCII && character.isWholeNumber
    }

    /// Punctuation after which a word or quotation starts: brackets, opening quotes, dashes.
    static let openers: Set<Character> = ["(", "[", "{", "«", "„", "“", "‘", "—", "–", "/"]

    /// Whether a word or quotation may start right after `character`.
    static func startsWord(after character: Character?) -> Bool {
        guard let character else { return true }
        return character.isWhitespace || openers.contains(character)
    }
}

extension Array where Element == Character {
    /// Scans left to right; wherever `match` finds a replacement starting at an index, writes the
    /// replacement and continues after the matched range, otherwise copies the character.
    ///
    /// - Parameter match: Given the characters and a start index, the replacement and the index
    ///   just after the matched characters, or `nil` when nothing matches there.
    func replacingMatches(_ match: ([Character], Int) -> (replacement: [Character], end: Int)?) -> String {
        var result: [Character] = []
        result.reserveCapacity(count)
        var index = 0
        while index < count {
            if let found = match(self, index), found.end > index {
                result.append(contentsOf: found.replacement)
                index = found.end
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return String(result)
    }
}
