import Testing

@testable import CaptionKit

/// The texts of an exhibit keep their tokens and matches in one ``TokenStorage``, and the next
/// exhibit's reuse it (``TokenStorage/reusable(_:room:)``); these tests hold what is kept to
/// what each text gives alone, and a storage to being emptied only when nothing in it is kept.
struct TokenStorageTests {
    /// Thousands of texts and their matches kept together, in storages that fill up and are
    /// replaced: each reads as the text alone, and each set of matches as the array it was made of.
    @Test func tokensAndMatchesKeptTogetherReadAsEachAlone() {
        var generator = SeededGenerator(seed: 31)
        var storage: TokenStorage?
        var kept: [(text: String, keepingWritten: Bool, tokens: TermTokens)] = []
        var keptMatches: [(matches: [TermIndex.Match], kept: TermMatches)] = []
        for number in 0..<3_000 {
            let text = TermTokensReferenceTests.generatedText(&generator)
            let keepingWritten = number % 3 != 0
            kept.append((text, keepingWritten, TermTokens(text, keepingWritten: keepingWritten, storage: &storage)))
            let matches = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                TermIndex.Match(
                    term: Int.random(in: 0..<5_000, using: &generator),
                    firstWord: Int.random(in: 0..<100, using: &generator),
                    wordCount: Int.random(in: 1...5, using: &generator))
            }
            keptMatches.append((matches, TermMatches(matches, storage: &storage)))
        }
        for (text, keepingWritten, tokens) in kept {
            #expect(
                TermTokensReferenceTests.PlainTermTokens(tokens)
                    == TermTokensReferenceTests.PlainTermTokens(text, keepingWritten: keepingWritten),
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for (matches, kept) in keptMatches { #expect(kept == matches) }
    }

    /// A storage is emptied for the next text only once no tokens in it are kept; kept tokens read
    /// the same after any number of texts split after them, and their storage goes with them.
    @Test func aStorageIsReusedOnlyWhenNothingInItIsKept() throws {
        let first = "«АЛЖИР»-дің Қасірет аркасы"
        let other = "Тұтқындар лагерінің баракы, Arch of Sorrow’s gate, 1937-жылы."
        var storage: TokenStorage?
        var kept: TermTokens? = TermTokens(first, keepingWritten: true, storage: &storage)
        weak var firstStorage = storage
        for _ in 0..<50 { _ = TermTokens(other, keepingWritten: true, storage: &storage) }
        // The first text's storage had no room for another text: the others went elsewhere.
        #expect(firstStorage != nil && storage !== firstStorage)
        #expect(
            TermTokensReferenceTests.PlainTermTokens(try #require(kept))
                == TermTokensReferenceTests.PlainTermTokens(first, keepingWritten: true))
        kept = nil
        #expect(firstStorage == nil)

        // Nothing split into the current storage is kept: the next text reuses it.
        weak var current = storage
        let again = TermTokens(other, keepingWritten: true, storage: &storage)
        #expect(current != nil && storage === current)
        #expect(
            TermTokensReferenceTests.PlainTermTokens(again)
                == TermTokensReferenceTests.PlainTermTokens(other, keepingWritten: true))
        // While `again` is kept, the storage is not emptied: a text after it leaves it as it was.
        _ = TermTokens(first, keepingWritten: true, storage: &storage)
        #expect(
            TermTokensReferenceTests.PlainTermTokens(again)
                == TermTokensReferenceTests.PlainTermTokens(other, keepingWritten: true))
    }

    /// No matches need no storage, and read as none.
    @Test func noMatchesAreEmpty() {
        var storage: TokenStorage?
        let none = TermMatches([], storage: &storage)
        #expect(none.isEmpty && storage == nil)
        #expect(none == [])
    }
}

extension TermMatches {
    /// Whether `lhs` holds the matches of `rhs`, in order (the tests compare with arrays).
    static func == (lhs: TermMatches, rhs: [TermIndex.Match]) -> Bool { lhs.elementsEqual(rhs) }
}
