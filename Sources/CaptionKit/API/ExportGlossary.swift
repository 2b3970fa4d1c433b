import Foundation

extension GlossaryExporter {
    /// Reads the configuration and `glossary.yml` of the collection at `path` and writes its
    /// glossary in `options.format` into `options.outputFolder` (`captions export glossary`).
    ///
    /// - Returns: The files written (none when the collection has no glossary).
    /// - Throws: ``CaptionError`` when the collection, its configuration or its glossary cannot
    ///   be read, a `--to` language is not a target language, or a file cannot be written.
    public static func export(collectionAt path: String, options: GlossaryExportOptions) throws(CaptionError)
        -> [GlossaryExportFile]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .collectionNotFound(path: path)
        }
        let config = try CollectionLoader.loadConfig(in: path)
        let glossary = try CollectionLoader.loadGlossary(in: path, languages: config.languages)
        guard glossary.path != nil else { return [] }
        let files = try files(glossary, config: config, options: options)
        for file in files { try AtomicFile.write(file.data, to: file.path) }
        return files
    }
}
