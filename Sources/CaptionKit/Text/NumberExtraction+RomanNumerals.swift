/// Roman numerals, read as their values (see ``NumberExtraction``). Two or more of I, V and X
/// (1 to 39: `XIX`, `ХХ`) always count. A single letter (`X`, `V`, `I`, `C`) or a numeral with
/// L, C, D or M (`XL`, `MCM`) counts only where its neighbours say it is a number, so that the
/// English pronoun `I`, `Vitamin C`, `Malcolm X`, `type C` or a size `XL` stay words:
/// - right before a word for century or millennium (``DatingWords``), through spaces or a
///   hyphen: `X век`, `X–XII века`, `I тысячелетии`, `X-ғасыр`, `V ғасырлар`, `C c.`;
/// - joined by a dash or hyphen, with no space on either side, to a numeral that counts by
///   itself or stands before such a word: `XII–X`, `V–VI`, `V–X вв.` (`I–V` alone does not
///   count; a spaced dash is punctuation: `Петра I — XVIII век`).
///
/// An abbreviation (`в.`, `c.`) counts only with its full stop and no number after it: the
/// `c.` of `Peter I c. 1700` is *circa*.
///
/// The Cyrillic capitals Х and І, which Russian and Kazakh typists use for X and I, are read
/// as X and I in a word made only of these and Roman letters (`ХХ век`, `Х ғасыр`, `ХІІ–Х`);
/// the Cyrillic С and М are not, since `С` is the preposition of `С XII века`.
extension NumberExtraction {
    /// The value of the letters of `bytes` in `range` (a whole word) when they are a Roman
    /// numeral that counts where it stands, else `nil`.
    static func romanNumeral(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let numeral = word(bytes, range)
        guard let value = RomanNumeral.anyValue(ofTyped: numeral) else { return nil }
        if countsAlone(numeral) || isDatingWord(after: range.upperBound, in: bytes) { return value }
        if let next = rangeEnd(after: range.upperBound, in: bytes) {
            let partner = word(bytes, next)
            if countsAlone(partner)
                || (RomanNumeral.anyValue(ofTyped: partner) != nil && isDatingWord(after: next.upperBound, in: bytes))
            {
                return value
            }
        }
        if let previous = rangeStart(before: range.lowerBound, in: bytes), countsAlone(word(bytes, previous)) {
            return value
        }
        return nil
    }

    /// Whether `numeral` counts wherever it stands: two or more of I, V and X (`XIX`, `ХХ`).
    private static func countsAlone(_ numeral: String) -> Bool {
        numeral.unicodeScalars.count > 1 && RomanNumeral.value(ofTyped: numeral) != nil
    }

    /// Whether a word for century or millennium follows offset `end`, through spaces or a
    /// hyphen (`X век`, `X-ғасыр`, `X в.`).
    static func isDatingWord(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = skipSpaces(bytes, from: end)
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index = skipSpaces(bytes, from: index + 1) }
        let wordEnd = endOfLetters(bytes, from: index)
        guard wordEnd > index else { return false }
        let dotAfter =
            wordEnd < bytes.count && bytes[wordEnd] == UInt8(ascii: ".")
            && !startsWithDigit(at: skipSpaces(bytes, from: wordEnd + 1), in: bytes)
        return DatingWords.isCenturyOrMillennium(word(bytes, index..<wordEnd).lowercased(), dotAfter: dotAfter)
    }

    /// Whether an ASCII digit is at offset `index`.
    private static func startsWithDigit(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index < bytes.count && isDigit(bytes[index])
    }

    /// The word after a dash or hyphen right after offset `end` (`VI` of `V–VI`), with no space
    /// on either side of it.
    private static func rangeEnd(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = end
        guard let dash = dashLength(at: index, in: bytes) else { return nil }
        index += dash
        let wordEnd = endOfLetters(bytes, from: index)
        return wordEnd > index ? index..<wordEnd : nil
    }

    /// The word before a dash or hyphen right before offset `start` (`XII` of `XII–X`), with no
    /// space on either side of it.
    private static func rangeStart(before start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = start
        guard let dash = dashLength(before: index, in: bytes) else { return nil }
        index -= dash
        let wordEnd = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        return index < wordEnd ? index..<wordEnd : nil
    }

    /// The length of a hyphen (1), en dash or em dash (3) at `index`, or `nil`.
    private static func dashLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        guard index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
        else { return nil }
        return 3
    }

    /// The offset before the spaces and no-break spaces that end at `end`.
    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var index = end
        while index > 0 {
            if bytes[index - 1] == UInt8(ascii: " ") {
                index -= 1
            } else if index >= 2, bytes[index - 2] == 0xC2, bytes[index - 1] == 0xA0 {
                index -= 2
            } else {
                break
            }
        }
        return index
    }
}

/// The words for century and millennium a Roman numeral stands before, in Russian, Kazakh and
/// English, with their endings.
enum DatingWords {
    /// Abbreviations, which count only with their full stop (`X в.`, not `витамин C в`).
    private static let abbreviations: Set<String> = ["в", "вв", "ғ", "ғғ", "c", "cc", "тыс"]

    /// English words, lowercase.
    private static let english: Set<String> = ["century", "centuries", "millennium", "millennia", "millenniums"]

    /// Russian stems and the noun endings they take (`века`, `веках`, `тысячелетии`).
    private static let russian: [(stem: String, endings: Set<String>)] = [
        ("век", ["", "а", "у", "е", "ом", "ов", "ам", "ами", "ах"]),
        ("тысячелети", ["е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"]),
        ("столети", ["е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"]),
    ]

    /// Kazakh stems, which take any plural, possessive and case endings (``KazakhSuffixes``:
    /// `ғасырлар`, `ғасырдың`, `мыңжылдықта`; `мыңжылдығы`, with the final к voiced before a vowel).
    private static let kazakh = ["ғасыр", "мыңжылдық", "мыңжылдығ"].map { Array($0.unicodeScalars.map(\.value)) }

    /// Whether `word` (lowercase) is a word for century or millennium; `dotAfter` says whether
    /// a full stop follows it, which an abbreviation needs.
    static func isCenturyOrMillennium(_ word: String, dotAfter: Bool) -> Bool {
        if abbreviations.contains(word) { return dotAfter }
        if english.contains(word) { return true }
        for (stem, endings) in russian
        where word.hasPrefix(stem) && endings.contains(String(word.dropFirst(stem.count))) {
            return true
        }
        let scalars = word.unicodeScalars.map(\.value)
        for stem in kazakh where scalars.starts(with: stem) {
            let endings = scalars[stem.count...]
            // The voiced stem occurs only before an ending.
            if stem.last == 0x493, endings.isEmpty { continue }
            if endings.isEmpty
                || endings.withUnsafeBufferPointer({ endings in
                    KazakhSuffixes.accepts(
                        endings, after: KazakhSuffixes.endSound(of: stem), harmony: KazakhSuffixes.harmony(of: stem))
                })
            {
                return true
            }
        }
        return false
    }
}
