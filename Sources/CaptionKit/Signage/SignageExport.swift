import Foundation

/// The output formats of `captions export signage`.
public enum SignageFormat: String, Sendable, Hashable, CaseIterable {
    /// One text file per exhibit: `<gallery>/<id>.txt`.
    case txt
    /// One Adobe InDesign Data Merge file: `datamerge.txt`.
    case datamerge
    /// One HTML proof sheet: `proof.html`.
    case html

    /// The Data Merge file's name in the export folder.
    public static let dataMergeFileName = "datamerge.txt"
    /// The proof sheet's name in the export folder.
    public static let proofFileName = "proof.html"

    /// The format that writes the file at `relativePath` of the export folder.
    public init(writerOf relativePath: String) {
        switch relativePath {
        case Self.dataMergeFileName: self = .datamerge
        case Self.proofFileName: self = .html
        default: self = .txt
        }
    }
}

/// What `captions export signage` should do.
public struct SignageExportOptions: Sendable, Hashable {
    /// The export folder (created when missing).
    public var outputFolder: String
    /// The formats to write (all three by default).
    public var formats: Set<SignageFormat>
    /// When not empty, only these exhibit ids are exported (and nothing is removed).
    public var onlyIDs: [String]
    /// The Data Merge file's encoding.
    public var dataMergeEncoding: DataMergeEncoding
    /// Whether to add a Latin-script Kazakh block (`kk-Latn`) after Kazakh, derived from the
    /// Cyrillic when a caption has no `kk-Latn` text of its own (`--with kk-Latn`).
    public var withLatinKazakh: Bool

    /// The default export folder, relative to the current folder.
    public static let defaultOutputFolder = "Exports/signage"

    /// Creates options.
    public init(
        outputFolder: String = SignageExportOptions.defaultOutputFolder,
        formats: Set<SignageFormat> = Set(SignageFormat.allCases), onlyIDs: [String] = [],
        dataMergeEncoding: DataMergeEncoding = .utf16LE, withLatinKazakh: Bool = false
    ) {
        self.outputFolder = outputFolder
        self.formats = formats
        self.onlyIDs = onlyIDs
        self.dataMergeEncoding = dataMergeEncoding
        self.withLatinKazakh = withLatinKazakh
    }
}

/// The files a signage export writes, before anything touches the disk.
public struct SignagePlan: Sendable, Hashable {
    /// One file: its path below the export folder and its bytes.
    public struct File: Sendable, Hashable {
        /// The path below the export folder, e.g. `memorial-park/arch-of-sorrow.txt`.
        public var path: String
        /// The bytes to write.
        public var data: Data
    }

    /// The files, sorted by path.
    public var files: [File]
    /// The exported labels, in collection order.
    public var labels: [SignageLabel]
    /// The exhibits held back by the completeness gate, in collection order.
    public var heldBack: [HeldBackExhibit]
    /// Warnings (words wider than their line), in collection order.
    public var warnings: [SignageWarning]
}

/// What a signage export did.
public struct SignageExportReport: Sendable, Hashable {
    /// The plan that was written.
    public var plan: SignagePlan
    /// The export folder.
    public var outputFolder: String
    /// Files of an earlier export that were removed (paths below the export folder).
    public var removed: [String]

    /// The lines for stderr: held-back exhibits, warnings, removed files and a summary.
    public var messageLines: [String] {
        var lines = plan.heldBack.flatMap(\.formattedLines) + plan.warnings.map(\.formatted)
        lines += removed.map { "removed \(CollectionLoader.join(outputFolder, $0)) (its exhibit is no longer exported)" }
        let count = plan.labels.count
        var summary = "exported \(count) \(count == 1 ? "label" : "labels") to \(outputFolder)"
        if !plan.heldBack.isEmpty { summary += "; \(plan.heldBack.count) held back" }
        if !plan.warnings.isEmpty { summary += "; \(plan.warnings.count) \(plan.warnings.count == 1 ? "warning" : "warnings")" }
        return lines + [summary]
    }
}

