/// Finds the numbers of a caption text, so that a translation can be compared with its source.
///
/// What counts as a number, and its normalized form:
/// - a run of digits; leading zeros are dropped (`05` → `5`);
/// - digits grouped in threes by spaces, no-break spaces, thin spaces or (in English) commas
///   count as one number (`10 000`, `10 000`, `10,000` → `10000`);
/// - a decimal with `,` or `.` (`3,5`, `3.5` → `3.5`); several dots or commas (`05.03.1953`)
///   give one number per group (`5`, `3`, `1953`);
/// - a range (`1938–1953`, `1938-1953`) gives both numbers; a sign is ignored; a year range
///   with its second year abbreviated gives the full year (`1937–38`, `1937/38`, `1937–8`,
///   `the 1930s–40s` → `1937`, `1938`; `1930`, `1940`): see `NumberExtraction+YearRanges.swift`;
/// - a word for thousands, millions or billions multiplies the number before it (`8 тысяч`,
///   `8 мың`, `1,5 млн`, `8 thousand` → `8000`, `1500000`), except a four-digit one (a year),
///   and both numbers of a range before it (`3–4 тыс.` → `3000`, `4000`): see
///   `NumberExtraction+NumberWords.swift`;
/// - digits glued to letters give the digits: `1937-жылы`, `1937 жылы`, `19th`, `1930s`,
///   `XX-ғасыр`;
/// - an uppercase Roman numeral of I, V and X from 1 to 39 gives its value (`XIX` → `19`); a
///   single letter (`X`, `V`, `I`, `C`) or a numeral with L, C, D or M only before a word for
///   century or millennium or in a range with another numeral (`X век`, `I тысячелетии`,
///   `XII–X`), so the English pronoun `I` and `Vitamin C` are no numbers. The Cyrillic
///   capitals Х (U+0425) and І (U+0406), which Russian and Kazakh typists use for X and I, read
///   as X and I (`ХХ век`, `ХІХ ғасыр` → `20`, `19`): see `NumberExtraction+RomanNumerals.swift`;
/// - a day next to a month name gives the month's number as well (`5 августа`, `5 тамызда`,
///   `тамыздың 5-і`, `5 August`, `August 5` → `5`, `8`, as `05.08` gives), a decade with its
///   century the year it starts (`30-е годы XX века`, `XX ғасырдың 30-жылдары` → `1930`, as
///   `1930s` gives) and one without its century its digits and `s` (`30-е годы`, `the '30s` →
///   `30s`, which ``sameNumber(_:_:)`` compares): see `NumberExtraction+Dates.swift`.
enum NumberExtraction {
    /// The normalized numbers of `text`, in order of appearance (repeats kept).
    ///
    /// - Parameters:
    ///   - text: The caption text.
    ///   - language: Its language tag; in English (`en`), `1,000` is one thousand; elsewhere
    ///     the comma is a decimal separator.
    static func numbers(in text: String, language: String) -> [String] {
        ValidUTF8.withBytes(of: text) { bytes in
            // Every scalar a number can start at is a digit, a Roman letter `I`, `V`, `X`, `L`,
            // `C`, `D`, `M` (ASCII, and no byte of a longer scalar is) or the Cyrillic Х or І (the
            // two bytes D0 A5, D0 86).
            var starts: [Int] = []
            for offset in bytes.indices {
                let byte = bytes[offset]
                if isDigit(byte) || isRomanLetter(byte) || isCyrillicRomanLetter(bytes, at: offset) {
                    starts.append(offset)
                }
            }
            return numbers(inUTF8: bytes, starts: starts, language: language)
        }
    }

    /// Whether two numbers of ``numbers(in:language:)`` say the same: they are equal, or one is
    /// a decade without its century (`30s`) and the other that decade in any century (`1930`,
    /// `1830`), the same decade or its bare number (`30`: a decade in a form not read as one).
    static func sameNumber(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        // Only a decade without its century ends in a letter.
        if first.utf8.last == UInt8(ascii: "s") { return isDecade(second, endingIn: first.dropLast()) }
        if second.utf8.last == UInt8(ascii: "s") { return isDecade(first, endingIn: second.dropLast()) }
        return false
    }

