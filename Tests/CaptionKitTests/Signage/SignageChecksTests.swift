import Foundation
import Testing

@testable import CaptionKit

/// The checks of `captions check` in the signage export (``SignageChecks``): what holds a label
/// back, what the proof sheet shows, and that a clean collection exports as it did before.
@Suite struct SignageChecksTests {
    /// The bundled museum has no findings: every label is exported and the proof sheet is the
    /// one the writer makes of the labels alone, without a findings list or its style.
    @Test func aCleanCollectionExportsAsBefore() throws {
        let collection = try CollectionLoader.load(path: TypographyRuleTests.bundledCaptions)
        let sheet = try SignageExporter.proofSheet(collection)
        #expect(sheet.heldBack.isEmpty)
        #expect(sheet.labelCount == collection.exhibits.count)
        let pipeline = try SignagePipeline(collection, options: SignageExportOptions(formats: [.html]))
        let before = ProofSheetWriter.html(
            entries: collection.exhibits.map { .label(pipeline.label(for: $0)) }, languages: pipeline.languages,
            settings: pipeline.settings, panels: pipeline.panels)
        #expect(sheet.data == Data(before.utf8))
        #expect(!before.contains("findings"))
    }

    /// The checks the gate looks for itself are not reported twice: an exhibit without its
    /// Kazakh title has one reason, the gate's, whatever `captions.yml` makes of the check.
    @Test func theGatesOwnChecksAreLeftToTheGate() throws {
        let fixture = try TestCollection(
            files: [("g/wagon.yml", "id: wagon\ntitle:\n  ru: Вагон\n  en: Wagon\n")],
            config: "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n")
        let collection = try fixture.load()
        let checks = try SignageChecks(collection, exhibits: collection.exhibits)
        #expect(checks.findings(for: collection.exhibits[0]).isEmpty)
        let report = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: fixture.root + "/out", formats: [.txt]))
        #expect(report.heldBack.flatMap(\.reasons).map(\.kind) == [.missingTranslation])
        #expect(report.heldBack.flatMap(\.reasons).map(\.checkID) == ["missing-translation"])
    }
}

/// `overflows-panel`, an error by default: the text files hold the label back, and the proof
/// sheet, where overflows are seen and fixed, still draws it with its lines past the panel.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct SignageOverflowExportTests {
    /// The panel fixture, its Kazakh text's year (absent from the Russian) not checked.
    func fixture(overflows: String = "error") throws -> TestCollection {
        try TestCollection(
            files: [("kurt.yml", PanelExportTests.exhibit)],
            config: PanelExportTests.config + "checks:\n  number-mismatch: off\n  overflows-panel: \(overflows)\n")
    }

    @Test func anOverflowingLabelIsHeldBackFromPrintButDrawnOnTheProofSheet() throws {
        let fixture = try fixture()
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(try fixture.load(), options: SignageExportOptions(outputFolder: out))
        let reasons = report.heldBack.flatMap(\.reasons)
        #expect(reasons.map(\.kind) == [.checkError, .checkError])
        #expect(reasons.map(\.checkID) == ["overflows-panel", "overflows-panel"])
        #expect(reasons.map(\.language) == ["kk", "en"])
        #expect(
            report.messageLines.contains(
                "\(fixture.root)/kurt.yml:11:7: error: kurt held back: en text needs 5 lines at 24 pt on the 100 mm "
                    + "panel; 4 fit (1 line, about 1 word, too long) [overflows-panel]"))
        #expect(!FileManager.default.fileExists(atPath: out + "/kurt.txt"))
        let proof = try String(contentsOfFile: out + "/proof.html", encoding: .utf8)
        #expect(proof.contains("<article class=\"label panels held-back\" id=\"kurt\" style=\"--panel-mm: 100\">"))
        #expect(proof.contains("<span class=\"line overflow\">"))
        #expect(proof.contains("<p class=\"panel-note\" lang=\"en\">5 lines on the object panel, which holds 4"))
    }

    @Test func anOverflowSetToWarningIsExportedAndListed() throws {
        let fixture = try fixture(overflows: "warning")
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(try fixture.load(), options: SignageExportOptions(outputFolder: out))
        #expect(report.heldBack.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out + "/kurt.txt"))
        let proof = try String(contentsOfFile: out + "/proof.html", encoding: .utf8)
        #expect(proof.contains("<article class=\"label panels\" id=\"kurt\" style=\"--panel-mm: 100\">"))
        #expect(proof.contains("<span class=\"severity\">warning</span> en text needs 5 lines"))
    }
}

