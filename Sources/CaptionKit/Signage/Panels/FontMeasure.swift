internal import CHarfBuzz
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width function of a panel: a word's width is its advance when shaped with the panel's
/// font (``ShapingFont``) in one language, in font units; a space is the advance of U+0020.
///
/// Words repeat across a collection, so each word's metrics are shaped once and kept in a
/// ``WordWidthTable``. Every thread has tables of its own (``onThisThread()``), one per font and
/// language, so the threads of a check never wait for one another; a word a thread has not
/// seen is looked up in one table shared by all threads (with a lock) before it is shaped, so
/// each word is shaped once. The tables outlive the measure, so a collection checked again
/// (the editor checks on every save) finds its words.
///
/// A line's width is the sum of its words and spaces with the kerning of each space against its
/// neighbours, which is the shaped width of the whole line when its words are of one script
/// (tests compare both with `hb-shape`). Each word is shaped in its own script, so a line
/// mixing scripts in a font that kerns them differently (DejaVu Sans kerns «AV» in Latin, not
/// in Cyrillic) can differ from `hb-shape` of the whole line, which uses one script.
final class FontMeasure: TextMeasure, @unchecked Sendable {
    /// The font.
    let font: ShapingFont
    /// The language tag the text is shaped in.
    let language: String
    let spaceWidth: Int
    fileprivate let shapingLanguage: ShapingFont.ShapingLanguage
    /// The number of this font and language in every thread's tables.
    private let tableNumber: Int
    /// The table of this font and language that all threads share.
    fileprivate let shared: SharedWordTable

    /// A measure of text in `language` set in `font`.
    init(font: ShapingFont, language: String) {
        self.font = font
        self.language = language
        shapingLanguage = ShapingFont.ShapingLanguage(language)
        spaceWidth = [UInt8(ascii: " ")].withUnsafeBufferPointer {
            font.width(of: $0, language: ShapingFont.ShapingLanguage(language))
        }
        tableNumber = ThreadWordTables.number(of: "\(font.faceIndex):\(language):\(font.path)")
        shared = ThreadWordTables.shared(tableNumber)
    }

    func width(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> Int {
        onThisThread().metrics(ofWord: word, isSimple: isSimple).width
    }

    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> WordMetrics {
        onThisThread().metrics(ofWord: word, isSimple: isSimple)
    }

    /// The same measure with the calling thread's table of word metrics found once: what a loop
    /// over many words on one thread measures with. Use it on the calling thread only.
    func onThisThread() -> OnThread {
        OnThread(measure: self, table: ThreadWordTables.current.table(tableNumber))
    }

    /// A ``FontMeasure`` with one thread's table: no lock and no thread lookup per word.
    struct OnThread: TextMeasure {
        let measure: FontMeasure
        let table: WordWidthTable

        var spaceWidth: Int { measure.spaceWidth }

        func width(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> Int {
            metrics(ofWord: word, isSimple: isSimple).width
        }

        var prefetches: Bool { true }

        /// Prefetches the word's slot and returns the word's hash.
        func prefetch(word: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let hash = WordWidthTable.hash(word)
            table.prefetch(hash: hash)
            return hash
        }

        /// The word's shaped width, and the kerning of a space after it and before it: the
        /// widths of `word + " "` and `" " + word` shaped, less the word's and the space's.
        func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> WordMetrics {
            metrics(ofWord: word, isSimple: isSimple, prefetched: WordWidthTable.hash(word))
        }

        /// ``metrics(ofWord:isSimple:)`` of a word whose hash is `hash`.
        func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool, prefetched hash: UInt64) -> WordMetrics {
            if let metrics = table.metrics(of: word, hash: hash) { return metrics }
            let metrics = measure.shared.metrics(of: word, hash: hash) { measure.shaped(word) }
            table.insert(word, hash: hash, metrics: metrics)
            return metrics
        }
    }

    fileprivate func shaped(_ word: UnsafeBufferPointer<UInt8>) -> WordMetrics {
        if let metrics = font.spacedWordMetrics(of: word, language: shapingLanguage, spaceWidth: spaceWidth) {
            return metrics
        }
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
}

/// The word tables of one thread, one per font and language, found through a POSIX thread key.
///
/// A font and language get a number for the process (``number(of:)``), the index of their table
/// in every thread's list. A table that grows past ``WordWidthTable/maximumCount`` words is
/// emptied (a long-running editor must not grow without bound).
final class ThreadWordTables: @unchecked Sendable {
    private var tables: [WordWidthTable?] = []

    /// The table number of `key` (a font and language), the same for the whole process.
    static func number(of key: String) -> Int {
        numbersLock.lock()
        defer { numbersLock.unlock() }
        if let number = numbers[key] { return number }
        let number = numbers.count
        numbers[key] = number
        return number
    }

    /// The shared table of number `number` (``number(of:)``).
    static func shared(_ number: Int) -> SharedWordTable {
        numbersLock.lock()
        defer { numbersLock.unlock() }
        while sharedTables.count <= number { sharedTables.append(SharedWordTable()) }
        return sharedTables[number]
    }

    private nonisolated(unsafe) static var numbers: [String: Int] = [:]
    private nonisolated(unsafe) static var sharedTables: [SharedWordTable] = []
    private static let numbersLock = NSLock()

    /// The calling thread's tables.
    static var current: ThreadWordTables {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<ThreadWordTables>.fromOpaque(pointer).takeUnretainedValue()
        }
        let tables = ThreadWordTables()
        pthread_setspecific(threadKey, Unmanaged.passRetained(tables).toOpaque())
        return tables
    }

    /// The thread key; a thread's tables are released when it ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadWordTables>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// Table `number` of this thread, made on first use.
    func table(_ number: Int) -> WordWidthTable {
        if number < tables.count, let table = tables[number] {
            if table.count < WordWidthTable.maximumCount { return table }
        }
        if number >= tables.count { tables += Array(repeating: nil, count: number + 1 - tables.count) }
        let table = WordWidthTable()
        tables[number] = table
        return table
    }
}

/// A ``WordWidthTable`` that every thread reads and fills, with a lock: the second place a
/// word is looked for, after the thread's own table (a thread comes here once per word).
final class SharedWordTable: @unchecked Sendable {
    private let lock = NSLock()
    private var table = WordWidthTable()

