import CaptionKit
import Foundation

// The editor's only door into CaptionKit. Every library call the editor makes is here, so that
// moving to the library's front door (Sources/CaptionKit/API/) changes this one file.

/// The texts of one exhibit: field name → language → text.
typealias ExhibitTexts = [String: [String: String]]

/// A save refused because the caption file changed after the page was rendered.
struct SaveConflict: Error {
    /// The caption file.
    var path: String
    /// The file's texts now (field → language → text).
    var currentTexts: ExhibitTexts
    /// The digest of the file now.
    var currentDigest: String
}

/// The characters of one text against its field's budget, counted as `captions check` counts,
/// and its lines on the field's panel when the panel's font is installed.
typealias TextLength = ExhibitCheck.TextLength

/// The library operations the editor uses.
enum LibraryBridge {
    // MARK: Loading

    /// Loads a collection folder.
    static func load(path: String) throws(CaptionError) -> CaptionCollection {
        try CaptionCollection.load(path: path)
    }

    /// Loads the collection the editor runs on again, after a change on disk: a collection that
    /// appeared inside it meanwhile is read as exhibit files with findings, not refused (a
    /// refused reload would stop the editor from following every later change).
    static func reload(path: String) throws(CaptionError) -> CaptionCollection {
        try CaptionCollection.load(path: path, refusingNestedCollections: false)
    }

    /// The collection the editor was started in, or `Captions/` here or in the nearest parent.
    static func defaultPath() -> String? {
        CaptionCollection.defaultPath()
    }

    /// The collection the folder `path` is a gallery of, if it is one (``CaptionCollection/enclosingCollection(of:)``).
    static func enclosingCollection(of path: String) -> String? {
        CaptionCollection.enclosingCollection(of: path)
    }

    /// The exhibit files in the collection's folder now, relative to it, and the files not read
    /// (``skippedFiles(of:)``) now, each sorted.
    static func filesOnDisk(of collection: CaptionCollection) throws(CaptionError)
        -> (exhibitFiles: [String], skippedFiles: [SkippedFile])
    {
        try collection.filesOnDisk()
    }

    /// The files and links below the folder not read when the collection was loaded although
    /// they may hold captions (`kurt.YML`, a linked gallery), as `skipped-file` reports them.
    static func skippedFiles(of collection: CaptionCollection) -> [SkippedFile] {
        collection.skippedFiles
    }

    /// The files of `collection` not read that an export names in `findings` (its `skipped-file`
    /// findings), with their reasons.
    static func skippedFiles(named findings: [Diagnostic], in collection: CaptionCollection) -> [SkippedFile] {
        let paths = Set(findings.map(\.location.path))
        return collection.skippedFiles.filter { paths.contains($0.path) }
    }

    /// Reads one exhibit file of the collection again (an unreadable file gives an exhibit with its finding).
    static func readExhibit(_ relativePath: String, of collection: CaptionCollection) -> Exhibit {
        collection.readExhibit(relativePath)
    }

    /// The configuration file's name (`captions.yml`).
    static let configFileName = CaptionCollection.configFileName

    // MARK: Checking

    /// Every finding `captions check` reports for the collection (baseline and `ignore:` applied).
    static func findings(in collection: CaptionCollection) throws(CaptionError) -> [Diagnostic] {
        try CaptionChecker.run(CheckRequest(path: collection.rootPath), on: collection).diagnostics
    }

    /// The findings `captions check` reports in one exhibit's file, and the lengths of its texts.
    static func check(_ exhibit: Exhibit, in collection: IndexedCollection) throws(CaptionError)
        -> (findings: [Diagnostic], lengths: [TextLength])
    {
        guard let id = exhibit.id else { return (exhibit.loadFindings, []) }
        return converted(try collection.check(exhibit: id))
    }

    /// The findings and lengths of an unsaved draft of one exhibit; nothing is written.
    static func checkDraft(_ texts: ExhibitTexts, of exhibit: Exhibit, in collection: IndexedCollection)
        throws(CaptionError) -> (findings: [Diagnostic], lengths: [TextLength])
    {
        guard let id = exhibit.id else { return (exhibit.loadFindings, []) }
        // Only what the curator changed: an empty box of a field the file does not have stays absent.
        var changed: ExhibitTexts = [:]
        for (field, byLanguage) in texts {
            for (language, text) in byLanguage where text != (exhibit.field(field)?.translation(language)?.text ?? "") {
                changed[field, default: [:]][language] = text
            }
        }
        return converted(try collection.check(draft: ExhibitDraft(id: id, texts: changed)))
    }

    private static func converted(_ check: ExhibitCheck) -> (findings: [Diagnostic], lengths: [TextLength]) {
        (check.findings, check.lengths)
    }

    /// The states of every field and language of one exhibit (its record read once).
    static func states(of exhibit: Exhibit, config: CollectionConfig) -> (String, String) -> TranslationState {
        exhibit.translationStates(config: config)
    }

    /// The exhibit's label as `captions export signage` typesets it, with the changed texts of
    /// `drafts` in place of the saved ones.
    static func labelPreview(_ exhibit: Exhibit, drafts: ExhibitTexts, in collection: IndexedCollection)
        throws(CaptionError) -> LabelPreview
    {
        var changed: ExhibitTexts = [:]
        for (field, byLanguage) in drafts {
            for (language, text) in byLanguage where text != (exhibit.field(field)?.translation(language)?.text ?? "") {
                changed[field, default: [:]][language] = text
            }
        }
        return try collection.preview(exhibit: exhibit.displayID, drafts: changed)
    }

