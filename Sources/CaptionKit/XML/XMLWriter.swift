internal import CLibXML2
import Foundation

/// Writes an XML document with libxml2's `xmlTextWriter`: UTF-8, a double-quoted XML
/// declaration, two-space indentation, correct escaping, and a final newline.
///
/// Output is deterministic: the same calls give the same bytes. Element and attribute names are
/// the caller's constants; text and attribute values may be anything and are escaped.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    /// Starts a document.
    ///
    /// - Parameter indent: Indent nested elements (text content is never re-indented).
    init(indent: Bool = true) {
        buffer = xmlBufferCreateSize(1 << 16)
        // libxml2 2.9 grows buffers to the exact size by default: one `realloc` per 4 KB the
        // writer flushes. Doubling keeps a 175 MB document to a few dozen.
        xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString {
                xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
            }
        }
        _ = xmlTextWriterSetQuoteChar(writer, UInt8(ascii: "\""))
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32) {
        if result < 0 { failed = true }
    }

    private func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// Opens an element.
    func start(_ name: String) {
        check(withXMLChars(name) { xmlTextWriterStartElement(writer, $0) })
    }

    /// Adds an attribute to the element just opened.
    func attribute(_ name: String, _ value: String) {
        check(withXMLChars(name) { name in withXMLChars(value) { xmlTextWriterWriteAttribute(writer, name, $0) } })
    }

    /// Writes escaped text content.
    func text(_ value: String) {
        check(withXMLChars(value) { xmlTextWriterWriteString(writer, $0) })
    }

    /// Closes the innermost open element (as `<a/>` when it has no content).
    func end() {
        check(xmlTextWriterEndElement(writer))
    }

    /// Closes the innermost element with an explicit end tag, even when it is empty.
    func endFull() {
        check(xmlTextWriterFullEndElement(writer))
    }

    /// Writes `<name attributes>text</name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String? = nil) {
        start(name)
        for (key, attributeValue) in attributes { attribute(key, attributeValue) }
        if let value { text(value) }
        end()
    }

    /// Writes an XML comment.
    func comment(_ value: String) {
        check(withXMLChars(value) { xmlTextWriterWriteComment(writer, $0) })
    }

    /// Closes every open element and returns the document's bytes, ending in one newline.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` if libxml2 reported a failure.
    func finish(path: String = "XML") throws(CaptionError) -> Data {
        check(xmlTextWriterEndDocument(writer))
        check(xmlTextWriterFlush(writer))
        let length = Int(xmlBufferLength(buffer))
        guard !failed, let content = xmlBufferDetach(buffer) else {
            throw .unwritable(path: path, reason: "libxml2 could not write the XML document")
        }
        // End in exactly one newline. The buffer holds `length + 1` bytes (a final NUL), so
        // the newline always fits; the bytes are handed to `Data` without a copy.
        var count = length
        while count > 0, content[count - 1] == UInt8(ascii: "\n") { count -= 1 }
        content[count] = UInt8(ascii: "\n")
        return Data(
            bytesNoCopy: content, count: count + 1, deallocator: .custom { pointer, _ in captions_xmlFree(pointer) })
    }
}
