import Foundation

/// What `captions export tmx` is asked to do.
public struct TMXExportOptions: Sendable {
    /// The target languages; every target language of the collection when empty.
    public var targetLanguages: [String]
    /// The folder the files go to.
    public var outputFolder: String

    /// Creates options; the defaults write one file per target language into `Exports/tmx`.
    public init(targetLanguages: [String] = [], outputFolder: String = "Exports/tmx") {
        self.targetLanguages = targetLanguages
        self.outputFolder = outputFolder
    }
}

/// One TMX file made by the export.
public struct TMXExportFile: Sendable {
    /// Where it goes: `<outputFolder>/<source>-<target>.tmx`.
    public var path: String
    /// The target language.
    public var targetLanguage: String
    /// The file's bytes.
    public var data: Data
    /// The translation units in it.
    public var unitCount: Int
}

/// Writes the collection's translations as a translation memory (TMX 1.4b) for CAT tools.
public enum TMXExporter {
    /// The TMX files of `collection`, one per target language: a `tu` for every caption field
    /// whose translation is current (translated, or of unknown provenance; missing and stale
    /// translations are left out), `tuid` = `<exhibit-id>.<field>`, the state as
    /// `<prop type="x-state">`.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a `--to` language that is not a target
    ///   language.
    static func files(_ collection: CaptionCollection, options: TMXExportOptions) throws(CaptionError)
        -> [TMXExportFile]
    {
        let config = collection.config
        for language in options.targetLanguages where !config.targetLanguages.contains(language) {
            let reason = language == config.source ? "is the source language" : "is not a language of this collection"
            throw .invalidArgument(
                "--to \(language) \(reason) (target languages: \(config.targetLanguages.joined(separator: ", ")))")
        }
        let targets =
            options.targetLanguages.isEmpty
            ? config.targetLanguages : config.targetLanguages.filter { options.targetLanguages.contains($0) }
        var files: [TMXExportFile] = []
        for target in targets {
            let path = CollectionLoader.join(options.outputFolder, "\(config.source)-\(target).tmx")
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
            for exhibit in collection.exhibits where exhibit.isReadable {
                guard let id = exhibit.id, ExhibitID.isValid(id) else { continue }
                let state = exhibit.translationStates(config: config)
                for field in exhibit.fields where config.hasField(field.name) {
                    guard let source = field.translation(config.source), !source.isBlank,
                        let translation = field.translation(target), !translation.isBlank
                    else { continue }
                    let stateName: String
                    switch state(field.name, target) {
                    case .translated: stateName = "translated"
                    case .unknownProvenance: stateName = "unknown-provenance"
                    case .missing, .stale: continue
                    }
                    xml.start("tu")
                    xml.attribute("tuid", "\(id).\(field.name)")
                    xml.element("prop", ["type": "x-state"], text: stateName)
                    xml.element("prop", ["type": "x-file"], text: exhibit.relativePath)
                    for (language, text) in [(config.source, source.text), (target, translation.text)] {
                        xml.start("tuv")
                        xml.attribute("xml:lang", language)
                        xml.element("seg", text: text)
                        xml.end()
                    }
                    xml.end()
                    count += 1
                }
            }
            xml.end()
            xml.end()
            files.append(
                TMXExportFile(path: path, targetLanguage: target, data: try xml.finish(path: path), unitCount: count))
        }
        return files
    }
}
