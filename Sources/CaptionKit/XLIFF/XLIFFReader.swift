import Foundation

/// Reads XLIFF 1.2 and 2.x files into ``XLIFFDocument`` with the streaming XML reader.
///
/// Inline markup inside `<source>` and `<target>`: the wrappers `<g>` and `<mrk>` (1.2) and
/// `<mrk>` and `<pc>` (2.x) give their text as is; the 2.x markers `<sm/>`/`<em/>` carry no
/// text and are skipped; 2.x `<cp hex="..."/>` becomes its character. Any other element
/// (placeholders and codes such as `<x/>`, `<bpt>`, `<ph/>`, `<sc/>`) marks the unit as
/// unsupported: its text would be lost, so the unit is refused rather than imported without it.
///
/// Each unit's state is read as ``XLIFFStateTable`` describes: 1.2 `state` and `approved`,
/// memoQ's `mq:status`, Trados's `<sdl:seg conf>` (the one extension element looked into),
/// 2.x segment `state`.
enum XLIFFReader {
    /// memoQ's namespace (`xmlns:mq="MQXliff"`).
    static let memoQNamespace = "MQXliff"
    /// Trados Studio's SDLXLIFF namespace.
    static let tradosNamespace = "http://sdl.com/FileTypes/SdlXliff/1.0"

    /// Reads and checks the file at `path`.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` for malformed or unsafe XML, a file that
    ///   is not XLIFF 1.2 or 2.x, a unit without an id or with a path-like id, or a file
    ///   without languages.
    static func read(path: String, maximumSize: Int = XMLStreamReader.defaultMaximumSize) throws(CaptionError)
        -> XLIFFDocument
    {
        var parser = Parser(path: path)
        try XMLStreamReader.read(path: path, maximumSize: maximumSize, attributeNames: Parser.attributeNames) {
            (event) throws(CaptionError) in
            try parser.handle(event)
        }
        return try parser.finish()
    }

    /// Reads and checks the file at `path` as ``read(path:maximumSize:)`` does, but hands each
    /// unit to `eachUnit` (with its file's target language) as soon as it is read instead of
    /// keeping it: the document returned has files without units, and memory stays flat
    /// however many units the file has. What `eachUnit` throws stops the reading and is thrown.
    static func read(
        path: String, maximumSize: Int = XMLStreamReader.defaultMaximumSize,
        eachUnit: (XLIFFDocument.Unit, _ targetLanguage: String) throws(CaptionError) -> Void
    ) throws(CaptionError) -> XLIFFDocument {
        try read(path: path, maximumSize: maximumSize) { (read: ReadUnit) throws(CaptionError) in
            try eachUnit(read.unit, read.targetLanguage)
        }
    }

    /// A unit as read, its source and target still UTF-8 bytes (``unit`` makes the strings).
    struct ReadUnit {
        /// The unit, with empty ``XLIFFDocument/Unit/source`` and no target.
        var withoutText: XLIFFDocument.Unit
        /// The source text's UTF-8.
        var source: [UInt8]
        /// The target text's UTF-8, when the unit has a target.
        var target: [UInt8]?
        /// The target language of the unit's file.
        var targetLanguage: String

        /// The unit with its texts.
        var unit: XLIFFDocument.Unit {
            var unit = withoutText
            unit.source = String(decoding: source, as: UTF8.self)
            unit.target = target.map { String(decoding: $0, as: UTF8.self) }
            return unit
        }
    }

