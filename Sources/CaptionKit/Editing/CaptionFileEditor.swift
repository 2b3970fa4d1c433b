import Foundation

/// Edits a caption file as text, so that everything not edited stays byte-identical.
///
/// Each edit finds its spot with the loader's positions (lines and Unicode-scalar columns,
/// turned into UTF-8 byte offsets), splices only the bytes of the value it changes, then loads
/// the edited text again and checks that exactly the intended value changed. If that check fails (an unusual layout,
/// such as a
/// flow mapping `{ kk: ..., ru: ... }` that needs a new language), the edit is refused with a
/// located error and the text stays as it was.
struct CaptionFileEditor: Sendable {
    /// The file as the user named it.
    let path: String
    /// The path below the collection folder.
    let relativePath: String
    /// The current text's UTF-8 bytes (without the byte order mark).
    var bytes: [UInt8]
    /// The exhibit loaded from ``bytes``, once loaded (each accepted edit loads its result).
    var loaded: Exhibit?
    /// The current text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The line break the file uses (`\n` or `\r\n`), used for inserted lines.
    let newline: String
    /// Whether the file started with a UTF-8 byte order mark (kept in ``data``).
    private var hasByteOrderMark = false
    /// The digest of the bytes read from disk (``init(fileData:path:relativePath:)``), which the
    /// file must still have when the edited bytes replace it.
    private(set) var readDigest: ContentDigest?
    /// The text as read, to which ``onDisk(_:)`` takes positions back.
    private let readBytes: [UInt8]
    /// The splices accepted so far, a set of them per accepted edit, each set in the positions
    /// of the text before it.
    private var acceptedSplices: [[ByteSplice]] = []

    /// Starts editing `text`.
    init(text: String, path: String, relativePath: String) {
        self.init(bytes: Array(text.utf8), path: path, relativePath: relativePath)
    }

    private init(bytes: [UInt8], path: String, relativePath: String) {
        self.bytes = bytes
        self.readBytes = bytes
        self.path = path
        self.relativePath = relativePath
        self.newline = Self.lineBreak(of: bytes)
    }

    /// The line break a file whose bytes are `bytes` uses for lines written into it: `\r\n`
    /// when it has one (a file saved on Windows), else `\n`.
    static func lineBreak(of bytes: some RandomAccessCollection<UInt8>) -> String {
        var index = bytes.firstIndex(of: 0x0D)
        while let found = index, bytes.index(after: found) < bytes.endIndex {
            if bytes[bytes.index(after: found)] == 0x0A { return "\r\n" }
            index = bytes[bytes.index(after: found)...].firstIndex(of: 0x0D)
        }
        return "\n"
    }

    /// Starts editing the caption file of `exhibit` as it is on disk now.
    ///
    /// - Throws: ``CaptionError`` when the file cannot be read or is not UTF-8.
    init(editing exhibit: Exhibit) throws(CaptionError) {
        try self.init(editing: exhibit, loadedFrom: nil)
    }

    /// Starts editing the caption file of `exhibit` as it is on disk now; when its bytes still
    /// have `digest`, the digest of the bytes `exhibit` was loaded from, `exhibit` stands for
    /// their load (and the file is not loaded again).
    ///
    /// - Throws: ``CaptionError`` when the file cannot be read or is not UTF-8.
    init(editing exhibit: Exhibit, loadedFrom digest: ContentDigest?) throws(CaptionError) {
        let data = try FileBytes.data(ofFile: exhibit.path)
        try self.init(fileData: data, path: exhibit.path, relativePath: exhibit.relativePath)
        // The same bytes load as the same exhibit (the loader and the editor both drop the byte
        // order mark); an exhibit with findings is loaded again, as one over the size limit is.
        if let digest, exhibit.isReadable, exhibit.loadFindings.isEmpty, ContentDigest(data) == digest {
            loaded = exhibit
        }
    }

