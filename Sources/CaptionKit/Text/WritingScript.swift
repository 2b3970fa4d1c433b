/// The writing system of a letter, as far as the caption checks care: Latin, Cyrillic or other.
enum WritingScript: String, Sendable, Hashable {
    /// Latin letters (A–Z and their accented forms).
    case latin = "Latin"
    /// Cyrillic letters, including the Kazakh ones (ә ғ қ ң ө ұ ү һ і).
    case cyrillic = "Cyrillic"

    /// The script of `scalar`, or `nil` when it is not a Latin or Cyrillic letter (digits,
    /// punctuation, combining marks, other scripts).
    init?(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x61...0x7A: self = .latin
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: self = .latin
        case 0x1E00...0x1EFF: self = .latin
        case 0x400...0x481, 0x48A...0x52F, 0x1C80...0x1C88, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
        default: return nil
        }
    }

    /// The script a caption language is written in, from its script subtag (`kk-Latn`,
    /// `sr-Cyrl`) or, without one, from the language (kk, ru, uk... Cyrillic; en, de, fr...
    /// Latin). `nil` for languages the checks know nothing about.
    static func expected(forLanguage tag: String) -> WritingScript? {
        // A tag without subtags (nearly all) needs no split: the checks ask for every text.
        if !tag.utf8.contains(UInt8(ascii: "-")) { return tag.isEmpty ? nil : expected(forPrimaryLanguage: tag) }
        let parts = tag.split(separator: "-")
        for part in parts.dropFirst() where part.count == 4 {
            switch part.lowercased() {
            case "latn": return .latin
            case "cyrl": return .cyrillic
            default: return nil
            }
        }
        guard let language = parts.first.map(String.init) else { return nil }
        return expected(forPrimaryLanguage: language)
    }

    /// The script a language subtag (`kk`, `en`) is written in, or `nil`.
    private static func expected(forPrimaryLanguage language: String) -> WritingScript? {
        if cyrillicLanguages.contains(language) { return .cyrillic }
        if latinLanguages.contains(language) { return .latin }
        return nil
    }

    /// Languages written in Cyrillic unless a script subtag says otherwise.
    static let cyrillicLanguages: Set<String> = [
        "kk", "ru", "uk", "be", "bg", "mk", "ky", "tg", "mn", "tt", "ba", "sr",
    ]
    /// Languages written in Latin letters unless a script subtag says otherwise.
    static let latinLanguages: Set<String> = [
        "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "no", "nb", "fi", "tr", "uz", "tk",
        "az", "hu", "ro", "hr", "sl", "lt", "lv", "et",
    ]
}

/// The letters that Kazakh has and Russian lacks: ә ғ қ ң ө ұ ү һ і and their capitals.
enum KazakhLetters {
    /// The letters, lowercase and uppercase.
    static let all: Set<Unicode.Scalar> = [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І",
    ]

    /// Whether `text` has at least one Kazakh-only letter.
    static func occur(in text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isCountedLetter)
    }

    /// Whether `text` may have a word that, lowercased, equals a word with one of the letters
    /// that ``occur(in:)`` looks for: it has one of them or a letter whose canonical
    /// decomposition has one of them (ї Ї ӛ Ӛ ӫ Ӫ).
    static func mayOccur(in text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { isCountedLetter($0) || isDecomposedForm($0) }
    }

    /// Whether `scalar` is a letter whose canonical decomposition has one of the letters of
    /// ``occur(in:)``: ї Ї ӛ Ӛ ӫ Ӫ.
    @inline(__always)
    static func isDecomposedForm(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x407, 0x457, 0x4DA, 0x4DB, 0x4EA, 0x4EB: return true
        default: return false
        }
    }

    /// Whether `scalar` is one of the letters that ``occur(in:)`` looks for, every letter of
    /// ``all``: a switch on the code point, not a set look-up, because it runs for every letter
    /// of every text.
    @inline(__always)
    static func isCountedLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x406, 0x456, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4AE, 0x4AF, 0x4B0, 0x4B1, 0x4BA, 0x4BB, 0x4D8,
            0x4D9,
            0x4E8, 0x4E9:
            return true
        default:
            return false
        }
    }
}

/// Language tag helpers for the content checks.
extension Language {
    /// The language subtag of a tag: `kk` for `kk-Latn`.
    static func primary(_ tag: String) -> String {
        // A tag without subtags (nearly all) is its own primary subtag: no split needed.
        guard tag.utf8.contains(UInt8(ascii: "-")) else { return tag }
        return tag.split(separator: "-").first.map(String.init) ?? tag
    }

    /// Whether `tag` is Kazakh or Russian written in Cyrillic (the default script for both).
    static func isCyrillic(_ tag: String, language: String) -> Bool {
        primary(tag) == language && WritingScript.expected(forLanguage: tag) == .cyrillic
    }
}
