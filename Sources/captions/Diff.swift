import ArgumentParser
import CaptionKit

extension CaptionsCommand {
    /// `captions diff`: the words of the source that changed since a translation was made.
    struct Diff: CaptionsSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which words of the source changed since a stale translation was made.",
            discussion: """
                For each stale translation of the exhibit (or each named field and language), a word \
                diff from the source text the translation was made from to the current one: deleted \
                words as [-old-], inserted ones as {+new+}. The earlier source is found in the git \
                history of the caption file by the fingerprint its translations: record keeps; outside \
                git, or when history does not have it, a plain sentence says so. Exit 0 either way.

                Examples:
                  captions diff stalin-wagon
                  captions diff stalin-wagon --field text --lang kk
                """
        )

        @Argument(help: "The exhibit id.")
        var id: String

        @Option(name: .customLong("field"), help: "Only this caption field (repeatable).")
        var fields: [String] = []

        @Option(name: .customLong("lang"), help: "Only this target language (repeatable).")
        var languages: [String] = []

        @Option(help: ArgumentHelp(CollectionArgument.optionHelp))
        var path: String?

        func execute() throws {
            let root = try CollectionArgument(path: path).resolved()
            let collection = try CaptionCollection.load(path: root)
            let diffs = try SourceDiff.of(id: id, fields: fields, languages: languages, in: collection)
            for diff in diffs { writeStdout(diff.text(id: id, sourceLanguage: collection.config.source)) }
            if diffs.isEmpty { writeStdout("\(id) has no stale translation\n") }
        }
    }
}
