#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Soft hyphens (U+00AD): where the curator allows a word to break on a sign. Unbroken, a word
/// is printed and measured without them, broken there its first part ends with a hyphen
/// (``LineBreaker``); a reader never sees one, so they are no characters of a text
/// (``CharacterCount/printed(_:)``) and do not split its words.
enum SoftHyphens {
    /// Whether the UTF-8 bytes `bytes` have a soft hyphen (C2 AD).
    static func occur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 1
        // memchr finds the second byte many bytes at a time; it also continues other scalars (Э).
        while offset < bytes.count, let found = memchr(base + offset, 0xAD, bytes.count - offset) {
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset - 1] == 0xC2 { return true }
            offset += 1
        }
        return false
    }

    /// The number of soft hyphens in the UTF-8 bytes `bytes`.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 1
        while offset < bytes.count, let found = memchr(base + offset, 0xAD, bytes.count - offset) {
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset - 1] == 0xC2 { count += 1 }
            offset += 1
        }
        return count
    }

    /// The byte ranges of the parts of `word` between its soft hyphens (empty parts left out).
    static func parts(of word: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        var offset = 0
        while offset + 1 < word.count {
            if word[offset] == 0xC2 && word[offset + 1] == 0xAD {
                if start < offset { parts.append(start..<offset) }
                offset += 2
                start = offset
            } else {
                offset += 1
            }
        }
        if start < word.count { parts.append(start..<word.count) }
        return parts
    }

    /// Whether `bytes` end with a hyphen: `-`, U+2010 or U+2011.
    static func endsWithHyphen(_ bytes: [UInt8]) -> Bool {
        if bytes.last == UInt8(ascii: "-") { return true }
        // U+2010 and U+2011 are E2 80 90 and E2 80 91.
        return bytes.count >= 3 && bytes[bytes.count - 3] == 0xE2 && bytes[bytes.count - 2] == 0x80
            && (bytes[bytes.count - 1] == 0x90 || bytes[bytes.count - 1] == 0x91)
    }

    /// Puts the bytes of `parts` of `word`, one after another, into `bytes`.
    static func join(_ parts: ArraySlice<Range<Int>>, of word: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        for part in parts { bytes.append(contentsOf: word[part]) }
    }
}
