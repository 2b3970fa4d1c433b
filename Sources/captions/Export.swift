import ArgumentParser
import CaptionKit

extension XLIFFVersion: ExpressibleByArgument {}

extension CaptionsCommand {
    /// `captions export`: files for people outside the repository (translators, sign makers).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export captions for translators or sign makers.",
            subcommands: [XLIFF.self, Signage.self, Glossary.self, TMX.self]
        )
    }
}

/// The exit code policy of the exports that hold caption files back (signage, XLIFF, TMX).
enum ExportHeldBack {
    /// The help of `--allow-incomplete`.
    static let allowIncompleteHelp: ArgumentHelp =
        "Exit 0 even when exhibits were held back (they are still not written)."

    /// Exit 1 when something was held back, unless `allowIncomplete`.
    static func exit(heldBack: some Collection, allowIncomplete: Bool) throws(ExitCode) {
        if !heldBack.isEmpty, !allowIncomplete { throw ExitCode(1) }
    }
}

extension CaptionsCommand.Export {
    /// `captions export xliff`: XLIFF files for translators, one per target language.
    struct XLIFF: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "xliff",
            abstract: "Write XLIFF files for translators, one per target language.",
            discussion: """
                Writes <out>/<source>-<target>.xlf (e.g. Exports/xliff/ru-kk.xlf): a group per exhibit, a \
                unit per caption field, with the exhibit's notes and the field's character limit. \
                Translated units go out as context unless --needed is given; stale translations \
                (source changed since) go out for review. With --suggest, each missing unit also \
                gets the translation of the collection's most similar source text (at least 70% of \
                words shared) as a fuzzy match: alt-trans in 1.2, mtc:match in 2.0; never as the target.

                A caption file that export signage would hold back whatever its texts (an error in \
                reading it, such as a key twice in one mapping; no valid id; an id another file has \
                too) is held back here too, since captions import could not apply its translations: \
                'path:line:col: error: <id> held back: <reason> [xliff-export]' on stderr.

                Examples:
                  captions export xliff
                  captions export xliff Captions --to kk --needed
                  captions export xliff --xliff 2.0 --prefill-target --out Exports/omegat
                  captions export xliff --needed --suggest

                Exit codes: 0 everything exported (or --allow-incomplete), 1 a caption file was held \
                back, 2 the export could not run (nothing written).
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(
            name: .customLong("to"),
            help: "A target language to export (repeatable; default: every non-source language).")
        var languages: [String] = []

        @Option(name: .customLong("xliff"), help: "XLIFF version: 1.2 (every CAT tool reads it) or 2.0.")
        var version: XLIFFVersion = .v1_2

        @Flag(help: "Export only missing and stale units and copies of the source (what still needs a translator).")
        var needed = false

        @Flag(help: "Copy the source into empty targets (OmegaT translates the text inside <target>).")
        var prefillTarget = false

        @Option(help: "The folder to write to.")
        var out = "Exports/xliff"

        @Flag(help: "Offer missing units the translation of the most similar source text as a fuzzy match.")
        var suggest = false

        @Flag(help: ExportHeldBack.allowIncompleteHelp)
        var allowIncomplete = false

        func execute() throws {
            let path = try collection.resolved()
            let options = XLIFFExportOptions(
                targetLanguages: languages, version: version, onlyNeeded: needed, prefillTarget: prefillTarget,
                outputFolder: out, suggest: suggest)
            let result = ExitRetention.keep(try XLIFFExporter.export(collectionAt: path, options: options))
            if let note = result.scopeNote { writeStderr(note + "\n") }
            for finding in result.skippedFiles + result.warnings { writeStderr(finding.formatted + "\n") }
            for file in result.files {
                var detail = "\(file.unitCount) unit\(file.unitCount == 1 ? "" : "s")"
                if file.missingCount > 0 { detail += ", \(file.missingCount) to translate" }
                if file.staleCount > 0 { detail += ", \(file.staleCount) stale" }
                if suggest { detail += ", \(file.suggestedCount) with a suggestion" }
                writeStdout("wrote \(file.path) (\(detail))\n")
            }
            for language in result.emptyLanguages {
                writeStdout(
                    "\(language): nothing to export\(needed ? " (nothing missing or stale)" : ""); no file written\n")
            }
            try ExportHeldBack.exit(heldBack: result.warnings, allowIncomplete: allowIncomplete)
        }
    }
}