/// `--with kk-Latn`: the Latin block, longer than the Cyrillic (ч → ch, ш → ş, я → ia), is
/// measured on its panel by the export, which `captions check` does not do.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct LatinKazakhOverflowExportTests {
    static let kazakh =
        Array(repeating: "чай шая яшчи щяч ючая чаша шаяч", count: 4).joined(separator: " ")
        .split(separator: " ").prefix(22).joined(separator: " ") + "."

    /// The panel fixture's object panel, 125 mm wide: the Cyrillic text takes 4 lines, the Latin 5.
    func fixture(overflows: String = "error") throws -> TestCollection {
        try TestCollection(
            files: [
                (
                    "hall/kurt.yml",
                    "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: \(Self.kazakh)\n"
                        + "  ru: Курт — сушёный сыр.\n  en: Kurt is a dried cheese.\n"
                )
            ],
            config: PanelExportTests.config.replacingOccurrences(of: "width-mm: 100", with: "width-mm: 125")
                + "checks:\n  number-mismatch: off\n  length-ratio: off\n  overflows-panel: \(overflows)\n")
    }

    @Test func anOverflowingLatinBlockHoldsTheLabelBack() throws {
        let fixture = try fixture()
        let collection = try fixture.load()
        // The Cyrillic fits: check finds nothing to hold back, and without the block it is exported.
        let cyrillic = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: fixture.root + "/cyrillic", formats: [.txt]))
        #expect(cyrillic.heldBack.isEmpty)
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: out, withLatinKazakh: true))
        let reasons = report.heldBack.flatMap(\.reasons)
        #expect(reasons.map(\.kind) == [.checkError])
        #expect(reasons.map(\.checkID) == ["overflows-panel"])
        #expect(reasons.map(\.language) == ["kk-Latn"])
        #expect(
            report.messageLines.first
                == "\(fixture.root)/hall/kurt.yml:7:7: error: kurt held back: kk-Latn text needs 5 lines at 24 pt on "
                + "the 125 mm panel; 4 fit (1 line, about 2 words, too long) [overflows-panel]")
        #expect(!FileManager.default.fileExists(atPath: out + "/hall/kurt.txt"))
        let dataMerge = try String(contentsOfFile: out + "/datamerge.txt", encoding: .utf16)
        #expect(!dataMerge.contains("kurt"))
        let proof = try String(contentsOfFile: out + "/proof.html", encoding: .utf8)
        #expect(proof.contains("<p class=\"panel-note\" lang=\"en\">5 lines on the object panel, which holds 4"))
    }

    @Test func aLatinOverflowIsLetThroughAsTheChecksErrorsAre() throws {
        let allowed = try fixture()
        let report = try SignageExporter.export(
            try allowed.load(),
            options: SignageExportOptions(
                outputFolder: allowed.root + "/out", formats: [.txt], withLatinKazakh: true, allowsCheckErrors: true))
        #expect(report.heldBack.isEmpty)
        #expect(
            report.warnings.first?.message
                == "kurt exported with a check error: kk-Latn text needs 5 lines at 24 pt on the 125 mm panel; 4 fit "
                + "(1 line, about 2 words, too long) [overflows-panel]")
        let warning = try fixture(overflows: "warning")
        let lowered = try SignageExporter.export(
            try warning.load(),
            options: SignageExportOptions(outputFolder: warning.root + "/out", formats: [.txt], withLatinKazakh: true))
        #expect(lowered.heldBack.isEmpty)
        #expect(FileManager.default.fileExists(atPath: warning.root + "/out/hall/kurt.txt"))
    }
}

/// A panel whose font is missing cannot prove that a text fits: the export holds its labels
/// back unless `--allow-unmeasured`. The font is a file that is never there, whatever is installed.
@Suite struct UnmeasuredPanelExportTests {
    func fixture(checks: String = "") throws -> TestCollection {
        try TestCollection(
            files: [
                (
                    "hall/kurt.yml",
                    "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт ақ.\n  ru: Курт белый.\n"
                        + "  en: Kurt is white.\n"
                ),
                ("hall/wagon.yml", "id: wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n"),
            ],
            config: """
                languages: [kk, ru, en]
                source: ru
                panels:
                  object: { font: fonts/missing.ttf, size-pt: 24, leading-pt: 30, width-mm: 100, max-lines: 4 }
                fields:
                  title: { required: true }
                  text: { required: false, panel: object }
                \(checks)
                """)
    }