    /// ``read(path:maximumSize:eachUnit:)`` giving each unit's texts as bytes, so that the
    /// strings can be made later (or on another thread).
    /// `targetLanguages`, the collection's, let a refusal say when the file's target language
    /// is none of them.
    static func read(
        path: String, maximumSize: Int = XMLStreamReader.defaultMaximumSize, targetLanguages: [String]? = nil,
        eachReadUnit: (ReadUnit) throws(CaptionError) -> Void
    ) throws(CaptionError) -> XLIFFDocument {
        var parser = Parser(path: path)
        parser.keepsUnits = false
        parser.targetLanguages = targetLanguages
        var failure: CaptionError?
        let takeBytes = { (bytes: UnsafeBufferPointer<UInt8>) in parser.take(bytes) }
        withoutActuallyEscaping(takeBytes) { takeText in
            do throws(CaptionError) {
                try XMLStreamReader.read(
                    path: path, maximumSize: maximumSize, wantsText: { parser.wantsText },
                    attributeNames: Parser.attributeNames, textBytes: takeText,
                    handler: { (event) throws(CaptionError) in
                        try parser.handle(event)
                        guard !parser.finishedUnits.isEmpty else { return }
                        for read in parser.finishedUnits { try eachReadUnit(read) }
                        parser.finishedUnits.removeAll(keepingCapacity: true)
                    }
                )
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return try parser.finish()
    }

    /// Reads XLIFF held in memory; `targetLanguages` as for ``read(path:maximumSize:targetLanguages:eachReadUnit:)``.
    static func parse(_ data: Data, path: String, targetLanguages: [String]? = nil) throws(CaptionError)
        -> XLIFFDocument
    {
        var parser = Parser(path: path)
        parser.targetLanguages = targetLanguages
        try XMLStreamReader.parse(data, path: path, attributeNames: Parser.attributeNames) {
            (event) throws(CaptionError) in
            try parser.handle(event)
        }
        return try parser.finish()
    }

    /// Whether a unit id could be taken for a path (and so is refused outright).
    static func isPathLike(_ id: String) -> Bool {
        // Most ids have none of the bytes looked for: no character holding them can be found.
        if !mayBePathLike(id.utf8) { return false }
        return id.contains("/") || id.contains("\\") || id.contains("..") || id.hasPrefix("~")
    }

    /// Whether the UTF-8 of an id has `/`, `\\`, `~` or two dots in a row; without them
    /// ``isPathLike(_:)`` is `false` (no character equal to a string holding them lacks them).
    static func mayBePathLike(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "~")
                || (byte == UInt8(ascii: ".") && previous == byte)
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// The namespace of `xml:space` and `xml:lang`.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Why a target with a control character other than a tab or a line feed (``Normalization/isControl(_:)``:
    /// `&#13;`, `&#x7F;`, `&#x85;`, `<cp hex="D"/>`) is refused: the editor refuses every save of
    /// a caption holding one.
    static let controlReason =
        "which a caption cannot hold (the editor refuses it); remove it in the translation tool"

    /// Reads a carriage return in the UTF-8 `target` (which XML keeps only as a character
    /// reference, `&#13;` or `&#xD;`) as the line break it stands for: CR LF and a lone CR become
    /// LF. A Windows tool writes a translator's line break so; a caption cannot hold a CR, and the
    /// translator cannot see one to remove it.
    static func readCarriageReturnsAsLineFeeds(_ target: inout [UInt8]) {
        guard target.contains(0x0D) else { return }
        var result: [UInt8] = []
        result.reserveCapacity(target.count)
        var index = 0
        while index < target.count {
            if target[index] == 0x0D {
                result.append(0x0A)
                if index + 1 < target.count, target[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(target[index])
            }
            index += 1
        }
        target = result
    }

    /// The first control character (``Normalization/isControl(_:)``) in the UTF-8 `target`.
    static func firstControl(in target: [UInt8]) -> Unicode.Scalar? {
        // Only a byte below 0x20 but tab and line feed, DEL, or C2 then 80–9F (U+0080–U+009F) is
        // one: looked for in the bytes first, since nearly every target has line feeds, and
        // « » and no-break spaces (C2 AB, C2 BB, C2 A0), which sent it to the scalar walk.
        let holdsOne = target.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 {
                    return true
                }
                index += 1
            }
            return false
        }
        guard holdsOne else { return nil }
        return String(decoding: target, as: UTF8.self).unicodeScalars.first(where: Normalization.isControl)
    }

    /// Drops from `target` leading and trailing whitespace that holds a line break, at each end
    /// where `source` has no such whitespace: the layout a tool that ignores `xml:space` adds
    /// when it pretty-prints. Whitespace inside the text stays. Returns whether anything was dropped.
    static func dropLayoutWhitespace(_ target: inout [UInt8], source: [UInt8]) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        let leading = target.prefix(while: isSpace)
        let trailing = target.reversed().prefix(while: isSpace)
        let dropsLeading = leading.contains(where: isBreak) && !source.prefix(while: isSpace).contains(where: isBreak)
        let dropsTrailing =
            trailing.contains(where: isBreak) && !source.reversed().prefix(while: isSpace).contains(where: isBreak)
        guard dropsLeading || dropsTrailing else { return false }
        let start = dropsLeading ? leading.count : 0
        let end = dropsTrailing ? max(start, target.count - trailing.count) : target.count
        target = Array(target[start..<end])
        return true
    }

    /// The UTF-8 `bytes` as a string without the XML whitespace (space, tab, line breaks) at its
    /// ends: the text of a mark (``ExportedTarget``), read for every unit, so without Foundation.
    static func trimmed(_ bytes: [UInt8]) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// The order of a 2.x unit's target content (XLIFF 2 `<target order>`).
    enum TargetOrder {
        /// Indices into the unit's segments and ignorables, in target order.
        case order([Int])
        /// An `order` that is not a number from 1 to their count, or two targets at one position.
        case invalid(String, SourceLocation)
    }

