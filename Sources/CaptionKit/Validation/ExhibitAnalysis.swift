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
    /// language without terms, and empty when no terminology is given.
    let termScans: [TermScan?]

    /// Analyses the caption texts of `exhibit` under `config`, and scans each for the terms of
    /// `terminology` when one is given.
    init(_ exhibit: Exhibit, config: CollectionConfig, terminology: Terminology? = nil) {
        texts = exhibit.captionTexts(in: config)
        if let terminology {
            termScans = texts.map { terminology.scan($0.text, language: $0.language) }
        } else {
            termScans = []
        }
    }
}
