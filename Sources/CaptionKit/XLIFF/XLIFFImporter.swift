import Foundation

/// Merges translators' XLIFF files back into the caption files, safely.
///
/// Every XLIFF file is read and checked before any caption file is touched; a malformed or
/// unsafe file, or a language that does not match the collection, stops the import with a
/// ``CaptionError`` and nothing written. Units are matched by id (`<exhibit-id>.<field>`). A
/// unit is not translated when its target is missing, blank, a copy of its source as `captions
/// check` decides it (``CopiedTranslations``), or the source `--prefill-target` put there and
/// nobody confirmed; its state is ignored otherwise, since tools set it unreliably, unless
/// `--trust-states` asks for reviews (``XLIFFImportOptions/trustStatesBy``, ``XLIFFStateTable``). A
/// translation is applied only when the unit's source equals the caption's current source:
/// otherwise the curator edited the source after the export and the unit is a conflict. A unit
/// returned with the target it was exported with (its mark, ``ExportedTarget``, says which)
/// never puts that text back over one changed in the caption file since: kept, with a warning.
/// Applied translations change only the target-language value and the `translations:` record
/// of each caption file (see ``CaptionFileEditor``), and files are written atomically.
public enum XLIFFImporter {

    /// Imports the units `reading` gives (read from `options.files`, in order).
    ///
    /// - Parameter digests: The digests of the exhibit files as the collection was loaded from
    ///   them, if known: a file still the same is edited from its loaded exhibit.
    static func run(
        _ options: XLIFFImportOptions, on collection: CaptionCollection, reading: XLIFFReadAhead,
        digests: LoadedFileDigests? = nil
    ) throws(CaptionError) -> XLIFFImportReport {
        // Each file is streamed: its units go to the plan as they are read, so no document is
        // kept whole. A file that fails to read or names the wrong languages still stops the
        // import before anything is written.
        defer { reading.cancel() }
        var plan = Plan(collection: collection)
        plan.trustedReviewer = try trustedReviewer(options)
        var summaries: [XLIFFImportReport.FileSummary] = []
        for path in options.files {
            var summary = plan.summary(path: path)
            plan.currentFile = summaries.count
            var document: XLIFFDocument
            takingUnits: while true {
                switch reading.next() {
                case .unit(let unit, let language): try plan.add(unit, language: language, summary: &summary)
                case .finished(let read):
                    document = read
                    break takingUnits
                case .failed(let error): throw error
                case nil: throw .invalidInput(SourceLocation(path: path), "the XLIFF file could not be read")
                }
            }
            try checkLanguages(document, config: collection.config)
            summary.targetLanguage = document.files.map(\.targetLanguage).uniqued().joined(separator: ", ")
            summaries.append(summary)
        }
        plan.finish(into: &summaries)
        let heldBack = options.atomic && !plan.problems.isEmpty
        // All or nothing: a file that cannot be edited or written leaves every caption file as it was.
        let written = heldBack ? [] : try plan.apply(writing: !options.dryRun, digests: digests)
        return XLIFFImportReport(
            collection: collection.rootPath, files: summaries, problems: plan.problems, warnings: plan.warnings,
            written: written, changes: heldBack ? [] : plan.textChanges, reviews: heldBack ? [] : plan.textReviews,
            dryRun: options.dryRun, heldBack: heldBack)
    }

    /// The mark `--trust-states --by NAME` records, or `nil` without it.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a name that cannot be recorded or a
    ///   malformed date.
    static func trustedReviewer(_ options: XLIFFImportOptions) throws(CaptionError) -> SignOffMark? {
        guard let name = options.trustStatesBy else { return nil }
        if let error = SignOffMark.byOptionError(forName: name) { throw .invalidArgument(error) }
        guard SignOffMark.isWellFormedDate(options.reviewDate) else {
            throw .invalidArgument("the date '\(options.reviewDate)' is not written YYYY-MM-DD")
        }
        return SignOffMark(by: name, date: options.reviewDate)
    }

    /// Refuses a file whose source language is not the collection's, or whose target language is
    /// none of its target languages, at the attribute that says so.
    static func checkLanguages(_ document: XLIFFDocument, config: CollectionConfig) throws(CaptionError) {
        let sourceAttribute = document.version.hasPrefix("2.") ? "srcLang" : "source-language"
        for file in document.files {
            guard Language.matching(file.sourceLanguage, in: [config.source]) != nil else {
                throw .invalidInput(
                    file.languagesLocation,
                    """
                    the file says its source language is '\(file.sourceLanguage)' (\(sourceAttribute)) but the \
                    collection's source language is '\(config.source)': it was not exported from this collection, or \
                    a translation tool or an edit changed it; if its sources are the collection's \(config.source) \
                    texts, set \(sourceAttribute) back to "\(config.source)" and import again
                    """
                )
            }
            guard Language.matching(file.targetLanguage, in: config.targetLanguages) != nil else {
                throw .invalidInput(
                    file.languagesLocation,
                    """
                    the XLIFF target language '\(file.targetLanguage)' is not a target language of the collection \
                    (\(config.targetLanguages.joined(separator: ", ")))
                    """
                )
            }
        }
    }

