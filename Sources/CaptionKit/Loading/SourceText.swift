import Foundation

/// Decoding of caption and config files: UTF-8 only, a leading BOM accepted and dropped.
enum SourceText {
    /// Why bytes could not be decoded, and where.
    struct DecodingFailure: Error, Sendable {
        /// The 1-based line and column (in Unicode scalars) of the first invalid byte.
        var line: Int
        /// See ``line``.
        var column: Int
        /// The invalid byte's 0-based offset in the file.
        var byteOffset: Int
        /// The encoding the file's byte order mark names, when it names UTF-16 (Windows
        /// Notepad's "Unicode") or UTF-32.
        var savedAs: OtherEncoding?

        /// The message for the file: that it is not UTF-8, and for UTF-16 or UTF-32 how to save it.
        var message: String {
            switch savedAs {
            case .utf16:
                "file is not valid UTF-8 text: it is saved as UTF-16 (Windows Notepad calls it \"Unicode\"); "
                    + "save it as UTF-8"
            case .utf32: "file is not valid UTF-8 text: it is saved as UTF-32; save it as UTF-8"
            case nil: "file is not valid UTF-8 text"
            }
        }
    }

    /// An encoding a byte order mark names that caption files are not in.
    enum OtherEncoding: Sendable {
        case utf16, utf32

        /// The encoding whose byte order mark `bytes` start with. UTF-32 little-endian's
        /// (`FF FE 00 00`) begins with UTF-16 little-endian's, so it is looked for first.
        init?(byteOrderMarkOf bytes: Data.SubSequence) {
            if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
                self = .utf32
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                self = .utf16
            } else {
                return nil
            }
        }
    }

    /// Decodes `data` as UTF-8, dropping a leading byte order mark.
    ///
    /// - Throws: ``DecodingFailure`` pointing at the first byte that is not valid UTF-8.
    static func decode(_ data: Data) throws(DecodingFailure) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // A file in another encoding is wrong from its first byte (UTF-32 big-endian's mark
        // starts with two bytes that are valid UTF-8).
        if let encoding = OtherEncoding(byteOrderMarkOf: bytes) {
            throw DecodingFailure(line: 1, column: 1, byteOffset: 0, savedAs: encoding)
        }
        throw locateInvalidByte(in: bytes)
    }

    /// Finds the first invalid UTF-8 sequence and converts its offset to line and column.
    private static func locateInvalidByte(in bytes: Data.SubSequence) -> DecodingFailure {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return DecodingFailure(line: line, column: column, byteOffset: offset)
            case .error:
                return DecodingFailure(line: line, column: column, byteOffset: offset)
            }
        }
    }

    /// Converts a 0-based UTF-8 byte offset in `text` to a 1-based line and scalar column.
    static func lineAndColumn(ofByteOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
