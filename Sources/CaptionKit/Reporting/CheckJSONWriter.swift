/// Writes the `captions check` JSON document directly, byte for byte as
/// ``JSONReporter/encode(_:)`` (Foundation's `JSONEncoder`, pretty-printed, sorted keys,
/// slashes unescaped) would, without Codable's per-value boxing: a 50,000-exhibit collection
/// has ~90,000 findings, and the encoder spent a quarter of a second single-threaded on them.
///
/// The layout rules it reproduces: two-space indentation, `"key" : value`, keys in code-point
/// order, absent optionals left out, an empty array as `[`, a blank line and `]`, integral
/// doubles without a fraction. Tests compare it with `JSONEncoder` on tricky strings.
struct CheckJSONWriter {
    private var bytes: [UInt8] = []

    /// The document's JSON text, ending in a newline.
    static func text(_ document: JSONReporter.Document) -> String {
        var writer = CheckJSONWriter()
        writer.bytes.reserveCapacity(512 + document.diagnostics.count * 400)
        writer.write(document)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private mutating func write(_ document: JSONReporter.Document) {
        open("{")
        key("collection", level: 1, first: true)
        string(document.collection)
        key("diagnostics", level: 1)
        array(document.diagnostics, level: 1) { writer, finding in writer.write(finding, level: 2) }
        key("summary", level: 1)
        write(document.summary, level: 1)
        key("version", level: 1)
        integer(document.version)
        close("}", level: 0)
    }

    private mutating func write(_ summary: JSONReporter.Summary, level: Int) {
        open("{")
        key("errors", level: level + 1, first: true)
        integer(summary.errors)
        key("exhibits", level: level + 1)
        integer(summary.exhibits)
        key("languages", level: level + 1)
        array(summary.languages, level: level + 1) { writer, language in
            writer.open("{")
            writer.key("language", level: level + 3, first: true)
            writer.string(language.language)
            writer.key("missing", level: level + 3)
            writer.integer(language.missing)
            writer.key("percent", level: level + 3)
            writer.number(language.percent)
            writer.key("total", level: level + 3)
            writer.integer(language.total)
            writer.key("translated", level: level + 3)
            writer.integer(language.translated)
            writer.close("}", level: level + 2)
        }
        key("notes", level: level + 1)
        integer(summary.notes)
        key("warnings", level: level + 1)
        integer(summary.warnings)
        close("}", level: level)
    }

    private mutating func write(_ finding: JSONReporter.Finding, level: Int) {
        open("{")
        key("check", level: level + 1, first: true)
        string(finding.check)
        key("column", level: level + 1)
        integer(finding.column)
        if let exhibit = finding.exhibit {
            key("exhibit", level: level + 1)
            string(exhibit)
        }
        if let field = finding.field {
            key("field", level: level + 1)
            string(field)
        }
        if let language = finding.language {
            key("language", level: level + 1)
            string(language)
        }
        key("line", level: level + 1)
        integer(finding.line)
        key("message", level: level + 1)
        string(finding.message)
        key("notes", level: level + 1)
        array(finding.notes, level: level + 1) { writer, note in
            writer.open("{")
            writer.key("column", level: level + 3, first: true)
            writer.integer(note.column)
            writer.key("line", level: level + 3)
            writer.integer(note.line)
            writer.key("message", level: level + 3)
            writer.string(note.message)
            writer.key("path", level: level + 3)
            writer.string(note.path)
            writer.close("}", level: level + 2)
        }
        key("path", level: level + 1)
        string(finding.path)
        key("severity", level: level + 1)
        string(finding.severity)
        close("}", level: level)
    }

    // MARK: Layout

    private mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
    }

    /// A newline and `level` indentation, then `bracket`.
    private mutating func close(_ bracket: Unicode.Scalar, level: Int) {
        newline(level: level)
        bytes.append(UInt8(ascii: bracket))
    }

    private mutating func newline(level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// `,` (unless first), a newline, the indentation and `"name" : `.
    private mutating func key(_ name: String, level: Int, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(level: level)
        string(name)
        bytes.append(contentsOf: " : ".utf8)
    }

    /// `[`, the elements each on their own line at `level + 1`, `]`; an empty array is `[`,
    /// an empty line and `]`, as `JSONEncoder` writes it.
    private mutating func array<Element>(
        _ elements: [Element], level: Int, _ writeElement: (inout CheckJSONWriter, Element) -> Void
    ) {
        open("[")
        if elements.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(level: level + 1)
            writeElement(&self, element)
        }
        close("]", level: level)
    }

    // MARK: Values

    private mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A double as `JSONEncoder` writes it: integral values without a fraction (`100`),
    /// others in their shortest round-trip form (`94.5`).
    private mutating func number(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\t`, `\r`, `\b`,
    /// `\f` or `\u00XX`; everything else (slashes, non-ASCII) as it is.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
