/// A caption field that lacks one of the configured languages.
struct MissingTranslationCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "missing-translation",
        name: "Missing Translation",
        rationale: """
            Every caption must exist in every configured language before it goes on a sign; a Kazakh label \
            missing from a sign breaks the language law, and a missing English one leaves visitors without \
            the story. Once a field is present on an exhibit (or required), each configured language needs \
            text. The finding points at the field and names the exhibit, field and language.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  ru: Курт\n", config: "languages: [ru]\nsource: ru\n"),
        ],
        triggeringExamples: [
            CheckExample("id: kurt\n↓title:\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n↓credit:\n  ru: Фонд музея\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for field in exhibit.fields where context.config.hasField(field.name) {
            for language in context.config.languages where field.translation(language) == nil {
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
