/// Kazakh-only letters (ә ғ қ ң ө ұ ү һ і) in a Russian text.
///
/// Findings point at the text's value and name the words (see ``CaptionText``).
struct RussianHasKazakhLettersCheck: CaptionTextCheck, TerminologyCheck {
    static let description = CheckDescription(
        id: "russian-has-kazakh-letters",
        name: "Russian Has Kazakh Letters",
        rationale: """
            Russian has no ә ғ қ ң ө ұ ү һ і; a Russian text with one of them was typed on a Kazakh keyboard \
            (і for и, қ for к) or has a Kazakh spelling of a name where Russian spelling is expected \
            (Ақмола for Акмола). Names that must keep their Kazakh spelling go in the allow list, or in the \
            glossary as do-not-translate terms.
            """,
        defaultSeverity: .warning,
        options: [("allow", "words that may keep Kazakh letters in Russian text, e.g. [Әлихан] (exact spelling)")],
        nonTriggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", "- { id: kasiret, do-not-translate: true, kk: Қасірет, ru: Қасірет, en: Kasiret }\n"),
                (
                    "word.yml",
                    """
                    id: word
                    title:
                      kk: Қасірет сөзі
                      ru: Слово «Қасірет»
                      en: The word Kasiret
                    """
                ),
            ]),
            CheckExample(
                """
                id: about
                title:
                  kk: Ақмола лагері
                  ru: Акмолинский лагерь
                  en: The Akmola camp
                """),
            CheckExample(
                """
                id: bokeikhanov
                title:
                  kk: Әлихан Бөкейхан
                  ru: Әлихан Бөкейхан
                  en: Alikhan Bokeikhan
                """, config: "checks:\n  russian-has-kazakh-letters:\n    allow: [Әлихан, Бөкейхан]\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: about
                title:
                  kk: Ақмола лагері
                  ru: ↓Лагерь в Ақмоле
                  en: The camp at Akmola
                """),
            CheckExample(
                """
                id: about
                text:
                  kk: Мұражай.
                  ru: ↓Экспозиция музея посвящена узніцам.
                  en: The museum is about the prisoners.
                """),
            CheckExample(
                """
                id: river
                title:
                  kk: Іле өзені
                  ru: ↓Река Іле
                  en: The Ili river
                """),
        ]
    )

    /// Words allowed to keep Kazakh letters.
    let allowed: Set<String>

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow"])
        allowed = Set(try options.stringList("allow") ?? [])
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard Language.isCyrillic(text.language, language: "ru"), text.analysis.hasKazakhLetter else { return nil }
            let names = analysis.doNotTranslateWords(of: text, context.terminology)
            let words = TextWords.distinct(TextWords.words(in: text.text).map(\.text)) {
                KazakhLetters.occur(in: $0) && !allowed.contains($0) && !names.contains($0)
            }
            guard !words.isEmpty else { return nil }
            return
                "\(text.label) has Kazakh letters in \(TextWords.quotedList(words)); Russian has no ә ғ қ ң ө ұ ү һ і"
        }
    }
}
