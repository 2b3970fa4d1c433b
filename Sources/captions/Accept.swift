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

                With --untracked instead of an id, it records the current source of every \
                translation that has no record yet (typed by hand, brought in from a spreadsheet), \
                so that later edits of the source mark it stale; translations that have a record \
                are left as they are.

                Examples:
                  captions accept stalin-wagon
                  captions accept stalin-wagon --field title --lang kk
                  captions accept --untracked
                """
        )

        @Argument(help: "The exhibit id (not with --untracked).")
        var id: String?

        @Flag(help: "Every translation without a record of its source, in every exhibit.")
        var untracked = false

        @Option(help: "Only this caption field.")
        var field: String?

        @Option(name: .customLong("lang"), help: "Only this language.")
        var language: String?

        @Option(help: ArgumentHelp(CollectionArgument.optionHelp))
        var path: String?

        func validate() throws {
            if untracked, id != nil {
                throw ValidationError("--untracked accepts every untracked translation; it takes no exhibit id")
            }
            if !untracked, id == nil {
                throw ValidationError("name the exhibit to accept (captions accept ID), or use --untracked")
            }
        }

        func execute() throws {
            let root = try CollectionArgument(path: path).resolved()
            guard let id else {
                let (results, passedOver) = try TranslationAcceptance.acceptUntracked(
                    field: field, language: language, collectionAt: root)
                writeStdout(TranslationAcceptance.untrackedReport(results, passedOver: passedOver.count))
                return try exitOnPassedOver(passedOver)
            }
            let result = try TranslationAcceptance.accept(
                id: id, field: field, language: language, collectionAt: root)
            for entry in result.accepted { writeStdout("accepted \(entry) of \(id)\n") }
            for entry in result.alreadyCurrent { writeStdout("\(entry) of \(id) was already current\n") }
            if !result.accepted.isEmpty { writeStdout("wrote \(result.path)\n") }
            guard !result.findings.isEmpty else { return }
            for finding in result.findings { writeStderr(finding.formatted + "\n") }
            writeStderr(
                "note: captions check still reports \(result.findings.count == 1 ? "this" : "these") on the accepted "
                    + "texts; accepting records that they follow the source, not that they are right\n")
        }
    }
}
