/// One caption text in one language, with the positions it was written at.
public struct Translation: Sendable, Hashable {
    /// The BCP 47 tag, e.g. `kk`.
    public var language: String
    /// The text. For block scalars (`|`, `>`) the final line break that YAML adds is removed;
    /// everything else is exactly what the curator wrote. `null` or an empty value is `""`.
    public var text: String
    /// Where the language key (`kk:`) is.
    var keyLocation: SourceLocation
    /// Where the value starts (the first character of a plain scalar, the quote, or `|`).
    var valueLocation: SourceLocation
    /// Where the text's first character is, when every character of the text is written in the
    /// file one after another on that line (a one-line plain or quoted scalar without escapes),
    /// so that a position inside the text maps to a column; `nil` otherwise.
    var textStart: SourceLocation?
    /// For a literal block scalar (`|`): the line after the header and the column its content is
    /// indented to, so that a position inside the text maps to a line and column (each line
    /// break of the text is one of the file). `nil` otherwise.
    var literalBlockStart: SourceLocation?

    /// Creates a translation.
    init(language: String, text: String, keyLocation: SourceLocation, valueLocation: SourceLocation) {
        self.language = language
        self.text = text
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
    }

    /// Whether the text is empty or prints nothing: only whitespace and invisible characters
    /// (Unicode's default-ignorable ones, such as a zero-width space or a byte order mark),
    /// which would print a blank block on the sign as an empty text would.
    var isBlank: Bool { text.printsNothing }
}

extension String {
    /// Whether the text is empty or only whitespace and invisible characters (Unicode's
    /// default-ignorable ones): the rule of ``Translation/isBlank``, also for a translator's
    /// target before it becomes a translation.
    var printsNothing: Bool {
        // A text starting with a printable ASCII or Cyrillic letter (nearly every text) is
        // decided from its first byte: U+0400–U+04FF are the scalars whose UTF-8 lead byte is
        // 0xD0–0xD3.
        if let first = utf8.first, (first > 0x20 && first < 0x7F) || (first >= 0xD0 && first <= 0xD3) {
            return false
        }
        return unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
        }
    }
}

/// A caption field of an exhibit (title, text, credit...), in every language written.
public struct CaptionField: Sendable, Hashable {
    /// The field name as written, e.g. `title`.
    public var name: String
    /// Where the field key is.
    var location: SourceLocation
    /// The languages in the order written.
    public var translations: [Translation]

    /// The translation for `language`, or `nil` when the file has none.
    public func translation(_ language: String) -> Translation? {
        translationIndex(language).map { translations[$0] }
    }

    /// The index in ``translations`` of the translation for `language`, or `nil` when the file
    /// has none: for reading it in place.
    func translationIndex(_ language: String) -> Int? {
        translations.firstIndex { $0.language == language }
    }
}

/// One exhibit's caption file, as loaded.
///
/// A file that could not be read as captions still yields an `Exhibit`, with its problems in
/// ``loadFindings``, so that `captions check` reports every file in one run.
public struct Exhibit: Sendable, Hashable {
    /// The file path as displayed (the collection path the user gave, joined with the relative path).
    public var path: String
    /// The path relative to the collection folder, e.g. `garden/stalin-wagon.yml`.
    public var relativePath: String
    /// The folder below the collection root, e.g. `garden`; empty for files at the root.
    public var gallery: String
    /// The `id:` value, or `nil` when it is absent or not text.
    public var id: String?
    /// Where the `id` value is (or the start of the file when it is absent).
    var idLocation: SourceLocation
    /// The caption fields in the order written (known and unknown names alike).
    public var fields: [CaptionField]
    /// The `notes:` text for translators, if any.
    public var notes: Translation?
    /// Other top-level keys that are not caption fields (`ignore:`, machine-owned keys...).
    var metadata: [String: LocatedNode]
    /// Problems found while reading the file (`invalid-yaml`, `invalid-value`, duplicate keys).
    public var loadFindings: [Diagnostic]
    /// Whether the file could be read as a mapping of captions at all. Checks about content
    /// skip unreadable files, whose only finding is why they could not be read.
    public var isReadable: Bool

    /// Creates an exhibit.
    init(
        path: String, relativePath: String, gallery: String, id: String?, idLocation: SourceLocation,
        fields: [CaptionField], notes: Translation?, metadata: [String: LocatedNode], loadFindings: [Diagnostic],
        isReadable: Bool = true
    ) {
        self.path = path
        self.relativePath = relativePath
        self.gallery = gallery
        self.id = id
        self.idLocation = idLocation
        self.fields = fields
        self.notes = notes
        self.metadata = metadata
        self.loadFindings = loadFindings
        self.isReadable = isReadable
    }

    /// The file name without `.yml`/`.yaml`.
    var fileStem: String {
        let name = Self.lastComponent(of: relativePath)
        if name.hasSuffix(".yaml") { return String(name.dropLast(5)) }
        if name.hasSuffix(".yml") { return String(name.dropLast(4)) }
        return name
    }

    /// The last `/`-separated component of `path` that is not empty, or `path` itself when it
    /// has none: `path.split(separator: "/").last`, by bytes for ASCII paths (nearly all).
    static func lastComponent(of path: String) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else {
            return path.split(separator: "/").last.map(String.init) ?? path
        }
        let slash = UInt8(ascii: "/")
        let utf8 = path.utf8
        guard let end = utf8.lastIndex(where: { $0 != slash }) else { return path }
        let start = utf8[..<end].lastIndex(of: slash).map(utf8.index(after:)) ?? utf8.startIndex
        return String(path[start...end])
    }

    /// The folder part of a path below the collection: its `/`-separated components that are not
    /// empty, without the last, joined by `/`: `path.split(separator: "/").dropLast().joined(separator: "/")`,
    /// by bytes for ASCII paths without doubled, leading or trailing slashes (nearly all).
    static func folder(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        let utf8 = path.utf8
        var previousIsSlash = true
        var isPlain = true
        for byte in utf8 {
            if byte >= 0x80 || (byte == slash && previousIsSlash) {
                isPlain = false
                break
            }
            previousIsSlash = byte == slash
        }
        guard isPlain, !previousIsSlash else { return path.split(separator: "/").dropLast().joined(separator: "/") }
        guard let last = utf8.lastIndex(of: slash) else { return "" }
        return String(path[..<last])
    }

    /// The id to show in messages: the `id:` value, else the file stem.
    public var displayID: String { id ?? fileStem }

    /// The field named `name`, or `nil`.
    public func field(_ name: String) -> CaptionField? {
        fields.first { $0.name == name }
    }

}
