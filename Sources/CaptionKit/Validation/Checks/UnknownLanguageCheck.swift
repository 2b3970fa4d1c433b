/// A language key that `captions.yml` does not configure (often a typo such as `kz`).
struct UnknownLanguageCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "unknown-language",
        name: "Unknown Language",
        rationale: """
            Only the configured languages are checked, translated and printed. Text under any other key, \
            often a slip such as kz for Kazakh (kk), would never reach a sign while the real Kazakh slot \
            looks empty. The finding suggests the likely intended language.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n", path: "kurt.yml")
        ],
        triggeringExamples: [
            CheckExample("id: kurt\ntitle:\n  ↓kz: Құрт\n  ru: Курт\n  en: Kurt\n", path: "kurt.yml"),
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n  ↓de: Kurt\n", path: "kurt.yml"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        let languages = context.config.languages
        var findings: [Diagnostic] = []
        for field in exhibit.fields where context.config.hasField(field.name) {
            for translation in field.translations where !languages.contains(translation.language) {
                let tag = translation.language
                let message: String
                if let suggestion = Suggestion.closest(to: tag, in: languages) {
                    message =
                        """
                        unknown language '\(tag)' in \(field.name); did you mean '\(suggestion)' \
                        (\(Language.displayName(suggestion)))?
                        """
                } else if Language.isWellFormed(tag) {
                    message =
                        """
                        language '\(tag)' in \(field.name) is not configured (languages: \
                        \(languages.joined(separator: ", "))); add it to captions.yml or remove the text
                        """
                } else {
                    message =
                        """
                        '\(tag)' in \(field.name) is not a language tag (languages: \
                        \(languages.joined(separator: ", ")))
                        """
                }
                findings.append(
                    finding(at: translation.keyLocation, message, exhibit: exhibit, field: field.name, language: tag))
            }
        }
        return findings
    }
}
