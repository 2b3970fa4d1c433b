/// Applies the `ignore:` entries of every exhibit file to a run's findings.
enum IgnoreList {
    /// Removes the findings that an `ignore:` entry of their file accepts, and the provisional
    /// `unused-exception` findings of the entries that accepted something.
    ///
    /// - Parameters:
    ///   - findings: Every finding of the run, including the provisional `unused-exception`
    ///     findings that ``UnusedExceptionCheck`` reports for every entry.
    ///   - collection: The collection the findings are about.
    /// - Returns: The findings left, in their order, and how many were silenced.
    static func apply(to findings: [Diagnostic], in collection: CaptionCollection) -> (
        kept: [Diagnostic], silenced: Int
    ) {
        var entriesByPath: [String: [IgnoreEntry]] = [:]
        let exhibits = collection.exhibits
        // By index: only the exhibits with entries are copied, not every exhibit of the collection.
        for index in exhibits.indices where exhibits[index].metadata["ignore"] != nil {
            let exhibit = exhibits[index]
            let entries = IgnoreEntry.entries(of: exhibit).entries
            if !entries.isEmpty { entriesByPath[exhibit.path] = entries }
        }
        guard !entriesByPath.isEmpty else { return (findings, 0) }
        var used = Set<SourceLocation>()
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
        return (kept, silenced)
    }
}
