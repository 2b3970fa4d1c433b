import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions accept`: confirms translations after a source edit, so they are not stale.
    struct Accept: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm that an exhibit's translations match its current source text.",
            discussion: """
                After editing a source text and its translations by hand, run this so the \
                translations are no longer reported as stale. It records the current source's \
                fingerprint in the exhibit's machine-owned translations: key.

                Examples:
                  captions accept stalin-wagon
                  captions accept stalin-wagon --field title --lang kk
                """
        )

        @Argument(help: "The exhibit id.")
        var id: String

        @Option(help: "Only this caption field.")
        var field: String?

        @Option(name: .customLong("lang"), help: "Only this language.")
        var language: String?

        @Option(help: "The collection folder (default: Captions here or in the nearest parent).")
        var path: String?

        func execute() throws {
            let root = try CollectionArgument(path: path).resolved()
            let result = try TranslationAcceptance.accept(
                id: id, field: field, language: language, collectionAt: root)
            for entry in result.accepted { writeStdout("accepted \(entry) of \(id)\n") }
            for entry in result.alreadyCurrent { writeStdout("\(entry) of \(id) was already current\n") }
            if !result.accepted.isEmpty { writeStdout("wrote \(result.path)\n") }
        }
    }
}
