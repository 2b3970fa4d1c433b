/// Finds, for a source text with no translation, the collection's most similar source text that
/// has a current translation: a fuzzy match offered to the translator (never the target itself).
///
/// Similarity is the Dice coefficient of the two texts' sets of words, in percent, rounded
/// down: `200 × shared / (words of A + words of B)`. Words are split and folded as the glossary
/// matcher does (``TermTokens``: letters and digits, lowercase, `ё` as `е`), so case,
/// punctuation and word order do not count; only the same text is 100 (all words shared in
/// another text is 99). A match needs at least ``threshold`` percent; the
/// best wins, and among equals the first in collection order (path, then field order).
///
/// The search finds exactly what comparing every pair finds, but compares few pairs in full:
/// - Words are numbered by how many texts use them, the most used first. Those that at least
///   1 text in 128 uses (up to ``maxBitmapWords``) are kept per text as a bitmap, so counting
///   them shared is a few AND and population-count operations (a column of 256 texts at a
///   time when a whole range is compared); only the rarer rest is merged as sorted lists.
/// - Texts are ranked by their number of words. A text of `b` words reaches `s` % against a
///   query of `a` words only if `s·(a + b) ≤ 200·min(a, b)`, so only a range of ranks is looked
///   at, and that range narrows as better matches turn up (a match must reach the best so far).
/// - Within the range, either every text is compared, or only the texts holding one of the
///   query's `a − o + 1` rarest words, where `o` is the least shared count that reaches the
///   threshold (prefix filtering: a text sharing `o` words shares one of any `a − o + 1`), from
///   an index of word to texts: whichever touches fewer texts.
/// - Before the rare words are merged, the bitmap count plus the smaller rare-word count bounds
///   the shared count; a text whose bound cannot reach the best so far is passed over.
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

    /// The most words kept as bits per text (the collection's most used words).
    static let maxBitmapWords = 512

    /// Word → id in first-seen order; ``renumbered`` turns that into the id by use.
    private var vocabulary = WordTable()
    /// First-seen id → id by use (0 = the word most texts use).
    private var renumbered: [Int32] = []
    /// Words with an id below this are kept as bits.
    private var bitmapWords = 0
    /// 64-bit blocks per text in ``bits``.
    private var blocks = 0

    // Per text, by rank (texts ordered by number of words, then collection order):
    /// The unit (id, source, translation).
    private var units: [(unitID: String, source: String, target: String)] = []
    /// Its position in collection order (for ties).
    private var order: [Int32] = []
    /// Its number of distinct words.
    private var sizes: [Int32] = []
    /// Its bitmap of the words with an id below ``bitmapWords``, ``blocks`` per text: block `k`
    /// of the text at rank `r` is `bits[k × texts + r]` (a block's column is contiguous).
    private var bits: [UInt64] = []
    /// Where its other word ids (ascending) start in ``rareWords``; one more than texts.
    private var rareStarts: [Int32] = [0]
    /// Its number of other words.
    private var rareCounts: [Int32] = []
    private var rareWords: [Int32] = []
    /// The first rank with at least `n` words, for `n` in `0...` (largest size + 1).
    private var firstRankOfSize: [Int32] = [0]

    /// For each word id (by use), the ranks of the texts that have it, ascending: the
    /// ranks of word `w` are `postings[postingStarts[w]..<postingStarts[w + 1]]`.
    private var postingStarts: [Int32] = [0]
    private var postings: [Int32] = []

    /// Indexes `units` (unit id, source, current translation), in collection order.
    init(_ units: [(unitID: String, source: String, target: String)]) {
        // Each text's distinct words in first-seen ids, and how many texts use each word.
        var textWords: [Int32] = []
        var textStarts: [Int32] = [0]
        var kept: [Int32] = []
        var uses: [Int32] = []
        var lastText: [Int32] = []  // per word: the last text (+ 1) that used it
        // One storage for the tokens of every text, each text's reusing the last one's.
        var storage: TokenStorage?
        for (index, unit) in units.enumerated() {
            let tokens = TermTokens(unit.source, keepingWritten: false, storage: &storage)
            guard tokens.count > 0 else { continue }
            let text = Int32(kept.count + 1)
            tokens.withScalars { folded, _, _ in
                for word in 0..<tokens.count {
                    let id = Int(vocabulary.insert(tokens.word(word, in: folded)))
                    if id == uses.count {
                        uses.append(0)
                        lastText.append(0)
                    }
                    guard lastText[id] != text else { continue }
                    lastText[id] = text
                    uses[id] += 1
                    textWords.append(Int32(id))
                }
            }
            textStarts.append(Int32(textWords.count))
            kept.append(Int32(index))
        }
        guard !kept.isEmpty else { return }

        // Ids by use, most used first (then first seen).
        let byUse = uses.indices.sorted { uses[$0] != uses[$1] ? uses[$0] > uses[$1] : $0 < $1 }
        renumbered = [Int32](repeating: 0, count: uses.count)
        for (new, old) in byUse.enumerated() { renumbered[old] = Int32(new) }
        // Bits for the words that at least 1 text in 128 uses (and at least 2 texts).
        let common = max(2, kept.count / 128)
        bitmapWords = min(Self.maxBitmapWords, uses.count { $0 >= common })
        blocks = (bitmapWords + 63) / 64

        // Ranks: by number of words, then collection order (a stable counting sort).
        let count = kept.count
        let sizeOf = { (text: Int) in Int(textStarts[text + 1] - textStarts[text]) }
        let largest = (0..<count).map(sizeOf).max() ?? 0
        var perSize = [Int32](repeating: 0, count: largest + 2)
        for text in 0..<count { perSize[sizeOf(text) + 1] += 1 }
        for size in 1..<perSize.count { perSize[size] += perSize[size - 1] }
        firstRankOfSize = perSize
        var next = perSize
        var textOfRank = [Int32](repeating: 0, count: count)
        for text in 0..<count {
            let size = sizeOf(text)
            textOfRank[Int(next[size])] = Int32(text)
            next[size] += 1
        }

        // Per rank: the unit, bitmap and rare words; the postings by word.
        self.units.reserveCapacity(count)
        order.reserveCapacity(count)
        sizes.reserveCapacity(count)
        bits = [UInt64](repeating: 0, count: count * blocks)
        rareStarts.reserveCapacity(count + 1)
        postingStarts = [Int32](repeating: 0, count: uses.count + 1)
        for (old, use) in uses.enumerated() { postingStarts[Int(renumbered[old]) + 1] = use }
        for word in 0..<uses.count { postingStarts[word + 1] += postingStarts[word] }
        var fill = postingStarts
        postings = [Int32](repeating: 0, count: textWords.count)
        var words: [Int32] = []
        for rank in 0..<count {
            let text = Int(textOfRank[rank])
            let unit = Int(kept[text])
            self.units.append(units[unit])
            order.append(Int32(unit))
            sizes.append(Int32(sizeOf(text)))
            words.removeAll(keepingCapacity: true)
            for id in textWords[Int(textStarts[text])..<Int(textStarts[text + 1])] {
                let w = Int(renumbered[Int(id)])
                if w < bitmapWords {
                    bits[(w >> 6) * count + rank] |= 1 << UInt64(w & 63)
                } else {
                    words.append(Int32(w))
                }
                postings[Int(fill[w])] = Int32(rank)
                fill[w] += 1
            }
            words.sort()
            rareWords += words
            rareStarts.append(Int32(rareWords.count))
            rareCounts.append(Int32(words.count))
        }
    }

    /// The best match for `text` at or above ``threshold``, or `nil`.
    func bestMatch(for text: String) -> Match? {
        guard !units.isEmpty else { return nil }
        let tokens = TermTokens(text, keepingWritten: false)
        var known: [Int32] = []
        known.reserveCapacity(tokens.count)
        var unknown = Set<[UInt32]>()
        tokens.withScalars { folded, _, _ in
            for index in 0..<tokens.count {
                let word = tokens.word(index, in: folded)
                if let id = vocabulary.id(of: word) {
                    known.append(renumbered[Int(id)])
                } else {
                    unknown.insert(Array(word))
                }
            }
        }
        known.sort()
        known = Self.distinct(known)
        let a = known.count + unknown.count
        guard !known.isEmpty else { return nil }

        // The query's bitmap and rare words (ascending).
        var queryBits = [UInt64](repeating: 0, count: blocks)
        var queryRare: [Int32] = []
        for word in known {
            let w = Int(word)
            if w < bitmapWords { queryBits[w >> 6] |= 1 << UInt64(w & 63) } else { queryRare.append(word) }
        }

        var (low, high) = rankRange(a: a, least: Self.threshold)
        guard low < high else { return nil }

        // Prefix filtering: the rarest words (the largest ids; unknown words are rarer still).
        let t = Self.threshold
        let leastShared = (t * a + (200 - t) - 1) / (200 - t)
        let probeLength = a - leastShared + 1 - unknown.count
        guard probeLength > 0 else { return nil }
        let probe = known.suffix(probeLength)
        var touched = 0
        for word in probe {
            touched += postingRange(word, low: low, high: high).count
            if touched >= high - low { break }
        }
        var candidates: [Int32] = []
        if touched < high - low {
            // Few texts hold the rarest words: compare only those.
            candidates.reserveCapacity(touched)
            for word in probe { candidates += postings[postingRange(word, low: low, high: high)] }
            candidates.sort()
        }

        var search = Search(a: a, least: Self.threshold, rare: queryRare)
        let count = units.count
        bits.withUnsafeBufferPointer { bits in
            if touched < high - low {
                var last: Int32 = -1
                for candidate in candidates where candidate != last {
                    last = candidate
                    let rank = Int(candidate)
                    if rank >= high { break }
                    var shared = 0
                    for block in 0..<blocks {
                        shared += (queryBits[block] & bits[block * count + rank]).nonzeroBitCount
                    }
                    if consider(rank, sharedInBits: shared, &search) {
                        high = min(high, rankRange(a: a, least: search.least).high)
                    }
                }
                return
            }
            // Every text in the range: the bitmaps 256 texts at a time, a column at a time (a
            // loop the compiler vectorizes), then each text's bound and rare words.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 512) { scratch in
                let counts = UnsafeMutableBufferPointer(rebasing: scratch[0..<256])
                let passed = UnsafeMutableBufferPointer(rebasing: scratch[256..<512])
                let rareCount = queryRare.count
                var start = low
                while start < high {
                    let end = min(start + 256, high)
                    counts.initialize(repeating: 0)
                    for block in 0..<blocks where queryBits[block] != 0 {
                        let query = queryBits[block]
                        let column = bits.baseAddress! + block * count + start
                        for index in 0..<(end - start) {
                            counts[index] &+= UInt64((query & column[index]).nonzeroBitCount)
                        }
                    }
                    // The texts whose bound (shared bits + the fewer rare words) reaches the
                    // best so far, listed without a branch.
                    var passing = 0
                    let least = search.least
                    for index in 0..<(end - start) {
                        let rank = start &+ index
                        let bound = Int(counts[index]) &+ min(rareCount, Int(rareCounts[rank]))
                        passed[passing] = UInt64(index)
                        passing &+= 200 &* bound >= least &* (a &+ Int(sizes[rank])) ? 1 : 0
                    }
                    for index in passed[0..<passing] {
                        let rank = start + Int(index)
                        if consider(rank, sharedInBits: Int(counts[Int(index)]), &search) {
                            high = min(high, rankRange(a: a, least: search.least).high)
                        }
                    }
                    start = end
                }
            }
        }
        guard let best = search.best else { return nil }
        let unit = units[best]
        // All words shared, but not the same text (punctuation, case, word order): 99, since CAT
        // tools take a 100% match for the same source and may insert it without asking.
        let similarity = search.least == 100 && unit.source != text ? 99 : search.least
        return Match(unitID: unit.unitID, source: unit.source, target: unit.target, similarity: similarity)
    }

    /// The best so far of one query.
    private struct Search {
        /// The query's number of distinct words.
        let a: Int
        /// The least similarity that can still win: the threshold, then the best so far's.
        var least: Int
        /// The query's words without a bit, ascending.
        let rare: [Int32]
        /// The rank of the best so far.
        var best: Int?
    }

    /// Whether the text at `rank`, sharing `sharedInBits` of the words kept as bits with the
    /// query, beats the best so far; if so it becomes the best.
    @inline(__always)
    private func consider(_ rank: Int, sharedInBits: Int, _ search: inout Search) -> Bool {
        let a = search.a
        let b = Int(sizes[rank])
        let least = search.least
        guard least * (a + b) <= 200 * min(a, b) else { return false }
        let rareStart = Int(rareStarts[rank])
        let rareEnd = Int(rareStarts[rank + 1])
        let queryRare = search.rare
        guard 200 * (sharedInBits + min(queryRare.count, rareEnd - rareStart)) >= least * (a + b) else {
            return false
        }
        var shared = sharedInBits
        var i = 0
        var j = rareStart
        while i < queryRare.count, j < rareEnd {
            let word = rareWords[j]
            if queryRare[i] == word {
                shared += 1
                i += 1
                j += 1
            } else if queryRare[i] < word {
                i += 1
            } else {
                j += 1
            }
        }
        let similarity = 200 * shared / (a + b)
        guard similarity >= least else { return false }
        if let best = search.best, similarity == least, order[best] < order[rank] { return false }
        search.least = similarity
        search.best = rank
        return true
    }

    /// The ranks of the texts whose number of words allows `least` % against `a` words.
    private func rankRange(a: Int, least: Int) -> (low: Int, high: Int) {
        // least·(a + b) ≤ 200·min(a, b): b ≥ least·a / (200 − least) and b ≤ (200 − least)·a / least.
        let smallest = (least * a + (200 - least) - 1) / (200 - least)
        let largest = (200 - least) * a / least
        let last = firstRankOfSize.count - 1
        return (Int(firstRankOfSize[min(smallest, last)]), Int(firstRankOfSize[min(largest + 1, last)]))
    }

    /// The positions in ``postings`` of word `word`'s texts with a rank in `low..<high`.
    private func postingRange(_ word: Int32, low: Int, high: Int) -> Range<Int> {
        let start = Int(postingStarts[Int(word)])
        let end = Int(postingStarts[Int(word) + 1])
        return Self.firstIndex(
            in: postings, start, end, notBelow: low)..<Self.firstIndex(
                in: postings, start, end, notBelow: high)
    }

    /// The first index in `start..<end` of the ascending `values` whose value is at least `bound`.
    private static func firstIndex(in values: [Int32], _ start: Int, _ end: Int, notBelow bound: Int) -> Int {
        var low = start
        var high = end
        while low < high {
            let middle = (low + high) / 2
            if Int(values[middle]) < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `sorted` without repeats.
    private static func distinct(_ sorted: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(sorted.count)
        for value in sorted where value != result.last { result.append(value) }
        return result
    }
}

/// Distinct words (folded scalars), numbered from 0 in the order first added: an open-addressing
/// hash table over one flat array of scalars, so no array is made per word.
private struct WordTable: Sendable {
    /// The scalars of every word, one after another.
    private var scalars: [UInt32] = []
    /// Where word `id` starts in ``scalars``; one more than words, the end.
    private var starts: [Int32] = [0]
    /// The word id in each slot, -1 when empty; a power of two long.
    private var slots = [Int32](repeating: -1, count: 1024)

    /// The number of words.
    var count: Int { starts.count - 1 }

    /// The id of `word`, or `nil` when it was never added.
    func id(of word: UnsafeBufferPointer<UInt32>) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if scalars[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])].elementsEqual(word) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `word`, adding it when new.
    mutating func insert(_ word: UnsafeBufferPointer<UInt32>) -> Int32 {
        if count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if scalars[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])].elementsEqual(word) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        slots[slot] = id
        scalars += word
        starts.append(Int32(scalars.count))
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            var slot = Self.hash(scalars[Int(starts[id])..<Int(starts[id + 1])]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a over the scalars, then mixed (the low bits pick the slot).
    private static func hash(_ word: some Collection<UInt32>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in word { hash = (hash ^ UInt64(scalar)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return Int(truncatingIfNeeded: hash)
    }
}
