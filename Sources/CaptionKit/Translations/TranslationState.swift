/// Where one translation of one caption field stands against its source text.
public enum TranslationState: Sendable, Hashable {
    /// No text in the language, or only whitespace.
    case missing
    /// Text exists and the record says it was made from the current source text.
    case translated
    /// Text exists but was made from an earlier source text: the source changed since.
    ///
    /// `recordedFingerprint` is the fingerprint of the source the translation was made from;
    /// `currentFingerprint` that of the source now.
    case stale(recordedFingerprint: String, currentFingerprint: String)
    /// Text exists but no record says which source it was made from (written by hand, or
    /// before tracking began). Never reported as stale.
    case unknownProvenance

    /// Whether the translation needs review because its source changed.
    public var isStale: Bool {
        if case .stale = self { return true }
        return false
    }
}

/// A translation whose source text changed after it was made.
struct StaleTranslation: Sendable, Hashable {
    /// The caption field, e.g. `title`.
    var field: String
    /// The translation's language.
    var language: String
    /// Fingerprint of the source text the translation was made from.
    var recordedFingerprint: String
    /// Fingerprint of the source text now.
    var currentFingerprint: String
    /// Where the translation's language key is in the caption file.
    var location: SourceLocation
}
