/// One exhibit's texts as a curator is typing them: what the editor's live check looks at.
public struct ExhibitDraft: Sendable, Hashable {
    /// The exhibit's id.
    var id: String
    /// Texts by field, then language; they replace the saved texts, the others stay as saved.
    var texts: [String: [String: String]]

    /// Creates a draft of exhibit `id`.
    public init(id: String, texts: [String: [String: String]]) {
        self.id = id
        self.texts = texts
    }
}

/// What the checks say about one exhibit: its findings and the length of each text.
public struct ExhibitCheck: Sendable, Equatable {
    /// The length of one text against its field's `max-chars`.
    public struct TextLength: Sendable, Hashable {
        /// The caption field.
        public var field: String
        /// The language.
        public var language: String
        /// Characters as `captions check` counts them (grapheme clusters).
        public var characters: Int
        /// The field's `max-chars`, when it has one.
        public var limit: Int?
        /// The lines the text takes on the field's panel, measured with the panel's font, when
        /// the field has a panel whose font is installed (then `overflows-panel` holds the text
        /// to the panel instead of `limit`).
        public var lines: Int?
        /// The panel's `max-lines`, when `lines` is measured.
        public var maxLines: Int?
    }

    /// Every finding located in the exhibit's file, as `captions check` reports it, sorted.
    public var findings: [Diagnostic]
    /// One entry per configured field and language, in configuration order.
    public var lengths: [TextLength]
}

extension CaptionChecker {
    /// Checks one exhibit of a loaded collection: the findings `captions check` reports in its
    /// file (its `ignore:` entries and the baseline applied) and the length of every text.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when no readable exhibit has the id, or
    ///   ``CaptionError`` when the collection's check configuration or baseline is invalid.
    static func check(exhibit id: String, in collection: CaptionCollection) throws(CaptionError)
        -> ExhibitCheck
    {
        try check(try collection.exhibit(id: id), in: collection)
    }

    /// Checks an unsaved draft of one exhibit as ``check(exhibit:in:)`` checks the saved one;
    /// nothing is written. A draft text keeps the position of the saved text it replaces (or of
    /// its field, for a new language), so findings point where the curator types. The draft
    /// carries the records its save would add for translations without one (see
    /// ``CaptionEditor/save(_:exhibit:in:expectedDigest:)``), so their staleness is found too.
    static func check(draft: ExhibitDraft, in collection: CaptionCollection) throws(CaptionError)
        -> ExhibitCheck
    {
        let saved = try collection.exhibit(id: draft.id)
        let edits = draft.texts.flatMap { field, byLanguage in
            byLanguage.map { TranslationEdit(field: field, language: $0.key, text: $0.value) }
        }.filter { $0.text != (saved.field($0.field)?.translation($0.language)?.text ?? "") }
        let records = CaptionEditor.untrackedRecords(edits, of: saved, config: collection.config)
        return try check(saved.applying(draft.texts).recording(records), in: collection)
    }

    /// The findings located in `exhibit`'s file and the lengths of its texts.
    static func check(_ exhibit: Exhibit, in collection: CaptionCollection) throws(CaptionError) -> ExhibitCheck {
        let validator = try Validator(config: collection.config)
        try WordBudget.validate(collection.config)
        let alone = CaptionCollection(rootPath: collection.rootPath, config: collection.config, exhibits: [exhibit])
        // The one collection-wide check (duplicate-id) finds in this file only what the exhibits
        // sharing its id say, so it looks at those alone, not at all 50,000; the draft stands in
        // for its file.
        var sharingID = alone
        if let id = exhibit.id {
            for index in collection.exhibits.indices
            where collection.exhibits[index].id == id && collection.exhibits[index].path != exhibit.path {
                sharingID.exhibits.append(collection.exhibits[index])
            }
            sharingID.exhibits.sort { $0.path < $1.path }
        }
        var found = validator.validate(exhibit, in: sharingID)
        found = IgnoreList.apply(to: found, in: alone).kept
        if let (baseline, path) = try baseline(.automatic, for: collection) {
            found =
                baseline.apply(
                    to: found, in: alone, path: path,
                    unusedSeverity: collection.config.severity(of: UnusedExceptionCheck.description),
                    checksRun: validator.checkIDs
                ).kept
        }
        let findings = found.filter { $0.location.path == exhibit.path }.sortedForReport()
        var lengths: [ExhibitCheck.TextLength] = []
        for spec in collection.config.fields {
            let panel = validator.context.panels.panel(for: spec.name)
            for language in collection.config.languages {
                let text = exhibit.field(spec.name)?.translation(language)?.text ?? ""
                let lines = text.isEmpty ? 0 : panel?.fit(text, language: language).lines
                lengths.append(
                    .init(
                        field: spec.name, language: language, characters: CharacterCount.printed(text),
                        limit: spec.maxChars, lines: panel == nil ? nil : lines, maxLines: panel?.profile.maxLines))
            }
        }
        return ExhibitCheck(findings: findings, lengths: lengths)
    }
}

