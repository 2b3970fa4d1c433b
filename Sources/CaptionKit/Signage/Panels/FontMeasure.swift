import Foundation

/// The width function of a panel: a word's width is its advance when shaped with the panel's
/// font (``ShapingFont``) in one language, in font units; a space is the advance of U+0020.
///
/// Words repeat across a collection, so each word's width is shaped once and kept in a table
/// of word bytes to ``WordMetrics``, split into shards with a lock each so that the threads of a check
/// rarely wait for one another. A line's width is the sum of its words and spaces with the
/// kerning of each space against its neighbours, which is the shaped width of the whole line
/// (tests compare both with `hb-shape`).
final class FontMeasure: TextMeasure, @unchecked Sendable {
    /// The font.
    let font: ShapingFont
    /// The language tag the text is shaped in.
    let language: String
    let spaceWidth: Int
    private let shapingLanguage: ShapingFont.ShapingLanguage
    private let shards: [Shard]
    private static let shardCount = 64

    /// A measure of text in `language` set in `font`.
    init(font: ShapingFont, language: String) {
        self.font = font
        self.language = language
        shapingLanguage = ShapingFont.ShapingLanguage(language)
        spaceWidth = [UInt8(ascii: " ")].withUnsafeBufferPointer {
            font.width(of: $0, language: ShapingFont.ShapingLanguage(language))
        }
        shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    func width(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> Int {
        metrics(ofWord: word, isSimple: isSimple).width
    }

    /// The word's shaped width, and the kerning of a space after it and before it: the
    /// widths of `word + " "` and `" " + word` shaped, less the word's and the space's.
    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> WordMetrics {
        let hash = WordWidthTable.hash(word)
        let shard = shards[Int(truncatingIfNeeded: hash >> 58)]
        if let metrics = shard.metrics(of: word, hash: hash) { return metrics }
        let metrics = shaped(word)
        shard.insert(word, hash: hash, metrics: metrics)
        return metrics
    }

    private func shaped(_ word: UnsafeBufferPointer<UInt8>) -> WordMetrics {
        let width = font.width(of: word, language: shapingLanguage)
        var spaced = [UInt8](word)
        spaced.append(UInt8(ascii: " "))
        let withSpaceAfter = spaced.withUnsafeBufferPointer { font.width(of: $0, language: shapingLanguage) }
        spaced.removeLast()
        spaced.insert(UInt8(ascii: " "), at: 0)
        let withSpaceBefore = spaced.withUnsafeBufferPointer { font.width(of: $0, language: shapingLanguage) }
        return WordMetrics(
            width: width, beforeSpace: withSpaceAfter - width - spaceWidth,
            afterSpace: withSpaceBefore - width - spaceWidth)
    }

    /// One part of the cache, with its lock.
    private final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        private var table = WordWidthTable()

        func metrics(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordMetrics? {
            lock.lock()
            defer { lock.unlock() }
            return table.metrics(of: word, hash: hash)
        }

        func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, metrics: WordMetrics) {
            lock.lock()
            defer { lock.unlock() }
            table.insert(word, hash: hash, metrics: metrics)
        }
    }
}

/// A hash table from words (UTF-8 bytes) to their ``WordMetrics`` that looks a word up without making a
/// `String` or an array of it: the words' bytes are kept end to end in one arena, and the slots
/// (open addressing, linear probing, at most half full) hold each word's hash, place and width.
struct WordWidthTable {
    private struct Slot {
        var hash: UInt64
        var start: Int32
        var count: Int32
        var width: Int32
        var beforeSpace: Int32
        var afterSpace: Int32
    }

    private var slots: [Slot?] = Array(repeating: nil, count: 256)
    private var arena: [UInt8] = []
    private(set) var count = 0

    /// FNV-1a, 64 bits, of `word`.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The metrics stored for `word` (whose ``hash(_:)`` is `hash`), or `nil`.
    func metrics(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordMetrics? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[index] {
            if slot.hash == hash, Int(slot.count) == word.count, matches(slot, word) {
                return WordMetrics(
                    width: Int(slot.width), beforeSpace: Int(slot.beforeSpace), afterSpace: Int(slot.afterSpace))
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Stores `metrics` for `word` (not yet in the table).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, metrics: WordMetrics) {
        if (count + 1) * 2 > slots.count { grow() }
        let start = arena.count
        arena.append(contentsOf: word)
        place(
            Slot(
                hash: hash, start: Int32(start), count: Int32(word.count), width: Int32(clamping: metrics.width),
                beforeSpace: Int32(clamping: metrics.beforeSpace), afterSpace: Int32(clamping: metrics.afterSpace)))
        count += 1
    }

    private func matches(_ slot: Slot, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { bytes in
            guard let stored = bytes.baseAddress, let other = word.baseAddress else { return word.isEmpty }
            return memcmp(stored + Int(slot.start), other, word.count) == 0
        }
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index] != nil { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        for case let slot? in old { place(slot) }
    }
}
