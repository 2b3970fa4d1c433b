/// An accepted exception (an `ignore:` entry or a baseline entry) that silences nothing.
///
/// How it works: on its own, the check reports every `ignore:` entry of an exhibit (for
/// checks that are not turned off). `captions check` then applies the exceptions to the
/// findings of all checks and drops this check's finding for every entry that silenced
/// something, so what remains are the entries whose cause has gone. Unused baseline entries
/// are added at that step too, pointing at their line in the baseline file.
struct UnusedExceptionCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "unused-exception",
        name: "Unused Exception",
        rationale: """
            An exception that no longer silences anything (the translation was fixed, the field renamed, a \
            typo in the target) should be removed: left in place it would silently accept the next, \
            unrelated problem of the same kind. This applies to ignore: entries in exhibit files and to \
            entries of the baseline file written by captions check --write-baseline; refresh the baseline \
            by writing it again. Entries for checks turned off in captions.yml are not reported.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                """ + CheckExample.kurtTitle),
            CheckExample(
                """
                id: kurt
                ignore: [untranslated: title/en]
                """ + CheckExample.kurtTitle, config: "checks:\n  untranslated: off\n"),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                ignore: [↓untranslated: title/en, ↓number-mismatch]
                """ + CheckExample.kurtTitle)
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        IgnoreEntry.entries(of: exhibit).entries.compactMap { entry in
            if context.config.checks[entry.checkID]?.severity == .off { return nil }
            return finding(
                at: entry.location, Self.message(for: entry), exhibit: exhibit, field: entry.field,
                language: entry.language)
        }
    }

    /// The message for an `ignore:` entry that silences nothing.
    static func message(for entry: IgnoreEntry) -> String {
        "ignore entry '\(entry.written)' silences nothing; remove it"
    }
}