    /// The panels the preview's fields are drawn on, with their font files.
    static func panelTypefaces(of collection: CaptionCollection) -> [PanelTypeface] {
        SignageExporter.panelTypefaces(in: collection)
    }

    // MARK: Status and translators

    /// The `captions status` numbers, from the findings of the background check when it has ended.
    static func status(of collection: CaptionCollection, findings: [Diagnostic]?) throws(CaptionError)
        -> TranslationStatus
    {
        guard let findings else { return try TranslationStatus.of(collection) }
        return TranslationStatus.of(collection, findings: findings)
    }

    /// The XLIFF file for the one language of `options`, the same name and bytes `captions export xliff` writes
    /// (`nil` when there is nothing to export), a warning per caption file the export left out,
    /// and the files it did not read (`kurt.YML`).
    static func xliffDocument(_ options: XLIFFExportOptions, in collection: CaptionCollection) throws(CaptionError)
        -> (file: DownloadFile?, warnings: [Diagnostic], skipped: [SkippedFile])
    {
        let result = try XLIFFExporter.export(collection, options: options)
        return (
            result.files.first.map { (($0.path as NSString).lastPathComponent, $0.data) }, result.warnings,
            skippedFiles(named: result.skippedFiles, in: collection)
        )
    }

    /// Imports (or with `dryRun`, reports what would be imported from) an uploaded XLIFF file;
    /// with `reviewer`, as `--trust-states --by REVIEWER` today.
    static func importXLIFF(
        bytes: Data, fileName: String, into collection: CaptionCollection, dryRun: Bool, maximumSize: Int,
        reviewer: String? = nil
    ) throws(CaptionError) -> XLIFFImportReport {
        var options = XLIFFImportOptions(files: [], dryRun: dryRun, maximumSize: maximumSize)
        if let reviewer {
            options.trustStatesBy = reviewer
            options.reviewDate = try SignOff.today()
        }
        return try XLIFFImporter.run(upload: bytes, named: fileName, options: options, on: collection)
    }

    /// `captions accept`: records the current source fingerprint for the exhibit's translations.
    static func accept(id: String, field: String?, language: String?, in collection: IndexedCollection)
        throws(CaptionError) -> TranslationAcceptance.Result
    {
        try collection.accept(id: id, field: field, language: language)
    }

    /// `captions new`: writes an exhibit file with its required fields empty and returns its path
    /// (the page has boxes for the other fields; saving a text there adds the field).
    static func newExhibit(id: String, gallery: String?, in root: String) throws(CaptionError) -> String {
        try CollectionScaffold.newExhibit(id: id, gallery: gallery, in: root, requiredFieldsOnly: true)
    }

    // MARK: Saving

    /// The digest a page carries of the file it was rendered from.
    static func digest(ofFileAt path: String) -> String {
        (try? CaptionEditor.digest(ofFileAt: path).hex) ?? "unreadable"
    }

    /// The texts of an exhibit as loaded.
    static func texts(of exhibit: Exhibit) -> ExhibitTexts {
        var texts: ExhibitTexts = [:]
        for field in exhibit.fields {
            for translation in field.translations {
                texts[field.name, default: [:]][translation.language] = translation.text
            }
        }
        return texts
    }

    /// Saves the texts of one exhibit (only changed ones are written) when its file still has
    /// `expectedDigest`, and returns the texts it changed, in the order of `captions.yml`'s fields
    /// and languages; otherwise writes nothing and throws ``SaveConflict`` with the file's texts now.
    /// A translation with a text in `translatedFrom` (field → language → source text) is recorded
    /// as made from that source (``TranslationEdit/translatedFrom``).
    static func save(
        _ texts: ExhibitTexts, exhibit: Exhibit, in indexed: IndexedCollection, expectedDigest: String,
        translatedFrom: ExhibitTexts = [:]
    ) throws -> (path: String, changed: [TextKey]) {
        let collection = indexed.collection
        var edits: [TranslationEdit] = []
        for spec in collection.config.fields {
            for language in collection.config.languages {
                if let text = texts[spec.name]?[language] {
                    let from = language == collection.config.source ? nil : translatedFrom[spec.name]?[language]
                    edits.append(
                        TranslationEdit(field: spec.name, language: language, text: text, translatedFrom: from))
                }
            }
        }
        do {
            guard let id = exhibit.id, let digest = FileDigest(hex: expectedDigest) else {
                throw CaptionError.conflict(path: exhibit.path)
            }
            let saved = try indexed.save(edits, exhibit: id, expectedDigest: digest)
            return (saved.path, saved.changed.map { TextKey(field: $0.field, language: $0.language) })
        } catch let error as CaptionError {
            guard case .conflict(let path) = error else { throw error }
            let current = readExhibit(exhibit.relativePath, of: collection)
            throw SaveConflict(path: path, currentTexts: Self.texts(of: current), currentDigest: digest(ofFileAt: path))
        }
    }

    // MARK: Sessions

    /// The HMAC-SHA-256 of `message` under `key`, in hexadecimal: a form token's signature.
    static func signature(of message: String, key: [UInt8]) -> String {
        MessageSignature.hmacSHA256(key: key, message: message)
    }
}