    /// Where the collection prints a text measured not to fit (`overflows-panel` a warning or
    /// off), an unmeasured one is not held back either.
    @Test(arguments: ["warning", "off"])
    func noHoldBackWhenOverflowingIsNotAnError(_ severity: String) throws {
        let fixture = try fixture(checks: "checks:\n  overflows-panel: \(severity)\n")
        let report = try SignageExporter.export(
            try fixture.load(), options: SignageExportOptions(outputFolder: fixture.root + "/out"))
        #expect(report.heldBack.isEmpty)
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/out/hall/kurt.txt"))
        #expect(
            report.warnings.map(\.message) == [
                """
                panel 'object': font file 'fonts/missing.ttf' is not there (\(fixture.root)/fonts/missing.ttf); the \
                labels with a field on it are written unmeasured (overflows-panel is not an error): the character \
                limits apply instead
                """
            ])
    }

    @Test func aLabelOnAPanelWithoutItsFontIsHeldBackUnlessAllowed() throws {
        let fixture = try fixture()
        let root = fixture.root
        let collection = try fixture.load()
        let report = try SignageExporter.export(collection, options: SignageExportOptions(outputFolder: root + "/out"))
        #expect(report.heldBack.flatMap(\.reasons).map(\.kind) == [.unmeasured])
        #expect(
            report.messageLines == [
                """
                \(root)/hall/kurt.yml:6:1: error: kurt held back: its text cannot be measured on the panel 'object', \
                whose font is missing (\(root)/captions.yml:4:19); install the font, or export with --allow-unmeasured
                """,
                """
                \(root)/captions.yml:4:19: warning: panel 'object': font file 'fonts/missing.ttf' is not there \
                (\(root)/fonts/missing.ttf); the labels with a field on it are held back
                """,
                "exported 1 label to \(root)/out; 1 held back; 1 warning",
            ])
        #expect(!FileManager.default.fileExists(atPath: root + "/out/hall/kurt.txt"))
        // The wagon has no field on the panel: nothing to measure.
        #expect(FileManager.default.fileExists(atPath: root + "/out/hall/wagon.txt"))
        // On the proof sheet the held-back label keeps its text, to be read.
        let proof = try String(contentsOfFile: root + "/out/proof.html", encoding: .utf8)
        #expect(proof.contains("Курт белый."))
        let allowed = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: root + "/out", allowsUnmeasured: true))
        #expect(allowed.heldBack.isEmpty)
        #expect(FileManager.default.fileExists(atPath: root + "/out/hall/kurt.txt"))
        #expect(
            allowed.warnings.map(\.message) == [
                """
                panel 'object': font file 'fonts/missing.ttf' is not there (\(root)/fonts/missing.ttf); the labels \
                with a field on it are written unmeasured (--allow-unmeasured): the character limits apply instead
                """
            ])
    }

    /// The browser editor's label preview and "ready for print" list judge with the export's
    /// gate: the label the export holds back for its missing font is held back there too, with
    /// the same reason, and is not ready for print.
    @Test func theEditorHoldsBackWhatTheExportHoldsBackForAMissingFont() throws {
        let fixture = try fixture()
        let collection = try fixture.load()
        let report = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: fixture.root + "/out"))
        let exported = try #require(report.heldBack.first { $0.displayID == "kurt" }).reasons
        let preview = try SignageExporter.preview(exhibit: "kurt", in: collection)
        #expect(preview.holdBackReasons.map(\.kind) == [.unmeasured])
        #expect(preview.holdBackReasons == exported)
        #expect(try SignageExporter.preview(exhibit: "wagon", in: collection).holdBackReasons.isEmpty)
        let readiness = PrintReadiness(collection: collection, level: .translated)
        let ready = collection.exhibits.filter { readiness.isReady($0, findings: []) }.map(\.displayID)
        #expect(ready == ["wagon"])
        // Where the export prints the label (overflows-panel a warning), so does the editor.
        let lenient = try self.fixture(checks: "checks:\n  overflows-panel: warning\n").load()
        #expect(try SignageExporter.preview(exhibit: "kurt", in: lenient).holdBackReasons.isEmpty)
        let lenientReadiness = PrintReadiness(collection: lenient, level: .translated)
        #expect(lenient.exhibits.allSatisfy { lenientReadiness.isReady($0, findings: []) })
    }
}
