/// One exhibit field prepared for a translator: the unit both XLIFF writers turn into XML.
struct XLIFFExportUnit: Sendable {
    /// A note for the translator and what it is about.
    struct Note: Sendable {
        /// `exhibit`, `limit`, `location`, `stale` or `source-diff`; the 2.0 note category.
        var category: String
        /// The note's text.
        var text: String
    }

    /// `<exhibit-id>.<field>`.
    var id: String
    /// The exhibit id (the group id).
    var exhibitID: String
    /// The caption file below the collection, e.g. `memorial-park/stalin-wagon.yml`.
    var relativePath: String
    /// The field name.
    var field: String
    /// The source text.
    var source: String
    /// The current translation, or `nil` when missing or a copy of the source.
    var target: String?
    /// The caption's text when it is a copy of the source (``CopiedTranslations``): exported as
    /// a missing translation, and named only by the unit's mark (``ExportedTarget``).
    var copiedText: String?
    /// The translation's state.
    var state: TranslationState
    /// The sign-off that covers the translation's current texts (`translated` when none).
    var signOff: SignOffLevel = .translated
    /// The field's character limit.
    var maxChars: Int?
    /// Notes, in the order written.
    var notes: [Note]
    /// The glossary entries the source uses (see ``XLIFFGlossaryHints``).
    var glossary: [XLIFFGlossaryHint] = []
    /// For a missing translation, the collection's most similar translated source (``FuzzyMatcher``).
    var suggestion: FuzzyMatcher.Match?

    /// The caption's current text, which the unit's mark fingerprints (empty when it has none).
    var currentText: String { target ?? copiedText ?? "" }

    /// `<relative path>#<field>`: where the text lives, for `resname`/`name`.
    var resourceName: String { relativePath + "#" + field }
}
