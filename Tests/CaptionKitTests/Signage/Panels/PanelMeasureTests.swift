import Foundation
import Testing

@testable import CaptionKit

/// The panel width function measures exactly what HarfBuzz's own `hb-shape` measures.
@Suite struct PanelMeasureTests {
    /// Test strings in each language: Kazakh letters, Russian, English kerning pairs (AV, To,
    /// Ty), guillemets, dashes, no-break spaces and digits, and spaces next to glyphs that PT
    /// Sans kerns against a space (т, —, «).
    static let samples: [(language: String, text: String)] = [
        ("kk", "Құрт — кептірілген ірімшік, көшпелілердің жол азығы."),
        ("kk", "1938\u{A0}жылы «АЛЖИР» лагеріне 18\u{A0}000-нан астам әйел әкелінді; Ұлытау, Өскемен, Үржар."),
        ("ru", "Курт — сушёный сыр, дорожная еда кочевников, его едят и\u{A0}зимой, и\u{A0}летом."),
        ("ru", "В 1937–1938\u{A0}годах в «Акмолинский лагерь жён изменников Родины» («АЛЖИР») прибыли тысячи женщин."),
        ("en", "AVA To. Ty Wa — “Kurt” is a dried cheese, the travel food of nomads."),
        ("en", "The Akmola Camp for Wives of Traitors to the Motherland (ALZHIR) opened in 1938."),
    ]

    @Test(.enabled(if: PanelTestFonts.canCompareWithHBShape), arguments: samples.indices)
    func glyphAdvancesAreHBShapes(_ index: Int) throws {
        let (language, text) = Self.samples[index]
        let path = try #require(PanelTestFonts.ptSans)
        let font = try #require(ShapingFont(path: path))
        let ours = Array(text.utf8).withUnsafeBufferPointer {
            font.advances(of: $0, language: ShapingFont.ShapingLanguage(language))
        }
        #expect(ours == (try PanelTestFonts.hbShapeAdvances(text, language: language, font: path)))
    }

    /// A line breaks exactly where the whole line shaped by `hb-shape` stops fitting: at the
    /// width of the whole line it is one line, one font unit narrower it is two. So the cached
    /// word widths plus the spaces and their kerning add up to the shaped line.
    @Test(.enabled(if: PanelTestFonts.canCompareWithHBShape), arguments: samples.indices)
    func cachedWordWidthsAddUpToTheShapedLine(_ index: Int) throws {
        let (language, text) = Self.samples[index]
        let path = try #require(PanelTestFonts.ptSans)
        let measure = FontMeasure(font: try #require(ShapingFont(path: path)), language: language)
        let lineWidth = try PanelTestFonts.hbShapeAdvances(text, language: language, font: path).reduce(0, +)
        let typeset = TypesetText(text)
        // Twice: the second time every word comes from the cache.
        for _ in 0..<2 {
            #expect(PanelFit(typeset, width: lineWidth, maxLines: 1, measure: measure).lines == 1)
            #expect(PanelFit(typeset, width: lineWidth - 1, maxLines: 1, measure: measure).lines == 2)
        }
        // Each word alone, too.
        for word in text.split(separator: " ") {
            let expected = try PanelTestFonts.hbShapeAdvances(String(word), language: language, font: path).reduce(0, +)
            let width = Array(word.utf8).withUnsafeBufferPointer { measure.width(ofWord: $0, isSimple: false) }
            #expect(width == expected, "\(word)")
        }
    }

    @Test(.enabled(if: PanelTestFonts.hasPTSans))
    func panelWidthIsMillimetresInFontUnits() throws {
        let path = try #require(PanelTestFonts.ptSans)
        let font = try #require(ShapingFont(path: path))
        #expect(font.unitsPerEm == 1000)
        let profile = PanelSettings.Profile(
            name: "object", font: "PT Sans", fontLocation: SourceLocation(path: "c.yml", line: 1, column: 1),
            sizePt: 24, leadingPt: 30, widthMM: 300, maxLines: 12)
        // 300 mm = 850.39 pt = 35.43 em of 24 pt = 35,433 units of 1000 to the em.
        #expect(MeasuredPanel.lineWidth(of: profile, unitsPerEm: font.unitsPerEm) == 35_433)
    }

    @Test func theWordTableFindsEveryWordItStoredAndNoOther() {
        let table = WordWidthTable()
        let words = (0..<5000).map { "слово\($0)" }
        for (index, word) in words.enumerated() {
            Array(word.utf8).withUnsafeBufferPointer {
                table.insert($0, hash: WordWidthTable.hash($0), metrics: WordMetrics(width: index, beforeSpace: -index))
            }
        }
        #expect(table.count == 5000)
        for (index, word) in words.enumerated() {
            let found = Array(word.utf8).withUnsafeBufferPointer {
                table.metrics(of: $0, hash: WordWidthTable.hash($0))
            }
            #expect(found == WordMetrics(width: index, beforeSpace: -index))
        }
        let missing = Array("слово5000".utf8).withUnsafeBufferPointer {
            table.metrics(of: $0, hash: WordWidthTable.hash($0))
        }
        #expect(missing == nil)
    }
}
