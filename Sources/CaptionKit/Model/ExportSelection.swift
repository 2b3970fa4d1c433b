/// What the exports take from a collection: the target languages asked for (`export xliff`,
/// `export tmx`, `export glossary`), and the caption files an export can take at all (every
/// export of the exhibits: `export xliff`, `export tmx`, `export signage`).
extension CollectionConfig {
    /// The target languages `--to` asks for (in any case), in the collection's order and
    /// spelling; all of them when `requested` is empty.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a language that is the source or not a
    ///   language of the collection.
    func exportTargets(_ requested: [String]) throws(CaptionError) -> [String] {
        let requested = requested.map(spelledAsConfigured)
        for language in requested where !targetLanguages.contains(language) {
            let reason = language == source ? "is the source language" : "is not a language of this collection"
            let hint = Suggestion.didYouMean(language, in: targetLanguages)
            throw .invalidArgument(
                "--to \(language) \(reason) (target languages: \(targetLanguages.joined(separator: ", ")))\(hint)")
        }
        return requested.isEmpty ? targetLanguages : targetLanguages.filter { requested.contains($0) }
    }
}

/// The caption files no export takes, and why: the one decision of every export that writes
/// exhibits (``SignageGate`` adds the label's own reasons to it).
///
/// A file with an error found when it was read (a YAML syntax error, a duplicate key, a value of
/// the wrong type) is held back, since nothing of it can be edited safely: a translation made
/// of it would be refused by `captions import`. So is a file without a valid id, and every file
/// whose id another file has too: a unit or a label needs the id to name its one exhibit.
struct ExportableFiles: Sendable {
    /// How many exhibits use each id.
    private let idCounts: [String: Int]

    /// The decision for the files of `collection`.
    init(_ collection: CaptionCollection) {
        idCounts = collection.exhibits.reduce(into: [:]) { counts, exhibit in
            if let id = exhibit.id { counts[id, default: 0] += 1 }
        }
    }

    /// Whether more than one exhibit has the id `id`.
    func isShared(_ id: String) -> Bool {
        idCounts[id, default: 0] > 1
    }

    /// Why no export takes the file of `exhibit`, in the order found; empty when it can be
    /// exported.
    func reasons(for exhibit: Exhibit) -> [HoldBackReason] {
        let start = SourceLocation(path: exhibit.path, line: 1, column: 1)
        var reasons = exhibit.loadFindings.filter { $0.severity == .error }.map {
            HoldBackReason(.unreadable, at: $0.location, $0.message, field: $0.field, language: $0.language)
        }
        guard exhibit.isReadable else {
            if reasons.isEmpty {
                reasons.append(HoldBackReason(.unreadable, at: start, "the file cannot be read as captions"))
            }
            return reasons
        }
        guard let id = exhibit.id else {
            reasons.append(HoldBackReason(.invalidID, at: start, "the file has no id"))
            return reasons
        }
        if !ExhibitID.isValid(id) {
            reasons.append(HoldBackReason(.invalidID, at: exhibit.idLocation, "id '\(id)' is not a slug"))
        } else if isShared(id) {
            reasons.append(
                HoldBackReason(.duplicateID, at: exhibit.idLocation, "id '\(id)' is used by another exhibit too"))
        }
        return reasons
    }
}

extension CaptionCollection {
    /// The exhibits whose files an export can take (``ExportableFiles``), in path order, and a
    /// `finding` (the export's) for each reason a file is held back:
    /// `path:line:col: error: <id> held back: <reason> [xliff-export]`, as `export signage` says it.
    /// Only the exhibits in ``scope`` are taken; an id is shared with any exhibit of the collection.
    func exportableExhibits(finding: ExportFinding) -> ([Exhibit], [Diagnostic]) {
        let files = ExportableFiles(self)
        var result: [Exhibit] = []
        var heldBack: [Diagnostic] = []
        for exhibit in scopedExhibits {
            let reasons = files.reasons(for: exhibit)
            guard reasons.isEmpty else {
                heldBack += reasons.sorted { $0.location < $1.location }.map {
                    Diagnostic(
                        finding, location: $0.location, message: "\(exhibit.displayID) held back: \($0.message)",
                        exhibitID: exhibit.displayID, field: $0.field, language: $0.language)
                }
                continue
            }
            result.append(exhibit)
        }
        return (result, heldBack)
    }
}