    /// The metrics of `word` (whose hash is `hash`): stored ones, or `shape()`'s, then stored.
    /// The word is shaped outside the lock, so two threads may both shape a new word; the
    /// first stores it.
    func metrics(of word: UnsafeBufferPointer<UInt8>, hash: UInt64, shape: () -> WordMetrics) -> WordMetrics {
        lock.lock()
        let stored = table.metrics(of: word, hash: hash)
        lock.unlock()
        if let stored { return stored }
        let metrics = shape()
        lock.lock()
        defer { lock.unlock() }
        if table.count >= WordWidthTable.maximumCount { table = WordWidthTable() }
        if table.metrics(of: word, hash: hash) == nil { table.insert(word, hash: hash, metrics: metrics) }
        return metrics
    }
}

/// A hash table from words (UTF-8 bytes) to their ``WordMetrics`` that looks a word up without
/// making a `String` or an array of it. Each slot (open addressing, linear probing, at most half
/// full) is one 64-byte cache line with the word's hash, metrics and, for a word of at most
/// ``inlineCapacity`` bytes (nearly every word), its bytes: a look-up reads one line. Longer
/// words' bytes are kept end to end in an arena. Used by one thread at a time
/// (``ThreadWordTables``); its memory is reached through pointers, so a look-up costs no
/// exclusivity check.
final class WordWidthTable: @unchecked Sendable {
    private struct Slot {
        /// 0 for an empty slot (``hash(_:)`` is never 0).
        var hash: UInt64
        var count: UInt32
        /// Where a word longer than ``inlineCapacity`` bytes starts in the arena.
        var start: UInt32
        var width: Int32
        var beforeSpace: Int32
        var afterSpace: Int32
        /// The bytes of a word of at most ``inlineCapacity`` bytes.
        var bytes: (UInt64, UInt64, UInt64, UInt64)

        static let empty = Slot(
            hash: 0, count: 0, start: 0, width: 0, beforeSpace: 0, afterSpace: 0, bytes: (0, 0, 0, 0))
    }

    private struct Storage {
        var slots: UnsafeMutablePointer<Slot>
        var capacity: Int
        var count: Int
        var arena: UnsafeMutablePointer<UInt8>
        var arenaCount: Int
        var arenaCapacity: Int
        /// ``WordWidthTable/bytesOffset``, kept here so that a look-up reads no global.
        let bytesOffset = WordWidthTable.bytesOffset
    }

    /// The most words a thread's table holds before it starts again empty.
    static let maximumCount = 1 << 21

    /// The longest word (in UTF-8 bytes) kept in its slot rather than in the arena.
    static let inlineCapacity = 32

    /// Where a slot's word bytes start in it.
    private static let bytesOffset = MemoryLayout<Slot>.offset(of: \Slot.bytes)!

    private let storage: UnsafeMutablePointer<Storage>

