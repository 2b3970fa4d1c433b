/// What `captions check` says about the exhibits a signage export prints: the findings it
/// reports in each exhibit's file, found by the check itself (``CaptionChecker``: the severities
/// of `captions.yml`, the `ignore:` entries, then the collection's baseline when it has one).
///
/// An error among them holds the label back (``HoldBackReason/Kind/checkError``, added by
/// ``SignageGate/reasons(for:checkFindings:)``) unless `--allow-check-errors` lets it through;
/// every finding is shown at its label on the proof sheet. The checks of the problems ``SignageGate`` looks for itself (a missing or stale text,
/// an id, a sign-off that `signage: require:` asks for, an unreadable file) are left to the
/// gate, which holds their exhibits back at the level `signage:` sets, whatever `captions.yml`
/// makes of those checks, and so are not reported twice.
struct SignageChecks: Sendable {
    /// The findings by exhibit path, each list sorted as `captions check` reports it.
    private var findingsByPath: [String: [Diagnostic]] = [:]

    /// The ids of the checks whose problems the gate looks for itself.
    static let gateCheckIDs: Set<String> = Set(HoldBackReason.Kind.allCases.compactMap(\.checkID)).union([
        InvalidYAMLCheck.description.id, InvalidValueCheck.description.id,
    ])

    /// Runs the checks of `collection` on `exhibits` (the collection's own, or some of them);
    /// `overflows-panel` keeps the texts it typesets in `typesetMemo`, for the labels.
    ///
    /// - Throws: ``CaptionError`` when the check cannot run: a malformed `checks:` entry or
    ///   word budget in `captions.yml`, or a baseline file that is not one.
    init(_ collection: CaptionCollection, exhibits: [Exhibit], typesetMemo: TypesetMemo? = nil) throws(CaptionError) {
        guard !exhibits.isEmpty else { return }
        var checked = collection
        checked.exhibits = exhibits
        var request = CheckRequest(path: collection.rootPath)
        request.typesetMemo = typesetMemo
        let findings = try CaptionChecker.diagnostics(request, on: checked)
        for finding in findings where !Self.gateCheckIDs.contains(finding.checkID) {
            findingsByPath[finding.location.path, default: []].append(finding)
        }
    }

    /// The findings in `exhibit`'s file, sorted.
    func findings(for exhibit: Exhibit) -> [Diagnostic] {
        findingsByPath[exhibit.path] ?? []
    }

    /// Whether `finding`, one of `captions check`'s in an exhibit's file, holds its label back
    /// (unless `--allow-check-errors`): an error of a check the gate does not look for itself.
    static func holdsBack(_ finding: Diagnostic) -> Bool {
        finding.severity == .error && !gateCheckIDs.contains(finding.checkID)
    }
}
