extension Exhibit {
    /// Where each translation of this exhibit stands against its source (missing, translated,
    /// stale, or of unknown provenance), as `captions check` and `status` see it; the exhibit's
    /// `translations:` record is read once, then `state(field, language)` answers.
    public func translationStates(config: CollectionConfig) -> (_ field: String, _ language: String) -> TranslationState
    {
        let record = TranslationRecord(exhibit: self)
        return { field, language in
            TranslationTracker.state(of: self, field: field, language: language, config: config, record: record)
        }
    }
}
