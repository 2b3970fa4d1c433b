import Foundation
import Testing

@testable import CaptionKit

/// `captions import` of a target that is the same as its source: decided as `captions check`
/// decides a copy (`untranslated`: «АЛЖИР», one word, comes back; a pasted sentence does not,
/// with a `copy-of-source` warning), except the source that `export xliff --prefill-target` put
/// into the target and nobody confirmed, which stays not translated. A file without the export's
/// prefilled entry (an export before it) is imported as before: no target equal to its source.
@Suite struct ImportSameAsSourceCommandTests {
    static let gate = "id: gate\ntitle:\n  ru: АЛЖИР\n  en: ALZHIR\ntext:\n  ru: Ворота лагеря.\n  en: The camp gate.\n"

    /// A museum with `gate`, exported for kk as `version` (prefilled or not) into `out/ru-kk.xlf`.
    static func exported(_ version: XLIFFVersion, prefill: Bool, checks: String = "") throws -> (
        TemporaryFolder, String
    ) {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n" + checks)
        try folder.write("Captions/g/gate.yml", gate)
        let export = try CLIRun.run(
            ["export", "xliff", "--to", "kk", "--xliff", version.rawValue, "--out", "out"]
                + (prefill ? ["--prefill-target"] : []), in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "wrote out/ru-kk.xlf (2 units, 2 to translate)\n")
        return (folder, try folder.read("out/ru-kk.xlf"))
    }

    /// `file` with the unit `id` changed by `change`.
    static func editing(_ file: String, unit id: String, _ change: (String) -> String) throws -> String {
        let start = try #require(file.range(of: "id=\"\(id)\"")).lowerBound
        let end = try #require(file[start...].range(of: "</segment>") ?? file[start...].range(of: "</trans-unit>"))
        return file.replacingCharacters(in: start..<end.upperBound, with: change(String(file[start..<end.upperBound])))
    }

    /// The unit's state set to translated (1.2 `<target state>`, 2.x `<segment state>`).
    static func confirmed(_ unit: String) -> String {
        unit.replacingOccurrences(of: "state=\"needs-translation\"", with: "state=\"translated\"")
            .replacingOccurrences(of: "state=\"initial\"", with: "state=\"translated\"")
    }

    /// The unit with `text` as its target, its state as it was (OmegaT does not change it).
    static func typed(_ text: String) -> (String) -> String {
        { unit in
            if let target = unit.range(of: #"<target( state="[^"]*")?>[^<]*</target>"#, options: .regularExpression) {
                let old = String(unit[target])
                let open = String(old[..<(old.firstIndex(of: ">").map { old.index(after: $0) } ?? old.endIndex)])
                return unit.replacingCharacters(in: target, with: open + text + "</target>")
            }
            return unit.replacingOccurrences(of: "</source>", with: "</source><target>\(text)</target>")
        }
    }

    static func summary(_ counts: String) -> String { "out/ru-kk.xlf (kk): \(counts), 0 conflicts, 0 unknown ids\n" }

    /// The warning for the pasted text, its `<target>` at `location`.
    static func copyWarning(_ location: String) -> String {
        """
        out/ru-kk.xlf:\(location): warning: unit 'gate.text' (kk) was not imported: its target is a copy of its ru \
        source, which captions check reports as untranslated; have it translated, or if it is right as it is, allow \
        it in the untranslated check (allow, min-words or an ignore: entry) and import the file again [copy-of-source]

        """
    }

    /// `gate` with its Kazakh title АЛЖИР, as the import writes it.
    static let gateWithTitle =
        "id: gate\ntitle:\n  kk: АЛЖИР\n  ru: АЛЖИР\n  en: ALZHIR\ntext:\n  ru: Ворота лагеря.\n  en: The camp gate.\n"
        + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
        + "  title: { kk: \(SourceFingerprint.of("АЛЖИР")) }\n"

    /// Where the text's `<target>` is in the file, by version.
    static func textTarget(_ version: XLIFFVersion) -> String { version == .v1_2 ? "19:11" : "39:11" }

