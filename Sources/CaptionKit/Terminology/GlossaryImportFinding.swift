/// The findings `captions import FILE.tbx` reports (see ``GlossaryMerge``), each with its
/// description and examples; `captions check --explain ID` prints them.
enum GlossaryImportFinding: String, ReportedFinding {
    case glossaryConflict = "glossary-conflict"
    case glossaryImport = "glossary-import"

    /// What the finding is, with examples.
    var findingDescription: FindingDescription {
        switch self {
        case .glossaryConflict: Self.conflict
        case .glossaryImport: Self.skipped
        }
    }

    /// A glossary with the entry `kurt`: Russian курт, Kazakh құрт.
    private static let glossary = ("glossary.yml", "- id: kurt\n  ru: курт\n  kk: құрт\n")

    /// A TBX file with one entry: `langSets` (language, term).
    private static func tbx(_ langSets: [(String, String)]) -> (path: String, text: String) {
        let sets = langSets.map { #"  <langSet xml:lang="\#($0.0)"><tig><term>\#($0.1)</term></tig></langSet>"# }
        return (
            "terms.tbx",
            """
            <martif type="TBX-Basic"><text><body>
            <termEntry id="kurt">
            \(sets.joined(separator: "\n"))
            </termEntry>
            </body></text></martif>

            """
        )
    }

    private static let conflict = FindingDescription(
        id: "glossary-conflict", name: "Glossary Conflict", command: .importGlossary, severity: .error,
        rationale: """
            A TBX entry is the same concept as an entry of glossary.yml (the same id, or a shared source \
            term) but its terms differ: another preferred term, other allowed or forbidden terms, or \
            do-not-translate. The glossary entry is not changed; the note points at it.
            """,
        remedy: """
            Decide which terms are right: edit the entry in glossary.yml by hand, or correct the TBX \
            file in the terminology tool and import it again.
            """,
        notReported: [FindingExample(files: [glossary], input: tbx([("ru", "курт"), ("kk", "құрт")]))],
        reported: [FindingExample(files: [glossary], input: tbx([("ru", "курт"), ("kk", "сүзбе")]))])

    private static let skipped = FindingDescription(
        id: "glossary-import", name: "Glossary Entry Skipped", command: .importGlossary, severity: .warning,
        rationale: """
            A TBX entry has no allowed term in any language of the collection (only other languages, or \
            only forbidden terms), so it says nothing a check could use and is skipped. Terms in a \
            language that is not the collection's (another language, or another script: kk-Latn or \
            kk-Arab is not kk) are left out, and the first language section with that tag in each file \
            is named. An entry that would be added with the id of an entry a commit removed from \
            glossary.yml (its git history, the last 500 commits that changed it) is skipped too: the \
            TBX file was most likely exported before the museum removed it.
            """,
        remedy: """
            Nothing, if the entry is not meant for this collection. Otherwise add its terms in the \
            collection's languages (tagged with their language codes) and import again; an entry \
            skipped because it was removed before comes back only when it is added to glossary.yml by \
            hand.
            """,
        notReported: [FindingExample(files: [], input: tbx([("ru", "курт"), ("kk-KZ", "құрт")]))],
        reported: [FindingExample(files: [], input: tbx([("de", "Kurt")]))])
}
