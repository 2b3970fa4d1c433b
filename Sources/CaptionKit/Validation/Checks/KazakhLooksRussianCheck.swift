/// A Kazakh text that is probably Russian: no Kazakh letters at all, or mostly the words of the
/// Russian text of the same field.
///
/// Only words that start with a lowercase letter count: names (capitalised) are the same in both
/// languages, so a list of names never triggers the check. Findings point at the text's value.
struct KazakhLooksRussianCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "kazakh-looks-russian",
        name: "Kazakh Looks Russian",
        rationale: """
            A Kazakh caption that is really the Russian text (pasted while the translation was pending, or \
            typed on a Russian keyboard without the Kazakh letters) breaks the language law and reads as \
            carelessness. The check warns when a Kazakh text of 8 or more ordinary words (words starting \
            with a lowercase letter; names do not count, so a list of names never triggers) has none of the \
            letters ә ғ қ ң ө ұ ү һ і, or when most of those words also occur in the Russian text of the \
            same field.
            """,
        defaultSeverity: .warning,
        options: [
            ("min-words", "the fewest ordinary (lowercase) words a text needs to be judged (default 8)"),
            (
                "shared-ratio",
                "the share of words found in the Russian text above which the text looks Russian (default 0.5)"
            ),
        ],
        nonTriggeringExamples: [
            CheckExample(
                """
                id: accommodation-block
                text:
                  kk: Алдыңызда лагерь тұтқындары өмір сүрген барактың қалпына келтірілген көшірмесі тұр.
                  ru: Перед вами реконструкция барака, в котором жили узницы лагеря.
                  en: This is a reconstruction of a barrack where the camp’s prisoners lived.
                """),
            CheckExample(
                """
                id: poets
                credit:
                  kk: Анна Ахматова, Марина Цветаева, Лидия Русланова, Наталья Сац, Гертруда Платайс
                  ru: Анна Ахматова, Марина Цветаева, Лидия Русланова, Наталья Сац, Гертруда Платайс
                  en: Anna Akhmatova, Marina Tsvetaeva, Lidiya Ruslanova, Natalya Sats, Gertruda Platais
                """),
            CheckExample(
                """
                id: wagon
                title:
                  kk: Сталин вагоны
                  ru: Сталинский вагон
                  en: The Stalin wagon
                """),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: accommodation-block
                text:
                  kk: ↓Перед вами реконструкция барака, в котором жили узницы лагеря.
                  ru: Перед вами реконструкция барака, в котором жили узницы лагеря.
                  en: This is a reconstruction of a barrack where the camp’s prisoners lived.
                """),
            CheckExample(
                """
                id: wagon
                text:
                  kk: ↓|
                    В этом вагоне женщин везли через всю страну в степь зимой.
                  ru: |
                    Такие вагоны доставляли узниц в лагерь.
                  en: |
                    Wagons like this one brought the prisoners to the camp.
                """),
        ]
    )

    /// The fewest ordinary words a text needs.
    let minimumWords: Int
    /// The share of shared words above which the text looks Russian.
    let sharedRatio: Double

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["min-words", "shared-ratio"])
        minimumWords = try options.positiveInt("min-words") ?? 8
        sharedRatio = try options.ratio("shared-ratio") ?? 0.5
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for text in analysis.texts where Language.isCyrillic(text.language, language: "kk") {
            // The analysis counts the ordinary words without making strings of them: most texts
            // are too short or clearly Kazakh, and never need the word lists below.
            let ordinary = text.analysis.lowercaseWords
            let withKazakhLetter = text.analysis.lowercaseWordsWithKazakhLetter
            guard ordinary >= minimumWords else { continue }
            if !text.analysis.hasKazakhLetter {
                findings.append(
                    finding(
                        about: text, of: exhibit,
                        """
                        \(text.label) looks Russian: \(TextReporter.plural(ordinary, "word")) and none of the Kazakh letters ә ғ қ ң ө ұ \
                        ү һ і
                        """
                    ))
                continue
            }
            let russian = exhibit.field(text.field.name)?.translations.first {
                Language.isCyrillic($0.language, language: "ru")
            }
            guard let russian else { continue }
            // A word with a Kazakh letter cannot be a word of a Russian text that has none, so
            // at most the other words are shared; when they are too few, skip the comparison.
            // The Russian text is usually the source, whose analysis has the answer already.
            let russianMayHaveKazakhLetter =
                text.source.flatMap { $0.translation == russian ? $0.analysis.mayHaveKazakhLetter : nil }
                ?? KazakhLetters.mayOccur(in: russian.text)
            if !russianMayHaveKazakhLetter,
                !(Double(ordinary - withKazakhLetter) > sharedRatio * Double(ordinary))
            {
                continue
            }
            let words = TextWords.words(in: text.text).filter(\.startsLowercase).map { $0.text.lowercased() }
            let russianWords = Set(TextWords.words(in: russian.text).map { $0.text.lowercased() })
            let shared = words.count { russianWords.contains($0) }
            if Double(shared) > sharedRatio * Double(words.count) {
                findings.append(
                    finding(
                        about: text, of: exhibit,
                        """
                        \(text.label) looks Russian: \(shared) of its \(TextReporter.plural(words.count, "word")) \
                        \(shared == 1 ? "is" : "are") in the Russian (\(russian.language)) text
                        """
                    ))
            }
        }
        return findings
    }
}
