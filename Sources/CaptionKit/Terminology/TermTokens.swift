/// The words of a text as the term matcher sees them, made in one pass: each word's letters
/// folded to lowercase (and `ё` to `е`), where it is in the text, and how it is joined to the
/// word before it.
///
/// A word is a run of letters, combining marks and digits (``TextWords/isLetter(_:)``); a soft
/// hyphen inside it (U+00AD, where a sign may break it) is passed over. A word
/// written right after the previous one with only a hyphen between them, or a closing quote and
/// a hyphen (`АЛЖИР-дің`, `«АЛЖИР»-дің`, `1937-жылы`), is *attached*: the matcher may read it
/// as a suffix of that word. After an apostrophe (`Sorrow’s`) it is attached as a possessive.
struct TermTokens: Sendable {
    /// How a word is joined to the word before it.
    enum Joint: UInt8, Sendable {
        /// Separated by a space, punctuation or the start of the text.
        case separate
        /// A hyphen right after the previous word (or after its closing quote).
        case hyphen
        /// An apostrophe right after the previous word.
        case apostrophe
        /// Separated by text with a full stop, a question or exclamation mark or an ellipsis: a
        /// sentence may end there, and a term's words do not run across it (unless the term's do).
        case sentenceBreak
    }

    /// Everything in one region of ``storage`` (a text is split for every scan, and five
    /// arrays were five allocations, copies and releases): the folded scalars of every word, one
    /// after another; the scalars as written, parallel to them, when kept; where each word's
    /// scalars start (from 0, so a word's bounds index the folded scalars directly), and one
    /// more bound, the end; each word's offset in the text, in Unicode scalars from its start;
    /// each word's ``Joint``. Each part starts where the largest text of as many bytes would
    /// need it to (``room(forBytes:keepingWritten:)``).
    private let storage: TokenStorage
    /// The number of words.
    let count: Int
    /// The number of folded scalars.
    private let scalarCount: Int
    /// Whether the scalars as written were kept (for `case: exact` entries and do-not-translate
    /// names).
    let keepsWritten: Bool
    /// Where the folded scalars, the written ones, the bounds, the offsets and the joints start
    /// in ``storage``.
    private let foldedBase: Int
    private let writtenBase: Int
    private let boundsBase: Int
    private let offsetsBase: Int
    private let jointsBase: Int

    /// Splits `text` into words, keeping the scalars as written too when `keepingWritten`, in
    /// storage of their own.
    init(_ text: String, keepingWritten: Bool = true) {
        var storage = TokenStorage?.none
        self.init(text, keepingWritten: keepingWritten, storage: &storage)
    }

