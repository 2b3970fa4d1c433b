/// One exhibit's label, typeset: languages in order, fields in order, each text as
/// ``Typography`` typeset it and split into paragraphs (``TypesetText``). What the layout and
/// the writers read.
struct SignageLabel: Sendable, Hashable {
    /// One field of one language block.
    struct Field: Sendable, Hashable {
        /// The field name, e.g. `title`.
        var name: String
        /// Where the text is in the caption file (for warnings).
        var location: SourceLocation
        /// The typeset text.
        var text: TypesetText
        /// For text derived by ``KazakhLatin``: the Cyrillic words that used a letter the
        /// standard has not settled.
        var unsettledWords: [String] = []
        /// Where the text breaks on the field's panel, when `overflows-panel` broke it already
        /// (``TypesetMemo``): the layout follows them instead of measuring the words again.
        var panelBreaks: PanelBreaks?
    }

    /// One language's block.
    struct Block: Sendable, Hashable {
        /// The language tag, e.g. `kk`.
        var language: String
        /// The fields in configuration order.
        var fields: [Field]
        /// Whether some of the text is derived (Latin-script Kazakh transliterated from
        /// Cyrillic) rather than written by a person.
        var isProvisional = false
    }

    /// The exhibit id (a slug).
    var id: String
    /// The gallery folder (slugs joined by `/`; empty at the collection root).
    var gallery: String
    /// The caption file.
    var path: String
    /// The language blocks in the order of `languages`.
    var blocks: [Block]
    /// Who reviewed and approved its texts, when every one is approved and the label is made
    /// for the proof sheet (``SignagePipeline/proofLabel(for:typesetMemo:)``); `nil` otherwise.
    var signOffs: LabelSignOffs?

    /// Typesets an exhibit: every configured field it has, in configuration order, in every
    /// language of `languages` (the configured ones when `nil`), with ``Typography`` applied.
    ///
    /// `notes` never goes on a sign; fields the configuration does not list are left out. A
    /// language in `languages` that the configuration does not list must be
    /// ``KazakhLatin/tag``: its text is the caption's own `kk-Latn` text when it has one, else
    /// the Kazakh text typeset as Kazakh and then transliterated, and the block is marked
    /// provisional. A text `typesetMemo` kept for the exhibit (``TypesetMemo``) is not typeset
    /// again, and keeps its breaks on its panel.
    init(exhibit: Exhibit, config: CollectionConfig, languages: [String]? = nil, typesetMemo: TypesetMemo? = nil) {
        let keptTexts = typesetMemo?.take(path: exhibit.path) ?? []
        id = exhibit.displayID
        gallery = exhibit.gallery
        path = exhibit.path
        let fields = config.fields.compactMap { exhibit.field($0.name) }
        blocks = (languages ?? config.languages).map { language in
            let derived = !config.languages.contains(language) && language == KazakhLatin.tag
            var isProvisional = false
            let blockFields = fields.compactMap { field -> Field? in
                if derived, let own = field.translation(language), !own.isBlank {
                    let typeset = keptTexts.typeset(own.text, language: language, field: field.name)
                    return Field(
                        name: field.name, location: own.valueLocation, text: typeset.typeset,
                        panelBreaks: typeset.panelBreaks)
                }
                if derived, let kazakh = field.translation("kk") {
                    isProvisional = true
                    // Typeset as Kazakh first, then transliterated (letters only), so the Latin text
                    // gets every no-break space and quotation mark the Cyrillic text gets.
                    let latin = KazakhLatin.transliterate(
                        keptTexts.typeset(kazakh.text, language: "kk", field: field.name).typeset.text)
                    return Field(
                        name: field.name, location: kazakh.valueLocation, text: TypesetText(latin.text),
                        unsettledWords: latin.unsettledWords)
                }
                guard let translation = field.translation(language) else { return nil }
                let typeset = keptTexts.typeset(translation.text, language: language, field: field.name)
                return Field(
                    name: field.name, location: translation.valueLocation, text: typeset.typeset,
                    panelBreaks: typeset.panelBreaks)
            }
            return Block(language: language, fields: blockFields, isProvisional: isProvisional)
        }
    }

    /// A label made of its parts.
    init(id: String, gallery: String, path: String, blocks: [Block]) {
        self.id = id
        self.gallery = gallery
        self.path = path
        self.blocks = blocks
    }

    /// The text file's path below the export folder: `<gallery>/<id>.txt`.
    var textFilePath: String {
        Self.textFilePath(id: id, gallery: gallery)
    }

    /// The text file's path below the export folder for the label with `id` in `gallery`.
    static func textFilePath(id: String, gallery: String) -> String {
        gallery.isEmpty ? "\(id).txt" : "\(gallery)/\(id).txt"
    }
}
