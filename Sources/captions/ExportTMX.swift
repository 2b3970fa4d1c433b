import ArgumentParser
import CaptionKit

extension CaptionsCommand.Export {
    /// `captions export tmx`: the translations as a translation memory.
    struct TMX: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "tmx",
            abstract: "Write the current translations as a translation memory (TMX 1.4b), one file per language pair.",
            discussion: """
                Writes <out>/<source>-<target>.tmx (e.g. Exports/tmx/ru-kk.tmx) with a translation unit \
                for every caption field whose translation is current: tuid is <exhibit-id>.<field>, the \
                state is a prop of type x-state. Missing and stale translations, and copies of the \
                source (what the untranslated check reports), are left out. OmegaT, \
                memoQ, Trados and Translate Toolkit read the files. With --multilingual, one file \
                <out>/<source>-mul.tmx holds every target language: a unit per caption field with \
                the source and each current translation, the state a prop of each translation.

                A caption file that export signage would hold back whatever its texts (an error in \
                reading it, such as a key twice in one mapping; no valid id; an id another file has \
                too) is held back here too: 'path:line:col: error: <id> held back: <reason> \
                [tmx-export]' on stderr.

                Examples:
                  captions export tmx
                  captions export tmx Captions --to kk --out Exports/omegat/tm
                  captions export tmx --multilingual

                Exit codes: 0 everything exported (or --allow-incomplete), 1 a caption file was held \
                back, 2 the export could not run (nothing written).
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(
            name: .customLong("to"),
            help: "A target language to export (repeatable; default: every non-source language).")
        var languages: [String] = []

        @Option(help: "The folder to write to.")
        var out = "Exports/tmx"

        @Flag(help: "Write one multilingual file (<source>-mul.tmx) instead of one per language pair.")
        var multilingual = false

        @Flag(help: ExportHeldBack.allowIncompleteHelp)
        var allowIncomplete = false

        func execute() throws {
            let path = try collection.resolved()
            let export = try TMXExporter.export(
                collectionAt: path,
                options: TMXExportOptions(targetLanguages: languages, outputFolder: out, multilingual: multilingual))
            if let note = export.scopeNote { writeStderr(note + "\n") }
            for finding in export.skippedFiles + export.warnings { writeStderr(finding.formatted + "\n") }
            for file in export.files {
                writeStdout("wrote \(file.path) (\(file.unitCount) unit\(file.unitCount == 1 ? "" : "s"))\n")
            }
            try ExportHeldBack.exit(heldBack: export.warnings, allowIncomplete: allowIncomplete)
        }
    }
}
