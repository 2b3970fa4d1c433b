import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions new`: writes an empty exhibit file ready to fill.
    struct New: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new exhibit file with every field and language as an empty entry.",
            discussion: """
                Refuses to overwrite an existing file or to reuse an existing id.

                Examples:
                  captions new stalin-wagon --gallery memorial-park
                  captions new kurt --gallery museum-second-floor --path Captions
                """
        )

        @Argument(help: "The exhibit id: lowercase letters, digits and single hyphens.")
        var id: String

        @Option(help: "The gallery folder to put the file in.")
        var gallery: String?

        @Option(help: ArgumentHelp(CollectionArgument.optionHelp))
        var path: String?

        func execute() throws {
            let root = try CollectionArgument(path: path).resolved()
            let written = try CollectionScaffold.newExhibit(id: id, gallery: gallery, in: root)
            writeStdout("created \(written)\n")
        }
    }
}
