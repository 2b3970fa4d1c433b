/// The findings `captions export xliff` and `captions export tmx` report (see ``XLIFFExporter``,
/// ``TMXExporter``), with their descriptions and examples; `captions check --explain ID` prints
/// them.
enum ExportFinding: String, ReportedFinding {
    case xliffExport = "xliff-export"
    case tmxExport = "tmx-export"

    /// What the finding is, with examples.
    var findingDescription: FindingDescription {
        switch self {
        case .xliffExport: Self.notExported
        case .tmxExport: Self.notInMemory
        }
    }

    private static let notExported = FindingDescription(
        id: "xliff-export", name: "Caption File Not Exported", command: .exportXLIFF, severity: .warning,
        rationale: """
            A caption file was left out of the XLIFF files: it cannot be read as captions, it has no \
            valid id, or another file already uses its id. Its units would have no exhibit to come back \
            to, so translators do not get them; the other files are exported.
            """,
        remedy: """
            Run captions check, fix the file (or give it its own id), then export again.
            """,
        notReported: [
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n"), ("b.yml", "id: b\ntitle:\n  ru: Вагон\n")])
        ],
        reported: [
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n"), ("b.yml", "id: a\ntitle:\n  ru: Вагон\n")])
        ])
}

extension ExportFinding {
    fileprivate static let notInMemory = FindingDescription(
        id: "tmx-export", name: "Caption File Not in the Translation Memory", command: .exportTMX,
        severity: .warning,
        rationale: """
            A caption file was left out of the TMX files: it cannot be read as captions, it has no valid \
            id, or another file already uses its id, so its translations cannot be named. The other \
            files are exported.
            """,
        remedy: """
            Run captions check, fix the file (or give it its own id), then export again.
            """,
        notReported: [
            FindingExample(files: [
                ("a.yml", "id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n"), ("b.yml", "id: b\ntitle:\n  ru: Вагон\n"),
            ])
        ],
        reported: [
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n"), ("b.yml", "id: [a\n")])
        ])
}
