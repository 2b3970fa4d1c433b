/// Files that are not valid YAML: syntax errors, duplicate keys, invalid UTF-8, oversized files.
///
/// The findings come from the loader, which records them while reading; this type describes
/// them and lets `captions.yml` adjust their severity like any other check's.
struct InvalidYAMLCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "invalid-yaml",
        name: "Invalid YAML",
        rationale: """
            A caption file that is not valid YAML cannot be read at all, so none of its captions reach \
            translators or signs. The finding points at the exact line and column where reading stopped, \
            and at both places when a key is written twice.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: exhibit\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\ntext:\n  kk: Мәтін.\n  ru: Текст.\n  \
                en: Text.\n
                """
            )
        ],
        triggeringExamples: [
            CheckExample("id: exhibit\ntitle:\n  kk: [Вагон\n  ru↓: Вагон\n"),
            CheckExample("id: exhibit\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n↓title:\n  en: Again\n"),
            CheckExample("id: exhibit\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n  ↓en: Wagon again\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        exhibit.loadFindings.filter { $0.checkID == Self.description.id }
    }
}

/// Values of the wrong kind: a list or a number where text belongs, a field that is not a
/// mapping of languages, an empty file.
struct InvalidValueCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "invalid-value",
        name: "Invalid Value",
        rationale: """
            Every caption is text under a field and a language (title → kk → text). A list, a number or a \
            yes/no word where text belongs is almost always a typing slip, and would be dropped or mangled \
            on export, so it is reported instead of guessed at. Put a value in quotes to keep it as text.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: exhibit\ntitle:\n  kk: \"1937\"\n  ru: \"1937\"\n  en: \"1937\"\n")
        ],
        triggeringExamples: [
            CheckExample("id: exhibit\ntitle:\n  kk: ↓1937\n  ru: \"1937\"\n  en: \"1937\"\n"),
            CheckExample("id: exhibit\ntitle:\n  kk: ↓[a, b]\n  ru: Вагон\n  en: Wagon\n"),
            CheckExample("id: exhibit\ntitle: ↓Wagon\n"),
            CheckExample("↓- id: exhibit\n"),
            CheckExample("id: exhibit\nnotes: ↓yes\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        exhibit.loadFindings.filter { $0.checkID == Self.description.id }
    }
}
