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
        !forEach(in: bytes) { _ in false }
    }

    /// The number of soft hyphens in the UTF-8 bytes `bytes`.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEach(in: bytes) { _ in
            count += 1
            return true
        }
        return count
    }

    /// The byte ranges of the parts of `word` between its soft hyphens (empty parts left out).
    static func parts(of word: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        forEach(in: word) { offset in
            if start < offset { parts.append(start..<offset) }
            start = offset + 2
            return true
        }
        if start < word.count { parts.append(start..<word.count) }
        return parts
    }

    /// The text of the UTF-8 bytes `bytes` without their soft hyphens: a word as a reader sees it.
    static func removed(from bytes: UnsafeBufferPointer<UInt8>) -> String {
        var joined: [UInt8] = []
        join(parts(of: bytes)[...], of: bytes, into: &joined)
        return String(decoding: joined, as: UTF8.self)
    }

    /// Calls `body` with the offset of each soft hyphen in the UTF-8 bytes `bytes`, in order,
    /// while it returns true; returns whether every call did.
    @discardableResult
    private static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 1
        // memchr finds the second byte many bytes at a time; it also continues other scalars (Э).
        while offset < bytes.count, let found = memchr(base + offset, 0xAD, bytes.count - offset) {
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[offset - 1] == 0xC2, !body(offset - 1) { return false }
            offset += 1
        }
        return true
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