    /// Starts editing a caption file whose bytes are `data`.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when `data` is not UTF-8.
    init(fileData data: Data, path: String, relativePath: String) throws(CaptionError) {
        let text: String
        do {
            text = try SourceText.decode(data)  // drops a byte order mark; keeps every other byte
        } catch {
            throw .invalidInput(
                SourceLocation(path: path, line: error.line, column: error.column), error.message)
        }
        self.init(bytes: Array(text.utf8), path: path, relativePath: relativePath)
        self.hasByteOrderMark = data.starts(with: [0xEF, 0xBB, 0xBF])
        self.readDigest = ContentDigest(data)
    }

    /// The file's bytes: the text in UTF-8, with the byte order mark it was read with.
    var data: Data {
        var output = Data(capacity: bytes.count + 3)
        if hasByteOrderMark { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        output.append(contentsOf: bytes)
        return output
    }

    /// The file as loaded now.
    var exhibit: Exhibit { loaded ?? load(bytes) }

    func load(_ bytes: [UInt8]) -> Exhibit {
        ExhibitParser.parse(decodedBytes: bytes, path: path, relativePath: relativePath)
    }

    /// The file as loaded now, remembered until the next edit.
    mutating func current() -> Exhibit {
        if let loaded { return loaded }
        let exhibit = load(bytes)
        loaded = exhibit
        return exhibit
    }

    /// Sets the text of `field` in `language`, replacing the value in place or adding a
    /// `language:` entry in `languageOrder` position; a field the file does not have is added
    /// in `fieldOrder` position (``insertField(_:language:text:fieldOrder:)``).
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` at the field when the file's layout does
    ///   not allow a safe edit; the text is then unchanged.
    mutating func setTranslation(
        field fieldName: String, language: String, to newText: String, languageOrder: [String],
        fieldOrder: [String] = []
    ) throws(CaptionError) {
        let before = current()
        if before.isReadable, before.loadFindings.isEmpty, before.field(fieldName) == nil {
            return try insertField(fieldName, language: language, text: newText, fieldOrder: fieldOrder)
        }
        let field = try editableField(fieldName, of: before)
        let splice = try translationSplice(
            field: field, language: language, to: newText, languageOrder: languageOrder, lines: LineIndex(bytes: bytes))
        let edited = splice.applied(to: bytes)
        try refuseOverSizeLimit(edited, writing: "\(before.displayID).\(fieldName) (\(language))", at: field.location)
        try commit(
            splice, expecting: before, field: fieldName, language: language, text: newText, at: field.location)
    }

    /// Whether the file `edited` makes is no larger than the loader reads
    /// (``ExhibitParser/maximumFileSize``, the byte order mark included).
    func fitsSizeLimit(_ edited: [UInt8]) -> Bool {
        edited.count + (hasByteOrderMark ? 3 : 0) <= ExhibitParser.maximumFileSize
    }

    /// Refuses `edited` when the file it makes is larger than the loader reads: every later
    /// command would refuse the file, and no edit through this editor could repair it. `what`
    /// names what the edit writes (`kurt-story.title (kk)`, `the translations record`).
    func refuseOverSizeLimit(_ edited: [UInt8], writing what: String, at location: SourceLocation)
        throws(CaptionError)
    {
        guard !fitsSizeLimit(edited) else { return }
        throw refusal(
            location,
            """
            \(what) cannot be written: \(relativePath) would be \(edited.count + (hasByteOrderMark ? 3 : 0)) \
            bytes, and exhibit files are limited to \(ExhibitParser.maximumFileSize) bytes; shorten the texts or notes \
            in it, or split the exhibit in two
            """
        )
    }

    /// The field `fieldName` of `exhibit` when the file can be edited at all.
    func editableField(_ fieldName: String, of exhibit: Exhibit) throws(CaptionError) -> CaptionField {
        if let finding = exhibit.loadFindings.first {
            throw refusal(
                finding.location, "\(relativePath) cannot be edited safely: \(finding.message); fix that first")
        }
        guard exhibit.isReadable, let field = exhibit.field(fieldName) else {
            throw refusal(
                exhibit.loadFindings.first?.location ?? SourceLocation(path: path, line: 1, column: 1),
                "\(relativePath) cannot be edited safely: it has no readable '\(fieldName)' field")
        }
        return field
    }

    /// The splice that sets the text of `field` in `language` in the text indexed by `lines`
    /// (of which `field` was loaded): the value replaced in place, or a new `language:` entry.
    func translationSplice(
        field: CaptionField, language: String, to newText: String, languageOrder: [String], lines: LineIndex
    ) throws(CaptionError) -> ByteSplice {
        if let translation = field.translation(language) {
            return replace(translation, with: newText, lines: lines)
        }
        return try insert(language, text: newText, into: field, order: languageOrder, lines: lines)
    }

    /// Records `fingerprints` (field → language → fingerprint) in the `translations:` key,
    /// keeping the other entries; creates the key at the end of the file when missing.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when the file has errors (a rewrite of the
    ///   record would drop a key written twice in it without a word) or the existing key cannot be
    ///   rewritten safely.
    mutating func record(
        _ fingerprints: [String: [String: String]], fieldOrder: [String], languageOrder: [String]
    ) throws(CaptionError) {
        let before = current()
        try refuseWithErrors(before)
        guard
            let (record, splice) = recordSplice(
                fingerprints, of: before, fieldOrder: fieldOrder, languageOrder: languageOrder, in: bytes)
        else { return }
        let edited = splice.applied(to: bytes)
        try refuseOverSizeLimit(
            edited, writing: "the translations record of \(before.displayID)",
            at: before.metadata[TranslationRecord.key]?.location ?? SourceLocation(path: path, line: 1, column: 1))
        let after = load(edited)
        guard after.loadFindings.isEmpty, TranslationRecord(exhibit: after).sameEntries(as: record),
            Self.sameScalars(Self.captions(of: after), Self.captions(of: before)),
            Self.shapes(of: after, except: TranslationRecord.key)
                == Self.shapes(of: before, except: TranslationRecord.key)
        else {
            throw refusal(
                before.metadata[TranslationRecord.key]?.location ?? SourceLocation(path: path, line: 1, column: 1),
                """
                the translations record of \(relativePath) cannot be rewritten safely; remove the key and run the \
                command again
                """
            )
        }
        take(edited, loaded: after, splices: [splice])
    }

    /// The record of `exhibit` with `fingerprints` set, and the splice that writes it into
    /// `bytes` (the text `exhibit` was loaded from, or that text with its translations edited);
    /// `nil` when the record already says so and is well formed.
    func recordSplice(
        _ fingerprints: [String: [String: String]], of exhibit: Exhibit, fieldOrder: [String], languageOrder: [String],
        in bytes: [UInt8]
    ) -> (record: TranslationRecord, splice: ByteSplice)? {
        var record = TranslationRecord(exhibit: exhibit)
        var changed = false
        for (field, languages) in fingerprints {
            // A new fingerprint comes with a new text: a review or approval never carries over.
            for (language, fingerprint) in languages
            where record.fingerprints[field]?[language] != fingerprint || record.signOffs[field]?[language] != nil {
                record.fingerprints[field, default: [:]][language] = fingerprint
                record.signOffs[field]?[language] = nil
                changed = true
            }
        }
        guard changed || !record.problems.isEmpty else { return nil }
        let block = record.yaml(fieldOrder: fieldOrder, languageOrder: languageOrder, newline: newline)
        if let range = recordRange(in: bytes) {
            return (record, ByteSplice(range: range, bytes: Array(block.utf8)))
        }
        var appended: [UInt8] = []
        if let last = bytes.last, last != UInt8(ascii: "\n") { appended += newline.utf8 }
        appended += block.utf8
        appended += newline.utf8
        return (record, ByteSplice(range: bytes.count..<bytes.count, bytes: appended))
    }

    // MARK: - Finding values

    /// Replaces an existing value.
    private func replace(_ translation: Translation, with newText: String, lines: LineIndex) -> ByteSplice {
        let bytes = lines.bytes
        let keyIndent = translation.keyLocation.column - 1
        let keyOffset = lines.offset(translation.keyLocation)
        let flow = isInFlow(keyOffset: keyOffset, bytes: bytes, lineStart: lines.lineStart(ofOffset: keyOffset))
        var valueRange: Range<Int>
        if translation.valueLocation.line != translation.keyLocation.line && translation.text.isEmpty {
            // An empty value: Yams places it at the next token; the edit goes right after the colon.
            let colon = colonOffset(afterKeyAt: keyOffset, bytes: bytes)
            valueRange = colon..<colon
        } else {
            let start = lines.offset(translation.valueLocation)
            valueRange = start..<valueEnd(from: start, keyIndent: keyIndent, flow: flow, lines: lines)
        }
        let rendering = YAMLScalarWriter.render(newText, inFlow: flow)
        var replacement: [UInt8] = []
        switch rendering {
        case .inline(let value):
            if valueRange.isEmpty { replacement.append(UInt8(ascii: " ")) }
            replacement += value.utf8
        case .literalBlock(let contentLines):
            // The header takes the rest of the old value's last line (spaces, a comment).
            var lineEnd = lines.lineEnd(ofOffset: max(valueRange.lowerBound, valueRange.upperBound - 1))
            if lineEnd > valueRange.upperBound, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let rest = bytes[valueRange.upperBound..<lineEnd]
            valueRange = valueRange.lowerBound..<lineEnd
            replacement +=
                (valueRange.isEmpty || bytes[valueRange.lowerBound - 1] != UInt8(ascii: " ") ? " |" : "|").utf8
            replacement += rest
            Self.appendBlockLines(contentLines, indent: keyIndent + 2, newline: newline, to: &replacement)
        }
        return ByteSplice(range: valueRange, bytes: replacement)
    }

    /// Appends the lines of a literal block, each after a line break and `indent` spaces
    /// (empty lines stay empty).
    static func appendBlockLines(_ lines: [String], indent: Int, newline: String, to output: inout [UInt8]) {
        for line in lines {
            output += newline.utf8
            if !line.isEmpty {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                output += line.utf8
            }
        }
    }

    /// Inserts a new `language:` entry in a field written as a block mapping.
    private func insert(
        _ language: String, text newText: String, into field: CaptionField, order: [String], lines: LineIndex
    ) throws(CaptionError) -> ByteSplice {
        let bytes = lines.bytes
        let rank = { (tag: String) in order.firstIndex(of: tag) ?? Int.max }
        let insertOffset: Int
        let indent: Int
        if let next = field.translations.first(where: { rank($0.language) > rank(language) }) {
            let keyOffset = lines.offset(next.keyLocation)
            insertOffset = lines.lineStart(ofOffset: keyOffset)
            indent = next.keyLocation.column - 1
            guard lines.scalarCount(insertOffset..<keyOffset) == indent,
                !isInFlow(keyOffset: keyOffset, bytes: bytes, lineStart: insertOffset)
            else { throw unsafeLayout(field) }
        } else if let last = field.translations.last {
            let keyOffset = lines.offset(last.keyLocation)
            indent = last.keyLocation.column - 1
            guard lines.scalarCount(lines.lineStart(ofOffset: keyOffset)..<keyOffset) == indent,
                !isInFlow(keyOffset: keyOffset, bytes: bytes, lineStart: lines.lineStart(ofOffset: keyOffset))
            else { throw unsafeLayout(field) }
            let end: Int
            if last.valueLocation.line != last.keyLocation.line && last.text.isEmpty {
                end = keyOffset
            } else {
                let start = lines.offset(last.valueLocation)
                end = max(start, valueEnd(from: start, keyIndent: indent, flow: false, lines: lines) - 1)
            }
            insertOffset = lines.nextLineStart(afterOffset: end)
        } else {
            let keyOffset = lines.offset(field.location)
            indent = field.location.column - 1 + 2
            insertOffset = lines.nextLineStart(afterOffset: keyOffset)
        }
        var entry: [UInt8] = Array(repeating: UInt8(ascii: " "), count: indent)
        entry += YAMLScalarWriter.key(language).utf8
        entry.append(UInt8(ascii: ":"))
        switch YAMLScalarWriter.render(newText) {
        case .inline(let value):
            entry.append(UInt8(ascii: " "))
            entry += value.utf8
        case .literalBlock(let contentLines):
            entry += " |".utf8
            Self.appendBlockLines(contentLines, indent: indent + 2, newline: newline, to: &entry)
        }
        var inserted: [UInt8] = []
        inserted.reserveCapacity(entry.count + 4)
        if insertOffset == bytes.count, let last = bytes.last, last != UInt8(ascii: "\n") {
            inserted += newline.utf8
        }
        inserted += entry
        inserted += newline.utf8
        return ByteSplice(range: insertOffset..<insertOffset, bytes: inserted)
    }

    private func unsafeLayout(_ field: CaptionField) -> CaptionError {
        refusal(
            field.location,
            """
            \(field.name) in \(relativePath) is not written as one 'language: text' entry per line; add the \
            translation by hand
            """
        )
    }

    /// Whether the key at `keyOffset` sits inside a flow mapping (`{ kk: ..., ru: ... }`).
    private func isInFlow(keyOffset: Int, bytes: [UInt8], lineStart: Int) -> Bool {
        var index = keyOffset - 1
        while index >= lineStart, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index -= 1 }
        return index >= lineStart && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: ","))
    }

    /// The offset just after the `:` that ends the key starting at `keyOffset`.
    private func colonOffset(afterKeyAt keyOffset: Int, bytes: [UInt8]) -> Int {
        var index = keyOffset
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            index += 1
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: ":"), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return min(index + 1, bytes.count)
    }

    /// The offset just after the scalar value that starts at `start`.
    private func valueEnd(from start: Int, keyIndent: Int, flow: Bool, lines: LineIndex) -> Int {
        let bytes = lines.bytes
        guard start < bytes.count else { return start }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
                index += 1
            }
            return bytes.count
        case UInt8(ascii: "'"):
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "'") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                        index += 2
                        continue
                    }
                    return index + 1
                }
                index += 1
            }
            return bytes.count
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            var end = lines.lineEnd(ofOffset: start)
            var lineStart = lines.nextLineStart(afterOffset: start)
            while lineStart < bytes.count {
                let lineEnd = lines.lineEnd(ofOffset: lineStart)
                let content = bytes[lineStart..<lineEnd]
                let indentation = content.prefix { $0 == UInt8(ascii: " ") }.count
                let blank = content.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
                if !blank {
                    if indentation <= keyIndent { break }
                    end = lineEnd
                }
                lineStart = lines.nextLineStart(afterOffset: lineStart)
            }
            return end > 0 && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
        default:
            var end = plainLineEnd(from: start, flow: flow, lines: lines)
            guard !flow else { return end }
            var lineStart = lines.nextLineStart(afterOffset: start)
            while lineStart < bytes.count {
                let lineEnd = lines.lineEnd(ofOffset: lineStart)
                let content = bytes[lineStart..<lineEnd]
                let indentation = content.prefix { $0 == UInt8(ascii: " ") }.count
                if content.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                    lineStart = lines.nextLineStart(afterOffset: lineStart)
                    continue
                }
                if indentation <= keyIndent || bytes[lineStart + indentation] == UInt8(ascii: "#") { break }
                end = plainLineEnd(from: lineStart + indentation, flow: false, lines: lines)
                lineStart = lines.nextLineStart(afterOffset: lineStart)
            }
            return end
        }
    }

    /// The end of the part of a plain scalar on one line: before a comment or the line end,
    /// without trailing spaces (and, in flow context, before `,` `}` `]`).
    private func plainLineEnd(from start: Int, flow: Bool, lines: LineIndex) -> Int {
        let bytes = lines.bytes
        let lineEnd = lines.lineEnd(ofOffset: start)
        var index = start
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), index > start,
                bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")
            {
                break
            }
            if flow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { break }
            index += 1
        }
        while index > start,
            bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")
                || bytes[index - 1] == UInt8(ascii: "\r")
        {
            index -= 1
        }
        return index
    }

    /// The range of the top-level `translations:` key and its indented lines, if present.
    func recordRange(in bytes: [UInt8]) -> Range<Int>? {
        let key = Array((TranslationRecord.key + ":").utf8)
        return bytes.withUnsafeBufferPointer { bytes -> Range<Int>? in
            // The offset of the `\n` ending the line holding `offset` (or the text's end), found with memchr.
            func lineEnd(_ offset: Int) -> Int {
                guard offset < bytes.count, let base = bytes.baseAddress,
                    let found = memchr(base + offset, 0x0A, bytes.count - offset)
                else { return max(offset, bytes.count) }
                return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            }
            func nextLineStart(_ offset: Int) -> Int { min(lineEnd(offset) + 1, bytes.count) }
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart...].starts(with: key) {
                    var end = lineEnd(lineStart)
                    var next = nextLineStart(lineStart)
                    while next < bytes.count {
                        let contentEnd = lineEnd(next)
                        let content = bytes[next..<contentEnd]
                        if content.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                            next = nextLineStart(next)
                            continue
                        }
                        guard content.first == UInt8(ascii: " ") else { break }
                        end = contentEnd
                        next = nextLineStart(next)
                    }
                    if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    return lineStart..<end
                }
                lineStart = nextLineStart(lineStart)
            }
            return nil
        }
    }

    // MARK: - Checking an edit

    /// Every caption text and note of an exhibit, for comparing before and after an edit.
    static func captions(of exhibit: Exhibit) -> [String: String] {
        var result: [String: String] = ["id": exhibit.id ?? "\u{0}", "notes": exhibit.notes?.text ?? "\u{0}"]
        for field in exhibit.fields {
            result[field.name] = ""
            for translation in field.translations { result[field.name + "." + translation.language] = translation.text }
        }
        return result
    }

    /// Compares texts scalar by scalar (as UTF-8): String equality would accept a canonically
    /// equivalent text.
    static func sameScalars(_ first: [String: String], _ second: [String: String]) -> Bool {
        first.count == second.count && first.allSatisfy { key, value in second[key]?.hasSameUTF8(as: value) ?? false }
    }

    /// The metadata keys' contents without positions (an edit above them moves their lines).
    static func shapes(of exhibit: Exhibit, except skipped: String?) -> [String: String] {
        func shape(_ node: LocatedNode) -> String {
            switch node.value {
            case .scalar(let text): return "s" + String(text.unicodeScalars.count) + ":" + text
            case .sequence(let items): return "[" + items.map(shape).joined(separator: ",") + "]"
            case .mapping(let pairs):
                return "{" + pairs.map { shape($0.key) + "=" + shape($0.value) }.joined(separator: ",") + "}"
            }
        }
        var result: [String: String] = [:]
        for (key, node) in exhibit.metadata where key != skipped { result[key] = shape(node) }
        return result
    }

    /// Accepts `edited` only if it loads with exactly the one intended change.
    private mutating func commit(
        _ splice: ByteSplice, expecting before: Exhibit, field: String, language: String, text newText: String,
        at location: SourceLocation
    ) throws(CaptionError) {
        let edited = splice.applied(to: bytes)
        let after = load(edited)
        var expected = Self.captions(of: before)
        expected[field + "." + language] = newText
        let same =
            after.loadFindings.isEmpty && Self.sameScalars(Self.captions(of: after), expected)
            && Self.shapes(of: after, except: nil) == Self.shapes(of: before, except: nil)
        guard same else {
            throw refusal(
                location,
                "\(field) (\(language)) in \(relativePath) cannot be written safely here; add the translation by hand")
        }
        take(edited, loaded: after, splices: [splice])
    }

    /// Makes `edited`, the text with `splices` made (in the positions of the current text), the
    /// current text, loaded as `after`.
    mutating func take(_ edited: [UInt8], loaded after: Exhibit, splices: [ByteSplice]) {
        bytes = edited
        loaded = after
        acceptedSplices.append(splices)
    }

    /// An edit refused at `location`, a position in the current text: the message says where
    /// that is in the file as read, which is the file on disk (earlier edits may have moved it).
    /// Refuses to write the record of `exhibit` (the current text) while it has load findings.
    func refuseWithErrors(_ exhibit: Exhibit) throws(CaptionError) {
        guard exhibit.isReadable, exhibit.loadFindings.isEmpty else {
            throw refusal(
                exhibit.loadFindings.first?.location ?? SourceLocation(path: path, line: 1, column: 1),
                "\(relativePath) has errors; run captions check and fix them first")
        }
    }

    func refusal(_ location: SourceLocation, _ message: String) -> CaptionError {
        .invalidInput(onDisk(location), message)
    }

    /// Where `location`, a position in the current text, is in the text as read; a position in
    /// text an edit put in is that edit's start.
    func onDisk(_ location: SourceLocation) -> SourceLocation {
        guard !acceptedSplices.isEmpty, location.line > 0 else { return location }
        var offset = LineIndex(bytes: bytes).offset(location)
        for splices in acceptedSplices.reversed() {
            var shift = 0
            var before: Int?
            let ordered = splices.enumerated().sorted {
                ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
            }
            for splice in ordered.map(\.element) {
                let start = splice.range.lowerBound + shift
                if offset <= start { break }
                if offset < start + splice.bytes.count {
                    before = splice.range.lowerBound
                    break
                }
                shift += splice.bytes.count - splice.range.count
            }
            offset = before ?? offset - shift
        }
        let lines = LineIndex(bytes: readBytes)
        let lineStart = lines.lineStart(ofOffset: offset)
        return SourceLocation(
            path: location.path, line: lines.line(ofOffset: offset),
            column: lines.scalarCount(lineStart..<offset) + 1)
    }
}

/// Line starts of a text held as UTF-8 bytes, for converting line/column positions (columns
/// in Unicode scalars) to byte offsets.
struct LineIndex {
    /// The text.
    let bytes: [UInt8]
    /// Offset of the first byte of each line (line 1 at index 0).
    private let starts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        self.starts = starts
    }

    /// The offset of a 1-based line and scalar column (clamped to the text; a column past the
    /// line's end runs on into the next lines).
    func offset(_ location: SourceLocation) -> Int {
        let line = min(max(location.line, 1), starts.count)
        var index = starts[line - 1]
        var remaining = max(location.column - 1, 0)
        while remaining > 0, index < bytes.count {
            index += 1
            while index < bytes.count, Self.isContinuation(bytes[index]) { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The number of Unicode scalars in `range`.
    func scalarCount(_ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 + (Self.isContinuation($1) ? 0 : 1) }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The start of the line holding `offset`.
    func lineStart(ofOffset offset: Int) -> Int {
        starts[line(ofOffset: offset) - 1]
    }

    /// The 1-based number of the line holding `offset` (the text's end belongs to its last line).
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The offset of the `\n` ending the line holding `offset` (or the text's end).
    func lineEnd(ofOffset offset: Int) -> Int {
        guard offset < bytes.count else { return offset }
        return bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    /// The start of the line after the one holding `offset` (or the text's end).
    func nextLineStart(afterOffset offset: Int) -> Int {
        min(lineEnd(ofOffset: offset) + 1, bytes.count)
    }
}
