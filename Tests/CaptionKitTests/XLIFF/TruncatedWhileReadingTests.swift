import Foundation
import Testing

@testable import CaptionKit

#if canImport(Glibc)
    import Glibc
#endif

/// A file truncated by another program while the memory-mapped XML reader reads it: the read
/// ends with a located error instead of the process dying of SIGBUS.
@Suite struct TruncatedWhileReadingTests {
    /// A well-formed XML file of about 8 MB (a couple of thousand pages).
    static func largeDocument(at path: String) throws {
        var text = "<?xml version=\"1.0\"?>\n<root>\n"
        let line = "<unit id=\"u\"><source>" + String(repeating: "Текст ", count: 60) + "</source></unit>\n"
        for _ in 0..<(8 << 20) / line.utf8.count { text += line }
        text += "</root>\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func truncationDuringTheReadIsAnErrorNotACrash() throws {
        let folder = try TestCollection(files: [])
        let path = folder.root + "/big.xlf"
        try Self.largeDocument(at: path)
        var events = 0
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: path),
                "the file shrank while it was being read (another program changed it); try again when it is complete")
        ) {
            try XMLStreamReader.read(path: path) { _ in
                events += 1
                // After the first unit: another program cuts the file to 100 bytes (truncate(2)).
                if events == 3 { #expect(truncate(path, 100) == 0) }
            }
        }
        #expect(events > 3)
    }

    @Test func aTruncatedFileReadAgainIsAnOrdinaryLocatedError() throws {
        let folder = try TestCollection(files: [])
        let path = folder.root + "/big.xlf"
        try Self.largeDocument(at: path)
        #expect(truncate(path, 100) == 0)
        do {
            try XMLStreamReader.read(path: path) { _ in }
            Issue.record("a truncated document was read without an error")
        } catch {
            #expect(error.description.hasPrefix(path + ":"))
        }
    }
}
