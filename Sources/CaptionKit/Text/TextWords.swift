/// A word of a caption text: a run of letters (with their combining marks).
struct TextWord: Sendable, Hashable {
    /// The word as written.
    var text: String
    /// Where the word is in the text it came from.
    var range: Range<String.Index>

    /// Creates a word.
    init(text: String, range: Range<String.Index>) {
        self.text = text
        self.range = range
    }

    /// The scripts of the word's letters (Latin, Cyrillic), in the order they first occur.
    var scripts: [WritingScript] { Self.scripts(of: text) }

    /// The scripts of the letters of `word` (Latin, Cyrillic), in the order they first occur.
    static func scripts(of word: String) -> [WritingScript] {
        var found: [WritingScript] = []
        for scalar in word.unicodeScalars {
            if let script = WritingScript(scalar), !found.contains(script) { found.append(script) }
        }
        return found
    }

    /// The script of `word` when all its Latin or Cyrillic letters share one, else `nil`.
    static func singleScript(of word: String) -> WritingScript? {
        let found = scripts(of: word)
        return found.count == 1 ? found[0] : nil
    }

    /// Whether the word starts with a lowercase letter.
    var startsLowercase: Bool { text.first?.isLowercase ?? false }

    /// Whether the word is an uppercase Roman numeral from I to XXXIX (centuries, volumes,
    /// congresses): `XIX` is a number, not a Latin word.
    var isRomanNumeral: Bool { RomanNumeral.value(of: text) != nil }
}

/// Splits caption text into words.
enum TextWords {
    /// The words of `text`: maximal runs of letters and combining marks, with the soft hyphens
    /// inside them (U+00AD, where a sign may break the word), which the word's `text` leaves out.
    /// Everything else (spaces, digits, punctuation, hyphens, apostrophes) separates words, so
    /// `NKVD-ның` is two words and `19th` gives the word `th`.
    static func words(in text: String) -> [TextWord] {
        WordRanges(text).map { range in
            var word = String(text.unicodeScalars[range])
            if word.unicodeScalars.contains("\u{AD}") { word.unicodeScalars.removeAll { $0 == "\u{AD}" } }
            return TextWord(text: word, range: range)
        }
    }

    /// Whether the plain letter (``isPlainLetter(_:)``) `scalar` is lowercase:
    /// `Character(scalar).isLowercase`, with ASCII and the basic Cyrillic letters decided by
    /// range, since every word of every text asks.
    @inline(__always)
    static func isLowercasePlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x61 }
        if value >= 0x400 && value <= 0x45F { return value >= 0x430 }
        return isLowercaseCharacter(scalar)
    }

    /// `Character(scalar).isLowercase`, kept out of ``isLowercasePlainLetter(_:)`` for the
    /// reason given at ``isLetterByProperties(_:)``.
    @inline(never)
    static func isLowercaseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        Character(scalar).isLowercase
    }

    /// Whether `scalar` is an ASCII, Latin-1, Latin Extended or Cyrillic letter: letters whose
    /// grapheme break property is Other, so that two of them never form one grapheme.
    @inline(__always)
    static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return isLetter(scalar) && (value < 0x250 || (value >= 0x400 && value <= 0x4FF))
    }

    /// Whether `scalar` is a letter (not a digit), with fast paths for ASCII, Latin and
    /// Cyrillic: Unicode property look-ups would dominate the run time on large collections.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
        if value >= 0x400 && value <= 0x4FF { return value <= 0x481 || value >= 0x48A }
        if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
        if value < 0xC0 { return value == 0xAA || value == 0xB5 || value == 0xBA }
        if value >= 0x2000 && value <= 0x2BFF { return false }
        return isLetterByProperties(scalar)
    }

    /// ``isLetter(_:)`` for the scalars outside its fast ranges, by Unicode properties.
    ///
    /// A function of its own, never inlined: the property types are resilient, and a function
    /// that uses them sets up their metadata on every call, before any fast path is taken.
    @inline(never)
    static func isLetterByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic && properties.numericType == nil && !isCombiningMark(scalar)
    }

    /// Whether `scalar` is a combining mark (it continues the word before it).
    @inline(__always)
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if value <= 0x36F || (value >= 0x483 && value <= 0x489) { return true }
        if value >= 0x400 && value <= 0x4FF { return false }
        return isMarkByCategory(scalar)
    }

    /// Whether `scalar`'s general category is a mark; kept out of ``isCombiningMark(_:)`` for
    /// the reason given at ``isLetterByProperties(_:)``.
    @inline(never)
    static func isMarkByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The values that satisfy `include`, each once, in their first order.
    static func distinct(_ values: [String], where include: (String) -> Bool) -> [String] {
        var seen = Set<String>()
        return values.filter { include($0) && seen.insert($0).inserted }
    }

    /// Lists values for a message: `'a', 'b' and 'c'`.
    static func quotedList(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        if quoted.count <= 1 { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
    }
}

