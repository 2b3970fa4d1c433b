import Foundation
import Testing

@testable import CaptionKit

/// A field measured on a panel (its font found) is held to the panel's lines, not to its
/// `max-chars`: its units carry the panel in a note and no character limit a CAT tool would
/// enforce wrongly.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct XLIFFPanelLimitTests {
    static func unit(_ id: String, in document: String) throws -> String {
        let start = try #require(
            document.range(of: "<trans-unit id=\"\(id)\"") ?? document.range(of: "<unit id=\"\(id)\""))
        let rest = document[start.lowerBound...]
        let end = try #require(rest.range(of: "</trans-unit>") ?? rest.range(of: "</unit>"))
        return String(rest[..<end.upperBound])
    }

    @Test func aMeasuredFieldHasThePanelsLinesInsteadOfACharacterLimit() throws {
        let museum = try copyOfBundledMuseum()
        let files = try XLIFFImportTests.export(museum, .v1_2)
        let english = String(decoding: try #require(files.first { $0.path.hasSuffix("ru-en.xlf") }).data, as: UTF8.self)
        let text = try Self.unit("stalin-wagon.text", in: english)
        #expect(!text.contains("maxwidth"))
        #expect(
            text.contains(
                "<note from=\"captions\">At most 12 lines on the printed panel, 300 mm wide, in PT Sans at 24 pt: captions check "
                    + "measures the text in this font, so the number of characters that fit depends on the letters.</note>"
            ))
        #expect(try Self.unit("stalin-wagon.title", in: english).contains("in PT Sans Bold at 40 pt"))
        #expect(!english.contains("maxwidth"))
        let version2 = try XLIFFImportTests.export(museum, .v2_0)
        let english2 = String(
            decoding: try #require(version2.first { $0.path.hasSuffix("ru-en.xlf") }).data, as: UTF8.self)
        #expect(!english2.contains("sizeRestriction"))
    }

    @Test func aFieldWhosePanelFontIsMissingKeepsItsCharacterLimit() throws {
        let museum = try copyOfBundledMuseum()
        let config = museum.root + "/captions.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "object: { font: \"PT Sans\",", with: "object: { font: \"No Such Typeface\",")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let files = try XLIFFImportTests.export(museum, .v1_2)
        let english = String(decoding: try #require(files.first { $0.path.hasSuffix("ru-en.xlf") }).data, as: UTF8.self)
        let unit = try Self.unit("stalin-wagon.text", in: english)
        #expect(unit.contains("maxwidth=\"900\" size-unit=\"char\""))
        #expect(unit.contains("<note from=\"captions\">At most 900 characters: the space on the panel.</note>"))
        #expect(try Self.unit("stalin-wagon.title", in: english).contains("in PT Sans Bold at 40 pt"))
    }
}
