/// A required field that an exhibit does not have at all.
struct MissingFieldCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "missing-field",
        name: "Missing Field",
        rationale: """
            Fields marked required in captions.yml (by default title and text) must exist on every exhibit; \
            a label without its text cannot go to print. The finding points at the exhibit's id.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n")
        ],
        triggeringExamples: [
            CheckExample("id: ↓kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"),
            CheckExample("↓notes: no fields at all\n"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        guard exhibit.isReadable else { return [] }
        let location = exhibit.id != nil ? exhibit.idLocation : SourceLocation(path: exhibit.path, line: 1, column: 1)
        // A field whose value could not be read (`title: 1937`) is reported as invalid-value.
        let absent = context.config.fields.filter {
            $0.required && exhibit.field($0.name) == nil && !exhibit.hasUnreadableValue(field: $0.name, language: nil)
        }
        // One finding per file listing every absent field keeps a new, empty file readable.
        guard !absent.isEmpty else { return [] }
        let names = absent.map(\.name)
        return names.map { name in
            finding(
                at: location, "\(exhibit.displayID) has no \(name) (a required field)", exhibit: exhibit, field: name)
        }
    }
}
