/// A sentence with more words than its field's `max-sentence-words`, written on the field or on
/// its panel (``WordLimits``).
///
/// Sentences are found by ``SentenceSplitter`` (abbreviations, initials, numbers and closing
/// quotes do not end them), words are counted as `max-words` counts them. Findings point at the
/// sentence's first word where the text is written on one line, else at the text's value, and
/// name the sentence's first words.
struct LongSentenceCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "long-sentence",
        name: "Long Sentence",
        rationale: """
            Visitors read a label standing, and museum style guides keep its sentences short (at most about 25 \
            words). A field, or the panel it is set on, may set max-sentence-words, one number or one per \
            language (text: { max-sentence-words: { kk: 25, ru: 25, en: 30 } }); a field's own limit wins over \
            its panel's. A sentence ends at a full stop, ellipsis, question or exclamation mark followed by a \
            capital letter or a digit, and at a blank line; abbreviations (т. е., и т. д., г., см., Mr., \
            e.g.), initials (А. С. Пушкин), numbers (3.5) and closing quotes do not end it. Words are counted \
            as max-words counts them. The message gives the sentence's first words, its word count and the \
            limit with where it is set. Nothing is checked where no limit is set.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік. Оны ет, нан т. б. тағамдармен бірге жеген.
                  ru: Курт, т. е. сушёный сыр, брали в дорогу. Брали хлеб, мясо и т. д. О нём писал В. И. Даль.
                  en: Kurt, e.g. dried cheese, was eaten. Mr. Smith ate 3.5 balls.
                """, config: "fields:\n  text: { max-sentence-words: 8 }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік, көшпелілердің даладағы азығы, оны қыста да, жазда да жейді.
                  ru: Курт — сушёный сыр, дорожная еда кочевников, его едят и зимой, и летом.
                  en: Kurt is a dried cheese, the travel food of nomads, eaten in winter and in summer.
                """, config: "fields:\n  text: { max-words: 100 }\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік. ↓Көшпелілер оны қыста да, жазда да жолға алып жүрген.
                  ru: Курт — сушёный сыр. Его брали в дорогу.
                  en: Kurt is a dried cheese. Nomads took it on the road.
                """, config: "fields:\n  text: { max-sentence-words: { kk: 6, ru: 8, en: 8 } }\n"),
            CheckExample(
                """
                id: kurt
                text:
                  kk: Құрт — кептірілген ірімшік.
                  ru: «↓Курт — это сушёный сыр, его брали в дорогу», — писали узницы из г. Акмолинска. Так и было.
                  en: |-
                    Kurt is a dried cheese.
                    ↓Nomads took it on the road in winter and in summer.
                """,
                config: """
                    panels:
                      object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12, \
                    max-sentence-words: 8 }
                    fields:
                      text: { panel: object }

                    """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        // Where no field has a sentence limit (most collections), nothing is split.
        guard !context.wordLimits.sentenceWords.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for text in analysis.texts {
            guard let limit = context.wordLimits.sentenceWords[text.field.name]?.limit(for: text.language) else {
                continue
            }
            // A text of no more words than the limit has no sentence over it.
            guard CompletenessSummary.wordCount(text.text) > limit.words else { continue }
            let scalars = Array(text.text.unicodeScalars)
            for sentence in SentenceSplitter.sentences(in: scalars, language: text.language) {
                let words = CompletenessSummary.wordCount(of: scalars[sentence])
                guard words > limit.words else { continue }
                let firstWord =
                    scalars[sentence].firstIndex { CompletenessSummary.isWordCharacter($0) } ?? sentence.lowerBound
                findings.append(
                    finding(
                        at: text.translation.location(ofScalar: firstWord),
                        """
                        \(text.label) has a sentence of \(TextReporter.plural(words, "word")), \
                        '\(SentenceSplitter.opening(of: sentence, in: text.text))'; \
                        \(limit.allowance(per: " a sentence", language: text.language))
                        """, exhibit: exhibit, field: text.field.name, language: text.language))
            }
        }
        return findings
    }
}
