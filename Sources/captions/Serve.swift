import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CaptionsCommand {
    /// `captions serve`: runs the curator's editor, the `captions-editor` binary beside this one.
    ///
    /// The editor is its own product so that `captions` (what CI runs) builds without a web server.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Edit the captions in the browser (runs captions-editor, which sits beside captions).",
            discussion: """
                Every argument goes to captions-editor: [PATH] [--port 8080] [--host 127.0.0.1] [--open] \
                [--password-file FILE]; `captions serve --help` shows its help.

                Build the editor once with: swift build --product captions-editor

                Examples:
                  captions serve --open
                  captions serve Captions --port 9000
                """
        )

        @Argument(parsing: .captureForPassthrough, help: "Arguments for captions-editor.")
        var arguments: [String] = []

        func run() throws {
            let editor = Self.editorPath()
            guard FileManager.default.isExecutableFile(atPath: editor) else {
                writeStderr(
                    """
                    error: the editor is not built: \(editor) is missing. Build it with \
                    `swift build --product captions-editor` (or `swift build -c release --product captions-editor`), \
                    then run `captions serve` again

                    """)
                throw ExitCode(2)
            }
            let argv = ([editor] + Self.editorArguments(arguments)).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            execv(editor, argv)
            writeStderr("error: cannot run \(editor): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }

        /// The editor's arguments for `arguments`: its `serve` subcommand named unless they start
        /// with one of its subcommands, so that `captions serve --help` shows the serve options
        /// (the editor's own `--help` lists only its subcommands).
        static func editorArguments(_ arguments: [String]) -> [String] {
            guard let first = arguments.first, ["serve", "hash-password", "help"].contains(first) else {
                return ["serve"] + arguments
            }
            return arguments
        }

        /// `captions-editor` in the folder of the running `captions` binary.
        static func editorPath() -> String {
            let own =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
            return URL(fileURLWithPath: own).resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("captions-editor").path
        }
    }
}
