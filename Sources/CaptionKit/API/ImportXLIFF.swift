import Foundation

extension XLIFFImporter {
    /// Loads the collection at `collectionPath` and imports; the XLIFF files are read while the
    /// collection loads, and a collection that cannot be loaded is reported first, as if the
    /// files had not been looked at.
    public static func run(_ options: XLIFFImportOptions, collectionPath: String) throws(CaptionError)
        -> XLIFFImportReport
    {
        // The configuration alone is read first (the collection loads while the files are read):
        // a file refused for its target language can then say whether the collection has it.
        let targetLanguages = try? CollectionLoader.loadConfig(in: collectionPath).targetLanguages
        let reading = XLIFFReadAhead(
            files: options.files, maximumSize: options.maximumSize, targetLanguages: targetLanguages)
        let digests = LoadedFileDigests()
        let collection: CaptionCollection
        do throws(CaptionError) {
            collection = try CollectionLoader.load(path: collectionPath, reading: digests.readExhibit)
        } catch {
            reading.cancel()
            throw error
        }
        guard !collection.exhibits.isEmpty else {
            reading.cancel()
            throw CaptionChecker.noExhibitFiles(in: collection, to: "import into")
        }
        return try run(options, on: collection, reading: reading, digests: digests)
    }
}

extension XLIFFImporter {
    /// Imports into a collection already loaded.
    ///
    /// - Throws: ``CaptionError`` when an XLIFF file is unreadable, malformed or unsafe, has a
    ///   source or target language the collection does not have, or a caption file cannot be
    ///   edited or written. Nothing is written in the first cases.
    static func run(_ options: XLIFFImportOptions, on collection: CaptionCollection) throws(CaptionError)
        -> XLIFFImportReport
    {
        let reading = XLIFFReadAhead(
            files: options.files, maximumSize: options.maximumSize,
            targetLanguages: collection.config.targetLanguages)
        return try run(options, on: collection, reading: reading)
    }
}
extension XLIFFImporter {
    /// Imports one XLIFF file held in memory (an upload), as ``run(_:collectionPath:)`` imports
    /// a file: the same safety (no DTD, no entities, no network, `options.maximumSize`), the
    /// same matching, conflicts and report. `options.files` is ignored; `name` stands for the
    /// file in the report and in error messages.
    ///
    /// - Throws: ``CaptionError`` when the bytes are over the size limit, malformed or unsafe,
    ///   name a language the collection does not have, or a caption file cannot be edited or
    ///   written. Nothing is written in the first cases.
    public static func run(
        upload data: Data, named name: String, options: XLIFFImportOptions, on collection: CaptionCollection
    ) throws(CaptionError) -> XLIFFImportReport {
        guard data.count <= options.maximumSize else {
            throw .invalidInput(
                SourceLocation(path: name),
                "file is \(data.count) bytes, over the limit of \(options.maximumSize) bytes")
        }
        let document = try XLIFFReader.parse(data, path: name, targetLanguages: collection.config.targetLanguages)
        var plan = Plan(collection: collection)
        plan.trustedReviewer = try trustedReviewer(options)
        var summary = plan.summary(path: name)
        for file in document.files {
            for unit in file.units { try plan.add(unit, language: file.targetLanguage, summary: &summary) }
        }
        try checkLanguages(document, config: collection.config)
        summary.targetLanguage = document.files.map(\.targetLanguage).uniqued().joined(separator: ", ")
        var summaries = [summary]
        plan.finish(into: &summaries)
        summary = summaries[0]
        let heldBack = options.atomic && !plan.problems.isEmpty
        let written = heldBack ? [] : try plan.apply(writing: !options.dryRun, digests: nil)
        return XLIFFImportReport(
            collection: collection.rootPath, files: [summary], problems: plan.problems, warnings: plan.warnings,
            written: written, changes: heldBack ? [] : plan.textChanges, reviews: heldBack ? [] : plan.textReviews,
            dryRun: options.dryRun, heldBack: heldBack)
    }
}
