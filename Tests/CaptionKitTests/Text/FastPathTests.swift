import Testing

@testable import CaptionKit

/// The quick scans that let the content checks skip work must agree with the full analysis.
@Suite struct FastPathTests {
    static let texts = [
        "", "Лагерь", "Лагерь 1938 жылы.", " Лагерь", "Лагерь ", "\nЛагерь", "Лагерь\n", "a\n\nb", "a\n\n\nb",
        "a\n \nb",
        "a \nb", "a\n b", "a  b", "a , b", "a ... b", "a\tb", "a\u{A0}b", "a\u{A0}\u{A0}b", "a\u{202F}!",
        "№ 5 «АЛЖИР» — 10 000",
        "е\u{308}лка и\u{301}", "Ωhm Å", "a\r\nb", "ә\u{200D}ә", "🇰🇿 flag", "Ã©tÃ©", "Caf\u{E9}", "x\u{FEFF}y",
        "‼\u{FE0F}",
    ]

    @Test(arguments: texts) func characterCountEqualsStringCount(_ text: String) {
        #expect(CharacterCount.of(text) == text.count)
    }

    @Test(arguments: texts) func wordRangesGiveTheWords(_ text: String) {
        let fromRanges = WordRanges(text).map { String(text.unicodeScalars[$0]) }
        #expect(fromRanges == TextWords.words(in: text).map(\.text))
    }

    @Test(arguments: ["ёлка", "Ёлка", "әке", "Әке", "i\u{301}x", "ǅemal", "ϒx", "x"])
    func startsLowercaseAgreesWithCharacter(_ word: String) {
        let range = word.startIndex..<word.endIndex
        #expect(TextWords.startsLowercase(word.unicodeScalars, range) == (word.first?.isLowercase ?? false))
    }

    @Test(arguments: texts) func cleanWhitespaceScanMeansNoProblems(_ text: String) {
        if !WhitespaceScan.mayHaveProblems(text) { #expect(WhitespaceCheck.problems(in: text).isEmpty) }
    }

    @Test func whitespaceScanFlagsEachKindOfProblem() {
        for text in [" a", "a ", "\na", "a\n", "a\n\n\nb", "a\n \nb", "a \nb", "a\n b", "a  b", "a , b", "a\tb"] {
            #expect(WhitespaceScan.mayHaveProblems(text), "\(text.debugDescription)")
        }
        #expect(!WhitespaceScan.mayHaveProblems("a\n\nb c."))
    }

    @Test func blankTextsAreBlank() {
        let location = SourceLocation(path: "a.yml", line: 1, column: 1)
        for (text, blank) in [("", true), (" \n\u{A0}", true), ("a", false), (" a", false), ("ә", false)] {
            #expect(
                Translation(language: "kk", text: text, keyLocation: location, valueLocation: location).isBlank == blank
            )
        }
    }

    @Test func scalarsCountedAloneNeverJoinAnother() {
        let alone = (0..<0x3000).compactMap(Unicode.Scalar.init).filter(CharacterCount.isAlone)
        // Every scalar of the set against the ones most likely to join (marks, joiners, flags are
        // outside it): the start and end of each block, and the punctuation and symbols.
        let partners = alone.filter { $0.value < 0x80 || $0.value >= 0x2000 || $0.value % 0x40 < 2 }
        for first in alone {
            for second in partners {
                #expect(
                    String([Character(first), Character(second)]).count == 2,
                    "U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
                #expect(
                    String([Character(second), Character(first)]).count == 2,
                    "U+\(String(second.value, radix: 16)) U+\(String(first.value, radix: 16))")
            }
        }
    }
}
