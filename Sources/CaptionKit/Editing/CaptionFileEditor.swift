import Foundation

/// Edits a caption file as text, so that everything not edited stays byte-identical.
///
/// Each edit finds its spot with the loader's positions (lines and Unicode-scalar columns),
/// replaces or inserts only the value it changes, then loads the edited text again and checks
/// that exactly the intended value changed. If that check fails (an unusual layout, such as a
/// flow mapping `{ kk: ..., ru: ... }` that needs a new language), the edit is refused with a
/// located error and the text stays as it was.
public struct CaptionFileEditor: Sendable {
    /// The file as the user named it.
    public let path: String
    /// The path below the collection folder.
    public let relativePath: String
    /// The current text.
    public private(set) var text: String
    /// The line break the file uses (`\n` or `\r\n`), used for inserted lines.
    private let newline: String
    /// Whether the file started with a UTF-8 byte order mark (kept in ``data``).
    private var hasByteOrderMark = false

    /// Starts editing `text`.
    public init(text: String, path: String, relativePath: String) {
        self.text = text
        self.path = path
        self.relativePath = relativePath
        self.newline = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// Starts editing the caption file of `exhibit` as it is on disk now.
    ///
    /// - Throws: ``CaptionError`` when the file cannot be read or is not UTF-8.
    public init(editing exhibit: Exhibit) throws(CaptionError) {
        guard let data = FileManager.default.contents(atPath: exhibit.path) else {
            throw .unreadable(path: exhibit.path, reason: "cannot read the caption file")
        }
        do {
            self.init(text: try SourceText.decode(data), path: exhibit.path, relativePath: exhibit.relativePath)
        } catch {
            throw .invalidInput(
                SourceLocation(path: exhibit.path, line: error.line, column: error.column), "file is not valid UTF-8 text")
        }
        hasByteOrderMark = data.starts(with: [0xEF, 0xBB, 0xBF])
    }

    /// The file's bytes: the text in UTF-8, with the byte order mark it was read with.
    public var data: Data {
        var output = hasByteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()
        output.append(Data(text.utf8))
        return output
    }

    /// The file as loaded now.
    public var exhibit: Exhibit { ExhibitParser.parse(text: text, path: path, relativePath: relativePath) }

    /// Sets the text of `field` in `language`, replacing the value in place or adding a
    /// `language:` entry in `languageOrder` position.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` at the field when the file's layout does
    ///   not allow a safe edit; the text is then unchanged.
    public mutating func setTranslation(
        field fieldName: String, language: String, to newText: String, languageOrder: [String]
    ) throws(CaptionError) {
        let before = exhibit
        guard before.isReadable, before.loadFindings.isEmpty, let field = before.field(fieldName) else {
            throw .invalidInput(
                before.loadFindings.first?.location ?? SourceLocation(path: path, line: 1, column: 1),
                "\(relativePath) cannot be edited safely: it has no readable '\(fieldName)' field")
        }
        var lines = LineIndex(text)
        let edited: String
        if let translation = field.translation(language) {
            edited = replace(translation, with: newText, lines: &lines)
        } else {
            edited = try insert(language, text: newText, into: field, order: languageOrder, lines: &lines)
        }
        try commit(edited, expecting: before, field: fieldName, language: language, text: newText, at: field.location)
    }

    /// Records `fingerprints` (field → language → fingerprint) in the `translations:` key,
    /// keeping the other entries; creates the key at the end of the file when missing.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when the existing key cannot be rewritten safely.
    public mutating func record(
        _ fingerprints: [String: [String: String]], fieldOrder: [String], languageOrder: [String]
    ) throws(CaptionError) {
        let before = exhibit
        var record = TranslationRecord(exhibit: before)
        var changed = false
        for (field, languages) in fingerprints {
            for (language, fingerprint) in languages where record.fingerprints[field]?[language] != fingerprint {
                record.fingerprints[field, default: [:]][language] = fingerprint
                changed = true
            }
        }
        guard changed || !record.problems.isEmpty else { return }
        let block = record.yaml(fieldOrder: fieldOrder, languageOrder: languageOrder, newline: newline)
        let scalars = Array(text.unicodeScalars)
        var result: [Unicode.Scalar]
        if let range = recordRange(in: scalars) {
            result = Array(scalars[..<range.lowerBound]) + Array(block.unicodeScalars) + Array(scalars[range.upperBound...])
        } else {
            result = scalars
            if let last = result.last, last != "\n" { result += newline.unicodeScalars }
            result += (block + newline).unicodeScalars
        }
        var edited = ""
        edited.unicodeScalars.append(contentsOf: result)
        let after = ExhibitParser.parse(text: edited, path: path, relativePath: relativePath)
        guard after.loadFindings.isEmpty, TranslationRecord(exhibit: after).fingerprints == record.fingerprints,
            Self.sameScalars(Self.captions(of: after), Self.captions(of: before)),
            Self.shapes(of: after, except: TranslationRecord.key) == Self.shapes(of: before, except: TranslationRecord.key)
        else {
            throw .invalidInput(
                before.metadata[TranslationRecord.key]?.location ?? SourceLocation(path: path, line: 1, column: 1),
                "the translations record of \(relativePath) cannot be rewritten safely; remove the key and run the command again")
        }
        text = edited
    }

    // MARK: - Finding values

    /// Replaces an existing value.
    private func replace(_ translation: Translation, with newText: String, lines: inout LineIndex) -> String {
        let scalars = lines.scalars
        let keyIndent = translation.keyLocation.column - 1
        let keyOffset = lines.offset(translation.keyLocation)
        let flow = isInFlow(keyOffset: keyOffset, scalars: scalars, lineStart: lines.lineStart(ofOffset: keyOffset))
        var valueRange: Range<Int>
        if translation.valueLocation.line != translation.keyLocation.line && translation.text.isEmpty {
            // An empty value: Yams places it at the next token; the edit goes right after the colon.
            let colon = colonOffset(afterKeyAt: keyOffset, scalars: scalars)
            valueRange = colon..<colon
        } else {
            let start = lines.offset(translation.valueLocation)
            valueRange = start..<valueEnd(from: start, keyIndent: keyIndent, flow: flow, lines: lines)
        }
        let rendering = YAMLScalarWriter.render(newText, inFlow: flow)
        var replacement: String
        switch rendering {
        case .inline(let value):
            replacement = value
            if valueRange.isEmpty { replacement = " " + value }
        case .literalBlock(let contentLines):
            // The header takes the rest of the old value's last line (spaces, a comment).
            var lineEnd = lines.lineEnd(ofOffset: max(valueRange.lowerBound, valueRange.upperBound - 1))
            if lineEnd > valueRange.upperBound, scalars[lineEnd - 1] == "\r" { lineEnd -= 1 }
            let rest = String(String.UnicodeScalarView(scalars[valueRange.upperBound..<lineEnd]))
            valueRange = valueRange.lowerBound..<lineEnd
            let indent = String(repeating: " ", count: keyIndent + 2)
            replacement = (valueRange.isEmpty || scalars[valueRange.lowerBound - 1] != " " ? " |" : "|") + rest
            for line in contentLines { replacement += newline + (line.isEmpty ? "" : indent + line) }
        }
        var edited = String.UnicodeScalarView(scalars[..<valueRange.lowerBound])
        edited.append(contentsOf: replacement.unicodeScalars)
        edited.append(contentsOf: scalars[valueRange.upperBound...])
        return String(edited)
    }

    /// Inserts a new `language:` entry in a field written as a block mapping.
    private func insert(
        _ language: String, text newText: String, into field: CaptionField, order: [String], lines: inout LineIndex
    ) throws(CaptionError) -> String {
        let scalars = lines.scalars
        let rank = { (tag: String) in order.firstIndex(of: tag) ?? Int.max }
        let insertOffset: Int
        let indent: Int
        if let next = field.translations.first(where: { rank($0.language) > rank(language) }) {
            let keyOffset = lines.offset(next.keyLocation)
            insertOffset = lines.lineStart(ofOffset: keyOffset)
            indent = next.keyLocation.column - 1
            guard keyOffset - insertOffset == indent, !isInFlow(keyOffset: keyOffset, scalars: scalars, lineStart: insertOffset)
            else { throw unsafeLayout(field) }
        } else if let last = field.translations.last {
            let keyOffset = lines.offset(last.keyLocation)
            indent = last.keyLocation.column - 1
            guard keyOffset - lines.lineStart(ofOffset: keyOffset) == indent,
                !isInFlow(keyOffset: keyOffset, scalars: scalars, lineStart: lines.lineStart(ofOffset: keyOffset))
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
        var entry = String(repeating: " ", count: indent) + YAMLScalarWriter.key(language) + ":"
        switch YAMLScalarWriter.render(newText) {
        case .inline(let value): entry += " " + value
        case .literalBlock(let contentLines):
            entry += " |"
            let contentIndent = String(repeating: " ", count: indent + 2)
            for line in contentLines { entry += newline + (line.isEmpty ? "" : contentIndent + line) }
        }
        var edited = String.UnicodeScalarView(scalars[..<insertOffset])
        if insertOffset == scalars.count, let last = scalars.last, last != "\n" {
            edited.append(contentsOf: newline.unicodeScalars)
        }
        edited.append(contentsOf: (entry + newline).unicodeScalars)
        edited.append(contentsOf: scalars[insertOffset...])
        return String(edited)
    }

    private func unsafeLayout(_ field: CaptionField) -> CaptionError {
        .invalidInput(
            field.location,
            "\(field.name) in \(relativePath) is not written as one 'language: text' entry per line; add the translation by hand")
    }

    /// Whether the key at `keyOffset` sits inside a flow mapping (`{ kk: ..., ru: ... }`).
    private func isInFlow(keyOffset: Int, scalars: [Unicode.Scalar], lineStart: Int) -> Bool {
        var index = keyOffset - 1
        while index >= lineStart, scalars[index] == " " || scalars[index] == "\t" { index -= 1 }
        return index >= lineStart && (scalars[index] == "{" || scalars[index] == ",")
    }

    /// The offset just after the `:` that ends the key starting at `keyOffset`.
    private func colonOffset(afterKeyAt keyOffset: Int, scalars: [Unicode.Scalar]) -> Int {
        var index = keyOffset
        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
            let quote = scalars[index]
            index += 1
            while index < scalars.count, scalars[index] != quote, scalars[index] != "\n" { index += 1 }
            index += 1
        }
        while index < scalars.count, scalars[index] != ":", scalars[index] != "\n" { index += 1 }
        return min(index + 1, scalars.count)
    }

    /// The offset just after the scalar value that starts at `start`.
    private func valueEnd(from start: Int, keyIndent: Int, flow: Bool, lines: LineIndex) -> Int {
        let scalars = lines.scalars
        guard start < scalars.count else { return start }
        switch scalars[start] {
        case "\"":
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == "\"" { return index + 1 }
                index += 1
            }
            return scalars.count
        case "'":
            var index = start + 1
            while index < scalars.count {
                if scalars[index] == "'" {
                    if index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return scalars.count
        case "|", ">":
            var end = lines.lineEnd(ofOffset: start)
            var lineStart = lines.nextLineStart(afterOffset: start)
            while lineStart < scalars.count {
                let lineEnd = lines.lineEnd(ofOffset: lineStart)
                let content = scalars[lineStart..<lineEnd]
                let indentation = content.prefix { $0 == " " }.count
                let blank = content.allSatisfy { $0 == " " || $0 == "\r" }
                if !blank {
                    if indentation <= keyIndent { break }
                    end = lineEnd
                }
                lineStart = lines.nextLineStart(afterOffset: lineStart)
            }
            return end > 0 && scalars[end - 1] == "\r" ? end - 1 : end
        default:
            var end = plainLineEnd(from: start, flow: flow, lines: lines)
            guard !flow else { return end }
            var lineStart = lines.nextLineStart(afterOffset: start)
            while lineStart < scalars.count {
                let lineEnd = lines.lineEnd(ofOffset: lineStart)
                let content = scalars[lineStart..<lineEnd]
                let indentation = content.prefix { $0 == " " }.count
                if content.allSatisfy({ $0 == " " || $0 == "\r" }) {
                    lineStart = lines.nextLineStart(afterOffset: lineStart)
                    continue
                }
                if indentation <= keyIndent || scalars[lineStart + indentation] == "#" { break }
                end = plainLineEnd(from: lineStart + indentation, flow: false, lines: lines)
                lineStart = lines.nextLineStart(afterOffset: lineStart)
            }
            return end
        }
    }

    /// The end of the part of a plain scalar on one line: before a comment or the line end,
    /// without trailing spaces (and, in flow context, before `,` `}` `]`).
    private func plainLineEnd(from start: Int, flow: Bool, lines: LineIndex) -> Int {
        let scalars = lines.scalars
        let lineEnd = lines.lineEnd(ofOffset: start)
        var index = start
        while index < lineEnd {
            let scalar = scalars[index]
            if scalar == "#", index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" { break }
            if flow, scalar == "," || scalar == "}" || scalar == "]" { break }
            index += 1
        }
        while index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" || scalars[index - 1] == "\r" {
            index -= 1
        }
        return index
    }

    /// The range of the top-level `translations:` key and its indented lines, if present.
    private func recordRange(in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let lines = LineIndex(scalars: scalars)
        let key = Array((TranslationRecord.key + ":").unicodeScalars)
        var lineStart = 0
        while lineStart < scalars.count {
            if scalars[lineStart...].starts(with: key) {
                var end = lines.lineEnd(ofOffset: lineStart)
                var next = lines.nextLineStart(afterOffset: lineStart)
                while next < scalars.count {
                    let lineEnd = lines.lineEnd(ofOffset: next)
                    let content = scalars[next..<lineEnd]
                    if content.allSatisfy({ $0 == " " || $0 == "\r" }) {
                        next = lines.nextLineStart(afterOffset: next)
                        continue
                    }
                    guard content.first == " " else { break }
                    end = lineEnd
                    next = lines.nextLineStart(afterOffset: next)
                }
                if end > lineStart, scalars[end - 1] == "\r" { end -= 1 }
                return lineStart..<end
            }
            lineStart = lines.nextLineStart(afterOffset: lineStart)
        }
        return nil
    }

    // MARK: - Checking an edit

    /// Every caption text and note of an exhibit, for comparing before and after an edit.
    private static func captions(of exhibit: Exhibit) -> [String: String] {
        var result: [String: String] = ["id": exhibit.id ?? "\u{0}", "notes": exhibit.notes?.text ?? "\u{0}"]
        for field in exhibit.fields {
            result[field.name] = ""
            for translation in field.translations { result[field.name + "." + translation.language] = translation.text }
        }
        return result
    }

    /// Compares texts scalar by scalar: String equality would accept a canonically equivalent text.
    private static func sameScalars(_ first: [String: String], _ second: [String: String]) -> Bool {
        first.count == second.count
            && first.allSatisfy { key, value in second[key].map { Array($0.unicodeScalars) == Array(value.unicodeScalars) } ?? false }
    }

    /// The metadata keys' contents without positions (an edit above them moves their lines).
    private static func shapes(of exhibit: Exhibit, except skipped: String?) -> [String: String] {
        func shape(_ node: LocatedNode) -> String {
            switch node.value {
            case .scalar(let text): return "s" + String(text.unicodeScalars.count) + ":" + text
            case .sequence(let items): return "[" + items.map(shape).joined(separator: ",") + "]"
            case .mapping(let pairs): return "{" + pairs.map { shape($0.key) + "=" + shape($0.value) }.joined(separator: ",") + "}"
            }
        }
        var result: [String: String] = [:]
        for (key, node) in exhibit.metadata where key != skipped { result[key] = shape(node) }
        return result
    }

    /// Accepts `edited` only if it loads with exactly the one intended change.
    private mutating func commit(
        _ edited: String, expecting before: Exhibit, field: String, language: String, text newText: String,
        at location: SourceLocation
    ) throws(CaptionError) {
        let after = ExhibitParser.parse(text: edited, path: path, relativePath: relativePath)
        var expected = Self.captions(of: before)
        expected[field + "." + language] = newText
        let same = after.loadFindings.isEmpty && Self.sameScalars(Self.captions(of: after), expected)
            && Self.shapes(of: after, except: nil) == Self.shapes(of: before, except: nil)
        guard same else {
            throw .invalidInput(
                location, "\(field) (\(language)) in \(relativePath) cannot be written safely here; add the translation by hand")
        }
        text = edited
    }
}

/// Line starts of a text held as Unicode scalars, for converting line/column to offsets.
struct LineIndex {
    /// The text.
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line (line 1 at index 0).
    private let starts: [Int]

    init(_ text: String) { self.init(scalars: Array(text.unicodeScalars)) }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        self.starts = starts
    }

    /// The offset of a 1-based line and scalar column (clamped to the text).
    func offset(_ location: SourceLocation) -> Int {
        let line = min(max(location.line, 1), starts.count)
        return min(starts[line - 1] + max(location.column - 1, 0), scalars.count)
    }

    /// The start of the line holding `offset`.
    func lineStart(ofOffset offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return starts[low]
    }

    /// The offset of the `\n` ending the line holding `offset` (or the text's end).
    func lineEnd(ofOffset offset: Int) -> Int {
        var index = offset
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        return index
    }

    /// The start of the line after the one holding `offset` (or the text's end).
    func nextLineStart(afterOffset offset: Int) -> Int {
        min(lineEnd(ofOffset: offset) + 1, scalars.count)
    }
}
