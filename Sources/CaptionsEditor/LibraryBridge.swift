import CaptionKit
import Foundation

// The editor's only door into CaptionKit. Every library call the editor makes is here, so that
// moving to the library's front door (Sources/CaptionKit/API/) changes this one file.
// Operations marked `TODO(front door)` are not (yet) in the front door's plan and are built here
// from the library's current public types.

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

/// The characters of one text against its field's budget, counted as `captions check` counts.
struct TextLength: Sendable, Equatable {
    var field: String
    var language: String
    var characters: Int
    var limit: Int?
}

/// The library operations the editor uses.
enum LibraryBridge {
    // MARK: Loading

    /// Loads a collection folder.
    static func load(path: String) throws(CaptionError) -> CaptionCollection {
        try CollectionLoader.load(path: path)
    }

    /// `Captions/` here or in the nearest parent.
    static func defaultPath() -> String? {
        CollectionLoader.defaultCollectionPath()
    }

    /// The exhibit files of a collection, relative to its folder, sorted.
    /// TODO(front door): needed to reload only the files that changed on disk.
    static func exhibitFiles(in root: String) throws(CaptionError) -> [String] {
        try CollectionLoader.exhibitFiles(in: root)
    }

    /// Reads one exhibit file (an unreadable file gives an exhibit with its finding).
    /// TODO(front door): needed to reload only the files that changed on disk.
    static func readExhibit(_ relativePath: String, root: String) -> Exhibit {
        CollectionLoader.readExhibit(relativePath, root: root)
    }

    /// `path/relative`, as the loader joins them.
    static func join(_ folder: String, _ relative: String) -> String {
        CollectionLoader.join(folder, relative)
    }

    /// The configuration file's name (`captions.yml`).
    static let configFileName = CollectionLoader.configFileName

    // MARK: Checking

    /// Every finding `captions check` reports for the collection (baseline and `ignore:` applied).
    static func findings(in collection: CaptionCollection) throws(CaptionError) -> [Diagnostic] {
        try CaptionChecker.diagnostics(CheckRequest(path: collection.rootPath), on: collection)
    }

    /// The findings located in one exhibit's file, from the checks that look at one exhibit.
    /// TODO(front door): `CaptionChecker.findings(forExhibit:in:)`; this runs the checks on a
    /// collection of that one exhibit, so findings across exhibits (duplicate ids) are not seen.
    static func findings(for exhibit: Exhibit, in collection: CaptionCollection) throws(CaptionError) -> [Diagnostic] {
        let alone = CaptionCollection(rootPath: collection.rootPath, config: collection.config, exhibits: [exhibit])
        return try CaptionChecker.diagnostics(CheckRequest(path: collection.rootPath), on: alone)
            .filter { $0.location.path == exhibit.path }
    }

    /// The findings and lengths of an unsaved draft of one exhibit; nothing is written.
    /// TODO(front door): `CaptionChecker.checkDraft(_:in:)`.
    static func checkDraft(_ texts: ExhibitTexts, of exhibit: Exhibit, in collection: CaptionCollection)
        throws(CaptionError) -> (findings: [Diagnostic], lengths: [TextLength])
    {
        let edits = changedEdits(texts, of: exhibit)
        var draft = exhibit
        if !edits.isEmpty {
            var editor = try CaptionFileEditor(editing: exhibit)
            for edit in edits {
                try editor.setTranslation(
                    field: edit.field, language: edit.language, to: edit.text,
                    languageOrder: collection.config.languages)
            }
            draft = editor.exhibit
        }
        return (try findings(for: draft, in: collection), lengths(of: draft, config: collection.config))
    }

    /// The length of every configured field's text in every language.
    static func lengths(of exhibit: Exhibit, config: CollectionConfig) -> [TextLength] {
        var result: [TextLength] = []
        for spec in config.fields {
            for language in config.languages {
                let text = exhibit.field(spec.name)?.translation(language)?.text ?? ""
                result.append(
                    TextLength(
                        field: spec.name, language: language, characters: characters(in: text),
                        limit: spec.maxChars))
            }
        }
        return result
    }

    /// Characters as `max-chars` counts them (grapheme clusters of the NFC text).
    static func characters(in text: String) -> Int {
        GraphemeLength.of(text)
    }

    /// Where one translation stands against its source.
    static func state(of exhibit: Exhibit, field: String, language: String, config: CollectionConfig)
        -> TranslationState
    {
        TranslationTracker.state(of: exhibit, field: field, language: language, config: config)
    }

    // MARK: Status and translators

    /// The `captions status` numbers.
    static func status(of collection: CaptionCollection, findings: [Diagnostic]) -> TranslationStatus {
        TranslationStatus(collection: collection, findings: findings)
    }