    /// Where each segment's or ignorable's target goes: at its `order` (1-based, from 1 to the
    /// number of segments and ignorables), or without one at its own place; no two at the same.
    private static func targetOrder(of segments: [Parser.Segment], unit: XLIFFDocument.Unit) -> TargetOrder {
        guard segments.contains(where: { $0.order != nil }) else { return .order(Array(segments.indices)) }
        let count = segments.count
        var slots = [Int?](repeating: nil, count: count)
        for (index, segment) in segments.enumerated() {
            guard let written = segment.order else { continue }
            let location = segment.targetLocation ?? unit.location
            let shown = written.count > 20 ? String(written.prefix(20)) + "…" : written
            guard !written.isEmpty, written.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let position = Int(written), position >= 1, position <= count
            else {
                return .invalid(
                    """
                    unit '\(unit.id)' has <target order="\(shown)">, but order must be a whole number from 1 to \
                    \(count) (the unit's segments and ignorables); the unit is not applied
                    """, location)
            }
            guard slots[position - 1] == nil else {
                return .invalid(
                    "unit '\(unit.id)' has two targets with order=\"\(position)\"; the unit is not applied", location)
            }
            slots[position - 1] = index
        }
        for (index, segment) in segments.enumerated() where segment.order == nil {
            if let other = slots[index] {
                return .invalid(
                    """
                    unit '\(unit.id)' has <target order="\(index + 1)"> at the place of its element \(index + 1), \
                    whose target has no order and so stays there; the unit is not applied
                    """, segments[other].targetLocation ?? unit.location)
            }
            slots[index] = index
        }
        return .order(slots.compactMap { $0 })
    }

    private struct Parser {
        enum Role {
            case root, file, unit, segment, source, target, inline, skipped, other
            /// A 1.2 `<context-group>` and a 2.0 `<mda:metadata>` and `<mda:metaGroup>` of the unit.
            case contextGroup, metadata, metaGroup
            /// The element holding ``ExportedTarget``'s fingerprint, the one naming the
            /// language exported for, and the one saying whether the target was prefilled.
            case exportedTarget, exportedLanguage, exportedPrefilled
            /// Trados's `<sdl:seg-defs>`, whose `<sdl:seg>` children carry segment states.
            case tradosSegments
            /// A 2.0 unit's `<notes>`, and a unit's `<note>` (1.2 and 2.0); an element inside a
            /// note (which XLIFF does not allow), whose text is kept as the note's.
            case notes, note, noteContent
        }

        struct Segment {
            var source: [UInt8] = []
            var target: [UInt8]?
            var isIgnorable: Bool
            /// The target's `order` as written, when it has one.
            var order: String?
            /// Where the `<target>` starts.
            var targetLocation: SourceLocation?
            /// The source and target without layout, when the source had some (see ``Layout``).
            var withoutLayout = Layout()
        }

        /// A `<source>` that does not keep its whitespace may carry the layout of a pretty-printer
        /// too (a line break and indentation at an end): the source without it, and the target
        /// without the layout its ends have then, kept for the import to use when that source is
        /// the caption's (which alone tells layout from a text starting with a line break).
        struct Layout {
            /// The source without its layout; `nil` when it had none.
            var source: [UInt8]?
            /// The target without the layout its ends have against ``source``; `nil` when it
            /// had none.
            var target: [UInt8]?

            /// The source's layout dropped, if any, and so the target's (given as read).
            mutating func drop(source: [UInt8], keepsSpace: Bool) {
                guard !keepsSpace else { return }
                var plain = source
                self.source = XLIFFReader.dropLayoutWhitespace(&plain, source: []) ? plain : nil
            }

            /// The target's layout against the source without layout (see ``drop(source:keepsSpace:)``).
            mutating func drop(target: [UInt8], keepsSpace: Bool) {
                guard let source, !keepsSpace else { return }
                var plain = target
                self.target = XLIFFReader.dropLayoutWhitespace(&plain, source: source) ? plain : nil
            }
        }

        let path: String
        var version: String?
        var isVersion2 = false
        var namespace = ""
        var rootLanguages: (source: String?, target: String?) = (nil, nil)
        var rootLocation = SourceLocation(path: "")
        var stack: [Role] = []
        /// Whether each open element's effective `xml:space` is `preserve` (its own, else its
        /// parent's: XML 1.0 §2.10).
        var preservesSpace: [Bool] = []
        var files: [XLIFFDocument.File] = []
        var file: XLIFFDocument.File?
        var unit: XLIFFDocument.Unit?
        var segments: [Segment] = []
        var segment: Segment?
        /// The UTF-8 of the `<source>` or `<target>` being read.
        var captured: [UInt8]?
        /// The unit's source and target (1.2), as UTF-8.
        var unitSource: [UInt8] = []
        var unitTarget: [UInt8]?
        var unitLayout = Layout()
        /// Whether the 1.2 unit being read says `approved="no"` (see
        /// ``XLIFFDocument/Unit/markedUnfinished``).
        var unitApprovedNo = false
        /// The unit's `<note>` elements read so far (see ``UnitNote``).
        var unitNotes: [UnitNote] = []
        /// Whether finished units go into their file (else into ``finishedUnits``).
        var keepsUnits = true
        /// Units finished since the caller last took them.
        var finishedUnits: [ReadUnit] = []
        /// The collection's target languages, when known.
        var targetLanguages: [String]?
        /// Whether the 1.2 `<file>` being read has no `target-language`, so that its language is
        /// the one its targets' `xml:lang` name (some tools write it only there).
        var takesLanguageFromTargets = false
        /// The language the first target of such a file names, and where.
        var languageFromTargets: (tag: String, location: SourceLocation)?
        /// The units of such a file read before any of its targets named a language.
        var unitsAwaitingLanguage: [ReadUnit] = []

