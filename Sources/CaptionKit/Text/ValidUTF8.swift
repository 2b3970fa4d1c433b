/// Scalar-by-scalar reading of the UTF-8 bytes of a `String`, for the passes that look at every
/// scalar of every caption text.
///
/// A `String`'s bytes are valid UTF-8 (the standard library checks them when the string is
/// made), so decoding needs no error handling: the lead byte gives the length and the
/// continuation bytes the rest. Offsets are UTF-8 offsets from the start of the text.
enum ValidUTF8 {
    /// Calls `body` with the contiguous UTF-8 bytes of `text`.
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }

    /// The value of the scalar starting at `offset` (a lead byte) and its length in bytes.
    @inline(__always)
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F),
            4
        )
    }

    /// The scalar starting at `offset` and its length in bytes.
    @inline(__always)
    static func unicodeScalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
        scalar: Unicode.Scalar, length: Int
    ) {
        let (value, length) = scalar(at: offset, in: bytes)
        return (Unicode.Scalar(value).unsafelyUnwrapped, length)
    }

    /// The offset of the scalar that ends just before `offset` (which must be above 0).
    @inline(__always)
    static func start(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = offset - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
