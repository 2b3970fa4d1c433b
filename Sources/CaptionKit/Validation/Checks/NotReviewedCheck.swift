/// A current translation that no second person has reviewed (off by default).
struct NotReviewedCheck: CaptionCheck {
    static let description: CheckDescription = {
        var description = CheckDescription(
            id: "not-reviewed",
            name: "Not Reviewed",
            rationale: """
                A translation should be read against its source by a second person before it goes on a \
                wall. captions review records such a review, tied to the exact source and translation \
                texts; any later edit of either demotes it. This check reports every current translation \
                without a review that covers its texts, so a museum can make review a CI gate; it is off \
                by default (turn it on in captions.yml with a severity). Missing and stale translations are \
                left to their own checks. The finding points at the translation's language key.
                """,
            defaultSeverity: .error,
            nonTriggeringExamples: [
                CheckExample(
                    """
                    id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\ntranslations:\n  title:\n    kk: 8577ed6c d339738d \
                    reviewed 2026-12-03 AB\n
                    """,
                    config: "languages: [kk, ru]\nchecks:\n  not-reviewed: error\n"),
                CheckExample("id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n", config: "languages: [kk, ru]\n"),
            ],
            triggeringExamples: [
                CheckExample(
                    "id: kurt\ntitle:\n  ↓kk: Құрт\n  ru: Курт\n",
                    config: "languages: [kk, ru]\nchecks:\n  not-reviewed: error\n"),
                CheckExample(
                    """
                    id: kurt\ntitle:\n  ↓kk: Құрт!\n  ru: Курт\ntranslations:\n  title:\n    kk: 8577ed6c d339738d \
                    reviewed 2026-12-03 AB\n
                    """,
                    config: "languages: [kk, ru]\nchecks:\n  not-reviewed: error\n"),
            ]
        )
        description.isOnByDefault = false
        return description
    }()

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        signOffFindings(in: exhibit, languages: context.config.targetLanguages, context: context) { what, _, current in
            guard current.review == nil else { return nil }
            return "\(what) is not reviewed" + Self.outdatedNote(current.outdated, missing: .reviewed)
                + "; review it with captions review"
        }
    }

    /// ` (the review by AB on 2026-12-03 no longer counts: text changed)`, or nothing: the
    /// outdated sign-off that would have given the `missing` level.
    static func outdatedNote(_ outdated: OutdatedSignOff?, missing: SignOffLevel) -> String {
        guard let outdated else { return "" }
        let (what, mark) = outdated.named(for: missing)
        return " (the \(what) by \(mark.by) on \(mark.date) no longer counts: \(outdated.reason.rawValue))"
    }
}

extension CaptionCheck {
    /// The findings of a sign-off check: for every current text (translated, not stale) of
    /// `languages`, the message `message` gives for it (`what` names the field, language and
    /// exhibit; `isSource`: the text is in the source language), at the text's language key.
    func signOffFindings(
        in exhibit: Exhibit, languages: [String], context: CheckContext,
        _ message: (_ what: String, _ isSource: Bool, _ state: SignOffState) -> String?
    ) -> [Diagnostic] {
        guard exhibit.isReadable else { return [] }
        let config = context.config
        let state = exhibit.signOffStates(config: config)
        var findings: [Diagnostic] = []
        for field in exhibit.fields where config.hasField(field.name) {
            for language in languages {
                guard let text = field.translation(language) else { continue }
                let current = state(field.name, language)
                guard current.level != nil,
                    let said = message(
                        "\(field.name) (\(language)) of \(exhibit.displayID)", language == config.source, current)
                else { continue }
                findings.append(
                    finding(at: text.keyLocation, said, exhibit: exhibit, field: field.name, language: language))
            }
        }
        return findings
    }
}