    /// The translations to apply, and the units that cannot be.
    struct Plan {
        struct Change {
            var text: String
            var location: SourceLocation
        }

        /// The copies of one unit (exhibit, field, language) read so far, in every file.
        struct Copies {
            /// The target of the copy that changes the caption's text; `nil` while every copy
            /// has the current text.
            var text: String?
            /// Where that copy is (else the first copy).
            var location: SourceLocation
            /// Where the first copy with another target is: the unit is a conflict.
            var otherLocation: SourceLocation?
            /// The copies counted applied or unchanged, which become conflicts if one disagrees.
            var counted: [CountedCopy]
        }

        /// A copy of a unit as its file's summary counted it.
        struct CountedCopy {
            /// The index of its XLIFF file.
            var file: Int
            /// Counted applied (else unchanged).
            var applied: Bool
            /// Counted as a state marked reviewed on changed text.
            var markedChanged: Bool
        }

        /// A unit returned with its target unchanged and a state that says reviewed or final.
        struct ReviewCandidate {
            /// The index of its XLIFF file.
            var file: Int
            /// The exhibit index.
            var position: Int
            var field: String
            var language: String
            var unit: XLIFFDocument.Unit
        }

        let collection: CaptionCollection
        /// Exhibits by id; more than one means the id is ambiguous.
        let exhibitsByID: [String: [Int]]
        /// Caption files that cannot be read, by file name without `.yml` (and id when it was
        /// read): the exhibit a unit names may be in one of them.
        let unreadableByName: [String: Int]
        /// Changes by exhibit index, then "field.language": what will be written.
        var changes: [Int: [String: Change]] = [:]
        /// Every unit read, by exhibit index, then "field.language".
        var seen: [Int: [String: Copies]] = [:]
        /// The units (exhibit index, "field.language") whose copies disagree: none is applied.
        var conflicted: [(position: Int, key: String)] = []
        var problems: [Diagnostic] = []
        /// Units imported with fewer paragraphs than their source, and reviews `--trust-states`
        /// could not record (warnings, not problems).
        var warnings: [Diagnostic] = []
        /// The `newer-text-kept` warnings (index in ``warnings``) by unit: one is dropped when
        /// another copy of its unit changes the text after all or its unit ends in a conflict,
        /// and all but the first of a unit.
        var keptWarnings: [(index: Int, position: Int, key: String)] = []
        /// The `newer-text-replaced` warnings (index in ``warnings``) by unit: one is dropped when
        /// its unit is not applied after all (a conflict), and all but the first of a unit.
        var replacedWarnings: [(index: Int, position: Int, key: String)] = []
        /// `--trust-states`: who the reviews are recorded by, and when; `nil` ignores states.
        var trustedReviewer: SignOffMark?
        /// The index of the XLIFF file being read.
        var currentFile = 0 {
            didSet { unitsInFile = [:] }
        }
        /// The line and `<file>` target language (as written) of each unit of the XLIFF file
        /// being read, by the language it applies to, then id: a second copy is refused.
        var unitsInFile: [String: [String: (line: Int, tag: String)]] = [:]
        /// `--trust-states`: units whose review is decided once every file is read.
        var reviewCandidates: [ReviewCandidate] = []
        /// Reviews to record by exhibit index, then field and language.
        var reviews: [Int: [String: [String: (fingerprint: String, signOff: RecordedSignOff?)]]] = [:]

        init(collection: CaptionCollection) {
            self.collection = collection
            var index: [String: [Int]] = [:]
            var unreadable: [String: Int] = [:]
            for (position, exhibit) in collection.exhibits.enumerated() {
                if exhibit.isReadable {
                    if let id = exhibit.id { index[id, default: []].append(position) }
                } else {
                    unreadable[exhibit.fileStem] = unreadable[exhibit.fileStem] ?? position
                    if let id = exhibit.id { unreadable[id] = unreadable[id] ?? position }
                }
            }
            exhibitsByID = index
            unreadableByName = unreadable
        }

        /// An empty summary for the file at `path`.
        func summary(path: String) -> XLIFFImportReport.FileSummary {
            var summary = XLIFFImportReport.FileSummary(path: path, targetLanguage: "")
            if let trustedReviewer { summary.states = XLIFFImportReport.StateSummary(by: trustedReviewer.by) }
            return summary
        }

        /// Whether `--trust-states` is on and the unit's tool says it is reviewed or final.
        private func isMarkedReviewed(_ unit: XLIFFDocument.Unit) -> Bool {
            trustedReviewer != nil && (unit.state?.meaning ?? .unconfirmed) >= .reviewed
        }

        /// Whether `--trust-states` is on and one of the unit's states says reviewed or final but
        /// a lower one beside it counts (``XLIFFDocument/Unit/reviewedState``).
        private static func isReviewOverruled(_ unit: XLIFFDocument.Unit) -> Bool {
            unit.reviewedState != nil && (unit.state?.meaning ?? .unconfirmed) < .reviewed
        }

        /// Whether an unchanged target of `unit` is a review candidate: marked reviewed, or with a
        /// review a lower state overrules (refused, saying why).
        private func saysReviewed(_ unit: XLIFFDocument.Unit) -> Bool {
            isMarkedReviewed(unit) || trustedReviewer != nil && Self.isReviewOverruled(unit)
        }

