import Foundation

/// One concept read from a TBX file.
struct TBXEntry: Sendable, Equatable {
    /// The `id` attribute of `termEntry` (`conceptEntry` in TBX v3), if any.
    var id: String?
    /// Where the entry element starts.
    var location: SourceLocation
    /// The allowed terms by language as written in the file (`xml:lang`), preferred ones first.
    var terms: [String: [String]] = [:]
    /// The deprecated or superseded terms by language.
    var forbidden: [String: [String]] = [:]
    /// The entry's `note` (or `descrip type="definition"`), if any.
    var note: String?
    /// Whether a note says the term stays as it is (``GlossaryExporter/doNotTranslateNote``).
    var doNotTranslate = false
    /// Where the first language section of each `xml:lang` starts.
    var languageLocations: [String: SourceLocation] = [:]
}

/// Reads TBX files (TBX-Basic as ISO 30042:2008 writes it: `martif` / `termEntry` / `langSet` /
/// `tig` or `ntig`; and TBX v3: `tbx` / `conceptEntry` / `langSec` / `termSec`) with the
/// streaming XML reader, so the same safety applies as to XLIFF: no DTD, no entities, no
/// network, a size limit, depth and attribute limits.
///
/// A term's status comes from `termNote type="administrativeStatus"`: `preferredTerm-admn-sts`
/// first, `deprecatedTerm-admn-sts` and `supersededTerm-admn-sts` forbidden, anything else
/// (admitted, or none) allowed.
enum TBXReader {
    /// The entries of the TBX file at `path`, in document order.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` for malformed or unsafe XML, a file that is
    ///   not TBX, a language section without `xml:lang` or an empty term;
    ///   ``CaptionError/unreadable(path:reason:)`` when the file cannot be read.
    static func read(path: String, maximumSize: Int = XMLStreamReader.defaultMaximumSize) throws(CaptionError)
        -> [TBXEntry]
    {
        var parser = Parser(path: path)
        try XMLStreamReader.read(path: path, maximumSize: maximumSize, attributeNames: attributeNames) {
            (event) throws(CaptionError) in
            try parser.handle(event)
        }
        return try parser.finished()
    }

    /// The entries of TBX bytes held in memory (``read(path:maximumSize:)`` without the file;
    /// for the fuzz harness and tests), `path` shown in errors.
    static func parse(_ data: Data, path: String) throws(CaptionError) -> [TBXEntry] {
        var parser = Parser(path: path)
        try XMLStreamReader.parse(data, path: path, attributeNames: attributeNames) { (event) throws(CaptionError) in
            try parser.handle(event)
        }
        return try parser.finished()
    }

    /// The only attributes the reader looks at.
    private static let attributeNames: Set<String> = ["id", "lang", "type"]

    private struct Parser {
        enum Role {
            case root, entry, language, termGroup, term, status, note, skipped, other
        }

        let path: String
        var sawRoot = false
        var stack: [Role] = []
        var entries: [TBXEntry] = []
        var entry: TBXEntry?
        var language: String?
        /// The term group being read: its term, status and where the term starts.
        var term: String?
        var termLocation: SourceLocation?
        var status: String?
        var captured: String?
        /// Where the note being read starts.
        var noteLocation: SourceLocation?
        /// Preferred terms so far in the entry, by language (they go first, in document order).
        var preferredCounts: [String: Int] = [:]

        init(path: String) { self.path = path }

        /// The entries read, once the document has ended.
        func finished() throws(CaptionError) -> [TBXEntry] {
            guard sawRoot else {
                throw .invalidInput(SourceLocation(path: path, line: 1, column: 1), "the file has no root element")
            }
            return entries
        }

        static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

        mutating func handle(_ event: XMLEvent) throws(CaptionError) {
            switch event {
            case .start(let name, _, let attributes, let location):
                stack.append(try start(name, attributes, location))
            case .end:
                guard let role = stack.popLast() else { return }
                try end(role)
            case .text(let text):
                if captured != nil, stack.last != .skipped { captured?.append(text) }
            }
        }

        private func attribute(_ attributes: [XMLAttribute], _ name: String, xml: Bool = false) -> String? {
            attributes.first { $0.name == name && $0.namespace == (xml ? Self.xmlNamespace : "") }?.value
        }