    /// The XLIFF file for one language: the same name and bytes `captions export xliff` writes.
    /// TODO(front door): `XLIFFExporter.document(language:in:options:)`.
    static func xliffDocument(
        language: String, in collection: CaptionCollection, version: XLIFFVersion, onlyNeeded: Bool
    ) throws(CaptionError) -> (fileName: String, bytes: Data)? {
        let options = XLIFFExportOptions(targetLanguages: [language], version: version, onlyNeeded: onlyNeeded)
        let result = try XLIFFExporter.export(collection, options: options)
        guard let file = result.files.first else { return nil }
        return ((file.path as NSString).lastPathComponent, file.data)
    }

    /// Imports (or with `dryRun`, reports what would be imported from) an uploaded XLIFF file.
    /// TODO(front door): `XLIFFImporter.run(bytes:fileName:collectionPath:dryRun:)`; this writes the
    /// upload to a private temporary file and imports that.
    static func importXLIFF(bytes: Data, fileName: String, collectionPath: String, dryRun: Bool, maximumSize: Int)
        throws(CaptionError) -> XLIFFImportReport
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "captions-editor-\(UUID().uuidString)")
        let safeName = fileName.filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        let file = folder.appendingPathComponent(safeName.isEmpty ? "upload.xlf" : safeName)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try bytes.write(to: file)
        } catch {
            throw .unwritable(path: file.path, reason: "cannot keep the upload: \(error.localizedDescription)")
        }
        let options = XLIFFImportOptions(files: [file.path], dryRun: dryRun, maximumSize: maximumSize)
        return try XLIFFImporter.run(options, collectionPath: collectionPath)
    }

    /// `captions accept`: records the current source fingerprint for the exhibit's translations.
    static func accept(id: String, field: String?, language: String?, in collection: CaptionCollection)
        throws(CaptionError) -> TranslationAcceptance.Result
    {
        try TranslationAcceptance.accept(id: id, field: field, language: language, in: collection)
    }

    /// `captions new`: writes an empty exhibit file and returns its path.
    static func newExhibit(id: String, gallery: String?, in root: String) throws(CaptionError) -> String {
        try CollectionScaffold.newExhibit(id: id, gallery: gallery, in: root)
    }

    // MARK: Saving

    /// The digest a page carries of the file it was rendered from.
    /// TODO(front door): `CaptionEditor.digest(ofFileAt:)`.
    static func digest(ofFileAt path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return digest(of: data)
    }

    /// A 64-bit FNV-1a digest of the bytes and their count, in hex (not cryptographic).
    static func digest(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(data.count, radix: 16) + "-" + String(hash, radix: 16)
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

    /// The edits that change `exhibit`'s texts to `texts` (unchanged values are left out).
    static func changedEdits(_ texts: ExhibitTexts, of exhibit: Exhibit) -> [TranslationEdit] {
        var edits: [TranslationEdit] = []
        for field in texts.keys.sorted() {
            for (language, text) in texts[field]!.sorted(by: { $0.key < $1.key }) {
                let current = exhibit.field(field)?.translation(language)?.text ?? ""
                if current != text { edits.append(TranslationEdit(field: field, language: language, text: text)) }
            }
        }
        return edits
    }

    /// Saves the changed texts of one exhibit: only the edited lines change, the source fingerprint
    /// of each edited translation is recorded (as import does), and the file is written atomically.
    /// Writes nothing and throws ``SaveConflict`` when the file no longer has `expectedDigest`.
    /// TODO(front door): `CaptionEditor.save(_:exhibit:in:expectedDigest:)`.
    static func save(
        _ texts: ExhibitTexts, exhibit: Exhibit, in collection: CaptionCollection, expectedDigest: String
    ) throws -> (path: String, changed: Int) {
        guard let data = FileManager.default.contents(atPath: exhibit.path) else {
            throw CaptionError.unreadable(path: exhibit.path, reason: "cannot read the caption file")
        }
        let onDisk = digest(of: data)
        let config = collection.config
        let current = readExhibit(exhibit.relativePath, root: collection.rootPath)
        guard onDisk == expectedDigest else {
            throw SaveConflict(path: exhibit.path, currentTexts: Self.texts(of: current), currentDigest: onDisk)
        }
        let edits = changedEdits(texts, of: current)
        guard !edits.isEmpty else { return (exhibit.path, 0) }
        var editor = try CaptionFileEditor(editing: current)
        guard digest(of: editor.data) == expectedDigest else {
            throw SaveConflict(
                path: exhibit.path, currentTexts: Self.texts(of: current), currentDigest: digest(of: editor.data))
        }
        var after = Self.texts(of: current)
        for edit in edits { after[edit.field, default: [:]][edit.language] = edit.text }
        var fingerprints: [String: [String: String]] = [:]
        for edit in edits where edit.language != config.source {
            guard let source = after[edit.field]?[config.source],
                !source.allSatisfy(\.isWhitespace), !edit.text.allSatisfy(\.isWhitespace)
            else { continue }
            fingerprints[edit.field, default: [:]][edit.language] = SourceFingerprint.of(source)
        }
        try editor.apply(
            edits, recording: fingerprints, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
        try AtomicFile.write(editor.data, to: exhibit.path)
        return (exhibit.path, edits.count)
    }
}
