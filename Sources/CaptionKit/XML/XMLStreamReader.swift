internal import CLibXML2
import Foundation

/// One attribute of an element, namespace declarations excluded.
struct XMLAttribute: Sendable, Equatable {
    /// The local name, e.g. `space` for `xml:space`.
    var name: String
    /// The namespace URI, empty when none.
    var namespace: String
    /// The value, with character references resolved.
    var value: String
}

/// What the streaming reader reports, in document order.
enum XMLEvent: Sendable, Equatable {
    /// An element starts (an empty element `<a/>` is followed by its ``end`` at once).
    case start(name: String, namespace: String, attributes: [XMLAttribute], location: SourceLocation)
    /// The innermost element ends.
    case end
    /// Character data (text, CDATA or whitespace), exactly as in the document.
    case text(String)
}

/// Reads untrusted XML with libxml2's streaming `xmlTextReader`, so memory stays flat however
/// large the file.
///
/// Safety rules (see Documentation/XLIFF.md, "Safety: untrusted XLIFF"): the network is off
/// (`XML_PARSE_NONET`); entities are never substituted and DTDs never loaded or validated; XInclude,
/// "huge" and recover modes are off;
/// a DOCTYPE with more than a name and an external identifier (an internal subset, where entities
/// are declared) is refused before libxml2 sees it, and the external DTD it names is never read;
/// every external entity load is refused while parsing; elements nested deeper than ``maximumDepth`` and attribute values
/// longer than ``maximumAttributeLength`` are refused. libxml2 prints nothing: its errors
/// arrive through the structured error handler and become one located ``CaptionError``.
/// Parsing is serialised with a lock because libxml2's error handlers are global state.
///
/// Locations are 1-based lines and columns in Unicode scalars. Element positions are computed
/// from the file's bytes (the `<` of the start tag), lines ended by CR LF, LF or a lone CR as
/// XML 1.0 §2.11 normalizes them; libxml2's own error positions are used as libxml2 reports
/// them (a file whose lines end in lone CRs is read with LFs for them, see ``LoneCRInput``, so
/// libxml2 counts its lines). UTF-16 files (with a byte order mark, or an XML declaration in
/// UTF-16) are read as UTF-8 (see ``UTF16Input``), so their positions count characters the
/// same way.
final class XMLStreamReader {
    /// The deepest element nesting accepted.
    static let maximumDepth = 64
    /// The longest attribute value accepted, in bytes.
    static let maximumAttributeLength = 1 << 20
    /// The default size limit for files (256 MB).
    static let defaultMaximumSize = 256 << 20

    /// Serialises every use of libxml2's global error handlers and entity loader (also taken
    /// by the tests' schema validator).
    static let lock = NSLock()

    private let reader: xmlTextReaderPtr
    private let path: String
    private let bytes: UnsafeRawBufferPointer
    private var locator: ByteLocator
    /// The first error libxml2 reported.
    fileprivate var firstError: (line: Int, column: Int, message: String)?
    /// Whether ``bytes`` is a file mapping whose parsed pages are dropped as reading goes on.
    private var releasesPages = false
    /// The end of the pages dropped so far.
    private var releasedUpTo = 0
    /// The attributes reported (all when `nil`).
    private var attributeNames: Set<String>?

    private init(reader: xmlTextReaderPtr, path: String, bytes: UnsafeRawBufferPointer) {
        self.reader = reader
        self.path = path
        self.bytes = bytes
        self.locator = ByteLocator(bytes: bytes)
    }

    deinit { xmlFreeTextReader(reader) }

