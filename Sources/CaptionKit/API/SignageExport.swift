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
    static let dataMergeFileName = "datamerge.txt"
    /// The proof sheet's name in the export folder.
    static let proofFileName = "proof.html"

    /// The format that writes the file at `relativePath` of the export folder.
    init(writerOf relativePath: String) {
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
    var outputFolder: String
    /// The formats to write (all three by default).
    var formats: Set<SignageFormat>
    /// When not empty, only these exhibit ids are exported (and nothing is removed).
    var onlyIDs: [String]
    /// The Data Merge file's encoding.
    var dataMergeEncoding: DataMergeEncoding
    /// Whether to add a Latin-script Kazakh block (`kk-Latn`) after Kazakh, derived from the
    /// Cyrillic when a caption has no `kk-Latn` text of its own (`--with kk-Latn`).
    var withLatinKazakh: Bool
    /// Whether labels with errors of `captions check` are written (`--allow-check-errors`),
    /// each error reported as a warning, instead of held back.
    var allowsCheckErrors: Bool
    /// Whether labels with a field on a panel whose font is missing are written, their fit
    /// unmeasured (`--allow-unmeasured`), instead of held back.
    var allowsUnmeasured: Bool

    /// The default export folder, relative to the current folder.
    public static let defaultOutputFolder = "Exports/signage"

    /// Creates options.
    public init(
        outputFolder: String = SignageExportOptions.defaultOutputFolder,
        formats: Set<SignageFormat> = Set(SignageFormat.allCases), onlyIDs: [String] = [],
        dataMergeEncoding: DataMergeEncoding = .utf16LE, withLatinKazakh: Bool = false,
        allowsCheckErrors: Bool = false, allowsUnmeasured: Bool = false
    ) {
        self.outputFolder = outputFolder
        self.formats = formats
        self.onlyIDs = onlyIDs
        self.dataMergeEncoding = dataMergeEncoding
        self.withLatinKazakh = withLatinKazakh
        self.allowsCheckErrors = allowsCheckErrors
        self.allowsUnmeasured = allowsUnmeasured
    }
}
/// The text encodings of the Data Merge file.
public enum DataMergeEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-16 little-endian with a byte order mark: what InDesign reads reliably (it garbles
    /// UTF-8 Cyrillic in plain `.txt` data sources). The default.
    case utf16LE = "utf16le"
    /// UTF-8 with a byte order mark, for plug-ins that want UTF-8.
    case utf8BOM = "utf8-bom"
}
/// What a signage export did.
public struct SignageExportReport: Sendable, Hashable {
    /// How many labels were exported.
    var labelCount: Int
    /// The exhibits held back by the completeness gate, in collection order.
    public var heldBack: [HeldBackExhibit]
    /// Warnings (errors of `captions check` that `--allow-check-errors` let through, words
    /// wider than their line), in collection order.
    var warnings: [SignageWarning]
    /// The export folder.
    var outputFolder: String
    /// Files of an earlier export that were removed (paths below the export folder).
    var removed: [String]
    /// A `skipped-file` finding per file below the collection folder that the export did not read
    /// although it may hold captions (`kurt.YML`, a linked gallery), as `captions check` reports it.
    var skippedFiles: [Diagnostic] = []
    /// The note that a folder of the collection was exported (``CaptionCollection/scopeNote``).
    var scopeNote: String?

    /// The lines for stderr: the note that a folder of the collection was exported, the files
    /// not read, held-back exhibits, warnings, removed files and
    /// a summary that counts the held-back exhibits and the other lines by severity
    /// (`exported 19 labels to out; 1 held back; 2 warnings`).
    public var messageLines: [String] {
        var lines = (scopeNote.map { [$0] } ?? []) + skippedFiles.map(\.formatted)
        lines += heldBack.flatMap(\.formattedLines) + warnings.map(\.formatted)
        // A held-back exhibit's label of an earlier export is removed too, so that no outdated
        // label goes to print; the line says why.
        let heldBackLabels = Set(heldBack.map { SignageLabel.textFilePath(id: $0.displayID, gallery: $0.gallery) })
        lines += removed.map {
            let why = heldBackLabels.contains($0) ? "its exhibit is held back" : "its exhibit is no longer exported"
            return "removed \(CollectionLoader.join(outputFolder, $0)) (\(why))"
        }
        var summary = "exported \(labelCount) \(labelCount == 1 ? "label" : "labels") to \(outputFolder)"
        if !heldBack.isEmpty { summary += "; \(heldBack.count) held back" }
        // The other findings printed, by severity: the skipped files at the one captions.yml
        // gives skipped-file, the export's own warnings (fonts, words too wide, letters) as warnings.
        let severities = skippedFiles.map(\.severity) + warnings.map { _ in Severity.warning }
        for (severity, name) in [(Severity.error, "error"), (.warning, "warning"), (.note, "note")] {
            let count = severities.count { $0 == severity }
            if count > 0 { summary += "; \(count) \(name)\(count == 1 ? "" : "s")" }
        }
        return lines + [summary]
    }
}
/// `captions export signage`: label text for sign makers in the configured language order, with
/// print typography, as text files, an InDesign Data Merge file and an HTML proof sheet.
///
/// One pipeline makes every format: the completeness gate (SignageGate) holds exhibits
/// back, typography typesets the texts of the others, the layout breaks their lines to the
/// configured widths, and one writer per format writes the files.
public enum SignageExporter {
    /// Exports the signage of a loaded collection into `options.outputFolder`, removing the
    /// files an earlier export wrote that this one does not (the folder's manifest,
    /// `.captions-manifest`, lists what the exporter wrote; other files are never touched).
    ///
    /// Exhibits the gate holds back, or that `captions check` reports errors in (unless
    /// `options` allow them), are not written; they are in the report, as are warnings (words
    /// wider than their line, unsettled Latin-script Kazakh letters) and the removed files.
    ///
    /// - Throws: CaptionError/invalidConfig(_:_:) for a bad `signage:` section, the errors of
    ///   ``CaptionChecker/run(_:on:)`` for a bad `checks:` section or baseline file,
    ///   CaptionError/invalidArgument(_:) for an `--only` id that no exhibit has or
    ///   `--with kk-Latn` without `kk`, CaptionError/unwritable(path:reason:) when the
    ///   folder cannot be written (then no file of the export is in place).
    static func export(_ collection: CaptionCollection, options: SignageExportOptions) throws(CaptionError)
        -> SignageExportReport
    {
        try SignagePipeline(collection, options: options).export()
    }