        init(path: String) { self.path = path }

        /// A unit's `<note>` as read: who wrote it (1.2 `from`), its 2.0 `category` and text.
        struct UnitNote {
            var from: String?
            var category: String?
            var location: SourceLocation
            var text = ""

            /// Whether the note says it is one `captions export` wrote: 1.2 `from="captions"`, a
            /// 2.0 category of the export's.
            func isMarkedAsCaptions(isVersion2: Bool) -> Bool {
                isVersion2
                    ? category.map(XLIFFExportUnit.Note.categories.contains) ?? false
                    : from == XLIFFExportUnit.Note.author12
            }

            /// The notes of a unit that `captions export` did not write: a translator's question or
            /// remark. 1.2: a note `from` anyone but `captions`; one without `from` unless the unit
            /// is from an export before notes were marked (it carries the export's mark and no
            /// marked note), which cannot be told apart. 2.0: a note of a category the export
            /// does not write. Empty notes are left out.
            static func notWrittenByCaptions(
                _ notes: [UnitNote], isVersion2: Bool, exported: Bool
            ) -> [XLIFFDocument.Unit.TranslatorNote] {
                let unmarkedAreOurs = exported && !notes.contains { $0.from == XLIFFExportUnit.Note.author12 }
                return notes.compactMap { note in
                    let ours =
                        note.isMarkedAsCaptions(isVersion2: isVersion2)
                        || (!isVersion2 && note.from == nil && unmarkedAreOurs)
                    return ours || note.text.isEmpty ? nil : .init(text: note.text, location: note.location)
                }
            }
        }

        mutating func handle(_ event: XMLEvent) throws(CaptionError) {
            switch event {
            case .start(let name, let elementNamespace, let attributes, let location):
                let role = try start(name, elementNamespace, attributes, location)
                stack.append(role)
                let space = attribute(attributes, "space", namespace: XLIFFReader.xmlNamespace)
                preservesSpace.append(space.map { $0 == "preserve" } ?? preservesSpace.last ?? false)
            case .end:
                guard let role = stack.popLast() else { return }
                try end(role)
                preservesSpace.removeLast()
            case .text(let text):
                if wantsText { captured?.append(contentsOf: text.utf8) }
            }
        }

        /// Text read now, as UTF-8 (the same as a ``XMLEvent/text(_:)`` event).
        mutating func take(_ bytes: UnsafeBufferPointer<UInt8>) {
            if wantsText { captured?.append(contentsOf: bytes) }
        }

        /// Whether text read now would be kept (inside `<source>` or `<target>`).
        var wantsText: Bool {
            stack.last == .source || stack.last == .target || stack.last == .inline || stack.last == .exportedTarget
                || stack.last == .exportedLanguage || stack.last == .exportedPrefilled || stack.last == .note
                || stack.last == .noteContent
        }

        /// Every attribute ``attribute(_:_:)`` is asked for; the reader makes strings of these only.
        static let attributeNames: Set<String> = [
            "version", "srcLang", "trgLang", "source-language", "target-language", "id", "hex",
            "state", "approved", "status", "conf", "order", "space", "lang", "context-type", "category", "type", "from",
        ]

        private func attribute(_ attributes: [XMLAttribute], _ name: String, namespace: String = "") -> String? {
            attributes.first { $0.name == name && $0.namespace == namespace }?.value
        }

        /// Adds the `xml:lang` in `attributes` of a `<source>` or `<target>` at `location` to the
        /// unit's `tags`, unless they have it.
        private mutating func noteLanguage(
            _ attributes: [XMLAttribute], _ location: SourceLocation,
            in tags: WritableKeyPath<XLIFFDocument.Unit, [(tag: String, location: SourceLocation)]>
        ) {
            guard let tag = languageTag(attributes), unit?[keyPath: tags].contains(where: { $0.tag == tag }) == false
            else { return }
            unit?[keyPath: tags].append((tag, location))
        }

        /// The `xml:lang` in `attributes`; none when empty, which in XML says "no language".
        private func languageTag(_ attributes: [XMLAttribute]) -> String? {
            guard let tag = attribute(attributes, "lang", namespace: XLIFFReader.xmlNamespace),
                !tag.allSatisfy(\.isWhitespace)
            else { return nil }
            return tag
        }

