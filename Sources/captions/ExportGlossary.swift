import ArgumentParser
import CaptionKit

extension GlossaryFormat: ExpressibleByArgument {}

extension CaptionsCommand.Export {
    /// `captions export glossary`: the collection's glossary for CAT tools and spreadsheets.
    struct Glossary: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Write the collection's glossary (glossary.yml) for CAT tools: TBX, OmegaT or CSV.",
            discussion: """
                tbx writes <out>/glossary.tbx (TBX-Basic, read by Weblate, Translate Toolkit, memoQ, \
                Trados and most CAT tools); omegat writes <out>/<source>-<target>.utf8 per target \
                language (put it in the OmegaT project's glossary folder); csv writes <out>/glossary.csv \
                for spreadsheets. Nothing is written when the collection has no glossary.yml.

                Examples:
                  captions export glossary
                  captions export glossary Captions --format omegat --to kk
                  captions export glossary --format csv --out Exports/sheets
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(help: "The format: tbx, omegat or csv.")
        var format: GlossaryFormat = .tbx

        @Option(
            name: .customLong("to"),
            help: "A target language to include (repeatable; default: every non-source language).")
        var languages: [String] = []

        @Option(help: "The folder to write to.")
        var out = "Exports/glossary"

        func execute() throws {
            let path = try collection.resolved()
            let options = GlossaryExportOptions(format: format, targetLanguages: languages, outputFolder: out)
            let files = try GlossaryExporter.export(collectionAt: path, options: options)
            if files.isEmpty { writeStdout("no glossary.yml in \(path); nothing written\n") }
            for file in files {
                writeStdout("wrote \(file.path) (\(file.entryCount) entr\(file.entryCount == 1 ? "y" : "ies"))\n")
            }
        }
    }
}
