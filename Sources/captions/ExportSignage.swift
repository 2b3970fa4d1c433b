import ArgumentParser
import CaptionKit

extension SignageFormat: ExpressibleByArgument {}
extension DataMergeEncoding: ExpressibleByArgument {}

extension CaptionsCommand.Export {
    /// `captions export signage`: label text for sign makers.
    struct Signage: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write signage-ready label text: text files, an InDesign Data Merge file and a proof sheet.",
            discussion: """
                Languages follow the order of languages: in captions.yml; print typography is applied \
                to the exported text only (the caption files are not changed). An exhibit with a \
                missing or empty text in a field on the sign, or a translation that is a copy of its \
                source (what captions check reports as untranslated), is held back: it is listed on stderr as \
                'path:line:col: error: <id> held back: <reason>' and nothing is written for it.

                The export runs the checks of captions check (captions.yml's severities, ignore: \
                entries and the baseline, as the check applies them): a label with an error-level \
                finding is held back too ('... held back: <message> [<check>]'), unless \
                --allow-check-errors writes it and reports each error as a warning. The proof sheet \
                lists every finding at its label, and shows a label held back only for check errors \
                with its text.

                A field on a panel is measured in the panel's font (with --with kk-Latn, the Latin \
                block too); when that font is missing, nothing proves the text fits, and the label is \
                held back unless --allow-unmeasured writes it unmeasured.

                PATH may be a folder inside a collection (a gallery): it is exported as part of its \
                collection, with the collection's settings, panels and gate, its exhibits only.

                The export folder mirrors the collection: files an earlier export wrote that this one \
                does not are removed (the list is kept in <out>/.captions-manifest; with a gallery \
                or --only, only the labels of its exhibits); other files in the folder are never touched.

                Examples:
                  captions export signage
                  captions export signage Captions --out Exports/signage --format html
                  captions export signage --only stalin-wagon --allow-incomplete
                  captions export signage --with kk-Latn
                  captions export signage --format html --allow-check-errors

                Exit codes: 0 everything exported (or --allow-incomplete), 1 an exhibit was held back, \
                2 the export could not run (no collection, bad configuration or baseline file, \
                unwritable folder).
                """
        )

        @OptionGroup var collection: CollectionArgument

        @Option(help: "The export folder.")
        var out: String = SignageExportOptions.defaultOutputFolder

        @Option(help: "A format to write: txt, datamerge or html (repeatable; default: all three).")
        var format: [SignageFormat] = []

        @Option(
            help: "Export only the exhibit with this id (repeatable); only its own earlier label may be removed.")
        var only: [String] = []

        @Flag(help: ExportHeldBack.allowIncompleteHelp)
        var allowIncomplete = false

        @Flag(
            help: """
                Write labels that captions check reports errors in (each error is printed as a warning) \
                instead of holding them back.
                """)
        var allowCheckErrors = false

        @Flag(
            help: """
                Write labels with a field on a panel whose font is missing, their fit not measured \
                (the character limits apply), instead of holding them back.
                """)
        var allowUnmeasured = false

        @Option(help: "Encoding of datamerge.txt: utf16le (with BOM, for InDesign) or utf8-bom.")
        var datamergeEncoding: DataMergeEncoding = .utf16LE

        @Option(
            name: .customLong("with"),
            help: "Add a derived block: kk-Latn (provisional Latin-script Kazakh after Kazakh).")
        var derived: [String] = []

        func validate() throws {
            // A language tag in any case: kk-latn and KK-LATN are kk-Latn.
            for tag in derived where tag.lowercased() != KazakhLatin.tag.lowercased() {
                throw ValidationError("--with supports only kk-Latn, not '\(tag)'")
            }
        }

        func execute() throws {
            let path = try collection.resolved()
            let options = SignageExportOptions(
                outputFolder: out, formats: format.isEmpty ? Set(SignageFormat.allCases) : Set(format), onlyIDs: only,
                dataMergeEncoding: datamergeEncoding, withLatinKazakh: !derived.isEmpty,
                allowsCheckErrors: allowCheckErrors, allowsUnmeasured: allowUnmeasured)
            let report = ExitRetention.keep(
                try SignageExporter.export(collectionAt: path, options: options))
            writeStderr(report.messageLines.map { $0 + "\n" }.joined())
            try ExportHeldBack.exit(heldBack: report.heldBack, allowIncomplete: allowIncomplete)
        }
    }
}
