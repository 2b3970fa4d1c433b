/// A file or link the loader does not read although it may hold captions (``SkippedPath``).
///
/// The paths come from the loader, which finds them while listing the folders; this type
/// describes them and lets `captions.yml` adjust their severity like any other check's.
struct SkippedFileCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "skipped-file",
        name: "Skipped File",
        rationale: """
            captions check reads the files below the collection folder whose names end in .yml or .yaml, in \
            lower case; it leaves out hidden files and folders, and does not follow folders that are symbolic \
            links (a link could loop, or bring a gallery in twice). A curator's kurt.YML, a gallery linked in \
            from elsewhere, a link whose target has gone, or a captions.yaml written for captions.yml would \
            otherwise be passed over without a word, and CI would pass captions nobody checked. One finding per \
            such file or link, about the whole file, says what to do. A warning, so that a collection that has \
            such files keeps passing; make it an error in captions.yml to fail CI. A baseline never accepts it: \
            rename the file, put the folder in place of the link, or turn the check off.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(files: [
                ("memorial-park/kurt.yml", "id: kurt" + CheckExample.kurtTitle),
                ("memorial-park/wagon.yaml", "id: wagon\n"), ("memorial-park/README.md", "Notes for curators.\n"),
            ])
        ],
        triggeringExamples: [
            CheckExample(files: [
                ("memorial-park/kurt.yml", "id: kurt" + CheckExample.kurtTitle),
                ("memorial-park/wagon.YML", "↓id: wagon\n"),
            ]),
            CheckExample(files: [
                ("captions.yaml", "↓languages: [kk, ru]\n"), ("kurt.yml", "id: kurt" + CheckExample.kurtTitle),
            ]),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic] {
        Self.findings(in: collection)
    }

    /// The lines `status` and the exports write on stderr, so that they never leave out a file
    /// without naming it: the findings, at most warnings (``SkippedFile/namedOutsideCheck``), of
    /// the paths in the collection's ``CaptionCollection/scope``.
    static func namedOutsideCheck(in collection: CaptionCollection) -> [Diagnostic] {
        collection.limitedToScope.skippedFiles.map(\.namedOutsideCheck.diagnostic)
    }

    /// The findings about the paths the loader skipped in `collection`, at the severity
    /// `captions.yml` gives `skipped-file` (none when it turns the check off).
    static func findings(in collection: CaptionCollection) -> [Diagnostic] {
        collection.skippedFiles.map(\.diagnostic)
    }

    /// What was skipped and what to do.
    static func message(for skipped: SkippedPath) -> String {
        let name = String(skipped.relativePath.split(separator: "/").last ?? "")
        switch skipped.reason {
        case .linkToFolder:
            return """
                '\(name)' is a symbolic link to a folder, which is not followed: no exhibit file in it is checked; \
                put the folder itself here instead of the link
                """
        case .brokenLink:
            return "'\(name)' is a symbolic link whose target does not exist: nothing is read from it; fix or remove it"
        case .extensionCase:
            return """
                '\(name)' is not read: only names ending in .yml or .yaml, in lower case, are; rename it to \
                '\(SkippedPath.lowercasingExtension(name))'
                """
        case .configurationName:
            return """
                '\(name)' is not read: the configuration is read from \(CollectionLoader.configFileName) only; \
                rename it, or move its settings into \(CollectionLoader.configFileName)
                """
        }
    }
}
