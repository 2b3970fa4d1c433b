/// Who signed off the texts of an approved label, for the proof sheet: per language in sign
/// order, who reviewed and who approved the text of each field, the names as the `translations:`
/// record holds them (``SignOffMark/by``).
struct LabelSignOffs: Sendable, Hashable {
    /// The sign-off of one text.
    struct Text: Sendable, Hashable {
        /// The field, e.g. `title`.
        var field: String
        /// Who reviewed it; `nil` for the source language, which is approved without a review.
        var reviewer: String?
        /// Who approved it.
        var approver: String
    }

    /// One language's texts, in field order.
    struct Block: Sendable, Hashable {
        /// The language tag, e.g. `kk`.
        var language: String
        var texts: [Text]
    }

    /// The configured languages, in sign order.
    var blocks: [Block]

    /// The sign-offs of the texts on `exhibit`'s label (every configured field it has, in every
    /// configured language), or `nil` unless each has an approval that counts
    /// (``SignOffState/approval``: with four eyes, not one by its reviewer).
    init?(exhibit: Exhibit, config: CollectionConfig) {
        let record = TranslationRecord(exhibit: exhibit)
        // Most exhibits have no sign-off at all.
        guard !record.signOffs.isEmpty else { return nil }
        let fields = config.fields.map(\.name).filter { exhibit.field($0) != nil }
        guard !fields.isEmpty else { return nil }
        var blocks: [Block] = []
        for language in config.languages {
            var texts: [Text] = []
            for field in fields {
                let state = SignOffTracker.state(
                    of: exhibit, field: field, language: language, config: config, record: record)
                guard state.level == .approved, let approval = state.approval else { return nil }
                texts.append(Text(field: field, reviewer: state.review?.by, approver: approval.by))
            }
            blocks.append(Block(language: language, texts: texts))
        }
        self.blocks = blocks
    }
}