    /// Whether `number` is the decade of `digits` with or without a century (`1930`, `30`).
    private static func isDecade(_ number: String, endingIn digits: Substring) -> Bool {
        let utf8 = number.utf8
        return (utf8.count == 2 || utf8.count == 4) && utf8.allSatisfy(isDigit) && number.hasSuffix(digits)
    }

    /// ``numbers(in:language:)`` of UTF-8 `bytes`, given the offsets of every digit, Roman
    /// letter, `Х` and `І` in them, in order: the scan looks only there, since every other byte is just
    /// stepped over.
    static func numbers(inUTF8 bytes: UnsafeBufferPointer<UInt8>, starts: [Int], language: String) -> [String] {
        let primary = Language.primary(language)
        var result: [String] = []
        var index = 0
        for start in starts where start >= index {
            index = read(bytes, at: start, language: primary, into: &result)
        }
        return result
    }

    /// Reads what starts at offset `index` (a number, a Roman numeral, or neither), appends its
    /// numbers to `result`, and returns the offset where the scan goes on.
    @inline(__always)
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, language: String, into result: inout [String]
    ) -> Int {
        let byte = bytes[index]
        if isDigit(byte) {
            return readNumber(bytes, from: index, language: language, into: &result)
        } else if isRomanLetter(byte) || isCyrillicRomanLetter(bytes, at: index),
            index == 0
                || !TextWords.isLetter(
                    ValidUTF8.unicodeScalar(at: ValidUTF8.start(before: index, in: bytes), in: bytes).scalar)
        {
            let end = endOfLetters(bytes, from: index)
            // Most words starting with a capital Х, І, C, D, L or M (`Халық`, `Іле`, `Camp`) are no numeral.
            guard isRomanLetters(bytes, index..<end) else { return end }
            if let value = romanNumeral(bytes, index..<end) { result.append(String(value)) }
            return end
        } else {
            return index + 1
        }
    }

    /// The offset after the run of letters starting at `start`.
    static func endOfLetters(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            let (scalar, length) = ValidUTF8.unicodeScalar(at: end, in: bytes)
            guard TextWords.isLetter(scalar) else { break }
            end += length
        }
        return end
    }

    /// Reads the number starting at `start` (a digit), appends its numbers to `result` and
    /// returns the offset after it; `language` is a primary subtag.
    private static func readNumber(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, language: String, into result: inout [String]
    ) -> Int {
        // Digit groups and the single separators between them.
        var groups: [String] = []
        var separators: [Unicode.Scalar] = []
        var index = start
        while true {
            let groupStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard let separator = separator(bytes, at: index) else {
                if groups.isEmpty {
                    if let found = decade(bytes, from: start, to: index, language: language, read: result) {
                        result.removeLast(found.replacing)
                        result += found.numbers
                        return found.end
                    }
                    if let year = completedYear(bytes, from: start, to: index, read: result) {
                        result.append(year)
                        return index
                    }
                    // A lone group (most numbers): what `interpret` gives for it, without the lists.
                    let number = normalized(UnsafeBufferPointer(rebasing: bytes[groupStart..<index]))
                    if let month = month(ofDay: bytes, from: start, to: index, language: language) {
                        result.append(number)
                        result.append(String(month))
                    } else if index - start != 4,
                        let power = powerOfNumberWord(after: index, in: bytes, language: language)
                    {
                        // Four digits are a year: `в 1937 тысячи женщин` is not 1937000.
                        appendNumber(number, timesTenTo: power, after: bytes, start, into: &result)
                    } else {
                        result.append(number)
                    }
                } else {
                    groups.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[groupStart..<index]), as: UTF8.self))
                    let numbers = interpret(groups, separators, commaGroupsThousands: language == "en")
                    if numbers.count == 1, let power = powerOfNumberWord(after: index, in: bytes, language: language) {
                        appendNumber(numbers[0], timesTenTo: power, after: bytes, start, into: &result)
                    } else {
                        result += numbers
                    }
                }
                return index
            }
            groups.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[groupStart..<index]), as: UTF8.self))
            separators.append(separator.scalar)
            index += separator.length
        }
    }

    /// Appends `number`, which a number word multiplies by ten to `power`, multiplied. When the
    /// number, starting at offset `start`, ends a range (`3–4 тыс.`, `1,5-2 млн`: a dash or hyphen
    /// between it and the number before), the word multiplies the range's first number too (3000
    /// and 4000), as `3,000–4,000` reads; otherwise only the number right before the word counts
    /// (`between 5 and 8 thousand`, `от 5 до 8 тысяч` are 5 and 8000).
    private static func appendNumber(
        _ number: String, timesTenTo power: Int, after bytes: UnsafeBufferPointer<UInt8>, _ start: Int,
        into result: inout [String]
    ) {
        if let first = result.last, isPlainNumber(first), first.utf8.count != 4, isRangeDash(before: start, in: bytes) {
            result[result.count - 1] = scaled(first, byPowerOfTen: power)
        }
        result.append(scaled(number, byPowerOfTen: power))
    }

    /// Whether a hyphen, en dash or em dash (with spaces around it or not) comes right before
    /// offset `start`, with a digit before it.
    private static func isRangeDash(before start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        guard let dash = dashLength(before: index, in: bytes) else { return false }
        index -= dash
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        return index > 0 && isDigit(bytes[index - 1])
    }

    /// The length of a hyphen (1), en dash or em dash (3) that ends at offset `end`, or `nil`.
    static func dashLength(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if end >= 1, bytes[end - 1] == UInt8(ascii: "-") { return 1 }
        guard end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0x93 || bytes[end - 1] == 0x94
        else { return nil }
        return 3
    }

    /// The separator at `index` between two digit groups: a dot, comma or grouping space
    /// followed by a digit; `nil` when there is none.
    private static func separator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
        scalar: Unicode.Scalar, length: Int
    )? {
        guard index < bytes.count else { return nil }
        let (separator, length) = ValidUTF8.unicodeScalar(at: index, in: bytes)
        guard index + length < bytes.count, isDigit(bytes[index + length]) else { return nil }
        guard separator == "." || separator == "," || isGroupingSpace(separator) else { return nil }
        return (separator, length)
    }

    /// ``normalized(_:)`` of ASCII digits.
    private static func normalized(_ digits: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return "0" }
        return String(decoding: UnsafeBufferPointer(rebasing: digits[first...]), as: UTF8.self)
    }

    /// Turns digit groups and their separators into numbers.
    static func interpret(_ groups: [String], _ separators: [Unicode.Scalar], commaGroupsThousands: Bool)
        -> [String]
    {
        var numbers: [String] = []
        var current = groups[0]
        var grouped = false
        var sawOtherSeparator = false
        for (index, separator) in separators.enumerated() {
            let next = groups[index + 1]
            let groupsThousands = isGroupingSpace(separator) || (separator == "," && commaGroupsThousands)
            if groupsThousands, next.count == 3, grouped || current.count <= 3 {
                current += next
                grouped = true
                continue
            }
            if separator == "." || separator == ",", index == separators.count - 1, !sawOtherSeparator {
                // One dot or comma between digits (after any thousands groups) is a decimal point.
                numbers.append(normalized(current) + "." + next)
                return numbers
            }
            sawOtherSeparator = true
            numbers.append(normalized(current))
            current = next
            grouped = false
        }
        numbers.append(normalized(current))
        return numbers
    }

    /// Drops leading zeros, keeping a lone `0`.
    private static func normalized(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Whether `bytes` in `range` are only Roman letters, Х and І.
    private static func isRomanLetters(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if isRomanLetter(byte) {
                index += 1
            } else if isCyrillicRomanLetter(bytes, at: index) {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// Whether `byte` is one of the Roman letters I, V, X, L, C, D and M.
    @inline(__always)
    static func isRomanLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "C"),
            UInt8(ascii: "D"), UInt8(ascii: "M"):
            true
        default: false
        }
    }

    /// Whether the Cyrillic capital Х (U+0425, UTF-8 D0 A5) or І (U+0406, D0 86) starts at `offset`.
    @inline(__always)
    private static func isCyrillicRomanLetter(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes[offset] == 0xD0 && offset + 1 < bytes.count && (bytes[offset + 1] == 0xA5 || bytes[offset + 1] == 0x86)
    }

    static func isGroupingSpace(_ character: Unicode.Scalar) -> Bool {
        character == " " || character == "\u{A0}" || character == "\u{202F}" || character == "\u{2009}"
    }
}
