/// A text longer than its field's character budget (`max-chars`) or word budget (`max-words`).
///
/// Characters are grapheme clusters (what a reader counts: `ё` written as `е` plus a combining
/// mark is one, a flag emoji is one). Words are runs of letters or digits, as `captions status`
/// counts them. Findings point at the text's value, or for a literal block (`|`) at its first
/// line (``Translation/location(ofScalar:)``), where `captions fmt` puts a long text.
struct TooLongCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "too-long",
        name: "Too Long",
        rationale: """
            A caption panel holds a fixed amount of text: a text over the field's max-chars does not fit the \
            printed panel. Characters are counted as a reader sees them (grapheme clusters). A field may \
            also set a word budget, max-words, either one number or one per language, because Kazakh and \
            Russian run 20-25% longer than English: text: { max-chars: 900, max-words: { kk: 140, ru: 140, \
            en: 120 } }. A field set on a panel (panel: NAME) inherits the panel's max-words; language by \
            language, the field's own budget wins, and the message says which applies.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт🇰🇿
                  ru: Курт
                  en: Kurt
                """, config: "fields:\n  title: { required: true, max-chars: 5 }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: Курт — сушёный сыр.
                  en: Kurt is a dried cheese.
                """, config: "fields:\n  text: { max-chars: 900, max-words: { kk: 4, ru: 4, en: 5 } }\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: wagon
                title:
                  kk: Сталин вагоны
                  ru: ↓Сталинский вагон для перевозки заключённых
                  en: ↓The Stalin wagon for transporting prisoners
                """, config: "fields:\n  title: { required: true, max-chars: 30 }\n"),
            CheckExample(
                """
                id: wagon
                title:
                  kk: Сталин вагоны
                  ru: Сталинский вагон
                  en: |
                    ↓The Stalin wagon for transporting
                    prisoners
                """, config: "fields:\n  title: { required: true, max-chars: 30 }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: Курт — сушёный сыр.
                  en: ↓Kurt is a small ball of dried cheese.
                """, config: "fields:\n  text: { max-chars: 900, max-words: { kk: 4, ru: 4, en: 5 } }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: ↓Құрт — кептірілген ірімшік, көшпелілердің даладағы азығы.
                  ru: Курт — сушёный сыр.
                  en: Kurt is a dried cheese.
                """, config: "fields:\n  text: { max-words: 5 }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: Курт — сушёный сыр.
                  en: ↓Kurt is a small ball of dried cheese.
                """,
                config: """
                    panels:
                      object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12, max-words: 5 }
                    fields:
                      text: { panel: object, max-words: { kk: 4 } }

                    """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        /// A finding about the whole text: at its value, or at the first line of a literal block.
        func wholeTextFinding(_ text: CaptionText, _ message: String) -> Diagnostic {
            let translation = text.translation
            return self.finding(
                at: translation.literalBlockStart == nil
                    ? translation.valueLocation : translation.location(ofScalar: 0),
                message, exhibit: exhibit, field: text.field.name, language: text.language)
        }
        for text in analysis.texts {
            guard let spec = context.config.field(text.field.name) else { continue }
            let characters = text.analysis.characterCount
            // A field measured on its panel (overflows-panel) has no character limit.
            if let limit = spec.maxChars, characters > limit, context.panels.panel(for: spec.name) == nil {
                findings.append(
                    wholeTextFinding(
                        text,
                        "\(text.label) is \(TextReporter.plural(characters, "character")), the panel takes \(limit)"))
            }
            if let limit = context.wordLimits.words[spec.name]?.limit(for: text.language) {
                let words = CompletenessSummary.wordCount(text.text)
                if words > limit.words {
                    let message =
                        switch limit.origin {
                        case .field:
                            """
                            \(text.label) is \(TextReporter.plural(words, "word")), the budget for \(Language.displayName(text.language)) \
                            is \(limit.words)
                            """
                        case .panel:
                            "\(text.label) is \(TextReporter.plural(words, "word")); \(limit.allowance(language: text.language))"
                        }
                    findings.append(wholeTextFinding(text, message))
                }
            }
        }
        return findings
    }
}
