import CaptionKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The request context: the session and interface language the middleware found.
struct EditorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var session = Session(id: "", signedIn: false, lastSeen: Date())
    var language = "en"
    var newSession = false
    /// The client's address (the failed sign-ins of an address delay its next ones).
    var remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies larger than the largest upload are refused before they are read.
    var maxUploadSize: Int { EditorSettings.maximumUpload }
}

/// How an editor runs.
struct EditorSettings: Sendable {
    /// The largest form body (texts of one exhibit, filters...).
    static let maximumForm = 1 << 20
    /// The largest upload (an XLIFF file).
    static let maximumUpload = 16 << 20

    /// The collection folder.
    var root: String
    /// The `Host` header values the editor answers (host or host:port).
    var allowedHosts: Set<String>
    /// The origins (`https://host`) of reverse proxies serving the editor, allowed as the
    /// `Origin` (or `Referer`) of a POST besides the editor's own address.
    var allowedOrigins: Set<String> = []
    /// The bcrypt hash of the password, when one is required.
    var passwordHash: String?
    /// The addresses of reverse proxies whose `X-Forwarded-For` names the client: a sign-in
    /// through one is counted by the address the proxy names (``EditorApp/clientAddress(peer:forwardedFor:trustedProxies:)``).
    var trustedProxies: Set<String> = []
    /// The seconds an address waits after its first wrong password (doubling with each one).
    var firstLoginDelay: Double = 1
    /// How often the files are scanned for changes.
    var scanInterval: Duration = .seconds(3)
    /// How long a connection may send nothing before it is closed: idle between requests, or
    /// stuck in a request head that never ends (a "slowloris" holding sockets open).
    var idleTimeout: Duration = .seconds(30)
    /// The most connections open at once (``ConnectionLimit``): a museum's curators need a few
    /// dozen (a browser opens up to six); more is a flood.
    var maximumConnections = 512
}

/// An error shown to the user as a page (or JSON for the live check) with a status.
struct PageError: Error {
    var status: HTTPResponse.Status
    var titleKey: String
    var message: String
    /// The exhibit page a refused save came from: the error page links back to it and says the
    /// draft is kept in the browser (see `editor.js`).
    var exhibitPage: String? = nil
    /// A page of the editor the error page links back to (its path, and the key of the link's
    /// words), such as the translators page for a proof sheet of a gallery that is gone.
    var backLink: (path: String, labelKey: String)? = nil

    /// The exhibit page (`/exhibits/ID`) of a request path under it, such as the save of
    /// `/exhibits/ID` or the sign-off of `/exhibits/ID/signoff`.
    static func exhibitPage(ofRequestPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0].isEmpty, parts[1] == "exhibits", !parts[2].isEmpty else { return nil }
        return sitePath("/exhibits/" + parts[2])
    }

    /// `candidate` when it is a path on this site: never another site, a scheme-relative
    /// `//host`, a backslash (which browsers read as `/`) or a control character.
    static func sitePath(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            !candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        return candidate
    }
}

/// XLIFF uploads waiting for their "apply" click: for an hour, at most ``perSession`` per
/// session (its oldest goes first) and ``total`` in all.
final class PendingUploads: Sendable {
    static let perSession = 2
    static let total = 16
    private let uploads = Mutex<
        [String: (fileName: String, bytes: Data, reviewer: String?, session: String, time: Date)]
    >([:])

    /// Keeps an upload and the name reviews are recorded by (`nil`: states ignored); its token.
    func keep(_ bytes: Data, fileName: String, reviewer: String? = nil, session: String) -> String {
        let token = SessionStore.randomToken()
        uploads.withLock { uploads in
            let own = uploads.filter { $0.value.session == session }
            if own.count >= Self.perSession, let oldest = own.min(by: { $0.value.time < $1.value.time }) {
                uploads[oldest.key] = nil
            }
            makeRoom(in: &uploads, limit: Self.total) { $0.time }
            uploads[token] = (fileName, bytes, reviewer, session, Date())
        }
        return token
    }

    /// Tokens whose upload was applied, with their session and when: a second apply (a reload
    /// of the applied page) is told so instead of "expired". At most ``total`` kept, for an hour.
    private let applied = Mutex<[String: (session: String, time: Date)]>([:])

    func markApplied(_ token: String, session: String) {
        applied.withLock { applied in
            makeRoom(in: &applied, limit: Self.total) { $0.time }
            applied[token] = (session, Date())
        }
    }

    func wasApplied(_ token: String, session: String) -> Bool {
        applied.withLock { $0[token]?.session == session }
    }

    func take(_ token: String, session: String) -> (fileName: String, bytes: Data, reviewer: String?)? {
        uploads.withLock { uploads in
            guard let upload = uploads[token], upload.session == session else { return nil }
            uploads[token] = nil
            return (upload.fileName, upload.bytes, upload.reviewer)
        }
    }
}

/// Drops the entries older than an hour, then the oldest one when `limit` are left, so that
/// one more fits (the one-time entries the editor keeps between requests).
func makeRoom<Value>(in entries: inout [String: Value], limit: Int, time: (Value) -> Date) {
    entries = entries.filter { Date().timeIntervalSince(time($0.value)) < 3600 }
    if entries.count >= limit, let oldest = entries.min(by: { time($0.value) < time($1.value) }) {
        entries[oldest.key] = nil
    }
}

/// Runs `work` on a thread of its own rather than one of Swift's few cooperative threads (two
/// on a two-core laptop): a page that reads the whole collection (a search, the status) then
/// does not hold up the exhibit pages and saves of other requests.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// The editor's web application: routes, security checks and pages.
struct EditorApp: Sendable {
    let settings: EditorSettings
    let store: EditorStore
    let strings: InterfaceStrings
    let sessions: SessionStore
    let uploads = PendingUploads()
    let signers = SignerNames()
    let endedSignOffs = EndedSignOffs()
    /// The connections open now, at most `settings.maximumConnections`.
    let connections: ConnectionLimit
    let loginGate: LoginGate
    let assets: [String: (type: String, bytes: ByteBuffer)]

