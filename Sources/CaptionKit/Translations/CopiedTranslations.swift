/// Whether a translation is a copy of its source text: the decision the `untranslated` check
/// reports, in one place so that other commands can ask it too.
///
/// A translation is a copy when it equals its source once white space at either end is dropped,
/// unless it is in the check's `allow` list, has fewer words than `min-words` (single loanwords
/// and names such as Вагон; texts without letters such as 1937–1953), or is made only of the
/// glossary's do-not-translate terms.
struct SourceCopyRule: Sendable {
    /// Texts allowed to be the same as the source (`allow`).
    let allowed: Set<String>
    /// Texts with fewer words are never copies (`min-words`).
    let minimumWords: Int

    /// The rule with the `untranslated` check's options.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a malformed option.
    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow", "min-words"])
        allowed = Set(try options.stringList("allow") ?? [])
        minimumWords = try options.positiveInt("min-words") ?? 2
    }

    /// Whether `text` (one of `analysis.texts`) is a copy of its source; `terminology` is the
    /// glossary `analysis` was scanned with.
    func isCopy(_ text: CaptionText, in analysis: ExhibitAnalysis, terminology: Terminology?) -> Bool {
        guard let source = text.source else { return false }
        let trimmed = Self.trimmed(text.text)
        guard trimmed.elementsEqual(Self.trimmed(source.text)) else { return false }
        let value = String(trimmed)
        return !allowed.contains(value) && TextWords.words(in: value).count >= minimumWords
            && !analysis.isOnlyDoNotTranslateTerms(text, terminology)
    }

    /// Whether `translation` and `source` are the same text but for white space at either end:
    /// the first question of ``isCopy(_:in:terminology:)``, cheap enough to ask of every text.
    static func isSameText(_ translation: String, _ source: String) -> Bool {
        trimmed(translation).elementsEqual(trimmed(source))
    }

    /// The text without white space at either end, as scalars (compared code point by code point).
    static func trimmed(_ text: String) -> Substring.UnicodeScalarView {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
        return scalars
    }

    /// `scalar.properties.isWhitespace`, with printable ASCII and the Cyrillic letters (which
    /// start and end nearly every text) decided without the property look-up.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (value > 0x20 && value < 0x7F) || (value >= 0x400 && value <= 0x4FF) { return false }
        return scalar.properties.isWhitespace
    }
}
