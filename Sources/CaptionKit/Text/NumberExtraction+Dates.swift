/// Dates and decades written with words, read so that they give the numbers their digit forms
/// give (see ``NumberExtraction``):
/// - a day (1 to 31) next to a month name gives the month's number too: `5 августа`,
///   `5 тамызда`, `5-тамыз`, `тамыздың 5-і`, `5 August`, `5th August`, `the 5th of August`,
///   `August 5` (English) give `5` and `8`, as `05.08` does. The Kazakh `қазан` (October, and a
///   cauldron) counts only with a year beside the date (`1937 жылғы 5 қазанда`, `5 қазан 1937`),
///   so that `5 қазан` (five cauldrons) stays one number;
/// - a decade with its century gives the year the decade starts: `30-е годы XX века`,
///   `30-х гг. XX в.`, `XX ғасырдың 30-жылдары` give `1930`, as `the 1930s` does; without its
///   century, `30s` (`30-е годы`, `30-жылдары`, `the '30s`); a range of decades
///   (`30–40-е годы`) gives both.
extension NumberExtraction {
    /// The month a day number's neighbour names, when the number between `start` and `end` is
    /// a day (one or two digits, 1 to 31): the month name after it (through spaces, a hyphen or
    /// an ordinal ending, `5-го`, `5th`, `5th of`), or before it: in English (`August 5`,
    /// `Aug. 5`), and in Kazakh in the genitive before a day with a possessive ending
    /// (`тамыздың 5-і`, `тамыздың 5-інде`).
    static func month(
        ofDay bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, language: String
    ) -> Int? {
        guard end - start <= 2, let day = Int(digits: bytes, start..<end), (1...31).contains(day) else { return nil }
        guard MonthNames.knows(language) else { return nil }
        if end < bytes.count, let found = monthAfter(bytes, end, language: language) {
            guard found.month == 10, language == "kk" else { return found.month }
            return isYearBefore(bytes, start) || isYearAfter(bytes, found.end) ? found.month : nil
        }
        guard start > 0, bytes[start - 1] == UInt8(ascii: " ") else { return nil }
        switch language {
        case "en": return monthBefore(bytes, start)
        case "kk": return kazakhMonthBefore(bytes, start, end)
        default: return nil
        }
    }

