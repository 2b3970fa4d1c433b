/// Who signed a text off, and on which day.
public struct SignOffMark: Sendable, Hashable, Codable {
    /// The name or initials given with `--by` (or in the editor).
    public var by: String
    /// The day, `YYYY-MM-DD` in UTC.
    public var date: String
}

/// How far a text has come on its way to print, lowest first.
public enum SignOffLevel: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// There is a current text (for a translation: not stale).
    case translated
    /// A second person read the translation against the source.
    case reviewed
    /// Cleared for print.
    case approved

    public static func < (first: SignOffLevel, second: SignOffLevel) -> Bool {
        allCases.firstIndex(of: first)! < allCases.firstIndex(of: second)!
    }
}

/// A review or approval in the record that no longer covers the texts: one of them changed.
public struct OutdatedSignOff: Sendable, Hashable {
    /// Which text changed.
    public enum Reason: String, Sendable, Hashable {
        /// The source text changed since the sign-off.
        case sourceChanged = "source changed"
        /// The translation (or, for the source language, the text itself) changed.
        case textChanged = "text changed"
    }
    /// The highest level the record had.
    public var level: SignOffLevel
    /// Who signed it off then.
    public var mark: SignOffMark
    /// Why it no longer counts.
    public var reason: Reason
    /// The review the record had, if any (``mark`` is the approval's when it had both).
    var review: SignOffMark?

    /// The sign-off that would have given `level`, as messages name it: the review for a
    /// missing review, else the highest (`the review by AB on 2026-12-03`).
    func named(for level: SignOffLevel) -> (what: String, mark: SignOffMark) {
        if level == .reviewed, let review { return ("review", review) }
        return (self.level == .approved ? "approval" : "review", mark)
    }
}

/// Where one text (one field in one language) stands: its translation state and its valid
/// review and approval.
public struct SignOffState: Sendable, Hashable {
    /// Missing, translated, stale or of unknown provenance.
    public var translation: TranslationState
    /// The review that covers the current texts, if any (never for the source language).
    public var review: SignOffMark?
    /// The approval that covers the current texts and counts, if any.
    public var approval: SignOffMark?
    /// An approval that covers the current texts but does not count: with four eyes
    /// (`checks: not-approved: { four-eyes: true }`), one by the translation's own reviewer
    /// (``SignOffTracker/approvalCounts(by:review:config:)``). ``approval`` is then `nil`.
    public var approvalByReviewer: SignOffMark?
    /// A sign-off the record has but that the texts have outgrown (demoted), if any.
    public var outdated: OutdatedSignOff?

    /// The highest level reached; `nil` when the text is missing or stale.
    public var level: SignOffLevel? {
        switch translation {
        case .missing, .stale: return nil
        case .translated, .unknownProvenance:
            if approval != nil { return .approved }
            return review != nil ? .reviewed : .translated
        }
    }

    /// What must happen before a text not approved is approved, as the `not-approved` check
    /// advises: the command line and the editor say it each in their own words.
    public enum ApprovalAdvice: Sendable, Hashable {
        /// An approval by its reviewer does not count (four eyes): another person must approve it.
        case approvedByReviewer(SignOffMark)
        /// A translation must be reviewed before it is approved.
        case reviewFirst
        /// With four eyes, someone other than the reviewer (named) must approve it.
        case someoneOtherThanReviewer(String)
        /// Anyone may approve it.
        case approve
    }

    /// What approves this text (`nil` when it is approved); `isSource` for the source language,
    /// `fourEyes` when an approval by the reviewer does not count (``CollectionConfig/fourEyes()``).
    public func approvalAdvice(isSource: Bool, fourEyes: Bool) -> ApprovalAdvice? {
        guard approval == nil else { return nil }
        if let approvalByReviewer { return .approvedByReviewer(approvalByReviewer) }
        if !isSource && review == nil { return .reviewFirst }
        if let review, fourEyes { return .someoneOtherThanReviewer(review.by) }
        return .approve
    }

    /// Whether the text meets `required`; the source language needs no review, so for it
    /// `reviewed` asks only for a text.
    func meets(_ required: SignOffLevel, isSource: Bool) -> Bool {
        guard let level else { return false }
        if isSource && required == .reviewed { return true }
        return level >= required
    }
}

/// Computes ``SignOffState``s from the `translations:` record.
enum SignOffTracker {
    /// The state of `field` in `language` of `exhibit`, with its record already read.
    static func state(
        of exhibit: Exhibit, field: String, language: String, config: CollectionConfig, record: TranslationRecord
    ) -> SignOffState {
        let translation = TranslationTracker.state(
            of: exhibit, field: field, language: language, config: config, record: record)
        var state = SignOffState(translation: translation)
        guard let recorded = record.signOffs[field]?[language],
            let text = exhibit.field(field)?.translation(language), !text.isBlank,
            let recordedSource = record.fingerprint(field: field, language: language)
        else { return state }
        let isSource = language == config.source
        let sourceText = isSource ? text : exhibit.field(field)?.translation(config.source)
        let currentSource = sourceText.map { SourceFingerprint.of($0.text) }
        let reason: OutdatedSignOff.Reason?
        if isSource {
            reason = recorded.textFingerprint == nil && recordedSource == currentSource ? nil : .textChanged
        } else if recordedSource != currentSource {
            reason = .sourceChanged
        } else {
            reason = recorded.textFingerprint == SourceFingerprint.of(text.text) ? nil : .textChanged
        }
        if let reason {
            if let mark = recorded.approval ?? recorded.review {
                state.outdated = OutdatedSignOff(
                    level: recorded.approval != nil ? .approved : .reviewed, mark: mark, reason: reason,
                    review: recorded.review)
            }
        } else {
            state.review = isSource ? nil : recorded.review
            if let approval = recorded.approval,
                !approvalCounts(by: approval.by, review: state.review, config: config)
            {
                state.approvalByReviewer = approval
            } else {
                state.approval = recorded.approval
            }
        }
        return state
    }

    /// Whether an approval by `approver` of a text reviewed as `review` counts: always, except
    /// with four eyes (``CollectionConfig/fourEyes()``) when the approver is the reviewer (the
    /// names compared exactly as written). The one rule `check`, `approve`, the print gate and
    /// the editor follow.
    static func approvalCounts(by approver: String, review: SignOffMark?, config: CollectionConfig) -> Bool {
        guard let review, review.by == approver else { return true }
        return !((try? config.fourEyes()) ?? false)
    }
}