    @Test(arguments: XLIFFVersion.allCases)
    func anUntouchedPrefillIsNotTranslated(_ version: XLIFFVersion) throws {
        let (folder, file) = try Self.exported(version, prefill: true)
        #expect(
            file.contains(
                version == .v1_2 ? "<target state=\"needs-translation\">АЛЖИР</target>" : "<target>АЛЖИР</target>"))
        let mark =
            version == .v1_2
            ? "<context context-type=\"x-captions-prefilled\">yes</context>"
            : "<mda:meta type=\"prefilled\">yes</mda:meta>"
        #expect(file.components(separatedBy: mark).count == 3)
        for options in [[], ["--atomic"]] {
            let run = try CLIRun.run(["import", "out/ru-kk.xlf"] + options, in: folder.path)
            #expect(run.status == 0)
            #expect(run.stderr == "")
            #expect(run.stdout == Self.summary("0 applied, 0 unchanged, 2 not translated"))
        }
        #expect(try folder.read("Captions/g/gate.yml") == Self.gate)
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aConfirmedPrefillComesBackWhenTheCheckAcceptsIt(_ version: XLIFFVersion) throws {
        let (folder, file) = try Self.exported(version, prefill: true)
        var returned = try Self.editing(file, unit: "gate.title", Self.confirmed)
        returned = try Self.editing(returned, unit: "gate.text", Self.confirmed)
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout == Self.copyWarning(Self.textTarget(version))
                + Self.summary("1 applied, 0 unchanged, 1 not translated (1 a copy of the source)")
                + "wrote Captions/g/gate.yml\n")
        #expect(try folder.read("Captions/g/gate.yml") == Self.gateWithTitle)
        // Imported again: the title is unchanged now, the text still a copy.
        let again = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(again.status == 0)
        #expect(
            again.stdout == Self.copyWarning(Self.textTarget(version))
                + Self.summary("0 applied, 1 unchanged, 1 not translated (1 a copy of the source)"))
    }

    /// The unit's state says whether the translator confirmed the prefilled title: 1.2 `new`,
    /// `needs-review-translation` or no state, 2.x `initial` do not; `translated` and higher do.
    @Test(arguments: [
        (XLIFFVersion.v1_2, #"state="new""#, false), (.v1_2, "", false),
        (.v1_2, #"state="needs-review-translation""#, false), (.v1_2, #"state="final""#, true),
        (.v1_2, #"state="signed-off""#, true), (.v2_0, #"state="initial""#, false), (.v2_0, #"state="reviewed""#, true),
        (.v2_0, #"state="final""#, true),
    ])
    func theStateSaysWhetherThePrefillWasConfirmed(_ version: XLIFFVersion, state: String, confirmed: Bool) throws {
        let (folder, file) = try Self.exported(version, prefill: true)
        let exported = version == .v1_2 ? #"state="needs-translation""# : #"state="initial""#
        try folder.write(
            "out/ru-kk.xlf",
            try Self.editing(file, unit: "gate.title") { $0.replacingOccurrences(of: exported, with: state) })
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout
                == (confirmed
                    ? Self.summary("1 applied, 0 unchanged, 1 not translated") + "wrote Captions/g/gate.yml\n"
                    : Self.summary("0 applied, 0 unchanged, 2 not translated")))
        #expect(try folder.read("Captions/g/gate.yml") == (confirmed ? Self.gateWithTitle : Self.gate))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aPrefillTheTranslatorChangedIsImported(_ version: XLIFFVersion) throws {
        let (folder, file) = try Self.exported(version, prefill: true)
        // OmegaT leaves the state as exported: a changed target is a translation all the same.
        try folder.write("out/ru-kk.xlf", try Self.editing(file, unit: "gate.text", Self.typed("Лагерь қақпасы.")))
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("1 applied, 0 unchanged, 1 not translated") + "wrote Captions/g/gate.yml\n")
        #expect(try folder.read("Captions/g/gate.yml").contains("text:\n  kk: Лагерь қақпасы.\n  ru: Ворота лагеря.\n"))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func withoutPrefillAConfirmedNameComesBackAndThePastedSentenceDoesNot(_ version: XLIFFVersion) throws {
        let (folder, file) = try Self.exported(version, prefill: false)
        #expect(!file.contains("АЛЖИР</target>"))
        var returned = try Self.editing(file, unit: "gate.title", { Self.confirmed(Self.typed("АЛЖИР")($0)) })
        returned = try Self.editing(returned, unit: "gate.text", { Self.confirmed(Self.typed("Ворота лагеря.")($0)) })
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf", "--format", "json"], in: folder.path)
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(summary["applied"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)
        #expect(summary["copiesOfSource"] as? Int == 1)
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["check"] as? String } == ["copy-of-source"])
        #expect((json["problems"] as? [Any])?.isEmpty == true)
        #expect(try folder.read("Captions/g/gate.yml") == Self.gateWithTitle)
    }

    /// Without prefill, a target equal to its source whose state still says not translated is
    /// what a tool writes into the segments nobody translated: not translated, silently, as an
    /// empty target (also a name the check would accept).
    @Test(arguments: XLIFFVersion.allCases)
    func withoutPrefillAnUnconfirmedCopyIsNotTranslated(_ version: XLIFFVersion) throws {
        let (folder, file) = try Self.exported(version, prefill: false)
        // As a tool returns the segments nobody translated: the source in the target, the state as exported.
        var returned = try Self.editing(file, unit: "gate.title", Self.typed("АЛЖИР"))
        returned = try Self.editing(returned, unit: "gate.text", Self.typed("Ворота лагеря."))
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("0 applied, 0 unchanged, 2 not translated"))
        #expect(run.stderr == "")
        #expect(try folder.read("Captions/g/gate.yml") == Self.gate)
    }

    /// A copy of the source in a unit whose source says it is in another language is refused for
    /// that, as any target would be, not named as a copy.
    @Test func aRefusalComesBeforeTheCopy() throws {
        let (folder, file) = try Self.exported(.v1_2, prefill: false)
        let returned = try Self.editing(file, unit: "gate.text") {
            Self.confirmed(Self.typed("Ворота лагеря.")($0)).replacingOccurrences(
                of: "<source>", with: "<source xml:lang=\"en\">")
        }
        try #require(returned.contains("<source xml:lang=\"en\">Ворота лагеря.</source>"))
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 1)
        #expect((run.stdout + run.stderr).contains("[source-language-mismatch]"))
        #expect(!(run.stdout + run.stderr).contains("copy-of-source"))
        #expect(try folder.read("Captions/g/gate.yml") == Self.gate)
    }

    /// The check's own exceptions decide: its `allow` list takes the sentence, `untranslated: off` any copy.
    @Test(arguments: ["checks:\n  untranslated: { allow: [Ворота лагеря.] }\n", "checks:\n  untranslated: off\n"])
    func theChecksExceptionsLetTheSentenceIn(_ checks: String) throws {
        let (folder, file) = try Self.exported(.v1_2, prefill: true, checks: checks)
        try folder.write("out/ru-kk.xlf", try Self.editing(file, unit: "gate.text", Self.confirmed))
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("1 applied, 0 unchanged, 1 not translated") + "wrote Captions/g/gate.yml\n")
        #expect(try folder.read("Captions/g/gate.yml").contains("text:\n  kk: Ворота лагеря.\n  ru: Ворота лагеря.\n"))
    }

    /// A text made only of the glossary's do-not-translate terms is no copy, as in check.
    @Test func aDoNotTranslateTermComesBack() throws {
        let (folder, file) = try Self.exported(.v1_2, prefill: true)
        try folder.write(
            "Captions/glossary.yml",
            "- id: gate\n  do-not-translate: true\n  kk: Ворота лагеря\n  ru: Ворота лагеря\n  en: Camp Gate\n")
        try folder.write("out/ru-kk.xlf", try Self.editing(file, unit: "gate.text", Self.confirmed))
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("1 applied, 0 unchanged, 1 not translated") + "wrote Captions/g/gate.yml\n")
        #expect(try folder.read("Captions/g/gate.yml").contains("text:\n  kk: Ворота лагеря.\n  ru: Ворота лагеря.\n"))
    }

    /// An `ignore:` entry in the caption file accepts the copy, as in check.
    @Test func anIgnoreEntryLetsTheSentenceIn() throws {
        let (folder, file) = try Self.exported(.v2_0, prefill: false)
        try folder.write("Captions/g/gate.yml", Self.gate + "ignore: [untranslated: text/kk]\n")
        try folder.write(
            "out/ru-kk.xlf",
            try Self.editing(file, unit: "gate.text", { Self.confirmed(Self.typed("Ворота лагеря.")($0)) }))
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("1 applied, 0 unchanged, 1 not translated") + "wrote Captions/g/gate.yml\n")
    }

    /// A file exported before the prefilled entry: a target equal to its source is not
    /// translated, confirmed or not, and named nowhere, as before.
    @Test(arguments: XLIFFVersion.allCases, [true, false])
    func anExportWithoutThePrefilledEntryIsImportedAsBefore(_ version: XLIFFVersion, prefill: Bool) throws {
        let (folder, file) = try Self.exported(version, prefill: prefill)
        let entry =
            version == .v1_2
            ? #"\n *<context context-type="x-captions-prefilled">(yes|no)</context>"#
            : #"\n *<mda:meta type="prefilled">(yes|no)</mda:meta>"#
        var returned = file.replacingOccurrences(of: entry, with: "", options: .regularExpression)
        #expect(!returned.contains("prefilled"))
        returned = try Self.editing(returned, unit: "gate.title", { Self.confirmed(Self.typed("АЛЖИР")($0)) })
        returned = try Self.editing(returned, unit: "gate.text", { Self.confirmed(Self.typed("Ворота лагеря.")($0)) })
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.summary("0 applied, 0 unchanged, 2 not translated"))
        #expect(try folder.read("Captions/g/gate.yml") == Self.gate)
    }

    /// Weblate (through Translate Toolkit) saves the prefilled name and the pasted sentence as
    /// translated (`state="translated"`, `approved="no"`), the mark kept: the name comes back.
    @Test(.enabled(if: TranslateToolkit.available, "needs python3 with translate-toolkit>=3.17"))
    func aPrefillConfirmedInWeblateComesBackWhenTheCheckAcceptsIt() throws {
        let (folder, _) = try Self.exported(.v1_2, prefill: true)
        let edits = ["done", "gate.title", "АЛЖИР", "done", "gate.text", "Ворота лагеря."]
        let edit = try runTool(
            "python3", [MarkedUnfinishedCommandTests.script, "out/ru-kk.xlf"] + edits, in: folder.path)
        #expect(edit.status == 0, "\(edit.output)")
        let returned = try folder.read("out/ru-kk.xlf")
        #expect(
            returned.components(separatedBy: "<context context-type=\"x-captions-prefilled\">yes</context>").count == 3)
        #expect(returned.components(separatedBy: "<target state=\"translated\">").count == 3)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stdout == Self.copyWarning("19:11")
                + Self.summary("1 applied, 0 unchanged, 1 not translated (1 a copy of the source)")
                + "wrote Captions/g/gate.yml\n")
        #expect(try folder.read("Captions/g/gate.yml") == Self.gateWithTitle)
    }
}