extension CaptionCollection {
    /// The one readable exhibit with `id`: what `accept`, `review`, `approve`, `diff`, `edit`
    /// and the one-exhibit check work on.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when none has it but a file that cannot be
    ///   read as captions may (``unreadableFile(named:)``); ``CaptionError/invalidArgument(_:)``
    ///   when none or several have it.
    func exhibit(id: String) throws(CaptionError) -> Exhibit {
        let matches = exhibits.filter { $0.isReadable && $0.id == id }
        guard let exhibit = matches.first else {
            if let unreadable = unreadableFile(named: id) { throw unreadable.cannotBeRead() }
            let hint = Suggestion.didYouMean(id, in: exhibits.compactMap(\.id))
            throw .invalidArgument("no exhibit with id '\(id)' in \(rootPath)\(hint)")
        }
        guard matches.count == 1 else {
            throw .invalidArgument("\(matches.count) exhibits have the id '\(id)'; fix that first (captions check)")
        }
        return exhibit
    }

    /// The first file, in collection order, that cannot be read as captions and is named
    /// `<id>.yml` (or has the id `id`, when it was read): it may hold the exhibit `id` (a merge
    /// conflict, a sync cut short, a file saved as UTF-16), so a command cannot say there is none.
    func unreadableFile(named id: String) -> Exhibit? {
        exhibits.first { !$0.isReadable && ($0.fileStem == id || $0.id == id) }
    }
}

extension Exhibit {
    /// Why a command cannot work on this file, which cannot be read as captions, at its first
    /// load finding: `path:line:col: error: <path> cannot be read as captions: <reason>; fix it,
    /// then run the command again`; `exhibit` adds that the file may hold that exhibit.
    func cannotBeRead(mayHold exhibit: String? = nil) -> CaptionError {
        let mayHold = exhibit.map { "; it may hold the exhibit '\($0)'" } ?? ""
        return .invalidInput(unreadableAt, "\(whyUnreadable)\(mayHold); fix it, then run the command again")
    }

    /// Where this file's first load finding is (the file, when it has none).
    var unreadableAt: SourceLocation { loadFindings.first?.location ?? SourceLocation(path: path) }

    /// `<path> cannot be read as captions: <first load finding>`.
    var whyUnreadable: String {
        "\(path) cannot be read as captions\(loadFindings.first.map { ": \($0.message)" } ?? "")"
    }

    /// Whether this exhibit is in the gallery folder `gallery` or a gallery below it; every
    /// exhibit is when `gallery` is `nil`.
    func isInGallery(_ gallery: String?) -> Bool {
        guard let gallery else { return true }
        return self.gallery == gallery || self.gallery.hasPrefix(gallery + "/")
    }

    /// The exhibit with `texts` (field → language → text) in place of its saved texts.
    /// This exhibit with `fingerprints` (field → language → source fingerprint) added to its
    /// `translations:` record, as a save would add them; located at the exhibit's id.
    func recording(_ fingerprints: [String: [String: String]]) -> Exhibit {
        guard !fingerprints.isEmpty else { return self }
        var exhibit = self
        let at = idLocation
        func scalar(_ text: String) -> LocatedNode { LocatedNode(.scalar(text), location: at, isPlain: true) }
        var fields = metadata[TranslationRecord.key]?.pairs ?? []
        for (field, byLanguage) in fingerprints.sorted(by: { $0.key < $1.key }) {
            let added = byLanguage.sorted { $0.key < $1.key }.map {
                LocatedNode.Pair(key: scalar($0.key), value: scalar($0.value))
            }
            if let index = fields.firstIndex(where: { $0.key.scalar == field }) {
                fields[index].value = LocatedNode(.mapping((fields[index].value.pairs ?? []) + added), location: at)
            } else {
                fields.append(LocatedNode.Pair(key: scalar(field), value: LocatedNode(.mapping(added), location: at)))
            }
        }
        exhibit.metadata[TranslationRecord.key] = LocatedNode(.mapping(fields), location: at)
        return exhibit
    }

    func applying(_ texts: [String: [String: String]]) -> Exhibit {
        var exhibit = self
        for (fieldName, byLanguage) in texts.sorted(by: { $0.key < $1.key }) {
            let fieldIndex: Int
            if let index = exhibit.fields.firstIndex(where: { $0.name == fieldName }) {
                fieldIndex = index
            } else {
                exhibit.fields.append(CaptionField(name: fieldName, location: exhibit.idLocation, translations: []))
                fieldIndex = exhibit.fields.count - 1
            }
            for (language, text) in byLanguage.sorted(by: { $0.key < $1.key }) {
                let field = exhibit.fields[fieldIndex]
                if let index = field.translationIndex(language) {
                    // A draft's words are not where the saved file has them: its findings point
                    // at the value.
                    if exhibit.fields[fieldIndex].translations[index].text != text {
                        exhibit.fields[fieldIndex].translations[index].textStart = nil
                        exhibit.fields[fieldIndex].translations[index].literalBlockStart = nil
                    }
                    exhibit.fields[fieldIndex].translations[index].text = text
                } else {
                    exhibit.fields[fieldIndex].translations.append(
                        Translation(
                            language: language, text: text, keyLocation: field.location, valueLocation: field.location)
                    )
                }
            }
        }
        return exhibit
    }
}

extension Validator {
    /// Every finding about `exhibit`, which belongs to `collection`, sorted by path, line and column.
    func validate(_ exhibit: Exhibit, in collection: CaptionCollection) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let analysis = ExhibitAnalysis(exhibit, config: context.config, terminology: context.terminology)
        for configured in checks {
            for var finding in configured.check.check(exhibit, analysis: analysis, in: context) {
                finding.severity = configured.severity
                found.append(finding)
            }
        }
        for configured in checks {
            for var finding in configured.check.check(collection: collection, in: context)
            where finding.location.path == exhibit.path {
                finding.severity = configured.severity
                found.append(finding)
            }
        }
        return found.sortedForReport()
    }
}
