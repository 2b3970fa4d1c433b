import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock every writer of caption files holds while it checks and replaces them, so that two
/// writers (two `captions import`s, `fmt` beside the editor's save) never interleave.
///
/// It is an advisory `flock(2)` on `.captions.lock` in the collection folder. The file holds the
/// holder's pid and command while it is held and is removed when it is released; the kernel
/// releases the lock when its holder dies, so a killed writer never blocks the next one (a file
/// left by a killed writer is not locked and is reused). A writer that finds the lock held waits
/// up to ``Policy/timeout`` seconds, after one notice naming the holder, then gives up with
/// ``CaptionError/unwritable(path:reason:)`` naming the holder; nothing is written then.
///
/// Writers do not call this directly: ``AtomicFile/commitCaptionFiles(_:collection:)`` takes it.
enum CollectionLock {
    /// The lock file's name in the collection folder.
    static let fileName = ".captions.lock"

    /// How long a writer waits for the lock, and whom it tells that it waits.
    struct Policy: Sendable {
        /// Seconds to wait for a held lock before giving up (0: give up at once).
        var timeout: Double
        /// Told once, with a one-line message, when the lock is held by someone else.
        var notice: @Sendable (String) -> Void
    }

    /// The process's policy: 10 seconds, no notice, until the program sets another.
    static var policy: Policy {
        get { policyLock.withLock { currentPolicy } }
        set { policyLock.withLock { currentPolicy = newValue } }
    }
    private static let policyLock = NSLock()
    nonisolated(unsafe) private static var currentPolicy = Policy(timeout: 10, notice: { _ in })

    /// When set (``CollectionWriting/waitingForLock(upTo:_:)``), the seconds this task's or
    /// thread's writers wait for a held lock instead of ``Policy/timeout``.
    @TaskLocal static var timeout: Double?

    /// The path of the lock file of the collection folder `root`.
    static func path(in root: String) -> String {
        CollectionLoader.join(root.isEmpty ? "." : root, fileName)
    }

    /// Runs `body` while holding the lock of the collection folder `root`.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` when the lock file cannot be created
    ///   or the lock stays held past the timeout; whatever `body` throws.
    static func holding<Result>(in root: String, _ body: () throws(CaptionError) -> Result) throws(CaptionError)
        -> Result
    {
        let descriptor = try acquire(path(in: root))
        defer { release(descriptor, at: path(in: root)) }
        return try body()
    }

    /// Who this process is, as the lock file says it: `pid 1234 (captions import)`.
    static var holderDescription: String {
        let arguments = CommandLine.arguments
        let program = arguments.first.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "captions"
        let command = arguments.count > 1 && !arguments[1].hasPrefix("-") ? program + " " + arguments[1] : program
        return "pid \(getpid()) (\(command))"
    }

    /// Takes the lock at `lockPath`, waiting as ``policy`` says; returns the open lock file.
    private static func acquire(_ lockPath: String) throws(CaptionError) -> Int32 {
        let policy = policy
        let timeout = Self.timeout ?? policy.timeout
        let deadline = Date().addingTimeInterval(timeout)
        var noticed = false
        while true {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw .unwritable(path: lockPath, reason: "cannot create the collection's lock file (\(reason))")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                // The file may have been removed by the holder that just released it: then this
                // lock is on a file no one else will open; start again on the new one.
                var held = stat()
                var named = stat()
                if fstat(descriptor, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino,
                    held.st_dev == named.st_dev
                {
                    let text = Array((holderDescription + "\n").utf8)
                    _ = ftruncate(descriptor, 0)
                    _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                    return descriptor
                }
                close(descriptor)
                continue
            }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN || errno == EINTR
            let reason = String(cString: strerror(errno))
            let holder = busy ? holder(of: descriptor) : ""
            close(descriptor)
            guard busy else { throw .unwritable(path: lockPath, reason: "cannot lock the collection (\(reason))") }
            if Date() >= deadline {
                throw .unwritable(
                    path: lockPath,
                    reason: "the collection is being written by \(holder); nothing was written, try again later")
            }
            if !noticed {
                noticed = true
                policy.notice(
                    "\(lockPath): waiting up to \(Int(timeout.rounded(.up))) s for \(holder), which is writing "
                        + "the collection")
            }
            usleep(50_000)
        }
    }

    /// The holder named in the lock file (`pid 1234 (captions import)`), or a plain description.
    private static func holder(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.hasPrefix("pid ") ? line : "another process"
    }

    /// Removes the lock file and releases the lock (in that order, so that a waiter that gets
    /// the old file sees it is gone and opens the new one).
    private static func release(_ descriptor: Int32, at lockPath: String) {
        unlink(lockPath)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
