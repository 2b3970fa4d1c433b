/// A translation identical to its source text.
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

    /// Texts allowed to be the same as the source.
    let allowed: Set<String>
    /// Texts with fewer words are skipped.
    let minimumWords: Int

    /// The text without white space at either end, as scalars (compared code point by code point).
    static func trimmed(_ text: String) -> Substring.UnicodeScalarView {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isWhitespace(first) { scalars.removeFirst() }
        while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
        return scalars
    }

    /// `scalar.properties.isWhitespace`, with printable ASCII and the Cyrillic letters (which
    /// start and end nearly every text) decided without the property look-up.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (value > 0x20 && value < 0x7F) || (value >= 0x400 && value <= 0x4FF) { return false }
        return scalar.properties.isWhitespace
    }

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow", "min-words"])
        allowed = Set(try options.stringList("allow") ?? [])
        minimumWords = try options.positiveInt("min-words") ?? 2
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let source = text.source else { return nil }
            let trimmed = Self.trimmed(text.text)
            guard trimmed.elementsEqual(Self.trimmed(source.text)) else { return nil }
            let value = String(trimmed)
            guard !allowed.contains(value), TextWords.words(in: value).count >= minimumWords,
                !analysis.isOnlyDoNotTranslateTerms(text, context.terminology)
            else { return nil }
            return "\(text.label) is the same as the \(Language.displayName(source.language)) source"
        }
    }
}
