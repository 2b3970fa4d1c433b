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
                by the same name that reviewed it: such an approval counts nowhere (captions approve \
                refuses it, the print gate holds it back). The finding points at the text's language key.
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

    /// Whether an approval by a translation's reviewer does not count (`four-eyes: true`); the
    /// sign-off states read the same option through `CollectionConfig.fourEyes()`.
    let fourEyes: Bool

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["four-eyes"])
        fourEyes = try options.bool("four-eyes") ?? false
    }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        signOffFindings(in: exhibit, languages: context.config.languages, context: context) {
            what, isSource, current in
            let advice: String
            switch current.approvalAdvice(isSource: isSource, fourEyes: fourEyes) {
            case nil: return nil
            case .approvedByReviewer(let byReviewer):
                return "\(what) was approved by its reviewer (\(byReviewer.by)); another person must approve it"
            case .reviewFirst: advice = "review it first (captions review), then approve it with captions approve"
            case .someoneOtherThanReviewer(let reviewer):
                advice = "someone other than its reviewer (\(reviewer)) must approve it with captions approve"
            case .approve: advice = "approve it with captions approve"
            }
            return "\(what) is not approved" + NotReviewedCheck.outdatedNote(current.outdated, missing: .approved)
                + "; " + advice
        }
    }
}

extension CollectionConfig {
    /// Whether `checks:` asks for four eyes (`not-approved: { four-eyes: true }`, whatever its
    /// severity): then an approval of a translation by its own reviewer does not count.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` when `four-eyes` is not `true` or `false`.
    public func fourEyes() throws(CaptionError) -> Bool {
        let id = NotApprovedCheck.description.id
        return try CheckOptions(checkID: id, node: checks[id]?.node).bool("four-eyes") ?? false
    }
}
