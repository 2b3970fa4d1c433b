/// One translation to set with ``CaptionFileEditor/apply(_:recording:fieldOrder:languageOrder:)``.
public struct TranslationEdit: Sendable, Hashable {
    /// The caption field, e.g. `title`.
    public var field: String
    /// The language tag, e.g. `kk`.
    public var language: String
    /// The new text.
    var text: String
    /// For a translation written beside another source text than the file has now (a draft
    /// restored onto a newer version of the file): that source text. The editor's save records
    /// the translation as made from it, so it is stale until someone checks it; `nil`: made
    /// from the file's source.
    var translatedFrom: String?

    /// Creates an edit.
    public init(field: String, language: String, text: String, translatedFrom: String? = nil) {
        self.field = field
        self.language = language
        self.text = text
        self.translatedFrom = translatedFrom
    }
}