    /// Reads the file at `path` (memory-mapped, guarded by ``MappedFileGuard``), calling
    /// `handler` for every event; text is reported only while `wantsText` says so (the
    /// handler ignores it elsewhere), and only the
    /// attributes named in `attributeNames` (all when `nil`; every value is still held to
    /// ``maximumAttributeLength``). With `textBytes`, text goes to it as UTF-8 bytes (valid only
    /// during the call) instead of to `handler` as strings.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` for a file over `maximumSize` bytes, a
    ///   DOCTYPE, malformed XML or limits exceeded; ``CaptionError/unreadable(path:reason:)``
    ///   when the file cannot be read; and whatever `handler` throws.
    static func read(
        path: String, maximumSize: Int = defaultMaximumSize, wantsText: () -> Bool = { true },
        attributeNames: Set<String>? = nil, textBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
        handler: (XMLEvent) throws(CaptionError) -> Void
    ) throws(CaptionError) {
        // Every check is made on the file actually opened, so it cannot be swapped in between.
        // O_NOFOLLOW: a symbolic link is refused, as before; O_NONBLOCK: opening a FIFO must not
        // wait for a writer (the type check then refuses it).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw .unreadable(
                path: path, reason: errno == ELOOP ? "not a regular file" : "no such file or permission denied")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: "cannot read the file") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let length = Int(status.st_size)
        guard length <= maximumSize else {
            throw .invalidInput(
                SourceLocation(path: path),
                "file is \(length) bytes, over the limit of \(maximumSize) bytes (raise it with --max-size)")
        }
        guard length > 0 else {
            return try parse(
                Data(), path: path, wantsText: wantsText, attributeNames: attributeNames, textBytes: textBytes,
                handler: handler)
        }
        // Mapped here rather than through Data, so that the pages already parsed can be handed
        // back (see `releasePages`): resident memory stays flat however large the file.
        guard let mapping = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
            mapping != UnsafeMutableRawPointer(bitPattern: -1)
        else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        defer { munmap(mapping, length) }
        // Another program may truncate the file meanwhile: the guard keeps that from killing
        // the process (SIGBUS), and what was read is then refused.
        guard let slot = MappedFileGuard.register(mapping, length: length) else {
            // Every guard is in use: read the bytes instead (a read never faults).
            var data = Data(count: length)
            let read = data.withUnsafeMutableBytes { buffer in
                var done = 0
                while done < length {
                    let got = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(done))
                    if got > 0 {
                        done += got
                    } else if got == 0 || errno != EINTR {
                        break
                    }
                }
                return done
            }
            data.count = read
            return try parse(
                data, path: path, wantsText: wantsText, attributeNames: attributeNames, textBytes: textBytes,
                handler: handler)
        }
        var failure: CaptionError?
        do throws(CaptionError) {
            try parse(
                UnsafeRawBufferPointer(start: mapping, count: length), path: path, isMapped: true, wantsText: wantsText,
                attributeNames: attributeNames, textBytes: textBytes, handler: handler)
        } catch {
            failure = error
        }
        if MappedFileGuard.unregister(slot) {
            throw .invalidInput(
                SourceLocation(path: path),
                "the file shrank while it was being read (another program changed it); try again when it is complete")
        }
        if let failure { throw failure }
    }

    /// Reads XML held in memory (used by ``read(path:maximumSize:handler:)`` and by tests).
    static func parse(
        _ data: Data, path: String, wantsText: () -> Bool = { true }, attributeNames: Set<String>? = nil,
        textBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, handler: (XMLEvent) throws(CaptionError) -> Void
    ) throws(CaptionError) {
        var failure: CaptionError?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            do throws(CaptionError) {
                try parse(
                    buffer, path: path, wantsText: wantsText, attributeNames: attributeNames, textBytes: textBytes,
                    handler: handler)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// - Parameter isMapped: `buffer` is a private read-only mapping of a file, whose pages can
    ///   be dropped once parsed (they would be read from the file again if touched).
    private static func parse(
        _ buffer: UnsafeRawBufferPointer, path: String, isMapped: Bool = false, wantsText: () -> Bool,
        attributeNames: Set<String>?, textBytes: ((UnsafeBufferPointer<UInt8>) -> Void)?,
        handler: (XMLEvent) throws(CaptionError) -> Void
    ) throws(CaptionError) {
        if let refusal = XMLDeclaration.refusedEncoding(in: buffer) {
            // Before any scan: the scans read UTF-8, libxml2 would read the encoding (see
            // XMLDeclaration). Checked again on UTF-16 made UTF-8, whose declaration is blanked.
            var locator = ByteLocator(bytes: buffer)
            throw .invalidInput(locator.location(ofOffset: refusal.offset, path: path), refusal.message)
        }
        if let order = UTF16Input.byteOrder(of: buffer) {
            // Read as UTF-8 from here on (see UTF16Input): positions, the DOCTYPE scan and libxml2.
            let converted: Data = try UTF16Input.utf8(buffer, order: order, path: path)
            return try parse(
                converted, path: path, wantsText: wantsText, attributeNames: attributeNames, textBytes: textBytes,
                handler: handler)
        }
        if let normalized = LoneCRInput.normalized(buffer) {
            // libxml2 counts lines at LF only: its own error positions need the lone CRs as LFs.
            return try parse(
                normalized, path: path, wantsText: wantsText, attributeNames: attributeNames, textBytes: textBytes,
                handler: handler)
        }
        if let doctype = PrologScanner.refusedDoctypeOffset(in: buffer) {
            var locator = ByteLocator(bytes: buffer)
            throw .invalidInput(locator.location(ofOffset: doctype, path: path), doctypeMessage)
        }
        guard buffer.count > 0, let base = buffer.baseAddress else {
            throw .invalidInput(
                SourceLocation(path: path, line: 1, column: 1), "file is empty; expected an XLIFF document")
        }
        guard buffer.count < Int(Int32.max) else {
            throw .invalidInput(SourceLocation(path: path), "file is too large for the XML reader")
        }
        lock.lock()
        defer { lock.unlock() }
        captions_xmlSilenceGenericErrors()
        xmlSetStructuredErrorFunc(nil, ignoreStructuredError)
        let previousLoader = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader(refuseExternalEntity)
        defer {
            xmlSetExternalEntityLoader(previousLoader)
            xmlSetStructuredErrorFunc(nil, nil)
            captions_xmlRestoreGenericErrors()
        }
        let options = Int32(XML_PARSE_NONET.rawValue)
        guard
            let pointer = xmlReaderForMemory(
                base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options)
        else {
            throw .invalidInput(SourceLocation(path: path), "libxml2 could not start reading the file")
        }
        let reader = XMLStreamReader(reader: pointer, path: path, bytes: buffer)
        reader.releasesPages = isMapped
        reader.attributeNames = attributeNames
        xmlTextReaderSetStructuredErrorHandler(pointer, collectError, Unmanaged.passUnretained(reader).toOpaque())
        try reader.run(wantsText: wantsText, textBytes: textBytes, handler)
    }

    static let doctypeMessage =
        """
        a DOCTYPE with an internal subset ([...]) is refused (it can declare entities that expand or read \
        local files); only a DOCTYPE that names an external DTD (<!DOCTYPE martif PUBLIC "..." "...">) is \
        accepted, and that DTD is never read
        """

    /// The read loop.
    private func run(
        wantsText: () -> Bool, textBytes: ((UnsafeBufferPointer<UInt8>) -> Void)?,
        _ handler: (XMLEvent) throws(CaptionError) -> Void
    ) throws(CaptionError) {
        var elementOffset = -1
        var open: [String] = []
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            guard status == 1, firstError == nil else { throw parseFailure(open: open) }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let depth = Int(xmlTextReaderDepth(reader))
                let localName = name(xmlTextReaderConstLocalName(reader))
                let qualifiedName = name(xmlTextReaderConstName(reader))
                elementOffset = locator.offset(ofStartTag: qualifiedName, after: elementOffset)
                let location = locator.location(ofOffset: elementOffset, path: path)
                if releasesPages, elementOffset - releasedUpTo > Self.releaseStep {
                    releasePages(before: elementOffset)
                }
                guard depth < Self.maximumDepth else {
                    throw .invalidInput(location, "elements are nested more than \(Self.maximumDepth) levels deep")
                }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                let attributes = try readAttributes(at: location)
                try handler(
                    .start(
                        name: localName, namespace: name(xmlTextReaderConstNamespaceUri(reader)),
                        attributes: attributes, location: location))
                if isEmpty { try handler(.end) } else { open.append(qualifiedName) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                open.removeLast()
                try handler(.end)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                guard wantsText() else { continue }
                let value = xmlTextReaderConstValue(reader)
                if let textBytes {
                    textBytes(
                        UnsafeBufferPointer(
                            start: value,
                            count: value.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0))
                } else {
                    try handler(.text(string(value)))
                }
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                // The prolog scan let through only a name and an external identifier; a DTD node
                // with declarations (entities, parameter entities, elements, attribute lists)
                // all the same is refused.
                if let node = xmlTextReaderCurrentNode(reader) {
                    let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self).pointee
                    if dtd.children != nil || dtd.entities != nil || dtd.pentities != nil || dtd.elements != nil
                        || dtd.attributes != nil
                    {
                        throw .invalidInput(
                            locator.location(ofOffset: max(elementOffset, 0), path: path), Self.doctypeMessage)
                    }
                }
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw .invalidInput(
                    locator.location(ofOffset: max(elementOffset, 0), path: path), "entity references are refused")
            default:
                continue  // comments, processing instructions, the XML declaration
            }
        }
        if firstError != nil { throw parseFailure(open: open) }
    }

    /// How far reading moves on between two releases of pages (bytes).
    private static let releaseStep = 4 << 20

    /// Drops the mapped pages well before `offset` from this process's memory; they stay in the
    /// page cache and are read again should anything touch them.
    private func releasePages(before offset: Int) {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset - Self.releaseStep / 2) / pageSize * pageSize
        guard end > releasedUpTo, let base = bytes.baseAddress else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + releasedUpTo), end - releasedUpTo, MADV_DONTNEED)
        releasedUpTo = end
    }

    private func readAttributes(at location: SourceLocation) throws(CaptionError) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return attributes }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let namespace = name(xmlTextReaderConstNamespaceUri(reader))
            if namespace == "http://www.w3.org/2000/xmlns/" { continue }
            // libxml2 hands out valid UTF-8, so its byte count is the String's.
            let value = xmlTextReaderConstValue(reader)
            guard
                value.map({ strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }) ?? 0
                    <= Self.maximumAttributeLength
            else {
                throw .invalidInput(location, "an attribute value is longer than \(Self.maximumAttributeLength) bytes")
            }
            let localName = name(xmlTextReaderConstLocalName(reader))
            if let attributeNames, !attributeNames.contains(localName) { continue }
            attributes.append(XMLAttribute(name: localName, namespace: namespace, value: string(value)))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    /// The error to report; an error at the last line with elements still open means the file
    /// was cut short, which libxml2's streaming parser words confusingly.
    private func parseFailure(open: [String]) -> CaptionError {
        guard let error = firstError else {
            return .invalidInput(SourceLocation(path: path), "the XML could not be read")
        }
        let location = SourceLocation(path: path, line: max(error.line, 1), column: max(error.column, 1))
        // Not XML at all (a spreadsheet, a text file): libxml2 says "Document is empty". A
        // glossary of `captions export glossary` is named as one, with what to do.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if open.isEmpty, let first = bytes[start...].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first != UInt8(ascii: "<")
        {
            if let glossary = GlossaryInsteadOfXLIFF(text: bytes[start...]) {
                return .invalidInput(
                    SourceLocation(path: path, line: 1, column: 1), "this is not an XLIFF file; " + glossary.hint)
            }
            return .invalidInput(
                SourceLocation(path: path, line: 1, column: 1),
                "not an XML file: it does not start with a tag such as <?xml or <xliff (libxml2: \(error.message))")
        }
        // A byte that is not UTF-8 (a Latin-1 letter), at or before the error, is the reason;
        // one character cut in two at the end is a file cut short.
        if let invalid = XMLDeclaration.firstInvalidUTF8Offset(in: bytes), !endsInsideACharacter(from: invalid) {
            var locator = ByteLocator(bytes: bytes)
            let at = locator.location(ofOffset: invalid, path: path)
            if at.line <= location.line {
                return .invalidInput(
                    at, "the file is not valid UTF-8 (byte \(XMLDeclaration.hex(bytes[invalid]))); save it as UTF-8")
            }
        }
        var end = ByteLocator(bytes: bytes)
        if error.line >= end.location(ofOffset: bytes.count, path: path).line {
            // libxml2's own words here ("Extra content at the end of the document") would contradict this.
            if let innermost = open.last {
                return .invalidInput(
                    location, "the file ends before <\(innermost)> is closed; it is truncated or not XML")
            }
            if let tag = startTagCutShort() {
                return .invalidInput(location, "the file ends inside \(tag); it is truncated or not XML")
            }
        }
        return .invalidInput(location, "malformed XML: \(error.message)")
    }

    /// Whether the bytes from `offset` to the end are the start of one UTF-8 character, cut short.
    private func endsInsideACharacter(from offset: Int) -> Bool {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return (0xC2...0xF4).contains(lead) && bytes.count - offset < length
            && bytes[(offset + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// `the start tag of <name>` (or `a start tag`, when the name is cut too) when the bytes end
    /// inside a start tag: after their last `<`, a name and no `>`.
    private func startTagCutShort() -> String? {
        var index = bytes.count - 1
        while index >= 0, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: ">") { return nil }
            index -= 1
        }
        guard index >= 0, index + 1 < bytes.count else { return nil }
        let first = bytes[index + 1]
        guard
            first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20)
        else { return nil }
        let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        let name = bytes[(index + 1)...].prefix { !spaces.contains($0) }
        guard index + 1 + name.count < bytes.count, name.count <= 100 else { return "a start tag" }
        return "the start tag of <\(String(decoding: name, as: UTF8.self))>"
    }

    /// Names and namespaces met so far, by the address libxml2 gives them at (its dictionary
    /// hands out one address per name); each is checked against the bytes before reuse.
    private var names: [UnsafeRawPointer: String] = [:]

    /// `string(pointer)` for a name or namespace, reusing the string made for the same address.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let address = UnsafeRawPointer(pointer)
        let length = strlen(address.assumingMemoryBound(to: CChar.self))
        if var known = names[address], known.utf8.count == length,
            length == 0 || known.withUTF8({ memcmp($0.baseAddress!, address, length) == 0 })
        {
            return known
        }
        let made = string(pointer)
        if names.count >= 4096 { names.removeAll(keepingCapacity: true) }
        names[address] = made
        return made
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}