    init(settings: EditorSettings, store: EditorStore, strings: InterfaceStrings, resources: String) throws {
        self.settings = settings
        self.store = store
        connections = ConnectionLimit(maximum: settings.maximumConnections)
        self.strings = strings
        sessions = SessionStore(openByDefault: settings.passwordHash == nil)
        loginGate = LoginGate(firstDelay: settings.firstLoginDelay)
        var assets: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [
            ("editor.css", "text/css; charset=utf-8"), ("editor.js", "text/javascript; charset=utf-8"),
        ] {
            guard let data = FileManager.default.contents(atPath: resources + "/" + name) else {
                throw EditorFailure("\(resources)/\(name): cannot read the editor's asset")
            }
            assets[name] = (type, ByteBuffer(bytes: data))
        }
        self.assets = assets
    }

    /// The router with every route and the security middleware.
    func router() -> Router<EditorContext> {
        let router = Router(context: EditorContext.self)
        router.add(middleware: SecurityMiddleware(app: self))
        // A page: GET, and HEAD answered the same way (the middleware drops the body).
        func get(_ path: RouterPath, _ handler: @escaping @Sendable (Request, EditorContext) async throws -> Response) {
            router.get(path, use: handler)
            router.head(path, use: handler)
        }
        get("/assets/{name}") { _, context in try self.asset(context) }
        // Browsers ask for it on every page; no icon, and no error in their console.
        get(RouterPath(PanelStyles.stylesheetPath)) { _, _ in self.panelStylesheet() }
        get("/panels/fonts/{number}") { request, context in try self.panelFont(request, context) }
        get("/favicon.ico") { _, _ in Response(status: .noContent) }
        get("/") { request, context in try await offloaded { try self.collectionPage(request, context) } }
        get("/exhibits/{id}") { request, context in try self.exhibitPage(request, context) }
        router.post("/exhibits/{id}") { request, context in try await self.saveExhibit(request, context) }
        router.post("/exhibits/{id}/check") { request, context in try await self.liveCheck(request, context) }
        router.post("/exhibits/{id}/accept") { request, context in try await self.accept(request, context) }
        get("/exhibits/{id}/next-missing") { request, context in try self.nextMissing(request, context) }
        get("/status") { request, context in try await offloaded { try self.statusPage(request, context) } }
        get("/translators") { request, context in self.translatorsPage(request, context) }
        get("/translators/xliff") { request, context in
            try await offloaded { try self.downloadXLIFF(request, context) }
        }
        router.post("/translators/review") { request, context in try await self.reviewXLIFF(request, context) }
        router.post("/translators/apply") { request, context in try await self.applyXLIFF(request, context) }
        get("/new") { request, context in
            self.html(Pages.newExhibit(self.page(request, context), galleries: self.store.snapshot.galleries))
        }
        router.post("/new") { request, context in try await self.createExhibit(request, context) }
        router.post("/language") { request, context in try await self.switchLanguage(request, context) }
        get("/login") { request, context in
            let next = request.uri.queryParameters["next"].flatMap { PageError.sitePath(String($0)) } ?? "/"
            return self.html(Pages.login(self.page(request, context), wrong: false, next: next))
        }
        router.post("/login") { request, context in try await self.login(request, context) }
        router.post("/logout") { request, context in try await self.logout(request, context) }
        addSignOffRoutes(to: router)
        addDownloadRoutes(to: router)
        return router
    }

