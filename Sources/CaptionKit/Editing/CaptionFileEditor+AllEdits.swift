extension CaptionFileEditor {
    /// Sets every translation of `edits`, in order, then records `fingerprints`: the same text,
    /// or the same error, as calling ``setTranslation(field:language:to:languageOrder:fieldOrder:)`` for
    /// each edit and then ``record(_:fieldOrder:languageOrder:)``.
    ///
    /// Those calls load the file again after every edit to prove it. Here every edit is made at
    /// once and the result loaded once; it is accepted when that load shows each edited value
    /// as intended and everything else unchanged, at the line the edits moved it to. Otherwise
    /// (two languages of one field, edits sharing a line, a layout whose positions cannot be
    /// told in advance, or a failed proof) the edits are made again one by one, which gives the
    /// same text or the same error as always.
    ///
    /// The one-by-one path is not a second implementation kept for comparison: it is the only
    /// path for the files the single proof cannot vouch for, and the only one that reports
    /// errors (``allAtOnce(_:recording:fieldOrder:languageOrder:)`` only answers `nil`).
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` as the one-by-one calls would; the text
    ///   then holds the edits made before the failing one, as it would after those calls.
    mutating func apply(
        _ edits: [TranslationEdit], recording fingerprints: [String: [String: String]], fieldOrder: [String],
        languageOrder: [String]
    ) throws(CaptionError) {
        if let (edited, exhibit, splices) = allAtOnce(
            edits, recording: fingerprints, fieldOrder: fieldOrder, languageOrder: languageOrder)
        {
            take(edited, loaded: exhibit, splices: splices)
            return
        }
        for edit in edits {
            try setTranslation(
                field: edit.field, language: edit.language, to: edit.text, languageOrder: languageOrder,
                fieldOrder: fieldOrder)
        }
        try record(fingerprints, fieldOrder: fieldOrder, languageOrder: languageOrder)
    }

    /// The text with every edit and the record made, its exhibit and the splices that made it
    /// (in the positions of the current text), when one load proves them all; `nil` when the one-by-one path must decide.
    mutating func allAtOnce(
        _ edits: [TranslationEdit], recording fingerprints: [String: [String: String]], fieldOrder: [String],
        languageOrder: [String]
    ) -> (bytes: [UInt8], exhibit: Exhibit, splices: [ByteSplice])? {
        let before = current()
        let lines = LineIndex(bytes: bytes)
        var splices: [ByteSplice] = []
        var editedFields = Set<String>()
        var editedValues = Set<String>()
        var expected = Self.captions(of: before)
        for edit in edits {
            // Each splice is found in the text before any edit, as the one-by-one path would find
            // it in the text after the edits before it: the same once each field has one edit.
            guard editedFields.insert(edit.field).inserted, let field = try? editableField(edit.field, of: before),
                let splice = try? translationSplice(
                    field: field, language: edit.language, to: edit.text, languageOrder: languageOrder, lines: lines)
            else { return nil }
            splices.append(splice)
            editedValues.insert(edit.field + "." + edit.language)
            expected[edit.field + "." + edit.language] = edit.text
        }
        guard let translatedLines = SplicedLines(splices, in: lines) else { return nil }
        var edited = ByteSplice.apply(splices, to: bytes)
        var recorded: TranslationRecord?
        // The record is placed in the edited text, as ``record(_:fieldOrder:languageOrder:)`` does.
        if let (record, splice) = recordSplice(
            fingerprints, of: before, fieldOrder: fieldOrder, languageOrder: languageOrder, in: edited)
        {
            guard let start = translatedLines.originalOffset(splice.range.lowerBound),
                let end = translatedLines.originalOffset(splice.range.upperBound), start <= end
            else { return nil }
            splices.append(ByteSplice(range: start..<end, bytes: splice.bytes))
            edited = splice.applied(to: edited)
            recorded = record
        }
        // One over the size limit is refused by the one-by-one path, naming the edit that crossed it.
        guard fitsSizeLimit(edited), let allLines = SplicedLines(splices, in: lines) else { return nil }
        let after = load(edited)
        let skipped = recorded == nil ? nil : TranslationRecord.key
        guard after.loadFindings.isEmpty, Self.sameScalars(Self.captions(of: after), expected),
            Self.shapes(of: after, except: skipped) == Self.shapes(of: before, except: skipped),
            recorded.map({ TranslationRecord(exhibit: after).sameEntries(as: $0) }) ?? true,
            Self.everythingElseMoved(from: before, to: after, by: allLines, except: editedValues, skipping: skipped)
        else { return nil }
        return (edited, after, splices)
    }

    /// Whether every position of `before` that no edit replaced is in `after` where `moves`
    /// says: ids, field and language keys, values not in `edited` ("field.language"), notes
    /// and metadata except the key `skipped`.
    private static func everythingElseMoved(
        from before: Exhibit, to after: Exhibit, by moves: SplicedLines, except edited: Set<String>,
        skipping skipped: String?
    ) -> Bool {
        func same(_ old: SourceLocation, _ new: SourceLocation) -> Bool { moves.moved(old) == new }
        func same(_ old: LocatedNode, _ new: LocatedNode) -> Bool {
            guard same(old.location, new.location) else { return false }
            switch (old.value, new.value) {
            case (.scalar, .scalar): return true
            case (.sequence(let oldItems), .sequence(let newItems)):
                return oldItems.count == newItems.count && zip(oldItems, newItems).allSatisfy { same($0, $1) }
            case (.mapping(let oldPairs), .mapping(let newPairs)):
                return oldPairs.count == newPairs.count
                    && zip(oldPairs, newPairs).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
            default: return false
            }
        }
        if before.id != nil, !same(before.idLocation, after.idLocation) { return false }
        if let notes = before.notes {
            guard let moved = after.notes, same(notes.keyLocation, moved.keyLocation),
                same(notes.valueLocation, moved.valueLocation)
            else { return false }
        }
        for field in before.fields {
            guard let moved = after.field(field.name), same(field.location, moved.location) else { return false }
            for translation in field.translations {
                guard let movedTranslation = moved.translation(translation.language),
                    same(translation.keyLocation, movedTranslation.keyLocation),
                    edited.contains(field.name + "." + translation.language)
                        || same(translation.valueLocation, movedTranslation.valueLocation)
                else { return false }
            }
        }
        for (key, node) in before.metadata where key != skipped {
            guard let moved = after.metadata[key], same(node, moved) else { return false }
        }
        return true
    }
}
