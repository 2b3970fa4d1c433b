/// What the exports for translators (`export xliff`, `export tmx`, `export glossary`) take
/// from a collection: the target languages asked for, and the exhibits a unit can name.
extension CollectionConfig {
    /// The target languages `--to` asks for, in the collection's order; all of them when
    /// `requested` is empty.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a language that is the source or not a
    ///   language of the collection.
    func exportTargets(_ requested: [String]) throws(CaptionError) -> [String] {
        for language in requested where !targetLanguages.contains(language) {
            let reason = language == source ? "is the source language" : "is not a language of this collection"
            let hint = Suggestion.didYouMean(language, in: targetLanguages)
            throw .invalidArgument(
                "--to \(language) \(reason) (target languages: \(targetLanguages.joined(separator: ", ")))\(hint)")
        }
        return requested.isEmpty ? targetLanguages : targetLanguages.filter { requested.contains($0) }
    }
}

extension CaptionCollection {
    /// Readable exhibits with a valid, unique id, in path order, and a warning, as `finding`
    /// (the export's), for each of the others: a unit needs its exhibit's id.
    func exportableExhibits(finding: ExportFinding) -> ([Exhibit], [Diagnostic]) {
        var seen: [String: String] = [:]  // id -> the relative path of the first file using it
        var result: [Exhibit] = []
        var warnings: [Diagnostic] = []
        func warn(_ exhibit: Exhibit, _ message: String) {
            warnings.append(
                Diagnostic(finding, location: exhibit.idLocation, message: message, exhibitID: exhibit.displayID))
        }
        for exhibit in exhibits {
            guard exhibit.isReadable else {
                warn(exhibit, "\(exhibit.relativePath) cannot be read as captions, so it is not exported")
                continue
            }
            guard let id = exhibit.id, ExhibitID.isValid(id) else {
                warn(exhibit, "\(exhibit.relativePath) has no valid id, so it is not exported")
                continue
            }
            if let first = seen[id] {
                warn(exhibit, "id '\(id)' is also used by \(first), so this file is not exported")
                continue
            }
            seen[id] = exhibit.relativePath
            result.append(exhibit)
        }
        return (result, warnings)
    }
}