    /// The proof sheet `captions export signage --format html` writes into `proof.html`, made in
    /// memory (nothing is written): the same bytes for the same collection and options, the
    /// exhibits the gate holds back on it with their reasons and none of their text, those held
    /// back for errors of `captions check` with their text and findings. With
    /// `gallery`, only that gallery's exhibits (the sheet `--only` with each of their ids writes,
    /// when those ids are unique).
    ///
    /// - Throws: as ``export(_:options:)``, and CaptionError/invalidArgument(_:) for a gallery
    ///   that has no exhibit.
    public static func proofSheet(
        _ collection: CaptionCollection, gallery: String? = nil, withLatinKazakh: Bool = false
    ) throws(CaptionError) -> SignageProofSheet {
        var pipeline = try SignagePipeline(
            collection, options: SignageExportOptions(formats: [.html], withLatinKazakh: withLatinKazakh))
        if let gallery {
            pipeline.exhibits = pipeline.exhibits.filter { $0.gallery == gallery }
            guard !pipeline.exhibits.isEmpty else {
                throw .invalidArgument("no exhibit is in the gallery '\(gallery)'")
            }
        }
        let sheet = try pipeline.proofSheet()
        return SignageProofSheet(
            fileName: SignageProofSheet.fileName(gallery: gallery), data: sheet.data, labelCount: sheet.labelCount,
            heldBack: sheet.heldBack)
    }

    /// Loads the collection at `path` and exports its signage (`captions export signage`);
    /// see ``export(_:options:)``. A folder inside a collection (a gallery) is exported as part
    /// of that collection, with its settings, panels, glossary and baseline and the same print
    /// gate: only the folder's exhibits, whose earlier labels alone it may remove
    /// (``CollectionLoader/load(scopedTo:)``); the report's first line says so.
    public static func export(collectionAt path: String, options: SignageExportOptions) throws(CaptionError)
        -> SignageExportReport
    {
        let collection = try CollectionLoader.load(scopedTo: path)
        defer { releaseInBackground(collection) }
        guard !collection.scopedExhibits.isEmpty else {
            throw CaptionChecker.noExhibitFiles(in: collection, to: "export")
        }
        var report = try export(collection, options: options)
        report.scopeNote = collection.scopeNote
        return report
    }
}

/// The proof sheet of a collection or gallery, made in memory
/// (``SignageExporter/proofSheet(_:gallery:withLatinKazakh:)``).
public struct SignageProofSheet: Sendable, Hashable {
    /// The file name to save it under: `proof.html`, or `proof-<gallery>.html` for one gallery
    /// (a nested gallery's `/` written `--`), distinct for distinct galleries (see
    /// ``fileName(gallery:)``).
    public var fileName: String
    /// The page's bytes (UTF-8 HTML).
    public var data: Data
    /// How many labels it shows.
    var labelCount: Int
    /// The exhibits held back, in collection order.
    var heldBack: [HeldBackExhibit]

    /// The file name of the sheet of `gallery` (the collection's when `nil`), the one place that
    /// names a gallery's sheet: `floor-2/hall` is `proof-floor-2--hall.html` (no slug has `--`,
    /// so `floor-2-hall` stays `proof-floor-2-hall.html`). A gallery not made of slugs, which the
    /// print gate holds back, is `proof-_<name>.html` with each byte outside a-z and 0-9 written
    /// `_` and two hex digits (`Hall` is `proof-__48all.html`): no slug has `_`.
    /// A name longer than ``longestFileNameBody`` (file systems take 255 bytes) keeps its first
    /// part and ends in `~` and 16 hex digits of the gallery's SHA-256, which no other name has.
    /// Distinct galleries never share a name, even on a file system that ignores case.
    static func fileName(gallery: String?) -> String {
        guard let gallery else { return SignageFormat.proofFileName }
        var body: String
        if ExhibitID.isValidGallery(gallery) {
            body = gallery.replacingOccurrences(of: "/", with: "--")
        } else {
            body = "_"
            for byte in gallery.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    body.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    body += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
                }
            }
        }
        if body.utf8.count > longestFileNameBody {
            body = body.prefix(longestFileNameBody - 17) + "~" + SHA256.hexDigest(gallery.utf8).prefix(16)
        }
        return "proof-\(body).html"
    }

    /// The most bytes between `proof-` and `.html` (all ASCII).
    static let longestFileNameBody = 180
}
