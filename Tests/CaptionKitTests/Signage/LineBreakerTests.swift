import Testing

@testable import CaptionKit

@Suite struct LineBreakerTests {
    @Test func wrapsGreedilyAtSpaces() {
        let result = LineBreaker.wrap("one two three four five", width: 9)
        #expect(result.lines == ["one two", "three", "four five"])
        #expect(result.overlongWords.isEmpty)
    }

    @Test func aLineExactlyAsWideAsTheWidthFits() {
        #expect(LineBreaker.wrap("abc def", width: 7).lines == ["abc def"])
        #expect(LineBreaker.wrap("abc def", width: 6).lines == ["abc", "def"])
    }

    @Test func neverBreaksAtANoBreakSpace() {
        let result = LineBreaker.wrap("лагерь в\u{A0}степи", width: 8)
        #expect(result.lines == ["лагерь", "в\u{A0}степи"])
        let glued = LineBreaker.wrap("a\u{A0}b\u{A0}c\u{A0}d", width: 3)
        #expect(glued.lines == ["a\u{A0}b\u{A0}c\u{A0}d"])
        #expect(glued.overlongWords == ["a\u{A0}b\u{A0}c\u{A0}d"])
    }

    @Test func aWordWiderThanTheLineStandsAloneAndIsReported() {
        let result = LineBreaker.wrap("a Pneumonoultramicroscopic b", width: 10)
        #expect(result.lines == ["a", "Pneumonoultramicroscopic", "b"])
        #expect(result.overlongWords == ["Pneumonoultramicroscopic"])
    }

    @Test func aWordThatDoesNotFitBreaksAtASoftHyphenWithAHyphen() {
        // As much of the word as fits stays on the line: "тұтқындар-" ends it at 20 characters.
        let result = LineBreaker.wrap("Бұл мысал тұтқын\u{AD}дар\u{AD}дың жазбасы.", width: 20)
        #expect(result.lines == ["Бұл мысал тұтқындар-", "дың жазбасы."])
        #expect(result.overlongWords.isEmpty)
    }

    @Test func aWordThatFitsIsPrintedAndMeasuredWithoutItsSoftHyphens() {
        #expect(LineBreaker.wrap("ab\u{AD}cd ef", width: 7).lines == ["abcd ef"])
        #expect(LineBreaker.wrap("\u{AD}ab\u{AD} \u{AD} cd", width: 10).lines == ["ab cd"])
    }

    @Test func aSoftHyphenAfterAWrittenHyphenAddsNoSecondOne() {
        #expect(LineBreaker.wrap("ааа ер-\u{AD}тұрман", width: 10).lines == ["ааа ер-", "тұрман"])
    }

    @Test func aWordWiderThanTheLineBreaksAtEverySoftHyphenItNeeds() {
        let result = LineBreaker.wrap("pneu\u{AD}mono\u{AD}ultra\u{AD}micro\u{AD}scopic", width: 10)
        #expect(result.lines == ["pneumono-", "ultra-", "micro-", "scopic"])
        #expect(result.overlongWords.isEmpty)
    }

    @Test func aPartWiderThanTheLineStandsAloneWithItsHyphenAndIsReported() {
        let result = LineBreaker.wrap("a abcdefgh\u{AD}ij", width: 5)
        #expect(result.lines == ["a", "abcdefgh-", "ij"])
        // Named as the reader sees the word, once, by its widest part.
        #expect(result.overlongWords == [.init(word: "abcdefghij", piece: "abcdefgh-")])
        let twice = LineBreaker.wrap("abcdefgh\u{AD}ijklmnopqrstu\u{AD}vw", width: 5)
        #expect(twice.lines == ["abcdefgh-", "ijklmnopqrstu-", "vw"])
        #expect(twice.overlongWords == [.init(word: "abcdefghijklmnopqrstuvw", piece: "ijklmnopqrstu-")])
    }

    @Test func combiningMarksAndKazakhLettersCountOnce() {
        #expect(CharacterCount.ofNFC("әйел") == 4)
        #expect(CharacterCount.ofNFC("и\u{306}и\u{306}") == 2)
        #expect(CharacterCount.ofNFC("e\u{301}\u{323}") == 1)
        #expect(CharacterCount.ofNFC("👩‍👧") == 1)
        // Five clusters each, although the first is ten code points.
        let decomposed = "и\u{306}и\u{306}и\u{306}и\u{306}и\u{306}"
        #expect(LineBreaker.wrap("\(decomposed) әйәйә", width: 11).lines == ["\(decomposed) әйәйә"])
        #expect(LineBreaker.wrap("\(decomposed) әйәйә", width: 10).lines == [decomposed, "әйәйә"])
    }

    @Test func spacesCollapseAndEmptyInputGivesOneEmptyLine() {
        #expect(LineBreaker.wrap("  a   b  ", width: 10).lines == ["a b"])
        #expect(LineBreaker.wrap("", width: 10).lines == [""])
    }
}
