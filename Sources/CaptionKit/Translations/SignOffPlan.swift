/// What a review or approval of some texts of one exhibit changes in its record, and what it
/// refuses and why.
struct SignOffPlan {
    /// The record entries to write: field → language → source fingerprint and sign-off.
    var entries: [String: [String: (fingerprint: String, signOff: RecordedSignOff?)]] = [:]
    /// `field (language)` entries signed off.
    var signedOff: [String] = []
    /// Entries that already had the sign-off, as sentences: `title (kk) of k was already
    /// reviewed by AB on 2026-12-03`.
    var already: [String] = []
    /// Entries refused.
    var refused: [SignOff.Refusal] = []
    /// The refusals (also in ``refused``) of an approval by the text's own reviewer, which four
    /// eyes does not count (``SignOffTracker/approvalCounts(by:review:config:)``).
    var refusedToReviewer: [SignOff.Refusal] = []

    /// The plan for `action` by `mark` on `fields` × `languages` (both in configured order) of
    /// `exhibit` as it is on disk now; fields the exhibit lacks are refused only when
    /// `namedFields` (the request named them).
    init(
        _ exhibit: Exhibit, config: CollectionConfig, action: SignOff.Action, mark: SignOffMark, fields: [String],
        languages: [String], namedFields: Bool
    ) {
        let record = TranslationRecord(exhibit: exhibit)
        let start = SourceLocation(path: exhibit.path, line: 1, column: 1)
        let id = exhibit.displayID
        for field in fields {
            let captionField = exhibit.field(field)
            // An optional field the exhibit does not have is asked for only when named.
            if captionField == nil && !namedFields { continue }
            for language in languages {
                let entry = "\(field) (\(language))"
                let text = captionField?.translation(language)
                let location =
                    text?.keyLocation ?? captionField?.location ?? (exhibit.id != nil ? exhibit.idLocation : start)
                func refuse(_ kind: SignOff.Refusal.Kind, _ reason: String) {
                    refused.append(
                        SignOff.Refusal(
                            field: field, language: language, location: location, reason: reason, kind: kind))
                }
                let isSource = language == config.source
                if action == .review && isSource {
                    refuse(
                        .sourceReviewed, "is the source text, which is approved rather than reviewed (captions approve)"
                    )
                    continue
                }
                let state = SignOffTracker.state(
                    of: exhibit, field: field, language: language, config: config, record: record)
                guard let text, !text.isBlank else {
                    refuse(.noText, "has no text to \(action.rawValue)")
                    continue
                }
                if case .stale = state.translation {
                    refuse(
                        .stale,
                        """
                        is stale: the \(config.source) text changed since it was translated; update the translation \
                        (or run captions accept), then review it
                        """)
                    continue
                }
                let textFingerprint = SourceFingerprint.of(text.text)
                switch action {
                case .review:
                    if let review = state.review {
                        already.append("\(entry) of \(id) was already reviewed by \(review.by) on \(review.date)")
                        continue
                    }
                    guard let source = captionField?.translation(config.source), !source.isBlank else {
                        refuse(
                            .noSourceText(language: config.source),
                            "has no \(config.source) text to be reviewed against")
                        continue
                    }
                    entries[field, default: [:]][language] = (
                        SourceFingerprint.of(source.text),
                        RecordedSignOff(textFingerprint: textFingerprint, review: mark, approval: nil)
                    )
                case .approve:
                    if let approval = state.approval {
                        already.append("\(entry) of \(id) was already approved by \(approval.by) on \(approval.date)")
                        continue
                    }
                    if isSource {
                        entries[field, default: [:]][language] = (
                            textFingerprint, RecordedSignOff(textFingerprint: nil, review: nil, approval: mark)
                        )
                    } else {
                        guard let review = state.review,
                            let fingerprint = record.fingerprint(field: field, language: language)
                        else {
                            let outdated = NotReviewedCheck.outdatedNote(state.outdated, missing: .reviewed)
                            refuse(.notReviewed, "is not reviewed\(outdated); review it first (captions review)")
                            continue
                        }
                        guard SignOffTracker.approvalCounts(by: mark.by, review: review, config: config) else {
                            refuse(
                                .approvedByReviewer,
                                "was reviewed by \(review.by) on \(review.date); with four-eyes: true another person "
                                    + "must approve it")
                            refusedToReviewer.append(refused[refused.count - 1])
                            continue
                        }
                        // Replaces an approval by the reviewer, which four eyes does not count.
                        entries[field, default: [:]][language] = (
                            fingerprint,
                            RecordedSignOff(textFingerprint: textFingerprint, review: review, approval: mark)
                        )
                    }
                }
                signedOff.append(entry)
            }
        }
    }
}
