/// A caption text that uses a term the glossary forbids.
///
/// Findings point at the forbidden term's first word when the text is written on one line,
/// else at the value.
struct ForbiddenTermCheck: CaptionTextCheck, TerminologyCheck {
    static let description = CheckDescription(
        id: "forbidden-term",
        name: "Forbidden Term",
        rationale: """
            Some wordings are wrong for the museum even though they read well: an outdated name, a \
            translation that changes the meaning (the Arch of Grief for the Arch of Sorrow). The glossary \
            lists them under forbidden, per language; any text that uses one, in any grammatical form, is \
            reported with the term to use instead. A forbidden term inside an allowed one of the same entry \
            (an old, shorter name inside the current one) is not reported.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", TermMismatchCheck.glossary),
                (
                    "arch.yml",
                    """
                    id: arch
                    title:
                      kk: Қасірет аркасы
                      ru: Арка скорби
                      en: The Arch of Sorrow
                    """
                ),
            ])
        ],
        triggeringExamples: [
            CheckExample(files: [
                ("glossary.yml", TermMismatchCheck.glossary),
                (
                    "arch.yml",
                    """
                    id: arch
                    title:
                      kk: Қасірет аркасы
                      ru: Арка скорби
                      en: The ↓Arch of Grief
                    text:
                      kk: Қасірет аркасы — кешеннің кіреберісі.
                      ru: Арка скорби — вход в комплекс.
                      en: |
                        Visitors bow their heads
                        under the ↓Arch of Grief's vault.
                    """
                ),
            ])
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        guard let terminology = context.terminology, !analysis.termScans.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for (index, text) in analysis.texts.enumerated() {
            guard let scan = analysis.termScans[index], scan.language.index.hasForbiddenTerms else { continue }
            for match in scan.matches where scan.isForbidden(match) && !scan.isInsideAllowedTerm(match) {
                let entry = terminology.glossary.entries[scan.term(match).entry]
                let written = scan.tokens.quotedText(of: match, in: text.text)
                let instead = (entry.terms[text.language] ?? []).map { "“\($0)”" }.joined(separator: " or ")
                findings.append(
                    finding(
                        at: text.translation.location(ofScalar: scan.offset(of: match)),
                        "\(text.label) uses “\(written)”, which the glossary forbids (\(entry.id))"
                            + (instead.isEmpty ? "" : "; use \(instead)"),
                        exhibit: exhibit, field: text.field.name, language: text.language))
            }
        }
        return findings
    }
}
