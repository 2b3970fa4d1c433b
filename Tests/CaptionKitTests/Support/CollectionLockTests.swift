import Foundation
import Testing

@testable import CaptionKit

#if canImport(Glibc)
    import Glibc
#endif

/// The one write path of caption files: under the collection's lock, a file changed since it
/// was read is a conflict and nothing is replaced. (Real processes competing for the lock are
/// in `Tests/CaptionsCLITests/ConcurrentWriterTests.swift`.)
@Suite(.serialized) struct CollectionLockTests {
    @Test func aFileChangedSinceItWasReadIsAConflictAndNothingIsReplaced() throws {
        let folder = try TestCollection(files: [("a.yml", "id: a\n"), ("b.yml", "id: b\n")])
        var first = try AtomicFile.prepare(Data("id: a # new\n".utf8), for: folder.root + "/a.yml")
        first.readAs = ContentDigest(Data("id: a\n".utf8))
        var second = try AtomicFile.prepare(Data("id: b # new\n".utf8), for: folder.root + "/b.yml")
        second.readAs = ContentDigest(Data("id: b\n".utf8))
        try folder.write("b.yml", "id: b # someone else\n")
        #expect(throws: CaptionError.conflict(path: folder.root + "/b.yml")) {
            try AtomicFile.commitCaptionFiles([first, second], collection: folder.root)
        }
        #expect(try folder.read("a.yml") == "id: a\n")
        #expect(try folder.read("b.yml") == "id: b # someone else\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root).sorted() == ["a.yml", "b.yml"])
    }

    @Test func unchangedFilesAreReplacedAndTheLockFileIsGoneAfterwards() throws {
        let folder = try TestCollection(files: [("a.yml", "id: a\n")])
        try AtomicFile.replaceCaptionFile(
            Data("id: a # new\n".utf8), at: folder.root + "/a.yml", readAs: ContentDigest(Data("id: a\n".utf8)),
            collection: folder.root)
        #expect(try folder.read("a.yml") == "id: a # new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["a.yml"])
    }

    @Test func aWriteRemovesTheTemporariesOfKilledWritersInItsFolderAndKeepsLiveOnes() throws {
        // A process that has ended: its pid names no running writer.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ".captions-\(ended.processIdentifier)-Ab3xZ9.tmp"
        let alive = ".captions-1-Cd4yW8.tmp"  // pid 1 always runs
        let folder = try TestCollection(files: [
            ("g/a.yml", "id: a\n"), ("g/\(dead)", "half a save"), ("g/\(alive)", "being written"),
            ("other/\(dead)", "not this write's folder"),
        ])
        try AtomicFile.replaceCaptionFile(
            Data("id: a # new\n".utf8), at: folder.root + "/g/a.yml", readAs: nil, collection: folder.root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root + "/g").sorted() == [alive, "a.yml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root + "/other") == [dead])
    }

    @Test func aHeldLockMakesTheWriterGiveUpNamingTheHolderAndWriteNothing() throws {
        let folder = try TestCollection(files: [("a.yml", "id: a\n")])
        let lockPath = CollectionLock.path(in: folder.root)
        // Another open file description of the lock file: flock(2) treats it as another holder.
        let holder = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(holder >= 0)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        _ = "pid 4242 (captions import)\n".withCString { write(holder, $0, strlen($0)) }
        let saved = CollectionLock.policy
        defer { CollectionLock.policy = saved }
        let notices = NoticeLog()
        CollectionLock.policy = CollectionLock.Policy(timeout: 0.2, notice: { notices.append($0) })
        #expect(
            throws: CaptionError.unwritable(
                path: lockPath,
                reason:
                    "the collection is being written by pid 4242 (captions import); nothing was written, "
                    + "try again later"
            )
        ) {
            try AtomicFile.replaceCaptionFile(
                Data("id: a # new\n".utf8), at: folder.root + "/a.yml", readAs: nil, collection: folder.root)
        }
        // The policy is the process's: a test of another suite that waits for a lock meanwhile
        // (the editor's) sends its notice here too, about its own lock file.
        #expect(
            notices.lines.filter { $0.hasPrefix(lockPath + ":") } == [
                "\(lockPath): waiting up to 1 s for pid 4242 (captions import), which is writing the collection"
            ])
        #expect(try folder.read("a.yml") == "id: a\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.root).sorted() == [".captions.lock", "a.yml"])
    }

    @Test func aLockReleasedWhileWaitingIsTakenAndTheWriteGoesThrough() throws {
        let folder = try TestCollection(files: [("a.yml", "id: a\n")])
        let lockPath = CollectionLock.path(in: folder.root)
        let holder = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let saved = CollectionLock.policy
        defer { CollectionLock.policy = saved }
        CollectionLock.policy = CollectionLock.Policy(timeout: 5, notice: { _ in })
        let release = Thread {
            usleep(300_000)
            unlink(lockPath)  // as a finishing writer does
            close(holder)
        }
        release.start()
        let started = Date()
        try AtomicFile.replaceCaptionFile(
            Data("id: a # new\n".utf8), at: folder.root + "/a.yml", readAs: nil, collection: folder.root)
        #expect(Date().timeIntervalSince(started) >= 0.25)
        #expect(try folder.read("a.yml") == "id: a # new\n")
    }

    @Test func aLeftoverLockFileOfAKilledWriterDoesNotBlock() throws {
        let folder = try TestCollection(files: [("a.yml", "id: a\n")])
        try folder.write(".captions.lock", "pid 999999 (captions import)\n")
        let saved = CollectionLock.policy
        defer { CollectionLock.policy = saved }
        CollectionLock.policy = CollectionLock.Policy(timeout: 0, notice: { _ in })
        try AtomicFile.replaceCaptionFile(
            Data("id: a # new\n".utf8), at: folder.root + "/a.yml", readAs: nil, collection: folder.root)
        #expect(try folder.read("a.yml") == "id: a # new\n")
    }

    @Test func theTimeoutComesFromTheEnvironmentWithinBounds() {
        #expect(CollectionWriting.lockTimeout(environment: [:]) == 10)
        #expect(CollectionWriting.lockTimeout(environment: ["CAPTIONS_LOCK_TIMEOUT": "0"]) == 0)
        #expect(CollectionWriting.lockTimeout(environment: ["CAPTIONS_LOCK_TIMEOUT": "2.5"]) == 2.5)
        #expect(CollectionWriting.lockTimeout(environment: ["CAPTIONS_LOCK_TIMEOUT": "-1"]) == 10)
        #expect(CollectionWriting.lockTimeout(environment: ["CAPTIONS_LOCK_TIMEOUT": "soon"]) == 10)
    }
}

/// Lines told by a lock's notice, from any thread.
private final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}
