/// Text of simple scalars (``CharacterCount/isSimple(_:)``): already in NFC and one grapheme
/// cluster per scalar, decoded and encoded without Foundation.
///
/// Fast paths use this to skip Foundation's normalisation and grapheme counting for the
/// common caption text (ASCII, Latin-1, precomposed Cyrillic and Kazakh letters, dashes and
/// quotes). Anything else takes the slow, exact path.
enum SimpleScalars {
    /// The scalars of `text` when each is simple or a line feed, else `nil`. In such text every
    /// scalar is one character (a line feed only joins a preceding carriage return).
    static func scalarsOfSimpleLines(_ text: String) -> [Unicode.Scalar]? {
        var nothing = NoScalarVisitor()
        return scalarsOfSimpleLines(text, visiting: &nothing)
    }

    /// ``scalarsOfSimpleLines(_:)``, showing `visitor` the value of every scalar in order as it
    /// is decoded (up to the first one that is not simple).
    static func scalarsOfSimpleLines(_ text: String, visiting visitor: inout some ScalarVisitor) -> [Unicode.Scalar]? {
        var text = text
        // A local copy of the visitor, a local count and base address: through their addresses
        // they were loaded and stored again for every scalar (a byte store may alias them).
        var seen = visitor
        defer { visitor = seen }
        return text.withUTF8 { bytes in
            var isSimpleText = true
            // At most one scalar per byte; decoded straight into the array's storage.
            // The loop is written out rather than given to ``forEachScalarValue(in:_:)`` as a
            // closure: the closure was called, not inlined, for every scalar.
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                var index = 0
                var decoded = 0
                defer { count = decoded }
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    // ASCII and two-byte scalars (Cyrillic, Latin-1) tested by their own ranges of
                    // ``CharacterCount/isSimple(value:)``: fewer tests than the whole predicate.
                    if lead < 0x80 {
                        guard lead &- 0x20 < 0x7F - 0x20 || lead == 0x0A else {
                            isSimpleText = false
                            return
                        }
                        value = lead
                        index &+= 1
                    } else if lead >= 0xC0, lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                        guard isSimple(twoByteValue: value) else {
                            isSimpleText = false
                            return
                        }
                        index &+= 2
                    } else {
                        guard let other = nextScalarValue(in: bytes, at: &index), CharacterCount.isSimple(value: other)
                        else {
                            isSimpleText = false
                            return
                        }
                        value = other
                    }
                    // A simple value or a line feed is a valid scalar, which is its value's bits.
                    base[decoded] = unsafeBitCast(value, to: Unicode.Scalar.self)
                    decoded &+= 1
                    seen.visit(value)
                }
            }
            return isSimpleText ? scalars : nil
        }
    }

    /// ``CharacterCount/isSimple(value:)`` of a value of two UTF-8 bytes (U+0080 to U+07FF):
    /// Latin-1 from U+00A0 to U+02FF, and the Cyrillic U+0400–U+0482 and U+048A–U+052F.
    @inline(__always)
    static func isSimple(twoByteValue value: UInt32) -> Bool {
        value &- 0x400 <= 0x482 - 0x400 || value &- 0x48A <= 0x52F - 0x48A || value &- 0xA0 < 0x300 - 0xA0
    }

    /// Writes the UTF-8 bytes of `scalar` into `bytes` from `count` on, advancing `count` (there
    /// must be room for them). ASCII first, then two bytes: the commonest scalars take one or
    /// two tests. Called with a local count (not a stored one), the count stays in a register.
    @inline(__always)
    static func encodeUTF8(of scalar: Unicode.Scalar, into bytes: UnsafeMutablePointer<UInt8>, at count: inout Int) {
        let value = scalar.value
        if value < 0x80 {
            bytes[count] = UInt8(truncatingIfNeeded: value)
            count &+= 1
        } else if value < 0x800 {
            bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            bytes[count &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count &+= 2
        } else {
            for byte in scalar.utf8 {
                bytes[count] = byte
                count &+= 1
            }
        }
    }

    /// Calls `body` with the value and byte offset of each scalar of the valid UTF-8 `bytes` up
    /// to U+FFFF, in order, while it returns `true`.
    ///
    /// - Returns: `false` when `body` returned `false` or a scalar is above U+FFFF (four bytes;
    ///   never simple), else `true`.
    @inline(__always)
    static func forEachScalarValue(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32, Int) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let offset = index
            guard let value = nextScalarValue(in: bytes, at: &index), body(value, offset) else { return false }
        }
        return true
    }

    /// The value of the scalar of the valid UTF-8 `bytes` that starts at `index`, moving `index`
    /// past it; `nil` for a scalar above U+FFFF (four bytes; never simple).
    @inline(__always)
    static func nextScalarValue(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32? {
        let lead = UInt32(bytes[index])
        switch lead {
        case 0..<0x80:
            index += 1
            return lead
        case 0xC0..<0xE0:
            defer { index += 2 }
            return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 0xE0..<0xF0:
            defer { index += 3 }
            return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        default:
            return nil
        }
    }
}

/// Sees the values of scalars one by one, in order (``SimpleScalars/scalarsOfSimpleLines(_:visiting:)``).
protocol ScalarVisitor {
    mutating func visit(_ value: UInt32)
}

/// A ``ScalarVisitor`` that does nothing.
struct NoScalarVisitor: ScalarVisitor {
    @inline(__always)
    func visit(_ value: UInt32) {}
}

extension String {
    /// The parts of the text between occurrences of the ASCII byte `separator`: what
    /// `utf8.split(separator:omittingEmptySubsequences:)` gives, as substrings, without the
    /// generic code. An ASCII byte is a whole scalar, so every part is whole scalars.
    func parts(separatedBy separator: UInt8, omittingEmpty: Bool) -> [Substring] {
        precondition(separator < 0x80, "not an ASCII byte")
        var text = self
        // The byte offsets of the parts, found in the contiguous UTF-8 storage.
        let ranges = text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == separator {
                if !omittingEmpty || start < offset { ranges.append(start..<offset) }
                start = offset + 1
            }
            if !omittingEmpty || start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
        }
    }
}
