extension TranslationAcceptance {
    /// Loads the collection at `path` and accepts the translations of exhibit `id` (`captions
    /// accept`); see ``accept(id:field:language:in:dryRun:)``.
    public static func accept(
        id: String, field: String?, language: String?, collectionAt path: String
    ) throws(CaptionError) -> Result {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        return try accept(id: id, field: field, language: language, in: collection)
    }
}
