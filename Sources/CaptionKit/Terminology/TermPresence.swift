import Foundation

/// For each glossary entry, what a text is searched for to learn whether it uses one of the
/// entry's allowed terms (``TermIndex/entriesUsed(_:in:)``): the UTF-8 bytes the folded stems of
/// the terms' first words start with.
///
/// A translation is looked at only for the few entries its source uses; splitting a whole text
/// into words and passing every word through the index for them cost more than finding the
/// stems' bytes and splitting the words there.
struct TermPresence: Sendable {
    /// One entry's allowed terms in the language.
    struct Entry: Sendable {
        /// The terms (indices in ``TermIndex/terms``).
        var terms: [Int32] = []
        /// The folded stems of the terms' first words as UTF-8 bytes, none starting with another
        /// (a form found by a shorter stem is checked there).
        var anchors: [[UInt8]] = []
        /// The most words one of the terms has.
        var longestTerm = 0
    }

    /// By glossary index (empty when not made).
    private(set) var entries: [Entry] = []

    init() {}

    /// The entries of `index`, a glossary of `entryCount` entries compiled for one language.
    init(_ index: TermIndex, entryCount: Int) {
        entries = Array(repeating: Entry(), count: entryCount)
        for (termIndex, term) in index.terms.enumerated() where !term.isForbidden {
            entries[term.entry].terms.append(Int32(termIndex))
            entries[term.entry].longestTerm = max(entries[term.entry].longestTerm, term.words.count)
            for stem in term.words[0].stems {
                var bytes: [UInt8] = []
                for scalar in stem.scalars { bytes += String(Unicode.Scalar(scalar).unsafelyUnwrapped).utf8 }
                entries[term.entry].anchors.append(bytes)
            }
        }
        for entry in entries.indices where entries[entry].anchors.count > 1 {
            var kept: [[UInt8]] = []
            for anchor in entries[entry].anchors.sorted(by: { $0.count < $1.count })
            where !anchor.isEmpty && !kept.contains(where: { anchor.starts(with: $0) }) {
                kept.append(anchor)
            }
            entries[entry].anchors = kept
        }
    }
}

extension TermIndex {
    /// The entries among `entries` (glossary indices) one of whose allowed terms occurs in `text`,
    /// in the order asked, each once: the entries of ``matches(in:entries:)``'s matches, without
    /// splitting the whole text into words. Each entry's stems are looked for in the text's
    /// folded bytes (``TermTokens/foldedUTF8(_:)``); where one starts a word, the words from
    /// there are split and checked as ``matches(in:entries:)`` checks them (the stem, the
    /// suffixes, the words after the first, an attached ending), and the first term found there
    /// settles the entry.
    ///
    /// `nil` when the language needs every text scanned (``scansEveryText``: no presence data)
    /// or a letter of the text folds to another number of bytes; scan such a text in full.
    func entriesUsed(_ entries: [Int], in text: String) -> [Int]? {
        guard !scansEveryText else { return nil }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            guard let folded = TermTokens.foldedUTF8(bytes) else { return nil }
            var used: [Int] = []
            folded.withUnsafeBufferPointer { folded in
                guard let base = folded.baseAddress else { return }
                for entry in entries where entry < presence.entries.count && !used.contains(entry) {
                    let wanted = presence.entries[entry]
                    if wanted.terms.isEmpty { continue }
                    search: for anchor in wanted.anchors {
                        var from = 0
                        while let hit = Self.find(anchor, in: folded, base: base, from: from) {
                            from = hit + 1
                            guard TermTokens.startsWord(bytes, at: hit) else { continue }
                            let tokens = TermTokens(
                                utf8: UnsafeBufferPointer(rebasing: bytes[hit...]), keepingWritten: needsWrittenWords,
                                wordLimit: wanted.longestTerm + 1)
                            guard tokens.count > 0, tokens.offsets[0] == 0 else { continue }
                            for term in wanted.terms
                            where terms[Int(term)].words[0].stems.contains(where: { Self.matches($0, tokens, 0) })
                                && length(of: Int(term), at: 0, in: tokens) > 0
                            {
                                used.append(entry)
                                break search
                            }
                        }
                    }
                }
            }
            return used
        }!
    }

    /// The first place at or after `from` where `folded` (whose first byte is at `base`) holds
    /// `anchor`: `memchr` for its second byte (for a Cyrillic stem, the first letter's second
    /// byte; the first is one of a few lead bytes every Cyrillic letter shares), then the rest.
    @inline(__always)
    private static func find(
        _ anchor: [UInt8], in folded: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, from: Int
    ) -> Int? {
        let count = anchor.count
        guard count > 1 else {
            guard from < folded.count, let found = memchr(base + from, Int32(anchor[0]), folded.count - from)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        return anchor.withUnsafeBufferPointer { anchor in
            var start = from
            let last = folded.count - count
            while start <= last {
                guard let found = memchr(base + start + 1, Int32(anchor[1]), last - start + 1) else { return nil }
                let hit = UnsafeRawPointer(found) - UnsafeRawPointer(base) - 1
                if memcmp(base + hit, anchor.baseAddress!, count) == 0 { return hit }
                start = hit + 1
            }
            return nil
        }
    }
}