        /// What a target the same as its source is (``sameAsSource(_:target:in:field:language:)``).
        enum SameAsSource {
            /// A translation, imported as any other (also one that differs from its source).
            case translation
            /// Not translated, counted with the empty targets: a target equal to its source that
            /// nobody confirmed (the `--prefill-target` copy, or a tool that writes the source into
            /// the segments nobody translated), or any target equal to its source in a file whose
            /// mark does not say whether it was prefilled.
            case notTranslated
            /// A copy of the source as `captions check` decides it (``CopiedTranslations``): not
            /// imported, and named in a warning.
            case copy
            /// A copy of the source the check would accept (a one-word name) over the caption's own,
            /// different translation, `existing`: more likely a CAT tool's "copy source to target"
            /// than a translation, so not imported, and named in a warning.
            case replacesTranslation(existing: String)
        }

        /// The collection's copies of the source, made when a target the same as its source
        /// first needs them; `nil` when the `untranslated` check's options are malformed.
        lazy var copiedTranslations: CopiedTranslations? = try? CopiedTranslations(config: collection.config)

        /// What `target` is when it is its source: one the translator confirmed (a state of
        /// `translated` or higher) is decided as `captions check` decides copies
        /// (``CopiedTranslations``); one left unconfirmed is not translated, prefilled or not (a
        /// tool may write the source into the segments nobody translated). A unit whose mark does
        /// not say whether it was prefilled (an export before the entry, another tool's file):
        /// equal to its source, it is not translated, as before.
        private mutating func sameAsSource(
            _ unit: XLIFFDocument.Unit, target: String, in exhibit: Exhibit, field: String, language: String
        ) -> SameAsSource {
            guard unit.exportedPrefilled != nil else {
                return target == unit.source ? .notTranslated : .translation
            }
            guard SourceCopyRule.isSame(target, unit.source) else { return .translation }
            if (unit.state?.meaning ?? .unconfirmed) < .translated { return .notTranslated }
            // A target made from another source than the caption's is a conflict, said below.
            guard let source = exhibit.field(field)?.translation(collection.config.source),
                unit.source.hasSameUTF8(as: source.text) || unit.source == source.text
            else { return .translation }
            let isCopy =
                copiedTranslations?.isCopy(target, field: field, language: language, in: exhibit) ?? true
            if isCopy { return .copy }
            if let existing = exhibit.field(field)?.translation(language), !existing.isBlank,
                !SourceCopyRule.isSame(existing.text, target)
            {
                return .replacesTranslation(existing: existing.text)
            }
            return .translation
        }

