import Foundation

/// What `captions export tmx` is asked to do.
public struct TMXExportOptions: Sendable {
    /// The target languages; every target language of the collection when empty.
    var targetLanguages: [String]
    /// The folder the files go to.
    var outputFolder: String
    /// Write one multilingual file, `<source>-mul.tmx`, instead of one file per language pair.
    var multilingual: Bool

    /// Creates options; the defaults write one file per target language into `Exports/tmx`.
    public init(targetLanguages: [String] = [], outputFolder: String = "Exports/tmx", multilingual: Bool = false) {
        self.targetLanguages = targetLanguages
        self.outputFolder = outputFolder
        self.multilingual = multilingual
    }
}

/// One TMX file made by the export.
public struct TMXExportFile: Sendable {
    /// Where it goes: `<outputFolder>/<source>-<target>.tmx` (multilingual: `<source>-mul.tmx`).
    public var path: String
    /// The target language (multilingual: `mul`, the ISO 639 code for several languages).
    var targetLanguage: String
    /// The file's bytes.
    public var data: Data
    /// The translation units in it.
    public var unitCount: Int
}

/// What `captions export tmx` wrote, and the caption files it left out.
public struct TMXExport: Sendable {
    /// The files, in order.
    public var files: [TMXExportFile]
    /// A `tmx-export` error per reason a caption file is held back (``ExportableFiles``: an error
    /// in reading it, no valid id, an id another file has too); the command exits with 1.
    public var warnings: [Diagnostic]
    /// A `skipped-file` finding per file below the collection folder that the export did not read
    /// although it may hold captions (`kurt.YML`, a linked gallery), as `captions check` reports it.
    public var skippedFiles: [Diagnostic] = []
    /// The note that a folder of the collection was exported (``CaptionCollection/scopeNote``).
    public var scopeNote: String?
}

/// Writes the collection's translations as a translation memory (TMX 1.4b) for CAT tools.
public enum TMXExporter {
    /// The TMX files of `collection`, one per target language (or one multilingual file): a `tu`
    /// for every caption field whose translation is current (translated, or of unknown
    /// provenance; missing and stale translations, and copies of the source that
    /// ``CopiedTranslations`` counts as not translated, are left out), `tuid` =
    /// `<exhibit-id>.<field>`, the state as `<prop type="x-state">`.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a `--to` language that is not a target
    ///   language; ``CaptionError/invalidConfig(_:_:)`` for a malformed `untranslated` entry.
    static func files(_ collection: CaptionCollection, options: TMXExportOptions) throws(CaptionError)
        -> TMXExport
    {
        let config = collection.config
        let targets = try config.exportTargets(options.targetLanguages)
        // The files every export holds back: a unit needs its exhibit's id and a file read without errors.
        let (exhibits, warnings) = collection.exportableExhibits(finding: .tmxExport)
        // A copy of the source in a memory would offer the source as its own translation.
        let copies = try CopiedTranslations(config: config)
        var unwritable = UnwritableTexts()
        if options.multilingual {
            let path = CollectionLoader.join(options.outputFolder, "\(config.source)-mul.tmx")
            let (data, count) = try document(
                collection, exhibits, targets: targets, multilingual: true, path: path, copies: copies,
                unwritable: &unwritable)
            try unwritable.throwIfAny()
            return TMXExport(
                files: [TMXExportFile(path: path, targetLanguage: "mul", data: data, unitCount: count)],
                warnings: warnings, skippedFiles: SkippedFileCheck.namedOutsideCheck(in: collection))
        }
        var files: [TMXExportFile] = []
        for target in targets {
            let path = CollectionLoader.join(options.outputFolder, "\(config.source)-\(target).tmx")
            let (data, count) = try document(
                collection, exhibits, targets: [target], multilingual: false, path: path, copies: copies,
                unwritable: &unwritable)
            files.append(TMXExportFile(path: path, targetLanguage: target, data: data, unitCount: count))
        }
        try unwritable.throwIfAny()
        return TMXExport(
            files: files, warnings: warnings, skippedFiles: SkippedFileCheck.namedOutsideCheck(in: collection))
    }

    /// One TMX document with the translations into `targets`. In a file per language pair the
    /// state is a `prop` of the `tu`; in a `multilingual` file each target `tuv` has its own state
    /// `prop`, and a `tu` holds the targets whose translation is current (at least one). The
    /// texts it writes are checked into `unwritable`.
    private static func document(
        _ collection: CaptionCollection, _ exhibits: [Exhibit], targets: [String], multilingual: Bool, path: String,
        copies: CopiedTranslations, unwritable: inout UnwritableTexts
    ) throws(CaptionError) -> (Data, Int) {
        let config = collection.config
        let xml = XMLWriter()
        xml.start("tmx")
        xml.attribute("version", "1.4")
        xml.start("header")
        xml.attribute("creationtool", "captions")
        xml.attribute("creationtoolversion", CaptionsVersion.string)
        xml.attribute("segtype", "paragraph")
        xml.attribute("o-tmf", "captions")
        xml.attribute("adminlang", "en")
        xml.attribute("srclang", config.source)
        xml.attribute("datatype", "plaintext")
        xml.end()
        xml.start("body")
        var count = 0
        for exhibit in exhibits {
            guard let id = exhibit.id else { continue }
            let state = exhibit.translationStates(config: config)
            let copied = Set(copies.copies(in: exhibit))
            for field in exhibit.fields where config.hasField(field.name) {
                guard let source = field.translation(config.source), !source.isBlank else { continue }
                var current: [(language: String, text: String, state: String)] = []
                for target in targets {
                    guard let translation = field.translation(target), !translation.isBlank,
                        !copied.contains(CopiedTranslations.Copy(field: field.name, language: target))
                    else { continue }
                    switch state(field.name, target) {
                    case .translated: current.append((target, translation.text, "translated"))
                    case .unknownProvenance: current.append((target, translation.text, "unknown-provenance"))
                    case .missing, .stale: continue
                    }
                }
                guard !current.isEmpty else { continue }
                for language in [config.source] + current.map(\.language) {
                    unwritable.check(field.translation(language), "\(field.name) (\(language))")
                }
                xml.start("tu")
                xml.attribute("tuid", "\(id).\(field.name)")
                if !multilingual { xml.element("prop", ["type": "x-state"], text: current[0].state) }
                xml.element("prop", ["type": "x-file"], text: exhibit.relativePath)
                xml.start("tuv")
                xml.attribute("xml:lang", config.source)
                xml.element("seg", text: source.text)
                xml.end()
                for translation in current {
                    xml.start("tuv")
                    xml.attribute("xml:lang", translation.language)
                    if multilingual { xml.element("prop", ["type": "x-state"], text: translation.state) }
                    xml.element("seg", text: translation.text)
                    xml.end()
                }
                xml.end()
                count += 1
            }
        }
        xml.end()
        xml.end()
        return (try xml.finish(path: path), count)
    }
}
