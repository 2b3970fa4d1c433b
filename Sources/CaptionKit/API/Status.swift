extension TranslationStatus {
    /// The `captions status` report of the collection at `path`: its completeness per language
    /// and the findings of `captions check` counted per language, severity and check.
    ///
    /// - Throws: ``CaptionError`` when the collection cannot be loaded or checked.
    public static func of(collectionAt path: String) throws(CaptionError) -> TranslationStatus {
        let collection = try CollectionLoader.load(scopedTo: path).limitedToScope
        defer { releaseInBackground(collection) }
        guard !collection.exhibits.isEmpty else { throw CaptionChecker.noExhibitFiles(in: collection, to: "count") }
        return try of(collection)
    }

    /// The `captions status` report of a loaded collection.
    public static func of(_ collection: CaptionCollection) throws(CaptionError) -> TranslationStatus {
        let findings =
            collection.exhibits.isEmpty
            ? [] : try CaptionChecker.diagnostics(CheckRequest(path: collection.rootPath), on: collection)
        return of(collection, findings: findings)
    }

    /// The `captions status` report of a loaded collection whose check findings (`captions
    /// check`'s, exceptions applied) are already known.
    public static func of(_ collection: CaptionCollection, findings: [Diagnostic]) -> TranslationStatus {
        TranslationStatus(collection: collection, findings: findings)
    }
}

extension TranslationStatus {
    /// The report as the JSON document `captions status --format json` prints, with the
    /// `version` of `captions check --format json`; `percent` always has one decimal (`100.0`),
    /// as there.
    ///
    /// - Throws: ``CaptionError`` when it cannot be encoded.
    public func json() throws(CaptionError) -> String {
        JSONReporter.percentsWithOneDecimal(try JSONReporter.encode(self))
    }
}