        /// Plans `unit`, read from a `<file>` whose target language is `tag`.
        ///
        /// - Throws: ``CaptionError/invalidInput(_:_:)`` for a unit the XLIFF file being read has
        ///   already given for the same language (`kk-KZ` in one `<file>`, `kk` in another is one).
        mutating func add(
            _ unit: XLIFFDocument.Unit, language tag: String, summary: inout XLIFFImportReport.FileSummary
        ) throws(CaptionError) {
            let config = collection.config
            let language = Language.matching(tag, in: config.targetLanguages) ?? tag
            // A tool's merge gone wrong: which copy is meant, the file cannot say.
            if let first = unitsInFile[language]?[unit.id] {
                // Two tags of one language: which one the first copy's `<file>` has.
                let tags =
                    first.tag == tag ? "" : ", in the <file> for '\(first.tag)'; '\(tag)' here is \(language) too"
                throw .invalidInput(
                    unit.location,
                    """
                    unit '\(unit.id)' (\(language)) is in the file a second time (first at line \(first.line)\(tags)); a \
                    translation tool may have doubled it, and the file cannot say which copy is meant: remove one copy \
                    and import the file again
                    """)
            }
            unitsInFile[language, default: [:]][unit.id] = (unit.location.line, tag)
            // A translator's note is named whatever becomes of the unit: the caption file has no
            // place for it.
            let parts = unit.id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            for note in unit.translatorNotes {
                warnings.append(
                    Diagnostic(
                        XLIFFImportFinding.translatorNote, location: note.location,
                        message: "unit '\(unit.id)' (\(language)) has a note from the translator: "
                            + YAMLScalarWriter.doubleQuoted(note.text),
                        exhibitID: parts.count == 2 ? parts[0] : nil, field: parts.count == 2 ? parts[1] : nil,
                        language: language))
            }
            if let markup = unit.unsupportedMarkup {
                summary.refused += 1
                problems.append(
                    problem(
                        .unsupportedMarkup, at: markup.location,
                        """
                        unit '\(unit.id)' contains \(markup.name.isEmpty ? "" : "<\(markup.name)>, ")\(markup.reason ?? """
                            an inline code that caption text cannot hold; translate it as plain text
                            """)
                        """
                    ))
                return
            }
            if let invalid = unit.invalidOrder {
                summary.refused += 1
                problems.append(problem(.invalidOrder, at: invalid.location, invalid.message))
                return
            }
            func unknown(_ message: String, notes: [Diagnostic.Note] = []) {
                summary.unknown += 1
                problems.append(problem(.unknownUnit, at: unit.location, message, notes: notes))
            }
            guard parts.count == 2, let positions = exhibitsByID[parts[0]] else {
                if parts.count == 2, let position = unreadableByName[parts[0]] {
                    let file = collection.exhibits[position]
                    unknown(
                        "unit '\(unit.id)' was not imported: \(file.path) cannot be read as captions; fix it, then import again",
                        notes: file.loadFindings.prefix(1).map { .init(location: $0.location, message: $0.message) })
                } else {
                    unknown("unit '\(unit.id)' names no exhibit of \(collection.rootPath)")
                }
                return
            }
            guard positions.count == 1 else {
                unknown("unit '\(unit.id)' is ambiguous: \(positions.count) exhibits have the id '\(parts[0])'")
                return
            }
            let exhibit = collection.exhibits[positions[0]]
            let fieldName = parts[1]
            guard config.field(fieldName) != nil, let field = exhibit.field(fieldName),
                let source = field.translation(config.source), !source.isBlank
            else {
                unknown(
                    """
                    unit '\(unit.id)' names no \(config.source) '\(fieldName)' text of exhibit \(parts[0]) \
                    (\(exhibit.path))
                    """
                )
                return
            }
            var unit = unit
            // A pretty-printer's layout around the source (no xml:space="preserve"): the unit is
            // read without it when the source then is the caption's.
            if let plain = unit.withoutLayout,
                !(unit.source.hasSameUTF8(as: source.text) || unit.source == source.text),
                String(decoding: plain.source, as: UTF8.self) == source.text
            {
                unit.source = source.text
                unit.target = plain.target.map { String(decoding: $0, as: UTF8.self) }
                unit.droppedWhitespace = unit.droppedWhitespace || plain.droppedTarget
            }
            guard let written = unit.target, !written.printsNothing else {
                summary.skipped += 1
                return
            }
            // Composed (NFC), as the caption's texts are: a macOS tool may return й and ё
            // decomposed (и + U+0306, е + U+0308), the same text canonically, which check would
            // report as not-normalized. Every comparison below is of the composed text.
            let target = Normalization.nfc(written)
            /// Counts the unit as not translated and names it in a warning at its target:
            /// `unit '<id>' (<language>) was not imported: <why>`.
            func notImported(_ finding: XLIFFImportFinding, _ why: String) {
                summary.skipped += 1
                warnings.append(
                    Diagnostic(
                        finding, location: unit.targetLocation ?? unit.location,
                        message: "unit '\(unit.id)' (\(language)) was not imported: " + why,
                        exhibitID: parts[0], field: fieldName, language: language))
            }
            // What the warning says after "its target is a copy of its source", for a copy that is
            // not imported; empty for a translation.
            let copyOfSource: String
            switch sameAsSource(unit, target: target, in: exhibit, field: fieldName, language: language) {
            case .translation: copyOfSource = ""
            case .notTranslated:
                summary.skipped += 1
                return
            case .copy:
                copyOfSource =
                    ", which captions check reports as untranslated; have it translated, or if it is right as it is, "
                    + "allow it in the untranslated check (allow, min-words or an ignore: entry) and import the file again"
            case .replacesTranslation(let existing):
                copyOfSource =
                    " and would replace the caption's translation \(XLIFFImportReport.TextChange.shown(existing)); "
                    + "if the caption should read as its source, change it in the caption file"
            }
            // A draft the translator marked as still needing work (Weblate's "Needs editing"):
            // not a translation yet, so it is left alone like an empty target, and named.
            if let state = unit.markedUnfinished {
                summary.markedUnfinished += 1
                notImported(
                    .markedUnfinished,
                    """
                    the translation tool marks it as still needing work (approved="no", state="\(state)", as \
                    Weblate marks "Needs editing"); finish it there and send the file again
                    """)
                return
            }
            // A target that says it is in another language than its file: which one the text
            // is in, only the translator can tell.
            if let other = unit.targetLanguageTags.first(where: {
                Language.matching($0.tag, in: config.targetLanguages) != language
            }) {
                summary.refused += 1
                problems.append(
                    Diagnostic(
                        XLIFFImportFinding.targetLanguageMismatch, location: other.location,
                        message: """
                            unit '\(unit.id)' has <target xml:lang="\(other.tag)">, but the file's target language \
                            is '\(tag)'; the unit is not applied: ask the translator which language its text is in, \
                            and correct the text or its xml:lang in the translation tool
                            """,
                        exhibitID: parts[0], field: fieldName, language: language))
                return
            }
            // A source that says it is in another language than the collection's: what the text
            // was translated from, only the translator can tell.
            if let other = unit.sourceLanguageTags.first(where: {
                Language.matching($0.tag, in: [config.source]) == nil
            }) {
                summary.refused += 1
                problems.append(
                    Diagnostic(
                        XLIFFImportFinding.sourceLanguageMismatch, location: other.location,
                        message: """
                            unit '\(unit.id)' has <source xml:lang="\(other.tag)">, but the collection's source \
                            language is '\(config.source)'; the unit is not applied: the translation tool may be set \
                            to translate from another language; set it to \(config.source) (or correct the source's \
                            xml:lang) and send the file again
                            """,
                        exhibitID: parts[0], field: fieldName, language: language))
                return
            }
            // A copy of the source, said after the refusals above (a draft, a unit in other
            // languages), which come first as they would for any target.
            guard copyOfSource.isEmpty else {
                summary.copiesOfSource += 1
                notImported(.copyOfSource, "its target is a copy of its \(config.source) source\(copyOfSource)")
                return
            }
            guard unit.source.hasSameUTF8(as: source.text) || unit.source == source.text else {
                summary.conflicts += 1
                // The caption's source is the one its current translation was recorded for, and
                // that translation is the one exported: the tool, not the curator, changed the text.
                let recorded = TranslationRecord(exhibit: exhibit).fingerprint(field: fieldName, language: language)
                let current = field.translation(language)?.text ?? ""
                let toolAltered =
                    recorded == SourceFingerprint.of(source.text)
                    && (unit.exportedTarget.map { $0 == ExportedTarget.fingerprint(current) } ?? true)
                let message =
                    toolAltered
                    ? """
                    \(fieldName) (\(language)) of \(parts[0]) was not imported: the file's <source> differs from the \
                    caption's \(config.source) text, although the caption did not change (the translation tool \
                    altered the <source>); if the translation fits the caption's text, put that text back into the \
                    <source> and import the file again
                    """
                    : "\(fieldName) (\(language)) of \(parts[0]) was not imported: its \(config.source) source changed after the export"
                let sourceNote = toolAltered ? "the caption's source is still" : "the source is now"
                problems.append(
                    Diagnostic(
                        XLIFFImportFinding.importConflict, location: source.valueLocation, message: message,
                        notes: [
                            .init(
                                location: unit.location, message: "the translation was made from \(quoted(unit.source))"
                            ),
                            .init(location: source.valueLocation, message: "\(sourceNote) \(quoted(source.text))"),
                        ],
                        exhibitID: parts[0], field: fieldName, language: language))
                return
            }
            // A unit returned with the target it was exported with, whose caption text changed
            // since (a curator corrected it): the newer text stays. A target the translator
            // changed is applied as always, also over a text changed since the export: that text
            // may be the translator's own earlier delivery of the same file, which the caption
            // file cannot tell from a curator's edit; a warning names the text it replaces.
            if let exported = unit.exportedTarget {
                let now = field.translation(language)
                let changedSinceExport = now?.text != target && ExportedTarget.fingerprint(now?.text ?? "") != exported
                if changedSinceExport, ExportedTarget.fingerprint(target) == exported {
                    summary.unchanged += 1
                    keptWarnings.append((warnings.count, positions[0], fieldName + "." + language))
                    warnings.append(
                        Diagnostic(
                            XLIFFImportFinding.newerTextKept, location: now?.valueLocation ?? source.valueLocation,
                            message: """
                                \(fieldName) (\(language)) of \(parts[0]) was kept as it is: it changed in the \
                                caption file after the export, and the translator returned it unchanged
                                """,
                            notes: [.init(location: unit.location, message: "returned unchanged here")],
                            exhibitID: parts[0], field: fieldName, language: language))
                    return
                }
                if changedSinceExport, let now, !now.isBlank {
                    replacedWarnings.append((warnings.count, positions[0], fieldName + "." + language))
                    warnings.append(
                        Diagnostic(
                            XLIFFImportFinding.newerTextReplaced, location: now.valueLocation,
                            message: """
                                \(fieldName) (\(language)) of \(parts[0]) changed in the caption file after the \
                                export, and the translator's text replaces it; it was \(quoted(now.text))
                                """,
                            notes: [.init(location: unit.location, message: "the translator's text is here")],
                            exhibitID: parts[0], field: fieldName, language: language))
                }
            }
            let sourceParagraphs = ParagraphCount.of(unit.source)
            let targetParagraphs = ParagraphCount.of(target)
            if targetParagraphs < sourceParagraphs {
                warnings.append(
                    Diagnostic(
                        XLIFFImportFinding.paragraphsMerged, location: unit.location,
                        message: """
                            unit '\(unit.id)' (\(language)) has \(TextReporter.plural(targetParagraphs, "paragraph")) \
                            where its source has \(sourceParagraphs); the translation tool may have merged them \
                            (ask the translator)
                            """,
                        exhibitID: parts[0], field: fieldName, language: language))
            }
            if unit.droppedWhitespace {
                warnings.append(
                    Diagnostic(
                        XLIFFImportFinding.whitespaceDropped,
                        location: unit.targetLocation ?? unit.location,
                        message: """
                            unit '\(unit.id)' (\(language)): the line break and indentation around its target were \
                            dropped, since the file does not keep whitespace there (no xml:space="preserve") and the \
                            source has none
                            """,
                        exhibitID: parts[0], field: fieldName, language: language))
            }
            let key = fieldName + "." + language
            let position = positions[0]
            let current = field.translation(language)?.text
            if var copies = seen[position]?[key] {
                // Another copy of a unit already read: the same text agrees, another is a conflict,
                // unless the copies so far kept the current text: this one then changes it (and
                // their reviews are refused).
                let sameAsFirst = (copies.text ?? current) == target
                // A copy returned as it was exported (the caption's text, or the target the
                // export's mark names) disputes no other copy's change, whatever the order of
                // the files: the change stands, and a conflict between changes stays one.
                let returnedAsExported =
                    target == current || unit.exportedTarget == ExportedTarget.fingerprint(target)
                if !sameAsFirst, returnedAsExported, copies.text != nil || copies.otherLocation != nil {
                    summary.unchanged += 1
                    if target == current && saysReviewed(unit) {
                        reviewCandidates.append(
                            ReviewCandidate(
                                file: currentFile, position: position, field: fieldName, language: language, unit: unit)
                        )
                    }
                    copies.counted.append(.init(file: currentFile, applied: false, markedChanged: false))
                    seen[position]?[key] = copies
                    return
                }
                if copies.otherLocation == nil && copies.text == nil && !sameAsFirst {
                    let isMarked = isMarkedReviewed(unit)
                    if isMarked { summary.states?.changed += 1 }
                    summary.applied += 1
                    changes[position, default: [:]][key] = Change(text: target, location: unit.location)
                    copies.text = target
                    copies.location = unit.location
                    copies.counted.append(.init(file: currentFile, applied: true, markedChanged: isMarked))
                } else if copies.otherLocation == nil && sameAsFirst {
                    let agreesWithChange = changes[position]?[key] != nil
                    let markedChanged = agreesWithChange && isMarkedReviewed(unit)
                    summary.unchanged += 1
                    if markedChanged { summary.states?.changed += 1 }
                    if !agreesWithChange && saysReviewed(unit) {
                        reviewCandidates.append(
                            ReviewCandidate(
                                file: currentFile, position: position, field: fieldName, language: language, unit: unit)
                        )
                    }
                    copies.counted.append(.init(file: currentFile, applied: false, markedChanged: markedChanged))
                } else {
                    if copies.otherLocation == nil {
                        copies.otherLocation = unit.location
                        conflicted.append((position, key))
                        changes[position]?[key] = nil
                    }
                    summary.conflicts += 1
                    problems.append(
                        problem(
                            .importConflict, at: unit.location,
                            """
                            unit '\(unit.id)' (\(language)) is translated differently in two places; neither is \
                            applied
                            """,
                            notes: [
                                .init(
                                    location: sameAsFirst ? copies.otherLocation ?? copies.location : copies.location,
                                    message: "the other translation is here")
                            ]))
                }
                seen[position]?[key] = copies
                return
            }
            let isMarked = isMarkedReviewed(unit)
            if current == target {
                summary.unchanged += 1
                if case .stale = TranslationTracker.state(
                    of: exhibit, field: fieldName, language: language, config: config)
                {
                    summary.unchangedStale += 1
                }
                if saysReviewed(unit) {
                    reviewCandidates.append(
                        ReviewCandidate(
                            file: currentFile, position: position, field: fieldName, language: language, unit: unit)
                    )
                }
                seen[position, default: [:]][key] = Copies(
                    text: nil, location: unit.location,
                    counted: [.init(file: currentFile, applied: false, markedChanged: false)])
                return
            }
            // A translator who edits and confirms is translating: the state does not certify
            // text nobody else has read.
            if isMarked { summary.states?.changed += 1 }
            summary.applied += 1
            changes[position, default: [:]][key] = Change(text: target, location: unit.location)
            seen[position, default: [:]][key] = Copies(
                text: target, location: unit.location,
                counted: [.init(file: currentFile, applied: true, markedChanged: isMarked)])
        }

