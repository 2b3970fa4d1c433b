extension CaptionFileEditor {
    /// Adds the top-level field `fieldName`, which the file does not have, with one
    /// `language: text` entry:
    ///
    /// ```yaml
    /// credit:
    ///   kk: Текст
    /// ```
    ///
    /// The block goes before the first field of the file that comes after it in `fieldOrder`
    /// (and the comment lines right above that field), else after the last field before it (or
    /// after the `id:` line when the file has no field yet), ahead of any later top-level key
    /// such as `translations:`. Every other byte stays as it was: the result is loaded again
    /// and must show the new field and nothing else changed.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when the file cannot be edited safely (it
    ///   has findings, its keys are not at the start of their lines) or the result does not load
    ///   as intended; the text is then unchanged.
    mutating func insertField(
        _ fieldName: String, language: String, text newText: String, fieldOrder: [String]
    ) throws(CaptionError) {
        let before = current()
        let start = SourceLocation(path: path, line: 1, column: 1)
        func refuse(_ location: SourceLocation) -> CaptionError {
            refusal(
                location,
                """
                \(relativePath) cannot take a new '\(fieldName)' field safely here; add it by hand (a '\(fieldName):' \
                line, then '  \(language): ...')
                """
            )
        }
        guard before.isReadable, before.loadFindings.isEmpty, before.field(fieldName) == nil else {
            throw refuse(before.loadFindings.first?.location ?? start)
        }
        let lines = LineIndex(bytes: bytes)
        let rank = { (name: String) in fieldOrder.firstIndex(of: name) ?? Int.max }
        let insertOffset: Int
        if let next = before.fields.first(where: { rank($0.name) > rank(fieldName) }) {
            guard next.location.column == 1 else { throw refuse(next.location) }
            insertOffset = startOfCommentsAbove(lines.offset(next.location), lines: lines)
        } else if let anchor = before.fields.last?.location ?? (before.id != nil ? before.idLocation : nil) {
            // The key starts its line (`idLocation` is the id's value, after `id: `).
            let lineStart = lines.offset(SourceLocation(path: path, line: anchor.line, column: 1))
            guard lineStart < bytes.count, bytes[lineStart] != UInt8(ascii: " "), bytes[lineStart] != UInt8(ascii: "\t")
            else { throw refuse(anchor) }
            insertOffset = endOfTopLevelBlock(startingAt: lineStart, lines: lines)
        } else {
            throw refuse(start)
        }
        var block: [UInt8] = []
        if insertOffset == bytes.count, let last = bytes.last, last != UInt8(ascii: "\n") { block += newline.utf8 }
        block += YAMLScalarWriter.key(fieldName).utf8
        block.append(UInt8(ascii: ":"))
        block += newline.utf8
        block += "  ".utf8
        block += YAMLScalarWriter.key(language).utf8
        block.append(UInt8(ascii: ":"))
        switch YAMLScalarWriter.render(newText) {
        case .inline(let value):
            block.append(UInt8(ascii: " "))
            block += value.utf8
        case .literalBlock(let contentLines):
            block += " |".utf8
            Self.appendBlockLines(contentLines, indent: 4, newline: newline, to: &block)
        }
        block += newline.utf8
        let splice = ByteSplice(range: insertOffset..<insertOffset, bytes: block)
        let edited = splice.applied(to: bytes)
        try refuseOverSizeLimit(edited, writing: "\(before.displayID).\(fieldName) (\(language))", at: start)
        let after = load(edited)
        var expected = Self.captions(of: before)
        expected[fieldName] = ""
        expected[fieldName + "." + language] = newText
        guard after.loadFindings.isEmpty, Self.sameScalars(Self.captions(of: after), expected),
            Self.shapes(of: after, except: nil) == Self.shapes(of: before, except: nil)
        else { throw refuse(start) }
        take(edited, loaded: after, splices: [splice])
    }

    /// The start of the line holding `offset`, moved up over the comment lines right above it.
    private func startOfCommentsAbove(_ offset: Int, lines: LineIndex) -> Int {
        var start = lines.lineStart(ofOffset: offset)
        while start > 0 {
            let previous = lines.lineStart(ofOffset: start - 1)
            guard bytes[previous] == UInt8(ascii: "#") else { break }
            start = previous
        }
        return start
    }

    /// The start of the first line after the key at `offset` that is not blank and not indented
    /// (the next top-level key or comment), or the end of the text.
    private func endOfTopLevelBlock(startingAt offset: Int, lines: LineIndex) -> Int {
        var lineStart = lines.nextLineStart(afterOffset: offset)
        while lineStart < bytes.count {
            let byte = bytes[lineStart]
            let blank = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            if !blank && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return lineStart }
            lineStart = lines.nextLineStart(afterOffset: lineStart)
        }
        return bytes.count
    }
}