        /// Lowers the unit's state to what `value` of `attribute` says, when anything.
        private mutating func noteState(_ attribute: XLIFFStateAttribute, _ value: String?) {
            guard unit != nil, let value, let state = XLIFFUnitState(attribute, value) else { return }
            let lowest = state.lower(unit?.state)
            unit?.state = lowest
            if state.meaning >= .reviewed && state.meaning > (unit?.reviewedState?.meaning ?? .translated) {
                unit?.reviewedState = state
            }
        }

        private mutating func start(
            _ name: String, _ elementNamespace: String, _ attributes: [XMLAttribute], _ location: SourceLocation
        ) throws(CaptionError) -> Role {
            guard let parent = stack.last else { return try startRoot(name, elementNamespace, attributes, location) }
            switch parent {
            case .skipped: return .skipped
            case .note, .noteContent: return .noteContent
            case .source, .target, .inline: return inline(name, elementNamespace, attributes, location)
            case .tradosSegments:
                if name == "seg" && elementNamespace == XLIFFReader.tradosNamespace {
                    noteState(.tradosConf, attribute(attributes, "conf") ?? "Unspecified")
                }
                return .skipped
            default: break
            }
            if parent == .unit && !isVersion2 && name == "seg-defs" && elementNamespace == XLIFFReader.tradosNamespace {
                return .tradosSegments
            }
            if isVersion2 && elementNamespace == XLIFFVersion.metadataNamespace {
                switch (name, parent) {
                case ("metadata", .unit): return .metadata
                case ("metaGroup", .metadata) where attribute(attributes, "category") == ExportedTarget.name:
                    return .metaGroup
                case ("meta", .metaGroup) where attribute(attributes, "type") == ExportedTarget.metaType20:
                    captured = []
                    return .exportedTarget
                case ("meta", .metaGroup) where attribute(attributes, "type") == ExportedTarget.languageMetaType20:
                    captured = []
                    return .exportedLanguage
                case ("meta", .metaGroup) where attribute(attributes, "type") == ExportedTarget.prefilledMetaType20:
                    captured = []
                    return .exportedPrefilled
                default: return .skipped
                }
            }
            guard elementNamespace == namespace else { return .skipped }  // extensions of other tools
            switch (name, parent) {
            case ("file", .root):
                let source = isVersion2 ? rootLanguages.source : attribute(attributes, "source-language")
                let target = (isVersion2 ? rootLanguages.target : attribute(attributes, "target-language")) ?? ""
                guard let source, !source.isEmpty else {
                    throw .invalidInput(isVersion2 ? rootLocation : location, "the XLIFF file names no source language")
                }
                // A 1.2 `<file>` without one takes the language its targets name (below).
                takesLanguageFromTargets = !isVersion2 && target.isEmpty
                languageFromTargets = nil
                guard !target.isEmpty || takesLanguageFromTargets else {
                    throw .invalidInput(rootLocation, "the XLIFF file names no target language (trgLang)")
                }
                file = XLIFFDocument.File(
                    sourceLanguage: source, targetLanguage: target, location: location,
                    languagesLocation: isVersion2 ? rootLocation : location, units: [])
                return .file
            case ("trans-unit", _) where !isVersion2 && file != nil, ("unit", _) where isVersion2 && file != nil:
                guard let id = attribute(attributes, "id"), !id.isEmpty else {
                    throw .invalidInput(location, "<\(name)> has no id")
                }
                if XLIFFReader.isPathLike(id) {
                    throw .invalidInput(
                        location, "unit id '\(id)' looks like a file path; captions unit ids are <exhibit-id>.<field>")
                }
                unit = XLIFFDocument.Unit(id: id, source: "", target: nil, location: location)
                if !isVersion2 {
                    unitApprovedNo = attribute(attributes, "approved")?.lowercased() == "no"
                    noteState(.approved12, attribute(attributes, "approved"))
                    noteState(.memoQStatus, attribute(attributes, "status", namespace: XLIFFReader.memoQNamespace))
                }
                unitSource = []
                unitTarget = nil
                unitLayout = Layout()
                unitNotes = []
                segments = []
                return .unit
            case ("segment", .unit) where isVersion2, ("ignorable", .unit) where isVersion2:
                segment = Segment(isIgnorable: name == "ignorable")
                if name == "segment" { noteState(.state20, attribute(attributes, "state") ?? "initial") }
                return .segment
            case ("source", .unit) where !isVersion2, ("source", .segment):
                captured = []
                noteLanguage(attributes, location, in: \.sourceLanguageTags)
                return .source
            case ("target", .unit) where !isVersion2, ("target", .segment):
                // A second target: a tool's merge gone wrong, and which one is meant the file cannot say.
                if let first = isVersion2 ? segment?.targetLocation : unit?.targetLocation, let unit {
                    throw .invalidInput(
                        location,
                        """
                        unit '\(unit.id)' has a second <target> in one \(isVersion2 ? "<segment>" : "<trans-unit>") \
                        (the first at line \(first.line)); a translation tool may have doubled it, and the file cannot \
                        say which is meant: remove one and import the file again
                        """)
                }
                captured = []
                if unit?.targetLocation == nil { unit?.targetLocation = location }
                noteLanguage(attributes, location, in: \.targetLanguageTags)
                if takesLanguageFromTargets, let tag = languageTag(attributes) {
                    try noteFileLanguage(tag, at: location)
                }
                if !isVersion2 {
                    let state = attribute(attributes, "state")
                    noteState(.state12, state)
                    if unitApprovedNo, unit?.markedUnfinished == nil, let state,
                        XLIFFStateTable.saysUnfinished(state)
                    {
                        unit?.markedUnfinished = state
                    }
                }
                if isVersion2 {
                    let order = attribute(attributes, "order")
                    segment?.order = order
                    segment?.targetLocation = location
                }
                return .target
            case ("context-group", .unit) where !isVersion2:
                return .contextGroup
            case ("context", .contextGroup) where attribute(attributes, "context-type") == ExportedTarget.contextType12:
                captured = []
                return .exportedTarget
            case ("context", .contextGroup)
            where attribute(attributes, "context-type") == ExportedTarget.languageContextType12:
                captured = []
                return .exportedLanguage
            case ("context", .contextGroup)
            where attribute(attributes, "context-type") == ExportedTarget.prefilledContextType12:
                captured = []
                return .exportedPrefilled
            case ("note", .unit) where !isVersion2, ("note", .notes) where isVersion2:
                let note = UnitNote(
                    from: attribute(attributes, "from"), category: attribute(attributes, "category"),
                    location: location)
                unitNotes.append(note)
                // The export's own notes are not read (only that the unit has them).
                if note.isMarkedAsCaptions(isVersion2: isVersion2) { return .skipped }
                captured = []
                return .note
            case ("notes", .unit) where isVersion2, ("notes", .segment) where isVersion2:
                // (Translate Toolkit writes a note added to a 2.0 unit into its segment.)
                return .notes
            case ("body", _), ("group", _):
                return .other
            default:
                return .skipped  // header, notes, alt-trans, seg-source, originalData, bin-unit...
            }
        }

