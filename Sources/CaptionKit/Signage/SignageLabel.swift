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
        /// For text derived by ``KazakhLatin``: the Cyrillic words that used a letter the
        /// standard has not settled.
        public var unsettledWords: [String]

        /// Creates a field.
        public init(name: String, location: SourceLocation, paragraphs: [[String]], unsettledWords: [String] = []) {
            self.name = name
            self.location = location
            self.paragraphs = paragraphs
            self.unsettledWords = unsettledWords
        }
    }

    /// One language's block.
    public struct Block: Sendable, Hashable {
        /// The language tag, e.g. `kk`.
        public var language: String
        /// The fields in configuration order.
        public var fields: [Field]
        /// Whether some of the text is derived (Latin-script Kazakh transliterated from
        /// Cyrillic) rather than written by a person.
        public var isProvisional: Bool

        /// Creates a block.
        public init(language: String, fields: [Field], isProvisional: Bool = false) {
            self.language = language
            self.fields = fields
            self.isProvisional = isProvisional
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
    /// configuration order, in every language of `languages`, with ``Typography`` applied.
    ///
    /// `notes` never goes on a sign; fields the configuration does not list are left out. A
    /// language in `languages` that the configuration does not list must be
    /// ``KazakhLatin/tag``: its text is the caption's own `kk-Latn` text when it has one, else
    /// derived from the Kazakh text, and the block is marked provisional.
    public init(exhibit: Exhibit, config: CollectionConfig, languages: [String]? = nil) {
        let blocks = Self.blocks(of: exhibit, config: config, languages: languages) { text, language in
            Self.paragraphs(of: Typography.typeset(text, language: language))
        }
        self.init(
            id: exhibit.displayID, gallery: exhibit.gallery, path: exhibit.path,
            blocks: blocks.map { block in
                Block(
                    language: block.language,
                    fields: block.fields.map {
                        Field(
                            name: $0.name, location: $0.location, paragraphs: $0.text, unsettledWords: $0.unsettledWords
                        )
                    },
                    isProvisional: block.isProvisional)
            })
    }

    /// A label's block with its fields' text in any form (``init(exhibit:config:languages:)``
    /// makes paragraphs of strings; the text export writes bytes straight from the typeset text).
    struct TextBlock<Text> {
        /// One field: ``Field`` with the text in that form.
        struct TextField {
            var name: String
            var location: SourceLocation
            var text: Text
            var unsettledWords: [String]
        }

        var language: String
        var fields: [TextField]
        var isProvisional: Bool
    }

    /// The blocks of ``init(exhibit:config:languages:)``, with each field's text made by
    /// `typeset(text, language)`.
    static func blocks<Text>(
        of exhibit: Exhibit, config: CollectionConfig, languages: [String]?, typeset: (String, String) -> Text
    ) -> [TextBlock<Text>] {
        let fields = config.fields.compactMap { exhibit.field($0.name) }
        return (languages ?? config.languages).map { language in
            let derived = !config.languages.contains(language) && language == KazakhLatin.tag
            var isProvisional = false
            let blockFields = fields.compactMap { field -> TextBlock<Text>.TextField? in
                if derived, let own = field.translation(language), !own.isBlank {
                    return .init(
                        name: field.name, location: own.valueLocation, text: typeset(own.text, language),
                        unsettledWords: [])
                }
                if derived, let kazakh = field.translation("kk") {
                    isProvisional = true
                    let latin = KazakhLatin.transliterate(kazakh.text)
                    return .init(
                        name: field.name, location: kazakh.valueLocation, text: typeset(latin.text, language),
                        unsettledWords: latin.unsettledWords)
                }
                guard let translation = field.translation(language) else { return nil }
                return .init(
                    name: field.name, location: translation.valueLocation, text: typeset(translation.text, language),
                    unsettledWords: [])
            }
            return TextBlock(language: language, fields: blockFields, isProvisional: isProvisional)
        }
    }

    /// Splits typeset text into paragraphs (at blank lines) of lines.
    public static func paragraphs(of text: String) -> [[String]] {
        // Without CR every LF is a character of its own: split at LF bytes, which is cheaper
        // than at characters.
        let lines =
            text.utf8.contains(UInt8(ascii: "\r"))
            ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : text.parts(separatedBy: UInt8(ascii: "\n"), omittingEmpty: false)
        return paragraphs(ofLines: lines, string: String.init)
    }

    /// ``paragraphs(of:)`` of typeset text; on the fast path split at the line feed scalars (the
    /// text has no CR, so they are its LF characters), each line made a string only once.
    static func paragraphs(of typeset: Typography.Typeset) -> [[String]] {
        switch typeset {
        case .text(let text):
            paragraphs(of: text)
        case .simpleScalars(let scalars):
            paragraphs(
                ofLines: scalars.split(separator: "\n", omittingEmptySubsequences: false),
                string: Unicode.Scalar.string(of:))
        }
    }

    /// Groups lines into paragraphs at empty lines, dropping the empty ones.
    private static func paragraphs<Line: Collection>(ofLines lines: [Line], string: (Line) -> String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(string(line))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// The text file's path below the export folder: `<gallery>/<id>.txt`.
    public var textFilePath: String {
        Self.textFilePath(id: id, gallery: gallery)
    }

    /// The text file's path below the export folder for the label with `id` in `gallery`.
    static func textFilePath(id: String, gallery: String) -> String {
        gallery.isEmpty ? "\(id).txt" : "\(gallery)/\(id).txt"
    }
}
