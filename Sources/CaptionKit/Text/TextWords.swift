/// A word of a caption text: a run of letters (with their combining marks).
public struct TextWord: Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// Where the word is in the text it came from.
    public var range: Range<String.Index>

    /// Creates a word.
    public init(text: String, range: Range<String.Index>) {
        self.text = text
        self.range = range
    }

    /// The scripts of the word's letters (Latin, Cyrillic), in the order they first occur.
    public var scripts: [WritingScript] { Self.scripts(of: text) }

    /// The scripts of the letters of `word` (Latin, Cyrillic), in the order they first occur.
    public static func scripts(of word: String) -> [WritingScript] {
        var found: [WritingScript] = []
        for scalar in word.unicodeScalars {
            if let script = WritingScript(scalar), !found.contains(script) { found.append(script) }
        }
        return found
    }

    /// The script of `word` when all its Latin or Cyrillic letters share one, else `nil`.
    public static func singleScript(of word: String) -> WritingScript? {
        let found = scripts(of: word)
        return found.count == 1 ? found[0] : nil
    }

    /// Whether the word starts with a lowercase letter.
    public var startsLowercase: Bool { text.first?.isLowercase ?? false }

    /// Whether the word is an uppercase Roman numeral from I to XXXIX (centuries, volumes,
    /// congresses): `XIX` is a number, not a Latin word.
    public var isRomanNumeral: Bool { RomanNumeral.value(of: text) != nil }
}

/// Splits caption text into words.
public enum TextWords {
    /// The words of `text`: maximal runs of letters and combining marks. Everything else
    /// (spaces, digits, punctuation, hyphens, apostrophes) separates words, so `NKVD-ның` is
    /// two words and `19th` gives the word `th`.
    public static func words(in text: String) -> [TextWord] {
        var words: [TextWord] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isLetter = isWordCharacter(text[index])
            if isLetter, start == nil { start = index }
            if !isLetter, let begin = start {
                words.append(TextWord(text: String(text[begin..<index]), range: begin..<index))
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { words.append(TextWord(text: String(text[begin...]), range: begin..<text.endIndex)) }
        return words
    }

    /// Whether a character belongs to a word: its first scalar is a letter or a combining mark.
    static func isWordCharacter(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return first.properties.isAlphabetic && !first.properties.isWhitespace
            && first.properties.numericType == nil
    }

    /// The values that satisfy `include`, each once, in their first order.
    public static func distinct(_ values: [String], where include: (String) -> Bool) -> [String] {
        var seen = Set<String>()
        return values.filter { include($0) && seen.insert($0).inserted }
    }

    /// Lists values for a message: `'a', 'b' and 'c'`.
    public static func quotedList(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        if quoted.count <= 1 { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
    }
}

/// Uppercase Roman numerals as caption texts use them for centuries (`XIX век`, `XX ғасыр`).
public enum RomanNumeral {
    /// The value of `text` when it is a canonical uppercase Roman numeral made of I, V and X
    /// from 1 to 39, else `nil` (`MIX`, `CD`, `IIII` and `XXXX` are not numerals here).
    ///
    /// The single letters `I`, `V` and `X` count too; callers that must not read the English
    /// pronoun `I` as 1 decide by context (see ``NumberExtraction``).
    public static func value(of text: String) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.allSatisfy({ $0 == "I" || $0 == "V" || $0 == "X" }) else {
            return nil
        }
        var total = 0
        let values = text.map { $0 == "I" ? 1 : $0 == "V" ? 5 : 10 }
        for (index, value) in values.enumerated() {
            if index + 1 < values.count, values[index + 1] > value { total -= value } else { total += value }
        }
        guard (1...39).contains(total), numeral(total) == text else { return nil }
        return total
    }

    /// The canonical numeral for 1...39.
    static func numeral(_ value: Int) -> String {
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return String(repeating: "X", count: value / 10) + units[value % 10]
    }
}
