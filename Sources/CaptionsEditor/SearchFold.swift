import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Case-insensitive search over caption texts, in a compact folded form built once per text.
///
/// Each scalar is folded to lowercase by arithmetic for the letters captions use (ASCII, Latin-1,
/// Cyrillic with the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І) and written as one byte when it is ASCII or
/// a Russian or Kazakh letter: half the bytes of UTF-8 for Cyrillic text, so half the memory and
/// half the scanning. Any other scalar is written as a marker byte (0xAB to 0xAD, by its UTF-8
/// length) followed by its UTF-8 payload moved into 0xC0–0xFF. A needle starts with a byte below
/// 0xC0, so it never matches from inside such a run: a match of the folded bytes is a match of
/// whole folded characters.
enum SearchFold {
    /// The lowercase of `scalar` for the scripts above, with ё read as е (Russian prints both for
    /// the same word) and the typographic and modifier apostrophes ’ ‘ ʼ as the keyboard's ';
    /// `scalar` itself otherwise.
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x0410...0x042F: return value + 0x20
        case 0x0401, 0x0451: return 0x0435
        case 0x2018, 0x2019, 0x02BC: return 0x27
        case 0x0400...0x040F: return value + 0x50
        case 0x04C0: return 0x04CF
        case 0x04C1...0x04CE: return value & 1 == 1 ? value + 1 : value
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x04FF: return value & 1 == 0 ? value + 1 : value
        default: return value
        }
    }

    /// The lowercase Russian and Kazakh letters written as one byte each, from 0x80 on.
    static let letters: [UInt32] =
        Array(0x0430...0x044F) + [0x0451, 0x04D9, 0x0493, 0x049B, 0x04A3, 0x04E9, 0x04B1, 0x04AF, 0x04BB, 0x0456]

    /// The byte of each scalar from U+0400 to U+04FF, or 0 for one that is not in ``letters``.
    static let cyrillicBytes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x100)
        for (index, letter) in letters.enumerated() { table[Int(letter - 0x400)] = UInt8(0x80 + index) }
        return table
    }()

    /// The marker byte before a scalar of `length` UTF-8 bytes (2 to 4) that is not one byte.
    static func marker(length: Int) -> UInt8 { 0xA9 + UInt8(length) }

    /// The folded form of `text` appended to `output`, byte by byte (the only scalars decoded are
    /// the two-byte ones, which may fold, and ‘ ’ are found by their bytes). Canonically
    /// equivalent spellings fold alike: a text with a scalar that Unicode normalisation could
    /// change or combine (a combining mark such as the U+0308 of a decomposed ё, pasted from a
    /// PDF) is folded in its composed form (NFC); ASCII, Latin-1, Russian and Kazakh letters and
    /// common punctuation need none, so nearly every caption is folded as it is.
    static func append(_ text: String, to output: inout [UInt8]) {
        let start = output.count
        if !appendComposed(text, to: &output) {
            output.removeSubrange(start...)
            _ = appendComposed(text.precomposedStringWithCanonicalMapping, to: &output, normalized: true)
        }
    }

    /// Whether a scalar of two UTF-8 bytes, `lead` and `next`, is one that normalisation leaves
    /// alone whatever stands beside it: below U+0300, or a Cyrillic letter (U+0400–U+04FF but
    /// the combining marks U+0483–U+0489).
    @inline(__always)
    static func isStable(lead: UInt8, next: UInt8) -> Bool {
        lead < 0xCC || (lead >= 0xD0 && lead <= 0xD3 && !(lead == 0xD2 && next >= 0x83 && next <= 0x89))
    }

    /// Whether a scalar of three UTF-8 bytes is punctuation normalisation leaves alone: U+2010–U+205E
    /// (dashes, quotes, …, ‰), a currency sign (U+20A0–U+20BF, ₸ among them) or №.
    @inline(__always)
    static func isStable(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        guard first == 0xE2 else { return false }
        switch second {
        case 0x80: return third >= 0x90
        case 0x81: return third <= 0x9E
        case 0x82: return third >= 0xA0
        case 0x84: return third == 0x96
        default: return false
        }
    }

    /// ``append(_:to:)`` of a text used as it is; `false` (with part of it appended) when it has
    /// a scalar normalisation might change and it is not `normalized` already.
    private static func appendComposed(_ text: String, to output: inout [UInt8], normalized: Bool = false) -> Bool {
        var text = text
        return cyrillicBytes.withUnsafeBufferPointer { table in
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        output.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                        index += 1
                        continue
                    }
                    // A String's UTF-8 is valid: a lead byte and its continuation bytes.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    // A folded letter of the table (or ASCII) is one normalisation leaves alone:
                    // only the other scalars are looked at (the common Cyrillic path costs nothing).
                    if length == 2 {
                        let value = fold(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                        if value < 0x80 {
                            output.append(UInt8(value))
                        } else if value >= 0x400, value < 0x500, table[Int(value - 0x400)] != 0 {
                            output.append(table[Int(value - 0x400)])
                        } else {
                            if !normalized, !isStable(lead: byte, next: bytes[index + 1]) { return false }
                            output.append(marker(length: 2))
                            output.append(0xC0 | UInt8(value >> 6))
                            output.append(0xC0 | UInt8(value & 0x3F))
                        }
                    } else if length == 3, byte == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0x98 {
                        output.append(UInt8(ascii: "'"))  // ‘ or ’
                    } else {
                        if !normalized, length == 4 || !isStable(byte, bytes[index + 1], bytes[index + 2]) {
                            return false
                        }
                        output.append(marker(length: length))
                        for offset in 0..<length { output.append(0xC0 | bytes[index + offset] & 0x3F) }
                    }
                    index += length
                }
                return true
            }
        }
    }

    /// The folded words of a search, `query` split at spaces, except inside double quotes ("…"
    /// or «…»), which make a phrase one word: an exhibit matches when its texts contain every
    /// word, in any order and any text.
    static func foldedWords(_ query: String) -> [[UInt8]] {
        var words: [String] = []
        var word = ""
        var quoted = false
        for character in query {
            switch character {
            case "\"", "«", "»", "“", "”", "„":
                quoted = character == "«" ? true : character == "»" ? false : !quoted
                if !word.isEmpty { words.append(word) }
                word = ""
            case _ where character.isWhitespace && !quoted:
                if !word.isEmpty { words.append(word) }
                word = ""
            default:
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.map(folded)
    }

    /// The folded form of `text` (for the search words).
    static func folded(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        append(text, to: &output)
        return output
    }

    /// The position in `needle` of the byte likely rarest in caption text: not a space or one of
    /// the commonest letters of Russian, Kazakh and English when there is another.
    static func rarestByte(_ needle: UnsafeRawBufferPointer) -> Int {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case 0x20: return 60
            // а е и н о р с т, and a e i o n t r s
            case 0x80, 0x85, 0x88, 0x8D, 0x8E, 0x90, 0x91, 0x92, UInt8(ascii: "a"), UInt8(ascii: "e"),
                UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"),
                UInt8(ascii: "s"):
                return 30
            case 0x61...0x7A, 0x80...0xA9: return 15
            default: return 10
            }
        }
        var best = needle.count - 1
        for index in needle.indices where commonness(needle[index]) < commonness(needle[best]) { best = index }
        return best
    }

    /// Whether the folded `haystack` contains `needle`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                // memchr finds each place of the needle's rarest byte at memory speed; memcmp
                // compares the whole needle there.
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                let anchor = rarestByte(pin)
                let byte = Int32(pin[anchor])
                var offset = anchor
                let last = hay.count - pin.count + anchor
                while offset <= last {
                    guard let found = memchr(hayStart + offset, byte, last - offset + 1) else { return false }
                    let at = hayStart.distance(to: UnsafeRawPointer(found))
                    if memcmp(hayStart + at - anchor, pinStart, pin.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
