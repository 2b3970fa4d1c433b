/// A translation identical to its source text (``SourceCopyRule`` decides).
///
/// Findings point at the translation's value.
struct UntranslatedCheck: CaptionTextCheck, TerminologyCheck {
    static let description = CheckDescription(
        id: "untranslated",
        name: "Untranslated",
        rationale: """
            A translation that is exactly the source text was usually copied as a placeholder and never \
            translated. Single words (loanwords such as Вагон, names such as ALZHIR) and texts without \
            letters (1937–1953) are skipped, and so are texts made only of the glossary's do-not-translate \
            terms; names longer than that go in the allow list, or one field of one exhibit can be accepted \
            with an ignore entry (ignore: [untranslated: title/en]).
            """,
        defaultSeverity: .warning,
        options: [
            ("allow", "texts that may be the same in every language, e.g. [Анна Ахматова]"),
            ("min-words", "texts with fewer words are not compared (default 2)"),
        ],
        nonTriggeringExamples: [
            CheckExample(
                """
                id: wagon
                title:
                  kk: Вагон
                  ru: Вагон
                  en: The wagon
                credit:
                  kk: 1937–1953
                  ru: 1937–1953
                  en: 1937–1953
                """),
            CheckExample(
                """
                id: akhmatova
                title:
                  kk: Анна Ахматова
                  ru: Анна Ахматова
                  en: Anna Akhmatova
                """, config: "checks:\n  untranslated:\n    allow: [Анна Ахматова]\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: wagon
                title:
                  kk: ↓Сталинский вагон
                  ru: Сталинский вагон
                  en: ↓Сталинский вагон
                """)
        ]
    )

    /// The decision, shared with `status` and the exports (``CopiedTranslations``).
    let rule: SourceCopyRule

    init(options: CheckOptions) throws(CaptionError) {
        rule = try SourceCopyRule(options: options)
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let source = text.source, rule.isCopy(text, in: analysis, terminology: context.terminology) else {
                return nil
            }
            return "\(text.label) is the same as the \(Language.displayName(source.language)) source"
        }
    }
}
