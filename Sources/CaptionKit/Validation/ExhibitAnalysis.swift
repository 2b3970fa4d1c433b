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

    /// Analyses the caption texts of `exhibit` under `config`.
    init(_ exhibit: Exhibit, config: CollectionConfig) {
        texts = exhibit.captionTexts(in: config)
    }
}
