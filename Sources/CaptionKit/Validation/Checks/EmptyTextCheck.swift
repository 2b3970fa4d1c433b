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
        let languages = context.config.languages
        for field in exhibit.fields where context.config.hasField(field.name) {
            var advice: String?  // at the field's first empty text: most fields have none
            for translation in field.translations where translation.isBlank && languages.contains(translation.language)
            {
                if advice == nil { advice = Self.advice(for: field, config: context.config) }
                findings.append(
                    finding(
                        at: translation.valueLocation,
                        "\(field.name) (\(translation.language)) of \(exhibit.displayID) is empty" + (advice ?? ""),
                        exhibit: exhibit, field: field.name, language: translation.language))
            }
        }
        return findings
    }

    /// What the message of an empty text of `field` adds: for an optional field left empty in
    /// every language (as `captions new` writes it, most likely one this exhibit does not have),
    /// that it may go; otherwise nothing.
    private static func advice(for field: CaptionField, config: CollectionConfig) -> String {
        let allEmpty = field.translations.allSatisfy { $0.isBlank || !config.languages.contains($0.language) }
        guard allEmpty, config.field(field.name)?.required == false else { return "" }
        return "; \(field.name) is optional: remove the \(field.name): lines if this exhibit has none"
    }
}
