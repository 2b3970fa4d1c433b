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
        guard let files = try files(collectionAt: path, options: options) else { return [] }
        for file in files { try AtomicFile.write(file.data, to: file.path) }
        return files
    }

    /// Reads the configuration and `glossary.yml` of the collection at `path` and builds the files
    /// ``export(collectionAt:options:)`` writes, with the same names and bytes, without writing
    /// them (the editor's downloads).
    ///
    /// The glossary is read from disk at each call, as the command reads it.
    ///
    /// - Returns: The files, in the order the export writes them; `nil` when the collection has
    ///   no `glossary.yml`.
    /// - Throws: ``CaptionError`` when the collection, its configuration or its glossary cannot
    ///   be read, or a language of `options.targetLanguages` is not a target language.
    public static func files(collectionAt path: String, options: GlossaryExportOptions) throws(CaptionError)
        -> [GlossaryExportFile]?
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .collectionNotFound(path: path)
        }
        let config = try CollectionLoader.loadConfig(in: path)
        let glossary = try CollectionLoader.loadGlossary(in: path, languages: config.languages)
        guard glossary.path != nil else { return nil }
        return try files(glossary, config: config, options: options)
    }

    /// Whether the collection at `path` has a glossary: a `glossary.yml` beside its
    /// `captions.yml` (whether that file is well-formed is not looked at).
    public static func hasGlossary(collectionAt path: String) -> Bool {
        FileManager.default.fileExists(atPath: CollectionLoader.join(path, Glossary.fileName))
    }
}
