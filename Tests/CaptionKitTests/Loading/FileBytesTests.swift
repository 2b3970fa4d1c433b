import Foundation
import Testing

@testable import CaptionKit

/// Reading exhibit files straight into the parser's buffer gives what reading them with
/// `FileManager` and parsing the `Data` gave.
@Suite struct FileBytesTests {
    /// The file's bytes as ``FileBytes/contents(ofFile:)`` reads them, or `nil`.
    private func bytes(_ path: String) -> [UInt8]? {
        guard let (buffer, count) = FileBytes.contents(ofFile: path) else { return nil }
        defer { buffer.deallocate() }
        return Array(buffer[..<count])
    }

    @Test func readsWhatFileManagerReads() throws {
        let texts: [(String, [UInt8])] = [
            ("empty.yml", []),
            ("bom.yml", [0xEF, 0xBB, 0xBF] + Array("id: a\ntitle:\n  ru: Текст\n".utf8)),
            ("only-bom.yml", [0xEF, 0xBB, 0xBF]),
            ("invalid.yml", Array("id: a\ntitle:\n  ru: ".utf8) + [0xD0, 0x20, 0xFF] + Array("\n".utf8)),
            ("big.yml", Array(String(repeating: "text: қазақ мәтіні ", count: 20_000).utf8)),
        ]
        let folder = try TestCollection(files: [])
        for (name, content) in texts {
            let path = folder.root + "/" + name
            try Data(content).write(to: URL(fileURLWithPath: path))
            #expect(bytes(path) == content, "\(name)")
            #expect(bytes(path) == FileManager.default.contents(atPath: path).map(Array.init), "\(name)")
        }
    }

    @Test func aFileLargerThanItsReportedSizeIsReadToTheEnd() throws {
        // Files in /proc report a size of 0: the buffer grows until the end of the file.
        let path = "/proc/version"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let read = try #require(bytes(path))
        #expect(!read.isEmpty)
        #expect(read == FileManager.default.contents(atPath: path).map(Array.init))
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSizeWithoutBeingRead() throws {
        let folder = try TestCollection(files: [])
        let path = folder.root + "/huge.yml"
        let size = ExhibitParser.maximumFileSize + 1
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size))  // sparse: no memory or disk needed
        try handle.close()
        guard case .tooLarge(let reported) = FileBytes.contents(ofFile: path, limit: ExhibitParser.maximumFileSize)
        else {
            Issue.record("not refused")
            return
        }
        #expect(reported == size)
        let exhibit = CollectionLoader.readExhibit("huge.yml", root: folder.root)
        #expect(
            exhibit.loadFindings.map(\.message) == [
                "file is \(size) bytes; exhibit files are limited to \(ExhibitParser.maximumFileSize) bytes"
            ])
        let parsed = ExhibitParser.parse(data: Data(count: size), path: path, relativePath: "huge.yml")
        #expect(exhibit.loadFindings == parsed.loadFindings)
    }

    @Test func missingFilesAndFoldersCannotBeRead() throws {
        let folder = try TestCollection(files: [("sub/a.yml", "id: a\n")])
        #expect(bytes(folder.root + "/nothing.yml") == nil)
        #expect(bytes(folder.root + "/sub") == nil)
        #expect(FileManager.default.contents(atPath: folder.root + "/sub") == nil)
    }

    @Test func readExhibitEqualsParsingTheFilesData() throws {
        let files: [(String, [UInt8])] = [
            ("a/plain.yml", Array("id: plain\ntitle:\n  kk: Атауы\n  ru: Название\n  en: Title\n".utf8)),
            ("a/bom.yml", [0xEF, 0xBB, 0xBF] + Array("id: bom\ntitle:\n  ru: Текст\n".utf8)),
            ("a/empty.yml", []),
            ("a/only-bom.yml", [0xEF, 0xBB, 0xBF]),
            ("a/two-boms.yml", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8)),
            ("a/invalid.yml", Array("id: bad\ntitle:\n  ru: ".utf8) + [0xD0, 0x20, 0xFF] + Array("\n".utf8)),
            ("a/syntax.yml", Array("id: [unclosed\n".utf8)),
            ("a/block.yml", Array("id: b\ntext:\n  ru: |\n    Строка 1\n    Строка 2\n\n".utf8)),
        ]
        let folder = try TestCollection(files: [])
        for (name, content) in files {
            try FileManager.default.createDirectory(
                atPath: folder.root + "/a", withIntermediateDirectories: true)
            try Data(content).write(to: URL(fileURLWithPath: folder.root + "/" + name))
        }
        for (name, _) in files {
            let path = folder.root + "/" + name
            let data = try #require(FileManager.default.contents(atPath: path))
            let expected = ExhibitParser.parse(data: data, path: path, relativePath: name)
            #expect(CollectionLoader.readExhibit(name, root: folder.root) == expected, "\(name)")
        }
    }

    @Test func aFolderOrAMissingFileIsReportedSayingWhichItIs() throws {
        let folder = try TestCollection(files: [("dir.yml/x.txt", "x")])
        let exhibit = CollectionLoader.readExhibit("dir.yml", root: folder.root)
        #expect(!exhibit.isReadable)
        #expect(exhibit.loadFindings.map(\.message) == ["a folder stands where a caption file should be; skipped"])
        let missing = CollectionLoader.readExhibit("gone.yml", root: folder.root)
        #expect(missing.loadFindings.map(\.message) == ["file cannot be read (no such file or directory)"])
        #expect(missing.loadFindings.map(\.location) == [SourceLocation(path: folder.root + "/gone.yml")])
    }

    @Test func aFileOverTheSizeLimitIsReportedWithItsSize() throws {
        let folder = try TestCollection(files: [])
        let content = [UInt8](repeating: UInt8(ascii: "a"), count: ExhibitParser.maximumFileSize + 1)
        try Data(content).write(to: URL(fileURLWithPath: folder.root + "/big.yml"))
        let exhibit = CollectionLoader.readExhibit("big.yml", root: folder.root)
        let expected = ExhibitParser.parse(data: Data(content), path: folder.root + "/big.yml", relativePath: "big.yml")
        #expect(exhibit == expected)
        #expect(
            exhibit.loadFindings.map(\.message) == [
                """
                file is \(ExhibitParser.maximumFileSize + 1) bytes; exhibit files are limited to \
                \(ExhibitParser.maximumFileSize) bytes
                """
            ])
    }
}
