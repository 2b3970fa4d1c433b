import Testing

@testable import CaptionKit

@Suite struct TextWordsTests {
    @Test func wordsAreRunsOfLettersSplitByHyphensDigitsAndPunctuation() {
        #expect(
            TextWords.words(in: "UNESCO-ның 19th «АЛЖИР», ёлка").map(\.text) == [
                "UNESCO", "ның", "th", "АЛЖИР", "ёлка",
            ])
    }

    @Test func combiningMarksStayInTheirWord() {
        #expect(TextWords.words(in: "е\u{308}лка и\u{301}").map(\.text) == ["е\u{308}лка", "и\u{301}"])
    }

    @Test func scriptsOfAWord() {
        #expect(TextWords.words(in: "Aлжир")[0].scripts == [.latin, .cyrillic])
        #expect(TextWords.words(in: "Қазақстан")[0].scripts == [.cyrillic])
        #expect(TextWords.words(in: "café")[0].scripts == [.latin])
    }

    @Test(arguments: [("XIX", 19), ("IV", 4), ("XXXIX", 39), ("I", 1)])
    func romanNumerals(_ text: String, _ value: Int) {
        #expect(RomanNumeral.value(of: text) == value)
    }

    @Test(arguments: ["IIII", "XXXX", "VX", "MIX", "xix", "", "IVI"])
    func notRomanNumerals(_ text: String) {
        #expect(RomanNumeral.value(of: text) == nil)
    }

    @Test func expectedScripts() {
        #expect(WritingScript.expected(forLanguage: "kk") == .cyrillic)
        #expect(WritingScript.expected(forLanguage: "kk-Latn") == .latin)
        #expect(WritingScript.expected(forLanguage: "ru") == .cyrillic)
        #expect(WritingScript.expected(forLanguage: "en") == .latin)
        #expect(WritingScript.expected(forLanguage: "zh") == nil)
    }

    @Test func quotedList() {
        #expect(TextWords.quotedList(["a"]) == "'a'")
        #expect(TextWords.quotedList(["a", "b", "c"]) == "'a', 'b' and 'c'")
    }
}
