import Foundation

/// The signage pipeline of one export: gate → typeset → lay out → write.
///
/// ``SignageGate`` decides which exhibits go on a sign; ``SignageLabel`` typesets their texts
/// (``Typography``, split into paragraphs once); ``SignageTextWriter`` lays every line out to
/// its width (``SignageLayout``) and writes the text files; ``DataMergeWriter`` and
/// ``ProofSheetWriter`` write the files made from the whole collection. The texts
/// `overflows-panel` typeset and broke during the gate are not typeset or measured again
/// (``TypesetMemo``).
struct SignagePipeline: Sendable {
    var collection: CaptionCollection
    var options: SignageExportOptions
    var settings: SignageSettings
    /// The fields' panels with their fonts: fields on a panel are laid out by measured width.
    var panels: PanelFonts
    /// The exhibits to export: all, or those with the `--only` ids.
    var exhibits: [Exhibit]
    var gate: SignageGate
    /// The languages of the label blocks, in order.
    var languages: [String]

    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a bad `signage:` section (a bad
    ///   `panels:` one stopped the collection's loading),
    ///   ``CaptionError/invalidArgument(_:)`` for an `--only` id that no exhibit has or
    ///   `--with kk-Latn` without `kk`.
    init(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError) {
        self.collection = collection
        self.options = options
        settings = try SignageSettings(config: collection.config)
        panels = PanelFonts(config: collection.config)
        exhibits = try Self.selectedExhibits(collection, only: options.onlyIDs)
        gate = SignageGate(collection: collection, panels: panels)
        gate.required = settings.required
        gate.allowsUnmeasured = options.allowsUnmeasured
        gate.allowsCheckErrors = options.allowsCheckErrors
        // A malformed `untranslated` entry (the gate's copies are `nil`) stops the export, as it
        // stops `captions check`: read again for its error.
        if gate.copies == nil { gate.copies = try CopiedTranslations(config: collection.config) }
        languages = try Self.exportLanguages(collection.config, withLatinKazakh: options.withLatinKazakh)
    }

    /// The typeset label of an exhibit; the texts `typesetMemo` kept for it are not typeset again.
    func label(for exhibit: Exhibit, typesetMemo: TypesetMemo? = nil) -> SignageLabel {
        SignageLabel(exhibit: exhibit, config: collection.config, languages: languages, typesetMemo: typesetMemo)
    }

    /// The label of an exhibit as the proof sheet shows it: with who reviewed and approved its
    /// texts when every one is approved (``LabelSignOffs``).
    func proofLabel(for exhibit: Exhibit, typesetMemo: TypesetMemo? = nil) -> SignageLabel {
        var label = label(for: exhibit, typesetMemo: typesetMemo)
        label.signOffs = LabelSignOffs(exhibit: exhibit, config: collection.config)
        return label
    }

    /// The kinds of reason that leave a held-back label's text on the proof sheet, to be read,
    /// corrected or approved: errors of `captions check`, a panel that cannot be measured, and
    /// a missing review or approval (marked not for print).
    static let reasonsShowingText: Set<HoldBackReason.Kind> = [.checkError, .unmeasured, .notReviewed, .notApproved]

    /// Why each exhibit is held back (the gate's reasons, with the errors of `captions check`,
    /// ``SignageGate/reasons(for:checkFindings:)``) and the findings of `captions check` that are
    /// not among the reasons, on all cores; in the order of `exhibits`. With `keepingTypeset`,
    /// the texts the checks typeset (`overflows-panel`) in the exhibits the gate passes (those
    /// a label may be made of, on a sign or the proof sheet) are kept for the labels in the
    /// memo returned.
    ///
    /// - Throws: as ``SignageChecks/init(_:exhibits:typesetMemo:)``.
    func gated(keepingTypeset: Bool = false) throws(CaptionError) -> (
        exhibits: [(exhibit: Exhibit, reasons: [HoldBackReason], findings: [Diagnostic])], typesetMemo: TypesetMemo?
    ) {
        let gateReasons = exhibits.concurrentMap { gate.reasons(for: $0) }
        // By index: an array of exhibits paired with their reasons would copy every exhibit.
        let typesetMemo =
            keepingTypeset
            ? TypesetMemo(
                keepingOnly: Set(exhibits.indices.filter { gateReasons[$0].isEmpty }.map { exhibits[$0].path }))
            : nil
        let checks = try SignageChecks(collection, exhibits: exhibits, typesetMemo: typesetMemo)
        let gated = Array(exhibits.indices).concurrentMap {
            index -> (exhibit: Exhibit, reasons: [HoldBackReason], findings: [Diagnostic]) in
            let exhibit = exhibits[index]
            // The derived Latin block is measured only for a label the gate lets through.
            let latin = gateReasons[index].isEmpty ? derivedLatinFindings(exhibit) ?? [] : []
            let checkFindings = checks.findings(for: exhibit)
            let reasons = gate.adding(checkFindings: checkFindings + latin, to: gateReasons[index])
            let findings = latin.isEmpty ? checkFindings : (checkFindings + latin).sortedForReport()
            // The errors among the reasons are not listed again.
            return (
                exhibit, reasons, gate.allowsCheckErrors ? findings : findings.filter { !SignageChecks.holdsBack($0) }
            )
        }
        return (gated, typesetMemo)
    }

    /// What `overflows-panel` would report of the Latin-script Kazakh block that `--with
    /// kk-Latn` derives (or takes from the caption's own `kk-Latn` text) when `kk-Latn` is not a
    /// configured language, which `captions check` does not measure: the block's fields on a panel,
    /// measured as the export lays them out, at the severity `captions.yml` gives the check.
    /// `nil` when there is no such block or the check is off.
    func derivedLatinFindings(_ exhibit: Exhibit) -> [Diagnostic]? {
        let config = collection.config
        guard options.withLatinKazakh, !config.languages.contains(KazakhLatin.tag), !panels.panels.isEmpty,
            let severity = config.severity(of: OverflowsPanelCheck.description)
        else { return nil }
        let label = SignageLabel(exhibit: exhibit, config: config, languages: [KazakhLatin.tag])
        return label.blocks.flatMap(\.fields).flatMap { field -> [Diagnostic] in
            guard let panel = panels.panel(for: field.name) else { return [] }
            let fit = panel.fit(field.text, language: KazakhLatin.tag)
            return OverflowsPanelCheck.messages(fit, on: panel, language: KazakhLatin.tag, field: field.name).map {
                Diagnostic(
                    checkID: OverflowsPanelCheck.description.id, severity: severity, location: field.location,
                    message: $0, exhibitID: label.id, field: field.name, language: KazakhLatin.tag)
            }
        }
    }

    /// The proof sheet's entry of a held-back exhibit: with its label when only
    /// ``reasonsShowingText`` hold it back, so that its text is on the sheet to be corrected,
    /// read or approved.
    func heldBackEntry(
        _ exhibit: Exhibit, reasons: [HoldBackReason], findings: [Diagnostic], typesetMemo: TypesetMemo? = nil
    ) -> ProofSheetWriter.Entry {
        let shown =
            reasons.allSatisfy { Self.reasonsShowingText.contains($0.kind) }
            ? proofLabel(for: exhibit, typesetMemo: typesetMemo) : nil
        return .heldBack(HeldBackExhibit(exhibit, reasons: reasons), label: shown, findings: findings)
    }

    /// One warning per error of `captions check` that `--allow-check-errors` let through.
    static func letThroughWarnings(_ label: SignageLabel, findings: [Diagnostic]) -> [SignageWarning] {
        findings.filter { $0.severity == .error }.map {
            SignageWarning(
                location: $0.location,
                message: "\(label.id) exported with a check error: \($0.message) [\($0.checkID)]")
        }
    }

    /// Runs the pipeline and writes its files into `options.outputFolder` (see
    /// ``SignageExporter/export(_:options:)``).
    ///
    /// The export streams: the gate runs first, so the paths are known and checked (and the
    /// manifest extended) before typesetting; then each label's text file goes to its temporary
    /// file as soon as it is typeset, on all cores, and only the renames wait for the end
    /// (``AtomicFile/commit(_:)``, in path order). No label is kept beyond its exhibit unless the
    /// proof sheet needs every label; the Data Merge file keeps each label's row of values
    /// (``DataMergeWriter/Row``), made on the label's thread.
    func export() throws(CaptionError) -> SignageExportReport {
        let writesText = options.formats.contains(.txt)
        let writesDataMerge = options.formats.contains(.datamerge)
        let writesProof = options.formats.contains(.html)
        let fields = collection.config.fields.map(\.name)
        // The texts `overflows-panel` typesets to measure them are typeset once, for the labels too.
        let (gated, typesetMemo) = try gated(keepingTypeset: true)
        // Every file's path, sorted: the exhibits' text files (by index in `gated`), then the
        // files made from the whole collection (index nil).
        var paths: [(path: String, exhibit: Int?)] = []
        if writesText {
            for (index, (exhibit, reasons, _)) in gated.enumerated() where reasons.isEmpty {
                paths.append((SignageLabel.textFilePath(id: exhibit.displayID, gallery: exhibit.gallery), index))
            }
        }
        paths += collectionFileNames.map { ($0, nil) }
        paths.sort { $0.path < $1.path }
        let folder = ExportFolder(path: options.outputFolder)
        let replacement = try folder.beginReplacing(paths.map(\.path))
        // Typesetting is most of an export's work and each exhibit is independent: it runs on
        // all cores, and the results are gathered in collection order, so the output is the same.
        let outcomes = gated.concurrentMap { exhibit, reasons, findings -> Outcome in
            guard reasons.isEmpty else {
                return .heldBack(
                    HeldBackExhibit(exhibit, reasons: reasons),
                    entry: writesProof
                        ? heldBackEntry(exhibit, reasons: reasons, findings: findings, typesetMemo: typesetMemo) : nil)
            }
            // The proof sheet's label names who signed it off; the other files do not.
            let label =
                writesProof
                ? proofLabel(for: exhibit, typesetMemo: typesetMemo) : label(for: exhibit, typesetMemo: typesetMemo)
            var text: Outcome.Text?
            if writesText {
                let file = SignageTextWriter.utf8(for: label, settings: settings, panels: panels)
                let target = CollectionLoader.join(options.outputFolder, label.textFilePath)
                text = (
                    Result { () throws(CaptionError) in try AtomicFile.prepare(file.bytes, for: target) },
                    file.warnings
                )
            }
            return .label(
                writesProof ? label : nil, findings: findings,
                row: writesDataMerge ? DataMergeWriter.Row(label, languages: languages, fields: fields) : nil,
                warnings: Self.letThroughWarnings(label, findings: findings) + Self.unsettledLetterWarnings(label),
                text: text)
        }
        var labelCount = 0
        var rows: [DataMergeWriter.Row] = []
        var heldBack: [HeldBackExhibit] = []
        var entries: [ProofSheetWriter.Entry] = []
        var labelWarnings: [SignageWarning] = []
        var textWarnings: [SignageWarning] = []
        for outcome in outcomes {
            switch outcome {
            case .label(let label, let findings, let row, let warnings, let text):
                labelCount += 1
                if let label { entries.append(.label(label, findings: findings)) }
                if let row { rows.append(row) }
                labelWarnings += warnings
                textWarnings += text?.warnings ?? []
            case .heldBack(let held, let entry):
                heldBack.append(held)
                if let entry { entries.append(entry) }
            }
        }
        let collectionFiles = collectionFiles(rows: rows, entries: entries)
        // The temporaries in path order: as in ``AtomicFile/writeAll(_:)``, the first failure in
        // that order is reported and then nothing is renamed.
        let prepared = paths.map { path, exhibit -> Result<AtomicFile.PendingFile, CaptionError> in
            if let exhibit {
                guard case .label(_, _, _, _, let text?) = outcomes[exhibit] else {
                    preconditionFailure("not a text file")
                }
                return text.file
            }
            guard let bytes = collectionFiles.first(where: { $0.path == path })?.bytes else {
                preconditionFailure("not a collection file")
            }
            let target = CollectionLoader.join(options.outputFolder, path)
            return Result { () throws(CaptionError) in try AtomicFile.prepare(bytes, for: target) }
        }
        try AtomicFile.commit(prepared)
        let fontWarnings = panels.problems.map(gate.fontWarning)
        let ownsLabel = ownsLabelFile
        let removed = try folder.finishReplacing(
            replacement,
            owning: { path in
                let format = SignageFormat(writerOf: path)
                return options.formats.contains(format) && (format != .txt || ownsLabel(path))
            })
        return SignageExportReport(
            labelCount: labelCount, heldBack: heldBack,
            warnings: fontWarnings + labelWarnings + textWarnings + leftOverWarnings(replacement.old),
            outputFolder: options.outputFolder, removed: removed,
            skippedFiles: SkippedFileCheck.namedOutsideCheck(in: collection))
    }

    /// The label files of an earlier export that this one answers for, and so removes when it
    /// does not write them again (their exhibit held back or gone): every one of a whole
    /// collection's export; of a folder's (``CaptionCollection/scope``), those below it; with
    /// `--only`, those of the exhibits named (wherever their files are now).
    private var ownsLabelFile: @Sendable (String) -> Bool {
        guard options.onlyIDs.isEmpty else {
            let named = Set(exhibits.map { SignageLabel.textFilePath(id: $0.displayID, gallery: $0.gallery) })
            return { named.contains($0) }
        }
        guard let scope = collection.scope else { return { _ in true } }
        return { $0.hasPrefix(scope + "/") }
    }

    /// What the export keeps of one exhibit: its label only when the proof sheet needs it, the
    /// findings of `captions check`, its row of the Data Merge file when the export writes one,
    /// the warnings about the label (errors let through, unsettled letters), and its text file's
    /// temporary; or why it is held back, with its entry of the proof sheet when the export
    /// writes one.
    private enum Outcome: Sendable {
        typealias Text = (file: Result<AtomicFile.PendingFile, CaptionError>, warnings: [SignageWarning])
        case label(
            SignageLabel?, findings: [Diagnostic], row: DataMergeWriter.Row?, warnings: [SignageWarning], text: Text?)
        case heldBack(HeldBackExhibit, entry: ProofSheetWriter.Entry?)
    }

    /// A warning for each file made from the whole collection (Data Merge file, proof sheet) that
    /// an earlier export wrote (`old`, its manifest) in a format this one does not write: it is
    /// left as it was, and may hold texts that changed or labels held back since, which must
    /// not go to print unnoticed.
    private func leftOverWarnings(_ old: Set<String>) -> [SignageWarning] {
        let written = SignageFormat.allCases.filter { options.formats.contains($0) }.map(\.rawValue)
            .joined(separator: " and ")
        return old.sorted().compactMap { relative in
            let format = SignageFormat(writerOf: relative)
            let path = CollectionLoader.join(options.outputFolder, relative)
            guard format != .txt, !options.formats.contains(format), FileManager.default.fileExists(atPath: path)
            else { return nil }
            return SignageWarning(
                location: SourceLocation(path: path),
                message: """
                    left from an earlier export: this one wrote \(written) only, so it may \
                    hold texts that changed or labels held back since; export with --format \(format.rawValue) too, \
                    or delete it
                    """)
        }
    }

    /// The names of the files made from the whole collection, sorted.
    private var collectionFileNames: [String] {
        var names: [String] = []
        if options.formats.contains(.datamerge) { names.append(SignageFormat.dataMergeFileName) }
        if options.formats.contains(.html) { names.append(SignageFormat.proofFileName) }
        return names
    }

    /// The files made from the whole collection (Data Merge file, proof sheet), in the order
    /// of ``collectionFileNames``.
    private func collectionFiles(rows: [DataMergeWriter.Row], entries: [ProofSheetWriter.Entry]) -> [(
        path: String, bytes: [UInt8]
    )] {
        var files: [(path: String, bytes: [UInt8])] = []
        if options.formats.contains(.datamerge) {
            let bytes = DataMergeWriter.bytes(
                rows: rows, languages: languages, fields: collection.config.fields.map(\.name),
                encoding: options.dataMergeEncoding)
            files.append((SignageFormat.dataMergeFileName, bytes))
        }
        if options.formats.contains(.html) {
            files.append((SignageFormat.proofFileName, Array(proofSheetText(entries).utf8)))
        }
        return files
    }

    /// The proof sheet's text for `entries`: the one place both ``export()`` and
    /// ``proofSheet()`` make them, so the editor's download is the command's file.
    private func proofSheetText(_ entries: [ProofSheetWriter.Entry]) -> String {
        ProofSheetWriter.html(entries: entries, languages: languages, settings: settings, panels: panels)
    }

    /// The proof sheet ``export()`` writes with `--format html`, made in memory: nothing is
    /// written, no folder or manifest is touched. Exhibits are held back as in the export
    /// (they are on the sheet with their reasons), and the findings of `captions check` are at
    /// their labels.
    ///
    /// - Throws: as ``SignageChecks/init(_:exhibits:typesetMemo:)``.
    func proofSheet() throws(CaptionError) -> (data: Data, labelCount: Int, heldBack: [HeldBackExhibit]) {
        let (gated, typesetMemo) = try gated(keepingTypeset: true)
        let entries = gated.concurrentMap {
            exhibit, reasons, findings -> ProofSheetWriter.Entry in
            reasons.isEmpty
                ? .label(proofLabel(for: exhibit, typesetMemo: typesetMemo), findings: findings)
                : heldBackEntry(exhibit, reasons: reasons, findings: findings, typesetMemo: typesetMemo)
        }
        let heldBack = entries.compactMap { entry -> HeldBackExhibit? in
            if case .heldBack(let exhibit, _, _) = entry { exhibit } else { nil }
        }
        return (Data(proofSheetText(entries).utf8), entries.count - heldBack.count, heldBack)
    }

    /// The configured languages, with `kk-Latn` after `kk` when it is asked for and not configured.
    private static func exportLanguages(_ config: CollectionConfig, withLatinKazakh: Bool) throws(CaptionError)
        -> [String]
    {
        guard withLatinKazakh, !config.languages.contains(KazakhLatin.tag) else { return config.languages }
        guard let kazakh = config.languages.firstIndex(of: "kk") else {
            throw .invalidArgument(
                "--with kk-Latn derives Latin-script Kazakh from kk, which is not one of the languages")
        }
        var languages = config.languages
        languages.insert(KazakhLatin.tag, at: kazakh + 1)
        return languages
    }

    /// One warning per word of a derived Latin-script block that used a letter the 2021
    /// alphabet has not settled.
    static func unsettledLetterWarnings(_ label: SignageLabel) -> [SignageWarning] {
        label.blocks.flatMap { block in
            block.fields.flatMap { field in
                field.unsettledWords.map { word in
                    SignageWarning(
                        location: field.location,
                        message: """
                            \(label.id): kk-Latn \(field.name): '\(word)' has a letter the 2021 alphabet has not \
                            settled; written '\(KazakhLatin.transliterate(word).text)' provisionally
                            """)
                }
            }
        }
    }

    /// The exhibits to export: all of the collection's folder that was named
    /// (``CaptionCollection/scope``, the whole collection when none), or those with the `--only` ids.
    private static func selectedExhibits(_ collection: CaptionCollection, only ids: [String]) throws(CaptionError)
        -> [Exhibit]
    {
        let exhibits = collection.scopedExhibits
        guard !ids.isEmpty else { return exhibits }
        let known = exhibits.map(\.displayID)
        for id in ids where !known.contains(id) {
            throw noExhibit(id, known: known, in: collection.scopePath)
        }
        return exhibits.filter { ids.contains($0.displayID) }
    }

    /// The error for an id that no exhibit (of the folder `folder`, when given) has.
    static func noExhibit(_ id: String, known: [String], in folder: String? = nil) -> CaptionError {
        let hint = Suggestion.didYouMean(id, in: known)
        return .invalidArgument("no exhibit\(folder.map { " in \($0)" } ?? "") has the id '\(id)'\(hint)")
    }
}
