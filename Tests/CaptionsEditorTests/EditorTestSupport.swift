import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

@testable import CaptionKit
@testable import CaptionsEditor

/// A copy of the bundled museum collection in a temporary folder, served by a test editor.
struct EditorFixture {
    /// The collection folder (a copy; the tests edit it).
    let root: String
    private(set) var app: EditorApp

    /// The bundled `Captions/` of this repository.
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Captions").path

    /// The files whose `translations:` record the copy drops unless a test says otherwise:
    /// most tests of saving and sign-off start from a file typed by hand (never accepted), to see
    /// the record the editor writes.
    static let untrackedByDefault: Set = ["barracks/first-winter.yml"]

    /// `prepare` changes the copy (its folder's path given) before the editor reads it, after
    /// the records of `untracked` (paths in the collection) are removed.
    /// `lockWait`: the seconds a save waits for another program's lock (``EditorStore/lockWait``).
    init(
        passwordHash: String? = nil, lockWait: Double = 3, untracked: Set<String> = untrackedByDefault,
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("editor-tests-\(UUID().uuidString)")
        FixtureFolders.removeAtExit(folder.path)
        try FileManager.default.copyItem(atPath: Self.bundled, toPath: folder.path)
        root = folder.path
        for file in untracked.sorted() { try Self.removeRecord(folder.path + "/" + file) }
        try prepare(root)
        let store = try EditorStore(root: root, lockWait: lockWait)
        let settings = EditorSettings(root: root, allowedHosts: ["localhost"], passwordHash: passwordHash)
        app = try EditorApp(
            settings: settings, store: store, strings: try InterfaceStrings.loadBundled(),
            resources: try InterfaceStrings.resourcesFolder())
    }

    /// The bundled collection with the Kazakh text of kurt-story empty: the one exhibit missing
    /// a text, in Kazakh.
    static func missingOneKazakhText() throws -> EditorFixture {
        try EditorFixture(
            prepare: EditorDownloadTests.replacing(
                "  kk: Тас емес, құрт\n", with: "  kk: \"\"\n", in: "museum-second-floor/kurt-story.yml"))
    }

    /// This fixture with an editor of the same collection whose settings `change` changed.
    func with(_ change: (inout EditorSettings) -> Void) throws -> EditorFixture {
        var settings = app.settings
        change(&settings)
        var changed = self
        changed.app = try EditorApp(
            settings: settings, store: app.store, strings: app.strings,
            resources: try InterfaceStrings.resourcesFolder())
        return changed
    }

    /// Removes the `translations:` record (the source fingerprints) from the caption file at
    /// `path`: the file as it was before its translations were tracked.
    static func removeRecord(_ path: String) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("translations:") }) else {
            throw CocoaError(.fileReadUnknown)
        }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        lines.removeSubrange(start..<end)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    /// Runs `body` with a client of this editor (no network: Hummingbird's router test client).
    func test(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let application = Application(router: app.router())
        try await application.test(.router) { client in
            try await body(Browser(client: client))
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The fixtures' folders, removed when the test process exits: a test that runs a server of its
/// own or stops at an error never reaches ``EditorFixture/test(_:)``'s removal, and a thousand
/// copies of the collection had gathered in the temporary folder of a machine that runs the
/// tests often. Not removed earlier: an editor may outlive the fixture value that made it.
enum FixtureFolders {
    private static let folders = Mutex<[String]>([])
    /// Registers the removal at exit, once.
    private static let registered: Void = { atexit { FixtureFolders.removeAll() } }()

    /// Removes the folder at `path` (if it is still there) when the process exits.
    static func removeAtExit(_ path: String) {
        _ = registered
        folders.withLock { $0.append(path) }
    }

    private static func removeAll() {
        for path in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// A test client that keeps cookies and the page's CSRF token, like a browser tab.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrfToken = ""

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        /// The body's bytes, as sent.
        var bytes: [UInt8] = []

        /// The `value` attribute of the first `<input name="name">`.
        func inputValue(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, headers extra: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: "name=\"csrf-token\" content=\"") {
            let rest = text[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrfToken = String(rest[..<end]) }
        }
        return Page(
            status: response.status, headers: response.headers, body: text,
            bytes: Array(response.body.readableBytesView))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await request(.get, uri, headers: headers)
    }

    /// POSTs a URL-encoded form from this site, with the CSRF token unless `csrf` is false.
    func post(
        _ uri: String, _ fields: [(String, String)], csrf: Bool = true, origin: String? = "http://localhost",
        headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var all = fields
        if csrf { all.append(("_csrf", csrfToken)) }
        let body = all.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin { headers[.origin] = origin }
        return try await request(.post, uri, headers: headers, body: ByteBuffer(string: body))
    }

    /// Uploads `bytes` to the translators page's review with the interface in `language`.
    func reviewUpload(_ fileName: String, _ bytes: Data, speaking language: String) async throws -> Page {
        _ = try await post("/language", [("lang", language), ("back", "/translators")])
        return try await upload("/translators/review", field: "xliff", fileName: fileName, bytes: bytes)
    }

    /// POSTs a multipart form with one file.
    /// Posts a multipart form with the file `bytes` as `field` and the plain `fields`.
    func upload(
        _ uri: String, field: String, fileName: String, bytes: Data, fields: [(String, String)] = []
    ) async throws -> Page {
        let boundary = "----test\(UUID().uuidString)"
        var body = Data()
        for (name, value) in [("_csrf", csrfToken)] + fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n"
                    + "Content-Type: application/xliff+xml\r\n\r\n").utf8))
        body.append(bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers: HTTPFields = [:]
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.origin] = "http://localhost"
        return try await request(.post, uri, headers: headers, body: ByteBuffer(bytes: body))
    }
}

/// URL-encodes a form name or value.
func formEncode(_ text: String) -> String {
    urlEncode(text)
}
