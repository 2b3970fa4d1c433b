import Foundation
import Testing

@testable import CaptionKit

/// `captions import` of targets in decomposed form (NFD, as a macOS tool may write й and ё):
/// written composed (NFC), and compared composed, so `captions check` has nothing to report.
@Suite struct ImportDecomposedTargetsTests {
    static let caption = "id: k\ntitle:\n  kk: Ойын\n  ru: Игра\ntext:\n  ru: Первая зима. Ёлка и песня.\n"
    static let text = "Бірінші қыс. Ёлка мен күй."

    /// `text` decomposed: й as и + U+0306, ё and Ё as е and Е + U+0308.
    static func decomposed(_ text: String) -> String {
        text.replacingOccurrences(of: "й", with: "и\u{0306}").replacingOccurrences(of: "Ё", with: "Е\u{0308}")
            .replacingOccurrences(of: "ё", with: "е\u{0308}")
    }

    /// A returned file with the title as the caption has it and a new text, both decomposed.
    static func returned(_ version: XLIFFVersion) -> String {
        let units = [
            ("k.title", "Игра", decomposed("Ойын")), ("k.text", "Первая зима. Ёлка и песня.", decomposed(text)),
        ]
        if version == .v1_2 {
            return XLIFF12Fixture.file(units.map { XLIFF12Fixture.line($0.0, source: $0.1, target: $0.2) })
        }
        let body = units.map { id, source, target in
            "    <unit id=\"\(id)\" xml:space=\"preserve\"><segment state=\"translated\"><source>\(source)</source>"
                + "<target>\(target)</target></segment></unit>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f1">
            \(body.joined())  </file>
            </xliff>

            """
    }

    /// The new text is written in NFC (the exact bytes); the title, the same as the caption's once
    /// composed, is unchanged; check then reports nothing not normalized.
    @Test(arguments: XLIFFVersion.allCases) func decomposedTargetsAreWrittenComposed(_ version: XLIFFVersion) throws {
        #expect(!Self.decomposed(Self.text).utf8.elementsEqual(Self.text.utf8))
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru]\nsource: ru\n")
        try folder.write("Captions/g/k.yml", Self.caption)
        try folder.write("returned/kk.xlf", Self.returned(version))
        let run = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "returned/kk.xlf (kk): 1 applied, 1 unchanged, 0 not translated, 0 conflicts, 0 unknown ids\n"
                + "wrote Captions/g/k.yml\n")
        let expected =
            "id: k\ntitle:\n  kk: Ойын\n  ru: Игра\ntext:\n  kk: Бірінші қыс. Ёлка мен күй.\n"
            + "  ru: Первая зима. Ёлка и песня.\n"
            + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
            + "  text: { kk: \(SourceFingerprint.of("Первая зима. Ёлка и песня.")) }\n"
        // Bytes, not strings: Swift compares strings by canonical equivalence.
        let written = try #require(FileManager.default.contents(atPath: folder.path + "/Captions/g/k.yml"))
        #expect(Array(written) == Array(expected.utf8))
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(!check.stdout.contains("not-normalized"), "\(check.stdout)")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // Imported again: nothing changes, the composed text being the caption's.
        let again = try CLIRun.run(["import", "returned/kk.xlf"], in: folder.path)
        #expect(
            again.stdout
                == "returned/kk.xlf (kk): 0 applied, 2 unchanged, 0 not translated, 0 conflicts, 0 unknown ids\n")
        #expect(FileManager.default.contents(atPath: folder.path + "/Captions/g/k.yml") == written)
    }
}
