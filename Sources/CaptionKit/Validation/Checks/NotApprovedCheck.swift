/// A current text not approved for print (off by default); optionally, an approval by the
/// reviewer.
struct NotApprovedCheck: CaptionCheck {
    static let description: CheckDescription = {
        var description = CheckDescription(
            id: "not-approved",
            name: "Not Approved",
            rationale: """
                Nothing should go to print until someone has cleared it. captions approve records an \
                approval of a text, tied to the exact texts (a translation must be reviewed first; the \
                source language is approved by the curator); any later edit demotes it. This check reports \
                every current text, the source included, without an approval that covers it, so CI can \
                hold a release until everything is approved; it is off by default (turn it on in \
                captions.yml with a severity). With four-eyes: true it also reports a translation approved \
                by the same name that reviewed it. The finding points at the text's language key.
                """,
            defaultSeverity: .error,
            options: [("four-eyes", "true: the approver of a translation must not be its reviewer (default false)")],
            nonTriggeringExamples: [
                CheckExample(
                    """
                    id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\ntranslations:\n  title:\n    kk: 8577ed6c d339738d \
                    reviewed 2026-12-03 AB; approved 2026-12-03 AB\n    ru: 8577ed6c approved 2026-12-03 DK\n
                    """,
                    config: "languages: [kk, ru]\nchecks:\n  not-approved: error\n"),
                CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n", config: "languages: [kk, ru]\n"),
            ],
            triggeringExamples: [
                CheckExample(
                    """
                    id: kurt\ntitle:\n  ↓kk: Құрт\n  ru: Курт\ntranslations:\n  title:\n    kk: 8577ed6c d339738d \
                    reviewed 2026-12-03 AB\n    ru: 8577ed6c approved 2026-12-03 DK\n
                    """,
                    config: "languages: [kk, ru]\nchecks:\n  not-approved: error\n"),
                CheckExample(
                    "id: kurt\ntitle:\n  ↓kk: Құрт\n  ↓ru: Курт\n",
                    config: "languages: [kk, ru]\nchecks:\n  not-approved: error\n"),
                CheckExample(
                    """
                    id: kurt\ntitle:\n  ↓kk: Құрт\n  ru: Курт\ntranslations:\n  title:\n    kk: 8577ed6c d339738d \
                    reviewed 2026-12-03 AB; approved 2026-12-03 AB\n    ru: 8577ed6c approved 2026-12-03 DK\n
                    """,
                    config: "languages: [kk, ru]\nchecks:\n  not-approved:\n    severity: error\n    four-eyes: true\n"),
            ]
        )
        description.isOnByDefault = false
        return description
    }()

    /// Whether an approval by the reviewer is reported.
    let fourEyes: Bool

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["four-eyes"])
        fourEyes = try options.bool("four-eyes") ?? false
    }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        signOffFindings(in: exhibit, languages: context.config.languages, context: context) { what, current in
            guard let approval = current.approval else {
                return "\(what) is not approved" + NotReviewedCheck.outdatedNote(current.outdated, missing: .approved)
                    + "; approve it with captions approve"
            }
            guard fourEyes, let review = current.review, review.by == approval.by else { return nil }
            return "\(what) was approved by its reviewer (\(approval.by)); another person must approve it"
        }
    }
}
