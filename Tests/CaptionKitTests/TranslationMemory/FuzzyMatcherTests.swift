import Foundation
import Testing

@testable import CaptionKit

/// The fuzzy matcher against its definition, and against a plain all-pairs reference.
@Suite struct FuzzyMatcherTests {
    /// The plain definition: every entry compared, best similarity, first among equals.
    static func reference(_ memory: [(unitID: String, source: String, target: String)], _ text: String)
        -> FuzzyMatcher.Match?
    {
        reference(memory, memory.map { words($0.source) }, text)
    }

    /// The set of folded words of `text`.
    static func words(_ text: String) -> Set<[UInt32]> {
        let tokens = TermTokens(text, keepingWritten: false)
        return Set((0..<tokens.count).map { Array(tokens.word($0)) })
    }

    /// ``reference(_:_:)`` with the words of each source (`sets`) made once.
    static func reference(
        _ memory: [(unitID: String, source: String, target: String)], _ sets: [Set<[UInt32]>], _ text: String
    ) -> FuzzyMatcher.Match? {
        let query = words(text)
        var best: FuzzyMatcher.Match?
        for (entry, other) in zip(memory, sets) {
            guard !query.isEmpty, !other.isEmpty else { continue }
            let similarity = 200 * query.intersection(other).count / (query.count + other.count)
            if similarity >= FuzzyMatcher.threshold, similarity > (best?.similarity ?? -1) {
                best = .init(unitID: entry.unitID, source: entry.source, target: entry.target, similarity: similarity)
            }
        }
        if best?.similarity == 100, best?.source != text { best?.similarity = 99 }
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
        // Every word shared, but without the full stop: not the same text, 99 (see below).
        #expect(matcher.bestMatch(for: "Совсем другой текст о лагере")?.similarity == 99)
        #expect(matcher.bestMatch(for: "Совсем другой текст о лагере.")?.similarity == 100)
    }

    /// Only the same text is a 100% match: CAT tools may insert one without asking.
    @Test func everyWordSharedInAnotherTextIs99() {
        let matcher = FuzzyMatcher([("a.title", "Первая зима", "Бірінші қыс")])
        #expect(matcher.bestMatch(for: "Первая зима")?.similarity == 100)
        #expect(matcher.bestMatch(for: "Первая зима!")?.similarity == 99)
        #expect(matcher.bestMatch(for: "зима первая")?.similarity == 99)
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

extension FuzzyMatcherTests {
    /// Inputs shaped like the benchmark collection (long texts from a small vocabulary, where
    /// every text is a candidate) mixed with what the fast paths must get right: more words than
    /// the bitmap holds, rare words (the index path), texts repeated verbatim or with a word
    /// changed (equal scores at every level: the first in collection order must win), repeated
    /// and differently cased words, empty texts and unknown words.
    @Test func benchmarkShapedInputsFindWhatComparingEveryPairFinds() {
        var generator = SeededGenerator(seed: 1405)
        // 150 common words (kept as bits: three 64-bit blocks) and 660 rare ones (merged as
        // lists): more than FuzzyMatcher.maxBitmapWords in all.
        let common = (0..<150).map { "общ\($0)" }
        let rare = (0..<660).map { "редк\($0)" }
        func pick(_ words: [String]) -> String { words[Int.random(in: 0..<words.count, using: &generator)] }
        func text() -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: return Bool.random(using: &generator) ? "" : "… — !"
            case 1...3:  // a label: one to four words, often rare ones
                return (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    Bool.random(using: &generator) ? pick(rare) : pick(common)
                }.joined(separator: " ")
            default:  // a caption: 20-120 words, mostly common, repeats and capitals
                return (0..<Int.random(in: 20...120, using: &generator)).map { _ in
                    let word = Int.random(in: 0..<12, using: &generator) == 0 ? pick(rare) : pick(common)
                    return Bool.random(using: &generator) ? word.uppercased() + "," : word
                }.joined(separator: " ")
            }
        }
        /// `source` with a few words dropped, added or replaced (or none).
        func variant(of source: String) -> String {
            var words = source.split(separator: " ").map(String.init)
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !words.isEmpty: words.remove(at: Int.random(in: 0..<words.count, using: &generator))
                case 1: words.append(Bool.random(using: &generator) ? pick(rare) : pick(common))
                default:
                    if !words.isEmpty { words[Int.random(in: 0..<words.count, using: &generator)] = pick(common) }
                }
            }
            return words.joined(separator: " ")
        }
        var generated: [String] = []
        for _ in 0..<500 {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where !generated.isEmpty: generated.append(variant(of: pick(generated)))
            case 1 where !generated.isEmpty: generated.append(pick(generated).uppercased())  // the same words
            default: generated.append(text())
            }
        }
        var sources = rare.map { "\($0) \(pick(common))" } + generated  // every rare word is used
        sources.shuffle(using: &generator)
        let memory = sources.enumerated().map {
            (unitID: "u\($0.offset).text", source: $0.element, target: "t\($0.offset)")
        }
        let sets = memory.map { Self.words($0.source) }
        let matcher = FuzzyMatcher(memory)
        var found = 0
        var ties = 0
        for index in 0..<400 {
            let query: String
            switch index % 4 {
            case 0: query = text()
            case 1: query = variant(of: pick(generated)) + (Bool.random(using: &generator) ? " неизвестное" : "")
            default: query = variant(of: pick(generated))
            }
            let expected = Self.reference(memory, sets, query)
            #expect(matcher.bestMatch(for: query) == expected, "\(query)")
            guard let expected else { continue }
            found += 1
            let words = Self.words(query)
            let equal = sets.filter {
                !$0.isEmpty && 200 * words.intersection($0).count / (words.count + $0.count) == expected.similarity
            }
            if equal.count > 1 { ties += 1 }
        }
        // The comparison covered matches, and matches with equals where the order decides.
        #expect(found > 150)
        #expect(ties > 20)
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