        private mutating func startRoot(
            _ name: String, _ elementNamespace: String, _ attributes: [XMLAttribute], _ location: SourceLocation
        ) throws(CaptionError) -> Role {
            let version = attribute(attributes, "version") ?? ""
            guard name == "xliff" else {
                let glossary = GlossaryInsteadOfXLIFF(rootElement: name).map { "; " + $0.hint } ?? ""
                throw .invalidInput(
                    location, "the root element is <\(name)>, not <xliff>: this is not an XLIFF file" + glossary)
            }
            switch elementNamespace {
            case XLIFFVersion.namespace12 where version == "1.2":
                isVersion2 = false
            case XLIFFVersion.namespace20 where version.hasPrefix("2."):
                isVersion2 = true
                rootLanguages = (attribute(attributes, "srcLang"), attribute(attributes, "trgLang"))
            case _ where version == "1.2" || version.hasPrefix("2."):
                // The version is one captions reads, but the namespace is not that version's.
                let expected = version == "1.2" ? XLIFFVersion.namespace12 : XLIFFVersion.namespace20
                let found = elementNamespace.isEmpty ? "has no xmlns" : "has xmlns=\"\(elementNamespace)\""
                throw .invalidInput(
                    location,
                    """
                    the <xliff> element says version="\(version)" but \(found); XLIFF \(version) needs \
                    xmlns="\(expected)" on it: put that back and import the file again
                    """
                )
            default:
                throw .invalidInput(
                    location,
                    """
                    unsupported XLIFF version '\(version)' in namespace '\(elementNamespace)'; captions reads \
                    XLIFF 1.2 and 2.x
                    """
                )
            }
            self.version = version
            namespace = elementNamespace
            rootLocation = location
            return .root
        }

        /// An element inside `<source>` or `<target>`.
        private mutating func inline(
            _ name: String, _ elementNamespace: String, _ attributes: [XMLAttribute], _ location: SourceLocation
        ) -> Role {
            if elementNamespace == namespace {
                switch (name, isVersion2) {
                case ("g", false), ("mrk", _), ("pc", true):
                    return .inline
                case ("sm", true), ("em", true):
                    return .skipped
                case ("cp", true):
                    let hex = attribute(attributes, "hex") ?? ""
                    // The value as written, cut short: it is echoed in the message.
                    let name = "cp hex=\"\(hex.count > 20 ? hex.prefix(20) + "…" : hex)\"/"
                    // Hexadecimal digits only (UInt32 would take a leading "+").
                    guard hex.allSatisfy(\.isHexDigit),
                        let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
                    else {
                        refuse(
                            name, location,
                            "which is not a valid code point (0 to 10FFFF in hexadecimal, not D800 to DFFF)")
                        return .skipped
                    }
                    guard !XMLCharacters.isForbidden(scalar.value) else {
                        refuse(
                            name, location,
                            """
                            the \(scalar.value < 0x20 ? "control " : "")character \(scalar.codePoint), \
                            which a caption cannot hold (XML cannot carry it to translators); remove it in the \
                            translation tool
                            """)
                        return .skipped
                    }
                    guard !Normalization.isControl(scalar) else {
                        refuse(
                            name, location,
                            "the control character \(scalar.codePoint), \(XLIFFReader.controlReason)")
                        return .skipped
                    }
                    captured?.append(contentsOf: String(scalar).utf8)
                    return .skipped
                default:
                    break
                }
            }
            refuse(name, location, nil)
            return .skipped
        }

