/// What a translation tool's state of a unit says about its target, lowest first, as
/// `captions import --trust-states` reads it (see ``XLIFFStateTable``).
enum XLIFFStateMeaning: Int, Comparable, Sendable, CaseIterable {
    /// Nobody confirmed the target: new, a draft, machine or memory output, rejected, marked
    /// for another look, or a value the table does not know.
    case unconfirmed
    /// The translator confirmed it; nobody reviewed it.
    case translated
    /// A reviewer (the tool's review or first proofreading step) confirmed it.
    case reviewed
    /// The tool's last step (sign-off, final, second proofreading) confirmed it.
    case final

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word used in the manual's table.
    var word: String {
        switch self {
        case .unconfirmed: "unconfirmed"
        case .translated: "translated"
        case .reviewed: "reviewed"
        case .final: "final"
        }
    }
}

/// Where a tool writes a unit's state, as the XLIFF reader finds it.
enum XLIFFStateAttribute: String, Sendable, CaseIterable {
    /// XLIFF 1.2 `<target state="...">`.
    case state12 = "XLIFF 1.2 `<target state>`"
    /// XLIFF 1.2 `<trans-unit approved="...">`.
    case approved12 = "XLIFF 1.2 `<trans-unit approved>`"
    /// memoQ's `mq:status` on `<trans-unit>` (namespace `MQXliff`).
    case memoQStatus = "memoQ `<trans-unit mq:status>`"
    /// Trados Studio's `conf` on `<sdl:seg>` in `<sdl:seg-defs>` (SDLXLIFF).
    case tradosConf = "Trados `<sdl:seg conf>`"
    /// XLIFF 2.x `<segment state="...">` (absent: `initial`).
    case state20 = "XLIFF 2 `<segment state>`"
}

/// One unit's state as read: the lowest meaning among everything the unit says (every segment,
/// `state` and `approved`), and the attribute and value that gave it.
struct XLIFFUnitState: Sendable, Equatable {
    /// What the state says.
    var meaning: XLIFFStateMeaning
    /// Where it was written.
    var attribute: XLIFFStateAttribute
    /// The value as written.
    var value: String

    /// The state of `value` in `attribute`, or `nil` when it says nothing (`approved="no"`).
    init?(_ attribute: XLIFFStateAttribute, _ value: String) {
        guard let meaning = XLIFFStateTable.meaning(of: value, in: attribute) else { return nil }
        self.meaning = meaning
        self.attribute = attribute
        self.value = value
    }

    /// The attribute and value as a file writes them: `mq:status="Proofread"`.
    var written: String {
        let name =
            switch attribute {
            case .state12, .state20: "state"
            case .approved12: "approved"
            case .memoQStatus: "mq:status"
            case .tradosConf: "sdl:seg conf"
            }
        return "\(name)=\"\(value)\""
    }

    /// `self` or `other`, whichever says less (`other`, read first, on a tie), except that
    /// XLIFF 1.2 `approved="yes"` wins over a `<target state>` that gives way to it (see
    /// ``XLIFFStateTable/Row/givesWayToApproval``).
    func lower(_ other: XLIFFUnitState?) -> XLIFFUnitState {
        guard let other else { return self }
        if XLIFFStateTable.givesWayToApproval(other, self) { return self }
        if XLIFFStateTable.givesWayToApproval(self, other) { return other }
        return other.meaning <= meaning ? other : self
    }
}

/// The states of the tools `captions import --trust-states` knows, as data: the one place that
/// says what each value means. The manual's table (XLIFF.md, "Trusting states") is checked
/// against ``rows`` by the tests.
///
/// Sources: the XLIFF 1.2 specification (`state`, `approved`), XLIFF 2.0 (`state`), RWS's
/// `Sdl.Core.Globalization.ConfirmationLevel` (Trados), memoQ's segment statuses as its
/// `.mqxliff` files write them. Values are matched without regard to case; a value not in the
/// table is `unconfirmed` (it cannot certify anything).
enum XLIFFStateTable {
    /// One value of one attribute.
    struct Row: Sendable, Equatable {
        var attribute: XLIFFStateAttribute
        var value: String
        var meaning: XLIFFStateMeaning
        /// What the tool means by it, for the manual.
        var note: String
        /// Whether XLIFF 1.2 `approved="yes"` on the unit wins over this value instead of the
        /// lower of the two counting: a target state that does not say the text still needs work
        /// (Translate Toolkit, and so Weblate, approves a unit without changing its `state`).
        var givesWayToApproval = false
    }