/// Stores libxml2's first error on the reader (the handler's context).
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let reader = Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue()
    guard reader.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    // One line: libxml2 adds lines of its own to some messages ("Bytes: 0xE9 0xD0 ...").
    message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    message = String(message.prefix { $0 != "\n" && $0 != "\r" }).trimmingCharacters(in: .whitespaces)
    if let last = message.last, last == "." { message.removeLast() }
    reader.firstError = (Int(error.pointee.line), Int(error.pointee.int2), message)
}

/// Swallows errors raised outside a reader (none are expected).
private func ignoreStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}

/// Refuses every external entity, DTD or XInclude load while untrusted XML is parsed.
private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}

/// Documents whose lines end in a lone CR (classic Mac OS), which libxml2 does not count as line
/// breaks in its error positions.
enum LoneCRInput {
    /// A copy of `bytes` with every lone CR (not followed by LF) replaced by LF when the first line
    /// break of the document is a lone CR; `nil` otherwise (nothing to do, or a document whose
    /// first lines end in LF or CR LF, which is not read further here).
    ///
    /// XML 1.0 §2.11 has every parser read a lone CR as LF, so the document means the same;
    /// the byte offsets, and so the positions, do not change.
    static func normalized(_ bytes: UnsafeRawBufferPointer) -> Data? {
        guard let base = bytes.baseAddress,
            let firstCR = memchr(base, 0x0D, min(bytes.count, 1 << 16)).map({ base.distance(to: UnsafeRawPointer($0)) }
            ),
            memchr(base, 0x0A, firstCR) == nil, firstCR + 1 >= bytes.count || bytes[firstCR + 1] != 0x0A
        else { return nil }
        var copy = [UInt8](bytes)
        for index in copy.indices where copy[index] == 0x0D && (index + 1 == copy.count || copy[index + 1] != 0x0A) {
            copy[index] = 0x0A
        }
        return Data(copy)
    }
}

