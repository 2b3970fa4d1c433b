/// A translation with a different number of paragraphs than its source.
///
/// Findings point at the translation's value.
struct ParagraphMismatchCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "paragraph-mismatch",
        name: "Paragraph Mismatch",
        rationale: """
            Paragraphs are separated by a blank line, and a sign keeps them apart. A translation tool that \
            ignores xml:space collapses the blank line into a space, so two paragraphs come back as one; a \
            paragraph can also be lost or split in two while copying. Each translation must have as many \
            paragraphs as its source. A line break inside a paragraph does not count.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                text:
                  kk: |
                    Әйелдер тас лақтырып жатыр деп ойлады.

                    Бұл құрт еді.
                  ru: |
                    Женщины подумали, что в них бросают камни.

                    Это был курт.
                  en: |
                    The women thought they were being stoned.

                    It was kurt.
                """),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Бұл құрт еді.
                  ru: |
                    Это был
                    курт.
                  en: It was kurt.
                """),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                text:
                  kk: ↓Әйелдер тас лақтырып жатыр деп ойлады. Бұл құрт еді.
                  ru: |
                    Женщины подумали, что в них бросают камни.

                    Это был курт.
                  en: ↓|
                    The women thought they were being stoned.

                    It was kurt.

                    The villagers helped.
                """)
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let source = text.source else { return nil }
            let expected = ParagraphCount.of(source.text)
            let found = ParagraphCount.of(text.text)
            guard found != expected else { return nil }
            return
                """
                \(text.label) has \(TextReporter.plural(found, "paragraph")) where the \
                \(Language.displayName(source.language)) source has \(expected)
                """
        }
    }
}
