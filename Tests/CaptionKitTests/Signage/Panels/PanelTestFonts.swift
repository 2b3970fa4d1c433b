import Foundation
import Testing

@testable import CaptionKit

/// The font and tool the panel tests need: PT Sans (Debian fonts-paratype) and `hb-shape`
/// (Debian libharfbuzz-bin). Tests that need one skip, saying so once, when it is missing.
enum PanelTestFonts {
    /// PT Sans Regular's file, when fontconfig has the family itself (not a substitute).
    static let ptSans: String? = {
        guard let match = FontResolver.match(family: "PT Sans", style: nil), match.isExact else {
            print("⚠️ SKIPPING panel measurement tests: PT Sans is not installed (apt-get install fonts-paratype)")
            return nil
        }
        return match.path
    }()

    /// Whether PT Sans is installed.
    static var hasPTSans: Bool { ptSans != nil }

    /// The `hb-shape` executable, when installed.
    static let hbShape: String? = {
        for candidate in ["/usr/bin/hb-shape", "/usr/local/bin/hb-shape"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        print("⚠️ SKIPPING comparisons with hb-shape: it is not installed (apt-get install libharfbuzz-bin)")
        return nil
    }()

    /// Whether PT Sans and `hb-shape` are both there.
    static var canCompareWithHBShape: Bool { hasPTSans && hbShape != nil }

    /// The x advances `hb-shape` gives for `text` in `language` set in the font at `path`, at
    /// its default size (the face's units per em), with HarfBuzz's OpenType font functions.
    static func hbShapeAdvances(_ text: String, language: String, font path: String) throws -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(hbShape))
        process.arguments = [
            "--font-funcs=ot", "--language=\(language)", "--output-format=json", "--no-glyph-names", path, text,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try JSONSerialization.jsonObject(with: data)
        guard let glyphs = json as? [[String: Any]] else { throw HBShapeOutput.notAList }
        return try glyphs.map { glyph in
            guard let advance = glyph["ax"] as? Int else { throw HBShapeOutput.noAdvance }
            return advance
        }
    }
}

/// What `hb-shape` printed that the tests could not read.
enum HBShapeOutput: Error {
    case notAList
    case noAdvance
}
