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
    /// How many labels were exported.
    public var labelCount: Int
    /// The exhibits held back by the completeness gate, in collection order.
    public var heldBack: [HeldBackExhibit]
    /// Warnings (words wider than their line), in collection order.
    public var warnings: [SignageWarning]
    /// The export folder.
    public var outputFolder: String
    /// Files of an earlier export that were removed (paths below the export folder).
    public var removed: [String]

    /// The lines for stderr: held-back exhibits, warnings, removed files and a summary.
    public var messageLines: [String] {
        var lines = heldBack.flatMap(\.formattedLines) + warnings.map(\.formatted)
        lines += removed.map {
            "removed \(CollectionLoader.join(outputFolder, $0)) (its exhibit is no longer exported)"
        }
        var summary = "exported \(labelCount) \(labelCount == 1 ? "label" : "labels") to \(outputFolder)"
        if !heldBack.isEmpty { summary += "; \(heldBack.count) held back" }
        if !warnings.isEmpty { summary += "; \(warnings.count) \(warnings.count == 1 ? "warning" : "warnings")" }
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
        let setup = try Setup(collection, options: options)
        let writesText = options.formats.contains(.txt)
        // Typesetting is most of an export's work and each exhibit is independent: it runs on
        // all cores, and the results are gathered in collection order, so the output is the same.
        let planned = setup.exhibits.concurrentMap { exhibit -> PlannedExhibit in
            let reasons = setup.gate.reasons(for: exhibit)
            guard reasons.isEmpty else { return .heldBack(HeldBackExhibit(exhibit, reasons: reasons)) }
            let label = setup.label(for: exhibit)
            let text = writesText ? SignageTextWriter.text(for: label, settings: setup.settings) : nil
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
        files += setup.collectionFiles(labels: labels, entries: entries).map { .init(path: $0.path, data: $0.data) }
        return SignagePlan(
            files: files.sorted { $0.path < $1.path }, labels: labels, heldBack: heldBack, warnings: warnings)
    }

    /// Plans the export and writes it into `options.outputFolder`, removing the files an earlier
    /// export wrote that this one does not (see ``ExportFolder``).
    ///
    /// Writes what ``plan(_:options:)`` plans, but streams it: the gate runs first, so the paths
    /// are known and checked (and the manifest extended) before typesetting; then each label's
    /// text file goes to its temporary file as soon as it is typeset, on all cores, and only the
    /// renames wait for the end (``AtomicFile/commit(_:)``, in path order). No text is held in
    /// memory beyond its exhibit unless the Data Merge file or proof sheet needs every label.
    ///
    /// - Throws: ``CaptionError`` when the configuration is bad or the folder cannot be written.
    public static func export(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError)
        -> SignageExportReport
    {
        let setup = try Setup(collection, options: options)
        let writesText = options.formats.contains(.txt)
        let keepsLabels = options.formats.contains(.datamerge) || options.formats.contains(.html)
        let gated = Array(zip(setup.exhibits, setup.exhibits.concurrentMap(setup.gate.reasons(for:))))
        // Every file's path, sorted as the plan's files: the exhibits' text files (by index in
        // `gated`), then the files made from the whole collection (index nil).
        var paths: [(path: String, exhibit: Int?)] = []
        if writesText {
            for (index, (exhibit, reasons)) in gated.enumerated() where reasons.isEmpty {
                paths.append((SignageLabel.textFilePath(id: exhibit.displayID, gallery: exhibit.gallery), index))
            }
        }
        paths += setup.collectionFileNames.map { ($0, nil) }
        paths.sort { $0.path < $1.path }
        let folder = ExportFolder(path: options.outputFolder)
        let replacement = try folder.beginReplacing(paths.map(\.path))
        let outcomes = gated.concurrentMap { exhibit, reasons -> ExportedExhibit in
            guard reasons.isEmpty else { return .heldBack(HeldBackExhibit(exhibit, reasons: reasons)) }
            func prepared(_ file: (bytes: [UInt8], warnings: [SignageWarning])) -> ExportedExhibit.Text {
                let path = SignageLabel.textFilePath(id: exhibit.displayID, gallery: exhibit.gallery)
                let target = CollectionLoader.join(options.outputFolder, path)
                return (
                    Result { () throws(CaptionError) in try AtomicFile.prepare(file.bytes, for: target) }, file.warnings
                )
            }
            guard keepsLabels || !writesText else {
                // Only the text file needs the label: it is written from the typeset text.
                let blocks = SignageLabel.blocks(of: exhibit, config: collection.config, languages: setup.languages) {
                    Typography.typeset($0, language: $1)
                }
                let file = SignageTextWriter.utf8(for: blocks, id: exhibit.displayID, settings: setup.settings)
                let fields = blocks.flatMap { $0.fields.map { ($0.name, $0.location, $0.unsettledWords) } }
                return .label(
                    nil, unsettled: unsettledLetterWarnings(id: exhibit.displayID, fields: fields), text: prepared(file)
                )
            }
            let label = setup.label(for: exhibit)
            let text = writesText ? prepared(SignageTextWriter.utf8(for: label, settings: setup.settings)) : nil
            return .label(label, unsettled: unsettledLetterWarnings(label), text: text)
        }
        var labelCount = 0
        var labels: [SignageLabel] = []
        var heldBack: [HeldBackExhibit] = []
        var entries: [ProofSheetWriter.Entry] = []
        var unsettledWarnings: [SignageWarning] = []
        var textWarnings: [SignageWarning] = []
        for outcome in outcomes {
            switch outcome {
            case .label(let label, let unsettled, let text):
                labelCount += 1
                if let label {
                    labels.append(label)
                    entries.append(.label(label))
                }
                unsettledWarnings += unsettled
                textWarnings += text?.warnings ?? []
            case .heldBack(let held):
                heldBack.append(held)
                if keepsLabels { entries.append(.heldBack(held)) }
            }
        }
        let collectionFiles = setup.collectionFiles(labels: labels, entries: entries)
        // The temporaries in path order: as in ``AtomicFile/writeAll(_:)``, the first failure in
        // that order is reported and then nothing is renamed.
        let prepared = paths.map { path, exhibit -> Result<AtomicFile.PendingFile, CaptionError> in
            if let exhibit {
                guard case .label(_, _, let text?) = outcomes[exhibit] else { preconditionFailure("not a text file") }
                return text.file
            }
            guard let data = collectionFiles.first(where: { $0.path == path })?.data else {
                preconditionFailure("not a collection file")
            }
            let target = CollectionLoader.join(options.outputFolder, path)
            return Result { () throws(CaptionError) in try AtomicFile.prepare(data, for: target) }
        }
        try AtomicFile.commit(prepared)
        let removed = try folder.finishReplacing(
            replacement, owning: { options.onlyIDs.isEmpty && options.formats.contains(SignageFormat(writerOf: $0)) })
        return SignageExportReport(
            labelCount: labelCount, heldBack: heldBack, warnings: unsettledWarnings + textWarnings,
            outputFolder: options.outputFolder, removed: removed)
    }

    /// What ``export(_:options:)`` keeps of one exhibit: the label only when a collection-wide
    /// file needs it, the warnings, and its text file's temporary; or why it is held back.
    private enum ExportedExhibit: Sendable {
        typealias Text = (file: Result<AtomicFile.PendingFile, CaptionError>, warnings: [SignageWarning])
        case label(SignageLabel?, unsettled: [SignageWarning], text: Text?)
        case heldBack(HeldBackExhibit)
    }

    /// What both ``plan(_:options:)`` and ``export(_:options:)`` need before typesetting.
    private struct Setup: Sendable {
        var collection: CaptionCollection
        var options: SignageExportOptions
        var settings: SignageSettings
        var exhibits: [Exhibit]
        var gate: SignageGate
        var languages: [String]

        init(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError) {
            self.collection = collection
            self.options = options
            settings = try SignageSettings(config: collection.config)
            exhibits = try selectedExhibits(collection, only: options.onlyIDs)
            gate = SignageGate(collection: collection)
            languages = try exportLanguages(collection.config, withLatinKazakh: options.withLatinKazakh)
        }

        /// The typeset label of an exhibit that passed the gate.
        func label(for exhibit: Exhibit) -> SignageLabel {
            SignageLabel(exhibit: exhibit, config: collection.config, languages: languages)
        }

        /// The names of the files made from the whole collection, sorted.
        var collectionFileNames: [String] {
            var names: [String] = []
            if options.formats.contains(.datamerge) { names.append(SignageFormat.dataMergeFileName) }
            if options.formats.contains(.html) { names.append(SignageFormat.proofFileName) }
            return names
        }

        /// The files made from the whole collection (Data Merge file, proof sheet), in the order
        /// of ``collectionFileNames``.
        func collectionFiles(labels: [SignageLabel], entries: [ProofSheetWriter.Entry]) -> [(path: String, data: Data)]
        {
            var files: [(path: String, data: Data)] = []
            if options.formats.contains(.datamerge) {
                let data = DataMergeWriter.data(
                    for: labels, languages: languages, fields: collection.config.fields.map(\.name),
                    encoding: options.dataMergeEncoding)
                files.append((SignageFormat.dataMergeFileName, data))
            }
            if options.formats.contains(.html) {
                let html = ProofSheetWriter.html(entries: entries, languages: languages, width: settings.width)
                files.append((SignageFormat.proofFileName, Data(html.utf8)))
            }
            return files
        }
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
            throw .invalidArgument(
                "--with kk-Latn derives Latin-script Kazakh from kk, which is not one of the languages")
        }
        var languages = config.languages
        languages.insert(KazakhLatin.tag, at: kazakh + 1)
        return languages
    }

    /// One warning per word of a derived Latin-script block that used a letter the 2021
    /// alphabet has not settled.
    private static func unsettledLetterWarnings(_ label: SignageLabel) -> [SignageWarning] {
        unsettledLetterWarnings(
            id: label.id, fields: label.blocks.flatMap { $0.fields.map { ($0.name, $0.location, $0.unsettledWords) } })
    }

    /// ``unsettledLetterWarnings(_:)`` of the label `id` with `fields`, block after block.
    private static func unsettledLetterWarnings(
        id: String, fields: [(name: String, location: SourceLocation, unsettledWords: [String])]
    ) -> [SignageWarning] {
        fields.flatMap { field in
            field.unsettledWords.map { word in
                SignageWarning(
                    location: field.location,
                    message: """
                        \(id): kk-Latn \(field.name): '\(word)' has a letter the 2021 alphabet has not \
                        settled; written '\(KazakhLatin.transliterate(word).text)' provisionally
                        """)
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
