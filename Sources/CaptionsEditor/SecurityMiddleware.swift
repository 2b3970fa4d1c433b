import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Checks every request before a page sees it, and turns every error into a page or JSON.
///
/// - The `Host` header must be one of the names the editor is bound to (against DNS rebinding).
/// - Only GET, HEAD and POST; a POST must come from this site (`Origin`, else `Referer`). A
///   HEAD is answered as the GET of the same address (`EditorApp.router`), without the body.
/// - A session cookie (`HttpOnly`, `SameSite=Strict`) carries the CSRF token's session and,
///   with a password, whether the browser signed in.
/// - Every response gets a `Content-Security-Policy` without inline script.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = EditorContext
    let app: EditorApp

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func sessionCookie(_ id: String) -> String {
        "captions_session=\(id); Path=/; HttpOnly; SameSite=Strict"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.language =
            request.cookies["captions_lang"].map(\.value).flatMap { InterfaceStrings.languages.contains($0) ? $0 : nil }
            ?? InterfaceStrings.preferred(acceptLanguage: request.headers[.acceptLanguage])
        var response: Response
        do {
            response = try await checked(request, context: &context, next: next)
        } catch {
            response = errorResponse(error, request: request, context: context)
        }
        if request.method == .head { response.body = .init() }
        if context.newSession && !context.session.id.isEmpty {
            response.headers.append(HTTPField(name: .setCookie, value: Self.sessionCookie(context.session.id)))
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func checked(
        _ request: Request, context: inout Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let words = app.strings.localizer(context.language)
        // A Host header sent as a field (HTTP/1 servers turn it into the authority).
        let host = (request.headers[HTTPField.Name("Host")!] ?? request.head.authority ?? "").lowercased()
        guard app.settings.allowedHosts.contains(host) else {
            throw PageError(status: .misdirectedRequest, titleKey: "error.forbidden", message: words("error.host"))
        }
        guard [.get, .head, .post].contains(request.method) else {
            throw PageError(status: .methodNotAllowed, titleKey: "error.title", message: words("error.badrequest"))
        }
        let (session, isNew) = app.sessions.session(id: request.cookies["captions_session"]?.value)
        context.session = session
        context.newSession = isNew
        if request.method == .post {
            let origin = request.headers[.origin] ?? request.headers[.referer].map(Self.origin(ofURL:))
            guard let origin = origin?.lowercased(),
                origin == "http://" + host || app.settings.allowedOrigins.contains(origin)
            else {
                throw PageError(status: .forbidden, titleKey: "error.forbidden", message: words("error.csrf"))
            }
        }
        let path = request.uri.path
        if !session.signedIn && path != "/login" && !path.hasPrefix("/assets/") {
            if request.method == .post {
                throw PageError(
                    status: .unauthorized, titleKey: "login.title", message: words("login.needed"),
                    exhibitPage: PageError.exhibitPage(ofRequestPath: path))
            }
            // Back to this page after signing in.
            var page = path
            if let query = request.uri.query, !query.isEmpty { page += "?" + query }
            let login = page == "/" ? "/login" : "/login?next=" + urlEncode(page)
            return Response(status: .seeOther, headers: [.location: login])
        }
        return try await next(request, context)
    }

    /// `scheme://host[:port]` of a URL.
    static func origin(ofURL url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        let rest = url[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return String(url[..<schemeEnd.upperBound]) + rest[..<hostEnd]
    }

    /// A page (or JSON for the live check and clients that ask for JSON) for an error.
    func errorResponse(_ error: any Error, request: Request, context: Context) -> Response {
        let words = app.strings.localizer(context.language)
        let pageError: PageError
        switch error {
        case let error as PageError: pageError = error
        case let error as HTTPError:
            let key = error.status == .notFound ? "error.notfound" : "error.title"
            // Too large for an exhibit page: said with the limit, and with the way back to the draft.
            let exhibitPage =
                error.status == .contentTooLarge ? PageError.exhibitPage(ofRequestPath: request.uri.path) : nil
            let message =
                error.status == .contentTooLarge
                ? exhibitPage == nil ? words("error.toolarge") : words("error.toolargeform", Pages.formLimit(words))
                : error.status == .notFound
                    ? words("error.nopage", ["path": request.uri.path]) : words("error.badrequest")
            pageError = PageError(status: error.status, titleKey: key, message: message, exhibitPage: exhibitPage)
        default:
            FileHandle.standardError.write(Data("captions-editor: request failed: \(error)\n".utf8))
            pageError = PageError(status: .internalServerError, titleKey: "error.title", message: words("error.title"))
        }
        let wantsJSON =
            request.uri.path.hasSuffix("/check") || (request.headers[.accept] ?? "").contains("application/json")
        if wantsJSON {
            let body =
                (try? JSONSerialization.data(withJSONObject: ["error": pageError.message], options: [])) ?? Data()
            return Response(
                status: pageError.status, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let page = PageContext(
            words: words, csrfToken: app.sessions.token(for: context.session.id), path: "/",
            signedIn: context.session.signedIn)
        return app.html(
            Pages.error(
                page, title: words(pageError.titleKey), message: pageError.message, exhibitPage: pageError.exhibitPage,
                backLink: pageError.backLink.map { (path: $0.path, label: words($0.labelKey)) }),
            status: pageError.status)
    }
}
