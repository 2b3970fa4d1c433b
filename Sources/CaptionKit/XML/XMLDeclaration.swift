/// The encoding of an XML document as libxml2 would settle it, checked before anything scans
/// the bytes: the DOCTYPE scan (``PrologScanner``) and the positions (``ByteLocator``) read
/// UTF-8, so a document libxml2 would read in another encoding (through iconv, from its XML
/// declaration, or UCS-4 and EBCDIC from its first bytes) is refused rather than scanned as
/// something it is not.
enum XMLDeclaration {
    /// The encodings read as they are: UTF-8 and its subset US-ASCII (compared ignoring case).
    /// UTF-16 is converted to UTF-8 before this check and its declaration blanked
    /// (``UTF16Input``).
    static let readEncodings: Set<String> = ["UTF-8", "UTF8", "US-ASCII", "ASCII"]

    /// The byte ranges of the `encoding` pseudo-attribute of the XML declaration at the start
    /// of `bytes` (after a UTF-8 byte order mark, if any): the whole `encoding="…"` and the
    /// value inside the quotes; `nil` when there is no XML declaration or it names no encoding.
    ///
    /// The declaration is read as libxml2 reads it, pseudo-attribute by pseudo-attribute
    /// (`name S? = S? "value"`), so a quoted value that contains `encoding=` is not taken for it.
    static func encodingRange<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> (
        whole: Range<Int>, value: Range<Int>
    )? where Bytes.Index == Int {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes.dropFirst(start).starts(with: Array("<?xml".utf8)) else { return nil }
        var cursor = PrologCursor(bytes: bytes, index: start + 5)
        guard cursor.isSpace(at: cursor.index) else { return nil }
        while true {
            cursor.skipSpace()
            let name = cursor.word(stoppingAt: "=?")
            guard !name.isEmpty else { return nil }  // `?>`, or something libxml2 rejects
            cursor.skipSpace()
            guard cursor.current == UInt8(ascii: "=") else { return nil }
            cursor.index += 1
            cursor.skipSpace()
            guard let value = cursor.literal() else { return nil }
            if bytes[name].elementsEqual("encoding".utf8) {
                return (name.lowerBound..<cursor.index, value)
            }
        }
    }

    /// Why `bytes` (UTF-8 from here on, UTF-16 already converted) cannot be read: a UCS-4 or
    /// EBCDIC signature in the first four bytes, or an XML declaration naming an encoding
    /// other than UTF-8 or US-ASCII; with the byte offset to report.
    static func refusedEncoding<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> (
        offset: Int, message: String
    )? where Bytes.Index == Int {
        let first = Array(bytes.prefix(4))
        if first.count == 4 {
            // XML 1.0 Appendix F: `<` in any of the four UCS-4 byte orders, or a UCS-4 byte
            // order mark; `<?xm` in EBCDIC. libxml2 reads both.
            let ucs4: [[UInt8]] = [
                [0, 0, 0, 0x3C], [0x3C, 0, 0, 0], [0, 0, 0x3C, 0], [0, 0x3C, 0, 0],
                [0, 0, 0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0, 0, 0xFF, 0xFE], [0xFE, 0xFF, 0, 0],
            ]
            if ucs4.contains(first) { return (0, message(for: "UTF-32 (UCS-4)")) }
            if first == [0x4C, 0x6F, 0xA7, 0x94] { return (0, message(for: "EBCDIC")) }
        }
        guard let range = encodingRange(in: bytes) else { return nil }
        let value = bytes[range.value]
        let name = String(decoding: value.prefix(40), as: UTF8.self) + (value.count > 40 ? "…" : "")
        if ["US-ASCII", "ASCII"].contains(name.uppercased()),
            let high = bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0).firstIndex(where: { $0 >= 0x80 })
        {
            // libxml2 would stop at the first such byte with words about something else.
            let advice =
                String(validating: bytes, as: UTF8.self) != nil
                ? "the file is UTF-8: change the declaration to encoding=\"UTF-8\""
                : "save the file as UTF-8 and change the declaration to encoding=\"UTF-8\""
            return (
                high,
                "the XML declaration says encoding=\"\(name)\", but the file has the byte \(hex(bytes[high])) here, "
                    + "which is not ASCII; \(advice)"
            )
        }
        if readEncodings.contains(name.uppercased()) { return nil }
        if ["UTF-16", "UTF16"].contains(name.uppercased()) {
            return (
                range.whole.lowerBound,
                "the XML declaration says UTF-16 but the file is not UTF-16 (it has no UTF-16 byte order mark); "
                    + "save it as UTF-8"
            )
        }
        return (range.whole.lowerBound, message(for: name))
    }

    /// A byte as `0xE9`.
    static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// The offset of the first byte of `bytes` that is not part of valid UTF-8, or `nil`.
    static func firstInvalidUTF8Offset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func message(for encoding: String) -> String {
        "the file is in \(encoding); XLIFF and TBX files are read in UTF-8 or UTF-16 (save it as UTF-8)"
    }
}
