import Foundation

/// Writes text as a YAML scalar that loads back to exactly the same string.
///
/// Chooses, in order: a literal block (`|`) for multi-line text, or one-line text longer than
/// ``blockThreshold`` characters, that a block can carry unchanged; a plain scalar for one-line text that no YAML
/// reader could take for anything
/// else; otherwise a double-quoted scalar with escapes. Caption loading removes the final line
/// break of block scalars, so text that ends in a line break is always double-quoted.
enum YAMLScalarWriter {
    /// How a value is written after its key.
    enum Rendering: Equatable {
        /// On the key's line: `kk: value`.
        case inline(String)
        /// A literal block: `kk: |` then these lines, to be indented deeper than the key.
        /// Empty lines stay empty (no trailing indentation).
        case literalBlock([String])
    }

    /// One-line caption texts longer than this (in characters) are written as blocks, so that
    /// `captions import` and `captions fmt` write the same text the same way.
    static let blockThreshold = 80

    /// The rendering of `text` for a value in block context (`flow` = inside `{ ... }`).
    ///
    /// - Parameter blockWhenLong: Write long one-line text as a block (caption texts); `false`
    ///   keeps one-line text on the key's line (notes).
    static func render(_ text: String, inFlow flow: Bool = false, blockWhenLong: Bool = true) -> Rendering {
        let wantsBlock =
            contains(text, "\n", else: { text.contains("\n") }) || (blockWhenLong && isLongerThanBlockThreshold(text))
        if !flow, wantsBlock, canBeLiteralBlock(text) {
            return .literalBlock(blockLines(text))
        }
        if !flow, canBePlain(text) { return .inline(text) }
        return .inline(doubleQuoted(text))
    }

    /// `text.count > blockThreshold`, counting only as many characters as needed.
    private static func isLongerThanBlockThreshold(_ text: String) -> Bool {
        guard text.utf8.count > blockThreshold else { return false }  // a character takes at least a byte
        var count = 0
        for _ in text {
            count += 1
            if count > blockThreshold { return true }
        }
        return false
    }