/// A one-word copy of the source over the caption's own, different translation (Курт over Құрт,
/// a CAT tool's "copy source to target"): not imported, named in a `copy-of-source` warning, and
/// the caption keeps its translation.
@Suite struct ImportCopyOverTranslationCommandTests {
    @Test(arguments: XLIFFVersion.allCases)
    func aCopyOfTheSourceDoesNotReplaceATranslation(_ version: XLIFFVersion) throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        let kurt = "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"
        try folder.write("Captions/g/kurt.yml", kurt)
        let export = try CLIRun.run(
            ["export", "xliff", "--to", "kk", "--xliff", version.rawValue, "--out", "out"], in: folder.path)
        #expect(export.status == 0, "\(export.stderr)")
        let file = try folder.read("out/ru-kk.xlf")
        let returned = file.replacingOccurrences(
            of: "<target state=\"translated\">Құрт</target>", with: "<target state=\"translated\">Курт</target>"
        )
        .replacingOccurrences(of: "<target>Құрт</target>", with: "<target>Курт</target>")
        try #require(returned != file)
        try folder.write("out/ru-kk.xlf", returned)
        let run = try CLIRun.run(["import", "out/ru-kk.xlf"], in: folder.path)
        #expect(run.status == 0)
        let location = version == .v1_2 ? "8:11" : "22:11"
        #expect(
            run.stdout == """
                out/ru-kk.xlf:\(location): warning: unit 'kurt.title' (kk) was not imported: its target is a copy of \
                its ru source and would replace the caption's translation "Құрт"; if the caption should read as its \
                source, change it in the caption file [copy-of-source]
                out/ru-kk.xlf (kk): 0 applied, 0 unchanged, 1 not translated (1 a copy of the source), 0 conflicts, \
                0 unknown ids

                """)
        #expect(run.stderr == "")
        #expect(try folder.read("Captions/g/kurt.yml") == kurt)
    }
}
