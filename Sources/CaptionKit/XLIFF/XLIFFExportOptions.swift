import Foundation

/// What `captions export xliff` is asked to do.
public struct XLIFFExportOptions: Sendable {
    /// The languages to export for; every target language of the collection when empty.
    var targetLanguages: [String]
    /// The XLIFF version to write.
    var version: XLIFFVersion
    /// Export only missing and stale units (what still needs a translator); a translation that
    /// is a copy of its source (``CopiedTranslations``) is a missing unit.
    public var onlyNeeded: Bool
    /// Copy the source into empty targets (OmegaT translates the text inside `<target>`).
    public var prefillTarget: Bool
    /// The folder the files go to.
    var outputFolder: String
    /// Offer each missing unit the translation of the collection's most similar source text
    /// (``FuzzyMatcher``): `alt-trans` in 1.2, the Translation Candidates module in 2.0.
    public var suggest: Bool

    /// Creates options; the defaults export every unit of every target language as XLIFF 1.2
    /// into `Exports/xliff`, without suggestions.
    public init(
        targetLanguages: [String] = [], version: XLIFFVersion = .v1_2, onlyNeeded: Bool = false,
        prefillTarget: Bool = false, outputFolder: String = "Exports/xliff", suggest: Bool = false
    ) {
        self.targetLanguages = targetLanguages
        self.version = version
        self.onlyNeeded = onlyNeeded
        self.prefillTarget = prefillTarget
        self.outputFolder = outputFolder
        self.suggest = suggest
    }
}

/// One XLIFF file made by the exporter.
public struct XLIFFExportFile: Sendable {
    /// Where it goes: `<outputFolder>/<source>-<target>.xlf`.
    public var path: String
    /// The source language.
    var sourceLanguage: String
    /// The target language.
    var targetLanguage: String
    /// The file's bytes.
    public var data: Data
    /// Units in the file.
    public var unitCount: Int
    /// Of those, units with no translation yet.
    public var missingCount: Int
    /// Of those, units whose translation is stale.
    public var staleCount: Int
    /// Of the missing units, those given a suggestion (with ``XLIFFExportOptions/suggest``).
    public var suggestedCount = 0
}

/// The outcome of an export.
public struct XLIFFExportResult: Sendable {
    /// The files, one per target language that has units to export, in configured order.
    public var files: [XLIFFExportFile]
    /// Target languages with nothing to export (no file is written for them).
    public var emptyLanguages: [String]
    /// An `xliff-export` error per reason a caption file is held back (``ExportableFiles``: an
    /// error in reading it, no valid id, an id another file has too); the command exits with 1.
    public var warnings: [Diagnostic]
    /// A `skipped-file` finding per file below the collection folder that the export did not read
    /// although it may hold captions (`kurt.YML`, a linked gallery), as `captions check` reports it.
    public var skippedFiles: [Diagnostic] = []
    /// The note that a folder of the collection was exported (``CaptionCollection/scopeNote``).
    public var scopeNote: String?
}
