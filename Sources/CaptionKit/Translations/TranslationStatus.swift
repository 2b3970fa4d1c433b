import Dispatch

/// The `captions status` report: per language, how much is translated and what is left.
public struct TranslationStatus: Sendable, Codable, Equatable {
    /// One language's row.
    public struct Row: Sendable, Codable, Equatable {
        /// The language tag.
        public var language: String
        /// Whether this is the source language.
        public var isSource: Bool
        /// Caption units (one field of one exhibit).
        public var units: Int
        /// Units with text in this language that is not a copy of the source.
        public var translated: Int
        /// Units without text.
        public var missing: Int
        /// Units whose text is a copy of the source text (what `check` reports as
        /// `untranslated`; see ``CopiedTranslations``): neither translated nor missing.
        public var sameAsSource = 0
        /// Translated units whose source changed since (see ``TranslationTracker``). A copy of
        /// the source is not translated: it counts in ``sameAsSource`` alone, even when stale.
        public var stale: Int
        /// Units whose review covers their current texts (approved ones included; see
        /// ``SignOffState``). The source language is never reviewed.
        public var reviewed: Int = 0
        /// Units whose approval covers their current texts.
        public var approved: Int = 0
        /// Translated share in percent, one decimal, rounded down.
        public var percent: Double
        /// Source words in the missing, same-as-source and stale units (what `export xliff
        /// --needed` sends): what a translator quotes on.
        public var sourceWordsToTranslate: Int
        /// Findings about this language, by severity (`error`, `warning`, `note`).
        public var findings: [String: Int] = [:]
    }

    /// The schema version of the JSON document, as in `captions check --format json`: 1.
    var version = JSONReporter.schemaVersion
    /// The collection folder.
    public var collection: String
    /// The folder of the collection counted (`new-hall` for `captions status Captions/new-hall`),
    /// relative to ``collection``; absent when the whole collection is.
    var folder: String?
    /// Exhibit files.
    var exhibits: Int
    /// Exhibit files that could not be read (their texts are not in the rows).
    public var unreadable = 0
    /// One row per configured language, in configured order.
    public var languages: [Row]
    /// Findings by check id (all findings, about a language or not).
    var findingsByCheck: [String: Int] = [:]
    /// The files below the collection folder not read although they may hold captions, as
    /// `captions check` reports them (`skipped-file`), in path order.
    public var skippedFiles: [SkippedFile] = []

    /// Computes the status of `collection`.
    ///
    /// - Parameter findings: The findings of `captions check` (exceptions applied), counted per
    ///   language and severity and per check.
    init(collection: CaptionCollection, findings: [Diagnostic] = []) {
        // A malformed `untranslated` entry stopped the check that gave `findings`.
        let copies = try? CopiedTranslations(config: collection.config)
        let summary = CompletenessSummary(collection: collection, countWords: true, copies: copies)
        let counts = Self.counts(in: collection, copies: copies)
        let stale = counts.stale
        self.collection = collection.rootPath
        self.folder = collection.scope
        self.exhibits = summary.exhibits
        self.unreadable = summary.unreadable
        self.skippedFiles = collection.skippedFiles.map(\.namedOutsideCheck)
        self.languages = summary.languages.map {
            var row = Row(
                language: $0.language, isSource: $0.language == collection.config.source, units: $0.total,
                translated: $0.translated, missing: $0.missing, stale: stale[$0.language] ?? 0, percent: $0.percent,
                sourceWordsToTranslate: $0.language == collection.config.source
                    ? 0 : $0.sourceWordsMissing + (counts.staleWords[$0.language] ?? 0))
            row.sameAsSource = $0.copied
            row.reviewed = counts.reviewed[$0.language] ?? 0
            row.approved = counts.approved[$0.language] ?? 0
            return row
        }
        // By index: a copy of each finding would retain and release every string it holds.
        for findingIndex in findings.indices {
            findingsByCheck[findings[findingIndex].checkID, default: 0] += 1
            let language = findings[findingIndex].language
            if let index = languages.firstIndex(where: { $0.language == language }) {
                languages[index].findings[findings[findingIndex].severity.rawValue, default: 0] += 1
            }
        }
    }

    /// The number of stale translations per language (see ``TranslationTracker``), counted
    /// in chunks on all cores: the counts are sums, so the chunks' order does not matter.
    static func staleCounts(in collection: CaptionCollection) -> [String: Int] {
        counts(in: collection, copies: try? CopiedTranslations(config: collection.config)).stale
    }

    /// Per language, the stale translations and the reviewed and approved units.
    struct Counts: Sendable {
        var stale: [String: Int] = [:]
        /// Source words of the stale translations.
        var staleWords: [String: Int] = [:]
        var reviewed: [String: Int] = [:]
        var approved: [String: Int] = [:]

        mutating func add(_ other: Counts) {
            for (language, count) in other.stale { stale[language, default: 0] += count }
            for (language, count) in other.staleWords { staleWords[language, default: 0] += count }
            for (language, count) in other.reviewed { reviewed[language, default: 0] += count }
            for (language, count) in other.approved { approved[language, default: 0] += count }
        }
    }

