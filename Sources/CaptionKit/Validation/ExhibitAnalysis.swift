/// The caption texts of one exhibit with their ``TextAnalysis``, worked out once per exhibit by
/// ``Validator`` and handed to every check.
///
/// The content checks used to gather the texts (``Exhibit/captionTexts(in:)``) and scan each
/// of them on their own, the source text again for every translation; sharing one analysis per
/// exhibit does that work once.
struct ExhibitAnalysis: Sendable {
    /// The non-blank texts of configured fields in configured languages, in file order, each
    /// with its analysis and its source's.
    let texts: [CaptionText]
    /// The glossary terms found in each text (parallel to ``texts``): `nil` for a text in a
    /// language without terms and for a translation that need not be scanned (its source uses
    /// no term and its language has no forbidden or do-not-translate term); empty when no
    /// terminology is given. A translation's scan holds only the terms of the entries its
    /// source uses and those looked for in every text (``TermIndex/termConcernsEveryText``):
    /// what the checks read from it.
    let termScans: [TermScan?]

    /// Analyses the caption texts of `exhibit` under `config`, and scans each for the terms of
    /// `terminology` when one is given, keeping the words' look-ups in `termMemos` for the
    /// next exhibits when given.
    init(
        _ exhibit: Exhibit, config: CollectionConfig, terminology: Terminology? = nil,
        termMemos: Terminology.Memos? = nil
    ) {
        texts = exhibit.captionTexts(in: config)
        guard let terminology else {
            termScans = []
            return
        }
        // Source texts first; a translation is scanned only when its source uses a term or its
        // language has forbidden or do-not-translate terms (the only reasons to look at it), and
        // only for those terms: not for the 2,000 entries of a glossary.
        var scans = [TermScan?](repeating: nil, count: texts.count)
        // The entries each field's source uses, by field name: a list, as a text has few fields
        // (a dictionary hashed the name for every text).
        var entriesByField: [(field: String, entries: EntrySet)] = []
        for (index, text) in texts.enumerated() where text.source == nil {
            scans[index] = terminology.scan(text.text, language: text.language, memos: termMemos)
            guard let scan = scans[index], !scan.matches.isEmpty else { continue }
            if let known = entriesByField.firstIndex(where: { $0.field == text.field.name }) {
                scan.insertUsedEntries(into: &entriesByField[known].entries)
            } else {
                var entries = EntrySet()
                scan.insertUsedEntries(into: &entries)
                entriesByField.append((text.field.name, entries))
            }
        }
        for (index, text) in texts.enumerated() where text.source != nil {
            let entries = entriesByField.first { $0.field == text.field.name }?.entries
            guard entries != nil || terminology.scansEveryText(text.language) else { continue }
            scans[index] = terminology.scan(
                text.text, language: text.language, entries: entries ?? EntrySet(), memos: termMemos)
        }
        termScans = scans
    }
}
