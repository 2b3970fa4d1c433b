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

    /// The folded scalars of every word, one after another.
    private(set) var folded: [UInt32] = []
    /// The scalars as written, parallel to ``folded`` (for `case: exact` entries and
    /// do-not-translate names), or empty when not asked for.
    private(set) var written: [UInt32] = []
    /// Where each word's scalars start in ``folded``; one more element than words, the end.
    private(set) var bounds: [Int32] = [0]
    /// Each word's offset in the text, in Unicode scalars from its start.
    private(set) var offsets: [Int32] = []
    /// How each word is joined to the previous one.
    private(set) var joints: [Joint] = []

    /// The number of words.
    var count: Int { offsets.count }

    /// Splits `text` into words, keeping the scalars as written too when `keepingWritten`.
    ///
    /// Reads the text's UTF-8 bytes and decodes the scalars itself (a string's bytes are valid
    /// UTF-8): every source text and many translations are split, and `String.UnicodeScalarView`
    /// took most of the time. The tests hold it to a plain reading of `text.unicodeScalars`.
    init(_ text: String, keepingWritten: Bool = true) {
        var text = text
        text.makeContiguousUTF8()
        self = text.utf8.withContiguousStorageIfAvailable { TermTokens(utf8: $0, keepingWritten: keepingWritten) }!
    }

    /// ``init(_:keepingWritten:)`` on the bytes of a string (valid UTF-8).
    ///
    /// Writes into buffers of the largest size the text can need (a scalar per byte, a word
    /// per two bytes) and copies them into the arrays at the end: no capacity check per scalar.
    /// The five buffers are parts of one allocation (a text is split for every scan).
    private init(utf8 bytes: UnsafeBufferPointer<UInt8>, keepingWritten: Bool) {
        let scalarCapacity = bytes.count
        let wordCapacity = bytes.count / 2 + 1
        // Four-byte elements first, the one-byte joints last: every part stays aligned.
        let fourByteCount = scalarCapacity * (keepingWritten ? 2 : 1) + (wordCapacity + 1) + wordCapacity
        let scratch = UnsafeMutableRawPointer.allocate(
            byteCount: 4 * fourByteCount + wordCapacity, alignment: MemoryLayout<UInt32>.alignment)
        defer { scratch.deallocate() }
        let foldedOut = scratch.bindMemory(to: UInt32.self, capacity: scalarCapacity)
        let writtenOut = (scratch + 4 * scalarCapacity).bindMemory(
            to: UInt32.self, capacity: keepingWritten ? scalarCapacity : 0)
        let boundsStart = 4 * scalarCapacity * (keepingWritten ? 2 : 1)
        let boundsOut = (scratch + boundsStart).bindMemory(to: Int32.self, capacity: wordCapacity + 1)
        let offsetsOut = (scratch + boundsStart + 4 * (wordCapacity + 1)).bindMemory(
            to: Int32.self, capacity: wordCapacity)
        let jointsOut = (scratch + 4 * fourByteCount).bindMemory(to: Joint.self, capacity: wordCapacity)
        var scalars = 0
        var words = 0
        boundsOut[0] = 0
        var offset: Int32 = 0
        // What came since the last word ended: 0 nothing, 1 hyphen, 2 apostrophe, 3 closing quote,
        // 4 a closing quote and a hyphen, 5 anything else.
        var gap = 5
        // Whether a sentence mark (``isSentenceMark(_:)``) came since the last word ended.
        var sentenceMark = false
        var index = 0
        let end = bytes.count
        let table = Self.scalarTable
        // Between words, one scalar at a time; a scalar that starts a word runs the inner loop
        // over the word's letters to the first scalar that is not one (read again out here).
        while index < end {
            let (value, length) = Self.scalar(at: index, in: bytes)
            let entry = value < Self.tableSize ? table[Int(value)] : Self.entry(value)
            guard entry & Self.wordOutsideWord != 0 else {
                gap = Self.gap(after: gap, value)
                if Self.isSentenceMark(value) { sentenceMark = true }
                offset &+= 1
                index &+= length
                continue
            }
            offsetsOut[words] = offset
            jointsOut[words] =
                switch gap {
                case 1, 4: .hyphen
                case 2: .apostrophe
                default: sentenceMark ? .sentenceBreak : .separate
                }
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
            boundsOut[words] = Int32(truncatingIfNeeded: scalars)
            gap = 0
            sentenceMark = false
        }
        folded = Array(UnsafeBufferPointer(start: foldedOut, count: scalars))
        if keepingWritten { written = Array(UnsafeBufferPointer(start: writtenOut, count: scalars)) }
        bounds = Array(UnsafeBufferPointer(start: boundsOut, count: words + 1))
        offsets = Array(UnsafeBufferPointer(start: offsetsOut, count: words))
        joints = Array(UnsafeBufferPointer(start: jointsOut, count: words))
    }

    /// ``fold(_:)`` and ``isWordScalar(_:inWord:)`` of every scalar below ``tableSize`` (ASCII,
    /// Latin, Greek, Cyrillic), worked out once: one look-up per scalar of every text instead of
    /// their range tests.
    private static let scalarTable: [UInt32] = (0..<tableSize).map(entry)
    private static let tableSize: UInt32 = 0x500
    /// Bits of a ``scalarTable`` entry: the folded scalar, and whether the scalar belongs to a
    /// word outside a word (starting one) and inside one.
    private static let foldedMask: UInt32 = 0x1F_FFFF
    private static let wordOutsideWord: UInt32 = 1 << 30
    private static let wordInWord: UInt32 = 1 << 31

    /// The ``scalarTable`` entry of `value`.
    private static func entry(_ value: UInt32) -> UInt32 {
        fold(value) | (isWordScalar(value, inWord: false) ? wordOutsideWord : 0)
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

    /// The gap state after `value` (see ``init(_:)``).
    @inline(__always)
    private static func gap(after gap: Int, _ value: UInt32) -> Int {
        switch value {
        case 0x2D, 0x2010, 0x2011:  // hyphen-minus, hyphen, non-breaking hyphen
            return gap == 0 ? 1 : gap == 3 ? 4 : 5
        case 0x27, 0x2019, 0x2BC:  // apostrophes
            return gap == 0 ? 2 : 5
        case 0xBB, 0x201D, 0x22, 0x201C:  // closing quotes » ” " “
            return gap == 0 || gap == 3 ? 3 : 5
        default:
            return 5
        }
    }

    /// The folded scalars of word `index`.
    @inline(__always)
    func word(_ index: Int) -> ArraySlice<UInt32> {
        folded[Int(bounds[index])..<Int(bounds[index + 1])]
    }

    /// The written scalars of word `index` (the folded ones when the written were not kept).
    func writtenWord(_ index: Int) -> ArraySlice<UInt32> {
        written.isEmpty ? word(index) : written[Int(bounds[index])..<Int(bounds[index + 1])]
    }

    /// The number of scalars of word `index`.
    @inline(__always)
    func length(_ index: Int) -> Int { Int(bounds[index + 1] - bounds[index]) }

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
        return (0..<tokens.count).map { Array(tokens.word($0)) }
    }
}

extension TermTokens {
    /// The words of `match` as written in `text` (the text these tokens were made from), with
    /// what stands between them.
    func text(of match: TermIndex.Match, in text: String) -> String {
        let lastWord = match.firstWord + match.wordCount - 1
        let first = Int(offsets[match.firstWord])
        let lastStart = Int(offsets[lastWord])
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
