import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions import`: merges translators' XLIFF files into the caption files.
    struct Import: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Merge translated XLIFF files (1.2 or 2.x) into the caption files, or TBX files into the glossary.",
            discussion: """
                Every file is checked first: a malformed or unsafe file, or a language the collection \
                does not have, stops the import with exit code 2 and nothing written. A translation \
                whose source text was edited after the export is a conflict and is not applied; so \
                are unit ids that name no exhibit. By default the other translations are applied \
                and the exit code is 1; with --atomic nothing is written when any unit fails. Only \
                the translated values (and the machine-owned translations: record) change in the \
                caption files.

                Units' states (state, approved, memoQ's mq:status, Trados's sdl:seg conf) are \
                ignored unless --trust-states --by NAME is given: then a unit returned with its \
                target unchanged whose state says reviewed or final records a review by NAME; a \
                changed target is imported without review. Approval stays with captions approve.

                TBX files (*.tbx) are merged into Captions/glossary.yml instead: new entries are \
                appended, identical ones skipped, and an entry that differs from the glossary's \
                entry for the same concept (same id or source term) is a conflict: reported, not \
                merged, exit code 1.

                Examples:
                  captions import Exports/xliff/ru-kk.xlf --dry-run
                  captions import returned/*.xlf --atomic --path Captions
                  captions import returned/kk.mqxliff --trust-states --by AB
                  captions import terms.tbx --dry-run
                """
        )

        /// Output formats of `import`.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "The XLIFF files to import, or TBX files (*.tbx) to merge into the glossary.")
        var files: [String]

        @Option(help: ArgumentHelp(CollectionArgument.optionHelp))
        var path: String?

        @Flag(help: "Show what would change; write nothing.")
        var dryRun = false

        @Flag(help: "Write nothing if any unit cannot be imported (conflicts, unknown ids).")
        var atomic = false

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Option(help: "The largest XLIFF or TBX file to read, in megabytes.")
        var maxSize = 256

        @Flag(help: "Record a review (--by) for unchanged targets whose tool state says reviewed or final.")
        var trustStates = false

        @Option(help: "With --trust-states: the name or initials of the reviewer.")
        var by: String?

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one XLIFF file.") }
            if Set(files.map(Self.isTBX)).count > 1 {
                throw ValidationError("Import TBX glossaries and XLIFF files in separate runs.")
            }
            if maxSize <= 0 { throw ValidationError("--max-size must be a positive number of megabytes.") }
            if trustStates && by == nil { throw ValidationError("--trust-states needs --by NAME (who reviewed)") }
            if !trustStates, let by { throw ValidationError("--by \(by) goes with --trust-states") }
        }

        /// Whether `file` is a TBX glossary (by its extension).
        static func isTBX(_ file: String) -> Bool { file.lowercased().hasSuffix(".tbx") }

        func execute() throws {
            do {
                try importFiles()
            } catch let error as CaptionError {
                // Machines read why in the format they asked for; the line on stderr follows.
                if format == .json { writeStdout((try? XLIFFImportReport.json(error)) ?? "") }
                throw error
            }
        }

        /// Imports the files and writes the report.
        private func importFiles() throws {
            let root = try CollectionArgument(path: path).resolved()
            if files.allSatisfy(Self.isTBX) {
                let options = GlossaryImportOptions(
                    files: files, dryRun: dryRun, atomic: atomic, maximumSize: maxSize << 20)
                let report = try GlossaryImporter.run(options, collectionPath: root)
                switch format {
                case .text: writeStdout(report.text)
                case .json: writeStdout(try report.json())
                }
                if report.failed { throw ExitCode(1) }
                return
            }
            var options = XLIFFImportOptions(files: files, dryRun: dryRun, atomic: atomic, maximumSize: maxSize << 20)
            if trustStates {
                options.trustStatesBy = by
                options.reviewDate = try SignOff.today()
            }
            let report = try XLIFFImporter.run(options, collectionPath: root)
            switch format {
            case .text: writeStdout(report.text)
            case .json: writeStdout(try report.json())
            }
            if report.failed { throw ExitCode(1) }
        }
    }
}