        /// Counts every copy of a unit in conflict as a conflict, also those read (and counted
        /// applied or unchanged) before the copy that disagreed, then decides the reviews
        /// (``resolveReviews(into:)``); drops the `newer-text-kept` warning of a unit another copy
        /// changes, the `newer-text-replaced` one of a unit not changed, both for a unit in
        /// conflict, and all but one of each per unit. Called once every file is read.
        mutating func finish(into summaries: inout [XLIFFImportReport.FileSummary]) {
            // Whatever the order of the files: a text another copy changes was not kept, a text
            // no copy changes (a conflict) was not replaced, a unit that ends in a conflict has
            // that error and neither warning; each is said once per unit.
            let inConflict = Set(conflicted.map { "\($0.position).\($0.key)" })
            var dropped = Set<Int>()
            func sayOnce(_ list: [(index: Int, position: Int, key: String)], ifChanged wanted: (Bool) -> Bool) {
                var said = Set<String>()
                for warning in list {
                    let unit = "\(warning.position).\(warning.key)"
                    let changed = changes[warning.position]?[warning.key] != nil
                    if !wanted(changed) || inConflict.contains(unit) || !said.insert(unit).inserted {
                        dropped.insert(warning.index)
                    }
                }
            }
            sayOnce(keptWarnings) { !$0 }
            sayOnce(replacedWarnings) { $0 }
            for index in dropped.sorted(by: >) { warnings.remove(at: index) }
            for (position, key) in conflicted {
                guard let copies = seen[position]?[key] else { continue }
                for copy in copies.counted {
                    if copy.applied { summaries[copy.file].applied -= 1 } else { summaries[copy.file].unchanged -= 1 }
                    if copy.markedChanged { summaries[copy.file].states?.changed -= 1 }
                    summaries[copy.file].conflicts += 1
                }
            }
            resolveReviews(into: &summaries)
        }

