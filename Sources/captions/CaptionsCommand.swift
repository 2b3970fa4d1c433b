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

/// Writes text to standard output without buffering surprises.
func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes text to standard error.
func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