    /// The month of a Kazakh date written month first, `тамыздың 5-і` (the 5th of August): the
    /// name in the genitive right before the day at `start`, whose possessive ending (any case
    /// of it: `5-і`, `2-сі`, `6-сы`, `9-ы`, `5-інде`, `5-іне`) follows `end`, or the word
    /// `жұлдызы` (`тамыздың 5 жұлдызы`). `қазан` (also a cauldron) needs a year before it
    /// (`1937 жылғы қазанның 5-і`).
    private static func kazakhMonthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end < bytes.count else { return nil }
        if bytes[end] == UInt8(ascii: "-") {
            let ending = end + 1..<endOfLetters(bytes, from: end + 1)
            guard MonthNames.kazakhDayEndings.contains(where: { spells(bytes, ending, $0) }) else { return nil }
        } else {
            let wordStart = skipSpaces(bytes, from: end)
            guard wordStart > end,
                spells(bytes, wordStart..<endOfLetters(bytes, from: wordStart), "жұлдыз", prefix: true)
            else { return nil }
        }
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        let wordEnd = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        let name = index..<wordEnd
        guard MonthNames.kazakhGenitiveEndings.contains(where: { spells(bytes, name, $0, suffix: true) }),
            let month = MonthNames.month(bytes, name, language: "kk")
        else { return nil }
        return month != 10 || isYearBefore(bytes, index) ? month : nil
    }

    /// The month named right after offset `end` of a day, and where its word ends.
    private static func monthAfter(
        _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, language: String
    ) -> (month: Int, end: Int)? {
        var index = end
        let hyphen = bytes[index] == UInt8(ascii: "-")
        if hyphen { index += 1 }
        let suffixEnd = endOfLetters(bytes, from: index)
        if suffixEnd > index {
            if let month = MonthNames.month(bytes, index..<suffixEnd, language: language) {
                return (month, suffixEnd)
            }
            guard MonthNames.ordinalEndings.contains(where: { spells(bytes, index..<suffixEnd, $0) }) else {
                return nil
            }
            index = suffixEnd
        } else if hyphen {
            return nil
        }
        var wordStart = skipSpaces(bytes, from: index)
        guard wordStart > index else { return nil }
        var wordEnd = endOfLetters(bytes, from: wordStart)
        if language == "en", index > end, spells(bytes, wordStart..<wordEnd, "of") {
            // `5th of August`
            let nameStart = skipSpaces(bytes, from: wordEnd)
            guard nameStart > wordEnd else { return nil }
            wordStart = nameStart
            wordEnd = endOfLetters(bytes, from: wordStart)
        }
        guard let month = MonthNames.month(bytes, wordStart..<wordEnd, language: language) else { return nil }
        return (month, wordEnd)
    }

    /// The month named right before offset `start` of a day, through spaces and a full stop
    /// (`August 5`, `Aug. 5`): English month names are ASCII.
    private static func monthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        guard index < start else { return nil }
        if index > 0, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let wordEnd = index
        while index > 0, bytes[index - 1] | 0x20 >= 0x61, bytes[index - 1] | 0x20 <= 0x7A { index -= 1 }
        guard index < wordEnd, index == 0 || !isLetter(before: index, in: bytes) else { return nil }
        return MonthNames.month(bytes, index..<wordEnd, language: "en")
    }

    /// Whether a year (four digits) ends just before offset `start`, through spaces and at most
    /// one word with its full stop (`1937 жылғы 5`, `1937 ж. 5`, `1937, 5`).
    private static func isYearBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: ",") { index -= 1 }
        if index > 0, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let wordEnd = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        if index < wordEnd {
            while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        }
        var digits = 0
        while index > 0, isDigit(bytes[index - 1]) {
            digits += 1
            index -= 1
        }
        return digits == 4
    }

    /// Whether a year (four digits) follows offset `end`, through a full stop, a comma and spaces
    /// (`5 қазан 1937`).
    private static func isYearAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
        }
        index = skipSpaces(bytes, from: index)
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            digits += 1
            index += 1
        }
        return digits == 4
    }

    /// The numbers of a decade, when the two-digit number between `start` and `end` (10 to 90,
    /// in tens) is one: with its century, the year the decade starts (`1930`, as `the 1930s`
    /// gives); without it, the decade's digits and `s` (`30s`), which ``sameNumber(_:_:)``
    /// takes as equal to a year of any century ending in them. The forms read:
    /// - Russian `30-е годы`, `30-х годов`, `30-е гг.`, and `30-х` alone (`в конце 30-х`), each
    ///   with or without the century after (`30-е годы XX века`, `30-х гг. XX в.`);
    /// - Kazakh `30-жылдары`, `30-шы жылдары`, `30-жж.` (any case of `жылдар`), with or without
    ///   the century before (`XX ғасырдың 30-жылдары`, a number already in `read`); with the
    ///   century, also with a space (`XX ғ. 30 жылдары`);
    /// - English `'30s`, `’30s` and `the 30s` (`the 1930s` is a year with a suffix);
    /// - a range of decades, `30–40-е годы`, `XX ғасырдың 30-40-жылдары`: both decades (the
    ///   first one is in `read`).
    ///
    /// Also how many of the last numbers of `read` the numbers replace (the first decade of a
    /// range, a Kazakh century) and where the scan goes on.
    static func decade(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, language: String, read: [String]
    ) -> (numbers: [String], replacing: Int, end: Int)? {
        guard end - start == 2, bytes[start] != UInt8(ascii: "0"), bytes[start + 1] == UInt8(ascii: "0"),
            end < bytes.count, let decade = Int(digits: bytes, start..<end)
        else { return nil }
        var decades = [decade]
        var firstStart = start
        if let rangeStart = decadeRangeStart(bytes, before: start, previous: read.last),
            let first = Int(digits: bytes, rangeStart..<rangeStart + 2)
        {
            decades.insert(first, at: 0)
            firstStart = rangeStart
        }
        let replacing = decades.count - 1
        let withoutCentury = decades.map { "\($0)s" }
        func years(_ century: Int) -> [String] { decades.map { String((century - 1) * 100 + $0) } }
        switch language {
        case "ru":
            guard bytes[end] == UInt8(ascii: "-") else { return nil }
            let suffix = end + 1..<endOfLetters(bytes, from: end + 1)
            let plural = ["x", "х", "ых"].contains(where: { spells(bytes, suffix, $0) })
            guard plural || spells(bytes, suffix, "е") || spells(bytes, suffix, "ые") else { return nil }
            var index = skipSpaces(bytes, from: suffix.upperBound)
            let yearsEnd = endOfLetters(bytes, from: index)
            let hasYearsWord =
                index > suffix.upperBound
                && ["годы", "годов", "годах", "годам", "гг"].contains(where: { spells(bytes, index..<yearsEnd, $0) })
            guard hasYearsWord || plural else { return nil }
            index = suffix.upperBound
            if hasYearsWord {
                index = yearsEnd < bytes.count && bytes[yearsEnd] == UInt8(ascii: ".") ? yearsEnd + 1 : yearsEnd
            }
            let centuryStart = skipSpaces(bytes, from: index)
            let centuryEnd = endOfLetters(bytes, from: centuryStart)
            guard centuryStart > index,
                let century = RomanNumeral.value(ofTyped: word(bytes, centuryStart..<centuryEnd)),
                isCenturyWord(after: centuryEnd, in: bytes)
            else { return (withoutCentury, replacing, hasYearsWord ? yearsEnd : suffix.upperBound) }
            return (years(century), replacing, centuryEnd)
        case "kk":
            guard bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: " ") else { return nil }
            let suffixStart = bytes[end] == UInt8(ascii: "-") ? end + 1 : skipSpaces(bytes, from: end)
            let suffix = suffixStart..<endOfLetters(bytes, from: suffixStart)
            guard
                spells(bytes, suffix, "жылдар", prefix: true) || spells(bytes, suffix, "жж")
                    || ((spells(bytes, suffix, "шы") || spells(bytes, suffix, "ші"))
                        && isYearsWord(after: suffix.upperBound, in: bytes))
            else { return nil }
            guard read.count > replacing, let century = Int(read[read.count - 1 - replacing]),
                (1...21).contains(century), isCenturyBefore(firstStart, in: bytes)
            else {
                // Without its century only hyphenated: `30 жылдар бойы` is "for 30 years".
                return bytes[end] == UInt8(ascii: "-") ? (withoutCentury, replacing, end) : nil
            }
            return (years(century), replacing + 1, end)
        case "en":
            var suffixStart = end
            if bytes[end] == UInt8(ascii: "'") {
                suffixStart += 1
            } else if isRightQuote(bytes, at: end) {
                suffixStart += 3
            }
            guard suffixStart < bytes.count, bytes[suffixStart] == UInt8(ascii: "s"),
                suffixStart + 1 == bytes.count
                    || !TextWords.isLetter(ValidUTF8.unicodeScalar(at: suffixStart + 1, in: bytes).scalar),
                isApostrophe(before: start, in: bytes) || isThe(before: start, in: bytes)
            else { return nil }
            return (withoutCentury, replacing, suffixStart + 1)
        default:
            return nil
        }
    }

    /// Where the first decade of a range of decades starts (`30` of `30–40-е годы`), when the
    /// number read before, `previous`, is a decade's two digits joined by a hyphen or a dash to
    /// the decade at `start`.
    private static func decadeRangeStart(
        _ bytes: UnsafeBufferPointer<UInt8>, before start: Int, previous: String?
    ) -> Int? {
        guard let previous, previous.utf8.count == 2, let dash = dashLength(before: start, in: bytes) else {
            return nil
        }
        let index = start - dash
        guard index >= 2, bytes[index - 2] != UInt8(ascii: "0"), bytes[index - 1] == UInt8(ascii: "0"),
            index == 2 || !isDigit(bytes[index - 3]), spells(bytes, index - 2..<index, previous)
        else { return nil }
        return index - 2
    }

    /// Whether `'` or `’` (or `‘`, which typing software puts before `30s`) ends just before
    /// offset `start`.
    private static func isApostrophe(before start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if start > 0, bytes[start - 1] == UInt8(ascii: "'") { return true }
        return start >= 3 && bytes[start - 3] == 0xE2 && bytes[start - 2] == 0x80
            && (bytes[start - 1] == 0x99 || bytes[start - 1] == 0x98)
    }

    /// Whether `’` (U+2019, UTF-8 E2 80 99) starts at `offset`.
    private static func isRightQuote(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x99
    }

    /// Whether the word `the` or `The` and a space come just before offset `start`.
    private static func isThe(before start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start >= 4, bytes[start - 1] == UInt8(ascii: " ") else { return false }
        let first = bytes[start - 4]
        return (first == UInt8(ascii: "t") || first == UInt8(ascii: "T")) && bytes[start - 3] == UInt8(ascii: "h")
            && bytes[start - 2] == UInt8(ascii: "e") && (start == 4 || !isLetter(before: start - 4, in: bytes))
    }

    /// Whether `жылдар…` follows offset `index` through spaces (`30-шы жылдары`).
    private static func isYearsWord(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = skipSpaces(bytes, from: index)
        return spells(bytes, start..<endOfLetters(bytes, from: start), "жылдар", prefix: true)
    }

    /// Whether a century word follows offset `end` through spaces (`XX века`, `XX в.`).
    private static func isCenturyWord(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = skipSpaces(bytes, from: end)
        guard start > end else { return false }
        return DatingWords.isCenturyOrMillennium(
            word(bytes, start..<endOfLetters(bytes, from: start)).lowercased(), dotAfter: true)
    }

    /// Whether a Roman numeral and a century word come just before offset `start`, through
    /// spaces (`XX ғасырдың 30`, `XX ғ. 30`).
    private static func isCenturyBefore(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        if index > 0, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let wordEnd = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        guard DatingWords.isCenturyOrMillennium(word(bytes, index..<wordEnd).lowercased(), dotAfter: true) else {
            return false
        }
        let numeralEnd = index
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        guard index < numeralEnd else { return false }
        let end = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        return RomanNumeral.value(ofTyped: word(bytes, index..<end)) != nil
    }

    /// The offset after the spaces and no-break spaces from `start`.
    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " ") {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// Whether the scalar before offset `index` is a letter.
    static func isLetter(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        TextWords.isLetter(ValidUTF8.unicodeScalar(at: ValidUTF8.start(before: index, in: bytes), in: bytes).scalar)
    }

    /// Whether `bytes` in `range` are the UTF-8 of `literal` (with `prefix`, start with it; with
    /// `suffix`, end with it).
    private static func spells(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: String, prefix: Bool = false,
        suffix: Bool = false
    ) -> Bool {
        let count = literal.utf8.count
        guard prefix || suffix ? range.count >= count : range.count == count else { return false }
        let start = suffix ? range.upperBound - count : range.lowerBound
        return literal.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<start + count]))
    }

    /// The text of `bytes` in `range`.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension Int {
    /// The value of the ASCII digits of `bytes` in `range`.
    fileprivate init?(digits bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return nil }
        var value = 0
        for index in range { value = value * 10 + Int(bytes[index] &- 0x30) }
        self = value
    }
}

