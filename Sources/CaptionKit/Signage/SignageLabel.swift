/// One exhibit's label text, typeset and ready for a writer: languages in order, fields in
/// order, paragraphs split.
public struct SignageLabel: Sendable, Hashable {
    /// One field of one language block.
    public struct Field: Sendable, Hashable {
        /// The field name, e.g. `title`.
        public var name: String
        /// Where the text is in the caption file (for warnings).
        public var location: SourceLocation
        /// The paragraphs (separated by blank lines in the caption), each a list of the lines
        /// the curator broke it into (usually one). Typography is applied; no line is empty.
        public var paragraphs: [[String]]

        /// Creates a field.
        public init(name: String, location: SourceLocation, paragraphs: [[String]]) {
            self.name = name
            self.location = location
            self.paragraphs = paragraphs
        }
    }

    /// One language's block.
    public struct Block: Sendable, Hashable {
        /// The language tag, e.g. `kk`.
        public var language: String
        /// The fields in configuration order.
        public var fields: [Field]

        /// Creates a block.
        public init(language: String, fields: [Field]) {
            self.language = language
            self.fields = fields
        }
    }

    /// The exhibit id (a slug).
    public var id: String
    /// The gallery folder (slugs joined by `/`; empty at the collection root).
    public var gallery: String
    /// The caption file.
    public var path: String
    /// The language blocks in the order of `languages:`.
    public var blocks: [Block]

    /// Creates a label.
    public init(id: String, gallery: String, path: String, blocks: [Block]) {
        self.id = id
        self.gallery = gallery
        self.path = path
        self.blocks = blocks
    }

    /// Typesets an exhibit that passed ``SignageGate``: every configured field it has, in
    /// configuration order, in every configured language, with ``Typography`` applied.
    ///
    /// `notes` never goes on a sign; fields the configuration does not list are left out.
    public init(exhibit: Exhibit, config: CollectionConfig) {
        let fields = config.fields.compactMap { exhibit.field($0.name) }
        self.init(
            id: exhibit.displayID, gallery: exhibit.gallery, path: exhibit.path,
            blocks: config.languages.map { language in
                Block(
                    language: language,
                    fields: fields.compactMap { field in
                        guard let translation = field.translation(language) else { return nil }
                        let text = Typography.apply(to: translation.text, language: language)
                        return Field(
                            name: field.name, location: translation.valueLocation, paragraphs: Self.paragraphs(of: text))
                    })
            })
    }

    /// Splits typeset text into paragraphs (at blank lines) of lines.
    public static func paragraphs(of text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// The text file's path below the export folder: `<gallery>/<id>.txt`.
    public var textFilePath: String {
        gallery.isEmpty ? "\(id).txt" : "\(gallery)/\(id).txt"
    }
}
