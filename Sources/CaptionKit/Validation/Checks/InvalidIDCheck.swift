/// Exhibit ids (and gallery folders) that are not slugs.
struct InvalidIDCheck: CaptionCheck {
    static let description = CheckDescription(
        id: "invalid-id",
        name: "Invalid ID",
        rationale: """
            The id names the exhibit everywhere: in XLIFF files for translators, in export file names and \
            in sign makers' data. It must be a slug (lowercase Latin letters and digits joined by single \
            hyphens, like stalin-wagon) so it is safe in every one of those places, and every file needs one. \
            Gallery folders become export folders, so they follow the same rule.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample("id: arch-of-sorrow\n", path: "memorial-park/arch-of-sorrow.yml")
        ],
        triggeringExamples: [
            CheckExample("id: ↓Arch of Sorrow\n", path: "arch-of-sorrow.yml"),
            CheckExample("id: ↓../../etc/passwd\n", path: "arch-of-sorrow.yml"),
            CheckExample("↓title:\n  ru: Арка\n", path: "arch-of-sorrow.yml"),
            CheckExample("↓id: arch-of-sorrow\n", path: "Memorial Park/arch-of-sorrow.yml"),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        guard exhibit.isReadable else { return [] }
        var findings: [Diagnostic] = []
        if let id = exhibit.id {
            if !ExhibitID.isValid(id) {
                findings.append(
                    finding(
                        at: exhibit.idLocation,
                        """
                        id '\(id)' is not a slug; use \(ExhibitID.slugLetters), e.g. \
                        '\(ExhibitID.suggestion(from: exhibit.fileStem))'
                        """,
                        exhibit: exhibit))
            }
        } else if !exhibit.loadFindings.contains(where: { $0.location == exhibit.idLocation }) {
            findings.append(
                finding(
                    at: SourceLocation(path: exhibit.path, line: 1, column: 1),
                    "file has no id; add 'id: \(ExhibitID.suggestion(from: exhibit.fileStem))'", exhibit: exhibit))
        }
        if !ExhibitID.isValidGallery(exhibit.gallery) {
            findings.append(
                finding(
                    at: SourceLocation(path: exhibit.path, line: 1, column: 1),
                    """
                    gallery folder '\(exhibit.gallery)' is not made of slugs; rename it with lowercase letters, \
                    digits and hyphens
                    """,
                    exhibit: exhibit))
        }
        return findings
    }
}

extension ExhibitID {
    /// A slug made from `name` for suggestions: lowercased, runs of other characters become one hyphen.
    static func suggestion(from name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "exhibit" : result
    }
}
