import Foundation
import Testing

/// libxml2 reads a document in the encoding its XML declaration names (through iconv), and
/// UCS-4 and EBCDIC from the first bytes; the DOCTYPE scan reads UTF-8. A document with an
/// internal subset disguised by its encoding is refused before either reads it, as XLIFF and
/// as TBX: exit 2, one located line, nothing written.
@Suite struct XMLEncodingRefusalTests {
    /// The ways of saving the document.
    enum Disguise: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case iso2022JP, utf7, utf32BigEndian, ebcdic
        var testDescription: String { rawValue }

        /// An internal subset declaring an entity, and the root using it.
        static let body = "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>\n"

        var bytes: [UInt8] {
            switch self {
            case .iso2022JP:
                // The scan read a SYSTEM literal ending at the `"` inside the JIS run (ESC $ B ...
                // ESC ( B), and no internal subset after it; libxml2 reads the kanji 0" and an
                // internal subset.
                return Array("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>".utf8)
                    + Array("<!DOCTYPE x SYSTEM \"a".utf8) + [0x1B, 0x24, 0x42] + Array("0\">0".utf8)
                    + [0x1B, 0x28, 0x42] + Array("\" [<!ENTITY e \"boom\">]><x>&e;</x>\n".utf8)
            case .utf7:
                // `<!DOCTYPE` as +ADwAIQ-: the scan stopped at the `+`.
                return Array(
                    ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADwAIQ-DOCTYPE x +AFsAPAAh-ENTITY e "
                        + "+ACI-boom+ACIAPgBdAD4APA-x+AD4AJg-e+ADsAPAAv-x+AD4-\n").utf8)
            case .utf32BigEndian:
                return ("<?xml version=\"1.0\"?>" + Self.body).unicodeScalars.flatMap { scalar in
                    (0..<4).reversed().map { UInt8(truncatingIfNeeded: scalar.value >> ($0 * 8)) }
                }
            case .ebcdic:
                // IBM037: digits F0–F9, letters in three runs, and the punctuation used here.
                let punctuation: [Character: UInt8] = [
                    " ": 0x40, "<": 0x4C, "?": 0x6F, "=": 0x7E, "\"": 0x7F, ".": 0x4B, "!": 0x5A, "[": 0xBA,
                    "]": 0xBB, ">": 0x6E, "&": 0x50, ";": 0x5E, "/": 0x61, "\n": 0x25,
                ]
                return ("<?xml version=\"1.0\" encoding=\"IBM037\"?>" + Self.body).map { character in
                    if let byte = punctuation[character] { return byte }
                    let value = character.asciiValue!
                    let (base, letters): (UInt8, [ClosedRange<UInt8>]) =
                        character.isUppercase
                        ? (0x41, [0xC1...0xC9, 0xD1...0xD9, 0xE2...0xE9])
                        : character.isNumber ? (0x30, [0xF0...0xF9]) : (0x61, [0x81...0x89, 0x91...0x99, 0xA2...0xA9])
                    return Array(letters.joined())[Int(value - base)]
                }
            }
        }

        /// Where the refusal is, and what it says.
        var refusal: String {
            switch self {
            case .iso2022JP: "1:21: error: the file is in ISO-2022-JP"
            case .utf7: "1:21: error: the file is in UTF-7"
            case .utf32BigEndian: "1:1: error: the file is in UTF-32 (UCS-4)"
            case .ebcdic: "1:1: error: the file is in EBCDIC"
            }
        }
    }

    @Test(arguments: Disguise.allCases, ["bad.xlf", "bad.tbx"])
    func aDocumentInAnotherEncodingIsRefused(_ disguise: Disguise, _ name: String) throws {
        let folder = try GlossaryExportTests.folder()
        // An exhibit to import into: a collection without one stops an XLIFF import first.
        try folder.write("Captions/kurt.yml", "id: kurt\ntitle: { ru: Курт }\n")
        try Data(disguise.bytes).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        let run = try CLIRun.run(["import", name], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "\(name):\(disguise.refusal); XLIFF and TBX files are read in UTF-8 or UTF-16 (save it as UTF-8)\n")
        #expect(try folder.read("Captions/glossary.yml") == GlossaryExportTests.glossary)
    }
}
