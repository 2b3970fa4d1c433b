import Foundation
import Testing

@testable import CaptionKit

/// XLIFF files saved as UTF-16 (with a byte order mark, little- or big-endian, as some Windows
/// translation tools write them) or with CR LF or lone CR line ends are imported like UTF-8 ones,
/// and their findings point at the true line and column: lines ended by CR LF, LF or CR (XML 1.0
/// §2.11), columns in characters.
@Suite struct XLIFFEncodingPositionTests {
    /// How a file is saved.
    enum Saving: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case utf8LF, utf8CRLF, utf8CR, utf16LittleEndian, utf16BigEndian, utf16LittleEndianCR
        var testDescription: String { rawValue }

        /// The bytes of `text` (written with LF and an UTF-8 declaration) saved this way.
        func bytes(_ text: String) -> Data {
            let lines: String
            switch self {
            case .utf8CRLF: lines = text.replacingOccurrences(of: "\n", with: "\r\n")
            case .utf8CR, .utf16LittleEndianCR: lines = text.replacingOccurrences(of: "\n", with: "\r")
            default: lines = text
            }
            let utf16 = lines.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            switch self {
            case .utf8LF, .utf8CRLF, .utf8CR: return Data(lines.utf8)
            case .utf16LittleEndian, .utf16LittleEndianCR:
                return Data([0xFF, 0xFE]) + utf16.data(using: .utf16LittleEndian)!
            case .utf16BigEndian: return Data([0xFE, 0xFF]) + utf16.data(using: .utf16BigEndian)!
            }
        }
    }

    static let captions = "id: k\ntitle:\n  ru: Курт\n"

    /// An unknown unit after a comment with Kazakh letters on line 8 (the `<` of `<trans-unit` is
    /// character 21, byte 25), and a target whose layout whitespace is dropped at line 5,
    /// character 53 (byte 57).
    static let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
          <file original="Captions" source-language="ru" target-language="kk" datatype="plaintext">
            <body>
              <trans-unit id="k.title"><source>Курт</source><target>
                Құрт ірімшігі
              </target></trans-unit>
              <!-- Құрт --> <trans-unit id="x.title"><source>Жоқ</source><target>Жоқ!</target></trans-unit>
            </body>
          </file>
        </xliff>

        """

    @Test(arguments: Saving.allCases)
    func findingsPointAtTheTruePosition(_ saving: Saving) throws {
        let collection = try TestCollection(
            files: [("g/k.yml", Self.captions)], config: "languages: [kk, ru, en]\nsource: ru\n")
        let path = collection.root + "/.returned/kk.xlf"
        try collection.write(".returned/kk.xlf", "")
        try saving.bytes(Self.xliff).write(to: URL(fileURLWithPath: path))
        let report = try XLIFFImporter.run(
            XLIFFImportOptions(files: [path], dryRun: true), collectionPath: collection.root)
        #expect(
            report.problems.map(\.formatted) == [
                "\(path):8:21: error: unit 'x.title' names no exhibit of \(collection.root) [unknown-unit]"
            ])
        #expect(
            report.warnings.map { "\($0.location.line):\($0.location.column) [\($0.checkID)]" } == [
                "5:53 [whitespace-dropped]"
            ])
        #expect(report.files.map(\.applied) == [1])
    }

    /// libxml2's own errors (malformed XML) point where they do in the UTF-8 file with LF.
    @Test(arguments: Saving.allCases)
    func malformedXMLIsReportedAtTheSamePosition(_ saving: Saving) throws {
        let malformed = Self.xliff.replacingOccurrences(of: "    Құрт ірімшігі", with: "    Құрт <b>x</c>")
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: "m.xlf", line: 6, column: 22),
                "malformed XML: Opening and ending tag mismatch: b line 6 and c")
        ) {
            try XLIFFReader.parse(saving.bytes(malformed), path: "m.xlf")
        }
    }

    /// A UTF-16 file holding characters outside the Basic Multilingual Plane (surrogate pairs)
    /// comes back exactly as its UTF-8 twin: the same caption files, byte for byte.
    @Test(arguments: XLIFFVersion.allCases, [Saving.utf16LittleEndian, .utf16BigEndian, .utf16LittleEndianCR])
    func utf16ImportsLosslesslyAsItsUTF8Twin(_ version: XLIFFVersion, _ saving: Saving) throws {
        let utf8Museum = try copyOfBundledMuseum()
        try XLIFFImportTests.removeTranslation(
            "memorial-park/stalin-wagon.yml", field: "text", language: "kk", in: utf8Museum)
        try XLIFFImportTests.removeTranslation(
            "museum-second-floor/kurt-story.yml", field: "title", language: "kk", in: utf8Museum)
        let files = try XLIFFImportTests.export(utf8Museum, version, needed: true, prefill: version == .v1_2)
        let kazakh = try #require(files.first { $0.path.hasSuffix("kk.xlf") })
        let filled = try fillingTargets(kazakh.data) { _ in "Құрт 👩🏽‍🎓 𝔸 «сөз» & <тег>\nекінші жол" }
        try filled.write(to: URL(fileURLWithPath: kazakh.path))

        let utf16Museum = try TestCollection(files: [])
        try FileManager.default.removeItem(atPath: utf16Museum.root)
        try FileManager.default.copyItem(atPath: utf8Museum.root, toPath: utf16Museum.root)
        let utf16Path = utf16Museum.root + "/.exports/" + URL(fileURLWithPath: kazakh.path).lastPathComponent
        let utf16Bytes = saving.bytes(String(decoding: filled, as: UTF8.self))
        try utf16Bytes.write(to: URL(fileURLWithPath: utf16Path))
        #expect(utf16Bytes.prefix(2) == (saving == .utf16BigEndian ? Data([0xFE, 0xFF]) : Data([0xFF, 0xFE])))

        let utf8Report = try XLIFFImporter.run(
            XLIFFImportOptions(files: [kazakh.path]), collectionPath: utf8Museum.root)
        let utf16Report = try XLIFFImporter.run(
            XLIFFImportOptions(files: [utf16Path]), collectionPath: utf16Museum.root)
        #expect(utf8Report.problems.isEmpty && utf16Report.problems.isEmpty)
        #expect(utf8Report.files.map(\.applied) == [2])
        #expect(utf16Report.files.map(\.applied) == utf8Report.files.map(\.applied))
        #expect(try snapshotOfFiles(in: utf16Museum.root) == snapshotOfFiles(in: utf8Museum.root))
        let kurt = try #require(try utf16Museum.load().exhibits.first { $0.id == "kurt-story" })
        #expect(kurt.field("title")?.translation("kk")?.text == "Құрт 👩🏽‍🎓 𝔸 «сөз» & <тег>\nекінші жол")
    }

    /// Half a surrogate pair cannot be read without losing text: a located error, not a
    /// replacement character.
    @Test func anUnpairedSurrogateIsALocatedError() throws {
        let units = Array("<?xml version=\"1.0\"?>\r\n<xliff>Қ".utf16) + [0xD800] + Array("</xliff>".utf16)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in units { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: "u.xlf", line: 2, column: 9),
                "the file is UTF-16 but has an unpaired surrogate here; it cannot be read without losing text")
        ) {
            try XLIFFReader.parse(Data(bytes), path: "u.xlf")
        }
    }
}
