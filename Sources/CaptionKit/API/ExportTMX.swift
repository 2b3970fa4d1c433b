import Foundation

extension TMXExporter {
    /// Loads the collection at `path` and writes its current translations as TMX 1.4b, one
    /// `<source>-<target>.tmx` per target language (`captions export tmx`).
    ///
    /// - Returns: The files written, and an error per reason a caption file is held back.
    /// - Throws: ``CaptionError`` when the collection cannot be loaded, a `--to` language is not
    ///   a target language, or a file cannot be written.
    public static func export(collectionAt path: String, options: TMXExportOptions) throws(CaptionError)
        -> TMXExport
    {
        let collection = try CollectionLoader.load(scopedTo: path)
        defer { releaseInBackground(collection) }
        guard !collection.scopedExhibits.isEmpty else {
            throw CaptionChecker.noExhibitFiles(in: collection, to: "export")
        }
        var export = try export(collection, options: options)
        export.scopeNote = collection.scopeNote
        for file in export.files { try AtomicFile.write(file.data, to: file.path) }
        return export
    }

    /// Builds the files ``export(collectionAt:options:)`` writes for `collection`, with the same
    /// names and bytes, without writing them (the editor's downloads).
    ///
    /// A file is made for each target language asked for, also one without a unit
    /// (``TMXExportFile/unitCount`` 0), as the command writes it.
    ///
    /// - Returns: The files, and a `tmx-export` error per reason a caption file is held back (an
    ///   error in reading it, no valid id, an id another file has too).
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a language of `options.targetLanguages`
    ///   that is not a target language of the collection.
    public static func export(_ collection: CaptionCollection, options: TMXExportOptions) throws(CaptionError)
        -> TMXExport
    {
        try files(collection, options: options)
    }
}