/// Finds a DOCTYPE that must be refused in the prolog (before the root element) of UTF-8 XML.
enum PrologScanner {
    /// The byte offset of a `<!DOCTYPE` that is more than `<!DOCTYPE name>` with an optional
    /// external identifier (`PUBLIC "pubid" "system"` or `SYSTEM "system"`, as Translate Toolkit,
    /// Weblate and old XLIFF tools write it): one with an internal subset (`[`…`]`, where entities
    /// are declared) or anything the scan does not know; `nil` when the prolog has none of them.
    /// The external DTD is never read (no DTD loading, no network, every entity load refused).
    static func refusedDoctypeOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func hasPrefix(_ text: String, at offset: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard offset + pattern.count <= bytes.count else { return false }
            return (0..<pattern.count).allSatisfy { bytes[offset + $0] == pattern[$0] }
        }
        func skip(past terminator: String, from offset: Int) -> Int {
            var position = offset
            while position < bytes.count, !hasPrefix(terminator, at: position) { position += 1 }
            return position + terminator.utf8.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if hasPrefix("<?", at: index) {
                index = skip(past: "?>", from: index + 2)
            } else if hasPrefix("<!--", at: index) {
                index = skip(past: "-->", from: index + 4)
            } else if hasPrefix("<!DOCTYPE", at: index) {
                return onlyNamesAnExternalDTD(bytes, from: index + 9) ? nil : index
            } else if hasPrefix("<!doctype", at: index) {
                return index
            } else {
                return nil  // the root element, or something libxml2 will reject
            }
        }
        return nil
    }
}

