/// Dates and decades written with words, read so that they give the numbers their digit forms
/// give (see ``NumberExtraction``):
/// - a day (1 to 31) next to a month name gives the month's number too: `5 августа`,
///   `5 тамызда`, `5-тамыз`, `5 August`, `5th August`, `August 5` (English) give `5` and `8`,
///   as `05.08` does. The Kazakh `қазан` (October, and a cauldron) counts only with a year
///   beside the date (`1937 жылғы 5 қазанда`, `5 қазан 1937`), so that `5 қазан` (five
///   cauldrons) stays one number;
/// - a decade with its century gives the year the decade starts: `30-е годы XX века`,
///   `30-х гг. XX в.`, `XX ғасырдың 30-жылдары` give `1930`, as `the 1930s` does.
extension NumberExtraction {
    /// The month a day number's neighbour names, when the number between `start` and `end` is
    /// a day (one or two digits, 1 to 31): the month name after it (through spaces, a hyphen or
    /// an ordinal ending, `5-го`, `5th`), or in English also before it (`August 5`, `Aug. 5`).
    static func month(
        ofDay bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, language: String
    ) -> Int? {
        guard end - start <= 2, let day = Int(digits: bytes, start..<end), (1...31).contains(day) else { return nil }
        guard let names = MonthNames.byLanguage[language] else { return nil }
        if let found = monthAfter(bytes, end, names, english: language == "en") {
            guard found.month == 10, language == "kk" else { return found.month }
            return isYearBefore(bytes, start) || isYearAfter(bytes, found.end) ? found.month : nil
        }
        guard language == "en" else { return nil }
        return monthBefore(bytes, start, names)
    }

    /// The month named right after offset `end` of a day, and where its word ends.
    private static func monthAfter(
        _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, _ names: [String: Int], english: Bool
    ) -> (month: Int, end: Int)? {
        var index = end
        let hyphen = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if hyphen { index += 1 }
        let suffixEnd = endOfLetters(bytes, from: index)
        if suffixEnd > index {
            let suffix = word(bytes, index..<suffixEnd)
            if let month = names[english ? suffix : suffix.lowercased()] { return (month, suffixEnd) }
            guard MonthNames.ordinalEndings.contains(suffix) else { return nil }
            index = suffixEnd
        } else if hyphen {
            return nil
        }
        let wordStart = skipSpaces(bytes, from: index)
        guard wordStart > index else { return nil }
        let wordEnd = endOfLetters(bytes, from: wordStart)
        let name = word(bytes, wordStart..<wordEnd)
        // English names count only capitalised (`May`, not the verb `may`).
        guard wordEnd > wordStart, let month = names[english ? name : name.lowercased()] else { return nil }
        return (month, wordEnd)
    }

    /// The month named right before offset `start` of a day, through spaces and a full stop
    /// (`August 5`, `Aug. 5`): English month names are ASCII.
    private static func monthBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ names: [String: Int]) -> Int? {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        guard index < start else { return nil }
        if index > 0, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let wordEnd = index
        while index > 0, bytes[index - 1] | 0x20 >= 0x61, bytes[index - 1] | 0x20 <= 0x7A { index -= 1 }
        guard index < wordEnd, index == 0 || !isLetter(before: index, in: bytes) else { return nil }
        return names[word(bytes, index..<wordEnd)]
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

    /// The year a decade with its century starts, when the two-digit number between `start` and
    /// `end` (10 to 90, in tens) is one: Russian `30-е годы XX века` (the century after; also
    /// `30-х годов`, `30-х гг. XX в.`) or Kazakh `XX ғасырдың 30-жылдары` (the century before,
    /// the last number read, `previous`); and whether the century was read before (its number
    /// is to be replaced) and where the scan goes on.
    static func decadeYear(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, language: String, previous: String?
    ) -> (year: String, replacesPrevious: Bool, end: Int)? {
        guard end - start == 2, bytes[start] != UInt8(ascii: "0"), bytes[start + 1] == UInt8(ascii: "0"),
            end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: " "),
            let decade = Int(digits: bytes, start..<end)
        else { return nil }
        let suffixStart = bytes[end] == UInt8(ascii: "-") ? end + 1 : skipSpaces(bytes, from: end)
        let suffixEnd = endOfLetters(bytes, from: suffixStart)
        let suffix = word(bytes, suffixStart..<suffixEnd)
        switch language {
        case "ru":
            guard bytes[end] == UInt8(ascii: "-"), ["е", "x", "х", "ые", "ых"].contains(suffix) else { return nil }
            var index = skipSpaces(bytes, from: suffixEnd)
            let yearsEnd = endOfLetters(bytes, from: index)
            guard ["годы", "годов", "годах", "годам", "гг"].contains(word(bytes, index..<yearsEnd)) else { return nil }
            index = yearsEnd < bytes.count && bytes[yearsEnd] == UInt8(ascii: ".") ? yearsEnd + 1 : yearsEnd
            let centuryStart = skipSpaces(bytes, from: index)
            let centuryEnd = endOfLetters(bytes, from: centuryStart)
            guard centuryStart > index,
                let century = RomanNumeral.value(ofTyped: word(bytes, centuryStart..<centuryEnd)),
                isCenturyWord(after: centuryEnd, in: bytes)
            else { return nil }
            return (String((century - 1) * 100 + decade), false, centuryEnd)
        case "kk":
            guard
                suffix.hasPrefix("жылдар") || suffix == "жж"
                    || (["шы", "ші"].contains(suffix) && isYearsWord(after: suffixEnd, in: bytes)),
                let previous, let century = Int(previous), (1...21).contains(century),
                isCenturyBefore(start, in: bytes)
            else { return nil }
            return (String((century - 1) * 100 + decade), true, end)
        default:
            return nil
        }
    }

    /// Whether `жылдар…` follows offset `index` through spaces (`30-шы жылдары`).
    private static func isYearsWord(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = skipSpaces(bytes, from: index)
        return word(bytes, start..<endOfLetters(bytes, from: start)).hasPrefix("жылдар")
    }

    /// Whether a century word follows offset `end` through spaces (`XX века`, `XX в.`).
    private static func isCenturyWord(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = skipSpaces(bytes, from: end)
        guard start > end else { return false }
        return centuryWords.contains(word(bytes, start..<endOfLetters(bytes, from: start)).lowercased())
    }

    /// Whether a Roman numeral and a century word come just before offset `start`, through
    /// spaces (`XX ғасырдың 30`, `XX ғ. 30`).
    private static func isCenturyBefore(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        if index > 0, bytes[index - 1] == UInt8(ascii: ".") { index -= 1 }
        let wordEnd = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        guard centuryWords.contains(word(bytes, index..<wordEnd).lowercased()) else { return false }
        let numeralEnd = index
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        guard index < numeralEnd else { return false }
        let end = index
        while index > 0, isLetter(before: index, in: bytes) { index = ValidUTF8.start(before: index, in: bytes) }
        return RomanNumeral.value(ofTyped: word(bytes, index..<end)) != nil
    }

    /// The offset after the spaces and no-break spaces from `start`.
    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
    private static func isLetter(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        TextWords.isLetter(ValidUTF8.unicodeScalar(at: ValidUTF8.start(before: index, in: bytes), in: bytes).scalar)
    }

    /// The text of `bytes` in `range`.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
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
enum MonthNames {
    /// The names by primary language subtag.
    static let byLanguage: [String: [String: Int]] = ["ru": russian, "kk": kazakh, "en": english]

