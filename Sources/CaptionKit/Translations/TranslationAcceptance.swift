import Foundation

/// `captions accept`: a curator confirms that translations match the current source text, so
/// they are no longer stale.
public enum TranslationAcceptance {
    /// What was confirmed.
    public struct Result: Sendable, Equatable {
        /// The caption file.
        public var path: String
        /// The exhibit's id (its file name when it has none).
        var exhibit: String
        /// `field (language)` entries whose record changed, in field then language order.
        public var accepted: [String]
        /// Entries that were already current.
        public var alreadyCurrent: [String]
        /// The errors and warnings `captions check` still reports on the accepted texts (a
        /// number the new source changed, a term): accepting says the translation follows the
        /// source, and these say where it may not.
        public var findings: [Diagnostic] = []
        /// The caption file's path in the collection.
        var relativePath = ""
    }

    /// What `captions accept --untracked` prints: one line per file written, then a summary, e.g.
    /// `wrote Captions/hall-1/barbed-wire.yml (3 translations of barbed-wire)` and `recorded the
    /// source of 3 translations in 1 exhibit file: editing that source now marks them stale`.
    /// With `passedOver` files skipped (``PassedOverFile``), "nothing to write" speaks only of
    /// the files not skipped.
    public static func untrackedReport(_ results: [Result], passedOver: Int = 0) -> String {
        guard !results.isEmpty else {
            let which = passedOver == 0 ? "every translation" : "every translation in the files not skipped"
            return "\(which) already has a record of its source; nothing was written\n"
        }
        var output = ""
        for result in results {
            output += "wrote \(result.path) (\(TextReporter.plural(result.accepted.count, "translation")) of "
            output += "\(result.exhibit))\n"
        }
        let count = results.reduce(0) { $0 + $1.accepted.count }
        output += "recorded the source of \(TextReporter.plural(count, "translation")) in "
        output += "\(TextReporter.plural(results.count, "exhibit file")): editing that source now marks them stale\n"
        return output
    }
}