/// The month names ``NumberExtraction`` reads beside a day number, by language.
///
/// The tables are keyed by a word's scalars, case-folded (``TextAnalysis/caseFolded(_:)``) in
/// Russian and Kazakh, so that a word is looked up from its bytes in place, with no string made
/// or normalized, and so that the tables cost little to build for a run that reads few dates.
enum MonthNames {
    /// A word's scalar values: what the tables are keyed by.
    typealias Key = [UInt32]

    /// Endings of an ordinal day before the month name: `5-го августа`, `5th August`, `5-ші тамыз`.
    static let ordinalEndings = ["го", "st", "nd", "rd", "th", "ші", "шы", "сі", "сы"]

    /// The genitive endings of the Kazakh names (`тамыздың`, `ақпанның`, `қыркүйектің`).
    static let kazakhGenitiveEndings = ["ның", "нің", "дың", "дің", "тың", "тің"]

    /// The endings of a day after a Kazakh month in the genitive (`тамыздың 5-і`): the possessive
    /// (`і`, `ы` after a consonant, `сі`, `сы` after a vowel) alone or in a case (`5-інде`,
    /// `5-іне`, `5-інен`, `5-інің`, `5-ін`).
    static let kazakhDayEndings: [String] = ["і", "ы", "сі", "сы"].flatMap { possessive in
        ["", "н", "нде", "нда", "не", "на", "нен", "нан", "нің", "ның"].map { possessive + $0 }
    }

