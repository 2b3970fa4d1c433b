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
    /// terminology is given.
    let termScans: [TermScan?]

    /// Analyses the caption texts of `exhibit` under `config`, and scans each for the terms of
    /// `terminology` when one is given.
    init(_ exhibit: Exhibit, config: CollectionConfig, terminology: Terminology? = nil) {
        texts = exhibit.captionTexts(in: config)
        guard let terminology else {
            termScans = []
            return
        }
        // Source texts first; a translation is scanned only when its source uses a term or its
        // language has forbidden or do-not-translate terms (the only reasons to look at it).
        var scans = [TermScan?](repeating: nil, count: texts.count)
        var fieldsWithTerms = Set<String>()
        for (index, text) in texts.enumerated() where text.source == nil {
            scans[index] = terminology.scan(text.text, language: text.language)
            if let scan = scans[index], !scan.matches.isEmpty { fieldsWithTerms.insert(text.field.name) }
        }
        for (index, text) in texts.enumerated() where text.source != nil {
            guard fieldsWithTerms.contains(text.field.name) || terminology.scansEveryText(text.language) else {
                continue
            }
            scans[index] = terminology.scan(text.text, language: text.language)
        }
        termScans = scans
    }
}
