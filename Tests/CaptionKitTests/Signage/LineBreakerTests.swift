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
