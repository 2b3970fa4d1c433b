/// A finding about the content of a caption collection.
///
/// Diagnostics are collected and reported, never thrown: a problem in one exhibit file must not
/// stop the others from being checked. Compare ``CaptionError``, which means the tool could not
/// do its job at all.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary message with its own location, e.g. "first defined here".
    public struct Note: Hashable, Sendable {
        /// Where the note points.
        var location: SourceLocation
        /// One sentence, no trailing period.
        public var message: String

    }

    /// The check that produced the finding, e.g. `missing-translation`.
    public var checkID: String
    /// The severity after configuration and `--strict` were applied.
    public var severity: Severity
    /// Where the finding points.
    public var location: SourceLocation
    /// One sentence with no trailing period, naming the offending value and the expectation.
    public var message: String
    /// Further locations that help explain the finding.
    public var notes: [Note]
    /// The exhibit the finding is about, when known.
    var exhibitID: String?
    /// The caption field the finding is about, when it is about one.
    public var field: String?
    /// The language the finding is about, when it is about one.
    public var language: String?

    /// Creates a diagnostic.
    init(
        checkID: String,
        severity: Severity,
        location: SourceLocation,
        message: String,
        notes: [Note] = [],
        exhibitID: String? = nil,
        field: String? = nil,
        language: String? = nil
    ) {
        self.checkID = checkID
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.exhibitID = exhibitID
        self.field = field
        self.language = language
    }

    /// The compiler-style line: `path:line:col: error: message [check-id]`.
    public var formatted: String {
        location.line(severity, "\(message) [\(checkID)]")
    }
}

extension Diagnostic {
    /// The order of reports: path, line, column, then check id and message.
    static func precedesInReport(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.checkID != b.checkID { return a.checkID < b.checkID }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// Sorts findings by path, line, column, then check id and message, so reports are stable.
    func sortedForReport() -> [Diagnostic] {
        sorted(by: Diagnostic.precedesInReport)
    }

    /// What ``sortedForReport()`` gives for the concatenation of `runs` (each already sorted
    /// for the report) and then `rest`, without sorting everything again when, as usual, each
    /// run starts at or after the end of the one before.
    ///
    /// A stable sort keeps equal findings in their order, so the runs simply follow each other
    /// when no run's first finding precedes the previous run's last; otherwise the runs are
    /// sorted as one. `rest`, sorted, is then merged in, a finding of the runs first among equals.
    static func concatenatingSortedRuns(_ runs: [[Diagnostic]], then rest: [Diagnostic]) -> [Diagnostic] {
        var joined: [Diagnostic] = []
        joined.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        var inOrder = true
        for run in runs where !run.isEmpty {
            if inOrder, let last = joined.last, Diagnostic.precedesInReport(run[0], last) { inOrder = false }
            joined.append(contentsOf: run)
        }
        if !inOrder { joined = joined.sortedForReport() }
        if rest.isEmpty { return joined }
        let others = rest.sortedForReport()
        var merged: [Diagnostic] = []
        merged.reserveCapacity(joined.count + others.count)
        var left = 0
        var right = 0
        while left < joined.count, right < others.count {
            if Diagnostic.precedesInReport(others[right], joined[left]) {
                merged.append(others[right])
                right += 1
            } else {
                merged.append(joined[left])
                left += 1
            }
        }
        merged.append(contentsOf: joined[left...])
        merged.append(contentsOf: others[right...])
        return merged
    }
}
