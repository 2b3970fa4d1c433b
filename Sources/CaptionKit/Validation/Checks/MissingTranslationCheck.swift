/// A caption field that lacks one of the configured languages.
struct MissingTranslationCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "missing-translation",
        name: "Missing Translation",
        rationale: """
            Every caption must exist in every configured language before it goes on a sign; a Kazakh label \
            missing from a sign breaks the language law, and a missing English one leaves visitors without \
            the story. Once a field is present on an exhibit (or required), each configured language needs \
            text. The finding points at the field and names the exhibit, field and language. A text that \
            cannot be read as text (an unquoted number, ru: 1937) is reported once, as invalid-value, not \
            as missing too.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  ru: Курт\n", config: "languages: [ru]\nsource: ru\n"),
            CheckExample("id: year\ntitle:\n  kk: '1937'\n  ru: 1937\n  en: '1937'\n"),
        ],
        triggeringExamples: [
            CheckExample("id: kurt\n↓title:\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n↓credit:\n  ru: Фонд музея\n"),
            CheckExample("id: year\ntitle:\n  kk: '1937'\n  ru: 1937\n  en: '1937'\n↓text:\n  ru: Год.\n  en: Year.\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for field in exhibit.fields where context.config.hasField(field.name) {
            // A text that could not be read (`ru: 1937`, a number) is reported as invalid-value.
            for language in context.config.languages
            where field.translation(language) == nil
                && !exhibit.hasUnreadableValue(field: field.name, language: language)
            {
                findings.append(
                    finding(
                        at: field.location,
                        "\(field.name) of \(exhibit.displayID) has no \(Language.displayName(language)) text",
                        exhibit: exhibit, field: field.name, language: language))
            }
        }
        return findings
    }
}

extension Exhibit {
    /// Whether loading reported the value of `field` in `language` (or, with `language` `nil`,
    /// the whole field) as one it could not read (`invalid-value`: a number, a list...): the
    /// value is left out, and that finding, not a missing one, is what a curator should see.
    func hasUnreadableValue(field: String, language: String?) -> Bool {
        loadFindings.contains { $0.checkID == "invalid-value" && $0.field == field && $0.language == language }
    }
}
