/// A caption text that is empty, only whitespace or only invisible characters.
struct EmptyTextCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "empty-text",
        name: "Empty Text",
        rationale: """
            An empty entry (kk: "" or a key with nothing after it) looks filled in but would print a blank \
            block on the sign; so does one of only spaces or invisible characters (a zero-width space pasted \
            from a web page, "\\u200B"). It usually marks a translation still to be done, for example in a file made \
            by captions new.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")],
        triggeringExamples: [
            CheckExample("id: kurt\ntitle:\n  kk: ↓\"\"\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  kk: ↓\"  \"\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("id: kurt\ntitle:\n  kk: ↓\"\\u200B\"\n  ru: Курт\n  en: Kurt\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for field in exhibit.fields where context.config.hasField(field.name) {
            for translation in field.translations
            where translation.isBlank && context.config.languages.contains(translation.language) {
                findings.append(
                    finding(
                        at: translation.valueLocation,
                        "\(field.name) (\(translation.language)) of \(exhibit.displayID) is empty",
                        exhibit: exhibit, field: field.name, language: translation.language))
            }
        }
        return findings
    }
}
