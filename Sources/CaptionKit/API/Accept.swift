import Foundation

extension TranslationAcceptance {
    /// Loads the collection at `path` and accepts the translations of exhibit `id` (`captions
    /// accept`); see ``accept(id:field:language:in:dryRun:)``. The result holds what `captions
    /// check` still reports on the accepted texts (``Result/findings``).
    public static func accept(
        id: String, field: String?, language: String?, collectionAt path: String
    ) throws(CaptionError) -> Result {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        var result = try accept(id: id, field: field, language: language, in: collection)
        result.findings = remainingFindings(of: result, in: collection)
        return result
    }
}

extension TranslationAcceptance {
    /// Records the current source fingerprint for the translations of exhibit `id`, optionally
    /// only for one field and/or language, and writes the caption file if anything changed.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an unknown exhibit, field or language,
    ///   or when there is no translation to accept; ``CaptionError/invalidInput(_:_:)`` when
    ///   the file cannot be edited safely, or none has the id but a file named `<id>.yml`
    ///   cannot be read as captions.
    static func accept(
        id: String, field: String?, language: String?, in collection: CaptionCollection, dryRun: Bool = false
    ) throws(CaptionError) -> Result {
        let config = collection.config
        let language = language.map(config.spelledAsConfigured)
        let exhibit = try collection.exhibit(id: id)
        try validate(field: field, language: language, config: config)
        let record = TranslationRecord(exhibit: exhibit)
        var fingerprints: [String: [String: String]] = [:]
        var accepted: [String] = []
        var current: [String] = []
        for spec in config.fields where field == nil || spec.name == field {
            guard let captionField = exhibit.field(spec.name), let source = captionField.translation(config.source),
                !source.isBlank
            else { continue }
            let fingerprint = SourceFingerprint.of(source.text)
            for target in config.targetLanguages where language == nil || target == language {
                guard let translation = captionField.translation(target), !translation.isBlank else { continue }
                let entry = "\(spec.name) (\(target))"
                if record.fingerprint(field: spec.name, language: target) == fingerprint {
                    current.append(entry)
                } else {
                    fingerprints[spec.name, default: [:]][target] = fingerprint
                    accepted.append(entry)
                }
            }
        }
        guard !accepted.isEmpty || !current.isEmpty else {
            let what = [field, language].compactMap { $0 }.joined(separator: " ")
            throw .invalidArgument("\(id) has no \(what.isEmpty ? "" : what + " ")translation to accept")
        }
        if !accepted.isEmpty {
            var editor = try CaptionFileEditor(editing: exhibit)
            try editor.record(fingerprints, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
            if !dryRun {
                try AtomicFile.replaceCaptionFile(
                    editor.data, at: exhibit.path, readAs: editor.readDigest, collection: collection.rootPath)
            }
        }
        return Result(
            path: exhibit.path, exhibit: id, accepted: accepted, alreadyCurrent: current,
            relativePath: exhibit.relativePath)
    }

    /// The errors and warnings `captions check` reports, after the accept was written, on the
    /// texts `result` accepted; none when nothing was accepted or the check cannot run.
    private static func remainingFindings(of result: Result, in collection: CaptionCollection) -> [Diagnostic] {
        guard !result.accepted.isEmpty else { return [] }
        let written = collection.readExhibit(result.relativePath)
        guard let check = try? CaptionChecker.check(written, in: collection) else { return [] }
        let accepted = Set(result.accepted)
        return check.findings.filter { finding in
            guard finding.severity != .note, let field = finding.field, let language = finding.language else {
                return false
            }
            return accepted.contains("\(field) (\(language))")
        }
    }

    /// Refuses a `--field` or `--lang` the collection does not translate.
    private static func validate(field: String?, language: String?, config: CollectionConfig) throws(CaptionError) {
        if let field, config.field(field) == nil {
            throw .invalidArgument(config.notAField(field))
        }
        if let language, !config.targetLanguages.contains(language) {
            throw .invalidArgument(
                """
                --lang \(language) is not a target language of this collection \
                (\(config.targetLanguages.joined(separator: ", ")))
                """
            )
        }
    }
}

extension TranslationAcceptance {
    /// Loads the collection at `path` and starts tracking its untracked translations (`captions
    /// accept --untracked`); see ``acceptUntracked(field:language:in:dryRun:)``. `passedOver`
    /// names each file that cannot be read as captions or is read with errors, in file order:
    /// its translations may have no record, and were not looked at.
    public static func acceptUntracked(
        field: String?, language: String?, collectionAt path: String
    ) throws(CaptionError) -> (results: [Result], passedOver: [PassedOverFile]) {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        let results = try acceptUntracked(field: field, language: language, in: collection)
        return (results, collection.filesPassedOver())
    }

    /// Records the current source fingerprint for every translation that has no record of its
    /// source yet (``TranslationTracker/untrackedTranslations(in:config:fields:languages:)``),
    /// optionally only for one field and/or language, so that later edits of the source mark
    /// it stale. A translation that has a record is never touched: a stale one stays stale.
    /// One result per file to write, in file order (none when everything is tracked); a file
    /// that cannot be read as captions or is read with errors is passed over
    /// (``CaptionCollection/filesPassedOver(inGallery:needingID:)``). The files are written all or none,
    /// atomically under the collection lock.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an unknown field or language;
    ///   ``CaptionError/invalidInput(_:_:)`` when a file cannot be edited safely (nothing is
    ///   written then); ``CaptionError/conflict(path:)`` when a file changed since it was read.
    static func acceptUntracked(
        field: String?, language: String?, in collection: CaptionCollection, dryRun: Bool = false
    ) throws(CaptionError) -> [Result] {
        let config = collection.config
        let language = language.map(config.spelledAsConfigured)
        try validate(field: field, language: language, config: config)
        var results: [Result] = []
        var files: [(path: String, data: Data, readAs: ContentDigest?)] = []
        for exhibit in collection.exhibits where exhibit.isReadWithoutErrors {
            let untracked = TranslationTracker.untrackedTranslations(
                in: exhibit, config: config, fields: field.map { [$0] }, languages: language.map { [$0] })
            guard !untracked.isEmpty else { continue }
            var fingerprints: [String: [String: String]] = [:]
            for (fieldName, target) in untracked {
                guard let source = exhibit.field(fieldName)?.translation(config.source) else { continue }
                fingerprints[fieldName, default: [:]][target] = SourceFingerprint.of(source.text)
            }
            var editor = try CaptionFileEditor(editing: exhibit)
            try editor.record(fingerprints, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
            files.append((exhibit.path, editor.data, editor.readDigest))
            results.append(
                Result(
                    path: exhibit.path, exhibit: exhibit.displayID,
                    accepted: untracked.map { "\($0.field) (\($0.language))" }, alreadyCurrent: []))
        }
        if !dryRun { try AtomicFile.replaceCaptionFiles(files, collection: collection.rootPath) }
        return results
    }
}
