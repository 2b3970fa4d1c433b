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
        id: "xliff-export", name: "Caption File Not Exported", command: .exportXLIFF, severity: .error,
        rationale: """
            A caption file was held back from the XLIFF files, as captions export signage holds it back: \
            captions check reports an error in reading it (a YAML syntax error, a key twice in one \
            mapping, a value of the wrong type), it has no valid id, or another file uses its id too. \
            captions import could not apply a translation of it (a file with such an error cannot be \
            edited safely, a shared id names no one exhibit), so translators do not get its units and \
            their work is not wasted; the other files are exported, and the command exits with 1 \
            (0 with --allow-incomplete).
            """,
        remedy: """
            Run captions check, fix the file (or give it its own id), then export again.
            """,
        notReported: [
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n"), ("b.yml", "id: b\ntitle:\n  ru: Вагон\n")])
        ],
        reported: [
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n"), ("b.yml", "id: a\ntitle:\n  ru: Вагон\n")]
            ),
            FindingExample(files: [("a.yml", "id: a\ntitle:\n  ru: Курт\n  ru: Құрт\n")]),
        ])
}

extension ExportFinding {
    fileprivate static let notInMemory = FindingDescription(
        id: "tmx-export", name: "Caption File Not in the Translation Memory", command: .exportTMX,
        severity: .error,
        rationale: """
            A caption file was held back from the TMX files, as captions export xliff and captions \
            export signage hold it back: captions check reports an error in reading it (a YAML syntax \
            error, a key twice in one mapping, a value of the wrong type), it has no valid id, or \
            another file uses its id too, so its translations cannot be named or trusted. The other \
            files are exported, and the command exits with 1 (0 with --allow-incomplete).
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
