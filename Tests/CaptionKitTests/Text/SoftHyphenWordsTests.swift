import Testing

@testable import CaptionKit

/// A soft hyphen (U+00AD) inside a word marks where a sign may break it: every reading of words
/// keeps the word whole (the line breaker's side is in `LineBreakerTests`).
@Suite struct SoftHyphenWordsTests {
    let text = "Алдыңызда ла\u{AD}герь тұт\u{AD}қын\u{AD}дары өмір сүрген."

    @Test func aSoftHyphenIsNoCharacterAReaderSees() {
        #expect(CharacterCount.printed(text) == text.count - 3)
        #expect(CharacterCount.printed("Э\u{AD}") == 1)
        #expect(TextAnalysis(text, language: "kk").characterCount == text.count - 3)
    }

    @Test func wordCountsCountTheWordOnce() {
        #expect(CompletenessSummary.wordCount(text) == 5)
        #expect(CompletenessSummary.wordCount("\u{AD} a\u{AD}") == 1)
    }

    @Test func textWordsAreTheWholeWordsWithoutTheSoftHyphens() {
        #expect(TextWords.words(in: text).map(\.text) == ["Алдыңызда", "лагерь", "тұтқындары", "өмір", "сүрген"])
    }

    @Test func theAnalysisCountsOneLowercaseWordPerWord() {
        #expect(TextAnalysis(text, language: "kk").lowercaseWords == 4)
    }

    @Test func theTermMatcherReadsTheWordAndQuotesItAsWritten() {
        let tokens = TermTokens(text)
        #expect(tokens.count == 5)
        #expect(Array(tokens.word(2)) == "тұтқындары".unicodeScalars.map(\.value))
        #expect(tokens.offsets == [0, 10, 18, 31, 36])
        let match = TermIndex.Match(term: 0, firstWord: 1, wordCount: 2)
        #expect(tokens.text(of: match, in: text) == "ла\u{AD}герь тұт\u{AD}қын\u{AD}дары")
    }

    @Test func latinKazakhKeepsTheWordAndItsSoftHyphen() {
        let result = KazakhLatin.transliterate("Ч\u{AD}ай")
        #expect(result.text == "Ch\u{AD}ai")
        #expect(result.unsettledWords == ["Чай"])
    }
}
