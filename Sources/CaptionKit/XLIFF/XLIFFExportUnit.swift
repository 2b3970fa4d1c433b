/// One exhibit field prepared for a translator: the unit both XLIFF writers turn into XML.
struct XLIFFExportUnit: Sendable {
    /// A note for the translator and what it is about.
    struct Note: Sendable {
        /// What a note is about: the 2.0 note category.
        enum Category: String, Sendable, CaseIterable {
            case exhibit, limit, location, stale
            case sameAsSource = "same-as-source"
            case sourceDiff = "source-diff"
        }

        var category: Category
        /// The note's text.
        var text: String

        /// The 1.2 `from` of every note `captions` writes: the import tells a translator's notes
        /// by it (and 2.0 by ``categories``).
        static let author12 = ExportedTarget.name
        /// The 2.0 categories of the notes `captions` writes.
        static let categories = Set(Category.allCases.map(\.rawValue))
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
