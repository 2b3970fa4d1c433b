import CaptionKit
import Foundation

// The sign-off part of the editor's door into CaptionKit (see LibraryBridge.swift).

extension LibraryBridge {
    /// The sign-off states of every field and language of one exhibit (its record read once),
    /// keyed `field.language`.
    static func signOffStates(of exhibit: Exhibit, config: CollectionConfig) -> [String: SignOffState] {
        let state = exhibit.signOffStates(config: config)
        var states: [String: SignOffState] = [:]
        for spec in config.fields {
            for language in config.languages { states["\(spec.name).\(language)"] = state(spec.name, language) }
        }
        return states
    }

    /// The fingerprint of each text of the exhibit as a page shows it (`""` for no text), as the
    /// sign-off compares them: field → language → fingerprint.
    static func fingerprints(of exhibit: Exhibit, config: CollectionConfig) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for spec in config.fields {
            for language in config.languages {
                result[spec.name, default: [:]][language] =
                    exhibit.field(spec.name)?.translation(language).map { SignOff.fingerprint(of: $0.text) } ?? ""
            }
        }
        return result
    }

    /// The word diffs of the stale translations of exhibit `id` (from the git history of its
    /// file), keyed `field.language`; empty when there is nothing stale or it cannot be read.
    static func sourceDiffs(id: String, in collection: IndexedCollection) -> [String: SourceDiff] {
        guard let diffs = try? collection.sourceDiffs(id: id) else { return [:] }
        var result: [String: SourceDiff] = [:]
        for diff in diffs { result["\(diff.field).\(diff.language)"] = diff }
        return result
    }

    /// The id to write instead when the id of `exhibit` is not a slug (nothing of it can be
    /// signed off then), or `nil`.
    static func slugForSignOff(of exhibit: Exhibit) -> String? { exhibit.slugForSignOff }

    /// Why `name` cannot sign off (empty, too long, a `;`...), or `nil` when it can.
    static func signerProblem(_ name: String) -> SignOff.NameProblem? { SignOff.nameProblem(name) }

    /// Reviews or approves one text of exhibit `id` as `by` today, if its source and text still
    /// have the fingerprints `expected` (field → language → fingerprint); otherwise throws
    /// ``CaptionError/conflict(path:)`` and writes nothing.
    static func signOff(
        _ action: SignOff.Action, id: String, field: String, language: String, by: String,
        expected: [String: [String: String]], in collection: IndexedCollection
    ) throws(CaptionError) -> SignOff.Result {
        let request = SignOff.Request(
            action: action, id: id, fields: [field], languages: [language], by: by, date: try SignOff.today(),
            expectedTexts: expected)
        return try collection.signOff(request)
    }

    /// The judge of "ready for print" for the exhibits of `collection`: every text approved, as
    /// `export signage` judges it.
    static func printReadiness(of collection: CaptionCollection) -> PrintReadiness {
        PrintReadiness(collection: collection, level: .approved)
    }
}
