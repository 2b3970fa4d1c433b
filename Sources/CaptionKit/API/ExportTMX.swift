import Foundation

extension TMXExporter {
    /// Loads the collection at `path` and writes its current translations as TMX 1.4b, one
    /// `<source>-<target>.tmx` per target language (`captions export tmx`).
    ///
    /// - Returns: The files written, and a warning per caption file left out.
    /// - Throws: ``CaptionError`` when the collection cannot be loaded, a `--to` language is not
    ///   a target language, or a file cannot be written.
    public static func export(collectionAt path: String, options: TMXExportOptions) throws(CaptionError)
        -> TMXExport
    {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        let export = try files(collection, options: options)
        for file in export.files { try AtomicFile.write(file.data, to: file.path) }
        return export
    }
}
