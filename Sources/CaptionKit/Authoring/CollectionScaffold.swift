import Foundation

/// Writes new collections (`captions init`) and new exhibit files (`captions new`).
///
/// Neither ever overwrites a file: an existing target is ``CaptionError/alreadyExists(path:)``.
public enum CollectionScaffold {
    /// The commented `captions.yml` that `captions init` writes: the defaults, spelled out.
    public static let defaultConfigText = """
        # Configuration of this caption collection. Every key is optional; the values below are
        # the defaults. See Documentation/CaptionFormat.md in the captions sources for the full format.

        # Every caption needs all of these languages; this is also their order on signs
        # (Kazakh first, as the Law on Languages requires).
        languages: [kk, ru, en]

        # The language translations are made from.
        source: ru

        # The caption fields. A required field must exist on every exhibit; max-chars is the
        # panel's budget in characters (what a reader sees as one character).
        fields:
          title:  { required: true,  max-chars: 80 }
          text:   { required: true,  max-chars: 900 }
          credit: { required: false, max-chars: 160 }

        # Per-check severity: error, warning or off. `captions check --explain ID` describes a check.
        checks:
          id-file-mismatch: warning

        """

    /// The example exhibit `captions init` writes.
    static let exampleExhibitText = """
        id: example-exhibit
        title:
          kk: Мысал экспонат
          ru: Пример экспоната
          en: Example exhibit
        text:
          kk: |
            Бұл мысал жазба. Оны өз экспонатыңыздың мәтінімен алмастырыңыз.
          ru: |
            Это пример подписи. Замените его текстом своего экспоната.
          en: |
            This is an example caption. Replace it with the text of your own exhibit.
        notes: An example written by captions init; delete it once real exhibits exist.

        """

    /// Starts a collection in `path`: a commented `captions.yml` and one example exhibit.
    ///
    /// - Returns: The paths written.
    /// - Throws: ``CaptionError/alreadyExists(path:)`` when `path` already has a `captions.yml`
    ///   or any exhibit file; nothing is written then.
    public static func initialize(at path: String) throws(CaptionError) -> [String] {
        let configPath = CollectionLoader.join(path, CollectionLoader.configFileName)
        let examplePath = CollectionLoader.join(path, "example-exhibit.yml")
        if FileManager.default.fileExists(atPath: configPath) { throw .alreadyExists(path: configPath) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let existing = try CollectionLoader.exhibitFiles(in: path).first
        {
            throw .alreadyExists(path: CollectionLoader.join(path, existing))
        }
        try AtomicFile.create(Data(defaultConfigText.utf8), at: configPath)
        try AtomicFile.create(Data(exampleExhibitText.utf8), at: examplePath)
        return [configPath, examplePath]
    }

    /// The text of a new exhibit file: every configured field and language as an empty entry.
    public static func exhibitTemplate(id: String, config: CollectionConfig) -> String {
        var text = "id: \(id)\n"
        for field in config.fields {
            text += "\(field.name):\n"
            for language in config.languages {
                text += "  \(language): \"\"\n"
            }
        }
        text += "notes: \"\"\n"
        return text
    }

    /// Writes a new exhibit file `<gallery>/<id>.yml` in the collection at `path`.
    ///
    /// - Returns: The path written.
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an id or gallery that is not a slug,
    ///   ``CaptionError/alreadyExists(path:)`` when the file exists or another file has that id.
    public static func newExhibit(id: String, gallery: String?, in path: String) throws(CaptionError) -> String {
        guard ExhibitID.isValid(id) else {
            throw .invalidArgument(
                "'\(id)' is not a valid exhibit id; use lowercase letters, digits and single hyphens, e.g. '\(ExhibitID.suggestion(from: id))'"
            )
        }
        let gallery = gallery ?? ""
        guard ExhibitID.isValidGallery(gallery) else {
            throw .invalidArgument(
                "gallery '\(gallery)' must be a slug (lowercase letters, digits, hyphens), e.g. '\(ExhibitID.suggestion(from: gallery))'"
            )
        }
        let collection = try CollectionLoader.load(path: path)
        if let existing = collection.exhibits.first(where: { $0.id == id }) {
            throw .alreadyExists(path: "\(existing.idLocation) (an exhibit with id '\(id)')")
        }
        let relative = gallery.isEmpty ? "\(id).yml" : "\(gallery)/\(id).yml"
        let filePath = CollectionLoader.join(path, relative)
        try AtomicFile.create(Data(exhibitTemplate(id: id, config: collection.config).utf8), at: filePath)
        return filePath
    }
}