    /// Every known value, in the manual's order.
    static let rows: [Row] = [
        Row(attribute: .state12, value: "new", meaning: .unconfirmed, note: "not yet translated"),
        Row(attribute: .state12, value: "needs-translation", meaning: .unconfirmed, note: "to translate"),
        Row(attribute: .state12, value: "needs-adaptation", meaning: .unconfirmed, note: "to adapt"),
        Row(attribute: .state12, value: "needs-l10n", meaning: .unconfirmed, note: "to localize"),
        Row(attribute: .state12, value: "needs-review-translation", meaning: .unconfirmed, note: "to look at again"),
        Row(attribute: .state12, value: "needs-review-adaptation", meaning: .unconfirmed, note: "to look at again"),
        Row(attribute: .state12, value: "needs-review-l10n", meaning: .unconfirmed, note: "to look at again"),
        Row(
            attribute: .state12, value: "translated", meaning: .translated, note: "translated",
            givesWayToApproval: true),
        Row(attribute: .state12, value: "signed-off", meaning: .reviewed, note: "reviewed and signed off"),
        Row(attribute: .state12, value: "final", meaning: .final, note: "finished"),
        Row(attribute: .approved12, value: "yes", meaning: .reviewed, note: "passed its final review"),
        Row(attribute: .memoQStatus, value: "NotStarted", meaning: .unconfirmed, note: "empty"),
        Row(attribute: .memoQStatus, value: "PreTranslated", meaning: .unconfirmed, note: "from memory"),
        Row(attribute: .memoQStatus, value: "MachineTranslated", meaning: .unconfirmed, note: "machine output"),
        Row(attribute: .memoQStatus, value: "AssembledFromFragments", meaning: .unconfirmed, note: "fragments"),
        Row(attribute: .memoQStatus, value: "PartiallyEdited", meaning: .unconfirmed, note: "edited, not confirmed"),
        Row(attribute: .memoQStatus, value: "Edited", meaning: .unconfirmed, note: "edited, not confirmed"),
        Row(attribute: .memoQStatus, value: "Rejected", meaning: .unconfirmed, note: "rejected by a reviewer"),
        Row(attribute: .memoQStatus, value: "ManuallyConfirmed", meaning: .translated, note: "confirmed (translator)"),
        Row(attribute: .memoQStatus, value: "Reviewer1Confirmed", meaning: .reviewed, note: "confirmed by reviewer 1"),
        Row(attribute: .memoQStatus, value: "Proofread", meaning: .final, note: "confirmed by reviewer 2"),
        Row(attribute: .memoQStatus, value: "Reviewer2Confirmed", meaning: .final, note: "confirmed by reviewer 2"),
        Row(attribute: .tradosConf, value: "Unspecified", meaning: .unconfirmed, note: "not translated"),
        Row(attribute: .tradosConf, value: "Draft", meaning: .unconfirmed, note: "draft"),
        Row(attribute: .tradosConf, value: "RejectedTranslation", meaning: .unconfirmed, note: "rejected in review"),
        Row(attribute: .tradosConf, value: "RejectedSignOff", meaning: .unconfirmed, note: "rejected at sign-off"),
        Row(attribute: .tradosConf, value: "Translated", meaning: .translated, note: "translated"),
        Row(attribute: .tradosConf, value: "ApprovedTranslation", meaning: .reviewed, note: "reviewed and approved"),
        Row(attribute: .tradosConf, value: "ApprovedSignOff", meaning: .final, note: "signed off"),
        Row(attribute: .state20, value: "initial", meaning: .unconfirmed, note: "not translated, or to redo"),
        Row(attribute: .state20, value: "translated", meaning: .translated, note: "translated"),
        Row(attribute: .state20, value: "reviewed", meaning: .reviewed, note: "reviewed"),
        Row(attribute: .state20, value: "final", meaning: .final, note: "finished"),
    ]

    /// What `value` of `attribute` means; `nil` for `approved="no"` (Weblate writes it on
    /// every unit, so it says nothing), `unconfirmed` for a value the table does not know.
    static func meaning(of value: String, in attribute: XLIFFStateAttribute) -> XLIFFStateMeaning? {
        if attribute == .approved12 && (value == "no" || value.lowercased() == "no") { return nil }
        return byValue[attribute]?[value] ?? byValue[attribute]?[value.lowercased()] ?? .unconfirmed
    }

    /// Whether the XLIFF 1.2 `<target state>` `value` says the text still needs work (`new`,
    /// `needs-…`: the `unconfirmed` values of ``rows``); a value the table does not know does not.
    static func saysUnfinished(_ value: String) -> Bool {
        unfinished12.contains(value) || unfinished12.contains(value.lowercased())
    }

    /// The 1.2 `state` values of ``rows`` that say the text still needs work, lowercased.
    private static let unfinished12 = Set(
        rows.filter { $0.attribute == .state12 && $0.meaning == .unconfirmed }.map { $0.value.lowercased() })

    /// Whether `state` is a value that gives way to `approval`, XLIFF 1.2 `approved="yes"`
    /// (see ``Row/givesWayToApproval``).
    static func givesWayToApproval(_ state: XLIFFUnitState, _ approval: XLIFFUnitState) -> Bool {
        guard approval.attribute == .approved12, approval.meaning >= .reviewed, state.attribute == .state12 else {
            return false
        }
        return givingWayToApproval.contains(state.value) || givingWayToApproval.contains(state.value.lowercased())
    }

    /// The 1.2 `state` values of ``rows`` that give way to `approved="yes"`, lowercased.
    private static let givingWayToApproval = Set(
        rows.filter { $0.attribute == .state12 && $0.givesWayToApproval }.map { $0.value.lowercased() })

    /// ``rows`` by attribute, then value as written and lowercased.
    private static let byValue: [XLIFFStateAttribute: [String: XLIFFStateMeaning]] = {
        var table: [XLIFFStateAttribute: [String: XLIFFStateMeaning]] = [:]
        for row in rows {
            table[row.attribute, default: [:]][row.value] = row.meaning
            table[row.attribute, default: [:]][row.value.lowercased()] = row.meaning
        }
        return table
    }()
}