/// `captions export signage`: label text for sign makers in the configured language order, with
/// print typography, as text files, an InDesign Data Merge file and an HTML proof sheet.
public enum SignageExporter {
    /// Decides what to write, without touching the disk.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a bad `signage:` section,
    ///   ``CaptionError/invalidArgument(_:)`` for an `--only` id that no exhibit has.
    public static func plan(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError)
        -> SignagePlan
    {
        let settings = try SignageSettings(config: collection.config)
        let exhibits = try selectedExhibits(collection, only: options.onlyIDs)
        let gate = SignageGate(collection: collection)
        let languages = try exportLanguages(collection.config, withLatinKazakh: options.withLatinKazakh)
        let writesText = options.formats.contains(.txt)
        // Typesetting is most of an export's work and each exhibit is independent: it runs on
        // all cores, and the results are gathered in collection order, so the output is the same.
        let planned = exhibits.concurrentMap { exhibit -> PlannedExhibit in
            let reasons = gate.reasons(for: exhibit)
            guard reasons.isEmpty else {
                return .heldBack(
                    HeldBackExhibit(
                        displayID: exhibit.displayID, gallery: exhibit.gallery, path: exhibit.path, reasons: reasons))
            }
            let label = SignageLabel(exhibit: exhibit, config: collection.config, languages: languages)
            let text = writesText ? SignageTextWriter.text(for: label, settings: settings) : nil
            return .label(label, text: text)
        }
        var labels: [SignageLabel] = []
        var heldBack: [HeldBackExhibit] = []
        var entries: [ProofSheetWriter.Entry] = []
        var files: [SignagePlan.File] = []
        var textWarnings: [SignageWarning] = []
        for outcome in planned {
            switch outcome {
            case .label(let label, let text):
                labels.append(label)
                entries.append(.label(label))
                if let text {
                    files.append(.init(path: label.textFilePath, data: Data(text.text.utf8)))
                    textWarnings += text.warnings
                }
            case .heldBack(let held):
                heldBack.append(held)
                entries.append(.heldBack(held))
            }
        }
        let warnings = labels.flatMap(unsettledLetterWarnings) + textWarnings
        if options.formats.contains(.datamerge) {
            let data = DataMergeWriter.data(
                for: labels, languages: languages, fields: collection.config.fields.map(\.name),
                encoding: options.dataMergeEncoding)
            files.append(.init(path: SignageFormat.dataMergeFileName, data: data))
        }
        if options.formats.contains(.html) {
            let html = ProofSheetWriter.html(entries: entries, languages: languages, width: settings.width)
            files.append(.init(path: SignageFormat.proofFileName, data: Data(html.utf8)))
        }
        return SignagePlan(
            files: files.sorted { $0.path < $1.path }, labels: labels, heldBack: heldBack, warnings: warnings)
    }

    /// Plans the export and writes it into `options.outputFolder`, removing the files an earlier
    /// export wrote that this one does not (see ``ExportFolder``).
    ///
    /// - Throws: ``CaptionError`` when the configuration is bad or the folder cannot be written.
    public static func export(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError)
        -> SignageExportReport
    {
        let plan = try plan(collection, options: options)
        let folder = ExportFolder(path: options.outputFolder)
        let removed = try folder.replace(
            with: plan.files.map { ($0.path, $0.data) },
            owning: { options.onlyIDs.isEmpty && options.formats.contains(SignageFormat(writerOf: $0)) })
        return SignageExportReport(plan: plan, outputFolder: options.outputFolder, removed: removed)
    }

    /// What the export does with one exhibit: its label (and text file, when `txt` is written),
    /// or why it is held back.
    private enum PlannedExhibit: Sendable {
        case label(SignageLabel, text: (text: String, warnings: [SignageWarning])?)
        case heldBack(HeldBackExhibit)
    }

    /// The configured languages, with `kk-Latn` after `kk` when it is asked for and not configured.
    private static func exportLanguages(_ config: CollectionConfig, withLatinKazakh: Bool) throws(CaptionError)
        -> [String]
    {
        guard withLatinKazakh, !config.languages.contains(KazakhLatin.tag) else { return config.languages }
        guard let kazakh = config.languages.firstIndex(of: "kk") else {
            throw .invalidArgument("--with kk-Latn derives Latin-script Kazakh from kk, which is not one of the languages")
        }
        var languages = config.languages
        languages.insert(KazakhLatin.tag, at: kazakh + 1)
        return languages
    }

    /// One warning per word of a derived Latin-script block that used a letter the 2021
    /// alphabet has not settled.
    private static func unsettledLetterWarnings(_ label: SignageLabel) -> [SignageWarning] {
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

    /// The exhibits to export: all, or those with the `--only` ids.
    private static func selectedExhibits(_ collection: CaptionCollection, only ids: [String]) throws(CaptionError)
        -> [Exhibit]
    {
        guard !ids.isEmpty else { return collection.exhibits }
        let known = collection.exhibits.map(\.displayID)
        for id in ids where !known.contains(id) {
            let hint = Suggestion.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? ""
            throw .invalidArgument("no exhibit has the id '\(id)'\(hint)")
        }
        return collection.exhibits.filter { ids.contains($0.displayID) }
    }
}