        /// Decides the reviews of ``reviewCandidates`` as `captions review` would on the loaded
        /// exhibits, counting them in `summaries` and naming each refusal in a warning. A unit
        /// whose text another returned unit changes is refused.
        private mutating func resolveReviews(into summaries: inout [XLIFFImportReport.FileSummary]) {
            guard let mark = trustedReviewer else { return }
            // The name as a shell takes it (`'Aigerim B.'`), for the command a warning names.
            let by =
                mark.by.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
                ? mark.by : "'" + mark.by.replacingOccurrences(of: "'", with: "'\\''") + "'"
            for candidate in reviewCandidates {
                let (position, field, language) = (candidate.position, candidate.field, candidate.language)
                let overruled = Self.isReviewOverruled(candidate.unit)
                func refuse(_ reason: String) {
                    summaries[candidate.file].states?.refused += 1
                    let shown = overruled ? candidate.unit.reviewedState : candidate.unit.state
                    let marked = shown.map { " (\($0.written))" } ?? ""
                    warnings.append(
                        Diagnostic(
                            XLIFFImportFinding.reviewNotRecorded, location: candidate.unit.location,
                            message: """
                                unit '\(candidate.unit.id)' (\(language)) is marked reviewed\(marked) but no review \
                                was recorded: \(field) (\(language)) \(reason)
                                """,
                            exhibitID: collection.exhibits[position].id, field: field, language: language))
                }
                if changes[position]?[field + "." + language] != nil {
                    refuse("is changed by another unit of this import")
                    continue
                }
                if seen[position]?[field + "." + language]?.otherLocation != nil {
                    refuse("is translated differently by another unit of this import")
                    continue
                }
                if reviews[position]?[field]?[language] != nil {
                    summaries[candidate.file].states?.alreadyReviewed += 1
                    continue
                }
                if let notASlug = collection.exhibits[position].idNotASlug {
                    // Texts are signed off by exhibit id: `captions review` refuses this exhibit too.
                    refuse(
                        """
                        cannot be reviewed: \(notASlug.why); \(notASlug.fix), then record the review with \
                        captions review \(notASlug.suggestion) --field \(field) --lang \(language) --by \(by)
                        """)
                    continue
                }
                let plan = SignOffPlan(
                    collection.exhibits[position], config: collection.config, action: .review, mark: mark,
                    fields: [field], languages: [language], namedFields: true)
                if plan.entries[field]?[language] != nil, overruled, let lower = candidate.unit.state {
                    // A review the text does not have yet, which a lower state of the unit overrules
                    // (a text already reviewed is counted so above, a stale one refused below).
                    let id = collection.exhibits[position].displayID
                    refuse(
                        """
                        is not taken as reviewed: the unit is also marked \(lower.written), and the lowest state \
                        of a unit counts; if the text was reviewed, record it with captions review \(id) --field \(field) --lang \(language) --by \(by)
                        """)
                } else if let entry = plan.entries[field]?[language] {
                    reviews[position, default: [:]][field, default: [:]][language] = entry
                    summaries[candidate.file].states?.recorded += 1
                } else if let refusal = plan.refused.first {
                    refuse(refusal.reason)
                } else {
                    summaries[candidate.file].states?.alreadyReviewed += 1
                }
            }
        }

