import Testing

@testable import CaptionKit

/// Number extraction as it was written over an array of the text's scalars, before it moved to
/// UTF-8 bytes: the reference the byte scan must agree with.
enum PlainNumberExtraction {
    static func numbers(in text: String, language: String) -> [String] {
        let commaGroupsThousands = Language.primary(language) == "en"
        // Appended one by one rather than `Array(text.unicodeScalars)`, which decodes the text
        // twice (once to count the scalars, once to copy them).
        var characters: [Unicode.Scalar] = []
        characters.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { characters.append(scalar) }
        var result: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isDigit(character) {
                let (numbers, next) = readNumber(characters, from: index, commaGroupsThousands: commaGroupsThousands)
                result += numbers
                index = next
            } else if isRomanLetter(character), index == 0 || !TextWords.isLetter(characters[index - 1]) {
                var end = index
                while end < characters.count, TextWords.isLetter(characters[end]) { end += 1 }
                if let value = romanNumeral(characters, index..<end) { result.append(String(value)) }
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    /// Reads the number starting at `start` (a digit); returns its numbers and the index after it.
    private static func readNumber(_ characters: [Unicode.Scalar], from start: Int, commaGroupsThousands: Bool)
        -> ([String], Int)
    {
        // Digit groups and the single separators between them.
        var groups: [String] = []
        var separators: [Unicode.Scalar] = []
        var index = start
        while true {
            var digits = ""
            while index < characters.count, isDigit(characters[index]) {
                digits.unicodeScalars.append(characters[index])
                index += 1
            }
            groups.append(digits)
            guard index + 1 < characters.count, isDigit(characters[index + 1]) else { break }
            let separator = characters[index]
            guard separator == "." || separator == "," || isGroupingSpace(separator) else { break }
            separators.append(separator)
            index += 1
        }
        return (NumberExtraction.interpret(groups, separators, commaGroupsThousands: commaGroupsThousands), index)
    }

    private static func isDigit(_ character: Unicode.Scalar) -> Bool {
        character.value >= 0x30 && character.value <= 0x39
    }

    private static func isGroupingSpace(_ character: Unicode.Scalar) -> Bool {
        character == " " || character == "\u{A0}" || character == "\u{202F}" || character == "\u{2009}"
    }

    private static func isRomanLetter(_ character: Unicode.Scalar) -> Bool {
        "IVXLCDM\u{425}\u{406}".unicodeScalars.contains(character)
    }

    private static func word(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var word = ""
        word.unicodeScalars.append(contentsOf: characters[range])
        return word
    }

    /// A Roman numeral counts alone (two or more of I, V, X), before a century or millennium
    /// word, or joined by a dash without spaces to a numeral that counts alone or before such a
    /// word.
    private static func romanNumeral(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        func countsAlone(_ text: String) -> Bool {
            text.unicodeScalars.count > 1 && RomanNumeral.value(ofTyped: text) != nil
        }
        let text = word(characters, range)
        guard let value = RomanNumeral.anyValue(ofTyped: text) else { return nil }
        if countsAlone(text) || isDatingWordAfter(characters, range.upperBound) { return value }
        let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]
        var index = range.upperBound
        if index < characters.count, dashes.contains(characters[index]) {
            index += 1
            var end = index
            while end < characters.count, TextWords.isLetter(characters[end]) { end += 1 }
            let partner = word(characters, index..<end)
            if countsAlone(partner)
                || (RomanNumeral.anyValue(ofTyped: partner) != nil && isDatingWordAfter(characters, end))
            {
                return value
            }
        }
        index = range.lowerBound
        guard index > 0, dashes.contains(characters[index - 1]) else { return nil }
        index -= 1
        let end = index
        while index > 0, TextWords.isLetter(characters[index - 1]) { index -= 1 }
        return countsAlone(word(characters, index..<end)) ? value : nil
    }

    private static func isDatingWordAfter(_ characters: [Unicode.Scalar], _ end: Int) -> Bool {
        var index = end
        while index < characters.count, characters[index] == " " || characters[index] == "\u{A0}" { index += 1 }
        if index < characters.count, characters[index] == "-" { index += 1 }
        while index < characters.count, characters[index] == " " || characters[index] == "\u{A0}" { index += 1 }
        var word = ""
        while index < characters.count, TextWords.isLetter(characters[index]) {
            word.unicodeScalars.append(characters[index])
            index += 1
        }
        var afterDot = index + 1
        while afterDot < characters.count, characters[afterDot] == " " || characters[afterDot] == "\u{A0}" {
            afterDot += 1
        }
        let numberAfter = afterDot < characters.count && ("0"..."9").contains(characters[afterDot])
        let dotAfter = index < characters.count && characters[index] == "." && !numberAfter
        return !word.isEmpty && DatingWords.isCenturyOrMillennium(word.lowercased(), dotAfter: dotAfter)
    }
}

/// The byte scan of ``NumberExtraction`` must give what the plain scalar scan gives.
@Suite struct NumberExtractionFastPathTests {
    static let texts =
        TextAnalysisTests.texts + [
            "1", "12", "1.", ".5", "1,", "1 ", "1 000", "1 000 000,5", "1,000.5", "10\u{2009}000", "10\u{202F}000",
            "1\u{A0}000 и 2\u{A0}00", "3,14,15", "1.2.3.4", "１２３ fullwidth", "٣ arabic-indic", "e\u{301}5", "5\u{301}",
            "ⅩⅨ roman", "XIX", "xix", "XIXa", "аXIX", "ӘXIX", "é XIX", "I", "I ғ.", "V\u{A0}век", "X-ғасыр", "X - век",
            "IV\u{301} век", "X\u{FE0F}", "🇰🇿 1937 👨‍👩‍👧 XX", "\u{FEFF}1937", "a\r\n1937\r\n", "№1", "№ 7–8",
            "1938—1953",
            "XXXIX XL IIII VV", "I 5", "X ᾳ", "18 ғасырдың", "XVIII ғасырдың", "V В.", "V c.", "IX Century",
            "ХХ века", "ХІХ ғасыр", "XІX", "ХIХ", "Х век", "Х", "Іле", "Хлеб", "аХХ", "ХХх", "ХХХХ", "Х\u{301}Х", "ІV",
            "РФ ЖХ ХЖ",
            "Б.з.д. XII–X ғасырлар", "V–VI века", "к X веку", "В I тысячелетии до н. э.", "II тыс. до н. э.",
            "ХІІ – Х ғасырларда", "X—XII", "I–V", "V–X вв.", "Vitamin C, Malcolm X, type C, I was", "MCMXLV XL c.",
            "Peter I c. 1700", "Model D c.\u{A0}1900", "Петра I — XVIII век", "Section D – XX century", "V – VI века",
            "витамин C в", "С XII века", "XIX-XX", "C–D", "VI–", "–X", "X – ", "I мыңжылдықта",
        ]

    @Test(arguments: texts) func bytesGiveWhatScalarsGive(_ text: String) {
        for language in ["kk", "ru", "en", "en-GB"] {
            let plain = PlainNumberExtraction.numbers(in: text, language: language)
            #expect(NumberExtraction.numbers(in: text, language: language) == plain)
            // Text analysis reads only where its single pass saw a digit, I, V or X.
            #expect(TextAnalysis(text, language: language).numbers == plain)
        }
    }
}
