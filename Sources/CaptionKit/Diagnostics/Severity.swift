/// How serious a finding is.
///
/// Errors make `captions check` exit 1; warnings do so only with `--strict`; notes never do.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders by seriousness: note < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The severity a collection's configuration gives a check: a severity, or off.
enum SeveritySetting: String, Sendable, Hashable, Codable {
    case error
    case warning
    case note
    case off

    /// The severity to report with, or `nil` when the check is turned off.
    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        case .off: nil
        }
    }
}
