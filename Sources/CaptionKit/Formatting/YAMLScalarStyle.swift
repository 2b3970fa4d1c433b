/// How `captions fmt` writes one text value: the YAML scalar style that keeps it exactly.
///
/// - A literal block (`|`) when asked for and safe: no leading or trailing line break, no line
///   that starts with a space or tab or ends with one, no invisible or control characters.
///   The loader removes the block's final line break, so the text loads back unchanged.
/// - A plain scalar when safe: one line, no leading or trailing spaces, no YAML indicator at
///   the start, no `: ` or ` #` inside, no invisible or control characters, and not a word
///   YAML reads as a number, yes/no or null.
/// - Otherwise a double-quoted scalar on one line, with `\n`, `\t`, `\"`, `\\` and `\uXXXX`
///   escapes for control and invisible characters (zero-width spaces become visible as
///   `\u200B`).
enum YAMLScalarStyle {
    /// Characters a plain scalar may not start with.
    static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "~",
    ]

    /// Whether `scalar` must be written as an escape: controls (except line feed and tab),
    /// YAML 1.1 line breaks, byte order marks, zero-width characters and non-characters.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0xFEFF, 0x200B...0x200D, 0x2060, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Whether `text` can be written as a plain scalar after `key: ` (or as a key).
    ///
    /// - Parameter asKey: Keys are always read as text, so words such as `yes` or `123` are
    ///   plain-safe as keys but not as values.
    static func isPlainSafe(_ text: String, asKey: Bool = false) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            !indicators.contains(first), first != " ", first != "\t", last != " ", last != "\t", last != ":"
        else { return false }
        if !asKey && YAMLReader.plainScalarKind(text) != .text { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        return !text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || needsEscape($0) }
    }

    /// Whether `text` can be written as a literal block whose content loads back unchanged.
    static func isLiteralSafe(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("\n"), !text.hasSuffix("\n") else { return false }
        if text.unicodeScalars.contains(where: { $0 == "\r" || needsEscape($0) }) { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t" { return false }
            if let last = line.last, last == " " || last == "\t" { return false }
        }
        return true
    }

    /// `text` as a double-quoted scalar on one line.
    static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{85}": output += "\\N"
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += scalar.value <= 0xFF
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A literal block: `|`, a line break, then every line indented by `indent` spaces (empty
    /// lines stay empty, so no line ends with spaces).
    static func literalBlock(_ text: String, indent: Int) -> String {
        let prefix = String(repeating: " ", count: indent)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return "|\n" + lines.map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }

    /// `text` as a key: plain when safe, else double-quoted.
    static func key(_ text: String) -> String {
        isPlainSafe(text, asKey: true) ? text : doubleQuoted(text)
    }
}
