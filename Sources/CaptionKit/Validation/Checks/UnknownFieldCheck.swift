/// A field name that `captions.yml` does not configure (often a typo such as `titel`).
struct UnknownFieldCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "unknown-field",
        name: "Unknown Field",
        rationale: """
            Only the fields configured in captions.yml are translated, exported and printed. A field with \
            another name, usually a typo such as titel, would silently never reach a sign, so it is an error \
            with a suggestion for the likely intended name.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: kurt\ncredit:\n  kk: Қор\n  ru: Фонд\n  en: Fund\n", path: "kurt.yml")
        ],
        triggeringExamples: [
            CheckExample("id: kurt\n↓titel:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n", path: "kurt.yml"),
            CheckExample("id: kurt\n↓caption:\n  en: Kurt\n", path: "kurt.yml"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        let known = context.config.fields.map(\.name)
        return exhibit.fields.filter { !context.config.hasField($0.name) }.map { field in
            let hint =
                Suggestion.closest(to: field.name, in: known + ["notes"]).map { "; did you mean '\($0)'?" }
                ?? " (fields: \(known.joined(separator: ", ")))"
            return finding(
                at: field.location, "unknown field '\(field.name)'\(hint)", exhibit: exhibit, field: field.name)
        }
    }
}
