import ArgumentParser
import CaptionKit

extension ReportFormat: ExpressibleByArgument {}
extension SignOffLevel: ExpressibleByArgument {}

extension CaptionsCommand {
    /// `captions check`: the completeness and consistency check for curators and CI.
    struct Check: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that every caption is complete and well-formed.",
            discussion: """
                Findings go to stdout, sorted by file and line; the summary (completeness per \
                language, counts) goes to stderr in text format.

                Accepted findings: an `ignore:` list in an exhibit file accepts one check's findings \
                there (`ignore: [untranslated: title/en]`); `--write-baseline` records every current \
                finding in captions-baseline.json in the collection folder, and later runs leave \
                those out (the file is used automatically when it exists). Exceptions that no longer \
                silence anything are reported as unused-exception.

                Examples:
                  captions check
                  captions check Captions --lang kk --format github
                  captions check --format junit > captions-junit.xml
                  captions check --format sarif > captions.sarif
                  captions check --require translated
                  captions check --require approved
                  captions check --require translated --no-baseline --no-pinned-ignore
                  captions check --explain number-mismatch
                  captions check --explain number-mismatch --format json
                  captions check --explain import-conflict
                  captions check --write-baseline

                A gate: with --require, the checks of that level are errors whatever captions.yml says \
                (a line on stderr names each one captions.yml lowers); without it, nothing is pinned. \
                A gate that must hold before print adds --no-baseline and --no-pinned-ignore, so that \
                neither the baseline nor an ignore: entry accepts a pinned finding.

                Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 the check could not run.
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(name: .customLong("lang"), help: "Only report this language (repeatable).")
        var languages: [String] = []

        @Option(
            help: "Output format: text, json, junit, github or sarif (text or json with --explain, --write-baseline).")
        var format: ReportFormat = .text

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Option(
            help: ArgumentHelp(
                """
                The level every current text must reach, a gate captions.yml cannot lower: translated runs \
                missing-field, missing-translation, empty-text and stale-translation as errors; reviewed also \
                not-reviewed; approved also not-approved. Without it, captions.yml sets every severity.
                """,
                valueName: "level"))
        var require: SignOffLevel?

        @Option(
            name: .customLong("explain"),
            help: ArgumentHelp(
                "Describe a check, or a finding of import or export xliff: what it means and examples.",
                valueName: "id"))
        var explainID: String?

        @Option(
            help: ArgumentHelp(
                """
                Subtract the findings accepted in this baseline file (default: captions-baseline.json in the \
                collection folder, when it exists).
                """,
                valueName: "file"))
        var baseline: String?

        @Flag(name: .customLong("no-baseline"), help: "Report every finding, ignoring any baseline file.")
        var noBaseline = false

        @Flag(
            name: .customLong("no-pinned-ignore"),
            help: """
                With --require: ignore: entries in exhibit files accept no finding of the checks it pins \
                (a line on stderr names each entry refused).
                """)
        var noPinnedIgnore = false

        @Flag(
            help:
                """
                Write every current finding to the baseline file (--baseline, or captions-baseline.json in the \
                collection folder) and exit 0.
                """
        )
        var writeBaseline = false

        func validate() throws {
            if let explainID, CheckExplanation.text(for: explainID) == nil {
                let hint = CheckExplanation.suggestion(for: explainID).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError(
                    """
                    unknown check '\(explainID)'\(hint); the checks are \
                    \(CheckExplanation.checkIDs.joined(separator: ", ")); captions import and export (xliff, glossary, tmx) \
                    report \(CheckExplanation.findingIDs.joined(separator: ", "))
                    """
                )
            }
            let describes = explainID != nil ? "--explain" : writeBaseline ? "--write-baseline" : nil
            if let option = describes, format != .text, format != .json {
                throw ValidationError(
                    """
                    \(option) prints text or JSON; --format \(format.rawValue) is a report of findings, which \
                    \(option) does not make (use --format text or json)
                    """
                )
            }
            if writeBaseline, !languages.isEmpty {
                throw ValidationError("--write-baseline records every finding; it cannot be combined with --lang")
            }
            if noBaseline, baseline != nil || writeBaseline {
                throw ValidationError("--no-baseline cannot be combined with --baseline or --write-baseline")
            }
            if noPinnedIgnore, require == nil || writeBaseline {
                throw ValidationError(
                    """
                    --no-pinned-ignore refuses the ignore: entries of the checks --require pins: it needs --require, \
                    and cannot be combined with --write-baseline
                    """)
            }
        }

        func execute() throws {
            if let explainID {
                let explanation =
                    format == .json ? try CheckExplanation.json(for: explainID) : CheckExplanation.text(for: explainID)
                writeStdout(explanation ?? "")
                return
            }
            let choice: BaselineChoice = noBaseline ? .none : baseline.map { .file($0) } ?? .automatic
            let request: CheckRequest
            let result: CheckResult
            do {
                request = CheckRequest(
                    path: try collection.resolved(), languages: languages, strict: strict, baseline: choice,
                    require: require, refusesPinnedIgnores: noPinnedIgnore)
                if writeBaseline {
                    let written = try CaptionChecker.writeBaseline(request, to: baseline)
                    for note in written.pinNotes { writeStderr(note + "\n") }
                    if format == .json {
                        writeStdout(try CheckReporter.baselineReport(written))
                        return
                    }
                    writeStdout(written.newlyAcceptedLines.map { $0 + "\n" }.joined())
                    writeStderr(written.summary)
                    return
                }
                result = ExitRetention.keep(try CaptionChecker.run(request))
            } catch {
                // Machines read why in the format they asked for; the line on stderr follows.
                writeStdout((try? CheckReporter.report(error, format: format)) ?? "")
                throw error
            }
            writeStdout(try CheckReporter.report(result, format: format))
            for note in result.pinNotes { writeStderr(note + "\n") }
            if format == .text { writeStderr(CheckReporter.summary(result)) }
            if result.failed { throw ExitCode(1) }
        }
    }
}
