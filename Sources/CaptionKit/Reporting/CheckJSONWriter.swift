import Dispatch

/// Writes the `captions check` JSON document directly, byte for byte as
/// ``JSONReporter/encode(_:)`` (Foundation's `JSONEncoder`, pretty-printed, sorted keys,
/// slashes unescaped) would, without Codable's per-value boxing: a 50,000-exhibit collection
/// has ~90,000 findings, and the encoder spent a quarter of a second single-threaded on them.
///
/// The layout rules it reproduces: two-space indentation, `"key" : value`, keys in code-point
/// order, absent optionals left out, an empty array as `[`, a blank line and `]`, integral
/// doubles without a fraction. The one difference: `percent` always has one decimal (`100.0`),
/// as ``JSONReporter/percentsWithOneDecimal(_:)`` makes the encoder's `100`. Tests compare it
/// with `JSONEncoder` on tricky strings.
struct CheckJSONWriter {
    private var bytes: [UInt8] = []
    /// For each open object or array, innermost last: whether it has an element yet.
    private var containers: [Bool] = []

    /// The document's JSON text, ending in a newline.
    static func text(_ document: JSONReporter.Document) -> String {
        var writer = CheckJSONWriter()
        writer.bytes.reserveCapacity(512 + document.diagnostics.count * 400)
        writer.write(document)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The JSON text of `document` with `diagnostics` as its findings (the document's own
    /// ``JSONReporter/Document/diagnostics`` are left out): the same bytes as ``text(_:)`` for the
    /// document that holds them.
    ///
    /// The findings are converted and written in chunks of `chunkSize` on all cores, each chunk
    /// by a writer placed inside the document's object and its `diagnostics` array (after a
    /// finding, for every chunk but the first); the chunks' bytes are then joined in order.
    static func text(_ document: JSONReporter.Document, findings diagnostics: [Diagnostic], chunkSize: Int = 2048)
        -> String
    {
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[UInt8]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var writer = CheckJSONWriter()
            writer.containers = [true, chunk > 0]
            let range = (chunk * chunkSize)..<min((chunk + 1) * chunkSize, diagnostics.count)
            writer.bytes.reserveCapacity(range.count * 400)
            for index in range {
                writer.nextElement()
                writer.write(JSONReporter.finding(diagnostics[index]))
            }
            slots.set(chunk, writer.bytes)
        }
        let parts = slots.takeValues()
        var writer = CheckJSONWriter()
        writer.bytes.reserveCapacity(512 + parts.reduce(0) { $0 + $1.count })
        writer.write(document, writtenFindings: parts)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Writes `document`; with `writtenFindings`, those bytes (findings written as elements of
    /// the `diagnostics` array) stand for its findings.
    private mutating func write(_ document: JSONReporter.Document, writtenFindings: [[UInt8]]? = nil) {
        begin("{")
        field("collection", document.collection)
        key("diagnostics")
        if let writtenFindings {
            begin("[")
            for part in writtenFindings where !part.isEmpty {
                bytes.append(contentsOf: part)
                containers[containers.count - 1] = true
            }
            end("]")
        } else {
            array(document.diagnostics) { $0.write($1) }
        }
        key("summary")
        write(document.summary)
        field("version", document.version)
        end("}")
    }

    private mutating func write(_ summary: JSONReporter.Summary) {
        begin("{")
        field("accepted", summary.accepted)
        field("errors", summary.errors)
        field("exhibits", summary.exhibits)
        key("languages")
        array(summary.languages) { writer, language in
            writer.begin("{")
            writer.field("language", language.language)
            writer.field("missing", language.missing)
            writer.key("percent")
            writer.oneDecimal(language.percent)
            writer.field("sameAsSource", language.sameAsSource)
            writer.field("total", language.total)
            writer.field("translated", language.translated)
            writer.end("}")
        }
        field("notes", summary.notes)
        field("unreadable", summary.unreadable)
        field("warnings", summary.warnings)
        end("}")
    }

    private mutating func write(_ finding: JSONReporter.Finding) {
        begin("{")
        field("check", finding.check)
        field("column", finding.column)
        field("exhibit", finding.exhibit)
        field("field", finding.field)
        field("language", finding.language)
        field("line", finding.line)
        field("message", finding.message)
        key("notes")
        array(finding.notes) { writer, note in
            writer.begin("{")
            writer.field("column", note.column)
            writer.field("line", note.line)
            writer.field("message", note.message)
            writer.field("path", note.path)
            writer.end("}")
        }
        field("path", finding.path)
        field("severity", finding.severity)
        end("}")
    }

    // MARK: Layout

    /// Opens an object (`{`) or array (`[`).
    private mutating func begin(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        containers.append(false)
    }

    /// Closes the innermost object or array on a line of its own; an empty one gets an empty
    /// line inside (`[`, blank line, `]`), as `JSONEncoder` writes it.
    private mutating func end(_ bracket: Unicode.Scalar) {
        if containers.removeLast() == false { bytes.append(UInt8(ascii: "\n")) }
        newline()
        bytes.append(UInt8(ascii: bracket))
    }

    /// Starts the next element of the innermost object or array: `,` after an earlier one,
    /// then a newline and the indentation.
    private mutating func nextElement() {
        if containers[containers.count - 1] { bytes.append(UInt8(ascii: ",")) }
        containers[containers.count - 1] = true
        newline()
    }

    /// A newline and two spaces per open object or array.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * containers.count))
    }

    /// `"name" : ` as the next element of the innermost object.
    private mutating func key(_ name: String) {
        nextElement()
        string(name)
        bytes.append(contentsOf: " : ".utf8)
    }

    private mutating func array<Element>(
        _ elements: [Element], _ writeElement: (inout CheckJSONWriter, Element) -> Void
    ) {
        begin("[")
        for element in elements {
            nextElement()
            writeElement(&self, element)
        }
        end("]")
    }

    // MARK: Fields and values

    private mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// Nothing when `value` is `nil`: `JSONEncoder` leaves absent optionals out.
    private mutating func field(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    private mutating func field(_ name: String, _ value: Int) {
        key(name)
        integer(value)
    }

    private mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    private mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A percentage with exactly one decimal (`100.0`, `97.5`, `0.0`), so that it is read as the
    /// same type whatever its value (``JSONReporter/percentsWithOneDecimal(_:)``).
    private mutating func oneDecimal(_ value: Double) {
        bytes.append(contentsOf: JSONReporter.oneDecimal(value).utf8)
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

    /// Whether `value` has a byte that JSON escapes: a control character, `"` or `\`.
    private static func needsEscape(_ value: String) -> Bool {
        let found = value.utf8.withContiguousStorageIfAvailable { bytes in
            // Counted over the whole value, without a branch per byte (escapes are rare).
            var hits: UInt8 = 0
            for byte in bytes {
                hits |=
                    (byte < 0x20 ? 1 : 0) | (byte == UInt8(ascii: "\"") ? 1 : 0) | (byte == UInt8(ascii: "\\") ? 1 : 0)
            }
            return hits != 0
        }
        return found ?? value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\t`, `\r`, `\b`,
    /// `\f` or `\u00XX`; everything else (slashes, non-ASCII) as it is.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Nearly every value needs no escape: copy its bytes at once.
        if !Self.needsEscape(value) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
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