    /// Splits `text` into words, keeping the scalars as written too when `keepingWritten`, after
    /// the tokens already in `storage` when it has room, else in a new storage left there: the
    /// tokens of the texts of one exhibit share one allocation, and the next exhibit's reuse it
    /// when none of them is kept (``TokenStorage/reusable(_:room:)``).
    ///
    /// Reads the text's UTF-8 bytes and decodes the scalars itself (a string's bytes are valid
    /// UTF-8): every source text and many translations are split, and `String.UnicodeScalarView`
    /// took most of the time. The tests hold it to a plain reading of `text.unicodeScalars`.
    init(_ text: String, keepingWritten: Bool, storage: inout TokenStorage?) {
        let split = { (bytes: UnsafeBufferPointer<UInt8>, storage: inout TokenStorage?) in
            let room = Self.room(forBytes: bytes.count, keepingWritten: keepingWritten)
            return TermTokens(
                utf8: bytes, keepingWritten: keepingWritten, in: TokenStorage.reusable(&storage, room: room))
        }
        // A native string's bytes are read in place; others (bridged, or a substring's) once copied.
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ split($0, &storage) }) {
            self = tokens
        } else {
            var text = text
            text.makeContiguousUTF8()
            self = text.utf8.withContiguousStorageIfAvailable { split($0, &storage) }!
        }
    }

    /// The values ``init(utf8:keepingWritten:in:)`` may write for a text of `count` bytes: a
    /// scalar per byte (twice when the written ones are kept), a word per two bytes.
    private static func room(forBytes count: Int, keepingWritten: Bool) -> Int {
        let wordCapacity = count / 2 + 1
        return count * (keepingWritten ? 2 : 1) + (wordCapacity + 1) + 2 * wordCapacity
    }

    /// ``init(_:keepingWritten:storage:)`` on the bytes of a string (valid UTF-8), in `storage`,
    /// which has room for ``room(forBytes:keepingWritten:)`` more values.
    ///
    /// Writes each part at the place the largest text of its length would need (a scalar per
    /// byte, a word per two bytes), and leaves it there: no capacity check per scalar, and no
    /// copy (the parts moved down to their lengths were a tenth of the split; a storage reused
    /// for every exhibit need not be small).
    private init(utf8 bytes: UnsafeBufferPointer<UInt8>, keepingWritten: Bool, in storage: TokenStorage) {
        // Where each part starts after the folded scalars.
        let written = keepingWritten ? bytes.count : 0
        let bounds = bytes.count + written
        let offsets = bounds + (bytes.count / 2 + 2)
        let joints = offsets + (bytes.count / 2 + 1)
        let room = Self.room(forBytes: bytes.count, keepingWritten: keepingWritten)
        var scalars = 0
        var words = 0
        let base = storage.end
        storage.append(upTo: room) { out in
            // Two copies of the loop, each knowing whether it keeps the written scalars: the
            // test for every scalar cost more than a tenth of the loop.
            (scalars, words) = Self.scalarTable.withUnsafeBufferPointer { table in
                keepingWritten
                    ? Self.split(
                        bytes, table: table, KeepingWritten.self, folded: out, written: out + written,
                        bounds: out + bounds, offsets: out + offsets, joints: out + joints)
                    : Self.split(
                        bytes, table: table, NotKeepingWritten.self, folded: out, written: out + written,
                        bounds: out + bounds, offsets: out + offsets, joints: out + joints)
            }
            return room
        }
        self.storage = storage
        count = words
        scalarCount = scalars
        keepsWritten = keepingWritten
        foldedBase = base
        writtenBase = base + written
        boundsBase = base + bounds
        offsetsBase = base + offsets
        jointsBase = base + joints
    }

    /// Whether ``split(_:table:_:folded:written:bounds:offsets:joints:)`` keeps the written
    /// scalars: a type, so that each case is compiled on its own without the test.
    private protocol WrittenScalars { static var areKept: Bool { get } }
    private enum KeepingWritten: WrittenScalars { static var areKept: Bool { true } }
    private enum NotKeepingWritten: WrittenScalars { static var areKept: Bool { false } }

    /// Splits `bytes` (valid UTF-8) into words, writing each part at its pointer (see
    /// ``init(utf8:keepingWritten:)``); the written scalars only when `Written` keeps them.
    /// Returns the number of scalars and of words.
    private static func split<Written: WrittenScalars>(
        _ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>, _: Written.Type,
        folded foldedOut: UnsafeMutablePointer<UInt32>, written writtenOut: UnsafeMutablePointer<UInt32>,
        bounds boundsOut: UnsafeMutablePointer<UInt32>, offsets offsetsOut: UnsafeMutablePointer<UInt32>,
        joints jointsOut: UnsafeMutablePointer<UInt32>
    ) -> (scalars: Int, words: Int) {
        let keepingWritten = Written.areKept
        var scalars = 0
        var words = 0
        boundsOut[0] = 0
        var offset: UInt32 = 0
        // What came since the last word ended.
        var gap = Gap.other
        // Whether a sentence mark (``isSentenceMark(_:)``) came since the last word ended.
        var sentenceMark = false
        var index = 0
        let end = bytes.count
        // Between words, one scalar at a time; a scalar that starts a word runs the inner loop
        // over the word's letters to the first scalar that is not one (read again out here).
        while index < end {
            let (value, length) = Self.scalar(at: index, in: bytes)
            let entry = value < Self.tableSize ? table[Int(value)] : Self.entry(value)
            guard entry & Self.wordOutsideWord != 0 else {
                // Most scalars between words (a space, a comma) join nothing: one bit says so.
                if entry & Self.joinsOrEnds == 0 {
                    gap = .other
                } else {
                    gap = Self.gap(after: gap, value)
                    if Self.isSentenceMark(value) { sentenceMark = true }
                }
                offset &+= 1
                index &+= length
                continue
            }
            offsetsOut[words] = offset
            let joint: Joint =
                switch gap {
                case .hyphen, .closingQuoteAndHyphen: .hyphen
                case .apostrophe: .apostrophe
                case .nothing, .closingQuote, .other: sentenceMark ? .sentenceBreak : .separate
                }
            jointsOut[words] = UInt32(joint.rawValue)
            words &+= 1
            if keepingWritten { writtenOut[scalars] = value }
            foldedOut[scalars] = entry & Self.foldedMask
            scalars &+= 1
            offset &+= 1
            index &+= length
            while index < end {
                let (value, length) = Self.scalar(at: index, in: bytes)
                let entry = value < Self.tableSize ? table[Int(value)] : Self.entry(value)
                if entry & Self.wordInWord != 0 {
                    if keepingWritten { writtenOut[scalars] = value }
                    foldedOut[scalars] = entry & Self.foldedMask
                    scalars &+= 1
                } else if value != 0xAD {
                    break
                }
                // A soft hyphen inside a word, where a sign may break it: not one of its letters.
                offset &+= 1
                index &+= length
            }
            boundsOut[words] = UInt32(truncatingIfNeeded: scalars)
            gap = .nothing
            sentenceMark = false
        }
        return (scalars, words)
    }

    /// ``fold(_:)`` and ``isWordScalar(_:inWord:)`` of every scalar below ``tableSize`` (ASCII,
    /// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic…), worked out once: one look-up per
    /// scalar of every text instead of their range tests. It holds every scalar of one or two
    /// UTF-8 bytes, so a Cyrillic letter is looked up without a test of its value.
    private static let scalarTable: [UInt32] = (0..<tableSize).map(entry)
    private static let tableSize: UInt32 = 0x800
    /// Bits of a ``scalarTable`` entry: the folded scalar; whether the scalar belongs to a
    /// word outside a word (starting one) and inside one; whether it may join words or end a
    /// sentence (a hyphen, an apostrophe, a closing quote, a sentence mark: ``gap(after:_:)``
    /// and ``isSentenceMark(_:)`` tell which).
    private static let foldedMask: UInt32 = 0x1F_FFFF
    private static let joinsOrEnds: UInt32 = 1 << 29
    private static let wordOutsideWord: UInt32 = 1 << 30
    private static let wordInWord: UInt32 = 1 << 31

    /// The ``scalarTable`` entry of `value`.
    private static func entry(_ value: UInt32) -> UInt32 {
        let joinsOrEnds =
            gap(after: .nothing, value) != .other || gap(after: .closingQuote, value) != .other || isSentenceMark(value)
        return fold(value) | (joinsOrEnds ? Self.joinsOrEnds : 0)
            | (isWordScalar(value, inWord: false) ? wordOutsideWord : 0)
            | (isWordScalar(value, inWord: true) ? wordInWord : 0)
    }

    /// Whether the scalar `value` belongs to a word: a letter or digit, or a combining mark
    /// inside a word. ASCII and Cyrillic are decided here; other scalars by ``TextWords``.
    @inline(__always)
    static func isWordScalar(_ value: UInt32, inWord: Bool) -> Bool {
        if value < 0x80 { return (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39) }
        if value >= 0x400 && value <= 0x4FF { return value <= 0x481 || value >= 0x48A || (inWord && value >= 0x483) }
        return isOtherWordScalar(value, inWord: inWord)
    }

    /// ``isWordScalar(_:inWord:)`` outside ASCII and Cyrillic.
    @inline(never)
    static func isOtherWordScalar(_ value: UInt32, inWord: Bool) -> Bool {
        let scalar = Unicode.Scalar(value).unsafelyUnwrapped
        return TextWords.isLetter(scalar) || (inWord && TextWords.isCombiningMark(scalar))
    }

    /// Whether `value` may end a sentence: a full stop, a question or exclamation mark, an
    /// ellipsis.
    @inline(__always)
    static func isSentenceMark(_ value: UInt32) -> Bool {
        value == 0x2E || value == 0x3F || value == 0x21 || value == 0x2026
    }

    /// The scalar starting at `index` in `bytes` (valid UTF-8) and its length in bytes.
    @inline(__always)
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12 | UInt32(bytes[index &+ 2] & 0x3F) << 6
                | UInt32(bytes[index &+ 3] & 0x3F),
            4
        )
    }

    /// What came between two words, so far: it tells how the next word is joined (``Joint``).
    private enum Gap: UInt8 {
        /// Nothing yet: the previous word just ended.
        case nothing
        /// A hyphen right after the word.
        case hyphen
        /// An apostrophe right after the word.
        case apostrophe
        /// A closing quote right after the word.
        case closingQuote
        /// A closing quote and a hyphen (`«АЛЖИР»-дің`).
        case closingQuoteAndHyphen
        /// Anything else: the next word is separate.
        case other
    }

    /// The gap once `value` follows the gap `gap`.
    @inline(__always)
    private static func gap(after gap: Gap, _ value: UInt32) -> Gap {
        switch value {
        case 0x2D, 0x2010, 0x2011:  // hyphen-minus, hyphen, non-breaking hyphen
            return gap == .nothing ? .hyphen : gap == .closingQuote ? .closingQuoteAndHyphen : .other
        case 0x27, 0x2019, 0x2BC:  // apostrophes
            return gap == .nothing ? .apostrophe : .other
        case 0xBB, 0x201D, 0x22, 0x201C:  // closing quotes » ” " “
            return gap == .nothing || gap == .closingQuote ? .closingQuote : .other
        default:
            return .other
        }
    }

    /// Where word `index`'s folded scalars start in ``withScalars(_:)``'s `folded`; `index`
    /// may be ``count``, for the end of the last word.
    @inline(__always)
    func start(_ index: Int) -> Int { Int(value(boundsBase, index, below: count + 1)) }

    /// The offset of word `index` in the text, in Unicode scalars from its start.
    @inline(__always)
    func offset(_ index: Int) -> Int { Int(value(offsetsBase, index, below: count)) }

    /// How word `index` is joined to the word before it.
    @inline(__always)
    func joint(_ index: Int) -> Joint {
        Joint(rawValue: UInt8(truncatingIfNeeded: value(jointsBase, index, below: count)))!
    }

    /// Value `index` of the part at `base` in ``storage``, which has `limit` values.
    @inline(__always)
    private func value(_ base: Int, _ index: Int, below limit: Int) -> UInt32 {
        precondition(index >= 0 && index < limit, "no word \(index) in \(count) words")
        return storage.value(at: base + index)
    }

    /// The folded scalars of word `index`.
    func word(_ index: Int) -> [UInt32] {
        withScalars { folded, _, _ in Array(folded[start(index)..<start(index + 1)]) }
    }

    /// The written scalars of word `index` (the folded ones when the written were not kept).
    func writtenWord(_ index: Int) -> [UInt32] {
        withScalars { _, written, _ in Array(written[start(index)..<start(index + 1)]) }
    }

    /// The letters of word `index` in `letters` (the `folded` or `written` of
    /// ``withScalars(_:)``), in place.
    @inline(__always)
    func word(_ index: Int, in letters: UnsafeBufferPointer<UInt32>) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: letters[start(index)..<start(index + 1)])
    }

    /// The number of scalars of word `index`.
    @inline(__always)
    func length(_ index: Int) -> Int { start(index + 1) - start(index) }

    /// Runs `body` with the folded scalars of every word, the written ones (the folded ones when
    /// not kept) and the words' bounds, in place: each word's scalars lie from `bounds[index]`
    /// to `bounds[index + 1]` in both.
    @inline(__always)
    func withScalars<Result>(
        _ body: (
            _ folded: UnsafeBufferPointer<UInt32>, _ written: UnsafeBufferPointer<UInt32>,
            _ bounds: UnsafeBufferPointer<UInt32>
        ) -> Result
    ) -> Result {
        storage.withValues { all in
            body(
                UnsafeBufferPointer(rebasing: all[foldedBase..<(foldedBase + scalarCount)]),
                UnsafeBufferPointer(rebasing: all[writtenBase..<(writtenBase + scalarCount)]),
                UnsafeBufferPointer(rebasing: all[boundsBase...(boundsBase + count)]))
        }
    }

    /// A scalar folded for matching: lowercase, and `ё` as `е`. ASCII and Cyrillic are folded by
    /// range (every scalar of every text asks); other letters through `Character`.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value + 0x20 : value }
        if value >= 0x400 && value <= 0x4FF {
            if value >= 0x410 && value <= 0x42F { return value + 0x20 }
            if value == 0x401 || value == 0x451 { return 0x435 }  // Ё ё → е
            if value < 0x410 { return value + 0x50 }
            if value < 0x460 { return value }
            if value == 0x4C0 { return 0x4CF }
            if (value >= 0x460 && value <= 0x481) || (value >= 0x48A && value <= 0x4BF) || value >= 0x4D0 {
                return value | 1
            }
            if value >= 0x4C1 && value <= 0x4CE { return value & 1 == 1 ? value + 1 : value }
            return value
        }
        return foldOther(value)
    }

    /// ``fold(_:)`` for scalars outside ASCII and Cyrillic.
    @inline(never)
    static func foldOther(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }

    /// The folded scalars of a whole term's words, for building the index.
    static func foldedWords(of term: String) -> [[UInt32]] {
        let tokens = TermTokens(term)
        return (0..<tokens.count).map { tokens.word($0) }
    }
}