/// Uppercase Roman numerals as caption texts use them for centuries (`XIX век`, `XX ғасыр`).
enum RomanNumeral {
    /// The value of `text` when it is a canonical uppercase Roman numeral made of I, V and X
    /// from 1 to 39, else `nil` (`MIX`, `CD`, `IIII` and `XXXX` are not numerals here).
    ///
    /// The single letters `I`, `V` and `X` count too; callers that must not read the English
    /// pronoun `I` as 1 decide by context (see ``NumberExtraction``).
    static func value(of text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }),
            let value = anyValue(of: text), value <= 39
        else { return nil }
        return value
    }

    /// The value of `text` when it is any canonical uppercase Roman numeral, of I, V, X, L, C, D
    /// and M, from 1 to 3999 (`XL`, `MCMXLV`), else `nil` (`IIII`, `IC`, `VX` are none).
    static func anyValue(of text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 15 else { return nil }
        var values: [Int] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "I"): values.append(1)
            case UInt8(ascii: "V"): values.append(5)
            case UInt8(ascii: "X"): values.append(10)
            case UInt8(ascii: "L"): values.append(50)
            case UInt8(ascii: "C"): values.append(100)
            case UInt8(ascii: "D"): values.append(500)
            case UInt8(ascii: "M"): values.append(1000)
            default: return nil
            }
        }
        var total = 0
        for (index, value) in values.enumerated() {
            if index + 1 < values.count, values[index + 1] > value { total -= value } else { total += value }
        }
        guard (1...3999).contains(total), numeral(total) == text else { return nil }
        return total
    }

    /// ``value(of:)`` of `text` with the Cyrillic capitals Х (U+0425) and І (U+0406) read as X
    /// and I, the way Russian and Kazakh typists write numerals (`ХХ`, `ХІХ`, `XІX`); `nil` when
    /// a letter is neither one of these nor I, V or X.
    static func value(ofTyped text: String) -> Int? {
        latin(typed: text).flatMap(value(of:))
    }

    /// ``anyValue(of:)`` of `text` with the Cyrillic Х and І read as X and I (`ХІІ`, `Х`).
    static func anyValue(ofTyped text: String) -> Int? {
        latin(typed: text).flatMap(anyValue(of:))
    }

    /// `text` with the Cyrillic capitals Х and І replaced by X and I; `nil` when it has another
    /// letter beyond ASCII.
    private static func latin(typed text: String) -> String? {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var latin = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{425}": latin.append("X")
            case "\u{406}": latin.append("I")
            case _ where scalar.isASCII: latin.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        return latin
    }

    /// The canonical numeral for 1...3999.
    static func numeral(_ value: Int) -> String {
        let thousands = ["", "M", "MM", "MMM"]
        let hundreds = ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"]
        let tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return thousands[value / 1000] + hundreds[value / 100 % 10] + tens[value / 10 % 10] + units[value % 10]
    }
}