        /// Refuses the unit for the inline element `name` at `location` (its first such element
        /// counts); `reason` says why, when it is not an inline code.
        private mutating func refuse(_ name: String, _ location: SourceLocation, _ reason: String?) {
            if unit?.unsupportedMarkup == nil { unit?.unsupportedMarkup = (name, location, reason) }
        }

        private mutating func end(_ role: Role) throws(CaptionError) {
            switch role {
            case .source:
                let source = captured ?? []
                captured = nil
                // (The `<source>` is still on the space stack; an ignorable's source is the
                // whitespace between segments, line breaks included.)
                let keepsSpace = preservesSpace.last == true || segment?.isIgnorable == true
                if isVersion2 {
                    segment?.source = source
                    segment?.withoutLayout.drop(source: source, keepsSpace: keepsSpace)
                } else if unit != nil {
                    unitSource = source
                    unitLayout.drop(source: source, keepsSpace: keepsSpace)
                }
            case .target:
                var target = captured ?? []
                captured = nil
                // The `<target>` itself is still on the space stack.
                if isVersion2 {
                    segment?.withoutLayout.drop(target: target, keepsSpace: preservesSpace.last == true)
                } else {
                    unitLayout.drop(target: target, keepsSpace: preservesSpace.last == true)
                }
                if preservesSpace.last != true {
                    let source = isVersion2 ? segment?.source ?? [] : unitSource
                    if XLIFFReader.dropLayoutWhitespace(&target, source: source) {
                        unit?.droppedWhitespace = true
                        // An ignorable's whitespace between segments is not translated: with only
                        // layout left, its source stands.
                        if isVersion2 && segment?.isIgnorable == true && target.isEmpty { target = source }
                    }
                }
                XLIFFReader.readCarriageReturnsAsLineFeeds(&target)
                if let control = XLIFFReader.firstControl(in: target),
                    let location = isVersion2 ? segment?.targetLocation : unit?.targetLocation
                {
                    refuse(
                        "", location,
                        "the control character \(control.codePoint) in its target, \(XLIFFReader.controlReason)"
                    )
                }
                if isVersion2 { segment?.target = target } else if unit != nil { unitTarget = target }
            case .exportedTarget:
                if unit?.exportedTarget == nil { unit?.exportedTarget = XLIFFReader.trimmed(captured ?? []) }
                captured = nil
            case .exportedLanguage:
                if unit?.exportedLanguage == nil { unit?.exportedLanguage = XLIFFReader.trimmed(captured ?? []) }
                captured = nil
            case .exportedPrefilled:
                if unit?.exportedPrefilled == nil {
                    unit?.exportedPrefilled = ExportedTarget.prefilled(XLIFFReader.trimmed(captured ?? []))
                }
                captured = nil
            case .note:
                if !unitNotes.isEmpty {
                    unitNotes[unitNotes.count - 1].text = XLIFFReader.trimmed(captured ?? [])
                }
                captured = nil
            case .segment:
                if let segment { segments.append(segment) }
                segment = nil
            case .unit:
                guard var finished = unit else { return }
                finished.translatorNotes = UnitNote.notWrittenByCaptions(
                    unitNotes, isVersion2: isVersion2, exported: finished.exportedTarget != nil)
                var source = unitSource
                var target = unitTarget
                if let plain = unitLayout.source {
                    finished.withoutLayout = XLIFFDocument.Unit.WithoutLayout(
                        source: plain, target: unitLayout.target ?? target, droppedTarget: unitLayout.target != nil)
                }
                if isVersion2 {
                    source = Array(segments.map(\.source).joined())
                    let translated = segments.filter { !$0.isIgnorable }
                    var order: [Int]?
                    if !translated.isEmpty, translated.allSatisfy({ $0.target != nil }) {
                        switch XLIFFReader.targetOrder(of: segments, unit: finished) {
                        case .order(let found):
                            order = found
                            target = Array(found.map { segments[$0].target ?? segments[$0].source }.joined())
                        case .invalid(let message, let location):
                            finished.invalidOrder = (message, location)
                        }
                    }
                    if segments.contains(where: { $0.withoutLayout.source != nil }) {
                        let plain = segments.map { $0.withoutLayout.source ?? $0.source }
                        finished.withoutLayout = XLIFFDocument.Unit.WithoutLayout(
                            source: Array(plain.joined()),
                            target: order.map { order in
                                Array(
                                    order.map { segments[$0].withoutLayout.target ?? segments[$0].target ?? plain[$0] }
                                        .joined())
                            },
                            droppedTarget: segments.contains { $0.withoutLayout.target != nil })
                    }
                }
                let read = ReadUnit(withoutText: finished, source: source, target: target, targetLanguage: "")
                if takesLanguageFromTargets && languageFromTargets == nil {
                    unitsAwaitingLanguage.append(read)
                } else {
                    for waiting in unitsAwaitingLanguage { try deliver(waiting) }
                    unitsAwaitingLanguage = []
                    try deliver(read)
                }
                unit = nil
            case .file:
                if takesLanguageFromTargets && languageFromTargets == nil, let file {
                    let languages = targetLanguages.map { " (one of \($0.joined(separator: ", ")))" } ?? ""
                    throw .invalidInput(
                        file.location,
                        """
                        the <file> has no target-language, and none of its <target> elements names a language \
                        (xml:lang): add target-language with the language of its translations\(languages) to the \
                        <file> and import the file again
                        """)
                }
                takesLanguageFromTargets = false
                if let file { files.append(file) }
                file = nil
            default:
                break
            }
        }

