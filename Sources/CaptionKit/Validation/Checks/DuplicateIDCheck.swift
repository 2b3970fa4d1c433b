/// Two exhibit files with the same id.
struct DuplicateIDCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "duplicate-id",
        name: "Duplicate ID",
        rationale: """
            Translations come back from translators keyed by exhibit id. When two files share an id, a \
            translation could land in the wrong caption, so every id must be unique in the collection. \
            The finding names both files.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(files: [("a/kurt.yml", "id: kurt\n"), ("b/wagon.yml", "id: wagon\n")])
        ],
        triggeringExamples: [
            CheckExample(files: [("a/kurt.yml", "id: kurt\n"), ("b/kurt.yml", "id: ↓kurt\n")])
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic] {
        // Where each id is first used: just the exhibit's index, not the exhibit, because this
        // runs on one thread after the per-exhibit checks and copying whole exhibits into a
        // growing dictionary showed in the run time of large collections.
        var first: [String: Int] = [:]
        first.reserveCapacity(collection.exhibits.count)
        var findings: [Diagnostic] = []
        let exhibits = collection.exhibits
        for index in exhibits.indices {
            // Read in place: a copy of each exhibit retains and releases everything it holds.
            guard let id = exhibits[index].id, !id.isEmpty else { continue }
            if let original = first[id] {
                let exhibit = exhibits[index]
                // The other file by its path in the collection, without a line: the message is
                // part of a baseline entry's key, which must not change with the folder the
                // check runs from or with lines moved; the note has the full position.
                findings.append(
                    finding(
                        at: exhibit.idLocation, "id '\(id)' is also used by \(exhibits[original].relativePath)",
                        exhibit: exhibit,
                        notes: [
                            Diagnostic.Note(
                                location: exhibits[original].idLocation, message: "'\(id)' is first used here")
                        ]))
            } else {
                first[id] = index
            }
        }
        return findings
    }
}
