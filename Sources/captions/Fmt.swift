import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions fmt`: rewrites caption files into the one canonical form.
    struct Fmt: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite caption files into one canonical form (never changes their words).",
            discussion: """
                Key order id, fields in configuration order, languages in configuration order, \
                notes, then machine-owned keys (ignore, translations); block scalars (|) for \
                paragraphs; Unicode NFC; no trailing spaces. Loading a formatted file gives exactly \
                the same captions, and formatting twice changes nothing the second time.

                Files with errors (see captions check) or with YAML comments are reported and left \
                as they are: the format is comment-free, and fmt never drops text.

                Examples:
                  captions fmt
                  captions fmt Captions/memorial-park/stalin-wagon.yml
                  captions fmt --check   # CI: writes nothing; exit 1 if a file would change

                Exit codes: 0 every file is canonical (or was made so), 1 with --check a file would \
                change, or a file was left as it is; 2 no collection or unreadable configuration.
                """
        )

        @Argument(
            help: "A collection folder or one exhibit file (\(CollectionArgument.defaultFolder)).")
        var path: String?

        @Flag(help: "Write nothing; list the files that would change and exit 1 if there are any.")
        var check = false

        func execute() throws {
            let target = try CollectionArgument(path: path).resolved()
            let outcomes = try CaptionFormatter.run(path: target, check: check)
            var failed = false
            var changed = 0
            for outcome in outcomes {
                switch outcome.kind {
                case .unchanged: continue
                case .reformatted:
                    changed += 1
                    failed = failed || check
                    writeStdout(check ? "\(outcome.path)\n" : "formatted \(outcome.path)\n")
                case .skipped(let location, let reason):
                    failed = true
                    writeStderr(location.line(.warning, "not formatted: the file \(reason)") + "\n")
                }
            }
            let verb = check ? "would be reformatted" : "reformatted"
            writeStderr(
                """
                \(CheckReporter.plural(changed, "file")) \(verb), \(CheckReporter.plural(outcomes.count, "file")) \
                checked\n
                """
            )
            if failed { throw ExitCode(1) }
        }
    }
}