        private func problem(
            _ kind: XLIFFImportFinding, at location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []
        ) -> Diagnostic {
            Diagnostic(kind, location: location, message: message, notes: notes)
        }

        private func quoted(_ text: String) -> String {
            YAMLScalarWriter.doubleQuoted(text)
        }

        /// Edits every caption file that has changes and, when `writing`, writes it atomically;
        /// returns their paths in path order.
        ///
        /// Each file is edited on its own (and re-read to check every edit), so the files are
        /// edited on all cores, and each edited file goes at once to a temporary file beside it
        /// (so no more than a few edited files are held in memory). Only when every file is
        /// edited and written are the temporaries renamed over their targets, in path order (see
        /// ``AtomicFile/commit(_:)``). Otherwise every temporary is removed and the first error
        /// in path order is thrown, editing errors before writing errors, as sequential editing
        /// then writing would.
        func apply(writing: Bool, digests: LoadedFileDigests?) throws(CaptionError) -> [String] {
            enum Outcome {
                case edited(AtomicFile.PendingFile?)
                case editFailed(CaptionError)
                case writeFailed(CaptionError)
            }
            let edits = Set(changes.keys).union(reviews.keys).sorted().compactMap {
                position -> (Int, [String: Change], FileReviews)? in
                let fileChanges = changes[position] ?? [:]
                let fileReviews = reviews[position] ?? [:]
                return fileChanges.isEmpty && fileReviews.isEmpty ? nil : (position, fileChanges, fileReviews)
            }
            let collection = collection
            if writing {
                AtomicFile.removeLeftoverTemporaries(
                    in: Set(edits.map { ParentFolder.of(collection.exhibits[$0.0].path) }))
            }
            let outcomes = edits.concurrentMap { position, fileChanges, fileReviews -> Outcome in
                let edited: (path: String, data: Data, readAs: ContentDigest?)
                do throws(CaptionError) {
                    let exhibit = collection.exhibits[position]
                    edited = try Self.editedFile(
                        exhibit, changes: fileChanges, reviews: fileReviews, config: collection.config,
                        loadedFrom: digests?.digest(ofFileAt: exhibit.path))
                } catch {
                    return .editFailed(error)
                }
                guard writing else { return .edited(nil) }
                do throws(CaptionError) {
                    var pending = try AtomicFile.prepare(edited.data, for: edited.path)
                    pending.readAs = edited.readAs
                    return .edited(pending)
                } catch {
                    return .writeFailed(error)
                }
            }
            var pending: [AtomicFile.PendingFile] = []
            var editFailure: CaptionError?
            var writeFailure: CaptionError?
            for outcome in outcomes {
                switch outcome {
                case .edited(let file): if let file { pending.append(file) }
                case .editFailed(let error): editFailure = editFailure ?? error
                case .writeFailed(let error): writeFailure = writeFailure ?? error
                }
            }
            if let failure = editFailure ?? writeFailure {
                AtomicFile.discard(pending)
                throw failure
            }
            try AtomicFile.commitCaptionFiles(pending, collection: collection.rootPath)
            return edits.map { collection.exhibits[$0.0].path }
        }

