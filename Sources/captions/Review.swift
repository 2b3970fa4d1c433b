import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions review`: records that a second person read translations against the source.
    struct Review: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that translations of an exhibit were reviewed against the source.",
            discussion: """
                Records a review by NAME of each selected translation in the exhibit's machine-owned \
                translations: key, tied to the fingerprints of the exact source and translation texts: \
                any later change to either text demotes it. Missing and stale translations are refused \
                with the reason (exit 1); the others are still recorded. The date comes from \
                SOURCE_DATE_EPOCH when set, else from the clock.

                Examples:
                  captions review stalin-wagon --by AB
                  captions review stalin-wagon --field title --lang kk --by "Aigerim B."
                """
        )

        @OptionGroup var options: SignOffOptions

        func validate() throws {
            // The id is optional only for approve --all-reviewed; said here, the error comes with
            // this command's usage, not the tool's.
            if options.id == nil { throw ValidationError("give the exhibit id") }
        }

        func execute() throws {
            try options.run(.review)
        }
    }

    /// `captions approve`: clears texts for print.
    struct Approve: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve texts of an exhibit for print.",
            discussion: """
                Records an approval by NAME of each selected text, tied to the fingerprints of the \
                exact texts: a translation must be reviewed first (captions review); the source \
                language is approved directly by the curator. Missing, stale and unreviewed texts are \
                refused with the reason (exit 1); the others are still recorded. With four-eyes: true \
                (captions.yml, not-approved) a text's reviewer cannot approve it: refused, or with \
                --all-reviewed skipped with a warning. --all-reviewed approves every reviewed \
                translation of a gallery (--gallery) or the collection; with --with-source, every \
                source text not yet approved too (a source text needs no review).

                Examples:
                  captions approve stalin-wagon --by DK
                  captions approve stalin-wagon --lang ru --by DK
                  captions approve --all-reviewed --gallery memorial-park --by DK
                  captions approve --all-reviewed --with-source --by DK
                """
        )

        @OptionGroup var options: SignOffOptions

        @Flag(help: "Approve every reviewed, not yet approved translation (instead of one exhibit).")
        var allReviewed = false

        @Option(help: "With --all-reviewed: only this gallery folder (and the galleries below it).")
        var gallery: String?

        @Flag(help: "With --all-reviewed: approve every source text not yet approved too (it needs no review).")
        var withSource = false

        func validate() throws {
            if allReviewed && options.id != nil {
                throw ValidationError("give an exhibit id or --all-reviewed, not both")
            }
            if allReviewed && (!options.fields.isEmpty || !options.languages.isEmpty) {
                throw ValidationError("--all-reviewed approves every reviewed text; --field and --lang do not apply")
            }
            if !allReviewed && gallery != nil { throw ValidationError("--gallery goes with --all-reviewed") }
            if !allReviewed && withSource { throw ValidationError("--with-source goes with --all-reviewed") }
            if !allReviewed && options.id == nil { throw ValidationError("give an exhibit id or --all-reviewed") }
        }

        func execute() throws {
            guard allReviewed else { return try options.run(.approve) }
            let root = try CollectionArgument(path: options.path).resolved()
            let (results, passedOver) = try SignOff.approveAllReviewed(
                gallery: gallery, by: options.by, date: try SignOff.today(), withSource: withSource,
                collectionAt: root)
            for result in results {
                for entry in result.signedOff { writeStdout("approved \(entry) of \(result.id)\n") }
                if !result.signedOff.isEmpty { writeStdout("wrote \(result.path)\n") }
                // Texts NAME reviewed, with four-eyes: skipped, not a failure of the bulk approval.
                for refusal in result.refused { writeStderr(refusal.line(id: result.id, .warning) + "\n") }
            }
            let readable = passedOver.isEmpty ? "" : " in the files not skipped"
            if results.isEmpty {
                let waiting = withSource ? "no text" : "nothing reviewed"
                writeStdout("\(waiting) is waiting for approval\(readable)\n")
            } else if results.allSatisfy(\.signedOff.isEmpty) {
                writeStdout("nothing approved: \(options.by) reviewed every text waiting for approval\(readable)\n")
            }
            try exitOnPassedOver(passedOver)
        }
    }

    /// The options `review` and `approve` share.
    struct SignOffOptions: ParsableArguments {
        @Argument(help: "The exhibit id.")
        var id: String?

        @Option(name: .customLong("field"), help: "Only this caption field (repeatable).")
        var fields: [String] = []

        @Option(name: .customLong("lang"), help: "Only this language (repeatable).")
        var languages: [String] = []

        @Option(help: "The name or initials of the person signing off.")
        var by: String

        @Option(help: ArgumentHelp(CollectionArgument.optionHelp))
        var path: String?

        /// Signs off exhibit `id` and prints what happened; exit 1 when something was refused.
        func run(_ action: SignOff.Action) throws {
            guard let id else { throw ValidationError("give the exhibit id") }
            let root = try CollectionArgument(path: path).resolved()
            let request = SignOff.Request(
                action: action, id: id, fields: fields, languages: languages, by: by, date: try SignOff.today())
            let result = try SignOff.run(request, collectionAt: root)
            let verb = action == .review ? "reviewed" : "approved"
            for entry in result.signedOff { writeStdout("\(verb) \(entry) of \(id)\n") }
            for sentence in result.alreadySignedOff { writeStdout(sentence + "\n") }
            if !result.signedOff.isEmpty { writeStdout("wrote \(result.path)\n") }
            for refusal in result.refused { writeStderr(refusal.line(id: id) + "\n") }
            if !result.refused.isEmpty { throw ExitCode(1) }
        }
    }
}
