import Foundation

extension XLIFFExporter {
    /// Loads the collection at `path`, builds its XLIFF files and writes them (`captions export
    /// xliff`); the result says what was written.
    ///
    /// - Throws: ``CaptionError`` when the collection cannot be loaded, a requested language is
    ///   not a target language, or a file cannot be written.
    public static func export(collectionAt path: String, options: XLIFFExportOptions) throws(CaptionError)
        -> XLIFFExportResult
    {
        let collection = try CollectionLoader.load(scopedTo: path)
        defer { releaseInBackground(collection) }
        guard !collection.scopedExhibits.isEmpty else {
            throw CaptionChecker.noExhibitFiles(in: collection, to: "export")
        }
        var result = try export(collection, options: options)
        result.scopeNote = collection.scopeNote
        try write(result)
        return result
    }
}

extension XLIFFExporter {
    /// Builds the files without writing them.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when a requested language is not a
    ///   target language of the collection.
    public static func export(_ collection: CaptionCollection, options: XLIFFExportOptions) throws(CaptionError)
        -> XLIFFExportResult
    {
        let config = collection.config
        let languages = try config.exportTargets(options.targetLanguages)
        let (exhibits, warnings) = collection.exportableExhibits(finding: .xliffExport)
        let original = URL(fileURLWithPath: collection.rootPath).standardizedFileURL.lastPathComponent
        let glossary = XLIFFGlossaryHints(config.glossary, source: config.source)
        // Fields measured on a panel: their limit is the panel's lines, not `max-chars`.
        let measuredPanels = PanelFonts(config: config).panels.mapValues(\.profile)
        // Translations that are copies of their source go out as missing ones.
        let copies = try CopiedTranslations(config: config)
        var files: [XLIFFExportFile] = []
        var empty: [String] = []
        var unwritable = UnwritableTexts()
        let exhibitsByID = Dictionary(exhibits.map { ($0.id ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let entries = Dictionary(config.glossary.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for language in languages {
            // Units (with their source fingerprints) are built on all cores; order is kept. Each
            // exhibit becomes its group at once, so no exhibit or unit is copied afterwards.
            let onlyNeeded = options.onlyNeeded
            let suggest = options.suggest
            var groups = exhibits.concurrentMap { exhibit -> XLIFFDocumentWriter.Group in
                (
                    id: exhibit.id ?? "", relativePath: exhibit.relativePath,
                    units: self.units(
                        of: exhibit, language: language, config: config, glossary: glossary,
                        measuredPanels: measuredPanels, copies: copies
                    ).filter {
                        unit in
                        // Suggestions need every translated unit first: they are the memory.
                        suggest || !onlyNeeded || unit.target == nil || unit.state.isStale
                    }
                )
            }
            if suggest { groups = suggestions(groups, onlyNeeded: onlyNeeded) }
            groups.removeAll { $0.units.isEmpty }
            for group in groups {
                guard let exhibit = exhibitsByID[group.id] else { continue }
                check(group.units, of: exhibit, language: language, config: config, entries: entries, into: &unwritable)
            }
            var count = 0
            var missing = 0
            var stale = 0
            var suggested = 0
            for group in groups {
                count += group.units.count
                for unit in group.units {
                    // A stale copy of the source goes out to translate, as a missing unit: counted once.
                    if unit.target == nil { missing += 1 } else if unit.state.isStale { stale += 1 }
                    if unit.suggestion != nil { suggested += 1 }
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
                    missingCount: missing, staleCount: stale, suggestedCount: suggested))
        }
        try unwritable.throwIfAny()
        return XLIFFExportResult(
            files: files, emptyLanguages: empty, warnings: warnings,
            skippedFiles: SkippedFileCheck.namedOutsideCheck(in: collection))
    }

    /// Checks the texts the units of `exhibit` write (``UnwritableTexts``): the exhibit's notes,
    /// each unit's source and target, and the glossary entries it lists.
    private static func check(
        _ units: [XLIFFExportUnit], of exhibit: Exhibit, language: String, config: CollectionConfig,
        entries: [String: GlossaryEntry], into unwritable: inout UnwritableTexts
    ) {
        unwritable.check(exhibit.notes, "notes", isField: false)
        for unit in units {
            let field = exhibit.field(unit.field)
            unwritable.check(field?.translation(config.source), "\(unit.field) (\(config.source))")
            if unit.target != nil { unwritable.check(field?.translation(language), "\(unit.field) (\(language))") }
            for hint in unit.glossary {
                if let entry = entries[hint.entryID] {
                    unwritable.check(entry, languages: [config.source, language])
                }
            }
        }
    }
}

extension XLIFFExporter {
    /// `groups` with a suggestion on each missing unit that has one, and only the missing and
    /// stale units when `onlyNeeded`: the current translations (translated or of unknown
    /// provenance, not stale) of every unit of `groups` are the memory.
    static func suggestions(_ groups: [XLIFFDocumentWriter.Group], onlyNeeded: Bool) -> [XLIFFDocumentWriter.Group] {
        var memory: [(unitID: String, source: String, target: String)] = []
        for group in groups {
            for unit in group.units where !unit.state.isStale {
                // A text XML cannot hold is refused where it is exported, never offered elsewhere.
                if let target = unit.target, XMLCharacters.forbidden(in: unit.source + target) == nil {
                    memory.append((unit.id, unit.source, target))
                }
            }
        }
        let matcher = FuzzyMatcher(memory)
        return groups.concurrentMap { group -> XLIFFDocumentWriter.Group in
            var units = group.units
            if onlyNeeded { units.removeAll { $0.target != nil && !$0.state.isStale } }
            for index in units.indices where units[index].target == nil {
                units[index].suggestion = matcher.bestMatch(for: units[index].source)
            }
            return (group.id, group.relativePath, units)
        }
    }
}

extension XLIFFExporter {
    /// Writes the files of `result` atomically, creating the folder.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``.
    static func write(_ result: XLIFFExportResult) throws(CaptionError) {
        for file in result.files { try AtomicFile.write(file.data, to: file.path) }
    }
}