        /// The texts ``apply(writing:digests:)`` writes, in file order, then in the
        /// configuration's order of fields and languages.
        var textChanges: [XLIFFImportReport.TextChange] {
            inReportOrder(changes.keys) { position, exhibit, field, language in
                guard let change = changes[position]?[field + "." + language] else { return nil }
                let current = exhibit.field(field)?.translation(language)
                return XLIFFImportReport.TextChange(
                    exhibit: exhibit.displayID, path: exhibit.path, field: field, language: language,
                    before: current?.text, after: change.text,
                    location: current?.valueLocation ?? exhibit.field(field)?.location)
            }
        }

        /// The texts whose reviews ``apply(writing:digests:)`` records, in the order of ``textChanges``.
        var textReviews: [XLIFFImportReport.TextReview] {
            inReportOrder(reviews.keys) { position, exhibit, field, language in
                guard reviews[position]?[field]?[language] != nil else { return nil }
                return XLIFFImportReport.TextReview(
                    exhibit: exhibit.displayID, path: exhibit.path, field: field, language: language)
            }
        }

        /// What `entry` gives for each exhibit at `positions`, in file order, then for each of its
        /// fields and target languages in the configuration's order.
        private func inReportOrder<Entry>(
            _ positions: some Sequence<Int>, _ entry: (Int, Exhibit, String, String) -> Entry?
        ) -> [Entry] {
            let config = collection.config
            return positions.sorted().flatMap { position in
                let exhibit = collection.exhibits[position]
                return config.fields.flatMap { spec in
                    config.targetLanguages.compactMap { entry(position, exhibit, spec.name, $0) }
                }
            }
        }

        /// Reviews of one file: field → language → record entry.
        typealias FileReviews = [String: [String: (fingerprint: String, signOff: RecordedSignOff?)]]

        /// One caption file's bytes with `fileChanges` ("field.language" → change) applied and
        /// their sources' fingerprints recorded, then `fileReviews` recorded.
        private static func editedFile(
            _ exhibit: Exhibit, changes fileChanges: [String: Change], reviews fileReviews: FileReviews,
            config: CollectionConfig,
            loadedFrom digest: ContentDigest?
        ) throws(CaptionError) -> (path: String, data: Data, readAs: ContentDigest?) {
            var editor = try CaptionFileEditor(editing: exhibit, loadedFrom: digest)
            // The plan compared each unit with the texts of `exhibit`: if someone changed one of
            // those texts in the file since it was loaded, the comparison no longer holds, and
            // writing would record a translation of a source it was not made from, or replace
            // their text.
            if editor.loaded == nil {
                let current = editor.exhibit
                for spec in config.fields {
                    for language in config.targetLanguages
                    where fileChanges[spec.name + "." + language] != nil || fileReviews[spec.name]?[language] != nil {
                        for text in [config.source, language]
                        where exhibit.field(spec.name)?.translation(text)?.text
                            != current.field(spec.name)?.translation(text)?.text
                        {
                            throw .conflict(path: exhibit.path)
                        }
                    }
                }
            }
            var edits: [TranslationEdit] = []
            var fingerprints: [String: [String: String]] = [:]
            for spec in config.fields {
                guard let source = exhibit.field(spec.name)?.translation(config.source) else { continue }
                for language in config.targetLanguages {
                    guard let change = fileChanges[spec.name + "." + language] else { continue }
                    edits.append(TranslationEdit(field: spec.name, language: language, text: change.text))
                    fingerprints[spec.name, default: [:]][language] = SourceFingerprint.of(source.text)
                }
            }
            if !edits.isEmpty {
                try editor.apply(
                    edits, recording: fingerprints, fieldOrder: config.fields.map(\.name),
                    languageOrder: config.languages)
            }
            if !fileReviews.isEmpty {
                try editor.recordSignOffs(
                    fileReviews, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
            }
            return (exhibit.path, editor.data, editor.readDigest)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
