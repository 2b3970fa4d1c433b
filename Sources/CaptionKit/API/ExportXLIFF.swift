extension XLIFFExporter {
    /// Loads the collection at `path`, builds its XLIFF files and writes them (`captions export
    /// xliff`); the result says what was written.
    ///
    /// - Throws: ``CaptionError`` when the collection cannot be loaded, a requested language is
    ///   not a target language, or a file cannot be written.
    public static func export(collectionAt path: String, options: XLIFFExportOptions) throws(CaptionError)
        -> XLIFFExportResult
    {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        let result = try export(collection, options: options)
        try write(result)
        return result
    }
}