    /// The stale, reviewed and approved units per language, counted in chunks on all cores (the
    /// counts are sums, so the chunks' order does not matter); each exhibit's record is read once.
    /// A stale translation that is one of `copies` is left out: it is counted as the same as its
    /// source, and its words once, there.
    static func counts(in collection: CaptionCollection, copies: CopiedTranslations?) -> Counts {
        let exhibits = collection.exhibits
        let config = collection.config
        let chunkSize = 512
        let chunks = (exhibits.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<Counts>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var counts = Counts()
            // By index: a copy of each exhibit would retain and release everything it holds.
            for index in (chunk * chunkSize)..<min((chunk + 1) * chunkSize, exhibits.count) {
                guard exhibits[index].isReadable, exhibits[index].metadata[TranslationRecord.key] != nil else {
                    continue
                }
                let record = TranslationRecord(exhibit: exhibits[index])
                let staleEntries = TranslationTracker.staleTranslations(
                    in: exhibits[index], config: config, record: record)
                // Found only for an exhibit with a stale translation: most have none.
                let exhibitCopies = staleEntries.isEmpty ? [] : copies?.copies(in: exhibits[index]) ?? []
                for entry in staleEntries
                where !exhibitCopies.contains(.init(field: entry.field, language: entry.language)) {
                    counts.stale[entry.language, default: 0] += 1
                    let source = exhibits[index].field(entry.field)?.translation(config.source)?.text ?? ""
                    counts.staleWords[entry.language, default: 0] += CompletenessSummary.wordCount(source)
                }
                for (field, languages) in record.signOffs where config.hasField(field) {
                    for language in languages.keys where config.languages.contains(language) {
                        let state = SignOffTracker.state(
                            of: exhibits[index], field: field, language: language, config: config, record: record)
                        if state.review != nil { counts.reviewed[language, default: 0] += 1 }
                        if state.approval != nil { counts.approved[language, default: 0] += 1 }
                    }
                }
            }
            slots.set(chunk, counts)
        }
        var counts = Counts()
        for part in slots.takeValues() { counts.add(part) }
        return counts
    }

    /// The note for stderr when one folder of the collection is counted
    /// (``CaptionCollection/scopeNote``).
    public var scopeNote: String? {
        folder.map { CaptionCollection.scopeNote(folder: $0, root: collection) }
    }

    /// The table for people; the `same as source` column appears only when some translation is
    /// a copy of its source, the `stale` column only when some translation is stale, the
    /// `reviewed` and `approved` columns only when some text is signed off.
    public var text: String {
        let showSameAsSource = languages.contains { $0.sameAsSource > 0 }
        let showStale = languages.contains { $0.stale > 0 }
        let showSignOff = languages.contains { $0.reviewed > 0 || $0.approved > 0 }
        let severities: [Severity] = [.error, .warning, .note]
        var header =
            ["language", "units", "translated", "missing", "complete", "words to translate"]
            + severities.map { "\($0.rawValue)s" }
        if showSignOff { header.insert(contentsOf: ["reviewed", "approved"], at: 4) }
        if showStale { header.insert("stale", at: 4) }
        if showSameAsSource { header.insert("same as source", at: 4) }
        var rows = [header]
        for row in languages {
            var cells =
                [
                    row.isSource ? "\(row.language) (source)" : row.language, String(row.units), String(row.translated),
                    String(row.missing), TextReporter.percent(row.percent),
                    row.isSource ? "-" : String(row.sourceWordsToTranslate),
                ] + severities.map { String(row.findings[$0.rawValue] ?? 0) }
            if showSignOff {
                cells.insert(contentsOf: [row.isSource ? "-" : String(row.reviewed), String(row.approved)], at: 4)
            }
            if showStale { cells.insert(String(row.stale), at: 4) }
            if showSameAsSource { cells.insert(String(row.sameAsSource), at: 4) }
            rows.append(cells)
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        // A folder of the collection heads its own count: `Captions/new-hall: 3 exhibits`.
        let counted = folder.map { CollectionLoader.join(collection, $0) } ?? collection
        var output = "\(counted): \(TextReporter.plural(exhibits, "exhibit"))\n"
        if let line = CompletenessSummary.unreadableLine(unreadable) {
            output += line + " (captions check says where)\n"
        }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index]) : cell.leftPadding(toLength: widths[index])
            }
            output += cells.joined(separator: "  ") + "\n"
        }
        let checkWidth = findingsByCheck.keys.map(\.count).max() ?? 0
        for (check, count) in findingsByCheck.sorted(by: { $0.key < $1.key }) {
            output += "\(check.padding(toLength: checkWidth))  \(count)\n"
        }
        return output
    }
}

extension String {
    func padding(toLength length: Int) -> String { self + String(repeating: " ", count: max(0, length - count)) }
    func leftPadding(toLength length: Int) -> String { String(repeating: " ", count: max(0, length - count)) + self }
}
