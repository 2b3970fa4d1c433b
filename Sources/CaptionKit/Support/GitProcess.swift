import Foundation

/// Runs `git` as a subprocess (through `/usr/bin/env`, with `LC_ALL=C` and no terminal prompt),
/// for the features that read the collection's history: ``SourceHistory`` (`captions diff`) and
/// ``GlossaryHistory`` (`captions import FILE.tbx`). Callers keep untrusted text out of the
/// arguments.
enum GitProcess {
    /// Why a git command gave no output.
    enum Failure: Error {
        /// git could not be started (not installed).
        case notRun
        /// The folder is in no repository (git's `message`).
        case notARepository(String)
        /// Any other failure, with the first line git wrote to standard error, without `fatal: `.
        case failed(String)
    }

    /// Standard output of `git arguments` run in `folder` as text (UTF-8), or why there is none.
    static func output(_ arguments: [String], in folder: String) -> Result<String, Failure> {
        data(arguments, in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Standard output of `git arguments` run in `folder`, or why there is none.
    static func data(_ arguments: [String], in folder: String) -> Result<Data, Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.notRun) }
        // Standard error is read on its own thread: a git that fills one pipe while this reads
        // the other would otherwise wait forever.
        let errorData = PipeCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return .success(data) }
        // `env` exits with 127 when it cannot find git.
        if process.terminationStatus == 127 { return .failure(.notRun) }
        let message =
            reason(fromStandardError: String(decoding: errorData.wait(), as: UTF8.self))
            ?? "exit status \(process.terminationStatus)"
        let outsideRepository = message.hasPrefix("not a git repository")
        return .failure(outsideRepository ? .notARepository(message) : .failed(message))
    }

    /// Why git failed, from what it wrote to standard error: its `fatal: ` line (git may write
    /// `error:` and `warning:` lines before it), else its first line, without that prefix,
    /// without control characters and at most 300 characters long; `nil` when it wrote nothing.
    static func reason(fromStandardError text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard let line = lines.first(where: { $0.hasPrefix("fatal: ") }) ?? lines.first else { return nil }
        var reason = Substring(line)
        for prefix in ["fatal: ", "error: ", "warning: "] where reason.hasPrefix(prefix) {
            reason = reason.dropFirst(prefix.count)
        }
        let printable = String(String.UnicodeScalarView(reason.unicodeScalars.filter { !Normalization.isControl($0) }))
        return printable.count > 300 ? String(printable.prefix(299)) + "…" : printable
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
