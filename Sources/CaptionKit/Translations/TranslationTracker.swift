/// Tells whether translations are current, stale or of unknown provenance, from the
/// `translations:` record (see ``TranslationRecord``).
///
/// Used by the `stale-translation` check, `captions status`, `export xliff --needed` and the
/// signage export (which holds back stale exhibits).
enum TranslationTracker {
    /// The state of `field` in `language` for `exhibit`.
    ///
    /// The source language itself is ``TranslationState/translated`` when it has text and
    /// ``TranslationState/missing`` otherwise. A translation whose field has no source text is
    /// ``TranslationState/unknownProvenance``.
    static func state(
        of exhibit: Exhibit, field: String, language: String, config: CollectionConfig
    ) -> TranslationState {
        state(
            of: exhibit, field: field, language: language, config: config, record: TranslationRecord(exhibit: exhibit))
    }

    /// Like ``state(of:field:language:config:)`` with the record already read.
    static func state(
        of exhibit: Exhibit, field: String, language: String, config: CollectionConfig, record: TranslationRecord
    ) -> TranslationState {
        guard let captionField = exhibit.field(field), let translation = captionField.translation(language),
            !translation.isBlank
        else { return .missing }
        if language == config.source { return .translated }
        guard let recorded = record.fingerprint(field: field, language: language),
            let source = captionField.translation(config.source), !source.isBlank
        else { return .unknownProvenance }
        let current = SourceFingerprint.of(source.text)
        return recorded == current ? .translated : .stale(recordedFingerprint: recorded, currentFingerprint: current)
    }

    /// Every stale translation of `exhibit` in configured fields and target languages, in
    /// field order then language order.
    static func staleTranslations(in exhibit: Exhibit, config: CollectionConfig) -> [StaleTranslation] {
        guard exhibit.isReadable else { return [] }
        return staleTranslations(in: exhibit, config: config, record: TranslationRecord(exhibit: exhibit))
    }

    /// Like ``staleTranslations(in:config:)`` with the record already read.
    static func staleTranslations(
        in exhibit: Exhibit, config: CollectionConfig, record: TranslationRecord
    ) -> [StaleTranslation] {
        guard exhibit.isReadable else { return [] }
        if record.fingerprints.isEmpty { return [] }
        var result: [StaleTranslation] = []
        for spec in config.fields {
            guard let field = exhibit.field(spec.name) else { continue }
            for language in config.targetLanguages {
                guard
                    case .stale(let recorded, let current) = state(
                        of: exhibit, field: spec.name, language: language, config: config, record: record),
                    let translation = field.translation(language)
                else { continue }
                result.append(
                    StaleTranslation(
                        field: spec.name, language: language, recordedFingerprint: recorded,
                        currentFingerprint: current,
                        location: translation.keyLocation))
            }
        }
        return result
    }
}
