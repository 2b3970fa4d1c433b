/// Whether a translation is a copy of its source text: the one decision that the `untranslated`
/// check reports and that ``CopiedTranslations`` counts as not translated (`captions status`,
/// `export xliff`, `export signage`).
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
        guard let source = text.source, isCopy(text.text, of: source.text) else { return false }
        return !analysis.isOnlyDoNotTranslateTerms(text, terminology)
    }

    /// Whether `translation` is a copy of `source` as far as the two texts tell, before the
    /// glossary is asked: the same text but for white space at either end, not allowed, and of
    /// at least ``minimumWords`` words. Cheap enough to ask of every text (most differ in their
    /// first letter).
    func isCopy(_ translation: String, of source: String) -> Bool {
        guard Self.isSame(translation, source) else { return false }
        let value = String(Self.trimmed(translation))
        return !allowed.contains(value) && TextWords.words(in: value).count >= minimumWords
    }

    /// Whether `translation` is `source` but for white space at either end: the texts this rule
    /// decides.
    static func isSame(_ translation: String, _ source: String) -> Bool {
        // Fast path: most texts differ in length, and two texts that neither start nor end with
        // white space are the same only when their UTF-8 is.
        if translation.utf8.count != source.utf8.count, !hasWhitespaceAtAnEnd(translation),
            !hasWhitespaceAtAnEnd(source)
        {
            return false
        }
        return trimmed(translation).elementsEqual(trimmed(source))
    }

    /// Whether `text` starts or ends with white space.
    static func hasWhitespaceAtAnEnd(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return isWhitespace(first) || isWhitespace(last)
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

/// The translations of a collection that are copies of their source (``SourceCopyRule`` with the
/// `untranslated` check's options and the collection's glossary), less those an `ignore:` entry
/// for `untranslated` accepts: what `check` reports as `untranslated` before the baseline. They
/// count as not translated. None when `captions.yml` turns `untranslated` off.
struct CopiedTranslations: Sendable {
    /// One copied text.
    struct Copy: Sendable, Hashable {
        /// The field name.
        var field: String
        /// The translation's language.
        var language: String
    }

    /// The rule, or `nil` when the check is off.
    private let rule: SourceCopyRule?
    private let config: CollectionConfig
    /// The glossary compiled for matching (``CollectionConfig/terminology``), as `check` reads it.
    private let terminology: Terminology?

    /// The copies of a collection configured by `config`.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a malformed `untranslated` entry.
    init(config: CollectionConfig) throws(CaptionError) {
        self.config = config
        let description = UntranslatedCheck.description
        guard config.severity(of: description) != nil else {
            rule = nil
            terminology = nil
            return
        }
        rule = try SourceCopyRule(
            options: CheckOptions(checkID: description.id, node: config.checks[description.id]?.node))
        terminology = config.terminology
    }

    /// The copies in `exhibit` (in `language` only, when given), in file order.
    ///
    /// Only an exhibit with a candidate is analysed: for the others, this is a comparison of each
    /// translation's first letters with its source's.
    func copies(in exhibit: Exhibit, language: String? = nil) -> [Copy] {
        guard let rule, exhibit.isReadable, hasCandidate(exhibit, rule, language: language) else { return [] }
        let analysis = ExhibitAnalysis(exhibit, config: config, terminology: terminology)
        let checkID = UntranslatedCheck.description.id
        let accepted =
            exhibit.metadata["ignore"] == nil
            ? [] : IgnoreEntry.entries(of: exhibit).entries.filter { $0.checkID == checkID }
        return analysis.texts.compactMap { text in
            guard language == nil || text.language == language,
                rule.isCopy(text, in: analysis, terminology: terminology),
                !accepted.contains(where: {
                    $0.matches(checkID: checkID, field: text.field.name, language: text.language)
                })
            else { return nil }
            return Copy(field: text.field.name, language: text.language)
        }
    }

    /// Whether `text`, as the `language` translation of `field` in `exhibit`, would be one of
    /// its copies (``copies(in:language:)``): how `captions import` decides a translator's target
    /// that is the same as its source.
    func isCopy(_ text: String, field: String, language: String, in exhibit: Exhibit) -> Bool {
        guard let rule, let fieldIndex = exhibit.fields.firstIndex(where: { $0.name == field }),
            let source = exhibit.fields[fieldIndex].translation(config.source), rule.isCopy(text, of: source.text)
        else { return false }
        var edited = exhibit
        if let index = edited.fields[fieldIndex].translationIndex(language) {
            edited.fields[fieldIndex].translations[index].text = text
        } else {
            let location = edited.fields[fieldIndex].location
            edited.fields[fieldIndex].translations.append(
                Translation(language: language, text: text, keyLocation: location, valueLocation: location))
        }
        return copies(in: edited, language: language).contains(Copy(field: field, language: language))
    }

    /// Whether some translation of a configured field (in `language`, when given) is a copy
    /// of its source as far as the texts tell (``SourceCopyRule/isCopy(_:of:)``): only then is
    /// the exhibit analysed. Blank texts are not looked for here (that scan costs more than the
    /// comparison): ``ExhibitAnalysis`` leaves them out.
    private func hasCandidate(_ exhibit: Exhibit, _ rule: SourceCopyRule, language: String?) -> Bool {
        for field in exhibit.fields where config.hasField(field.name) {
            let translations = field.translations
            guard let sourceIndex = field.translationIndex(config.source) else { continue }
            for index in translations.indices where index != sourceIndex {
                let tag = translations[index].language
                guard language == nil || tag == language, tag != config.source, config.languages.contains(tag) else {
                    continue
                }
                if rule.isCopy(translations[index].text, of: translations[sourceIndex].text) { return true }
            }
        }
        return false
    }
}
