/// A malformed entry in an exhibit file's `ignore:` list.
struct InvalidIgnoreCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "invalid-ignore",
        name: "Invalid Ignore",
        rationale: """
            An ignore: entry accepts the findings of one check in one exhibit file, for the whole file, one \
            field (number-mismatch: text) or one field in one language (untranslated: title/en). An entry \
            that cannot be read, names an unknown check or is listed twice silences nothing, so the finding \
            the curator meant to accept would come back; this check says what is wrong with it. Findings of \
            invalid-ignore and unused-exception cannot themselves be ignored.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                ignore: [untranslated: title/en, number-mismatch: text, repeated-word]
                """ + CheckExample.kurtTitle),
            CheckExample(
                """
                id: kurt
                ignore:
                  - wrong-script: [title/en, text/kk]
                  - whitespace:
                """ + CheckExample.kurtTitle),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                ignore: [↓untranslatd: title/en, untranslated: ↓title/en/kk, ↓unused-exception]
                """ + CheckExample.kurtTitle),
            CheckExample(
                """
                id: kurt
                ignore: ↓untranslated
                """ + CheckExample.kurtTitle),
            CheckExample(
                """
                id: kurt
                ignore:
                  - untranslated: title
                  - ↓untranslated: title
                  - ↓{ untranslated: title, whitespace: text }
                """ + CheckExample.kurtTitle),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        IgnoreEntry.entries(of: exhibit).problems.map { finding(at: $0.location, $0.message, exhibit: exhibit) }
    }
}
