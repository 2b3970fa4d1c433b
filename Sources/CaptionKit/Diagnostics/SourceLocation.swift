/// A position in a source file, rendered as `path:line:column`.
///
/// Lines and columns are 1-based. The column counts Unicode scalars from the start of the line
/// (the unit libyaml and Yams report), so `ә` or `—` each advance it by one. A location with
/// `line == 0` means "the file as a whole" and renders as just the path.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file path as the user named it (relative paths stay relative).
    public var path: String
    /// The 1-based line, or 0 when the location is the whole file.
    public var line: Int
    /// The 1-based column in Unicode scalars, or 0 when unknown.
    var column: Int

    /// Creates a location.
    init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, `path:line` or `path`, depending on what is known.
    public var description: String {
        if line <= 0 { return path }
        if column <= 0 { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    /// Orders by path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}

extension SourceLocation {
    /// The compiler-style line editors and CI annotators read: `path:line:col: severity: message`.
    ///
    /// It is one line whatever the message quotes: a line feed or carriage return in it (a YAML
    /// key may hold one) is written `\n` or `\r`, as a backslash and a letter, and any other
    /// control character as `\u` and its code (``visibleControls(_:)``).
    public func line(_ severity: Severity, _ message: String) -> String {
        "\(self): \(severity.rawValue): \(Self.oneLine(message))"
    }

    /// `text` with each line feed and carriage return written as `\n` and `\r`, and the other
    /// control characters as ``visibleControls(_:)`` writes them.
    static func oneLine(_ text: String) -> String {
        let text = visibleControls(text)
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// `text` with every control character but tab, line feed and carriage return (C0, DEL and
    /// C1) written as `\u` and four hex digits: an escape character a message quotes from a
    /// file would otherwise act on the terminal or CI log, an invisible one would make
    /// `'ti\u0001tle'` read as `'title'`, and XML reports (JUnit) cannot hold them at all.
    static func visibleControls(_ text: String) -> String {
        func isHidden(_ scalar: Unicode.Scalar) -> Bool { Normalization.isControl(scalar) && scalar != "\r" }
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
