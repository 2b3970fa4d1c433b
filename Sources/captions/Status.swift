import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions status`: translation progress per language.
    struct Status: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Show translation progress per language.",
            discussion: """
                A table per language: caption units, translated, missing, same as source (a \
                translation that is a copy of its source, what captions check reports as untranslated; \
                shown when there is one), percent complete, \
                the source words still to translate (what a translator quotes on), and the \
                findings of captions check about that language per severity; then the number of \
                findings of each check (accepted exceptions and the baseline are left out). \
                A file it did not read although it may hold captions (kurt.YML, a linked gallery) \
                is named on stderr as captions check names it (skipped-file).

                Examples:
                  captions status
                  captions status Captions --format json
                """
        )

        /// Output formats of `status`.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var collection: CollectionArgument

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func execute() throws {
            let path = try collection.resolved()
            let status = try TranslationStatus.of(collectionAt: path)
            if let note = status.scopeNote { writeStderr(note + "\n") }
            for skipped in status.skippedFiles { writeStderr(skipped.formatted + "\n") }
            switch format {
            case .text: writeStdout(status.text)
            case .json:
                writeStdout(try status.json())
            }
        }
    }
}
