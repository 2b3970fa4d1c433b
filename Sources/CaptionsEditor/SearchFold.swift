#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Case-insensitive search over caption texts without building lowercased copies of them.
///
/// Folds per scalar, by arithmetic, the letters captions use: ASCII, Latin-1, Cyrillic with the
/// Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І). Other scalars are compared as they are.
enum SearchFold {
    /// The lowercase of `scalar` for the scripts above; `scalar` itself otherwise.
    static func fold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x0410...0x042F: return value + 0x20
        case 0x0400...0x040F: return value + 0x50
        case 0x04C0: return 0x04CF
        case 0x04C1...0x04CE: return value & 1 == 1 ? value + 1 : value
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x04FF: return value & 1 == 0 ? value + 1 : value
        default: return value
        }
    }

    /// The folded UTF-8 of `text` appended to `output`: byte by byte, decoding only the two-byte
    /// sequences (Latin-1 and Cyrillic letters) that may fold.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    output.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    index += 1
                } else if byte >= 0xC2 && byte <= 0xD3 && index + 1 < bytes.count {
                    let value = fold(UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                    output.append(UInt8(0xC0 | value >> 6))
                    output.append(UInt8(0x80 | value & 0x3F))
                    index += 2
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
    }

    /// The folded UTF-8 of `text` (for the search words).
    static func folded(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        append(text, to: &output)
        return output
    }

    /// The position in `needle` of the byte likely rarest in caption text: not a Cyrillic lead
    /// byte, a space or a common ASCII letter when there is another.
    static func rarestByte(_ needle: UnsafeRawBufferPointer) -> Int {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case 0xD0, 0xD1: return 100
            case 0x20: return 60
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "n"),
                UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "s"):
                return 30
            case 0xB0, 0xB5, 0xBE, 0xB8, 0x82, 0x80: return 20  // the second bytes of а е о и т р
            case 0x61...0x7A: return 15
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
                // memchr finds each place of the needle's rarest byte at memory speed (the lead byte
                // of a Cyrillic letter is in every other byte of Russian or Kazakh text: never that
                // one); memcmp compares the whole needle there.
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
