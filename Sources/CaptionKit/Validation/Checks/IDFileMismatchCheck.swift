/// An exhibit whose id differs from its file name.
struct IDFileMismatchCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "id-file-mismatch",
        name: "ID and File Name Differ",
        rationale: """
            Curators find an exhibit's file by its id (stalin-wagon lives in stalin-wagon.yml). A file \
            renamed without its id, or an id changed without the file, sends people to the wrong place. \
            A warning, because the collection still works.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [CheckExample("id: kurt\n", path: "kurt.yml")],
        triggeringExamples: [CheckExample("id: ↓kurt-balls\n", path: "kurt.yml")]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        guard let id = exhibit.id, ExhibitID.isValid(id), id != exhibit.fileStem else { return [] }
        return [
            finding(
                at: exhibit.idLocation,
                "id '\(id)' differs from the file name '\(exhibit.fileStem)'; rename one of them",
                exhibit: exhibit)
        ]
    }
}
