import ArgumentParser

extension CaptionsCommand {
    /// `captions export`: the group of export commands.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export captions for translators or sign makers.",
            subcommands: [Signage.self]
        )
    }
}
