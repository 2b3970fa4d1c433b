/// Applies the `ignore:` entries of every exhibit file to a run's findings.
enum IgnoreList {
    /// Removes the findings that an `ignore:` entry of their file accepts, and the provisional
    /// `unused-exception` findings of the entries that accepted something.
    ///
    /// - Parameters:
    ///   - findings: Every finding of the run, including the provisional `unused-exception`
    ///     findings that ``UnusedExceptionCheck`` reports for every entry.
    ///   - collection: The collection the findings are about.
    ///   - refusedChecks: Checks whose entries accept nothing (`--no-pinned-ignore`): such an
    ///     entry is refused, not unused.
    /// - Returns: The findings left, in their order, how many were silenced, and the entries
    ///   refused, in path order and then in file order.
    static func apply(
        to findings: [Diagnostic], in collection: CaptionCollection, refusing refusedChecks: Set<String> = []
    ) -> (kept: [Diagnostic], silenced: Int, refused: [IgnoreEntry]) {
        var entriesByPath: [String: [IgnoreEntry]] = [:]
        var refused: [IgnoreEntry] = []
        let exhibits = collection.exhibits
        // By index: only the exhibits with entries are copied, not every exhibit of the collection.
        for index in exhibits.indices where exhibits[index].metadata["ignore"] != nil {
            let exhibit = exhibits[index]
            var entries = IgnoreEntry.entries(of: exhibit).entries
            refused += entries.filter { refusedChecks.contains($0.checkID) }
            entries.removeAll { refusedChecks.contains($0.checkID) }
            if !entries.isEmpty { entriesByPath[exhibit.path] = entries }
        }
        // A refused entry accepted nothing because it was refused: it is not reported as unused.
        var used = Set(refused.map(\.location))
        guard !entriesByPath.isEmpty || !used.isEmpty else { return (findings, 0, []) }
        var kept: [Diagnostic] = []
        var silenced = 0
        for finding in findings {
            if !IgnoreEntry.unignorableChecks.contains(finding.checkID),
                let entries = entriesByPath[finding.location.path]
            {
                let matching = entries.filter { $0.matches(finding) }
                if !matching.isEmpty {
                    for entry in matching { used.insert(entry.location) }
                    silenced += 1
                    continue
                }
            }
            kept.append(finding)
        }
        kept.removeAll { $0.checkID == UnusedExceptionCheck.description.id && used.contains($0.location) }
        return (kept, silenced, refused)
    }
}
