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
