import Foundation
import Testing

@testable import CaptionKit

/// The fuzzy matcher against its definition, and against a plain all-pairs reference.
@Suite struct FuzzyMatcherTests {
    /// The plain definition: every entry compared, best similarity, first among equals.
    static func reference(_ memory: [(unitID: String, source: String, target: String)], _ text: String)
        -> FuzzyMatcher.Match?
    {
        func words(_ text: String) -> Set<[UInt32]> {
            let tokens = TermTokens(text, keepingWritten: false)
            return Set((0..<tokens.count).map { Array(tokens.word($0)) })
        }
        let query = words(text)
        var best: FuzzyMatcher.Match?
        for entry in memory {
            let other = words(entry.source)
            guard !query.isEmpty, !other.isEmpty else { continue }
            let similarity = 200 * query.intersection(other).count / (query.count + other.count)
            if similarity >= FuzzyMatcher.threshold, similarity > (best?.similarity ?? -1) {
                best = .init(unitID: entry.unitID, source: entry.source, target: entry.target, similarity: similarity)
            }
        }
        return best
    }

    @Test func similarityIsTheDiceCoefficientOfTheWordSets() {
        let matcher = FuzzyMatcher([
            ("a.text", "Узницы жили в бараке зимой.", "Тұтқындар қыста баракта тұрды."),
            ("b.text", "Совсем другой текст о лагере.", "Мүлде басқа мәтін."),
        ])
        // 4 shared words of 4 and 5: 200 · 4 / 9 = 88 (rounded down); case and punctuation do not count.
        #expect(
            matcher.bestMatch(for: "узницы ЖИЛИ в бараке!")
                == .init(
                    unitID: "a.text", source: "Узницы жили в бараке зимой.", target: "Тұтқындар қыста баракта тұрды.",
                    similarity: 88))
        // 2 of 4 and 5: 44%, under the threshold.
        #expect(matcher.bestMatch(for: "Узницы жили на свободе") == nil)
        #expect(matcher.bestMatch(for: "...") == nil)
        #expect(matcher.bestMatch(for: "Совсем другой текст о лагере")?.similarity == 100)
    }

    @Test func amongEqualMatchesTheFirstInCollectionOrderWins() {
        let matcher = FuzzyMatcher([
            ("b.title", "Арка скорби у входа", "first"),
            ("a.title", "Арка скорби у ворот", "second"),
        ])
        #expect(matcher.bestMatch(for: "Арка скорби у")?.target == "first")
    }

    @Test func theIndexFindsWhatComparingEveryPairFinds() {
        var generator = SeededGenerator(seed: 14)
        let vocabulary = (0..<40).map { "слово\($0)" } + ["в", "и", "на", "лагерь", "АЛЖИР"]
        func sentence() -> String {
            (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                // Frequent words more often, as in real text.
                Bool.random(using: &generator)
                    ? vocabulary[40 + Int.random(in: 0..<5, using: &generator)]
                    : vocabulary[Int.random(in: 0..<40, using: &generator)]
            }.joined(separator: " ")
        }
        let memory = (0..<400).map { (unitID: "u\($0).text", source: sentence(), target: "t\($0)") }
        let matcher = FuzzyMatcher(memory)
        var found = 0
        for _ in 0..<400 {
            let text = sentence()
            let expected = Self.reference(memory, text)
            #expect(matcher.bestMatch(for: text) == expected, "\(text)")
            if expected != nil { found += 1 }
        }
        #expect(found > 20)  // the comparison covered matches, not only misses
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible test data.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
