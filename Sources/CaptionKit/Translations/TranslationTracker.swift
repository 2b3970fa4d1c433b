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

    /// The translations of `exhibit` in `fields` and `languages` (target languages only) that
    /// have text and no record of the source they were made from, although their field has a
    /// source text: ``TranslationState/unknownProvenance`` that `captions accept --untracked`
    /// can start tracking. In field then language order; none when the exhibit cannot be read or
    /// its record is malformed (check reports that, and a rewrite would drop the odd entries).
    static func untrackedTranslations(
        in exhibit: Exhibit, config: CollectionConfig, fields: [String]? = nil, languages: [String]? = nil
    ) -> [(field: String, language: String)] {
        guard exhibit.isReadable else { return [] }
        let record = TranslationRecord(exhibit: exhibit)
        guard record.problems.isEmpty else { return [] }
        var result: [(field: String, language: String)] = []
        for spec in config.fields where fields?.contains(spec.name) ?? true {
            guard let field = exhibit.field(spec.name), let source = field.translation(config.source),
                !source.isBlank
            else { continue }
            for language in config.targetLanguages where languages?.contains(language) ?? true {
                guard let translation = field.translation(language), !translation.isBlank,
                    record.fingerprint(field: spec.name, language: language) == nil
                else { continue }
                result.append((spec.name, language))
            }
        }
        return result
    }

    /// How many translations ``untrackedTranslations(in:config:fields:languages:)`` lists in the
    /// target languages `targets`, counted without listing them or reading a record the exhibit
    /// does not have: what `captions check` counts over every exhibit for its note.
    static func untrackedCount(in exhibit: Exhibit, config: CollectionConfig, targets: [String]) -> Int {
        guard exhibit.isReadable else { return 0 }
        let record = exhibit.metadata[TranslationRecord.key] == nil ? nil : TranslationRecord(exhibit: exhibit)
        if let record, !record.problems.isEmpty { return 0 }
        var count = 0
        for field in exhibit.fields where config.hasField(field.name) {
            guard let source = field.translation(config.source), !source.isBlank else { continue }
            for translation in field.translations
            where targets.contains(translation.language) && !translation.isBlank
                && record?.fingerprint(field: field.name, language: translation.language) == nil
            {
                count += 1
            }
        }
        return count
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
