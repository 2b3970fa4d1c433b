import Foundation

/// Reads one exhibit caption file into an ``Exhibit``, keeping every position.
///
/// The parser knows nothing of the collection's configuration: every top-level key other than
/// `id`, `notes` and the ``metadataKeys`` is a caption field, and every key inside a field is a
/// language. Whether those names are configured is for the checks to say. Problems that keep a
/// value from being read become `invalid-yaml` / `invalid-value` findings in
/// ``Exhibit/loadFindings``; nothing is thrown. A YAML syntax error anywhere makes the whole
/// file unreadable: its only finding is the syntax error.
enum ExhibitParser {
    /// Top-level keys that are not caption fields and are kept as ``Exhibit/metadata``.
    static let metadataKeys: Set<String> = ["ignore", "translations"]

    /// The largest exhibit file read (bytes); larger files are reported, not parsed.
    static let maximumFileSize = 4 << 20

    /// The deepest nesting of lists and mappings accepted in an exhibit file.
    static let maximumDepth = 64

    /// Parses file contents.
    ///
    /// - Parameters:
    ///   - data: The raw bytes of the file.
    ///   - path: The path to show in findings.
    ///   - relativePath: The path below the collection folder, e.g. `garden/stalin-wagon.yml`.
    /// - Returns: The exhibit; unreadable files give an exhibit with no fields and a finding.
    static func parse(data: Data, path: String, relativePath: String) -> Exhibit {
        guard data.count <= maximumFileSize else {
            return tooLarge(size: data.count, path: path, relativePath: relativePath)
        }
        return parse(reader: YAMLEventReader(utf8: data), builder: Builder(path: path, relativePath: relativePath))
    }

    /// Parses the first `count` bytes of `storage`, a whole file's bytes, as
    /// ``parse(data:path:relativePath:)`` does, without copying them; takes ownership of
    /// `storage` (deallocated when parsed).
    static func parse(
        adopting storage: UnsafeMutableBufferPointer<UInt8>, count: Int, path: String, relativePath: String
    ) -> Exhibit {
        guard count <= maximumFileSize else {
            storage.deallocate()
            return tooLarge(size: count, path: path, relativePath: relativePath)
        }
        let builder = Builder(path: path, relativePath: relativePath)
        return parse(reader: YAMLEventReader(adopting: storage, count: count), builder: builder)
    }

    /// The exhibit of a file of `size` bytes, over ``maximumFileSize``: no fields, one finding.
    static func tooLarge(size: Int, path: String, relativePath: String) -> Exhibit {
        var builder = Builder(path: path, relativePath: relativePath)
        builder.fail(
            "invalid-yaml", line: 0, column: 0,
            "file is \(size) bytes; exhibit files are limited to \(maximumFileSize) bytes")
        return builder.exhibit
    }

    /// Parses text that is already decoded (used by tests, `fmt` and import).
    static func parse(text: String, path: String, relativePath: String) -> Exhibit {
        parse(reader: YAMLEventReader(text: text), builder: Builder(path: path, relativePath: relativePath))
    }

    /// Parses the UTF-8 bytes of text that is already decoded, as ``parse(text:path:relativePath:)``
    /// does (no size limit).
    static func parse(decodedBytes bytes: [UInt8], path: String, relativePath: String) -> Exhibit {
        parse(reader: YAMLEventReader(bytes: bytes), builder: Builder(path: path, relativePath: relativePath))
    }

    private static func parse(reader: YAMLEventReader, builder: Builder) -> Exhibit {
        var builder = builder
        do {
            try builder.readDocument(reader)
        } catch {
            // A syntax error makes the file unreadable; other findings would be guesses.
            builder.readable = false
            builder.id = nil
            builder.fields = []
            builder.notes = nil
            builder.metadata = [:]
            builder.findings = []
            let conflicts = reader.mergeConflicts(recordKey: TranslationRecord.key)
            if !conflicts.isEmpty {
                // A git merge left both sides in the file: say so where each conflict starts.
                for conflict in conflicts {
                    builder.fail("invalid-yaml", line: conflict.line, column: 1, conflict.message)
                }
                return builder.exhibit
            }
            builder.fail("invalid-yaml", line: error.line, column: error.column, error.message)
        }
        return builder.exhibit
    }

