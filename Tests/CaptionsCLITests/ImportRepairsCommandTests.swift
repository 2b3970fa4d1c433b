import Foundation
import Testing

@testable import CaptionKit

/// `captions import` on small hand-written files: a unit in conflict stays unapplied however many
/// copies follow, and the counts say what was written; XLIFF 2 `<target order>`; whitespace a
/// tool added around a target without `xml:space="preserve"`; Translate Toolkit's
/// `approved="yes"` with `--trust-states`.
@Suite struct ImportRepairsCommandTests {
    static let k =
        "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Первое. Второе.\n  en: First. Second.\n"
    static let w = "id: w\ntitle:\n  ru: Арестантский вагон\n  en: A prisoner wagon\n"

    static func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", k)
        try folder.write("Captions/g/w.yml", w)
        return folder
    }

    /// An XLIFF 1.2 file for kk with one unit a line from line 5, column 7: (id, source, target).
    static func xliff12(_ units: [(String, String, String)]) -> String {
        XLIFF12Fixture.file(units.map { XLIFF12Fixture.line($0.0, source: $0.1, target: $0.2) })
    }

    static let wagon = ("w.title", "Арестантский вагон", "Тұтқындар вагоны")
    static let otherWagon = ("w.title", "Арестантский вагон", "Сталин дәуірінің тұтқындар вагоны")
    static let text = ("k.text", "Первое. Второе.", "Бірінші. Екінші.")

    @Test func aUnitInConflictIsNotAppliedByALaterCopyAndEveryCopyCountsAsAConflict() throws {
        let folder = try Self.museum()
        try folder.write("returned/a.xlf", Self.xliff12([Self.wagon, Self.text]))
        try folder.write("returned/b.xlf", Self.xliff12([Self.otherWagon]))
        let files = ["returned/a.xlf", "returned/b.xlf", "returned/a.xlf"]
        let conflicts = """
            returned/b.xlf:5:7: error: unit 'w.title' (kk) is translated differently in two places; neither is applied \
            [import-conflict]
            returned/a.xlf:5:7: note: the other translation is here
            returned/a.xlf:5:7: error: unit 'w.title' (kk) is translated differently in two places; neither is applied \
            [import-conflict]
            returned/b.xlf:5:7: note: the other translation is here
            returned/a.xlf (kk): 1 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            returned/b.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            returned/a.xlf (kk): 0 applied, 1 unchanged, 0 not translated, 1 conflict, 0 unknown ids

            """
        let dryRun = try CLIRun.run(["import"] + files + ["--dry-run"], in: folder.path)
        #expect(dryRun.status == 1)
        #expect(
            dryRun.stdout
                == conflicts + "Captions/g/k.yml:6:1: text (kk) of k: (no text) → \"Бірінші. Екінші.\"\n"
                + "dry run: 1 caption file would change; nothing written\n")
        let atomic = try CLIRun.run(["import"] + files + ["--atomic"], in: folder.path)
        #expect(atomic.status == 1)
        #expect(atomic.stdout == conflicts + "nothing written: --atomic and 2 problems\n")
        #expect(try folder.read("Captions/g/k.yml") == Self.k)

        let run = try CLIRun.run(["import"] + files, in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == conflicts + "wrote Captions/g/k.yml\n")
        #expect(try folder.read("Captions/g/w.yml") == Self.w)
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: Бірінші. Екінші.\n"))
    }

    @Test func aUnitInThreeFilesIsOneConflictOfThreeCopies() throws {
        let folder = try Self.museum()
        let files = ["returned/a.xlf", "returned/b.xlf", "returned/c.xlf"]
        for (file, copy) in zip(files, [Self.wagon, Self.otherWagon, Self.wagon]) {
            try folder.write(file, Self.xliff12([copy]))
        }
        let run = try CLIRun.run(["import"] + files + ["--format", "json"], in: folder.path)
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summaries = try #require(document["files"] as? [[String: Any]])
        #expect(summaries.map { $0["applied"] as? Int } == [0, 0, 0])
        #expect(summaries.map { $0["unchanged"] as? Int } == [0, 0, 0])
        #expect(summaries.map { $0["conflicts"] as? Int } == [1, 1, 1])
        #expect((document["problems"] as? [Any])?.count == 2)
        #expect(document["written"] as? [String] == [])
        #expect(try folder.read("Captions/g/w.yml") == Self.w)
    }

    /// In text, a dry run names each text it would write, where it is, and both texts (a long one
    /// cut); a real run does not.
    @Test func aDryRunNamesEveryTextItWouldWriteOnOneLine() throws {
        let folder = try Self.museum()
        let long = "Сталин дәуірінің тұтқындар вагоны, онда әйелдер мен балалар Ақмолаға жеткізілді"
        try folder.write(
            "returned/a.xlf",
            Self.xliff12([("k.title", "Курт", "Құрт ірімшігі"), ("w.title", "Арестантский вагон", long)]))
        let summary = "returned/a.xlf (kk): 2 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids\n"
        let dryRun = try CLIRun.run(["import", "returned/a.xlf", "--dry-run"], in: folder.path)
        #expect(dryRun.status == 0)
        #expect(
            dryRun.stdout == summary + """
                Captions/g/k.yml:3:7: title (kk) of k: "Құрт" → "Құрт ірімшігі"
                Captions/g/w.yml:2:1: title (kk) of w: (no text) → "Сталин дәуірінің тұтқындар вагоны, онда әйелдер \
                мен балалар…"
                dry run: 2 caption files would change; nothing written

                """)
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
        let run = try CLIRun.run(["import", "returned/a.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == summary + "wrote Captions/g/k.yml\nwrote Captions/g/w.yml\n")
    }

    @Test func theJSONReportListsEveryTextWrittenWithItsTextBefore() throws {
        let folder = try Self.museum()
        // k has no Kazakh text; w's Kazakh title is new too; a unit in conflict is not listed.
        try folder.write("returned/a.xlf", Self.xliff12([Self.wagon, Self.text]))
        let dryRun = try CLIRun.run(["import", "returned/a.xlf", "--dry-run", "--format", "json"], in: folder.path)
        #expect(dryRun.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: String]])
        #expect(
            changes == [
                [
                    "exhibit": "k", "path": "Captions/g/k.yml", "field": "text", "language": "kk",
                    "after": "Бірінші. Екінші.",
                ],
                [
                    "exhibit": "w", "path": "Captions/g/w.yml", "field": "title", "language": "kk",
                    "after": "Тұтқындар вагоны",
                ],
            ])
        #expect(try folder.read("Captions/g/w.yml") == Self.w)
        // A changed text carries the text it replaces; with --atomic and a problem, nothing is listed.
        _ = try CLIRun.run(["import", "returned/a.xlf"], in: folder.path)
        try folder.write("returned/b.xlf", Self.xliff12([Self.otherWagon]))
        let changed = try CLIRun.run(["import", "returned/b.xlf", "--format", "json"], in: folder.path)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        #expect(
            again["changes"] as? [[String: String]] == [
                [
                    "exhibit": "w", "path": "Captions/g/w.yml", "field": "title", "language": "kk",
                    "before": "Тұтқындар вагоны", "after": "Сталин дәуірінің тұтқындар вагоны",
                ]
            ])
        // (w's text is now otherWagon's: a copy of it would not dispute a change, two changes do.)
        let thirdWagon = ("w.title", "Арестантский вагон", "Вагон")
        try folder.write("returned/c.xlf", Self.xliff12([Self.wagon, Self.text]))
        try folder.write("returned/d.xlf", Self.xliff12([thirdWagon]))
        let held = try CLIRun.run(
            ["import", "returned/c.xlf", "returned/d.xlf", "--atomic", "--format", "json"], in: folder.path)
        #expect(held.status == 1)
        let heldBack = try #require(try JSONSerialization.jsonObject(with: Data(held.stdout.utf8)) as? [String: Any])
        #expect((heldBack["changes"] as? [Any])?.isEmpty == true)
    }

    /// A unit in several files whose copies disagree: a conflict whose copies all count as
    /// conflicts, and the summary says what was written. In the second case a copy changes the
    /// text, one keeps the current text and one changes it otherwise: every copy is a conflict,
    /// and the first no longer counts as applied. (The same unit twice in one file refuses the
    /// file: ``ImportRefusalsCommandTests``.)
    @Test(arguments: [
        (
            [[wagon, text], [otherWagon]],
            """
            returned/b.xlf:5:7: error: unit 'w.title' (kk) is translated differently in two places; neither is \
            applied [import-conflict]
            returned/a.xlf:5:7: note: the other translation is here
            returned/a.xlf (kk): 1 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            returned/b.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            wrote Captions/g/k.yml

            """,
            "w"
        ),
        (
            [
                [("k.title", "Курт", "Курт-ірімшік")], [("k.title", "Курт", "Құрт")],
                [("k.title", "Курт", "Құрт ірімшігі")],
            ],
            """
            returned/c.xlf:5:7: error: unit 'k.title' (kk) is translated differently in two places; neither is \
            applied [import-conflict]
            returned/a.xlf:5:7: note: the other translation is here
            returned/a.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            returned/b.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids
            returned/c.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 1 conflict, 0 unknown ids

            """,
            "k"
        ),
    ])
    func aUnitInSeveralFilesConflictsAndTheCountsSayWhatWasWritten(
        files units: [[(String, String, String)]], stdout: String, untouched: String
    ) throws {
        let folder = try Self.museum()
        let files = ["returned/a.xlf", "returned/b.xlf", "returned/c.xlf"].prefix(units.count)
        for (file, copies) in zip(files, units) { try folder.write(file, Self.xliff12(copies)) }
        let run = try CLIRun.run(["import"] + files, in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == stdout)
        #expect(try folder.read("Captions/g/\(untouched).yml") == (untouched == "w" ? Self.w : Self.k))
    }

    /// A copy that keeps the current text and one that changes it, in either order of their
    /// files: the change is applied and nothing conflicts (the order once decided it).
    @Test(arguments: [[0, 1], [1, 0]])
    func aCopyThatKeepsTheTextNeverDisputesAChange(order: [Int]) throws {
        let folder = try Self.museum()
        let copies = [("k.title", "Курт", "Курт-ірімшік"), ("k.title", "Курт", "Құрт")]
        try folder.write("returned/a.xlf", Self.xliff12([copies[order[0]]]))
        try folder.write("returned/b.xlf", Self.xliff12([copies[order[1]]]))
        let run = try CLIRun.run(["import", "returned/a.xlf", "returned/b.xlf"], in: folder.path)
        #expect(run.status == 0)
        let counts = ["1 applied, 0 unchanged", "0 applied, 1 unchanged"]
        #expect(
            run.stdout == """
                returned/a.xlf (kk): \(counts[order[0]]), 0 not translated, 0 conflicts, 0 unknown ids
                returned/b.xlf (kk): \(counts[order[1]]), 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml

                """)
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: Курт-ірімшік\n"))
    }

    /// An XLIFF 2 unit of two segments and an ignorable: (source, target, order) each.
    static func xliff20(_ parts: [(String, String, String?)]) -> String {
        var unit = "      <unit id=\"k.text\" xml:space=\"preserve\">"
        for (index, (source, target, order)) in parts.enumerated() {
            let element = index == 1 ? "ignorable" : "segment"
            let orderAttribute = order.map { " order=\"\($0)\"" } ?? ""
            unit += "<\(element)><source>\(source)</source><target\(orderAttribute)>\(target)</target></\(element)>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f1">
                <group id="k">
            \(unit)</unit>
                </group>
              </file>
            </xliff>

            """
    }

    @Test func xliff2TargetsAreJoinedInTheirOrder() throws {
        let folder = try Self.museum()
        // The translator put the second sentence first: order 3, 2, 1.
        try folder.write(
            "returned/kk.xlf",
            Self.xliff20([("Первое.", "Екінші.", "3"), (" ", " ", "2"), ("Второе.", "Бірінші.", "1")]))
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: Бірінші. Екінші.\n"))
    }

    @Test(arguments: [
        (
            "x",
            "unit 'k.text' has <target order=\"x\">, but order must be a whole number from 1 to 3 (the unit's segments and ignorables); the unit is not applied",
            215
        ),
        (
            "4",
            "unit 'k.text' has <target order=\"4\">, but order must be a whole number from 1 to 3 (the unit's segments and ignorables); the unit is not applied",
            215
        ),
        (
            "0",
            "unit 'k.text' has <target order=\"0\">, but order must be a whole number from 1 to 3 (the unit's segments and ignorables); the unit is not applied",
            215
        ),
        ("1", "unit 'k.text' has two targets with order=\"1\"; the unit is not applied", 225),
        (
            "2",
            "unit 'k.text' has <target order=\"2\"> at the place of its element 2, whose target has no order and so stays there; the unit is not applied",
            205
        ),
    ])
    func anInvalidOrderRefusesTheUnit(order: String, message: String, column: Int) throws {
        let folder = try Self.museum()
        let first: String? = order == "1" ? "1" : nil
        let middle: String? = order == "2" ? nil : "2"
        let last = order == "1" ? "1" : order
        try folder.write(
            "returned/kk.xlf",
            Self.xliff20([("Первое.", "Екінші.", first), (" ", " ", middle), ("Второе.", "Бірінші.", last)]))
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                returned/kk.xlf:5:\(column): error: \(message) [invalid-order]
                returned/kk.xlf (kk): 0 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids, 1 refused

                """)
        #expect(try folder.read("Captions/g/k.yml") == Self.k)
    }

    /// The target as a tool that drops `xml:space="preserve"` and pretty-prints writes it.
    static let prettyPrinted = XLIFF12Fixture.file([
        XLIFF12Fixture.unit(
            "w.title", source: "Арестантский вагон", target: "\n          Сталин дәуірінің тұтқындар вагоны\n        "),
        XLIFF12Fixture.unit("k.text", source: "Первое. Второе.", target: "Бірінші.\nЕкінші. "),
    ])

    @Test func layoutWhitespaceAroundATargetWithoutPreserveIsDroppedAndNamed() throws {
        let folder = try Self.museum()
        try folder.write("returned/kk.xlf", Self.prettyPrinted)
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                returned/kk.xlf:7:9: warning: unit 'w.title' (kk): the line break and indentation around its target \
                were dropped, since the file does not keep whitespace there (no xml:space="preserve") and the source \
                has none [whitespace-dropped]
                returned/kk.xlf (kk): 2 applied, 0 unchanged, 0 not translated, 0 conflicts, 0 unknown ids
                wrote Captions/g/k.yml
                wrote Captions/g/w.yml

                """)
        #expect(try folder.read("Captions/g/w.yml").contains("  kk: Сталин дәуірінің тұтқындар вагоны\n"))
        // Whitespace inside the text, and a space without a line break at the end, stay.
        #expect(try folder.read("Captions/g/k.yml").contains("  kk: \"Бірінші.\\nЕкінші. \"\n"))

        let json = try CLIRun.run(["import", "returned/kk.xlf", "--dry-run", "--format", "json"], in: folder.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(document["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["check"] as? String } == ["whitespace-dropped"])
    }

    @Test func withPreserveTheWhitespaceIsTheTranslators() throws {
        let folder = try Self.museum()
        try folder.write(
            "returned/kk.xlf",
            Self.prettyPrinted.replacingOccurrences(
                of: "<file original", with: "<file xml:space=\"preserve\" original"))
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("whitespace-dropped"))
        #expect(
            try folder.read("Captions/g/w.yml").contains(
                "  kk: \"\\n          Сталин дәуірінің тұтқындар вагоны\\n        \"\n"))
    }

    /// Translate Toolkit (under Weblate and Pootle) marks a unit approved with `approved="yes"`
    /// and keeps the exported `state="translated"`: `--trust-states` records the review.
    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"))
    func translateToolkitsApprovalRecordsAReview() throws {
        let folder = try Self.museum()
        let export = try CLIRun.run(["export", "xliff", "Captions", "--to", "kk"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let approve = try runTool(
            "python3",
            [
                "-c",
                """
                from translate.storage import xliff
                store = xliff.xlifffile.parsefile("Exports/xliff/ru-kk.xlf")
                for unit in store.units:
                    if unit.source == "Курт":
                        unit.markapproved(True)
                store.savefile("Exports/xliff/ru-kk.xlf")
                """,
            ], in: folder.path)
        #expect(approve.status == 0, "\(approve.output)")
        let saved = try folder.read("Exports/xliff/ru-kk.xlf")
        #expect(saved.contains("approved=\"yes\""))
        #expect(saved.contains("<target state=\"translated\">Құрт</target>"))

        let run = try CLIRun.run(
            ["import", "Exports/xliff/ru-kk.xlf", "--trust-states", "--by", "DK"], in: folder.path,
            environment: ["SOURCE_DATE_EPOCH": "1796256000"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout
                == TrustedImportOutput.oneReviewRecorded(
                    "Exports/xliff/ru-kk.xlf", "kk", unchanged: 1, notTranslated: 2, by: "DK"))
        #expect(
            try folder.read("Captions/g/k.yml")
                == Self.k + TrustedImportOutput.reviewedTitle("kk: 8577ed6c d339738d reviewed 2026-12-03 DK"))
    }
}
