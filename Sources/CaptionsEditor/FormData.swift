import Foundation

/// The fields of a submitted form (`application/x-www-form-urlencoded` or `multipart/form-data`).
struct FormData: Sendable {
    /// Field name → values, in the order sent.
    var values: [String: [String]] = [:]
    /// Uploaded files: field name → (file name, bytes).
    var files: [String: (fileName: String, bytes: Data)] = [:]

    /// The first value of `name`.
    subscript(name: String) -> String? { values[name]?.first }

    /// Parses a URL-encoded body (`+` is a space; `%XX` bytes; invalid UTF-8 is refused).
    init(urlEncoded body: String) throws {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            values[name, default: []].append(Self.normalizeLineBreaks(value))
        }
    }

    init() {}

    /// Parses a `multipart/form-data` body with `boundary`.
    init(multipart body: Data, boundary: String) throws {
        let delimiter = Data(("--" + boundary).utf8)
        let bytes = [UInt8](body)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        let pattern = [UInt8](delimiter)
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                if let start {
                    // The part ends with CRLF before the delimiter.
                    var end = index
                    if end >= 2, bytes[end - 2] == 0x0D, bytes[end - 1] == 0x0A { end -= 2 }
                    if start <= end { parts.append(bytes[start..<end]) }
                }
                index += pattern.count
                if index + 1 < bytes.count, bytes[index] == 0x2D, bytes[index + 1] == 0x2D { break }
                // Skip the line break after the delimiter.
                if index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A { index += 2 }
                start = index
                continue
            }
            index += 1
        }
        guard !parts.isEmpty || bytes.isEmpty else { throw FormError.malformed }
        for part in parts {
            guard let split = Self.headerEnd(part) else { throw FormError.malformed }
            let header = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            let content = part[(split + 4)...]
            var name: String?
            var fileName: String?
            for line in header.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            guard let name else { throw FormError.malformed }
            if let fileName {
                files[name] = (fileName, Data(content))
            } else {
                guard let value = String(validating: Array(content), as: UTF8.self) else { throw FormError.malformed }
                values[name, default: []].append(Self.normalizeLineBreaks(value))
            }
        }
    }

    /// The offset of the blank line (CRLF CRLF) ending a part's headers.
    private static func headerEnd(_ part: ArraySlice<UInt8>) -> Int? {
        var index = part.startIndex
        while index + 3 < part.endIndex {
            if part[index] == 0x0D, part[index + 1] == 0x0A, part[index + 2] == 0x0D, part[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The quoted `name="value"` parameter of a header line.
    private static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(name + "=") else { continue }
            var value = String(trimmed.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// Textareas send CRLF; captions use LF.
    private static func normalizeLineBreaks(_ text: String) -> String {
        text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// Decodes `+` and `%XX` of one URL-encoded name or value.
    private static func decode(_ encoded: Substring) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.utf8.count)
        var iterator = encoded.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw FormError.malformed
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FormError.malformed }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// A form that cannot be read.
enum FormError: Error {
    case malformed
}

/// The query parameters of a request path.
func queryParameters(_ query: String?) -> FormData {
    guard let query, !query.isEmpty else { return FormData() }
    return (try? FormData(urlEncoded: query)) ?? FormData()
}