        private mutating func start(_ name: String, _ attributes: [XMLAttribute], _ location: SourceLocation)
            throws(CaptionError) -> Role
        {
            guard let parent = stack.last else {
                guard name == "martif" || name == "tbx" else {
                    throw .invalidInput(
                        location, "the root element is <\(name)>, not <martif> or <tbx>: this is not a TBX file")
                }
                sawRoot = true
                return .root
            }
            switch (name, parent) {
            case (_, .skipped), (_, .status), (_, .note):
                return .skipped
            case (_, .term):
                return .term  // inline markup inside a term: its text is kept
            case ("termEntry", _), ("conceptEntry", _):
                guard entry == nil else { return .skipped }
                entry = TBXEntry(id: attribute(attributes, "id"), location: location)
                preferredCounts = [:]
                return .entry
            case ("langSet", .entry), ("langSec", .entry):
                guard let lang = attribute(attributes, "lang", xml: true), !lang.isEmpty else {
                    throw .invalidInput(location, "<\(name)> has no xml:lang")
                }
                language = lang
                if entry?.languageLocations[lang] == nil { entry?.languageLocations[lang] = location }
                return .language
            case ("tig", .language), ("ntig", .language), ("termSec", .language):
                term = nil
                status = nil
                return .termGroup
            case ("term", _) where language != nil && term == nil:
                captured = ""
                termLocation = location
                return .term
            case ("termNote", _) where language != nil && attribute(attributes, "type") == "administrativeStatus":
                captured = ""
                return .status
            case ("note", .entry), ("descrip", .entry):
                if name == "descrip", attribute(attributes, "type") != "definition" { return .skipped }
                captured = ""
                noteLocation = location
                return .note
            default:
                return stack.contains(.entry) ? .other : (parent == .root || parent == .other ? .other : .skipped)
            }
        }

        private mutating func end(_ role: Role) throws(CaptionError) {
            switch role {
            case .term where stack.last != .term:
                let text = (captured ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                captured = nil
                guard !text.isEmpty else {
                    throw .invalidInput(termLocation ?? SourceLocation(path: path), "the term is empty")
                }
                try refuseControl(in: text, of: "term", at: termLocation)
                term = text
                // A `term` directly in `langSet` (no group) ends its own group.
                if stack.last == .language { addTerm() }
            case .status:
                status = (captured ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                captured = nil
            case .note:
                let text = (captured ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                captured = nil
                try refuseControl(in: text, of: "note", at: noteLocation)
                if text == GlossaryExporter.doNotTranslateNote {
                    entry?.doNotTranslate = true
                } else if !text.isEmpty, entry?.note == nil {
                    entry?.note = text
                }
            case .termGroup:
                addTerm()
            case .language:
                language = nil
            case .entry:
                if let entry { entries.append(entry) }
                entry = nil
            default:
                break
            }
        }

        /// Refuses a term or note holding a control character (``Normalization/isControl(_:)``: a
        /// character reference such as `&#x85;` or `&#13;`), which would go into `glossary.yml`
        /// and match no caption text.
        private func refuseControl(in text: String, of what: String, at location: SourceLocation?)
            throws(CaptionError)
        {
            guard let control = text.unicodeScalars.first(where: Normalization.isControl) else { return }
            throw .invalidInput(
                location ?? SourceLocation(path: path),
                "the \(what) holds the control character \(control.codePoint), which a glossary "
                    + "cannot hold; remove it in the terminology tool")
        }

        private mutating func addTerm() {
            defer {
                term = nil
                status = nil
            }
            guard let term, let language, entry != nil else { return }
            switch status {
            case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts":
                if entry?.forbidden[language]?.contains(term) != true {
                    entry?.forbidden[language, default: []].append(term)
                }
            case "preferredTerm-admn-sts":
                var list = entry?.terms[language] ?? []
                list.removeAll { $0 == term }
                let preferredCount = preferredCounts[language] ?? 0
                list.insert(term, at: min(preferredCount, list.count))
                entry?.terms[language] = list
                preferredCounts[language] = preferredCount + 1
            default:
                if entry?.terms[language]?.contains(term) != true { entry?.terms[language, default: []].append(term) }
            }
        }
    }
}