    /// The web server of this editor: HTTP/1, closing connections that send nothing for
    /// `settings.idleTimeout`, and those past `settings.maximumConnections` at once.
    func application(
        configuration: ApplicationConfiguration,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }, logger: Logger? = nil
    ) -> Application<RouterResponder<EditorContext>> {
        let (seconds, attoseconds) = settings.idleTimeout.components
        let idle = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let limit = connections
        return Application(
            router: router(),
            server: .http1(configuration: .init(additionalChannelHandlers: [limit.handler()], idleTimeout: idle)),
            configuration: configuration, onServerRunning: onServerRunning, logger: logger)
    }

    // MARK: Helpers

    func words(_ context: EditorContext) -> Localizer { strings.localizer(context.language) }

    func page(_ request: Request, _ context: EditorContext) -> PageContext {
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        return PageContext(
            words: words(context), csrfToken: sessions.token(for: context.session.id), path: path,
            signedIn: context.session.signedIn,
            canSignOut: settings.passwordHash != nil && context.session.signedIn)
    }

    func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.raw)))
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The form of a POST, after its CSRF token is checked.
    func form(_ request: Request, _ context: EditorContext, limit: Int = EditorSettings.maximumForm) async throws
        -> FormData
    {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(request, context)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge(request, context)
        }
        let type = request.headers[.contentType] ?? ""
        let form: FormData
        do {
            if type.lowercased().hasPrefix("multipart/form-data") {
                guard let range = type.range(of: "boundary=") else { throw FormError.malformed }
                var boundary = String(type[range.upperBound...])
                if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
                boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                form = try FormData(multipart: Data(buffer: buffer), boundary: boundary)
            } else {
                form = try FormData(urlEncoded: String(buffer: buffer))
            }
        } catch {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
        }
        let sent = form["_csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
        guard !context.session.id.isEmpty, sessions.accepts(sent, session: context.session.id) else {
            // Not "reload the page": a reload sends the refused form again.
            let exhibitPage = PageError.exhibitPage(ofRequestPath: request.uri.path)
            throw PageError(
                status: .forbidden, titleKey: "error.forbidden",
                message: words(context)(exhibitPage == nil ? "error.csrf" : "error.csrfexhibit"),
                exhibitPage: exhibitPage)
        }
        return form
    }

    /// The refusal of a body over the limit: from an exhibit page, saying how much text the
    /// limit holds, that nothing was saved, and (on the error page) that the draft is kept in the
    /// browser, with a link back to the exhibit.
    func tooLarge(_ request: Request, _ context: EditorContext) -> PageError {
        let words = words(context)
        guard let exhibitPage = PageError.exhibitPage(ofRequestPath: request.uri.path) else {
            return PageError(status: .contentTooLarge, titleKey: "error.title", message: words("error.toolarge"))
        }
        return PageError(
            status: .contentTooLarge, titleKey: "error.title",
            message: words("error.toolargeform", Pages.formLimit(words)), exhibitPage: exhibitPage)
    }

    /// The exhibit named by the `{id}` of the path, looked up among the loaded exhibits (never used as a path),
    /// read again first if its file changed on disk. `saving`: for a save, whose refusal says
    /// that nothing was saved and links back to the exhibit page (where the draft is kept).
    func exhibit(_ context: EditorContext, saving: Bool = false) throws -> (Snapshot, Int, Exhibit) {
        let raw = context.parameters.get("id") ?? ""
        let id = raw.removingPercentEncoding ?? raw
        guard let found = store.snapshot.exhibit(id: id) else { throw noExhibit(id, context, saving: saving) }
        let snapshot = store.refresh(relativePath: found.exhibit.relativePath)
        guard let current = snapshot.exhibit(id: id) else { throw noExhibit(id, context, saving: saving) }
        return (snapshot, current.position, current.exhibit)
    }

    /// The 404 of an exhibit id no loaded exhibit has. For a save: its file is gone, nothing was
    /// saved. Else naming the id, and a file of that name that cannot be read, with what
    /// `captions check` says about it.
    func noExhibit(_ id: String, _ context: EditorContext, saving: Bool) -> PageError {
        let words = words(context)
        if saving {
            return PageError(
                status: .notFound, titleKey: "error.notsaved", message: words("error.exhibitgone"),
                exhibitPage: PageError.sitePath("/exhibits/" + urlEncode(id)))
        }
        var message = words("error.noexhibit", ["id": id])
        let unreadable = store.snapshot.collection.exhibits.first { exhibit in
            guard !exhibit.isReadable, let name = exhibit.relativePath.split(separator: "/").last else { return false }
            return name == id + ".yml" || name == id + ".yaml"
        }
        if let unreadable {
            message +=
                " " + words("error.unreadable", ["file": unreadable.relativePath]) + " "
                + unreadable.loadFindings.map(\.formatted).joined(separator: " ")
        }
        return PageError(status: .notFound, titleKey: "error.notfound", message: message)
    }

    /// `draft` as Save writes it: each text the curator changed (not as the page showed it,
    /// `base`, nor as the file has it) without the spaces, tabs and line breaks at its end, which
    /// a caption file's block cannot keep and `whitespace` reports (a box ended with Enter).
    static func trimmingEnds(_ draft: ExhibitTexts, base: ExhibitTexts, exhibit: Exhibit) -> ExhibitTexts {
        var result = draft
        for (field, languages) in draft {
            for (language, text) in languages
            where text != base[field]?[language] && text != exhibit.field(field)?.translation(language)?.text {
                var trimmed = Substring(text)
                while let last = trimmed.last, last == " " || last == "\t" || last.isNewline { trimmed.removeLast() }
                result[field]?[language] = String(trimmed)
            }
        }
        return result
    }

    /// The texts of the configured fields and languages in a form (`<prefix><field>.<lang>` names:
    /// the draft without a prefix, the texts the page showed with `_base.`).
    func texts(in form: FormData, config: CollectionConfig, prefix: String = "") -> ExhibitTexts {
        var texts: ExhibitTexts = [:]
        for spec in config.fields {
            for language in config.languages {
                if let value = form["\(prefix)\(spec.name).\(language)"] {
                    texts[spec.name, default: [:]][language] = value
                }
            }
        }
        return texts
    }

    // MARK: Pages

    func asset(_ context: EditorContext) throws -> Response {
        guard let asset = assets[context.parameters.get("name") ?? ""] else {
            throw PageError(status: .notFound, titleKey: "error.notfound", message: words(context)("error.notfound"))
        }
        return Response(
            status: .ok, headers: [.contentType: asset.type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: asset.bytes))
    }

    /// The stylesheet that draws the label preview in the panels' fonts (``PanelStyles``).
    func panelStylesheet() -> Response {
        let css = PanelStyles.stylesheet(LibraryBridge.panelTypefaces(of: store.snapshot.collection))
        return Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: css)))
    }

    /// The font file `number` of the panel stylesheet. It carries an entity tag, so the browser
    /// asks again with every page (a font may change) and gets "not modified", not the file.
    func panelFont(_ request: Request, _ context: EditorContext) throws -> Response {
        let files = PanelStyles.fontFiles(LibraryBridge.panelTypefaces(of: store.snapshot.collection))
        guard let number = context.parameters.get("number").flatMap(Int.init), files.indices.contains(number - 1),
            let tag = PanelStyles.entityTag(ofFontFile: files[number - 1])
        else {
            throw PageError(status: .notFound, titleKey: "error.notfound", message: words(context)("error.notfound"))
        }
        if request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache"])
        }
        guard let data = FileManager.default.contents(atPath: files[number - 1]) else {
            throw PageError(status: .notFound, titleKey: "error.notfound", message: words(context)("error.notfound"))
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: PanelStyles.contentType(ofFontFile: files[number - 1]), .cacheControl: "no-cache",
                .eTag: tag,
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func collectionPage(_ request: Request, _ context: EditorContext) throws -> Response {
        let snapshot = store.snapshot
        let filter = Pages.Filter(queryParameters(request.uri.query), config: snapshot.config)
        return html(Pages.collection(page(request, context), snapshot, filter: filter))
    }

    func exhibitPage(_ request: Request, _ context: EditorContext) throws -> Response {
        let (snapshot, position, exhibit) = try self.exhibit(context)
        let query = queryParameters(request.uri.query)
        let words = words(context)
        var message: HTML = ""
        if let saved = query["saved"].flatMap(Int.init) {
            // Nothing written because the file had the draft's texts already (saved from another
            // tab): said so, not "no text was changed".
            // The texts the save changed, named as the page heads them, so the curator sees that
            // what they meant to change (and only that) was saved; counted only when the address
            // does not name them.
            let changed = TextKey.named(inQuery: query["changed"], config: snapshot.config)
            var text =
                !changed.isEmpty
                ? words("exhibit.savedtexts", ["list": words.textList(changed)])
                : saved > 0
                    ? words("exhibit.saved", count: saved)
                    : query["same"] != nil ? words("exhibit.alreadysaved") : words("exhibit.nochange")
            if query["merged"] != nil { text += " " + words("exhibit.merged") }
            message = "<p class=\"message ok\" role=\"status\">\(text)</p>"
            // The sign-offs the save ended, as the save kept them for this session and exhibit
            // (once: a reload, or an address someone made, shows none). A HEAD leaves them.
            let kept =
                request.method == .head
                ? [] : endedSignOffs.take(query["ended"] ?? "", exhibit: exhibit.id ?? "", session: context.session.id)
            let ended = kept.compactMap { Self.endedSignOff($0, words: words) }
            if !ended.isEmpty {
                let lines: [HTML] = ended.map { "<p class=\"message warning\" role=\"status\">\($0)</p>" }
                message = HTML.join([message] + lines)
            }
        }
        // Only `field (language)` entries of this exhibit's texts (as the library names them):
        // the query is the browser's.
        var texts: [String: (field: String, language: String)] = [:]
        for spec in snapshot.config.fields {
            for language in snapshot.config.languages { texts["\(spec.name) (\(language))"] = (spec.name, language) }
        }
        let accepted = (query["accepted"] ?? "").components(separatedBy: ", ").compactMap { texts[$0] }
        if !accepted.isEmpty {
            // After a save (an Accept that saved the draft first), both lines; named as the page
            // heads them ("Text (en)"), not by the file's keys ("text (en)").
            let list = accepted.map { words.textName(field: $0.field, language: $0.language) }.joined(separator: ", ")
            let line: HTML = "<p class=\"message ok\" role=\"status\">\(words("exhibit.accepted", ["list": list]))</p>"
            message = HTML.join([message, line])
        }
        if let signed = signOffMessage(query, exhibit: exhibit, config: snapshot.config, context) { message = signed }
        let view = exhibitView(exhibit, snapshot, position: position, message: message, context: context)
        return html(Pages.exhibit(page(request, context), snapshot, view))
    }

    /// What the exhibit page shows of the saved exhibit, with `message` above it.
    func exhibitView(
        _ exhibit: Exhibit, _ snapshot: Snapshot, position: Int, message: HTML, context: EditorContext
    ) -> Pages.ExhibitView {
        let checked = try? LibraryBridge.check(exhibit, in: snapshot.indexed)
        let texts = LibraryBridge.texts(of: exhibit)
        return Pages.ExhibitView(
            exhibit: exhibit, position: position, texts: texts,
            digest: LibraryBridge.digest(ofFileAt: exhibit.path),
            findings: ControlCharacter.asSaveJudges(
                checked?.findings ?? exhibit.loadFindings, texts: texts, config: snapshot.config),
            lengths: checked?.lengths ?? [], message: message,
            preview: try? LibraryBridge.labelPreview(exhibit, drafts: [:], in: snapshot.indexed),
            signOff: signOffPanel(exhibit, snapshot, context), base: LibraryBridge.texts(of: exhibit))
    }

    func saveExhibit(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        let words = words(context)
        let digest = form["_digest"] ?? ""
        let accepting = form["_accept"]
        // What the save needs, read in a scope of its own: a snapshot still held when the save
        // replaces the exhibit in the store would make the store copy all its exhibits.
        let id: String
        let draft: ExhibitTexts
        let base: ExhibitTexts
        // The sources translations were written beside (a draft restored onto a newer version).
        let translatedFrom: ExhibitTexts
        let config: CollectionConfig
        let acceptsUnchanged: Bool
        do {
            let (snapshot, _, exhibit) = try self.exhibit(context, saving: form["_action"] != "check")
            id = exhibit.id ?? ""
            config = snapshot.config
            base = texts(in: form, config: config, prefix: "_base.")
            draft = Self.trimmingEnds(texts(in: form, config: config), base: base, exhibit: exhibit)
            translatedFrom = texts(in: form, config: config, prefix: "_from.")
                .mapValues { $0.filter { $0.key != config.source } }.filter { !$0.value.isEmpty }
            if form["_action"] == "check" {
                return try redisplayDraft(
                    draft, base: base, translatedFrom: translatedFrom, digest: digest, "", .ok, request, context)
            }
            // Accept of a stale translation, pressed in this form so that the draft comes with it:
            // an unchanged draft is accepted as it is; a changed one is saved, which records each
            // changed translation as made from the current source (a corrected text needs no more).
            let saved = LibraryBridge.texts(of: exhibit)
            acceptsUnchanged =
                accepting != nil
                && draft.allSatisfy { field, languages in
                    languages.allSatisfy { language, text in saved[field]?[language] ?? "" == text }
                }
        }
        if let accepting, acceptsUnchanged {
            return try await accept(target: accepting, digest: digest, request, context)
        }
        // A control character, which the library's save refuses: said in the interface language
        // with where it is (it is invisible in the box), the draft shown again.
        if let control = ControlCharacter.first(in: draft, config: config) {
            var values = control.placeholders
            values["what"] = words.textName(field: control.field, language: control.language)
            return try redisplayDraft(
                draft, base: base, translatedFrom: translatedFrom, digest: digest,
                "<p class=\"message error\" role=\"alert\">\(words("exhibit.controlrefused", values))</p>",
                .unprocessableContent, refused: true, request, context)
        }
        do {
            return try await save(
                draft, over: digest, translatedFrom: translatedFrom, accepting: accepting, request, context)
        } catch var conflict as SaveConflict {
            // A page that says what it showed: the file's changes in texts the draft left alone
            // are no conflict; the draft's changes are saved over the file as it is now. Another
            // save landing between the merge and its write is merged again, while it stays clean.
            for _ in 0..<Self.mergeAttempts {
                let merge =
                    base.isEmpty
                    ? nil : DraftMerge(draft: draft, base: base, current: conflict.currentTexts, source: config.source)
                guard let merge, merge.isClean else {
                    return conflictPage(
                        draft: draft, merge: merge, conflict, id: id, config: config,
                        translatedFrom: translatedFrom, request, context)
                }
                do {
                    return try await save(
                        merge.changed, over: conflict.currentDigest, translatedFrom: translatedFrom,
                        merged: merge.fileChangedOthers, alreadyThere: merge.fileHasSame, accepting: accepting,
                        request, context)
                } catch let again as SaveConflict {
                    conflict = again
                }
            }
            let merge = DraftMerge(draft: draft, base: base, current: conflict.currentTexts, source: config.source)
            return conflictPage(
                draft: draft, merge: merge, conflict, id: id, config: config, translatedFrom: translatedFrom,
                request, context)
        } catch let error as CaptionError {
            return try redisplayDraft(
                draft, base: base, translatedFrom: translatedFrom, digest: digest,
                "<p class=\"message error\" role=\"alert\">\(words("exhibit.notsaved")) \(words.english(error.message))</p>",
                .unprocessableContent, refused: true, request, context)
        }
    }

    /// How many times a clean merge is saved before a save that keeps losing the race to others
    /// shows the conflict page.
    static let mergeAttempts = 5

    /// The exhibit page showing `draft` (unsaved) with its findings and `message` above it.
    /// With `refused`, the page says what Save refused in `message`, not that the draft was only checked.
    func redisplayDraft(
        _ draft: ExhibitTexts, base: ExhibitTexts, translatedFrom: ExhibitTexts = [:], digest: String,
        _ message: HTML, _ status: HTTPResponse.Status,
        refused: Bool = false, _ request: Request, _ context: EditorContext
    ) throws -> Response {
        let (snapshot, position, exhibit) = try self.exhibit(context)
        var texts = LibraryBridge.texts(of: exhibit)
        for (field, languages) in draft {
            for (language, text) in languages { texts[field, default: [:]][language] = text }
        }
        let checked = try? LibraryBridge.checkDraft(draft, of: exhibit, in: snapshot.indexed)
        let findings = ControlCharacter.asSaveJudges(checked?.findings ?? [], texts: texts, config: snapshot.config)
        let view = Pages.ExhibitView(
            exhibit: exhibit, position: position, texts: texts, digest: digest,
            findings: findings, lengths: checked?.lengths ?? [], message: message, isDraft: true,
            isRefusedSave: refused,
            preview: try? LibraryBridge.labelPreview(exhibit, drafts: draft, in: snapshot.indexed),
            sourceDiffs: sourceDiffs(exhibit, snapshot), base: base.isEmpty ? LibraryBridge.texts(of: exhibit) : base,
            translatedFrom: translatedFrom)
        return html(Pages.exhibit(page(request, context), snapshot, view), status: status)
    }

    /// Saves `texts` into the exhibit's file when it has `digest`, then shows the exhibit saying
    /// so (and that other texts of the file had changed, when `merged`; that the file had some
    /// of the texts already, when `alreadyThere`) or accepts `accepting`; throws
    /// ``SaveConflict`` when the file has another digest. A translation with a source in
    /// `translatedFrom` is recorded as made from it.
    func save(
        _ texts: ExhibitTexts, over digest: String, translatedFrom: ExhibitTexts = [:], merged: Bool = false,
        alreadyThere: Bool = false,
        accepting: String?, _ request: Request, _ context: EditorContext
    ) async throws -> Response {
        // The snapshot in a scope of its own, released before the store replaces the exhibit:
        // held then, it would make the store copy all its exhibits (60 ms at 50,000).
        let exhibit: Exhibit
        let outcome: Result<(path: String, changed: [TextKey]), SaveConflict>
        // The signed-off texts this save changes, and who signed them: the save records them as
        // new translations, so their review and approval end, and the page says so.
        var endsSignOff: [EndedSignOffs.Ended] = []
        do {
            let (snapshot, _, found) = try self.exhibit(context, saving: true)
            exhibit = found
            let states = LibraryBridge.signOffStates(of: found, config: snapshot.config)
            for (field, languages) in texts.sorted(by: { $0.key < $1.key }) {
                for (language, text) in languages.sorted(by: { $0.key < $1.key })
                where text != (found.field(field)?.translation(language)?.text ?? "") {
                    let state = states["\(field).\(language)"]
                    // An approval four eyes does not count ends with the save too.
                    let approver = (state?.approval ?? state?.approvalByReviewer)?.by
                    if state?.review != nil || approver != nil {
                        endsSignOff.append(
                            .init(
                                text: TextKey(field: field, language: language), reviewer: state?.review?.by,
                                approver: approver))
                    }
                }
            }
            do {
                outcome = .success(
                    try await store.write {
                        try LibraryBridge.save(
                            texts, exhibit: found, in: snapshot.indexed, expectedDigest: digest,
                            translatedFrom: translatedFrom)
                    })
            } catch let conflict as SaveConflict {
                outcome = .failure(conflict)
            }
        }
        store.replace([exhibit.relativePath])
        let saved = try outcome.get()
        if let accepting {
            return try await accept(target: accepting, digest: nil, saved: saved.changed, request, context)
        }
        // A text the file has already counts as the file's change when this save wrote others;
        // when it wrote nothing, the page says the file had the texts already.
        let mergedPart =
            merged || alreadyThere && !saved.changed.isEmpty
            ? "&merged=1" : alreadyThere ? "&same=1" : ""
        // The sign-offs ended are kept here for the next page; the address carries only their token.
        let endedPart =
            endsSignOff.isEmpty
            ? "" : "&ended=" + endedSignOffs.keep(endsSignOff, exhibit: exhibit.id ?? "", session: context.session.id)
        return redirect(
            "/exhibits/\(urlEncode(exhibit.id ?? ""))?\(Self.savedQuery(saved.changed))\(mergedPart)\(endedPart)")
    }

    /// The sentence saying which sign-off of a text a save ended, and who had signed it; `nil`
    /// when it names neither.
    static func endedSignOff(_ ended: EndedSignOffs.Ended, words: Localizer) -> String? {
        let name = words.textName(field: ended.text.field, language: ended.text.language)
        switch (ended.reviewer, ended.approver) {
        case (let reviewer?, let approver?):
            return words("exhibit.signoffended", ["text": name, "reviewer": reviewer, "approver": approver])
        case (let reviewer?, nil): return words("exhibit.signoffendedreview", ["text": name, "reviewer": reviewer])
        case (nil, let approver?): return words("exhibit.signoffendedapproval", ["text": name, "approver": approver])
        case (nil, nil): return nil
        }
    }

    /// The query of the page after a save that changed `texts`: how many, and which.
    static func savedQuery(_ texts: [TextKey]) -> String {
        "saved=\(texts.count)" + (texts.isEmpty ? "" : "&changed=" + TextKey.queryValue(texts))
    }

    /// The conflict page (409) for `draft` against the file now; with `merge`, each row says who
    /// changed the text, and the page's form carries only the draft's own changes.
    /// A translation the draft changed whose source changed in the file only, and one sent with a
    /// source in `translatedFrom`, goes on with the source it was written beside
    /// (`_from.<field>.<lang>`): saving over the file records it as made from that source.
    func conflictPage(
        draft: ExhibitTexts, merge: DraftMerge?, _ conflict: SaveConflict, id: String, config: CollectionConfig,
        translatedFrom: ExhibitTexts = [:], _ request: Request, _ context: EditorContext
    ) -> Response {
        // Only for the texts the conflict page's form sends; a source sent with the draft first.
        let sent = merge?.changed ?? draft
        var from: ExhibitTexts = [:]
        for sources in [merge?.translatedFrom ?? [:], translatedFrom] {
            for (field, languages) in sources {
                for (language, source) in languages where sent[field]?[language] != nil {
                    from[field, default: [:]][language] = source
                }
            }
        }
        return html(
            Pages.conflict(
                page(request, context), id: id, draft: draft, current: conflict.currentTexts,
                currentDigest: conflict.currentDigest, merge: merge, config: config, translatedFrom: from),
            status: .conflict)
    }

    func liveCheck(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        let (snapshot, _, exhibit) = try self.exhibit(context)
        let words = words(context)
        let draft = Self.trimmingEnds(
            texts(in: form, config: snapshot.config), base: texts(in: form, config: snapshot.config, prefix: "_base."),
            exhibit: exhibit)
        let checked: (findings: [Diagnostic], lengths: [TextLength])
        do {
            checked = try LibraryBridge.checkDraft(draft, of: exhibit, in: snapshot.indexed)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        // Every box is sent; a control character counts as the error Save makes of it.
        let findings = ControlCharacter.asSaveJudges(checked.findings, texts: draft, config: snapshot.config)
        var located = Pages.locateFindings(findings, of: exhibit, config: snapshot.config)
        located.controls = ControlCharacter.keyed(in: draft, config: snapshot.config)
        var cells: [String: LiveCheckAnswer.Cell] = [:]
        for length in checked.lengths {
            let key = "\(length.field).\(length.language)"
            let id = "\(length.field)-\(length.language)"
            cells[key] = LiveCheckAnswer.Cell(
                counter: Pages.counter(length, id: id, words: words, overflowsPanel: located.overflowsPanel(key)).raw,
                findings: located.items(key, words: words).raw)
        }
        let answer = LiveCheckAnswer(
            cells: cells,
            general: Pages.generalFindings(located.general, all: findings, words: words).raw,
            preview: Pages.labelPreview(
                try? LibraryBridge.labelPreview(exhibit, drafts: draft, in: snapshot.indexed), words: words
            ).raw,
            errors: findings.filter { $0.severity == .error }.count + located.controlsWithoutFinding,
            warnings: findings.filter { $0.severity == .warning }.count)
        let data = answer.json
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func accept(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        // The digest of the page that asked: a translation is accepted against the source shown.
        guard let digest = form["_digest"], !digest.isEmpty else {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
        }
        return try await accept(target: form["target"] ?? "", digest: digest, request, context)
    }

    /// Accepts the stale translation `target` (`field.language`) when the file still has `digest`
    /// (any digest when `nil`), and shows the exhibit saying so and, when the draft was `saved`
    /// first, the texts that changed.
    func accept(
        target: String, digest: String?, saved: [TextKey]? = nil, _ request: Request, _ context: EditorContext
    ) async throws -> Response {
        // The snapshot in a scope of its own, released before the store replaces the exhibit (see `save`).
        let id: String
        let relativePath: String
        let result: TranslationAcceptance.Result
        do {
            let (snapshot, _, exhibit) = try self.exhibit(context, saving: true)
            id = exhibit.id ?? ""
            relativePath = exhibit.relativePath
            let target = target.split(separator: ".", maxSplits: 1).map(String.init)
            guard target.count == 2, snapshot.config.field(target[0]) != nil,
                snapshot.config.languages.contains(target[1])
            else {
                throw PageError(
                    status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
            }
            if let digest, digest != LibraryBridge.digest(ofFileAt: exhibit.path) {
                let current = LibraryBridge.texts(of: exhibit)
                return html(
                    Pages.conflict(
                        page(request, context), id: id, draft: current, current: current,
                        currentDigest: LibraryBridge.digest(ofFileAt: exhibit.path), merge: nil,
                        config: snapshot.config),
                    status: .conflict)
            }
            do {
                result = try await store.write { () throws(CaptionError) in
                    try LibraryBridge.accept(id: id, field: target[0], language: target[1], in: snapshot.indexed)
                }
            } catch {
                throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
            }
        }
        store.replace([relativePath])
        // As the library names them ("text (en)"): the page checks them against the exhibit's texts
        // and shows them as it heads them ("Text (en)").
        let list = (result.accepted + result.alreadyCurrent).joined(separator: ", ")
        let savedPart = saved.map { Self.savedQuery($0) + "&" } ?? ""
        return redirect("/exhibits/\(urlEncode(id))?\(savedPart)accepted=\(urlEncode(list))")
    }

    func nextMissing(_ request: Request, _ context: EditorContext) throws -> Response {
        let (snapshot, position, exhibit) = try self.exhibit(context)
        let language = snapshot.config.spelledAsConfigured(queryParameters(request.uri.query)["lang"] ?? "")
        guard snapshot.config.languages.contains(language) else {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
        }
        let exhibits = snapshot.collection.exhibits
        let order = Array((position + 1)..<exhibits.count) + Array(0..<position)
        for candidate in order where (snapshot.summaries[candidate].missing[language] ?? 0) > 0 {
            if snapshot.hasPage(candidate) { return redirect("/exhibits/\(urlEncode(exhibits[candidate].displayID))") }
        }
        // None left: this exhibit again, saying so (not an error page that leads away from it).
        let notice: HTML =
            "<p class=\"message\" role=\"status\">\(words(context)("exhibit.nomissing", ["lang": words(context).languageLabel(language)]))</p>"
        let view = exhibitView(exhibit, snapshot, position: position, message: notice, context: context)
        return html(Pages.exhibit(page(request, context), snapshot, view))
    }

    func statusPage(_ request: Request, _ context: EditorContext) throws -> Response {
        let snapshot = store.snapshot
        let status: TranslationStatus
        do {
            status = try store.status(of: snapshot)
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        return html(Pages.status(page(request, context), status))
    }

    func reviewXLIFF(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context, limit: EditorSettings.maximumUpload)
        guard let upload = form.files["xliff"] else {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
        }
        guard !upload.bytes.isEmpty else {
            // An empty file (or none chosen): said on the translators page, with its form.
            let notice = words(context)("translators.emptyfile")
            return translatorsRefusal(request, context, "\(notice)")
        }
        // Reviews from the translator's program: recorded by the name given (kept for the session,
        // as the exhibit page's sign-off keeps it).
        // A name that cannot be recorded, or one typed without ticking the box, is said on the
        // translators page, with its form.
        var reviewer: String?
        let words = words(context)
        let name = (form["by"] ?? "").trimmingCharacters(in: .whitespaces)
        if form["trust"] != "1", !name.isEmpty, name != signers.name(session: context.session.id) {
            // A name typed without the box: the reviews would silently not be recorded.
            let refusal = words("translators.untrusted", ["name": name])
            return translatorsRefusal(request, context, "\(refusal)", typedName: name)
        }
        if form["trust"] == "1" {
            var refusal: HTML?
            if name.isEmpty {
                refusal = "\(words("signoff.noname"))"
            } else if let problem = LibraryBridge.signerProblem(name) {
                refusal = words.html("signoff.badname", ["name": "\(name)", "reason": "\(words.nameProblem(problem))"])
            }
            if let refusal {
                return translatorsRefusal(request, context, refusal, typedName: name)
            }
            signers.set(name, session: context.session.id)
            reviewer = name
        }
        let report: XLIFFImportReport
        do {
            report = try await offloaded { [reviewer] in
                try LibraryBridge.importXLIFF(
                    bytes: upload.bytes, fileName: upload.fileName, into: store.scanned().collection, dryRun: true,
                    maximumSize: EditorSettings.maximumUpload, reviewer: reviewer)
            }
        } catch {
            // Said on the translators page, with its form to choose another file: in the curator's
            // words, then the library's English detail without its `file:1:1: error:`.
            let detail = (error as? CaptionError)?.message ?? "\(error)"
            return translatorsRefusal(
                request, context, "\(words("translators.notimported")) \(words.english(detail))",
                typedName: form["trust"] == "1" ? name : nil)
        }
        let token = uploads.keep(
            upload.bytes, fileName: upload.fileName, reviewer: reviewer, session: context.session.id)
        // Up to 500 word diffs: drawn on a thread of its own, not one that serves the pages.
        let page = page(request, context)
        return try await offloaded { html(Pages.importReport(page, report, token: token)) }
    }

    func applyXLIFF(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        let token = form["token"] ?? ""
        guard let upload = uploads.take(token, session: context.session.id) else {
            if uploads.wasApplied(token, session: context.session.id) {
                // A reload or Back of the applied page: nothing is done twice.
                let notice = words(context)("translators.appliedalready")
                return translatorsPage(request, context, message: "<p class=\"message\" role=\"status\">\(notice)</p>")
            }
            throw PageError(status: .gone, titleKey: "error.title", message: words(context)("translators.expired"))
        }
        let report: XLIFFImportReport
        do {
            report = try await store.write { () throws(CaptionError) in
                try LibraryBridge.importXLIFF(
                    bytes: upload.bytes, fileName: upload.fileName, into: store.scanned().collection, dryRun: false,
                    maximumSize: EditorSettings.maximumUpload, reviewer: upload.reviewer)
            }
        } catch {
            throw PageError(status: .unprocessableContent, titleKey: "error.title", message: error.description)
        }
        uploads.markApplied(token, session: context.session.id)
        store.scan()
        let page = page(request, context)
        return try await offloaded { html(Pages.importReport(page, report, token: nil)) }
    }

    func createExhibit(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        let id = form["id"] ?? ""
        let newGallery = form["newGallery"] ?? ""
        let gallery = newGallery.isEmpty ? (form["gallery"] ?? "") : newGallery
        do {
            _ = try await store.write { () throws(CaptionError) in
                try LibraryBridge.newExhibit(id: id, gallery: gallery.isEmpty ? nil : gallery, in: store.root)
            }
        } catch {
            // In the curator's words first; the library's English detail (which names the id or
            // gallery and suggests one) after it, without the command line's `error:`.
            let words = words(context)
            var text: HTML
            switch error {
            case .idInUse(_, let id):
                // The curator's words and a link, not a server path in command-line form.
                text = "\(words("new.idinuse", ["id": id])) <a href=\"/exhibits/\(urlEncode(id))\">\(id)</a>"
            case .invalidArgument: text = "\(words("new.badname")) \(words.english(error.message))"
            default: text = "\(words("new.failed")) \(words.english(error.message))"
            }
            let message: HTML = "<p class=\"message error\" role=\"alert\">\(text)</p>"
            return html(
                Pages.newExhibit(page(request, context), galleries: store.snapshot.galleries, message: message, id: id),
                status: .unprocessableContent)
        }
        store.scan()
        return redirect("/exhibits/\(urlEncode(id))")
    }

    func switchLanguage(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        let language = form["lang"] ?? ""
        guard InterfaceStrings.languages.contains(language) else {
            throw PageError(status: .badRequest, titleKey: "error.title", message: words(context)("error.badrequest"))
        }
        var response = redirect(PageError.sitePath(form["back"]) ?? "/")
        response.headers.append(
            HTTPField(
                name: .setCookie,
                value: "captions_lang=\(language); Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000"))
        return response
    }

    /// Signs out: ends the session (its cookie is cleared) and shows the sign-in page.
    func logout(_ request: Request, _ context: EditorContext) async throws -> Response {
        _ = try await form(request, context)
        sessions.end(context.session.id)
        var response = redirect("/login")
        response.headers.append(
            HTTPField(name: .setCookie, value: "captions_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"))
        return response
    }

    func login(_ request: Request, _ context: EditorContext) async throws -> Response {
        let form = try await self.form(request, context)
        // Where the sign-in was asked for (a page opened after the session ended).
        let next = PageError.sitePath(form["next"]) ?? "/"
        guard let hash = settings.passwordHash else { return redirect(next) }
        let address = Self.clientAddress(
            peer: context.remoteAddress?.ipAddress ?? "", forwardedFor: request.headers[values: Self.forwardedFor],
            trustedProxies: settings.trustedProxies)
        if let seconds = loginGate.delay(for: address) { return tooManyAttempts(seconds, next: next, request, context) }
        guard let matches = await loginGate.verify(form["password"] ?? "", hash: hash) else {
            return tooManyAttempts(1, next: next, request, context)
        }
        guard matches else {
            loginGate.failed(address)
            return html(Pages.login(page(request, context), wrong: true, next: next), status: .unauthorized)
        }
        let session = sessions.signIn(context.session.id)
        loginGate.succeeded(address)
        var response = redirect(next)
        response.headers.append(HTTPField(name: .setCookie, value: SecurityMiddleware.sessionCookie(session.id)))
        return response
    }
}

extension EditorApp {
    /// The header a proxy names the client in.
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The address failed sign-ins are counted by (``LoginGate``): the connection's, unless it
    /// comes from a trusted proxy; then, going back through `X-Forwarded-For` (the header's lines
    /// in order) from its end, the first address that is not a trusted proxy. Each address there
    /// is the one a proxy saw, so one naming the proxy's own computer (a loopback address, or the
    /// address of the proxy that wrote it) is a browser on that computer, not a proxy before it:
    /// what that browser wrote in the header itself is not believed. Behind a proxy every
    /// connection comes from the proxy, and one person guessing passwords would otherwise make
    /// everyone wait. Where that address is not an IP address, the connection's counts.
    static func clientAddress(peer: String, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        let peer = canonical(peer)
        let proxies = Set(trustedProxies.map(canonical))
        guard proxies.contains(peer) else { return peer }
        var writer = peer
        for hop in forwardedFor.flatMap({ $0.split(separator: ",") }).reversed() {
            guard let address = ipAddress(hop.trimmingCharacters(in: .whitespaces)) else { return peer }
            if !proxies.contains(address) || address == writer || isLoopbackAddress(address) { return address }
            writer = address
        }
        return peer
    }

    /// `address` in the one spelling ``ipAddress(_:)`` gives, or lowercased when it is none.
    static func canonical(_ address: String) -> String {
        ipAddress(address) ?? address.lowercased()
    }

    /// `text` as an IP address in one spelling (`inet_ntop`'s: lowercase, the longest run of zero
    /// groups as `::`), an IPv4 address mapped into IPv6 as IPv4 (a socket listening on `::` sees
    /// an IPv4 client as `::ffff:192.0.2.1`); `nil` when `text` is not an IPv4 or IPv6 address as
    /// `inet_pton` reads them (no port, no brackets, no name): what a proxy puts in `X-Forwarded-For`.
    static func ipAddress(_ text: String) -> String? {
        guard !text.utf8.contains(0) else { return nil }
        var bytes = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET, text, &bytes) == 1 { return bytes[0..<4].map(String.init).joined(separator: ".") }
        guard inet_pton(AF_INET6, text, &bytes) == 1 else { return nil }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        return ipv6Text(bytes)
    }

    /// The /64 network of an IPv6 address (`2001:db8:1:2::/64`, its first four groups); `nil`
    /// for an IPv4 address (also one mapped into IPv6) and for what is no address.
    static func ipv6Network(_ text: String) -> String? {
        guard let address = ipAddress(text), address.contains(":") else { return nil }
        var bytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, address, &bytes) == 1 else { return nil }
        for index in 8..<16 { bytes[index] = 0 }
        return ipv6Text(bytes).map { $0 + "/64" }
    }

    /// The 16 bytes of an IPv6 address as `inet_ntop` writes them.
    private static func ipv6Text(_ bytes: [UInt8]) -> String? {
        var written = [CChar](repeating: 0, count: 64)
        guard inet_ntop(AF_INET6, bytes, &written, socklen_t(written.count)) != nil else { return nil }
        return String(decoding: written.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `address` is one of this computer's own (127.0.0.0/8, ::1, or IPv4 loopback
    /// mapped into IPv6).
    static func isLoopbackAddress(_ address: String) -> Bool {
        guard let address = ipAddress(address) else { return false }
        return address == "::1" || address.hasPrefix("127.")
    }

    /// Whether `text` is an IPv4 or IPv6 address (``ipAddress(_:)``).
    static func isIPAddress(_ text: String) -> Bool { ipAddress(text) != nil }

    /// The answer to a sign-in refused before its password was checked: 429, with the seconds
    /// to wait in `Retry-After` and the sign-in form again, saying them and keeping `next`.
    func tooManyAttempts(_ seconds: Int, next: String, _ request: Request, _ context: EditorContext) -> Response {
        var response = html(
            Pages.login(page(request, context), wrong: false, waitSeconds: seconds, next: next),
            status: .tooManyRequests)
        response.headers[.retryAfter] = String(seconds)
        return response
    }
}

/// The live check's answer, as JSON: per box (`field.language`) its counter and findings as HTML,
/// the findings not tied to a box, the label preview, and the counts.
struct LiveCheckAnswer: Encodable {
    struct Cell: Encodable {
        var counter: String
        var findings: String
    }
    var cells: [String: Cell]
    var general: String
    var preview: String
    var errors: Int
    var warnings: Int

    /// The answer as JSON, keys sorted, so that the same draft always gives the same bytes
    /// (written directly: Foundation's encoders took a tenth of the request).
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(preview.utf8.count + general.utf8.count + 4096)
        out += Array(#"{"cells":{"#.utf8)
        for (index, key) in cells.keys.sorted().enumerated() {
            guard let cell = cells[key] else { continue }
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Self.append(key, to: &out)
            out += Array(#":{"counter":"#.utf8)
            Self.append(cell.counter, to: &out)
            out += Array(#","findings":"#.utf8)
            Self.append(cell.findings, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array(#"},"errors":\#(errors),"general":"#.utf8)
        Self.append(general, to: &out)
        out += Array(#","preview":"#.utf8)
        Self.append(preview, to: &out)
        out += Array(#","warnings":\#(warnings)}"#.utf8)
        return out
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// as its UTF-8, copied a run at a time (a byte at a time was 7 % of a live check: the
    /// answer carries the label preview's and the findings' HTML).
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    func hex(_ digit: UInt8) -> UInt8 {
                        digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                    }
                    out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 0xF)]
                default: out.append(byte)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
