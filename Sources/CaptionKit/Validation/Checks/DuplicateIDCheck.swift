/// Two exhibit files with the same id.
public struct DuplicateIDCheck: CaptionCheck {
    public static let description = CheckDescription(
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

    public init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    public func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic] {
        var first: [String: Exhibit] = [:]
        var findings: [Diagnostic] = []
        for exhibit in collection.exhibits {
            guard let id = exhibit.id, !id.isEmpty else { continue }
            if let original = first[id] {
                findings.append(
                    finding(
                        at: exhibit.idLocation, "id '\(id)' is also used by \(original.idLocation)", exhibit: exhibit,
                        notes: [Diagnostic.Note(location: original.idLocation, message: "'\(id)' is first used here")]))
            } else {
                first[id] = exhibit
            }
        }
        return findings
    }
}