    /// An empty table.
    init() {
        let slots = Self.allocateSlots(1024)
        let arenaCapacity = 4 * 1024
        storage = .allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                slots: slots, capacity: 1024, count: 0, arena: .allocate(capacity: arenaCapacity), arenaCount: 0,
                arenaCapacity: arenaCapacity))
    }

    deinit {
        storage.pointee.slots.deallocate()
        storage.pointee.arena.deallocate()
        storage.deallocate()
    }

    /// The number of words stored.
    var count: Int { storage.pointee.count }

    /// A 64-bit hash of `word`, never 0: its bytes read eight at a time, each block mixed in
    /// with a multiplication.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(word.count &+ 1)
        guard let base = word.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= word.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < word.count {
            var last: UInt64 = 0
            for index in offset..<word.count { last |= UInt64(base[index]) << (8 * UInt64(index - offset)) }
            hash = (hash ^ last) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 29
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        return hash == 0 ? 1 : hash
    }

    /// The metrics stored for `word` (whose ``hash(_:)`` is `hash`), or `nil`.
    @inline(__always)
    func metrics(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordMetrics? {
        let storage = storage.pointee
        let mask = storage.capacity - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = storage.slots + index
            let stored = slot.pointee.hash
            if stored == 0 { return nil }
            if stored == hash, Int(slot.pointee.count) == word.count {
                let bytes =
                    word.count <= Self.inlineCapacity
                    ? UnsafeRawPointer(slot) + storage.bytesOffset
                    : UnsafeRawPointer(storage.arena + Int(slot.pointee.start))
                if word.isEmpty || memcmp(bytes, word.baseAddress!, word.count) == 0 {
                    return WordMetrics(
                        width: Int(slot.pointee.width), beforeSpace: Int(slot.pointee.beforeSpace),
                        afterSpace: Int(slot.pointee.afterSpace))
                }
            }
            index = (index + 1) & mask
        }
    }

    /// Asks the processor to fetch the slot where a look-up of a word whose ``hash(_:)`` is
    /// `hash` starts (a hint: it changes nothing).
    @inline(__always)
    func prefetch(hash: UInt64) {
        let storage = storage.pointee
        captions_prefetch(storage.slots + (Int(truncatingIfNeeded: hash) & (storage.capacity - 1)))
    }

    /// Stores `metrics` for `word` (not yet in the table).
    func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, metrics: WordMetrics) {
        if (storage.pointee.count + 1) * 2 > storage.pointee.capacity { grow() }
        var slot = Slot.empty
        slot.hash = hash
        slot.count = UInt32(word.count)
        slot.width = Int32(clamping: metrics.width)
        slot.beforeSpace = Int32(clamping: metrics.beforeSpace)
        slot.afterSpace = Int32(clamping: metrics.afterSpace)
        if word.count <= Self.inlineCapacity {
            if let base = word.baseAddress {
                withUnsafeMutableBytes(of: &slot.bytes) {
                    $0.baseAddress!.copyMemory(from: base, byteCount: word.count)
                }
            }
        } else {
            if storage.pointee.arenaCount + word.count > storage.pointee.arenaCapacity {
                let capacity = max(2 * storage.pointee.arenaCapacity, storage.pointee.arenaCount + word.count)
                let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                arena.update(from: storage.pointee.arena, count: storage.pointee.arenaCount)
                storage.pointee.arena.deallocate()
                storage.pointee.arena = arena
                storage.pointee.arenaCapacity = capacity
            }
            slot.start = UInt32(storage.pointee.arenaCount)
            (storage.pointee.arena + storage.pointee.arenaCount).update(from: word.baseAddress!, count: word.count)
            storage.pointee.arenaCount += word.count
        }
        place(slot, in: storage.pointee.slots, capacity: storage.pointee.capacity)
        storage.pointee.count += 1
    }

    /// `capacity` empty slots, each on a cache line of its own.
    private static func allocateSlots(_ capacity: Int) -> UnsafeMutablePointer<Slot> {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * MemoryLayout<Slot>.stride, alignment: max(64, MemoryLayout<Slot>.alignment))
        let slots = raw.bindMemory(to: Slot.self, capacity: capacity)
        slots.initialize(repeating: .empty, count: capacity)
        return slots
    }

    private func place(_ slot: Slot, in slots: UnsafeMutablePointer<Slot>, capacity: Int) {
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index].hash != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private func grow() {
        let old = storage.pointee.slots
        let oldCapacity = storage.pointee.capacity
        let capacity = oldCapacity * 2
        let slots = Self.allocateSlots(capacity)
        for index in 0..<oldCapacity where old[index].hash != 0 { place(old[index], in: slots, capacity: capacity) }
        old.deallocate()
        storage.pointee.slots = slots
        storage.pointee.capacity = capacity
    }
}
