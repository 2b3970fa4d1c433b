import ArgumentParser
import CaptionKit

extension ReportFormat: ExpressibleByArgument {}

extension CaptionsCommand {
    /// `captions check`: the completeness and consistency check for curators and CI.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that every caption is complete and well-formed.",
            discussion: """
                Findings go to stdout, sorted by file and line; the summary (completeness per \
                language, counts) goes to stderr in text format.

                Examples:
                  captions check
                  captions check Captions --lang kk --format github
                  captions check --format junit > captions-junit.xml

                Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 the check could not run.
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(name: .customLong("lang"), help: "Only report this language (repeatable).")
        var languages: [String] = []

        @Option(help: "Output format: text, json, junit or github.")
        var format: ReportFormat = .text

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let request = CheckRequest(path: try collection.resolved(), languages: languages, strict: strict)
            let result = try runReportingErrors { () throws(CaptionError) in try CaptionChecker.run(request) }
            writeStdout(try runReportingErrors { () throws(CaptionError) in try CheckReporter.report(result, format: format) })
            if format == .text { writeStderr(TextReporter.summary(result)) }
            if result.failed { throw ExitCode(1) }
        }
    }
}
