import Foundation
import Testing

@testable import CaptionKit

/// `export signage` with panels: text files broken by measured width, and a proof sheet that
/// draws each panel at its size with the font embedded and the same breaks.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct PanelExportTests {
    static let config = """
        languages: [kk, ru, en]
        source: ru
        panels:
          object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 100, max-lines: 4 }
        fields:
          title: { required: true }
          text: { required: true, panel: object }

        """

    static let exhibit = """
        id: kurt
        title:
          kk: Құрт
          ru: Курт
          en: Kurt
        text:
          kk: |
            Құрт — кептірілген ірімшік, көшпелілердің жол азығы. Оны қыста да, жазда да жейді, 1938 жылы лагерьде
            әйелдер оны жасырып сақтаған.
          ru: Курт — сушёный сыр, дорожная еда кочевников.
          en: |-
            WAVE To Ty — kurt is a dried cheese.

            Nomads took it on the road.

        """

    static func label() throws -> (SignageLabel, PanelFonts, CollectionConfig) {
        let config = try ConfigParser.parse(text: config, path: "Captions/captions.yml")
        let exhibit = ExhibitParser.parse(text: exhibit, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        return (SignageLabel(exhibit: exhibit, config: config), PanelFonts(config: config), config)
    }

    /// Every line of a panel field fits the panel when the whole line is shaped at once, and
    /// the first word of the next line would not have fitted (greedy breaking by the real
    /// widths); curator line breaks and paragraphs stay.
    @Test func textFilesBreakPanelFieldsByShapedWidth() throws {
        let (label, panels, _) = try Self.label()
        let panel = try #require(panels.panel(for: "text"))
        let file = SignageTextWriter.utf8(for: label, settings: SignageSettings(), panels: panels)
        #expect(file.warnings.isEmpty)
        let blocks = String(decoding: file.bytes, as: UTF8.self).components(separatedBy: "\n\n\n")
        #expect(blocks.count == 3)
        var checkedBreaks = 0
        for (block, language) in zip(blocks, ["kk", "ru", "en"]) {
            let paragraphs = block.components(separatedBy: "\n\n")
            #expect(paragraphs.first == label.blocks.first { $0.language == language }?.fields.first?.text.text)
            let language = ShapingFont.ShapingLanguage(language)
            for paragraph in paragraphs.dropFirst() {
                let lines = paragraph.split(separator: "\n").map(String.init)
                for (index, line) in lines.enumerated() {
                    let width = Array(line.utf8).withUnsafeBufferPointer {
                        panel.font.width(of: $0, language: language)
                    }
                    #expect(width <= panel.lineWidth, "\(line)")
                    guard index + 1 < lines.count, let next = lines[index + 1].split(separator: " ").first else {
                        continue
                    }
                    let longer = Array((line + " " + next).utf8).withUnsafeBufferPointer {
                        panel.font.width(of: $0, language: language)
                    }
                    // A break the curator typed is not a break of the breaker's.
                    if longer <= panel.lineWidth {
                        #expect(
                            line
                                == "Оны қыста да, жазда да жейді, 1938 жылы лагерьде"
                                .precomposedStringWithCanonicalMapping
                                || lines[index + 1].hasPrefix("әйелдер"), "\(line) | \(next)")
                    } else {
                        checkedBreaks += 1
                    }
                }
            }
        }
        #expect(checkedBreaks >= 3)
    }

    /// A word that does not fit the panel's line breaks at a soft hyphen, measured in the
    /// panel's font: the line ends with a hyphen and still fits, the whole word would not have,
    /// no soft hyphen is printed, and `overflows-panel` counts the lines the text file has.
    @Test func aWordBreaksAtASoftHyphenByTheShapedWidth() throws {
        let word = "тұтқын\u{AD}дал\u{AD}ған\u{AD}дар\u{AD}дың"
        let text = "Мұнда 1938–1953 жылдары \(word) әйелдері мен \(word) балалары ұсталды."
        let exhibit = Self.exhibit.replacingOccurrences(
            of: "ru: Курт — сушёный сыр, дорожная еда кочевников.", with: "ru: \(text)")
        let config = try ConfigParser.parse(text: Self.config, path: "Captions/captions.yml")
        let parsed = ExhibitParser.parse(text: exhibit, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let label = SignageLabel(exhibit: parsed, config: config)
        let panels = PanelFonts(config: config)
        let panel = try #require(panels.panel(for: "text"))
        let file = String(
            decoding: SignageTextWriter.utf8(for: label, settings: SignageSettings(), panels: panels).bytes,
            as: UTF8.self)
        let russian = try #require(file.components(separatedBy: "\n\n\n").dropFirst().first)
        let lines = try #require(russian.components(separatedBy: "\n\n").last).split(separator: "\n").map(String.init)
        #expect(!file.contains("\u{AD}"))
        let whole = word.replacingOccurrences(of: "\u{AD}", with: "")
        let width = { (line: String) in
            Array(line.utf8).withUnsafeBufferPointer { panel.font.width(of: $0, language: .init("ru")) }
        }
        let hyphenated = lines.indices.filter { lines[$0].hasSuffix("-") }
        #expect(hyphenated.count >= 1, "\(lines)")
        for index in hyphenated {
            #expect(width(lines[index]) <= panel.lineWidth, "\(lines[index])")
            // The line's last word and the next line's first piece are the word, which did not fit.
            let head = String(lines[index].split(separator: " ").last!.dropLast())
            let tail = try #require(lines[index + 1].split(separator: " ").first.map(String.init))
            #expect(whole.hasPrefix(head) && whole.hasSuffix(tail) && head.count + tail.count <= whole.count)
            let withWhole = lines[index].dropLast(head.count + 1) + whole
            #expect(width(String(withWhole)) > panel.lineWidth, "\(withWhole)")
        }
        #expect(lines.joined(separator: " ").replacingOccurrences(of: "- ", with: "").contains(whole))
        // The check's count of lines is the file's; the breaks are not kept for such a text.
        let typeset = try #require(label.blocks.first { $0.language == "ru" }?.fields.last?.text)
        let fit = panel.fit(typeset, language: "ru", recordingBreaks: true)
        #expect(fit.lines == lines.count)
        #expect(fit.breaks == nil)
    }

    @Test func theProofSheetEmbedsTheFontAndDrawsTheSameLines() throws {
        let (label, panels, _) = try Self.label()
        let panel = try #require(panels.panel(for: "text"))
        let html = ProofSheetWriter.html(
            entries: [.label(label)], languages: ["kk", "ru", "en"], settings: SignageSettings(), panels: panels)
        let fontData = try Data(contentsOf: URL(fileURLWithPath: panel.font.path))
        #expect(
            html.contains(
                "@font-face { font-family: \"captions-panel-1\"; src: url(\"data:font/ttf;base64,"
                    + fontData.base64EncodedString() + "\") format(\"truetype\"); }"))
        #expect(!html.contains("hyphens"))
        #expect(!html.contains("src: url(\"file:") && !html.contains("http"))
        // Sized in the sheet's scaled millimetres and points (the real ones in print), the label
        // scaled by its widest panel.
        #expect(html.contains("<article class=\"label panels\" id=\"kurt\" style=\"--panel-mm: 100\">"))
        #expect(
            html.contains(
                "<div class=\"field field-text panel\" style=\"font-family: 'captions-panel-1'; "
                    + "font-size: calc(24 * var(--pt)); line-height: calc(30 * var(--pt)); "
                    + "width: calc(100 * var(--mm)); min-height: calc(120 * var(--pt))\">"))
        #expect(html.contains("<label><input type=\"checkbox\" id=\"actual-size\"> Show the panels at actual size"))
        #expect(
            html.contains(
                "@media print { body { background: none; padding: 0; } article.label { box-shadow: none; }\n"
                    + "  article.label.panels { max-width: none; --mm: 1mm; --pt: 1pt; }"))
        // The text file's lines, one span each; past the fourth line marked.
        let file = String(
            decoding: SignageTextWriter.utf8(for: label, settings: SignageSettings(), panels: panels).bytes,
            as: UTF8.self)
        let english = try #require(file.dropLast().components(separatedBy: "\n\n\n").last)
        let englishText = english.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        let spans = englishText.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            index, line in
            "<span class=\"line\(index >= 4 ? " overflow" : "")\">\(line.isEmpty ? " " : ProofSheetWriter.escape(line))</span>"
        }
        #expect(spans.count == 5)
        #expect(html.contains(spans.joined(separator: "\n")), "\(spans)")
        #expect(
            html.contains(
                "<p class=\"panel-note\" lang=\"en\">5 lines on the object panel, which holds 4: 1 line too long</p>"))
        // The title, on no panel, keeps its explicit lines without a browser's wrapping.
        #expect(html.contains("<h3 class=\"field field-title\">Kurt</h3>"))
    }

    /// The editor's label preview has the export's lines and the panel's `max-lines`, so it can
    /// mark the lines `overflows-panel` reports.
    @Test func thePreviewCarriesThePanelsLines() throws {
        let (_, _, config) = try Self.label()
        let exhibit = ExhibitParser.parse(text: Self.exhibit, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let collection = CaptionCollection(rootPath: "Captions", config: config, exhibits: [exhibit])
        let preview = try SignageExporter.preview(exhibit: "kurt", in: collection)
        #expect(preview.blocks.map { $0.fields.map(\.maxLines) } == Array(repeating: [nil, 4], count: 3))
        #expect(preview.blocks.map { $0.fields.map(\.panel) } == Array(repeating: [nil, "object"], count: 3))
        // English: 5 lines where 4 fit, as the check says: two paragraphs of 2 lines each, and
        // the blank line between them.
        let english = try #require(preview.blocks.last?.fields.last)
        #expect(english.paragraphs.map(\.count) == [2, 2])
    }

    /// The panels a page draws the preview with: name, the font file fontconfig found (the file
    /// the lines were measured with), size, leading and width; a panel whose family is missing
    /// is left out (its fields keep their character limits).
    @Test func panelTypefacesNameTheFontFilesTheLinesAreMeasuredWith() throws {
        let config = try ConfigParser.parse(
            text: Self.config.replacingOccurrences(of: "fields:\n", with: "fields:\n  credit: { panel: credit }\n")
                .replacingOccurrences(
                    of: "panels:\n",
                    with: """
                        panels:
                          credit: { font: No Such Family, size-pt: 12, leading-pt: 14, width-mm: 80, max-lines: 2 }

                        """),
            path: "Captions/captions.yml")
        let collection = CaptionCollection(rootPath: "Captions", config: config, exhibits: [])
        let typefaces = SignageExporter.panelTypefaces(in: collection)
        let object = try #require(PanelFonts(config: config).panels["text"]?.font.path)
        #expect(object.hasSuffix(".ttf"))
        #expect(
            typefaces == [PanelTypeface(name: "object", fontFile: object, sizePt: 24, leadingPt: 30, widthMM: 100)])
        let none = CaptionCollection(
            rootPath: "Captions", config: try ConfigParser.parse(text: "languages: [en]\nsource: en\n", path: "c.yml"),
            exhibits: [])
        #expect(SignageExporter.panelTypefaces(in: none).isEmpty)
    }

    /// The check counts the lines the proof sheet shows.
    @Test func theCheckCountsTheLinesOfTheExport() throws {
        let (_, _, config) = try Self.label()
        let exhibit = ExhibitParser.parse(text: Self.exhibit, path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let findings = try Validator(config: config, only: [OverflowsPanelCheck.self])
            .validate(CaptionCollection(rootPath: "Captions", config: config, exhibits: [exhibit]))
        #expect(findings.map(\.language) == ["kk", "en"])
        #expect(
            findings.last?.message
                == "en text needs 5 lines at 24 pt on the 100 mm panel; 4 fit (1 line, about 1 word, too long)")
    }
}
