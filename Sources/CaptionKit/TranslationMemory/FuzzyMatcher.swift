/// Finds, for a source text with no translation, the collection's most similar source text that
/// has a current translation: a fuzzy match offered to the translator (never the target itself).
///
/// Similarity is the Dice coefficient of the two texts' sets of words, in percent, rounded
/// down: `200 × shared / (words of A + words of B)`. Words are split and folded as the glossary
/// matcher does (``TermTokens``: letters and digits, lowercase, `ё` as `е`), so case,
/// punctuation and word order do not count. A match needs at least ``threshold`` percent; the
/// best wins, and among equals the first in collection order (path, then field order).
///
/// Candidates are found through an index from word to texts: a text reaching the threshold
/// shares at least `⌈t·|A| / (2 − t)⌉` of the query's words, so it must contain one of the
/// query's `|A| − that + 1` rarest words ("prefix filtering"); only the texts holding those are
/// compared, never every pair.
struct FuzzyMatcher: Sendable {
    /// A match.
    struct Match: Sendable, Equatable {
        /// The unit id whose translation is offered.
        var unitID: String
        /// Its source text.
        var source: String
        /// Its translation.
        var target: String
        /// The similarity of the sources, 0–100.
        var similarity: Int
    }

    /// The least similarity offered, in percent (CAT tools commonly start fuzzy matches at 70–75%).
    static let threshold = 70

    private struct Entry: Sendable {
        var unitID: String
        var source: String
        var target: String
        /// The distinct word ids of the source, ascending.
        var words: [Int32]
    }

    /// Word ids of the texts, shared with the queries.
    private var vocabulary: [[UInt32]: Int32] = [:]
    /// For each word id, the entries whose source has it, ascending.
    private var postings: [[Int32]] = []
    private var entries: [Entry] = []

    /// Indexes `units` (unit id, source, current translation), in collection order.
    init(_ units: [(unitID: String, source: String, target: String)]) {
        entries.reserveCapacity(units.count)
        for unit in units {
            let tokens = TermTokens(unit.source, keepingWritten: false)
            var ids: [Int32] = []
            ids.reserveCapacity(tokens.count)
            for index in 0..<tokens.count {
                let word = Array(tokens.word(index))
                if let id = vocabulary[word] {
                    ids.append(id)
                } else {
                    let id = Int32(postings.count)
                    vocabulary[word] = id
                    postings.append([])
                    ids.append(id)
                }
            }
            let words = Array(Set(ids)).sorted()
            guard !words.isEmpty else { continue }
            let entry = Int32(entries.count)
            for word in words { postings[Int(word)].append(entry) }
            entries.append(Entry(unitID: unit.unitID, source: unit.source, target: unit.target, words: words))
        }
    }

    /// The best match for `text` at or above ``threshold``, or `nil`.
    func bestMatch(for text: String) -> Match? {
        let tokens = TermTokens(text, keepingWritten: false)
        var known = Set<Int32>()
        var unknownCount = 0
        var seenUnknown = Set<[UInt32]>()
        for index in 0..<tokens.count {
            let word = Array(tokens.word(index))
            if let id = vocabulary[word] {
                known.insert(id)
            } else if seenUnknown.insert(word).inserted {
                unknownCount += 1
            }
        }
        let size = known.count + unknownCount
        guard size > 0, !known.isEmpty else { return nil }
        let t = Self.threshold
        // Least shared words for t%: 200·o ≥ t·(|A| + |B|) with |B| ≥ o gives o ≥ t·|A| / (200 − t).
        let leastShared = (t * size + (200 - t) - 1) / (200 - t)
        let prefixLength = size - leastShared + 1
        // The rarest words first (unknown words are the rarest of all: no text has them).
        let rarest = known.sorted { (postings[Int($0)].count, $0) < (postings[Int($1)].count, $1) }
        let probe = rarest.prefix(max(0, prefixLength - unknownCount))
        var seen = Set<Int32>()
        for word in probe { seen.formUnion(postings[Int(word)]) }
        let query = known.sorted()
        var best: (similarity: Int, entry: Int32)?
        for candidate in seen {
            let words = entries[Int(candidate)].words
            // Length filter: |B| ≤ (200 − t)·|A| / t.
            guard t * words.count <= (200 - t) * size else { continue }
            var shared = 0
            var i = 0
            var j = 0
            while i < query.count, j < words.count {
                if query[i] == words[j] {
                    shared += 1
                    i += 1
                    j += 1
                } else if query[i] < words[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            let similarity = 200 * shared / (size + words.count)
            guard similarity >= t else { continue }
            if let current = best,
                current.similarity > similarity || (current.similarity == similarity && current.entry < candidate)
            {
                continue
            }
            best = (similarity, candidate)
        }
        guard let best else { return nil }
        let entry = entries[Int(best.entry)]
        return Match(unitID: entry.unitID, source: entry.source, target: entry.target, similarity: best.similarity)
    }
}
