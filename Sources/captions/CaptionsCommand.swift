import ArgumentParser
import CaptionKit
import Foundation

/// The `captions` command: manages a museum's multilingual exhibit captions.
@main
struct CaptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "captions",
        abstract: "Manage multilingual museum exhibit captions (Kazakh, Russian, English...).",
        discussion: """
            Exit codes: 0 no errors, 1 errors found (or, with --strict, warnings), \
            2 the command could not do its job (no collection, bad configuration, unsafe input), \
            64 usage error.
            """,
        version: CaptionsVersion.string,
        subcommands: [
            Check.self, Status.self, Init.self, New.self, Export.self, Import.self, Accept.self, Review.self,
            Approve.self, Diff.self,
            Fmt.self, Serve.self,
        ]
    )
}

/// A `captions` subcommand. Its ``execute()`` does the work; `run()` reports a ``CaptionError``
/// (the library could not do its job) as its one-line message on stderr and exit code 2.
protocol CaptionsSubcommand: ParsableCommand {
    /// Parses nothing and prints the command's output; may throw `ExitCode(1)` for findings.
    func execute() throws
}

extension CaptionsSubcommand {
    func run() throws {
        CollectionWriting.reportFileSizeLimitAsError()
        CollectionWriting.waitForLock(
            upTo: CollectionWriting.lockTimeout(environment: ProcessInfo.processInfo.environment),
            notice: { writeStderr($0 + "\n") })
        do {
            try execute()
        } catch let error as CaptionError {
            writeStderr(error.description + "\n")
            throw ExitCode(2)
        }
    }
}

/// Writes text to standard output without buffering surprises. When standard output cannot
/// take it (a full disk), says so in one line on stderr and exits with 2: a CI step must not read
/// a cut-off report as a complete one. (A closed pipe, as after `| head`, ends the process by
/// SIGPIPE first, as for any command.) A non-blocking standard output, as some CI runners hand
/// down, is waited for when full. Commands that write files print afterwards: their files are
/// written even when the report then cannot be.
func writeStdout(_ text: String) {
    var text = text
    let failure: Int32? = text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                return errno
            }
            offset += written
        }
        return nil
    }
    guard let failure else { return }
    writeStderr("error: cannot write to standard output: \(String(cString: strerror(failure)))\n")
    exit(2)
}

/// Writes text to standard error.
func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Ends a command over every exhibit (`approve --all-reviewed`, `accept --untracked`) that passed
/// over files (``PassedOverFile``): their warning lines on stderr, a count on stdout, and exit 1,
/// after the other files were done; nothing when there are none.
func exitOnPassedOver(_ files: [PassedOverFile]) throws {
    guard let summary = PassedOverFile.summary(files) else { return }
    for file in files { writeStderr(file.warning + "\n") }
    writeStdout(summary + "\n")
    throw ExitCode(1)
}