    /// More UTF-8 bytes than any name has (`желтоқсанынан` has 26): a longer word is none.
    private static let longestNameBytes = 32

    /// Whether ``month(_:_:language:)`` knows the month names of `language` (a primary subtag).
    static func knows(_ language: String) -> Bool { language == "ru" || language == "kk" || language == "en" }

    /// The month the word of `bytes` in `range` names in `language`, or `nil`: Russian and
    /// Kazakh in any case (`Августа`), English only capitalised as written (`May`, not the
    /// verb `may`).
    static func month(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, language: String) -> Int? {
        guard !range.isEmpty, range.count <= longestNameBytes else { return nil }
        let english = language == "en"
        var key: Key = []
        key.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = ValidUTF8.scalar(at: index, in: bytes)
            if english {
                key.append(value)
            } else {
                guard let folded = TextAnalysis.caseFolded(Unicode.Scalar(value).unsafelyUnwrapped) else { return nil }
                key.append(folded)
            }
            index += length
        }
        switch language {
        case "ru": return russian[key]
        case "kk": return kazakh(key)
        case "en": return Self.english[key]
        default: return nil
        }
    }

    /// The key of a name written in lowercase (or, in English, as it must be written).
    private static func key(_ name: String) -> Key { name.unicodeScalars.map(\.value) }

    /// Every stem with every ending, keyed.
    private static func combine(_ stems: [(String, Int)], _ endings: [String], into names: inout [Key: Int]) {
        let endingKeys = endings.map(key)
        for (stem, month) in stems {
            let stemKey = key(stem)
            for ending in endingKeys { names[stemKey + ending] = month }
        }
    }

    /// Russian: every case of the twelve names (`август`, `августа`, `августе`...) and the
    /// usual abbreviations (`авг`, `сент`).
    private static let russian: [Key: Int] = {
        var names: [Key: Int] = [:]
        let softStems = [
            ("январ", 1), ("феврал", 2), ("апрел", 4), ("июн", 6), ("июл", 7), ("сентябр", 9), ("октябр", 10),
            ("ноябр", 11), ("декабр", 12),
        ]
        combine(softStems, ["ь", "я", "ю", "ём", "ем", "е"], into: &names)
        combine([("март", 3), ("август", 8)], ["", "а", "у", "ом", "е"], into: &names)
        combine([("ма", 5)], ["й", "я", "ю", "ем", "е"], into: &names)
        let abbreviations = [
            ("янв", 1), ("фев", 2), ("февр", 2), ("мар", 3), ("апр", 4), ("авг", 8), ("сен", 9), ("сент", 9),
            ("окт", 10), ("ноя", 11), ("нояб", 11), ("дек", 12),
        ]
        combine(abbreviations, [""], into: &names)
        return names
    }()

    /// The Kazakh names, in the order of the months.
    private static let kazakhStems: [Key] = [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
        "желтоқсан",
    ].map(key)

    /// The case and possessive endings a Kazakh name may take (`тамызда`, `тамыздың`, `тамызы`,
    /// `тамызында`, `тамызының`), besides none.
    private static let kazakhEndings: Set<Key> = Set(
        [
            "", "да", "де", "та", "те", "ның", "нің", "дың", "дің", "тың", "тің", "ы", "і", "сы", "сі", "ының", "інің",
            "сының", "сінің", "ында", "інде",
            "сында", "сінде", "ға", "ге", "қа", "ке", "на", "не", "а", "е", "нан", "нен", "дан", "ден", "тан", "тен",
            "ынан", "інен", "сынан", "сінен", "ына", "іне", "сына", "сіне", "ын", "ін", "ды", "ді", "ты", "ті", "ны",
            "ні",
        ].map(key))

    /// The month a Kazakh word names: a name with one of ``kazakhEndings``.
    private static func kazakh(_ word: Key) -> Int? {
        for (index, stem) in kazakhStems.enumerated()
        where word.starts(with: stem) && kazakhEndings.contains(Array(word[stem.count...])) {
            return index + 1
        }
        return nil
    }

    /// English, capitalised: the names and their abbreviations (`August`, `Aug`, `Sept`).
    private static let english: [Key: Int] = {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        var result: [Key: Int] = [:]
        for (index, name) in names.enumerated() {
            result[key(name)] = index + 1
            result[key(String(name.prefix(3)))] = index + 1
        }
        result[key("Sept")] = 9
        return result
    }()
}
