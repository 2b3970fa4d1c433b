/// A translation made from an earlier version of its source text.
struct StaleTranslationCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "stale-translation",
        name: "Stale Translation",
        rationale: """
            When a curator edits the source text after a translation was made, the translation may no \
            longer say the same thing, and visitors would read different stories in different languages. \
            captions import records which source text each translation was made from (the machine-owned \
            translations: key); this check reports translations whose source has changed since. Export \
            them with captions export xliff --needed for review, or, after fixing both texts by hand, \
            confirm with captions accept. Translations with no record are not reported. The finding \
            points at the stale language's entry.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntranslations:\n  title: { kk: 8577ed6c, en: \
                8577ed6c }\n
                """
            ),
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt\ntitle:\n  ↓kk: Құрт\n  ru: Курт!\n  ↓en: Kurt\ntranslations:\n  title: { kk: 8577ed6c, \
                en: 8577ed6c }\n
                """
            ),
            CheckExample(
                "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntranslations:\n  title: { kk: ↓stale }\n"),
            // Translated from the Kazakh text (d339738d is its fingerprint) when Kazakh was the source.
            CheckExample(
                "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  ↓en: Kurt\ntranslations:\n  title: { en: d339738d }\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        guard exhibit.isReadable else { return [] }
        let source = context.config.source
        var findings = TranslationRecord(exhibit: exhibit).problems.map { problem in
            finding(at: problem.location, problem.message, exhibit: exhibit)
        }
        for stale in TranslationTracker.staleTranslations(in: exhibit, config: context.config) {
            let message: String
            if let earlier = Self.formerSource(of: stale, in: exhibit, config: context.config) {
                message = """
                    \(stale.field) (\(stale.language)) of \(exhibit.displayID) was translated from its \(earlier) \
                    text, but the source is \(source) now (source: in captions.yml); review it against the \(source) \
                    text and run captions accept, or export it with --needed
                    """
            } else {
                message = """
                    \(stale.field) (\(stale.language)) of \(exhibit.displayID) was translated from an earlier \
                    \(source) text; see what changed with captions diff \(exhibit.displayID), review it and run \
                    captions accept, or export it with --needed
                    """
            }
            findings.append(
                finding(
                    at: stale.location, message, exhibit: exhibit, field: stale.field, language: stale.language))
        }
        return findings
    }

    /// The other language whose text in the field is the one `stale` was translated from (its
    /// recorded fingerprint): after `source:` was changed in `captions.yml`, the translations
    /// were made from the former source, not from an earlier version of the new one.
    static func formerSource(of stale: StaleTranslation, in exhibit: Exhibit, config: CollectionConfig) -> String? {
        guard let field = exhibit.field(stale.field) else { return nil }
        return config.languages.first { language in
            guard language != config.source, language != stale.language,
                let text = field.translation(language), !text.isBlank
            else { return false }
            return SourceFingerprint.of(text.text) == stale.recordedFingerprint
        }
    }
}
