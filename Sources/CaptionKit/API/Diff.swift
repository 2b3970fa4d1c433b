import Foundation

/// `captions diff`: for a stale translation, which words of the source changed since it was
/// translated.
public struct SourceDiff: Sendable, Hashable {
    /// What there is to show.
    public enum Outcome: Sendable, Hashable {
        /// The word diff from the source the translation was made from (found in the commit
        /// `commit` of the collection's git history) to the current source.
        case diff(WordDiff, commit: String)
        /// The translation is not stale: nothing to compare.
        case notStale
        /// The translation has no record of its source (typed by hand, or missing).
        case noRecord
        /// Stale, but the earlier source text is not available; the reason says why (its
        /// ``EarlierSourceUnknown/text`` in English).
        case unavailable(EarlierSourceUnknown)
    }

    /// The field.
    public var field: String
    /// The translation's language.
    public var language: String
    /// What there is to show.
    public var outcome: Outcome

    /// What `captions diff` prints for this translation of exhibit `id`, ending in a newline.
    public func text(id: String, sourceLanguage: String) -> String {
        let what = "\(field) (\(language)) of \(id)"
        switch outcome {
        case .diff(let diff, let commit):
            return "\(what): the \(sourceLanguage) source changed since the translation (then: commit \(commit)):\n"
                + diff.text + "\n"
        case .notStale: return "\(what) is not stale: nothing to compare\n"
        case .noRecord: return "\(what) has no record of the source it was made from: nothing to compare\n"
        case .unavailable(let reason): return "\(what) is stale, but its earlier source is unknown: \(reason.text)\n"
        }
    }

    /// Loads the collection at `path`; see ``of(id:fields:languages:in:)``.
    static func of(
        id: String, fields: [String] = [], languages: [String] = [], collectionAt path: String
    ) throws(CaptionError) -> [SourceDiff] {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        return try of(id: id, fields: fields, languages: languages, in: collection)
    }

    /// The source diffs of exhibit `id`: for the named fields and target languages (each one,
    /// stale or not), or, when none are named, for each of its stale translations. The earlier
    /// source comes from the git history of the caption file (`git log`, `git show`), found by
    /// the fingerprint in the record.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an unknown exhibit, field or language;
    ///   ``CaptionError/invalidInput(_:_:)`` when none has the id but a file named `<id>.yml`
    ///   cannot be read as captions.
    public static func of(
        id: String, fields: [String] = [], languages: [String] = [], in collection: CaptionCollection
    ) throws(CaptionError) -> [SourceDiff] {
        let config = collection.config
        let languages = languages.map(config.spelledAsConfigured)
        for field in fields where !config.hasField(field) {
            throw .invalidArgument(config.notAField(field))
        }
        for language in languages where !config.targetLanguages.contains(language) {
            throw .invalidArgument(
                """
                --lang \(language) is not a target language of this collection \
                (\(config.targetLanguages.joined(separator: ", ")))
                """
            )
        }
        let exhibit = try collection.exhibit(id: id)
        let named = !fields.isEmpty || !languages.isEmpty
        let record = TranslationRecord(exhibit: exhibit)
        var result: [SourceDiff] = []
        for spec in config.fields where fields.isEmpty || fields.contains(spec.name) {
            guard let field = exhibit.field(spec.name) else { continue }
            for language in config.targetLanguages where languages.isEmpty || languages.contains(language) {
                guard field.translation(language) != nil else { continue }
                let state = TranslationTracker.state(
                    of: exhibit, field: spec.name, language: language, config: config, record: record)
                let outcome: Outcome
                switch state {
                case .stale(let recorded, _):
                    let current = field.translation(config.source)?.text ?? ""
                    switch SourceHistory.source(
                        field: spec.name, sourceLanguage: config.source, fingerprint: recorded,
                        inHistoryOf: exhibit.path)
                    {
                    case .found(let text, let commit):
                        outcome = .diff(WordDiff(from: text, to: current), commit: commit)
                    case .notFound(let reason): outcome = .unavailable(reason)
                    }
                case .unknownProvenance, .missing: outcome = .noRecord
                case .translated: outcome = .notStale
                }
                guard named || outcome != .notStale && outcome != .noRecord else { continue }
                result.append(SourceDiff(field: spec.name, language: language, outcome: outcome))
            }
        }
        return result
    }
}
