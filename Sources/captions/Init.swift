import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions init`: starts a caption collection.
    struct Init: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a caption collection: a commented captions.yml, one example exhibit and a .gitignore.",
            discussion: """
                Refuses to overwrite anything: if the folder already has a captions.yml or exhibit \
                files, nothing is written and the exit code is 2.

                Example:
                  captions init Captions
                """
        )

        @Argument(help: "The folder to create the collection in.")
        var path: String = "Captions"

        func execute() throws {
            let written = try CollectionScaffold.initialize(at: path)
            for file in written { writeStdout("created \(file)\n") }
        }
    }
}