    /// `value` without its final line breaks: `while value.hasSuffix("\n") { value.removeLast() }`.
    ///
    /// By bytes: the last character is a line break exactly when the last byte is LF and the
    /// one before it is not CR (CR LF is one character, which `hasSuffix("\n")` does not match).
    static func droppingFinalLineBreaks(_ value: String) -> String {
        let utf8 = value.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let last = utf8.index(before: end)
            guard utf8[last] == UInt8(ascii: "\n"),
                last == utf8.startIndex || utf8[utf8.index(before: last)] != UInt8(ascii: "\r")
            else { break }
            end = last
        }
        return end == utf8.endIndex ? value : String(value[..<end])
    }

    /// The keys of one mapping read so far, with where each was written.
    ///
    /// A mapping of an exhibit file has a handful of keys: they are kept in a list and looked up
    /// one by one, without hashing each key and allocating a dictionary per mapping; past
    /// ``listLimit`` keys a dictionary takes over, so large mappings stay linear.
    struct SeenKeys {
        /// How many keys the list holds before the dictionary takes over.
        static let listLimit = 16
        private var list: [(key: String, location: SourceLocation)] = []
        private var dictionary: [String: SourceLocation] = [:]

        /// Where `key` was first written, or `nil`.
        subscript(key: String) -> SourceLocation? {
            if list.count < Self.listLimit { return list.first { $0.key == key }?.location }
            return dictionary[key]
        }

        /// Records a key that is not there yet.
        mutating func insert(_ key: String, at location: SourceLocation) {
            if list.count < Self.listLimit - 1 {
                list.append((key, location))
            } else if list.count == Self.listLimit - 1 {
                list.append((key, location))
                for entry in list { dictionary[entry.key] = entry.location }
            } else {
                dictionary[key] = location
            }
        }
    }

    /// Accumulates an exhibit while walking the events.
    private struct Builder {
        let path: String
        let relativePath: String
        var readable = false
        var id: String?
        var idLocation: SourceLocation
        var fields: [CaptionField] = []
        var notes: Translation?
        var metadata: [String: LocatedNode] = [:]
        var findings: [Diagnostic] = []

        init(path: String, relativePath: String) {
            self.path = path
            self.relativePath = relativePath
            self.idLocation = SourceLocation(path: path, line: 1, column: 1)
        }

        var exhibit: Exhibit {
            Exhibit(
                path: path, relativePath: relativePath,
                gallery: Exhibit.folder(of: relativePath), id: id,
                idLocation: idLocation, fields: fields, notes: notes, metadata: metadata, loadFindings: findings,
                isReadable: readable)
        }

        func location(_ event: YAMLEvent) -> SourceLocation {
            SourceLocation(path: path, line: event.line, column: event.column)
        }

        mutating func fail(
            _ checkID: String, line: Int, column: Int, _ message: String, notes: [Diagnostic.Note] = [],
            field: String? = nil, language: String? = nil
        ) {
            findings.append(
                Diagnostic(
                    checkID: checkID, severity: .error,
                    location: SourceLocation(path: path, line: line, column: column),
                    message: message, notes: notes, exhibitID: id, field: field, language: language))
        }

        mutating func fail(_ event: YAMLEvent, _ message: String, field: String? = nil, language: String? = nil) {
            fail("invalid-value", line: event.line, column: event.column, message, field: field, language: language)
        }

        /// The reader's next event; a tag, anchor or alias outside ``YAMLSubset`` is reported at
        /// its position and the event marked refused.
        mutating func next(_ reader: YAMLEventReader) throws(YAMLReader.Failure) -> YAMLEvent {
            var event = try reader.next()
            if event.tag != nil || event.anchor != nil || event.kind.isAlias,
                let refusal = YAMLSubset.refusal(of: event)
            {
                fail(event, refusal)
                event.isRefused = true
            }
            return event
        }

        /// Where the text of a one-line scalar without escapes starts (see ``Translation/textStart``).
        static func textStart(of event: YAMLEvent, path: String) -> SourceLocation? {
            guard event.kind == .scalar, event.endLine == event.line else { return nil }
            let quotes: Int
            switch event.style {
            case .plain: quotes = 0
            case .singleQuoted, .doubleQuoted: quotes = 2
            case .literal, .folded: return nil
            }
            guard event.endColumn - event.column == event.value.unicodeScalars.count + quotes else { return nil }
            return SourceLocation(path: path, line: event.line, column: event.column + quotes / 2)
        }

        static func kind(of event: YAMLEvent) -> String {
            switch event.kind {
            case .sequenceStart: "a list"
            case .mappingStart: "a mapping"
            case .alias(let name): "an alias (*\(name))"
            default: "text"
            }
        }

        /// Consumes the rest of a node whose first event is `first` (nothing for scalars).
        func skip(_ first: YAMLEvent, _ reader: YAMLEventReader, depth: Int) throws(YAMLReader.Failure) {
            guard first.kind == .sequenceStart || first.kind == .mappingStart else { return }
            var open = 1
            while open > 0 {
                let event = try reader.next()
                switch event.kind {
                case .sequenceStart, .mappingStart:
                    open += 1
                    if depth + open > ExhibitParser.maximumDepth {
                        throw YAMLReader.Failure(
                            line: event.line, column: event.column,
                            message:
                                """
                                invalid YAML: lists and mappings nested more than \(ExhibitParser.maximumDepth) \
                                levels deep
                                """
                        )
                    }
                case .sequenceEnd, .mappingEnd: open -= 1
                default: break
                }
            }
        }

        /// Resolves a scalar event, or an alias to an anchored scalar, to text; reports the rest.
        mutating func text(
            _ event: YAMLEvent, _ reader: YAMLEventReader, depth: Int, what: String, field: String? = nil,
            language: String? = nil
        ) throws(YAMLReader.Failure) -> String? {
            let scalar = event
            guard !event.isRefused else {
                try skip(event, reader, depth: depth)
                return nil
            }
            guard scalar.kind == .scalar else {
                fail(event, "\(what) must be text, found \(Self.kind(of: event))", field: field, language: language)
                try skip(event, reader, depth: depth)
                return nil
            }
            // `!!str` (the one tag accepted) makes any scalar text, as written.
            if scalar.tag != nil, scalar.style == .plain { return scalar.value }
            switch scalar.style {
            case .plain:
                switch YAMLReader.plainScalarKind(scalar.value) {
                case .null: return ""
                case .number:
                    fail(
                        event,
                        "\(what) is the number \(scalar.value), not text; put it in quotes if it is meant as text",
                        field: field, language: language)
                    return nil
                case .boolean:
                    fail(
                        event,
                        """
                        \(what) is the yes/no value '\(scalar.value)', not text; put it in quotes if it is meant \
                        as text
                        """,
                        field: field, language: language)
                    return nil
                case .text: return scalar.value
                }
            case .literal, .folded:
                return ExhibitParser.droppingFinalLineBreaks(scalar.value)
            case .singleQuoted, .doubleQuoted:
                return scalar.value
            }
        }

        /// Reads a mapping key; reports keys that are not names, and duplicates.
        mutating func key(
            _ event: YAMLEvent, _ reader: YAMLEventReader, depth: Int, seen: inout SeenKeys,
            context: String?
        ) throws(YAMLReader.Failure) -> String? {
            guard !event.isRefused else {
                try skip(event, reader, depth: depth)
                return nil
            }
            guard event.kind == .scalar else {
                fail(
                    event, "\(context.map { "keys in '\($0)'" } ?? "keys") must be names, found \(Self.kind(of: event))"
                )
                try skip(event, reader, depth: depth)
                return nil
            }
            if YAMLSubset.isMergeKey(event) {
                fail(event, YAMLSubset.mergeKeyRefusal)
                return nil
            }
            guard isNew(event, in: &seen, context: context) else { return nil }
            return event.value
        }

        /// Records the key `event` in `seen`; reports it as a duplicate (an `invalid-yaml` error at
        /// it) and returns `false` when the mapping already has it.
        mutating func isNew(_ event: YAMLEvent, in seen: inout SeenKeys, context: String?) -> Bool {
            guard let first = seen[event.value] else {
                seen.insert(event.value, at: location(event))
                return true
            }
            fail(
                "invalid-yaml", line: event.line, column: event.column,
                """
                duplicate key '\(event.value)'\(context.map { " in '\($0)'" } ?? ""); the first is at line \
                \(first.line)
                """,
                notes: [Diagnostic.Note(location: first, message: "first '\(event.value)' is here")])
            return false
        }

        mutating func readDocument(_ reader: YAMLEventReader) throws(YAMLReader.Failure) {
            _ = try reader.next()  // stream start
            var event = try reader.next()
            guard event.kind != .streamEnd else {
                fail("invalid-value", line: 1, column: 1, "file is empty; expected id, title, text...")
                return
            }
            let root = try next(reader)
            if root.kind == .mappingStart {
                readable = true
                try readTopLevel(reader)
            } else {
                fail(root, "file must be a mapping of keys (id, title, text...), found \(Self.kind(of: root))")
                try skip(root, reader, depth: 1)
            }
            _ = try reader.next()  // document end
            event = try reader.next()
            if event.kind != .streamEnd {
                throw YAMLReader.Failure(
                    line: event.line, column: event.column,
                    message: "invalid YAML: expected a single document in the file, but found another document")
            }
        }

        /// Reads the pairs of the top-level mapping, up to its end event.
        mutating func readTopLevel(_ reader: YAMLEventReader) throws(YAMLReader.Failure) {
            var seen = SeenKeys()
            while true {
                let keyEvent = try next(reader)
                if keyEvent.kind == .mappingEnd { break }
                guard let name = try key(keyEvent, reader, depth: 1, seen: &seen, context: nil) else {
                    try skip(try reader.next(), reader, depth: 1)
                    continue
                }
                let value = try next(reader)
                switch name {
                case "id":
                    idLocation = location(value)
                    id = try text(value, reader, depth: 1, what: "id")
                case "notes":
                    if let notesText = try text(value, reader, depth: 1, what: "notes") {
                        notes = Translation(
                            language: "", text: notesText, keyLocation: location(keyEvent),
                            valueLocation: location(value))
                    }
                case _ where ExhibitParser.metadataKeys.contains(name):
                    metadata[name] = try metadataNode(value, reader, name: name)
                default:
                    try readField(name, key: keyEvent, value: value, reader)
                }
            }
            // Findings made before the id was read could not name the exhibit.
            if let id {
                for index in findings.indices where findings[index].exhibitID == nil { findings[index].exhibitID = id }
            }
        }

        /// Reads a reserved key's value into a located tree (at most 32 levels, 100,000 nodes).
        ///
        /// A key written twice in one of its mappings is reported as in a caption's field
        /// (`duplicate key 'kk' in 'translations/title'`), and its second value left out.
        mutating func metadataNode(_ first: YAMLEvent, _ reader: YAMLEventReader, name: String)
            throws(YAMLReader.Failure) -> LocatedNode
        {
            /// A list or mapping being read, with its keys so far (mappings) and what it is called.
            struct Open {
                var node: LocatedNode
                var context: String
                var seen = SeenKeys()
                var pendingKey: LocatedNode?
                /// Whether the pending key is a duplicate, whose value is read and left out.
                var dropsValue = false
            }
            var stack: [Open] = []
            var event = first
            var budget = 100_000
            while true {
                budget -= 1
                var finished: LocatedNode?
                switch event.kind {
                case .scalar:
                    let isPlain = event.style == .plain && event.tag == nil
                    let value = isPlain && YAMLReader.plainScalarKind(event.value) == .null ? "" : event.value
                    finished = LocatedNode(.scalar(value), location: location(event), isPlain: isPlain)
                case .alias:
                    finished = LocatedNode(.scalar(""), location: location(event))  // refused by next(_:)
                case .sequenceStart, .mappingStart:
                    guard stack.count < 32, budget > 0 else {
                        throw YAMLReader.Failure(
                            line: event.line, column: event.column,
                            message: "invalid YAML: the value is nested too deeply or is too large")
                    }
                    var context = name
                    if let parent = stack.last {
                        context = parent.pendingKey?.scalar.map { "\(parent.context)/\($0)" } ?? parent.context
                    }
                    let node = LocatedNode(
                        event.kind == .sequenceStart ? .sequence([]) : .mapping([]), location: location(event))
                    stack.append(Open(node: node, context: context))
                case .sequenceEnd, .mappingEnd:
                    finished = stack.removeLast().node
                default:
                    break
                }
                if let node = finished {
                    guard var parent = stack.popLast() else { return node }
                    switch parent.node.value {
                    case .sequence(var items):
                        items.append(node)
                        parent.node.value = .sequence(items)
                    case .mapping(var pairs):
                        if let key = parent.pendingKey {
                            if !parent.dropsValue {
                                pairs.append(LocatedNode.Pair(key: key, value: node))
                                parent.node.value = .mapping(pairs)
                            }
                            parent.pendingKey = nil
                            parent.dropsValue = false
                        } else {
                            if event.kind == .scalar, YAMLSubset.isMergeKey(event) {
                                fail(event, YAMLSubset.mergeKeyRefusal)
                            }
                            if event.kind == .scalar {
                                parent.dropsValue = !isNew(event, in: &parent.seen, context: parent.context)
                            }
                            parent.pendingKey = node
                        }
                    case .scalar:
                        break
                    }
                    stack.append(parent)
                }
                event = try next(reader)
            }
        }

        mutating func readField(_ name: String, key: YAMLEvent, value: YAMLEvent, _ reader: YAMLEventReader)
            throws(YAMLReader.Failure)
        {
            var field = CaptionField(name: name, location: location(key), translations: [])
            if value.isRefused {
                try skip(value, reader, depth: 1)
                return
            }
            switch value.kind {
            case .mappingStart:
                var seen = SeenKeys()
                while true {
                    let languageEvent = try next(reader)
                    if languageEvent.kind == .mappingEnd { break }
                    guard let language = try self.key(languageEvent, reader, depth: 2, seen: &seen, context: name)
                    else {
                        try skip(try reader.next(), reader, depth: 2)
                        continue
                    }
                    let textEvent = try next(reader)
                    guard
                        let value = try text(
                            textEvent, reader, depth: 2, what: "\(name) (\(language))", field: name, language: language)
                    else { continue }
                    var translation = Translation(
                        language: language, text: value, keyLocation: location(languageEvent),
                        valueLocation: location(textEvent))
                    translation.textStart = Self.textStart(of: textEvent, path: path)
                    if textEvent.style == .literal,
                        let indentation = reader.literalBlockIndentation(headerLine: textEvent.line)
                    {
                        translation.literalBlockStart = SourceLocation(
                            path: path, line: textEvent.line + 1, column: indentation + 1)
                    }
                    field.translations.append(translation)
                }
            case .scalar where value.style == .plain && YAMLReader.plainScalarKind(value.value) == .null:
                break  // `credit:` with nothing under it: a present field with no languages.
            default:
                fail(
                    value,
                    "\(name) must be a mapping of language to text (e.g. 'kk: ...'), found \(Self.kind(of: value))",
                    field: name)
                try skip(value, reader, depth: 1)
                return
            }
            fields.append(field)
        }
    }
}
