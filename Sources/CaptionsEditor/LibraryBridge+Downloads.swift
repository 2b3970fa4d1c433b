import CaptionKit
import Foundation

/// A file the translators page offers: its name and bytes, as the export command writes it.
typealias DownloadFile = (fileName: String, bytes: Data)

extension LibraryBridge {
    // MARK: Glossary and translation memory downloads

    /// Whether the collection at `root` has a glossary (`glossary.yml`), looked at now.
    static func hasGlossary(collectionAt root: String) -> Bool {
        GlossaryExporter.hasGlossary(collectionAt: root)
    }

    /// The glossary file `captions export glossary --format FORMAT` writes (for OmegaT, with
    /// `--to LANGUAGE`): its name and bytes, the glossary read from disk now as the command
    /// reads it; `nil` when the collection has no glossary.
    static func glossaryFile(format: GlossaryFormat, language: String?, collectionAt root: String)
        throws(CaptionError) -> DownloadFile?
    {
        let options = GlossaryExportOptions(format: format, targetLanguages: language.map { [$0] } ?? [])
        guard let file = try GlossaryExporter.files(collectionAt: root, options: options)?.first else { return nil }
        return ((file.path as NSString).lastPathComponent, file.data)
    }

    /// The TMX file `captions export tmx --to LANGUAGE` writes, its number of units, the
    /// export's warnings (caption files left out) and the files it did not read (`kurt.YML`).
    static func tmxFile(language: String, in collection: CaptionCollection) throws(CaptionError)
        -> (file: DownloadFile, units: Int, warnings: [Diagnostic], skipped: [SkippedFile])
    {
        let export = try TMXExporter.export(collection, options: TMXExportOptions(targetLanguages: [language]))
        guard let file = export.files.first else {
            throw .invalidArgument("--to \(language): the translation memory export made no file")
        }
        return (
            ((file.path as NSString).lastPathComponent, file.data), file.unitCount, export.warnings,
            skippedFiles(named: export.skippedFiles, in: collection)
        )
    }

    /// The proof sheet `captions export signage --format html` writes, of the whole collection
    /// or of one `gallery`: its file name and bytes.
    static func proofSheetFile(gallery: String?, in collection: CaptionCollection) throws(CaptionError)
        -> DownloadFile
    {
        let sheet = try SignageExporter.proofSheet(collection, gallery: gallery)
        return (sheet.fileName, sheet.data)
    }

    /// The gallery folders that hold exhibits, sorted (the collection root's exhibits, in no
    /// gallery, are only on the whole collection's sheet).
    static func galleries(of collection: CaptionCollection) -> [String] {
        Set(collection.exhibits.map(\.gallery)).filter { !$0.isEmpty }.sorted()
    }
}
