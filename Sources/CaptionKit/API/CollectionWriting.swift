import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the commands that write caption files (`import`, `accept`, `fmt`, the editor's save)
/// behave beside other writers and at the limits of the system.
public enum CollectionWriting {
    /// The environment variable that sets ``lockTimeout(environment:)``: seconds, e.g. `0`.
    static let timeoutVariable = "CAPTIONS_LOCK_TIMEOUT"

    /// The seconds a writer waits for a collection that another writer holds: the value of
    /// ``timeoutVariable`` when it is a number from 0 to 3600, else 10.
    public static func lockTimeout(environment: [String: String]) -> Double {
        guard let text = environment[timeoutVariable], let seconds = Double(text), (0...3600).contains(seconds)
        else { return 10 }
        return seconds
    }

    /// Sets how long this process's writers wait for the collection's lock (`.captions.lock`)
    /// when another process holds it, and whom they tell (once per wait, with a one-line
    /// message naming the holder). After `seconds` the write fails with
    /// ``CaptionError/unwritable(path:reason:)`` naming the holder, and nothing is written.
    public static func waitForLock(upTo seconds: Double, notice: @escaping @Sendable (String) -> Void) {
        CollectionLock.policy = CollectionLock.Policy(timeout: seconds, notice: notice)
    }

    /// Runs `body` with its writers waiting at most `seconds` for a held lock (instead of the
    /// process's ``waitForLock(upTo:notice:)``): a program that queues its writes (the editor's
    /// saves) gives each what is left of its wait after queueing, so the last of ten queued saves
    /// fails after the same few seconds as the first, not after ten waits one after another.
    public static func waitingForLock<Result>(upTo seconds: Double, _ body: () throws -> Result) rethrows -> Result {
        try CollectionLock.$timeout.withValue(max(0, seconds), operation: body)
    }

    /// Makes a write past the process's file size limit (`ulimit -f`, RLIMIT_FSIZE) fail with
    /// an error (EFBIG) that the command reports, instead of killing the process with SIGXFSZ
    /// and leaving its temporary file behind.
    public static func reportFileSizeLimitAsError() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
