import CaptionKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension EditorApp {
    /// The translators page's downloads besides the XLIFF: `GET /translators/glossary?format=
    /// tbx|omegat|csv&lang=LANG` (the language only for OmegaT) and `GET /translators/tmx?lang=LANG`
    /// (HEAD answered as GET). LANG in any case is the collection's language (`kk-latn` is
    /// `kk-Latn`), as on the command line.
    func addDownloadRoutes(to router: Router<EditorContext>) {
        let glossary: @Sendable (Request, EditorContext) async throws -> Response = { request, context in
            try await offloaded { try self.downloadGlossary(request, context) }
        }
        let memory: @Sendable (Request, EditorContext) async throws -> Response = { request, context in
            try await offloaded { try self.downloadTMX(request, context) }
        }
        router.get("/translators/glossary", use: glossary)
        router.head("/translators/glossary", use: glossary)
        router.get("/translators/tmx", use: memory)
        router.head("/translators/tmx", use: memory)
        let proof: @Sendable (Request, EditorContext) async throws -> Response = { request, context in
            try await offloaded { try self.downloadProofSheet(request, context) }
        }
        router.get("/translators/proof", use: proof)
        router.head("/translators/proof", use: proof)
    }

    /// The signage proof sheet as `captions export signage --format html` writes it (`proof.html`),
    /// of the collection or, with `gallery=NAME`, of one gallery (`proof-NAME.html`): for a gallery
    /// the collection does not have (any more), a page saying so (400) with a link back to the
    /// translators page, whose menu lists the galleries on disk now as this does. Exhibits not ready for print are on it as the
    /// command marks them ("Held back", with the reasons). Made from the files as they are on
    /// disk now (``EditorStore/scanned()``), as the command reads them.
    func downloadProofSheet(_ request: Request, _ context: EditorContext) throws -> Response {
        let query = queryParameters(request.uri.query)
        let snapshot = store.scanned()
        // The menu's first choice, the whole collection, sends an empty gallery.
        let gallery = query["gallery"].flatMap { $0.isEmpty ? nil : $0 }
        if let gallery, !LibraryBridge.galleries(of: snapshot.collection).contains(gallery) {
            throw PageError(
                status: .badRequest, titleKey: "error.title",
                message: words(context)("translators.nogallery", ["name": gallery]),
                backLink: (path: "/translators", labelKey: "translators.back"))
        }
        let sheet: DownloadFile
        do {
            sheet = try LibraryBridge.proofSheetFile(gallery: gallery, in: snapshot.collection)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        return attachment(sheet, contentType: "text/html; charset=utf-8")
    }

    /// The translators page (422) with `message` as an alert above its forms: an upload it
    /// refused; the name box holds `typedName`, as ``translatorsPage(_:_:message:status:typedName:)``.
    func translatorsRefusal(
        _ request: Request, _ context: EditorContext, _ message: HTML, typedName: String? = nil
    ) -> Response {
        translatorsPage(
            request, context, message: "<p class=\"message error\" role=\"alert\">\(message)</p>",
            status: .unprocessableContent, typedName: typedName)
    }

    /// The translators page, with `message` under its introduction; its reviewer's name box
    /// holds `typedName` (a refused upload's, to correct) or else the session's name.
    func translatorsPage(
        _ request: Request, _ context: EditorContext, message: HTML = .empty, status: HTTPResponse.Status = .ok,
        typedName: String? = nil
    ) -> Response {
        let hasGlossary = LibraryBridge.hasGlossary(collectionAt: settings.root)
        // The galleries on disk now, as the proof sheet download checks them: a gallery created
        // or removed since the last scan is neither missing from the menu nor refused.
        let snapshot = store.scanned()
        return html(
            Pages.translators(
                page(request, context), config: snapshot.config, hasGlossary: hasGlossary,
                galleries: LibraryBridge.galleries(of: snapshot.collection),
                signer: typedName ?? signers.name(session: context.session.id), message: message),
            status: status)
    }

    /// The glossary as `captions export glossary --format FORMAT` writes it (`--to LANG` for
    /// OmegaT): 400 for an unknown format or language, the page saying there is no glossary (404)
    /// when there is none.
    func downloadGlossary(_ request: Request, _ context: EditorContext) throws -> Response {
        let query = queryParameters(request.uri.query)
        let config = store.snapshot.config
        let language = query["lang"].map(config.spelledAsConfigured)
        guard let format = GlossaryFormat(rawValue: query["format"] ?? GlossaryFormat.tbx.rawValue),
            language.map(config.targetLanguages.contains) ?? (format != .omegat)
        else { throw badRequest(context) }
        let file: DownloadFile?
        do {
            // TBX and CSV hold every language: the language chosen is OmegaT's only.
            file = try LibraryBridge.glossaryFile(
                format: format, language: format == .omegat ? language : nil, collectionAt: settings.root)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        guard let file else { return translatorsPage(request, context, status: .notFound) }
        let type = format == .tbx ? "application/xml" : format == .csv ? "text/csv" : "text/tab-separated-values"
        return attachment(file, contentType: type + "; charset=utf-8")
    }

    /// The translation memory as `captions export tmx --to LANG` writes it: 400 for an unknown
    /// language; the page saying so when no text is translated yet; the caption files the export
    /// left out and the files it did not read (`kurt.YML`) listed on the page first (with a link
    /// on, `anyway=1`, to download it all the same).
    /// Made from the files as they are on disk now (``EditorStore/scanned()``).
    func downloadTMX(_ request: Request, _ context: EditorContext) throws -> Response {
        let query = queryParameters(request.uri.query)
        let snapshot = store.scanned()
        guard let language = query["lang"].map(snapshot.config.spelledAsConfigured),
            snapshot.config.targetLanguages.contains(language)
        else {
            throw badRequest(context)
        }
        let memory: (file: DownloadFile, units: Int, warnings: [Diagnostic], skipped: [SkippedFile])
        do {
            memory = try LibraryBridge.tmxFile(language: language, in: snapshot.collection)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        let empty = memory.units == 0
        guard !empty, memory.warnings.isEmpty && memory.skipped.isEmpty || query["anyway"] == "1" else {
            let words = words(context)
            return downloadHeldBack(
                request, context,
                nothing: empty ? words("translators.nomemory", ["lang": words.languageLabel(language)]) : nil,
                leftOut: memory.warnings, skipped: memory.skipped, sentence: words("translators.memoryleftout"),
                anyway: empty
                    ? nil
                    : ("/translators/tmx?lang=\(urlEncode(language))&anyway=1", words("translators.downloadanyway")),
                root: snapshot.collection.rootPath)
        }
        return attachment(memory.file, contentType: "application/xml; charset=utf-8")
    }

    /// The XLIFF file `captions export xliff --to LANG` writes (`version` 1.2, the default, or
    /// 2.0; `needed=1`, `prefill=1` and `suggest=1` for `--needed`, `--prefill-target` and
    /// `--suggest`): 400 for another language or version; the page saying so
    /// when there is nothing to export; the caption files the export left out and the files it
    /// did not read (`kurt.YML`) listed on the page first, with a link on (`anyway=1`) to
    /// download it all the same. Made from the files as
    /// they are on disk now (``EditorStore/scanned()``), as the import compares with them.
    func downloadXLIFF(_ request: Request, _ context: EditorContext) throws -> Response {
        let query = queryParameters(request.uri.query)
        let snapshot = store.scanned()
        let language = snapshot.config.spelledAsConfigured(query["lang"] ?? "")
        let versions: [String: XLIFFVersion] = ["1.2": .v1_2, "2.0": .v2_0]
        guard snapshot.config.targetLanguages.contains(language), let version = versions[query["version"] ?? "1.2"]
        else { throw badRequest(context) }
        let export: (file: DownloadFile?, warnings: [Diagnostic], skipped: [SkippedFile])
        do {
            var options = XLIFFExportOptions(targetLanguages: [language], version: version)
            options.onlyNeeded = query["needed"] == "1"
            options.prefillTarget = query["prefill"] == "1"
            options.suggest = query["suggest"] == "1"
            export = try LibraryBridge.xliffDocument(options, in: snapshot.collection)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        guard let file = export.file, export.warnings.isEmpty && export.skipped.isEmpty || query["anyway"] == "1"
        else {
            let words = words(context)
            return downloadHeldBack(
                request, context,
                nothing: export.file == nil
                    ? words("translators.nothing", ["lang": words.languageLabel(language)]) : nil,
                leftOut: export.warnings, skipped: export.skipped, sentence: words("translators.xliffleftout"),
                anyway: export.file == nil
                    ? nil
                    : (
                        "/translators/xliff?" + (request.uri.query ?? "") + "&anyway=1",
                        words("translators.xliffanyway")
                    ),
                root: snapshot.collection.rootPath)
        }
        return attachment(file, contentType: "application/xliff+xml; charset=utf-8")
    }

    /// The translators page in place of a download: `nothing` (there is no file), then the
    /// caption files the export left out (`leftOut`, after `sentence`) and the files it did not
    /// read (`skipped`), with the link `anyway` (its address and words) to download the file all the same.
    private func downloadHeldBack(
        _ request: Request, _ context: EditorContext, nothing: String?, leftOut: [Diagnostic],
        skipped: [SkippedFile], sentence: String, anyway: (url: String, text: String)?, root: String
    ) -> Response {
        let words = words(context)
        var message: HTML = nothing.map { "<p class=\"message\">\($0)</p>" } ?? ""
        if !leftOut.isEmpty || !skipped.isEmpty {
            let list = Pages.leftOutFiles(
                leftOut, skipped: skipped, sentence: sentence, root: root, words: words, downloadLink: anyway)
            message = "\(message)\(list)"
        }
        return translatorsPage(request, context, message: message)
    }

    /// A file to save, named as the export names it.
    func attachment(_ file: DownloadFile, contentType: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(file.fileName)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    private func badRequest(_ context: EditorContext) -> PageError {
        PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
    }
}
