extension CaptionFileEditor {
    /// Writes `entries` (field → language → source fingerprint and sign-off) into the
    /// `translations:` record, keeping every other entry; creates the key at the end of the file
    /// when missing. Only the record's lines change, proved by loading the result.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when the file has errors or its record
    ///   cannot be rewritten safely; the text is then unchanged.
    mutating func recordSignOffs(
        _ entries: [String: [String: (fingerprint: String, signOff: RecordedSignOff?)]], fieldOrder: [String],
        languageOrder: [String]
    ) throws(CaptionError) {
        let before = current()
        try refuseWithErrors(before)
        let start = SourceLocation(path: path, line: 1, column: 1)
        var record = TranslationRecord(exhibit: before)
        for (field, languages) in entries {
            for (language, entry) in languages {
                record.fingerprints[field, default: [:]][language] = entry.fingerprint
                record.signOffs[field, default: [:]][language] = entry.signOff
            }
        }
        let block = Array(record.yaml(fieldOrder: fieldOrder, languageOrder: languageOrder, newline: newline).utf8)
        let splice: ByteSplice
        if let range = recordRange(in: bytes) {
            splice = ByteSplice(range: range, bytes: block)
        } else {
            var appended: [UInt8] = []
            if let last = bytes.last, last != UInt8(ascii: "\n") { appended += newline.utf8 }
            splice = ByteSplice(range: bytes.count..<bytes.count, bytes: appended + block + Array(newline.utf8))
        }
        let edited = splice.applied(to: bytes)
        try refuseOverSizeLimit(
            edited, writing: "the translations record of \(before.displayID)",
            at: before.metadata[TranslationRecord.key]?.location ?? start)
        let after = load(edited)
        guard after.loadFindings.isEmpty, TranslationRecord(exhibit: after).sameEntries(as: record),
            Self.sameScalars(Self.captions(of: after), Self.captions(of: before)),
            Self.shapes(of: after, except: TranslationRecord.key)
                == Self.shapes(of: before, except: TranslationRecord.key)
        else {
            throw refusal(
                before.metadata[TranslationRecord.key]?.location ?? start,
                """
                the translations record of \(relativePath) cannot be rewritten safely; fix it by hand \
                (see the caption format in the manual) and run the command again
                """
            )
        }
        take(edited, loaded: after, splices: [splice])
    }
}
