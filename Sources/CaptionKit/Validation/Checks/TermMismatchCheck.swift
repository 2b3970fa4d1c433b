/// A translation that does not use the glossary's term for a term its source uses.
///
/// Findings point at the translation's value, with a note at the term in the source.
struct TermMismatchCheck: CaptionTextCheck, TerminologyCheck {
    static let description = CheckDescription(
        id: "term-mismatch",
        name: "Term Mismatch",
        rationale: """
            At a memorial a name must read the same on every wall. When the source text uses a term of the \
            collection's glossary (Captions/glossary.yml), each translation must use one of that term's variants \
            in its language, in any grammatical form: Арка скорби, Аркой скорби and Арку скорби are the same \
            term, as are Қасірет аркасы and Қасірет аркасынан, or the Arch of Sorrow and the Arch of Sorrow's. \
            The finding names the term and the variants the glossary allows.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", Self.glossary),
                (
                    "arch.yml",
                    """
                    id: arch
                    title:
                      kk: Қасірет аркасынан өту
                      ru: Проход под Аркой скорби
                      en: Passing the Arch of Sorrow
                    """
                ),
            ]),
            CheckExample(files: [
                ("glossary.yml", Self.glossary),
                (
                    "camp.yml",
                    """
                    id: camp
                    title:
                      kk: «АЛЖИР»-дің тұтқындары
                      ru: Узницы АЛЖИРа
                      en: The women of ALZHIR
                    """
                ),
            ]),
            // A term inside a longer one is checked as part of it: the day's name in English
            // does not say "memory", and need not.
            CheckExample(files: [
                (
                    "glossary.yml",
                    """
                    - id: remembrance-day
                      kk: Саяси қуғын-сүргін және ашаршылық құрбандарын еске алу күні
                      ru: День памяти жертв политических репрессий и голода
                      en: Day of Remembrance of the Victims of Political Repression and Famine
                    - id: memory
                      kk: жад
                      ru: память
                      en: memory
                    """
                ),
                (
                    "may-31.yml",
                    """
                    id: may-31
                    title:
                      kk: 31 мамыр — Саяси қуғын-сүргін және ашаршылық құрбандарын еске алу күні
                      ru: 31 мая — День памяти жертв политических репрессий и голода
                      en: 31 May, the Day of Remembrance of the Victims of Political Repression and Famine
                    """
                ),
            ]),
        ],
        triggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", Self.glossary),
                (
                    "arch.yml",
                    """
                    id: arch
                    title:
                      kk: Қасірет аркасы
                      ru: Арка скорби
                      en: ↓The Arch of Grief
                    """
                ),
            ]),
            CheckExample(files: [
                ("glossary.yml", Self.glossary),
                (
                    "camp.yml",
                    """
                    id: camp
                    title:
                      kk: ↓Лагерь тұтқындары
                      ru: Узницы АЛЖИРа
                      en: The women of ALZHIR
                    """
                ),
            ]),
        ]
    )

    /// The glossary of the examples.
    static let glossary = """
        - id: arch-of-sorrow
          kk: Қасірет аркасы
          ru: [Арка скорби, арка Скорби]
          en: Arch of Sorrow
          forbidden: { en: [Arch of Grief] }
        - id: alzhir
          do-not-translate: true
          kk: АЛЖИР
          ru: АЛЖИР
          en: ALZHIR
        """

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        guard let terminology = context.terminology, !analysis.termScans.isEmpty else { return [] }
        let glossary = terminology.glossary
        var findings: [Diagnostic] = []
        // The entries the translation uses: a set, as every term of the source is looked up.
        var used = EntrySet()
        for (index, text) in analysis.texts.enumerated() where text.source != nil {
            guard
                let sourceIndex = analysis.sourceTextIndex(field: text.field.name, source: context.config.source),
                let sourceScan = analysis.termScans[sourceIndex], !sourceScan.matches.isEmpty
            else { continue }
            let translationScan = analysis.termScans[index]
            translationScan?.insertUsedEntries(into: &used)
            defer { translationScan?.removeUsedEntries(from: &used) }
            // A language without compiled terms has no entry with terms (the glossary refuses a
            // term without a word): no term of the source can be missing from the translation.
            guard let entriesWithTerms = terminology.language(text.language)?.entriesWithTerms else { continue }
            let termEntries = sourceScan.language.index.termEntries
            let termIsForbidden = sourceScan.language.index.termIsForbidden
            let matches = sourceScan.matches
            var reported: [Int] = []
            for (occurrence, entry) in Self.unusedOccurrences(
                of: matches, termEntries: termEntries, termIsForbidden: termIsForbidden,
                entriesWithTerms: entriesWithTerms, used: used)
            {
                guard !reported.contains(entry),
                    !Self.isInsideLongerTerm(
                        matches[occurrence.lowerBound], among: matches,
                        where: { !termIsForbidden[$0.term] && entriesWithTerms[termEntries[$0.term]] })
                else { continue }
                let first = matches[occurrence.lowerBound]
                var entries: [Int] = []
                for match in matches[occurrence] where !termIsForbidden[match.term] {
                    let entry = termEntries[match.term]
                    if entriesWithTerms[entry], !entries.contains(entry) { entries.append(entry) }
                }
                reported.append(entry)
                let written = sourceScan.tokens.quotedText(of: first, in: analysis.texts[sourceIndex].text)
                let expected = entries.flatMap { glossary.entries[$0].terms[text.language] ?? [] }
                let sourceLanguage = Language.displayName(context.config.source)
                findings.append(
                    finding(
                        at: text.translation.valueLocation,
                        """
                        \(text.label) does not use the glossary term for “\(written)” (\(glossary.entries[entry].id)): \
                        expected \(expected.map { "“\($0)”" }.joined(separator: " or "))
                        """,
                        exhibit: exhibit, field: text.field.name, language: text.language,
                        notes: [
                            Diagnostic.Note(
                                location: analysis.texts[sourceIndex].translation.location(
                                    ofScalar: sourceScan.offset(of: first)),
                                message: "the \(sourceLanguage) source uses it here")
                        ]))
            }
        }
        return findings
    }

    /// The occurrences of terms in a source's `matches` (the matches on the same words, forbidden
    /// terms passed over; the same term may be in two entries) none of whose entries with terms
    /// in the translation's language (`entriesWithTerms`) the translation uses (`used`): each
    /// occurrence's range in `matches` and its first such entry. Read in place: every
    /// translation asks for every term of its source, and few are unused.
    static func unusedOccurrences(
        of matches: TermMatches, termEntries: [Int], termIsForbidden: [Bool], entriesWithTerms: [Bool],
        used: EntrySet
    ) -> [(occurrence: Range<Int>, entry: Int)] {
        var unused: [(occurrence: Range<Int>, entry: Int)] = []
        termEntries.withUnsafeBufferPointer { termEntries in
            termIsForbidden.withUnsafeBufferPointer { termIsForbidden in
                entriesWithTerms.withUnsafeBufferPointer { entriesWithTerms in
                    var position = 0
                    while position < matches.count, termIsForbidden[matches[position].term] { position += 1 }
                    while position < matches.count {
                        let first = matches[position]
                        let occurrence = position
                        var firstEntry = -1
                        var isUsed = false
                        while position < matches.count, matches[position].firstWord == first.firstWord,
                            matches[position].wordCount == first.wordCount
                        {
                            let entry = termEntries[matches[position].term]
                            if entriesWithTerms[entry] {
                                if firstEntry < 0 { firstEntry = entry }
                                if used.contains(entry) { isUsed = true }
                            }
                            position += 1
                            while position < matches.count, termIsForbidden[matches[position].term] { position += 1 }
                        }
                        if firstEntry >= 0 && !isUsed { unused.append((occurrence..<position, firstEntry)) }
                    }
                }
            }
        }
        return unused
    }

    /// Whether another of `matches` that `counts` covers `match`'s words and more: a term inside
    /// a longer one (память in День памяти жертв политических репрессий) is checked as part of
    /// it, since the longer term's translation need not contain the shorter one's.
    static func isInsideLongerTerm(
        _ match: TermIndex.Match, among matches: TermMatches, where counts: (TermIndex.Match) -> Bool
    ) -> Bool {
        let end = match.firstWord + match.wordCount
        return matches.contains { other in
            other.wordCount > match.wordCount && other.firstWord <= match.firstWord
                && other.firstWord + other.wordCount >= end && counts(other)
        }
    }
}