    /// Endings of an ordinal day before the month name: `5-го августа`, `5th August`, `5-ші тамыз`.
    static let ordinalEndings: Set<String> = ["го", "st", "nd", "rd", "th", "ші", "шы", "сі", "сы"]

    /// Russian, lowercase: every case of the twelve names (`август`, `августа`, `августе`...) and
    /// the usual abbreviations (`авг`, `сент`).
    static let russian: [String: Int] = {
        var names: [String: Int] = [:]
        let softStems = [
            ("январ", 1), ("феврал", 2), ("апрел", 4), ("июн", 6), ("июл", 7), ("сентябр", 9), ("октябр", 10),
            ("ноябр", 11), ("декабр", 12),
        ]
        for (stem, month) in softStems {
            for ending in ["ь", "я", "ю", "ём", "ем", "е"] { names[stem + ending] = month }
        }
        for (stem, month) in [("март", 3), ("август", 8)] {
            for ending in ["", "а", "у", "ом", "е"] { names[stem + ending] = month }
        }
        for ending in ["й", "я", "ю", "ем", "е"] { names["ма" + ending] = 5 }
        let abbreviations = [
            ("янв", 1), ("фев", 2), ("февр", 2), ("мар", 3), ("апр", 4), ("авг", 8), ("сен", 9), ("сент", 9),
            ("окт", 10), ("ноя", 11), ("нояб", 11), ("дек", 12),
        ]
        for (abbreviation, month) in abbreviations { names[abbreviation] = month }
        return names
    }()

    /// Kazakh, lowercase: the twelve names with a case or possessive ending (`тамыз`,
    /// `тамызда`, `тамыздың`, `тамызы`, `тамызында`).
    static let kazakh: [String: Int] = {
        let stems = [
            "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
            "желтоқсан",
        ]
        let endings = [
            "", "да", "де", "та", "те", "ның", "нің", "дың", "дің", "тың", "тің", "ы", "і", "сы", "сі", "ында", "інде",
            "сында", "сінде", "ға", "ге", "қа", "ке", "на", "не", "а", "е", "нан", "нен", "дан", "ден", "тан", "тен",
            "ынан", "інен", "сынан", "сінен", "ына", "іне", "сына", "сіне", "ын", "ін", "ды", "ді", "ты", "ті", "ны",
            "ні",
        ]
        var names: [String: Int] = [:]
        for (index, stem) in stems.enumerated() {
            for ending in endings { names[stem + ending] = index + 1 }
        }
        return names
    }()

    /// English, capitalised: the names and their abbreviations (`August`, `Aug`, `Sept`).
    static let english: [String: Int] = {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        var result: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            result[name] = index + 1
            result[String(name.prefix(3))] = index + 1
        }
        result["Sept"] = 9
        return result
    }()
}
