/// A translation that ends differently from its source (a sentence end lost, a question or
/// exclamation added or lost), and unbalanced brackets or quotes in any text.
///
/// Findings point at the text's value.
struct PunctuationMismatchCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "punctuation-mismatch",
        name: "Punctuation Mismatch",
        rationale: """
            A translation that lacks the full stop of its source often lost its last sentence, and a \
            question or exclamation mark the source does not have changes the tone of a memorial text. \
            Closing quotes and brackets are looked through (…». ends a sentence); a full stop that ends an \
            abbreviation (ru 1952 г., XX в., и т. д.; kk 1952 ж., т.б.; en etc., c.) need not end one, \
            so it is neither required nor missed; at the end of a text only in lowercase, as written here \
            (Plan C. ends a sentence). An opening bracket or \
            quote without its closing partner (or the reverse), in any language, is reported too: ( ) [ ] \
            « » “ ” „ “ and straight double quotes.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: about
                title:
                  kk: «АЛЖИР» мемориалы
                  ru: Мемориал «АЛЖИР»
                  en: The ALZHIR memorial
                text:
                  kk: Бұл — «Отанын сатқандардың әйелдерінің Ақмола лагері» (АЛЖИР).
                  ru: Это «Акмолинский лагерь жён изменников Родины» (АЛЖИР)…
                  en: This is the “Akmola camp for wives of traitors to the Motherland” (ALZHIR).
                """),
            CheckExample(
                """
                id: letter
                text:
                  kk: Хатта: „Мама, қашан келесің?“ деп жазылған.
                  ru: В письме написано: „Мама, когда ты приедешь?“
                  en: "The letter says: “Mum, when are you coming?”"
                """),
            CheckExample(
                """
                id: archive
                credit:
                  kk: Қарағанды облысының мемлекеттік архиві, 1952 ж.
                  ru: Государственный архив Карагандинской области, 1952 г.
                  en: State Archive of Karaganda Region, 1952
                text:
                  kk: Киіз үйлер, сандықтар т.б.
                  ru: Юрты, сундуки, ковры и т. д.
                  en: Yurts, chests, carpets and more
                """),
            CheckExample(
                """
                id: camp
                credit:
                  kk: Лагерь XX ғ. 30-жылдары салынған
                  ru: Лагерь построен в 30-х гг. XX в.
                  en: The camp was built in the 1930s
                text:
                  kk: Тұтқындар, күзетшілер т.б.
                  ru: Заключённые, охрана и др.
                  en: Prisoners, guards, etc.
                """),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: about
                text:
                  kk: ↓Бұл — АЛЖИР
                  ru: Это АЛЖИР.
                  en: ↓This is ALZHIR!
                """),
            CheckExample(
                """
                id: about
                text:
                  kk: ↓Бұл — «АЛЖИР (Ақмола лагері.
                  ru: Это «АЛЖИР» (Акмолинский лагерь).
                  en: ↓This is “ALZHIR” (the Akmola camp)).
                """),
            CheckExample(
                """
                id: plan
                text:
                  kk: ↓Соңғы амал — С жоспары
                  ru: ↓Последним средством был план С
                  en: The last resort was Plan C.
                """, config: "languages: [kk, ru, en]\nsource: en\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for text in analysis.texts {
            if let sourceEnding = Self.sourceEnding(of: text),
                let problem = Self.endingProblem(text.analysis.ending, source: sourceEnding), let source = text.source
            {
                findings.append(
                    finding(
                        about: text, of: exhibit,
                        "\(text.label) \(problem) the \(Language.displayName(source.language)) source"))
            }
            if let problem = text.analysis.unbalanced {
                findings.append(finding(about: text, of: exhibit, "\(text.label) has \(problem)"))
            }
        }
        return findings
    }

    /// The ending of the source of `translation` (`nil` for a source text), read in its language
    /// (an abbreviation's full stop, `1952 г.`) only when the translation ends in none: the one
    /// case that tells them apart, and rare, so most texts are not looked at again.
    private static func sourceEnding(of translation: CaptionText) -> (ending: SentenceEnding, mark: Character?)? {
        guard let ending = translation.source?.analysis.ending else { return nil }
        guard ending.ending == .period, translation.analysis.ending.ending == .none, let source = translation.source
        else { return ending }
        return SentenceEnding.of(source.text, language: source.language)
    }

    /// What is wrong with a translation's ending, given its ending and the source's.
    static func endingProblem(
        _ translation: (ending: SentenceEnding, mark: Character?),
        source original: (ending: SentenceEnding, mark: Character?)
    )
        -> String?
    {
        // An abbreviation's full stop (`1952 г.`) may or may not end the sentence as well.
        if original.ending != .none, original.ending != .abbreviation, translation.ending == .none,
            let mark = original.mark
        {
            return "does not end a sentence ('\(mark)') as does"
        }
        if translation.ending == .question || translation.ending == .exclamation, translation.ending != original.ending,
            let mark = translation.mark
        {
            return "ends with '\(mark)', unlike"
        }
        return nil
    }
}
