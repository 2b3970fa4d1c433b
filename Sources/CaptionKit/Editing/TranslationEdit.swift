/// One translation to set with ``CaptionFileEditor/apply(_:recording:fieldOrder:languageOrder:)``.
public struct TranslationEdit: Sendable, Hashable {
    /// The caption field, e.g. `title`.
    public var field: String
    /// The language tag, e.g. `kk`.
    public var language: String
    /// The new text.
    public var text: String

    /// Creates an edit.
    public init(field: String, language: String, text: String) {
        self.field = field
        self.language = language
        self.text = text
    }
}
