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

    /// Words kept in their slot (up to ``WordWidthTable/inlineCapacity`` bytes) and in the arena
    /// (longer), the empty word, and words that share a hash and a length are all told apart,
    /// also after the table has grown.
    @Test func theWordTableTellsApartInlineArenaAndCollidingWords() {
        let table = WordWidthTable()
        let capacity = WordWidthTable.inlineCapacity
        var words: [[UInt8]] = [[]]
        for length in [1, 7, 8, 9, capacity - 1, capacity, capacity + 1, 2 * capacity, 200] {
            words.append(Array(repeating: UInt8(ascii: "a"), count: length))
            words.append(Array(repeating: UInt8(ascii: "a"), count: length - 1) + [UInt8(ascii: "b")])
        }
        words += ["қазақ\u{A0}тілі", String(repeating: "ш", count: 40)].map { Array($0.utf8) }
        // The same hash for every word of one length: only the bytes can tell them apart.
        func fakeHash(_ word: [UInt8]) -> UInt64 { UInt64(word.count + 1) }
        for (index, word) in words.enumerated() {
            word.withUnsafeBufferPointer {
                table.insert($0, hash: fakeHash(word), metrics: WordMetrics(width: index, afterSpace: index % 7))
            }
        }
        // Enough other words to grow the table several times.
        for index in 0..<3000 {
            Array("w\(index)".utf8).withUnsafeBufferPointer {
                table.insert($0, hash: WordWidthTable.hash($0), metrics: WordMetrics(width: -index))
            }
        }
        for (index, word) in words.enumerated() {
            let found = word.withUnsafeBufferPointer { table.metrics(of: $0, hash: fakeHash(word)) }
            #expect(found == WordMetrics(width: index, afterSpace: index % 7), "\(word.count) bytes")
        }
        let absent = [UInt8](repeating: UInt8(ascii: "c"), count: capacity)
        #expect(absent.withUnsafeBufferPointer { table.metrics(of: $0, hash: fakeHash(absent)) } == nil)
        let absentLong = [UInt8](repeating: UInt8(ascii: "a"), count: 200 - 1) + [UInt8(ascii: "c")]
        #expect(absentLong.withUnsafeBufferPointer { table.metrics(of: $0, hash: fakeHash(absentLong)) } == nil)
    }
}