    /// Whether `text` contains `needle` (ASCII characters none of which is part of any canonical
    /// decomposition) as `text.contains(needle)` (`slowAnswer`) says. Text without the needle's
    /// bytes cannot match; text without a CR, where the needle is `\n` alone, matches exactly
    /// when a LF is there (a LF is a character of its own); other text asks `slowAnswer`.
    private static func contains(_ text: String, _ needle: String, else slowAnswer: () -> Bool) -> Bool {
        let pattern = Array(needle.utf8)
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in contains(bytes, pattern) }
        if found == false { return false }
        if found == true, pattern == [0x0A],
            text.utf8.withContiguousStorageIfAvailable({ contains($0, [0x0D]) }) == false,
            everyLineBreakStandsAlone(text)
        {
            return true
        }
        return slowAnswer()
    }

    /// Whether `pattern` (not empty) occurs in `bytes`; candidates are found with memchr.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard let base = bytes.baseAddress, let first = pattern.first else { return false }
        var start = 0
        while start + pattern.count <= bytes.count,
            let hit = memchr(base + start, Int32(first), bytes.count - start - pattern.count + 1)
        {
            start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
            start += 1
        }
        return false
    }

    /// Whether every LF of `text` is followed by nothing, another LF or a scalar that starts a
    /// character on its own and could not be taken as part of the LF's cluster (printable ASCII,
    /// Latin, Cyrillic letters, common punctuation).
    private static func everyLineBreakStandsAlone(_ text: String) -> Bool {
        var afterLineBreak = false
        for scalar in text.unicodeScalars {
            if afterLineBreak {
                switch scalar.value {
                case 0x0A, 0x20...0x7E, 0xA0...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2116: break
                default: return false
                }
            }
            afterLineBreak = scalar == "\n"
        }
        return true
    }

    /// The lines of text that ``canBeLiteralBlock(_:)`` accepts. It holds no CR, so splitting at
    /// LF scalars is the same as splitting at `"\n"` characters.
    private static func blockLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
    }

    /// A mapping key or short token: plain when safe, double-quoted otherwise.
    static func key(_ text: String) -> String {
        canBePlain(text) && !text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) })
            ? text : doubleQuoted(text)
    }

    /// Whether every scalar is printable in YAML and not a line break other than `\n`.
    private static func isSafeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E: true
        case 0xA0...0xD7FF, 0xE000...0xFFFD: scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: true
        default: false  // controls, tab, CR, NEL, noncharacters
        }
    }

    /// Text a literal block keeps exactly and visibly: printable, no line starting with a space
    /// (the block's indentation would swallow it) or ending with one (invisible in an editor,
    /// and removed by editors that trim lines), no leading or final line break.
    static func canBeLiteralBlock(_ text: String) -> Bool {
        literalBlockAnswerFromBytes(text) ?? canBeLiteralBlockByCharacters(text)
    }

    /// ``canBeLiteralBlock(_:)`` on characters and scalars (the definition).
    static func canBeLiteralBlockByCharacters(_ text: String) -> Bool {
        guard !text.hasPrefix("\n"), !text.hasSuffix("\n") else { return false }
        guard text.unicodeScalars.allSatisfy(isSafeCharacter) else { return false }
        return !blockLines(text).contains { $0.hasPrefix(" ") || $0.hasSuffix(" ") }
    }

    /// ``canBeLiteralBlock(_:)`` decided on the UTF-8 bytes in one pass, or `nil` when a line
    /// starts with a space before a non-ASCII scalar or ends with one after a non-ASCII scalar
    /// (where grapheme clusters could join the space to its neighbour).
    ///
    /// An unsafe scalar, or a line break at either end, is decided at once: LF is always a
    /// character of its own, and a CR is unsafe anyway. A space at a line's edge next to ASCII
    /// (or nothing) is a character of its own, so the line has that prefix or suffix.
    static func literalBlockAnswerFromBytes(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            var undecided = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard byte == 0x0A || (byte >= 0x20 && byte < 0x7F) else { return false }
                    if byte == 0x20 {
                        let atLineStart = index == 0 || bytes[index - 1] == 0x0A
                        let atLineEnd = index == bytes.count - 1 || bytes[index + 1] == 0x0A
                        if atLineStart {
                            if index + 1 == bytes.count || bytes[index + 1] < 0x80 { return false }
                            undecided = true
                        }
                        if atLineEnd {
                            if index == 0 || bytes[index - 1] < 0x80 { return false }
                            undecided = true
                        }
                    }
                    index += 1
                    continue
                }
                // Multi-byte scalars: C1 controls (NEL...), U+2028, U+2029, U+FEFF, U+FFFE and
                // U+FFFF are unsafe; surrogates cannot appear in a String.
                if byte < 0xE0 {
                    guard index + 1 < bytes.count, !(byte == 0xC2 && bytes[index + 1] < 0xA0) else { return false }
                    index += 2
                } else if byte < 0xF0 {
                    guard index + 2 < bytes.count else { return false }
                    let scalar =
                        UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    if scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF || scalar >= 0xFFFE { return false }
                    index += 3
                } else {
                    index += 4
                }
            }
            if first == 0x0A || last == 0x0A { return false }
            return undecided ? nil : true
        }
    }

    /// One-line text that every YAML reader loads as this very string.
    static func canBePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard text.unicodeScalars.allSatisfy({ isSafeCharacter($0) && $0 != "\n" }) else { return false }
        if first == " " || last == " " || last == ":" { return false }
        // Indicators, and characters that start numbers or dates in YAML 1.1 readers.
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789=<~".unicodeScalars.contains(first) { return false }
        if contains(text, ": ", else: { text.contains(": ") }) || contains(text, " #", else: { text.contains(" #") }) {
            return false
        }
        return YAMLReader.plainScalarKind(text) == .text
    }

    /// `text` as a double-quoted scalar on one line.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default:
                if isSafeCharacter(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    result += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    result += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
