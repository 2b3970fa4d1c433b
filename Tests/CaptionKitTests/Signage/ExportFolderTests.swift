import Foundation
import Testing

@testable import CaptionKit

@Suite struct ExportFolderTests {
    let fixture: TestCollection
    var out: String { fixture.root + "/out" }

    init() throws {
        fixture = try TestCollection(files: [])
    }

    func files(_ paths: [String]) -> [(path: String, data: Data)] {
        paths.map { ($0, Data("\($0)\n".utf8)) }
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: out + "/" + relative)
    }

    @Test func writesFilesAndAManifest() throws {
        let folder = ExportFolder(path: out)
        let removed = try folder.replace(with: files(["a/one.txt", "proof.html"]), owning: { _ in true })
        #expect(removed.isEmpty)
        #expect(try fixture.read("out/a/one.txt") == "a/one.txt\n")
        #expect(
            try fixture.read("out/.captions-manifest") == """
                # Files written by `captions export signage`; the next export removes those it no longer writes.
                a/one.txt
                proof.html

                """)
    }

    @Test func removesStaleFilesItWroteAndLeavesForeignFilesAlone() throws {
        let folder = ExportFolder(path: out)
        _ = try folder.replace(with: files(["a/one.txt", "a/two.txt", "b/three.txt"]), owning: { _ in true })
        try fixture.write("out/a/notes-from-designer.txt", "mine")
        try fixture.write("out/b/keep.indd", "mine")
        let removed = try folder.replace(with: files(["a/one.txt"]), owning: { _ in true })
        #expect(removed == ["a/two.txt", "b/three.txt"])
        #expect(exists("a/one.txt") && !exists("a/two.txt") && !exists("b/three.txt"))
        #expect(try fixture.read("out/a/notes-from-designer.txt") == "mine")
        #expect(try fixture.read("out/b/keep.indd") == "mine")
        #expect(try fixture.read("out/.captions-manifest").hasSuffix("writes.\na/one.txt\n"))
    }

    /// An interrupted earlier export left temporaries; the next one removes them and nothing
    /// else that merely looks like one.
    @Test func removesTemporariesAnInterruptedExportLeft() throws {
        try fixture.write("out/a/.captions-Ab3xZ9.tmp", "half")
        try fixture.write("out/a/.captions-notes.tmp", "mine")
        try fixture.write("out/a/captions-Ab3xZ9.tmp", "mine")
        _ = try ExportFolder(path: out).replace(with: files(["a/one.txt"]), owning: { _ in true })
        #expect(!exists("a/.captions-Ab3xZ9.tmp"))
        #expect(exists("a/.captions-notes.tmp") && exists("a/captions-Ab3xZ9.tmp"))
        #expect(exists("a/one.txt"))
    }

    @Test func removesFoldersItEmptied() throws {
        let folder = ExportFolder(path: out)
        _ = try folder.replace(with: files(["gone/deep/x.txt", "kept/y.txt"]), owning: { _ in true })
        _ = try folder.replace(with: files(["kept/y.txt"]), owning: { _ in true })
        #expect(!exists("gone"))
        #expect(exists("kept/y.txt"))
    }

    @Test func keepsEntriesItDoesNotOwn() throws {
        let folder = ExportFolder(path: out)
        _ = try folder.replace(with: files(["a/one.txt", "proof.html"]), owning: { _ in true })
        let removed = try folder.replace(with: files(["proof.html"]), owning: { $0 == "proof.html" })
        #expect(removed.isEmpty)
        #expect(exists("a/one.txt"))
        #expect(try fixture.read("out/.captions-manifest").hasSuffix("writes.\na/one.txt\nproof.html\n"))
    }

    @Test func ignoresManifestEntriesThatLeaveTheFolderOrAreNotItsFileNames() throws {
        try fixture.write("victim.txt", "precious")
        try fixture.write("out/Notes.txt", "precious")
        try fixture.write("out/.captions-manifest", "../victim.txt\n/etc/passwd\nNotes.txt\na/../../victim.txt\n")
        let removed = try ExportFolder(path: out).replace(with: files(["a/one.txt"]), owning: { _ in true })
        #expect(removed.isEmpty)
        #expect(try fixture.read("victim.txt") == "precious")
        #expect(try fixture.read("out/Notes.txt") == "precious")
    }

    @Test func refusesToWriteThroughASymbolicLinkOutOfTheFolder() throws {
        try FileManager.default.createDirectory(atPath: fixture.root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: out + "/gallery", withDestinationPath: fixture.root + "/elsewhere")
        #expect(throws: CaptionError.self) {
            _ = try ExportFolder(path: out).replace(with: files(["gallery/x.txt"]), owning: { _ in true })
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/elsewhere/x.txt"))
    }

    @Test(arguments: ["../x.txt", "/etc/x.txt", "a//x.txt", "./x.txt", "a/X.txt", "a/x.yml", "x", "a b/x.txt", ""])
    func unsafePathsAreRefused(_ path: String) throws {
        #expect(!ExportFolder.isSafeRelativePath(path))
        #expect(throws: CaptionError.self) {
            _ = try ExportFolder(path: out).replace(with: files([path]), owning: { _ in true })
        }
    }

    /// The check as it was written on characters, which the byte check stands for.
    static func isSafeOnCharacters(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let file = parts.last, parts.count <= 32 else { return false }
        guard parts.dropLast().allSatisfy(ExhibitID.isValid) else { return false }
        for suffix in [".txt", ".html"] where file.hasSuffix(suffix) {
            return ExhibitID.isValid(String(file.dropLast(suffix.count)))
        }
        return false
    }

    static let trickyPaths: [String] = {
        let slug = String(repeating: "a", count: 100)
        return [
            "a.txt", "a.html", "a.htm", ".txt", ".html", "a.txt.txt", "a.html.txt", "a-.txt", "-a.txt", "a--b.txt",
            "a/b-c/d.txt", "a/.txt", "/a.txt", "a/", "a\r\n/b.txt", "a/b.txt\r\n", "é/a.txt", "e\u{301}/a.txt",
            "a/b.tx\u{301}t", "a/b.txt\u{301}", "a\u{600}.txt", "a/\u{301}b.txt", "а/b.txt", "a/b.TXT", "A/b.txt",
            "\(slug)/a.txt", "\(slug)a/a.txt", "\(slug).txt", "\(slug)a.txt", "a/b\u{0}.txt", "a#b.txt", "#a.txt",
            Array(repeating: "a", count: 31).joined(separator: "/") + "/x.txt",
            Array(repeating: "a", count: 32).joined(separator: "/") + "/x.txt",
        ]
    }()

    @Test func theByteCheckIsTheCharacterCheck() {
        for path in Self.trickyPaths {
            #expect(
                ExportFolder.isSafeRelativePath(path) == Self.isSafeOnCharacters(path), "\(Array(path.unicodeScalars))")
        }
    }

    /// Galleries are checked on bytes; the check on characters splits at `/` characters.
    @Test func galleriesAreCheckedAsOnCharacters() {
        let galleries =
            Self.trickyPaths + Self.trickyPaths.map { ParentFolder.of($0) } + ["", "a", "a/", "/a", "a//b", "a/b-c/d"]
        for gallery in galleries {
            let onCharacters =
                gallery.isEmpty
                || gallery.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                    ExhibitID.isValid(String($0))
                }
            #expect(ExhibitID.isValidGallery(gallery) == onCharacters, "\(Array(gallery.unicodeScalars))")
        }
    }

    @Test(arguments: ["\n", "\r\n"]) func theManifestIsReadAsLinesOfSafePaths(lineEnd: String) throws {
        // Without any CR the manifest is read on bytes; with one, on characters.
        let paths = lineEnd == "\n" ? Self.trickyPaths.filter { !$0.utf8.contains(13) } : Self.trickyPaths
        let text = "# comment\n" + paths.joined(separator: lineEnd) + lineEnd + "\n\nz.txt"
        try fixture.write("out/.captions-manifest", text)
        let expected = Set(
            String(decoding: Data(text.utf8), as: UTF8.self).split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("#") && Self.isSafeOnCharacters($0) })
        #expect(ExportFolder(path: out).readManifest() == expected)
        #expect(expected.contains("z.txt"))
    }

    @Test func slugPathsAreSafe() {
        #expect(ExportFolder.isSafeRelativePath("memorial-park/stalin-wagon.txt"))
        #expect(ExportFolder.isSafeRelativePath("floor-1/arch/x.txt"))
        #expect(ExportFolder.isSafeRelativePath("proof.html"))
    }
}
