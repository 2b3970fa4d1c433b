import Foundation
import Testing

@testable import CaptionKit

@Suite struct AtomicFileTests {
    let fixture: TestCollection

    init() throws {
        fixture = try TestCollection(files: [("a/old.txt", "old\n")])
    }

    /// Every file below the fixture folder, relative and sorted (temporaries included).
    func listing() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: fixture.root)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: fixture.root + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    @Test func writeAllReplacesAndCreatesEveryFile() throws {
        try AtomicFile.writeAll([
            (fixture.root + "/a/old.txt", Data("new\n".utf8)),
            (fixture.root + "/b/c/fresh.txt", Data("fresh\n".utf8)),
        ])
        #expect(try fixture.read("a/old.txt") == "new\n")
        #expect(try fixture.read("b/c/fresh.txt") == "fresh\n")
        #expect(try listing() == ["a/old.txt", "b/c/fresh.txt"])
    }

    /// A new version keeps the file's mode: a file kept private stays private (every write made
    /// it 0644, readable by everyone).
    @Test func aReplacedFileKeepsItsMode() throws {
        let path = fixture.root + "/a/old.txt"
        chmod(path, 0o600)
        try AtomicFile.writeAll([(path, Data("new\n".utf8))])
        try AtomicFile.write(Data("newer\n".utf8), to: path)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o7777 == 0o600)
        #expect(try fixture.read("a/old.txt") == "newer\n")
        try AtomicFile.write(Data("fresh\n".utf8), to: fixture.root + "/a/fresh.txt")
        #expect(stat(fixture.root + "/a/fresh.txt", &status) == 0 && status.st_mode & 0o7777 == 0o644)
    }

    /// A read-only file and a symbolic link are refused before anything is written: the file (and
    /// the link and its target) stay as they were, and no temporary is left.
    @Test func aReadOnlyFileAndALinkAreNotReplaced() throws {
        let path = fixture.root + "/a/old.txt"
        chmod(path, 0o444)
        #expect(
            throws: CaptionError.unwritable(path: path, reason: "the file is read-only (chmod u+w to allow changes)")
        ) {
            try AtomicFile.writeAll([(path, Data("new\n".utf8))])
        }
        #expect(try fixture.read("a/old.txt") == "old\n")
        chmod(path, 0o644)
        let link = fixture.root + "/a/link.txt"
        #expect(symlink("old.txt", link) == 0)
        #expect(
            throws: CaptionError.unwritable(
                path: link,
                reason: "it is a symbolic link, which would be replaced by a file; edit the file it points to")
        ) {
            try AtomicFile.write(Data("new\n".utf8), to: link)
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "old.txt")
        #expect(try fixture.read("a/old.txt") == "old\n")
        #expect(try listing() == ["a/link.txt", "a/old.txt"])
    }

    @Test func preparedFilesAreInvisibleUntilCommitted() throws {
        let first = try AtomicFile.prepare(Data("new\n".utf8), for: fixture.root + "/a/old.txt")
        let second = try AtomicFile.prepare(Data("fresh\n".utf8), for: fixture.root + "/b/fresh.txt")
        #expect(try fixture.read("a/old.txt") == "old\n")
        #expect(try listing().count == 3)  // the target and two temporaries
        try AtomicFile.commit([first, second])
        #expect(try fixture.read("a/old.txt") == "new\n")
        #expect(try fixture.read("b/fresh.txt") == "fresh\n")
        #expect(try listing() == ["a/old.txt", "b/fresh.txt"])
    }

    @Test func discardedFilesLeaveNothingBehind() throws {
        let pending = try AtomicFile.prepare(Data("new\n".utf8), for: fixture.root + "/a/old.txt")
        AtomicFile.discard([pending])
        #expect(try fixture.read("a/old.txt") == "old\n")
        #expect(try listing() == ["a/old.txt"])
    }

    @Test func writeAllWithAnEmptyListDoesNothing() throws {
        try AtomicFile.writeAll([])
        #expect(try listing() == ["a/old.txt"])
    }

    @Test func aFileThatCannotBeWrittenLeavesEveryTargetUntouchedAndNoTemporaries() throws {
        // `blocker` is a regular file, so no folder can be created under it: the last file fails.
        try fixture.write("blocker", "x")
        #expect(throws: CaptionError.self) {
            try AtomicFile.writeAll([
                (fixture.root + "/a/old.txt", Data("new\n".utf8)),
                (fixture.root + "/a/fresh.txt", Data("fresh\n".utf8)),
                (fixture.root + "/blocker/never.txt", Data("never\n".utf8)),
            ])
        }
        #expect(try fixture.read("a/old.txt") == "old\n")
        #expect(try listing() == ["a/old.txt", "blocker"])
    }

    /// The temporaries are written concurrently in chunks: a failure in one chunk still removes
    /// what the other chunks wrote, and the error names the first failing file in list order.
    @Test func aFailureAmongManyFilesWrittenConcurrentlyLeavesNothingAndNamesTheFirstFailure() throws {
        try fixture.write("blocker1", "x")
        try fixture.write("blocker2", "x")
        var files: [(path: String, data: Data)] = (0..<100).map {
            (fixture.root + "/many/f\($0).txt", Data("\($0)\n".utf8))
        }
        files[40] = (fixture.root + "/blocker1/first.txt", Data("never\n".utf8))
        files[90] = (fixture.root + "/blocker2/second.txt", Data("never\n".utf8))
        var thrown: CaptionError?
        do { try AtomicFile.writeAll(files) } catch { thrown = error }
        #expect(thrown?.description.contains("blocker1") == true, "\(String(describing: thrown))")
        #expect(try listing() == ["a/old.txt", "blocker1", "blocker2"])
    }

    @Test func temporaryNamesAreExactlyThoseMkstempsMakes() {
        #expect(AtomicFile.isTemporaryName(".captions-Ab3xZ9.tmp"))
        for name in [
            ".captions-Ab3xZ.tmp", ".captions-Ab3xZ99.tmp", "captions-Ab3xZ9.tmp", ".captions-Ab3-Z9.tmp",
            ".captions-Ab3xZ9.txt", ".captions-manifest", ".captions-ä3xZ9.tmp",
        ] {
            #expect(!AtomicFile.isTemporaryName(name), "\(name)")
        }
    }

    @Test func temporaryNamesMayCarryTheWritersProcessID() {
        #expect(AtomicFile.temporaryWriter(".captions-4242-Ab3xZ9.tmp") == 4242)
        #expect(AtomicFile.temporaryWriter(".captions-Ab3xZ9.tmp") == 0)
        for name in [
            ".captions--Ab3xZ9.tmp", ".captions-12a-Ab3xZ9.tmp", ".captions-0-Ab3xZ9.tmp", ".captions-1-Ab3.tmp",
        ] {
            #expect(AtomicFile.temporaryWriter(name) == nil, "\(name)")
        }
    }

    /// Another writer's temporaries (its process is running) are left alone; a dead writer's go.
    @Test func temporariesOfARunningWriterAreKept() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        try fixture.write("a/.captions-\(getpid())-Ab3xZ9.tmp", "mine, in flight")
        try fixture.write("a/.captions-1-Ab3xZ9.tmp", "a running writer's")
        try fixture.write("a/.captions-\(finished.processIdentifier)-Ab3xZ9.tmp", "a killed writer's")
        AtomicFile.removeLeftoverTemporaries(in: [fixture.root + "/a"])
        #expect(
            try listing() == ["a/.captions-1-Ab3xZ9.tmp", "a/.captions-\(getpid())-Ab3xZ9.tmp", "a/old.txt"].sorted())
    }

    @Test func leftoverTemporariesAreRemovedAndNothingElse() throws {
        try fixture.write("a/.captions-Ab3xZ9.tmp", "half")
        try fixture.write("a/.captions-zz.tmp", "other")
        try FileManager.default.createDirectory(
            atPath: fixture.root + "/a/.captions-Folder.tmp", withIntermediateDirectories: false)
        AtomicFile.removeLeftoverTemporaries(in: [fixture.root + "/a", fixture.root + "/missing"])
        #expect(try listing() == ["a/.captions-zz.tmp", "a/old.txt"])
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/a/.captions-Folder.tmp"))
    }

    /// A folder where a file goes fails before any rename, so no target is replaced.
    @Test func aFolderWhereAFileGoesFailsBeforeAnythingIsReplaced() throws {
        try FileManager.default.createDirectory(atPath: fixture.root + "/a/z.txt", withIntermediateDirectories: true)
        var thrown: CaptionError?
        do {
            try AtomicFile.writeAll([
                (fixture.root + "/a/old.txt", Data("new\n".utf8)),
                (fixture.root + "/a/z.txt", Data("z\n".utf8)),
            ])
        } catch { thrown = error }
        #expect(thrown?.description.contains("a folder stands where the file goes") == true)
        #expect(try fixture.read("a/old.txt") == "old\n")
        #expect(try listing() == ["a/old.txt"])
    }
}
