import CLibXML2
import Foundation

@testable import CaptionKit

/// Validates an XML file against an XSD schema with libxml2's schema validator.
///
/// The tests check every export against the official OASIS XLIFF schemas with it. The
/// schema and the document are trusted local files: the schema's `xs:import`s are read from
/// local relative paths, and the document is read with the network off.
enum XMLSchemaValidator {
    /// The validation errors of `file` against the schema at `schemaPath`, as
    /// `file:line: message` lines; empty when the file is valid.
    ///
    /// - Throws: ``CaptionError/unreadable(path:reason:)`` when the schema cannot be loaded or
    ///   the file cannot be parsed.
    static func errors(validating file: String, schemaPath: String) throws(CaptionError) -> [String] {
        XMLStreamReader.lock.lock()
        defer { XMLStreamReader.lock.unlock() }
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        captions_xmlSilenceGenericErrors()
        xmlSetStructuredErrorFunc(context, collectSchemaError)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            captions_xmlRestoreGenericErrors()
        }
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw .unreadable(path: schemaPath, reason: "cannot open the schema")
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, collectSchemaError, context)
        guard let schema = xmlSchemaParse(parserContext) else {
            throw .unreadable(
                path: schemaPath, reason: "the schema does not load: \(collector.messages.joined(separator: "; "))")
        }
        defer { xmlSchemaFree(schema) }
        guard let document = xmlReadFile(file, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            throw .unreadable(path: file, reason: "not well-formed XML: \(collector.messages.joined(separator: "; "))")
        }
        defer { xmlFreeDoc(document) }
        guard let validationContext = xmlSchemaNewValidCtxt(schema) else {
            throw .unreadable(path: schemaPath, reason: "cannot create a validation context")
        }
        defer { xmlSchemaFreeValidCtxt(validationContext) }
        xmlSchemaSetValidStructuredErrors(validationContext, collectSchemaError, context)
        collector.messages = []
        let result = xmlSchemaValidateDoc(validationContext, document)
        if result != 0 && collector.messages.isEmpty { return ["\(file): invalid (libxml2 code \(result))"] }
        return collector.messages
    }

    fileprivate final class ErrorCollector {
        var messages: [String] = []
    }
}

private func collectSchemaError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<XMLSchemaValidator.ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    let message = (error.pointee.message.map { String(cString: $0) } ?? "error").trimmingCharacters(
        in: .whitespacesAndNewlines)
    let file = error.pointee.file.map { String(cString: $0) } ?? ""
    collector.messages.append("\(file):\(error.pointee.line): \(message)")
}