        /// Hands `read` on with its file's target language, once its file is not refused for
        /// ``checkExportedLanguage(of:)``.
        private mutating func deliver(_ read: ReadUnit) throws(CaptionError) {
            guard let language = file?.targetLanguage else { return }
            try checkExportedLanguage(of: read.withoutText)
            // The language is taken alone: a copy of the file would make appending copy its units.
            var read = read
            read.targetLanguage = language
            if keepsUnits { file?.units.append(read.unit) } else { finishedUnits.append(read) }
        }

        /// Takes `tag`, the `xml:lang` of a target at `location` in a 1.2 `<file>` without
        /// `target-language`, as the file's target language; refuses the file when an earlier
        /// target named another (compared as ``Language/matching(_:in:)`` does: `kk-KZ` is `kk`).
        private mutating func noteFileLanguage(_ tag: String, at location: SourceLocation) throws(CaptionError) {
            guard let named = languageFromTargets else {
                languageFromTargets = (tag, location)
                file?.targetLanguage = tag
                file?.languagesLocation = location
                return
            }
            guard
                named.tag != tag && Language.matching(tag, in: [named.tag]) == nil
                    && Language.matching(named.tag, in: [tag]) == nil
            else { return }
            throw .invalidInput(
                location,
                """
                the <file> at line \(file?.location.line ?? 0) has no target-language, and its targets name two \
                languages: xml:lang="\(named.tag)" at line \(named.location.line) and xml:lang="\(tag)" here; add \
                target-language with the language of its translations to the <file> (a unit in another language \
                is then refused) and import the file again
                """)
        }

        /// Refuses the file when `unit` was exported for another language than its file's target
        /// language says (a tool or an edit changed it): its translations would be imported as
        /// that language's texts.
        private func checkExportedLanguage(of unit: XLIFFDocument.Unit) throws(CaptionError) {
            // (The same tag, as nearly every unit has, needs no matching.)
            guard let exported = unit.exportedLanguage, !exported.isEmpty, let file, exported != file.targetLanguage,
                Language.matching(file.targetLanguage, in: [exported]) == nil
            else { return }
            let attribute =
                isVersion2 ? "trgLang" : takesLanguageFromTargets ? "xml:lang of its targets" : "target-language"
            let target = file.targetLanguage
            let otherwise =
                if let targetLanguages, Language.matching(target, in: targetLanguages) == nil {
                    "'\(target)' is not a target language of the collection (\(targetLanguages.joined(separator: ", ")))"
                } else {
                    "if they are \(target), ask for them in a file exported for \(target)"
                }
            throw .invalidInput(
                file.languagesLocation,
                """
                the file says its target language is '\(file.targetLanguage)' (\(attribute)) but was exported for \
                '\(exported)' (unit '\(unit.id)' at line \(unit.location.line) is marked so): a translation tool or \
                an edit changed it; if its translations are \(exported), set \(attribute) back to "\(exported)" and \
                import again; \(otherwise)
                """)
        }

        func finish() throws(CaptionError) -> XLIFFDocument {
            guard let version else {
                throw .invalidInput(
                    SourceLocation(path: path, line: 1, column: 1), "the file has no <xliff> root element")
            }
            guard !files.isEmpty else { throw .invalidInput(rootLocation, "the XLIFF file has no <file> element") }
            return XLIFFDocument(path: path, version: version, files: files)
        }
    }
}
