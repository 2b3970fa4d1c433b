/// A caption text that is empty, only whitespace or only invisible characters.
struct EmptyTextCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "empty-text",
        name: "Empty Text",
        rationale: """
            An empty entry (kk: "" or a key with nothing after it) looks filled in but would print a blank \
            block on the sign; so does one of only spaces or invisible characters (a zero-width space pasted \
            from a web page, "\\u200B"). It usually marks a translation still to be done, for example in a file made \
            by captions new. An optional field (required: false, such as credit) empty in every language is more \
            likely one the exhibit does not have: the message then says the field's lines can be removed.
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
            let texts = field.translations.filter { context.config.languages.contains($0.language) }
            // An optional field left empty in every language (as captions new writes it) is
            // most likely one this exhibit does not have: say that it may go.
            let optional = context.config.field(field.name)?.required == false && texts.allSatisfy(\.isBlank)
            let advice =
                optional ? "; \(field.name) is optional: remove the \(field.name): lines if this exhibit has none" : ""
            for translation in texts where translation.isBlank {
                findings.append(
                    finding(
                        at: translation.valueLocation,
                        "\(field.name) (\(translation.language)) of \(exhibit.displayID) is empty" + advice,
                        exhibit: exhibit, field: field.name, language: translation.language))
            }
        }
        return findings
    }
}
