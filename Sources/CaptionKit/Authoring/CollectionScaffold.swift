import Foundation

/// Writes new collections (`captions init`) and new exhibit files (`captions new`).
///
/// Neither ever overwrites a file: an existing target is ``CaptionError/alreadyExists(path:)``.
public enum CollectionScaffold {
    /// The `.gitignore` of a new collection: the lock file (``CollectionLock``) and the
    /// temporary files of atomic writes (``AtomicFile``), which exist while a writer writes and
    /// which a writer that was stopped may leave behind.
    static let gitIgnoreText = """
        # Files captions keeps while it writes the captions and removes when it is done;
        # a writer that was stopped may leave one behind.
        \(CollectionLock.fileName)
        \(AtomicFile.temporaryNamePattern)

        """

    /// The commented `captions.yml` that `captions init` writes: the defaults, spelled out.
    static let defaultConfigText = """
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

        # Per-check severity: error, warning, note or off. `captions check --explain ID` describes a check.
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

    /// The text of a new exhibit file: every configured field (or every required one) and
    /// language as an empty entry, and empty notes (unless `requiredFieldsOnly`).
    static func exhibitTemplate(id: String, config: CollectionConfig, requiredFieldsOnly: Bool = false) -> String {
        var text = "id: \(id)\n"
        for field in config.fields where field.required || !requiredFieldsOnly {
            text += "\(field.name):\n"
            for language in config.languages {
                text += "  \(language): \"\"\n"
            }
        }
        if !requiredFieldsOnly { text += "notes: \"\"\n" }
        return text
    }

}
