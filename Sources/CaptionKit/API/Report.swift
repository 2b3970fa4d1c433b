import Foundation

extension CheckReporter {
    /// The report for stdout.
    public static func report(_ result: CheckResult, format: ReportFormat) throws(CaptionError) -> String {
        switch format {
        case .text: TextReporter.findings(result)
        case .json: try JSONReporter.report(result)
        case .junit: try JUnitReporter.report(result)
        case .github: GitHubReporter.report(result)
        case .sarif: try SARIFReporter.report(result)
        }
    }

    /// What a check that could not run (exit 2) writes on stdout in `format`, so machines read
    /// why in the format they expect: nothing in text (the reason goes to stderr), an `error`
    /// object in JSON, a test case with an `<error>` in JUnit, an `::error` command for GitHub,
    /// an unsuccessful invocation in SARIF.
    public static func report(_ error: CaptionError, format: ReportFormat) throws(CaptionError) -> String {
        switch format {
        case .text: ""
        case .json: try JSONReporter.report(error)
        case .junit: try JUnitReporter.report(error)
        case .github: GitHubReporter.report(error)
        case .sarif: try SARIFReporter.report(error)
        }
    }
}

extension CheckExplanation {
    /// The explanation of the check with `id`, or of the finding with that id that `captions
    /// import` or `captions export xliff` reports; `nil` when there is neither.
    public static func text(for id: String) -> String? {
        if let type = CheckRegistry.check(id: id) { return text(for: type.description) }
        return FindingRegistry.finding(id: id).map { text(for: $0) }
    }
}

extension CheckExplanation {
    /// ``text(for:)`` as a JSON document (`id`, `name`, `reportedBy`, `configurable`,
    /// `defaultSeverity`, `rationale`, examples, …), or `nil` when there is no such id.
    ///
    /// - Throws: ``CaptionError`` when it cannot be encoded.
    public static func json(for id: String) throws(CaptionError) -> String? {
        if let type = CheckRegistry.check(id: id) { return try JSONReporter.encode(document(for: type.description)) }
        guard let finding = FindingRegistry.finding(id: id) else { return nil }
        return try JSONReporter.encode(document(for: finding))
    }
}

extension CheckReporter {
    /// The JSON `captions check --write-baseline --format json` prints: the file written, the
    /// findings it accepts, what changed from the baseline it replaced (the newly accepted
    /// findings as the check's JSON report has them) and the findings it cannot accept, which
    /// must be fixed.
    ///
    /// - Throws: ``CaptionError`` when it cannot be encoded.
    public static func baselineReport(_ written: BaselineWrite) throws(CaptionError) -> String {
        struct Written: Encodable {
            var path: String
            var entries: Int
            var kept: Int
            var keptUnreadable: Int
            var dropped: Int
            var droppedNotRun: Int
            var newlyAccepted: [JSONReporter.Finding]
            var notAccepted: Int
            var version = JSONReporter.schemaVersion
        }
        return try JSONReporter.encode(
            Written(
                path: written.path, entries: written.entries, kept: written.kept, keptUnreadable: written.keptUnread,
                dropped: written.dropped, droppedNotRun: written.droppedNotRun,
                newlyAccepted: written.newlyAccepted.map(JSONReporter.finding), notAccepted: written.notAccepted))
    }
}

extension CheckExplanation {
    /// The closest check or finding id to `id`, for a "did you mean" hint.
    public static func suggestion(for id: String) -> String? {
        Suggestion.closest(to: id, in: CheckRegistry.ids + FindingRegistry.ids)
    }
}

extension CheckReporter {
    /// The summary `captions check` writes on stderr in text format: completeness per language,
    /// then the counts of errors and warnings.
    public static func summary(_ result: CheckResult) -> String {
        TextReporter.summary(result)
    }

    /// How reports count things: `1 error`, `2 errors`.
    public static func plural(_ count: Int, _ noun: String) -> String {
        TextReporter.plural(count, noun)
    }
}

extension CheckExplanation {
    /// The ids of every check, in registry order.
    public static var checkIDs: [String] { CheckRegistry.ids }

    /// The ids of the findings `captions import` and `captions export xliff` report, which
    /// `--explain` explains too.
    public static var findingIDs: [String] { FindingRegistry.ids }
}
