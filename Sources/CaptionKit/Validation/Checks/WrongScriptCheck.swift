/// Latin words in Cyrillic text (kk, ru) or Cyrillic words in Latin text (en, kk-Latn).
///
/// Findings point at the text's value and name the words (see ``CaptionText``).
struct WrongScriptCheck: CaptionTextCheck, TerminologyCheck {
    static let description = CheckDescription(
        id: "wrong-script",
        name: "Wrong Script",
        rationale: """
            A Kazakh or Russian caption should be written in Cyrillic and an English one in Latin letters \
            (a Kazakh caption in Latin script, kk-Latn, in Latin letters); a word in the other script is \
            usually text pasted from the wrong language or an untransliterated name. Names and acronyms that \
            are meant to stay as they are (UNESCO, Gulag) go in the allow list, or in the glossary as \
            do-not-translate terms. Uppercase Roman numerals \
            (XIX век) are numbers, not words, and words that mix both scripts are left to mixed-script.
            """,
        defaultSeverity: .error,
        options: [("allow", "words allowed in the other script, e.g. [UNESCO, NKVD] (exact spelling)")],
        nonTriggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", "- { id: kasiret, do-not-translate: true, kk: Қасірет, ru: Қасірет, en: Қасірет }\n"),
                (
                    "word.yml",
                    """
                    id: word
                    title:
                      kk: Қасірет сөзі
                      ru: Слово «Қасірет»
                      en: The word Қасірет
                    """
                ),
            ]),
            CheckExample(
                """
                id: mail-shirt
                title:
                  kk: XIX ғасырдың сауыты
                  ru: Кольчуга XIX века
                  en: A 19th-century mail shirt
                """),
            CheckExample(
                """
                id: archive
                text:
                  kk: NKVD құжаттары мұрағатта сақтаулы.
                  ru: Документы NKVD хранятся в архиве.
                  en: The NKVD files are kept in the archive.
                """, config: "checks:\n  wrong-script:\n    allow: [NKVD]\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: archive
                text:
                  kk: НКВД құжаттары мұрағатта сақтаулы.
                  ru: ↓Документы NKVD хранятся в архиве.
                  en: ↓The word «қасірет» means grief.
                """),
            CheckExample(
                """
                id: kurt
                title:
                  kk-Latn: ↓Qurt (құрт)
                  ru: Курт
                  en: Kurt
                """, config: "languages: [kk-Latn, ru, en]\nsource: ru\n"),
        ]
    )

    /// Words allowed in the other script.
    let allowed: Set<String>

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow"])
        allowed = Set(try options.stringList("allow") ?? [])
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let expected = WritingScript.expected(forLanguage: text.language),
                text.analysis.scripts.hasOther(than: expected)
            else { return nil }
            let names = analysis.doNotTranslateWords(of: text, context.terminology)
            let odd = TextWords.distinct(TextWords.words(in: text.text).map(\.text)) { word in
                guard !allowed.contains(word), !names.contains(word), let script = TextWord.singleScript(of: word),
                    script != expected
                else {
                    return false
                }
                return !(script == .latin && RomanNumeral.value(of: word) != nil)
            }
            guard !odd.isEmpty else { return nil }
            let other: WritingScript = expected == .latin ? .cyrillic : .latin
            let noun = odd.count == 1 ? "word" : "words"
            return
                """
                \(text.label) should be in \(expected.rawValue) letters but has the \(other.rawValue) \(noun) \
                \(TextWords.quotedList(odd)); add names and acronyms to the allow list of wrong-script
                """
        }
    }
}
