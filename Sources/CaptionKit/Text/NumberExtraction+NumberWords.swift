/// Numbers written with a word for thousands, millions or billions, read as the number they
/// stand for (see ``NumberExtraction``): `8 тысяч`, `8 тыс.`, `8 мың`, `18 мыңнан`,
/// `8 thousand` give `8000`, as `8 000` and `8,000` do; `1,5 млн` and `1.5 million` give
/// `1500000`.
extension NumberExtraction {
    /// The power of ten a number word right after offset `end` (through spaces and line breaks)
    /// multiplies by, in `language` (a primary subtag):
    /// - ru: `тысяча`, `миллион`, `миллиард` in any case and number (``RussianEndings``), and
    ///   `тыс`, `млн`, `млрд`;
    /// - kk: `мың`, `миллион`, `миллиард` with any plural, possessive and case endings
    ///   (``KazakhSuffixes``: `мыңнан`, `мыңға`, `миллионнан`, not `мыңдаған`), and `млн`,
    ///   `млрд` (also with a hyphenated ending, `млн-нан`);
    /// - en: `thousand`, `million`, `billion`.
    static func powerOfNumberWord(
        after end: Int, in bytes: UnsafeBufferPointer<UInt8>, language: String
    ) -> Int? {
        var index = end
        while index < bytes.count {
            let (scalar, length) = ValidUTF8.unicodeScalar(at: index, in: bytes)
            // A line break too: a literal block may wrap between the number and its word.
            guard isGroupingSpace(scalar) || scalar == "\n" || scalar == "\r" else { break }
            index += length
        }
        // Every word read starts with т, м (D1 82, D0 BC; Т, М: D0 A2, D0 9C) or t, m, b.
        guard index > end, index + 1 < bytes.count else { return nil }
        let lead = bytes[index]
        switch language {
        case "ru", "kk":
            let next = bytes[index + 1]
            guard (lead == 0xD1 && next == 0x82) || (lead == 0xD0 && (next == 0xBC || next == 0xA2 || next == 0x9C))
            else { return nil }
        case "en":
            let letter = lead | 0x20
            guard letter == UInt8(ascii: "t") || letter == UInt8(ascii: "m") || letter == UInt8(ascii: "b") else {
                return nil
            }
        default:
            return nil
        }
        let wordEnd = endOfLetters(bytes, from: index)
        guard wordEnd - index <= NumberWords.longestWordBytes else { return nil }
        var word: [UInt32] = []
        var offset = index
        while offset < wordEnd {
            let (scalar, length) = ValidUTF8.unicodeScalar(at: offset, in: bytes)
            guard let folded = TextAnalysis.caseFolded(scalar) else { return nil }
            word.append(folded)
            offset += length
        }
        switch language {
        case "ru": return NumberWords.russianPower(word)
        case "kk": return NumberWords.kazakhPower(word, hyphenatedEnding: hyphenatedEnding(bytes, after: wordEnd))
        default: return NumberWords.english[word]
        }
    }

    /// The folded letters of a hyphenated ending right after offset `end` (`-нан` of `млн-нан`),
    /// or `nil`.
    private static func hyphenatedEnding(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> [UInt32]? {
        guard end < bytes.count, bytes[end] == UInt8(ascii: "-") else { return nil }
        var ending: [UInt32] = []
        var offset = end + 1
        while offset < bytes.count {
            let (scalar, length) = ValidUTF8.unicodeScalar(at: offset, in: bytes)
            guard TextWords.isLetter(scalar), let folded = TextAnalysis.caseFolded(scalar) else { break }
            ending.append(folded)
            offset += length
        }
        return ending.isEmpty ? nil : ending
    }

    /// `number` (digits, perhaps with a decimal point) times ten to `power`: `1.5` and 6 give
    /// `1500000`, `1.25` and 1 give `12.5`.
    static func scaled(_ number: String, byPowerOfTen power: Int) -> String {
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        var whole = String(parts[0])
        var rest = ""
        if fraction.count <= power {
            whole += fraction + String(repeating: "0", count: power - fraction.count)
        } else {
            whole += fraction.prefix(power)
            rest = "." + fraction.dropFirst(power)
        }
        let trimmed = whole.drop { $0 == "0" }
        return (trimmed.isEmpty ? "0" : String(trimmed)) + rest
    }

    /// Whether `number` (of ``numbers(in:language:)``) is digits with at most a decimal point,
    /// which a number word may multiply (not a decade, `30s`).
    static func isPlainNumber(_ number: String) -> Bool {
        number.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
    }
}

/// The words for thousands, millions and billions ``NumberExtraction`` reads after a number, by
/// language, as folded scalars (``TextAnalysis/caseFolded(_:)``).
enum NumberWords {
    /// More UTF-8 bytes than any word read has with its endings (`миллиардтарының` has 30).
    static let longestWordBytes = 40

    private static func key(_ word: String) -> [UInt32] { word.unicodeScalars.map(\.value) }

    /// Stems of the full words and their powers of ten, in Russian and Kazakh.
    private static let russianStems: [([UInt32], Int)] = [(key("тысяч"), 3), (key("миллион"), 6), (key("миллиард"), 9)]
    private static let kazakhStems: [([UInt32], Int)] = [(key("мың"), 3), (key("миллион"), 6), (key("миллиард"), 9)]

    /// Abbreviations, written without endings (a full stop after them is not part of the word).
    private static let russianAbbreviations: [[UInt32]: Int] = [key("тыс"): 3, key("млн"): 6, key("млрд"): 9]
    private static let kazakhAbbreviations: [[UInt32]: Int] = [key("млн"): 6, key("млрд"): 9]

    /// English words, lowercase.
    static let english: [[UInt32]: Int] = [key("thousand"): 3, key("million"): 6, key("billion"): 9]

    /// The power of a Russian word: an abbreviation, or a stem with a noun ending.
    static func russianPower(_ word: [UInt32]) -> Int? {
        if let power = russianAbbreviations[word] { return power }
        for (stem, power) in russianStems
        where word.starts(with: stem) && RussianEndings.all.contains(Array(word[stem.count...])) {
            return power
        }
        return nil
    }

    /// The power of a Kazakh word: an abbreviation (with a hyphenated ending or none), or a
    /// stem with a chain of suffixes.
    static func kazakhPower(_ word: [UInt32], hyphenatedEnding: [UInt32]?) -> Int? {
        if let power = kazakhAbbreviations[word] {
            guard let ending = hyphenatedEnding else { return power }
            return accepts(ending[...], after: word) ? power : nil
        }
        for (stem, power) in kazakhStems where word.starts(with: stem) && accepts(word[stem.count...], after: stem) {
            return power
        }
        return nil
    }

    /// Whether `endings` may follow `stem` by the Kazakh suffix rules.
    private static func accepts(_ endings: ArraySlice<UInt32>, after stem: [UInt32]) -> Bool {
        endings.withUnsafeBufferPointer { endings in
            KazakhSuffixes.accepts(
                endings, after: KazakhSuffixes.endSound(of: stem), harmony: KazakhSuffixes.harmony(of: stem))
        }
    }
}
