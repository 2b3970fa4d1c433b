import Foundation

/// XML documents in UTF-16 (as some Windows translation tools save XLIFF), made UTF-8 before
/// anything reads them, so that the DOCTYPE scan (``PrologScanner``), the positions
/// (``ByteLocator``) and libxml2 all read one encoding.
///
/// The conversion is lossless: every character of valid UTF-16 is kept, and an unpaired
/// surrogate or a byte left over is a located error rather than a replacement character. The
/// encoding declaration (`encoding="UTF-16"`) is blanked with spaces of the same length, which
/// keeps the columns of line 1; libxml2 then reads the bytes as the UTF-8 they are.
enum UTF16Input {
    /// The byte order of UTF-16 text.
    enum ByteOrder {
        case littleEndian, bigEndian
    }

    /// The byte order when `bytes` is UTF-16: a byte order mark (FF FE or FE FF), or, without
    /// one, an XML declaration's `<?` in UTF-16; `nil` otherwise.
    static func byteOrder(of bytes: UnsafeRawBufferPointer) -> ByteOrder? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE):
            // FF FE 00 00 is the byte order mark of UTF-32 (UCS-4), which libxml2 could read
            // and this reader refuses (XMLDeclaration.refusedEncoding).
            return bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0 ? nil : .littleEndian
        case (0xFE, 0xFF): return .bigEndian
        default: break
        }
        guard bytes.count >= 4 else { return nil }
        if bytes[0] == 0x3C, bytes[1] == 0, bytes[2] == 0x3F, bytes[3] == 0 { return .littleEndian }
        if bytes[0] == 0, bytes[1] == 0x3C, bytes[2] == 0, bytes[3] == 0x3F { return .bigEndian }
        return nil
    }

    /// The UTF-8 bytes of the UTF-16 document `bytes` (byte order mark left out, encoding
    /// declaration blanked).
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` at the line and column (in characters,
    ///   lines ended by CR LF, LF or CR) of an unpaired surrogate or of an odd last byte.
    static func utf8(_ bytes: UnsafeRawBufferPointer, order: ByteOrder, path: String) throws(CaptionError) -> Data {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(order == .littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 3 / 2)
        var line = 1
        var column = 1
        var afterCR = false
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                output.append(contentsOf: UTF8.encode(scalar)!)
                if scalar == "\r" || (scalar == "\n" && !afterCR) {
                    line += 1
                    column = 1
                } else if scalar != "\n" {
                    column += 1
                }
                afterCR = scalar == "\r"
            case .emptyInput:
                break decoding
            case .error:
                throw .invalidInput(
                    SourceLocation(path: path, line: line, column: column),
                    "the file is UTF-16 but has an unpaired surrogate here; it cannot be read without losing text")
            }
        }
        if bytes.count % 2 == 1 {
            throw .invalidInput(
                SourceLocation(path: path, line: line, column: column),
                "the file is UTF-16 but ends in half a character (an odd number of bytes); it is cut short")
        }
        blankEncodingDeclaration(&output)
        return Data(output)
    }

    /// Replaces `encoding="…"` in the XML declaration at the start of `bytes` with spaces.
    static func blankEncodingDeclaration(_ bytes: inout [UInt8]) {
        guard let range = XMLDeclaration.encodingRange(in: bytes)?.whole else { return }
        // Line breaks inside the declaration stay, so the lines after it keep their numbers.
        for position in range where bytes[position] != 0x0A && bytes[position] != 0x0D {
            bytes[position] = 0x20
        }
    }
}