/// Memory for the tokens (``TermTokens``) and matches (``TermMatches``) of texts scanned one
/// after another: each text's take the next region, and keep the storage alive. The texts of an
/// exhibit share one storage, and the next exhibit's reuse it once none of the earlier ones is
/// kept: arrays per text were two allocations and releases for every text scanned, and fresh
/// memory to fault in and fill.
final class TokenStorage: @unchecked Sendable {
    /// The values; the regions below ``used`` belong to tokens and matches, written once and then
    /// only read (so they may be read from any thread).
    private let values: UnsafeMutablePointer<UInt32>
    /// How many values there is room for.
    private let capacity: Int
    /// How many values are given out; only the code that holds the storage for the texts it
    /// scans (``reusable(_:room:)``, ``append(upTo:_:)``) changes it.
    private var used = 0

    private init(capacity: Int) {
        values = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit { values.deallocate() }

    /// The largest storage made for more room than one text needs (4 MB): a storage doubles
    /// while it fills, up to this.
    private static let largestSpare = 1 << 20

    /// A storage with room for `room` more values: `storage`, emptied first when nothing else
    /// refers to it (the tokens made in it are gone), if it has the room; else a new one, left in
    /// `storage`.
    static func reusable(_ storage: inout TokenStorage?, room: Int) -> TokenStorage {
        if isKnownUniquelyReferenced(&storage) { storage?.used = 0 }
        if let current = storage, current.capacity - current.used >= room { return current }
        let spare = min(2 * (storage?.capacity ?? 0), largestSpare)
        let new = TokenStorage(capacity: max(room, spare))
        storage = new
        return new
    }

    /// Where the next region will start.
    var end: Int { used }

    /// Lets `write` write up to `room` values at the end and keeps the number it returns.
    func append(upTo room: Int, _ write: (UnsafeMutablePointer<UInt32>) -> Int) {
        precondition(capacity - used >= room, "no room for \(room) values")
        let written = write(values + used)
        precondition(written >= 0 && written <= room, "\(written) values written into room for \(room)")
        used += written
    }

    /// The value at `index`, in a region given out (the tokens and the matches check their own
    /// indices, so this does not).
    @inline(__always)
    func value(at index: Int) -> UInt32 { values[index] }

    /// Runs `body` with every value in place (those of the regions given out, and the others).
    @inline(__always)
    func withValues<Result>(_ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        withExtendedLifetime(self) { body(UnsafeBufferPointer(start: values, count: capacity)) }
    }
}

extension TermTokens {
    /// The words of `match` as written in `text` (the text these tokens were made from), with
    /// what stands between them.
    func text(of match: TermIndex.Match, in text: String) -> String {
        let lastWord = match.firstWord + match.wordCount - 1
        let first = offset(match.firstWord)
        let lastStart = offset(lastWord)
        var text = text
        text.makeContiguousUTF8()
        // Scalar offsets to byte offsets: a scalar starts at every byte that is not 10xxxxxx.
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var scalar = 0
            var start = bytes.count
            var end = bytes.count
            // The last word's letters still to pass (its soft hyphens are not among them).
            var letters = length(lastWord)
            for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
                if scalar == first { start = index }
                if scalar >= lastStart {
                    if letters == 0 {
                        end = index
                        break
                    }
                    let isSoftHyphen = bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xAD
                    if !isSoftHyphen { letters -= 1 }
                }
                scalar += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }!
    }

    /// ``text(of:in:)`` as a message quotes it: a term that a line break or several spaces
    /// split in the caption file reads with one space (“Арки скорби”, not “Арки\nскорби”), so
    /// the message, and a baseline entry made of it, do not change when the text is re-wrapped.
    func quotedText(of match: TermIndex.Match, in text: String) -> String {
        self.text(of: match, in: text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
