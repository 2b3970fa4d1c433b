import Foundation
import Testing

@testable import CaptionKit

/// The import reads its XLIFF files on a thread of its own while the collection loads; what it
/// takes must be exactly what reading each file in turn gives, errors included and in order.
@Suite struct XLIFFReadAheadTests {
    /// Writes `count` units (ids `e<i>.title`) as an XLIFF 1.2 file in `folder`.
    static func unitsFile(_ name: String, count: Int, in folder: TestCollection, target: String = "kk") throws -> String
    {
        let units = (0..<count).map {
            """
                  <trans-unit id=\"e\($0).title\"><source>Текст \($0)</source><target>Мәтін \
            \($0)</target></trans-unit>\n
            """
        }.joined()
        let path = folder.root + "/" + name
        try Data(XLIFFReaderTests.document12(units, target: target).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Everything a read-ahead gives, as text.
    static func drain(_ reading: XLIFFReadAhead) -> [String] {
        var items: [String] = []
        while let item = reading.next() {
            switch item {
            case .unit(let unit, let language):
                items.append("\(unit.id) \(language) \(unit.location) \(unit.source) \(unit.target ?? "-")")
            case .finished(let document): items.append("finished \(document.path) \(document.files.count)")
            case .failed(let error): items.append("failed \(error)")
            }
        }
        return items
    }

    /// Batches, a buffer far smaller than the files (so reading pauses again and again), a
    /// second file and a third that is not XML: the same items as reading the files in turn.
    @Test func givesWhatReadingEachFileInTurnGives() throws {
        let folder = try TestCollection(files: [])
        let first = try Self.unitsFile("a.xlf", count: 700, in: folder)
        let second = try Self.unitsFile("b.xlf", count: 3, in: folder, target: "en")
        let broken = folder.root + "/c.xlf"
        try Data("<xliff version=\"1.2\"><file>".utf8).write(to: URL(fileURLWithPath: broken))
        var expected: [String] = []
        for path in [first, second, broken] {
            do throws(CaptionError) {
                let document = try XLIFFReader.read(path: path) { unit, language in
                    expected.append("\(unit.id) \(language) \(unit.location) \(unit.source) \(unit.target ?? "-")")
                }
                expected.append("finished \(document.path) \(document.files.count)")
            } catch {
                expected.append("failed \(error)")
            }
        }
        #expect(expected.count == 706)
        let reading = XLIFFReadAhead(files: [first, second, broken, first], maximumSize: 1 << 20, bufferLimit: 4096)
        #expect(Self.drain(reading) == expected)
    }

    /// Cancelling while the reader waits for room, or before it has read anything, stops it.
    @Test func cancellingStopsTheReader() throws {
        let folder = try TestCollection(files: [])
        let file = try Self.unitsFile("a.xlf", count: 2000, in: folder)
        let waiting = XLIFFReadAhead(files: [file], maximumSize: 1 << 20, bufferLimit: 1024)
        _ = waiting.next()
        waiting.cancel()
        XLIFFReadAhead(files: [file, file], maximumSize: 1 << 20).cancel()
        let reading = XLIFFReadAhead(files: [file], maximumSize: 1 << 20)
        #expect(Self.drain(reading).count == 2001)
    }

    /// A collection that cannot be loaded is reported, not the XLIFF file read meanwhile.
    @Test func aMissingCollectionIsReportedBeforeABadFile() throws {
        let folder = try TestCollection(files: [])
        let bad = folder.root + "/bad.xlf"
        try Data("<?xml version=\"1.0\"?>\n<!DOCTYPE x []><xliff/>".utf8).write(to: URL(fileURLWithPath: bad))
        let missing = folder.root + "/no-such-collection"
        #expect(throws: CaptionError.collectionNotFound(path: missing)) {
            try XLIFFImporter.run(XLIFFImportOptions(files: [bad]), collectionPath: missing)
        }
        let collection = try TestCollection(files: [("g/a.yml", "id: a\ntitle:\n  ru: Курт\n")])
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: bad, line: 2, column: 1), XMLStreamReader.doctypeMessage)
        ) {
            try XLIFFImporter.run(XLIFFImportOptions(files: [bad]), collectionPath: collection.root)
        }
    }

    /// Units without target, with empty texts and with long texts, across many batches: the
    /// strings made from each batch's buffer are the units read.
    @Test func textsKeptAsBytesComeBackAsTheUnitsRead() throws {
        let folder = try TestCollection(files: [])
        let long = String(repeating: "Ұзын мәтін ✓ ", count: 300)
        let units = (0..<1500).map { index -> String in
            switch index % 3 {
            case 0: return "<trans-unit id=\"e\(index).title\"><source>Текст \(index)</source></trans-unit>\n"
            case 1: return "<trans-unit id=\"e\(index).text\"><source></source><target></target></trans-unit>\n"
            default:
                return
                    """
                    <trans-unit \
                    id=\"e\(index).text\"><source>\(long)\(index)</source><target>\(index)\(long)</target></trans-\
                    unit>\n
                    """
            }
        }.joined()
        let path = folder.root + "/a.xlf"
        try Data(XLIFFReaderTests.document12(units).utf8).write(to: URL(fileURLWithPath: path))
        var expected: [XLIFFDocument.Unit] = []
        _ = try XLIFFReader.read(path: path) { unit, _ in expected.append(unit) }
        let reading = XLIFFReadAhead(files: [path], maximumSize: 1 << 30, bufferLimit: 64 << 10)
        var taken: [XLIFFDocument.Unit] = []
        while let item = reading.next() {
            if case .unit(let unit, "kk") = item { taken.append(unit) }
        }
        #expect(taken.count == 1500)
        #expect(taken == expected)
        #expect(
            taken[2].source == long + "2" && taken[2].target == "2" + long && taken[0].target == nil
                && taken[1].target == "")
    }
}
