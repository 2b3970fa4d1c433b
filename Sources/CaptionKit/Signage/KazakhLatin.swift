/// Derives Latin-script Kazakh (`kk-Latn`) from Cyrillic by the 2021 alphabet.
///
/// Letters: а a, ә ä, б b, в v, г g, ғ ğ, д d, е e, ж j, з z, и й i, і ı, к k, қ q, л l, м m,
/// н n, ң ñ, о o, ө ö, п p, р r, с s, т t, у u, ұ ū, ү ü, ф f, х һ h, ш ş, ы y. Casing is
/// Turkic: `И`/`Й` become `İ` (capital dotted), `І` becomes `I` (capital of dotless `ı`).
/// `ия` is written `ia`, not `iia`: и and й are one letter `i` in the 2021 alphabet, so the
/// glide that я stands for is written once (the published spelling rules write such words with
/// one i; see Documentation/Signage.md). The standard has not settled ё, ц, ч, щ, ъ, ь, э, ю
/// and я elsewhere (they occur mostly in Russian loans; the 2021 alphabet has no letter for ч);
/// they are written provisionally as io, ts, ch, şş, (nothing), (nothing), e, iu, ia and every
/// word containing one is reported so a person can decide. Other characters pass unchanged.
public enum KazakhLatin {
    /// The language tag of the derived text.
    public static let tag = "kk-Latn"

    /// The text in Latin script and the Cyrillic words that used an unsettled letter.
    struct Result: Sendable, Hashable {
        /// The transliterated text.
        var text: String
        /// Each word (as written in Cyrillic) with a letter the standard has not settled, in
        /// order of first appearance, without repeats.
        var unsettledWords: [String]
    }

    static let settled: [Character: String] = [
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
        "и": "i", "й": "i", "і": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
        "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
        "һ": "h", "ш": "ş", "ы": "y",
    ]

    static let unsettled: [Character: String] = [
        "ё": "io", "ц": "ts", "ч": "ch", "щ": "şş", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    ]

    /// Transliterates Cyrillic Kazakh text.
    static func transliterate(_ text: String) -> Result {
        var output = ""
        var unsettledWords: [String] = []
        var word: [Character] = []
        func flush() {
            guard !word.isEmpty else { return }
            let allCaps = word.count > 1 && word.allSatisfy { !$0.isLowercase }
            var usedUnsettled = false
            for (index, character) in word.enumerated() {
                let lower = Character(character.lowercased())
                let isUpper = character != lower
                if lower == "я", index > 0, word[index - 1].lowercased() == "и" {
                    output += isUpper ? "A" : "a"  // `ия` → `ia`: the glide is the `i` already written
                } else if let latin = settled[lower] {
                    output += isUpper ? upper(latin) : latin
                } else if let latin = unsettled[lower] {
                    usedUnsettled = true
                    if !isUpper {
                        output += latin
                    } else if allCaps || index + 1 == word.count {
                        output += upper(latin)
                    } else {
                        output += upper(String(latin.prefix(1))) + latin.dropFirst()
                    }
                } else {
                    output.append(character)
                }
            }
            let original = String(word.filter { $0 != "\u{AD}" })
            if usedUnsettled, !unsettledWords.contains(original) { unsettledWords.append(original) }
            word = []
        }
        for character in text {
            // A soft hyphen inside a word (where a sign may break it) stays in the word.
            if character.isLetter || (character == "\u{AD}" && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return Result(text: output, unsettledWords: unsettledWords)
    }

    /// Turkic upper case: `i` → `İ`, `ı` → `I`.
    static func upper(_ latin: String) -> String {
        var result = ""
        for character in latin {
            switch character {
            case "i": result += "İ"
            case "ı": result += "I"
            default: result += character.uppercased()
            }
        }
        return result
    }
}