extension PrologScanner {
    /// Whether the DOCTYPE whose name starts after white space at `start` (just after
    /// `<!DOCTYPE`) is `S Name (S ExternalID)? S? '>'` (XML 1.0 §2.8 without an internal subset).
    static func onlyNamesAnExternalDTD(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var cursor = PrologCursor(bytes: bytes, index: start)
        let stops = "[]>\"'"
        guard cursor.skipSpace(), !cursor.word(stoppingAt: stops).isEmpty else { return false }
        if cursor.skipSpace() {
            switch bytes[cursor.word(stoppingAt: stops)] {
            case let keyword where keyword.elementsEqual("PUBLIC".utf8):
                guard cursor.skipSpace(), cursor.literal() != nil, cursor.skipSpace(), cursor.literal() != nil else {
                    return false
                }
            case let keyword where keyword.elementsEqual("SYSTEM".utf8):
                guard cursor.skipSpace(), cursor.literal() != nil else { return false }
            case let keyword where keyword.isEmpty:
                break
            default:
                return false
            }
            cursor.skipSpace()
        }
        return cursor.current == UInt8(ascii: ">")
    }
}

/// Turns byte offsets of a UTF-8 document into lines and scalar columns, moving forward only
/// (each byte is looked at once, however long the lines).
///
/// A line ends at CR LF, LF or a lone CR (XML 1.0 §2.11); a UTF-8 byte order mark is not a
/// column.
struct ByteLocator {
    private let bytes: UnsafeRawBufferPointer
    /// The offset of the first character: after a UTF-8 byte order mark, if any.
    private let start: Int
    private var line = 1
    /// The scalar column of the byte at `scanned`.
    private var column = 1
    private var scanned: Int

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        scanned = start
    }

    /// The offset of the next `<name` start tag after `previous` (or `previous + 1` when the
    /// bytes do not show it, e.g. in another encoding).
    func offset(ofStartTag name: String, after previous: Int) -> Int {
        var name = name
        let found: Int? = name.withUTF8 { nameBytes in
            guard let base = bytes.baseAddress else { return nil }
            // Candidates are the `<` bytes (found with memchr) followed by the name and one more byte.
            var index = previous + 1
            while index + nameBytes.count + 1 < bytes.count {
                guard let hit = memchr(base + index, 0x3C, bytes.count - index - nameBytes.count - 1) else {
                    return nil
                }
                index = base.distance(to: UnsafeRawPointer(hit))
                if nameBytes.isEmpty || memcmp(base + index + 1, nameBytes.baseAddress!, nameBytes.count) == 0 {
                    let next = bytes[index + 1 + nameBytes.count]
                    if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">")
                        || next == UInt8(ascii: "/")
                    {
                        return index
                    }
                }
                index += 1
            }
            return nil
        }
        return found ?? min(previous + 1, max(bytes.count - 1, 0))
    }

    /// Whether the bytes from ``scanned`` to `target` (> ``scanned``) need the byte-by-byte
    /// walk: they have a lone CR, or a CR LF split at either end. CR LF elsewhere counts right
    /// on the LF-only fast path (its CR is a column of the line it ends).
    private func needsByteWalk(to target: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if (scanned > 0 && bytes[scanned - 1] == 0x0D) || bytes[target - 1] == 0x0D { return true }
        var cursor = scanned
        while cursor < target, let hit = memchr(base + cursor, 0x0D, target - cursor) {
            let index = base.distance(to: UnsafeRawPointer(hit))
            if bytes[index + 1] != 0x0A { return true }
            cursor = index + 2
        }
        return false
    }

    /// The location of `offset`; offsets must not decrease between calls.
    mutating func location(ofOffset offset: Int, path: String) -> SourceLocation {
        let target = min(max(offset, 0), bytes.count)
        if target < scanned {
            line = 1
            column = 1
            scanned = start
        }
        guard target > scanned, let base = bytes.baseAddress else {
            return SourceLocation(path: path, line: line, column: column)
        }
        if needsByteWalk(to: target) {
            // CR LF is one line break (its LF is not a second), a lone CR is one too; only the
            // bytes up to `target` are looked at, so mapped pages are not touched early.
            for index in scanned..<target {
                let byte = bytes[index]
                if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) {
                    line += 1
                    column = 1
                } else if byte != 0x0A && byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            scanned = target
            return SourceLocation(path: path, line: line, column: column)
        }
        // Line breaks found with memchr; the column counts the scalars after the last one.
        var lineStart = scanned
        var cursor = scanned
        while cursor < target, let hit = memchr(base + cursor, 0x0A, target - cursor) {
            line += 1
            cursor = base.distance(to: UnsafeRawPointer(hit)) + 1
            lineStart = cursor
        }
        if lineStart > scanned { column = 1 }
        for index in lineStart..<target where bytes[index] & 0xC0 != 0x80 { column += 1 }
        scanned = target
        return SourceLocation(path: path, line: line, column: column)
    }
}
