import Foundation
import Testing

@testable import CaptionKit

/// `export signage` on panels typesets each text `overflows-panel` measured once
/// (``TypesetMemo``): what it writes and what the check finds are what typesetting every text
/// anew gives.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct TypesetMemoTests {
    /// A copy of the bundled museum (title, text and credit on PT Sans panels) whose object
    /// panel is `objectPanel` (its `width-mm` and `max-lines`).
    func museum(objectPanel: String) throws -> TestCollection {
        let fixture = try copyOfBundledMuseum()
        let path = fixture.root + "/captions.yml"
        let config = try String(contentsOfFile: path, encoding: .utf8)
        #expect(config.contains("width-mm: 300, max-lines: 12"))
        try config.replacingOccurrences(of: "width-mm: 300, max-lines: 12", with: objectPanel)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return fixture
    }

    /// The museum as it is (no findings) and with a narrow object panel (texts overflow, a
    /// word is wider than the panel), with a kk-Latn block (typeset from the Kazakh) and every
    /// format: the text files, the Data Merge file and the proof sheet are those of labels
    /// typeset anew, and the check finds what measuring each text typed gives.
    @Test(arguments: ["width-mm: 300, max-lines: 12", "width-mm: 40, max-lines: 6"])
    func theExportWritesAndFindsWhatTypesettingEveryTextAnewGives(objectPanel: String) throws {
        let fixture = try museum(objectPanel: objectPanel)
        let overflowsNothing = objectPanel.contains("300")
        let collection = try fixture.load()
        let out = fixture.root + "/out"
        let options = SignageExportOptions(outputFolder: out, withLatinKazakh: true, allowsCheckErrors: true)
        let report = try SignageExporter.export(collection, options: options)

        // The plain computation: no memo, every text typeset again.
        let pipeline = try SignagePipeline(collection, options: options)
        let checks = try SignageChecks(collection, exhibits: collection.exhibits)
        var labels: [SignageLabel] = []
        var entries: [ProofSheetWriter.Entry] = []
        for exhibit in collection.exhibits {
            #expect(pipeline.gate.reasons(for: exhibit).isEmpty)
            let label = SignageLabel(exhibit: exhibit, config: collection.config, languages: pipeline.languages)
            let file = SignageTextWriter.utf8(for: label, settings: pipeline.settings, panels: pipeline.panels)
            #expect(FileManager.default.contents(atPath: out + "/" + label.textFilePath) == Data(file.bytes))
            labels.append(label)
            // The Latin block's overflows, which the check does not measure, are the export's own.
            let latin = pipeline.derivedLatinFindings(exhibit) ?? []
            entries.append(.label(label, findings: (checks.findings(for: exhibit) + latin).sortedForReport()))
        }
        #expect(report.labelCount == collection.exhibits.count)
        let dataMerge = DataMergeWriter.data(
            for: labels, languages: pipeline.languages, fields: collection.config.fields.map(\.name),
            encoding: .utf16LE)
        #expect(FileManager.default.contents(atPath: out + "/" + SignageFormat.dataMergeFileName) == dataMerge)
        let sheet = ProofSheetWriter.html(
            entries: entries, languages: pipeline.languages, settings: pipeline.settings, panels: pipeline.panels)
        #expect(FileManager.default.contents(atPath: out + "/" + SignageFormat.proofFileName) == Data(sheet.utf8))
        if overflowsNothing {
            // The in-memory proof sheet holds overflowing labels back, as an export without
            // --allow-check-errors does.
            #expect(try SignageExporter.proofSheet(collection, withLatinKazakh: true).data == Data(sheet.utf8))
        }

        // The check with a memo finds what it finds without, and what `MeasuredPanel.fit` of
        // each text as typed says; the memo keeps the typeset texts it measured.
        let memo = TypesetMemo()
        let shared = try SignageChecks(collection, exhibits: collection.exhibits, typesetMemo: memo)
        var overflows: [String] = []
        var kept = 0
        var keptBreaks = 0
        for exhibit in collection.exhibits {
            #expect(shared.findings(for: exhibit) == checks.findings(for: exhibit))
            var expected: [String] = []
            for field in exhibit.fields {
                guard let panel = pipeline.panels.panel(for: field.name) else { continue }
                for translation in field.translations where !translation.isBlank {
                    let fit = panel.fit(translation.text, language: translation.language)
                    let text = "\(translation.language) \(field.name)"
                    if fit.lines > panel.profile.maxLines { expected.append("\(text) needs \(fit.lines) lines") }
                    if fit.widestWord > panel.lineWidth { expected.append("\(text) has a word") }
                }
            }
            let found = shared.findings(for: exhibit).filter { $0.checkID == "overflows-panel" }.map {
                $0.message.contains(" needs ")
                    ? $0.message.components(separatedBy: " at ")[0]
                    : $0.message.components(separatedBy: " has a word ")[0] + " has a word"
            }
            #expect(found.sorted() == expected.sorted(), "\(exhibit.path)")
            overflows += found
            for text in memo.take(path: exhibit.path) {
                kept += 1
                if text.panelBreaks != nil { keptBreaks += 1 }
                #expect(text.typeset == Typography.typeset(text.text, language: text.language))
                #expect(exhibit.field(text.field)?.translation(text.language)?.text == text.text)
            }
        }
        #expect(kept > 0)
        #expect(keptBreaks > 0)
        #expect(overflowsNothing == (keptBreaks == kept))
        #expect(overflows.isEmpty == overflowsNothing)
        #expect(overflowsNothing || overflows.contains { $0.hasSuffix("has a word") })
    }

    /// Texts the line breaker splits as characters (a stress mark), a tab, lines the curator
    /// typed, paragraphs, and a word wider than the panel: the label typeset and broken by the
    /// check lays out as the label typeset anew.
    @Test func brokenTextsLayOutAsTextsBrokenAnew() throws {
        let config = """
            languages: [kk, ru, en]
            source: ru
            panels:
              object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 60, max-lines: 40 }
            fields:
              title: { required: true, panel: object }
              text: { required: true, panel: object }

            """
        let exhibit = """
            id: kurt
            title:
              kk: Құрт — кептірілген ірімшік, «жол азығы» және ас
              ru: Курт — сушёный сыр, за́мок и до́рога, дорожная еда кочевников, 1938 г.
              en: Kurt, a dried cheese, the travel food of nomads
            text:
              kk: "Құрт\tкептірілген ірімшік, көшпелілердің жол азығы. Оны қыста да, жазда да жейді, 1938 жылы лагерьде"
              ru: |
                Курт — сушёный сыр, дорожная еда кочевников.
                Его ели и зимой, и летом, А. С. Пушкин писал о нём в 1833 г.

                Второй абзац, в котором есть слово-сверхдлинноедлинноедлинное и ещё несколько слов.
              en: |-
                WAVE To Ty — kurt is a dried cheese, the travel food of the nomads of the steppe.

                Nomads took it on the road.
            """
        let fixture = try TestCollection(files: [("kurt.yml", exhibit)], config: config)
        let collection = try fixture.load()
        let memo = TypesetMemo()
        _ = try SignageChecks(collection, exhibits: collection.exhibits, typesetMemo: memo)
        let panels = PanelFonts(config: collection.config)
        let label = SignageLabel(exhibit: collection.exhibits[0], config: collection.config, typesetMemo: memo)
        let plain = SignageLabel(exhibit: collection.exhibits[0], config: collection.config)
        let fields = label.blocks.flatMap(\.fields)
        // Every text was measured; the Russian text has a word wider than the panel.
        #expect(fields.map { $0.panelBreaks != nil } == [true, true, true, false, true, true])
        #expect(fields.contains { !$0.text.isSimple && $0.panelBreaks != nil })
        #expect(fields.map(\.text) == plain.blocks.flatMap(\.fields).map(\.text))
        let shared = SignageTextWriter.utf8(for: label, settings: SignageSettings(), panels: panels)
        let anew = SignageTextWriter.utf8(for: plain, settings: SignageSettings(), panels: panels)
        #expect(String(decoding: shared.bytes, as: UTF8.self) == String(decoding: anew.bytes, as: UTF8.self))
        #expect(shared.warnings == anew.warnings)
        #expect(shared.warnings.count == 1)
        let sheet = { (label: SignageLabel) in
            ProofSheetWriter.html(
                entries: [.label(label)], languages: collection.config.languages, settings: SignageSettings(),
                panels: panels)
        }
        #expect(sheet(label) == sheet(plain))
    }

    /// The export keeps the texts of the exhibits the gate passes only: an exhibit held back
    /// for a missing text never has a label made, so what the check typeset in it is not kept.
    /// (One line on the panel: no text is short enough to pass without being measured.)
    @Test func textsOfExhibitsTheGateHoldsBackAreNotKept() throws {
        let config = PanelExportTests.config.replacingOccurrences(
            of: "width-mm: 100, max-lines: 4", with: "width-mm: 60, max-lines: 1")
        let text = "Курт — сушёный сыр, дорожная еда кочевников, которую ели и зимой, и летом"
        let kazakh = "Құрт — кептірілген ірімшік, көшпелілердің жол азығы"
        let texts = "text:\n  kk: \(kazakh)\n  ru: \(text)\n  en: Kurt is a dried cheese\n"
        let complete = "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n" + texts
        let missing = "id: irimshik\ntitle:\n  kk: Ірімшік\n  ru: Иримшик\n" + texts
        let fixture = try TestCollection(files: [("kurt.yml", complete), ("irimshik.yml", missing)], config: config)
        let collection = try fixture.load()
        let pipeline = try SignagePipeline(
            collection, options: SignageExportOptions(outputFolder: fixture.root + "/out", allowsCheckErrors: true))
        let (gated, memo) = try pipeline.gated(keepingTypeset: true)
        #expect(gated.map { $0.reasons.isEmpty } == collection.exhibits.map { $0.path.hasSuffix("kurt.yml") })
        let memoOfAll = TypesetMemo()
        _ = try SignageChecks(collection, exhibits: collection.exhibits, typesetMemo: memoOfAll)
        for exhibit in collection.exhibits {
            let passes = exhibit.path.hasSuffix("kurt.yml")
            #expect(memoOfAll.take(path: exhibit.path).map(\.language).sorted() == ["en", "kk", "ru"])
            let kept = try #require(memo).take(path: exhibit.path).map(\.language).sorted()
            #expect(kept == (passes ? ["en", "kk", "ru"] : []))
        }
    }
}
