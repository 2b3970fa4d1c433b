import Foundation

/// Writes XLIFF files for translators: one per target language, one `<file>` per document, a
/// group per exhibit and a unit per exhibit field with source text.
///
/// Output bytes depend only on the collection and the options (no timestamps, no absolute
/// paths): the `original` attribute is the collection folder's name.
public enum XLIFFExporter {
    /// Builds the files without writing them.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when a requested language is not a
    ///   target language of the collection.
    public static func export(_ collection: CaptionCollection, options: XLIFFExportOptions) throws(CaptionError)
        -> XLIFFExportResult
    {
        let config = collection.config
        for language in options.targetLanguages where !config.targetLanguages.contains(language) {
            let reason = language == config.source ? "is the source language" : "is not a language of this collection"
            throw .invalidArgument(
                "--to \(language) \(reason) (target languages: \(config.targetLanguages.joined(separator: ", ")))")
        }
        let languages =
            options.targetLanguages.isEmpty
            ? config.targetLanguages : config.targetLanguages.filter { options.targetLanguages.contains($0) }
        let (exhibits, warnings) = exportableExhibits(collection)
        let original = URL(fileURLWithPath: collection.rootPath).standardizedFileURL.lastPathComponent
        var files: [XLIFFExportFile] = []
        var empty: [String] = []
        for language in languages {
            // Units (with their source fingerprints) are built on all cores; order is kept. Each
            // exhibit becomes its group at once, so no exhibit or unit is copied afterwards.
            let onlyNeeded = options.onlyNeeded
            let groups = exhibits.concurrentMap { exhibit -> XLIFFDocumentWriter.Group in
                (
                    id: exhibit.id ?? "", relativePath: exhibit.relativePath,
                    units: self.units(of: exhibit, language: language, config: config).filter { unit in
                        !onlyNeeded || unit.target == nil || unit.state.isStale
                    }
                )
            }.filter { !$0.units.isEmpty }
            var count = 0
            var missing = 0
            var stale = 0
            for group in groups {
                count += group.units.count
                for unit in group.units {
                    if unit.target == nil { missing += 1 }
                    if unit.state.isStale { stale += 1 }
                }
            }
            guard count > 0 else {
                empty.append(language)
                continue
            }
            let path = CollectionLoader.join(options.outputFolder, "\(config.source)-\(language).xlf")
            let document = XLIFFDocumentWriter(
                version: options.version, original: original, sourceLanguage: config.source, targetLanguage: language,
                prefillTarget: options.prefillTarget)
            let data = try document.write(groups, path: path)
            files.append(
                XLIFFExportFile(
                    path: path, sourceLanguage: config.source, targetLanguage: language, data: data, unitCount: count,
                    missingCount: missing, staleCount: stale))
        }
        return XLIFFExportResult(files: files, emptyLanguages: empty, warnings: warnings)
    }

    /// Writes the files of `result` atomically, creating the folder.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``.
    public static func write(_ result: XLIFFExportResult) throws(CaptionError) {
        for file in result.files { try AtomicFile.write(file.data, to: file.path) }
    }

    /// Readable exhibits with a valid, unique id, in path order; warnings for the others.
    static func exportableExhibits(_ collection: CaptionCollection) -> ([Exhibit], [Diagnostic]) {
        var seen: [String: String] = [:]  // id -> the relative path of the first file using it
        var result: [Exhibit] = []
        var warnings: [Diagnostic] = []
        func warn(_ exhibit: Exhibit, _ message: String) {
            warnings.append(
                Diagnostic(
                    checkID: "xliff-export", severity: .warning, location: exhibit.idLocation, message: message,
                    exhibitID: exhibit.displayID))
        }
        for exhibit in collection.exhibits {
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

    /// The units of one exhibit for one target language: configured fields with source text.
    static func units(of exhibit: Exhibit, language: String, config: CollectionConfig) -> [XLIFFExportUnit] {
        let record = TranslationRecord(exhibit: exhibit)
        var units: [XLIFFExportUnit] = []
        for spec in config.fields {
            guard let field = exhibit.field(spec.name), let source = field.translation(config.source), !source.isBlank
            else { continue }
            let state = TranslationTracker.state(
                of: exhibit, field: spec.name, language: language, config: config, record: record)
            let existing = field.translation(language).flatMap { $0.isBlank ? nil : $0.text }
            var notes: [XLIFFExportUnit.Note] = []
            if let text = exhibit.notes?.text, !text.isEmpty { notes.append(.init(category: "exhibit", text: text)) }
            if let limit = spec.maxChars {
                notes.append(.init(category: "limit", text: "At most \(limit) characters: the space on the panel."))
            }
            notes.append(
                .init(category: "location", text: "Caption file \(exhibit.relativePath), field \(spec.name)."))
            if case .stale(let recorded, let current) = state {
                notes.append(
                    .init(
                        category: "stale",
                        text: """
                            The \(Language.displayName(config.source)) source changed after this translation was made \
                            (source fingerprint then \(recorded), now \(current)); check the translation against the \
                            new source and update it.
                            """))
            }
            units.append(
                XLIFFExportUnit(
                    id: "\(exhibit.id ?? exhibit.displayID).\(spec.name)", exhibitID: exhibit.id ?? exhibit.displayID,
                    relativePath: exhibit.relativePath, field: spec.name, source: source.text, target: existing,
                    state: state, maxChars: spec.maxChars, notes: notes))
        }
        return units
    }
}
