import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

/// The defects of the security review, each with the request that showed it.
@Suite("Editor hardening")
struct EditorHardeningTests {
    /// Only password sessions are kept (without a password a session is its cookie, which
    /// ``aFloodPushesOutNoOpenPage`` holds end to end).
    @Test("A flood of sessions whose cookie comes back signs out no curator signed in with the password")
    func sessionsSurviveAReturningFlood() {
        let store = SessionStore(openByDefault: false)
        let curator = store.signIn(store.session(id: nil).session.id)
        // Each request of the flood: one without a cookie, then one sending it back.
        for _ in 0..<(SessionStore.limit * 2 + 10) {
            let id = store.session(id: nil).session.id
            _ = store.session(id: id)
        }
        let again = store.session(id: curator.id)
        #expect(
            !again.isNew && again.session.signedIn
                && store.accepts(store.token(for: curator.id), session: curator.id))
    }

    @Test(
        "A page opened before a flood of requests without its cookie still saves, or signs in; a forged token does not")
    func aFloodPushesOutNoOpenPage() async throws {
        for password in [nil, "steppe winter"] {
            let fixture = try EditorFixture(passwordHash: password.map { Bcrypt.hash($0, cost: 4) })
            try await fixture.test { browser in
                let opened = try await browser.get(password == nil ? "/exhibits/first-winter" : "/login")
                // More requests than the 10,000 sessions the editor once held, none sending the
                // cookie back (a script, or another web site in the curator's browser).
                for _ in 0..<10_001 { _ = try await browser.client.execute(uri: "/favicon.ico", method: .get) }
                let form =
                    password == nil
                    ? try EditorSaveTests.saveForm(opened, ["title.en": "The first winter, saved after a flood"])
                    : [("password", "steppe winter")]
                let path = password == nil ? "/exhibits/first-winter" : "/login"
                // Another tab's cookie with this tab's token but one digit changed, or another
                // browser's token: refused, nothing written.
                let forger = Browser(client: browser.client)
                forger.cookies = browser.cookies
                let last = browser.csrfToken.last == "0" ? "1" : "0"
                forger.csrfToken = String(browser.csrfToken.dropLast()) + last
                #expect(try await forger.post(path, form).status == .forbidden)
                let stranger = Browser(client: browser.client)
                _ = try await stranger.get("/login")
                forger.csrfToken = stranger.csrfToken
                #expect(try await forger.post(path, form).status == .forbidden)
                let saved = try await browser.post(path, form)
                #expect(saved.status == .seeOther)
                if password == nil {
                    #expect(
                        try fixture.read("barracks/first-winter.yml").contains("The first winter, saved after a flood"))
                } else {
                    #expect(saved.headers[.location] == "/")
                    #expect(try await browser.get("/status").status == .ok)
                }
            }
        }
    }

    @Test("After a wrong password the address waits (429, Retry-After, in its language)")
    func aWrongPasswordDelaysTheNextAttempt() async throws {
        // A delay no stall of a loaded machine between two requests can outlast (with 5 s, the
        // second request of a full parallel run once came after the delay).
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4)).with {
            $0.firstLoginDelay = 600
        }
        try await fixture.test { browser in
            _ = try await browser.get("/login")
            #expect(try await browser.post("/login", [("password", "guess")]).status == .unauthorized)
            let early = try await browser.post(
                "/login", [("password", "steppe winter")], headers: [.acceptLanguage: "ru"])
            #expect(early.status == .tooManyRequests)
            let seconds = try #require(early.headers[.retryAfter].flatMap(Int.init))
            #expect((1...600).contains(seconds))
            #expect(early.body.contains("Слишком много попыток. Повторите через \(seconds) с."))
        }
    }

    @Test("An attempt too soon gets the sign-in form again, with the wait and the page it leads to")
    func anAttemptTooSoonKeepsTheForm() async throws {
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4)).with {
            $0.firstLoginDelay = 600
        }
        try await fixture.test { browser in
            let asked = try await browser.get("/exhibits/kurt-story")
            #expect(asked.headers[.location] == "/login?next=%2Fexhibits%2Fkurt-story")
            _ = try await browser.get("/login?next=%2Fexhibits%2Fkurt-story")
            let next = [("next", "/exhibits/kurt-story")]
            #expect(try await browser.post("/login", [("password", "guess")] + next).status == .unauthorized)
            let early = try await browser.post(
                "/login", [("password", "steppe winter")] + next, headers: [.acceptLanguage: "kk"])
            #expect(early.status == .tooManyRequests)
            let seconds = try #require(early.headers[.retryAfter].flatMap(Int.init))
            #expect(
                early.body.contains(
                    "<h1>Кіру</h1>\n<p class=\"message error\" id=\"login-problem\" role=\"alert\">Әрекет тым көп. "
                        + "\(seconds) секундтан кейін қайталап көріңіз.</p>\n<form method=\"post\" action=\"/login\""))
            #expect(early.body.contains("<input type=\"hidden\" name=\"next\" value=\"/exhibits/kurt-story\">"))
            #expect(early.body.contains(" autofocus aria-describedby=\"login-problem\"></label>"))
        }
    }

    @Test("Behind a trusted proxy, X-Forwarded-For names the client: one person's wrong passwords delay only them")
    func aProxysClientsWaitEachForTheirOwnAttempts() async throws {
        for trusted in [true, false] {
            let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4)).with {
                $0.firstLoginDelay = 600
                $0.allowedHosts.insert("127.0.0.1")
                $0.trustedProxies = trusted ? ["127.0.0.1"] : []
            }
            let application = fixture.app.application(configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await application.test(.live) { client in
                let guesser = Browser(client: client)
                let curator = Browser(client: client)
                let guesserHeaders: HTTPFields = [EditorApp.forwardedFor: "203.0.113.7"]
                // A proxy appends the address it saw to what the client sent: the last one counts.
                let curatorHeaders: HTTPFields = [EditorApp.forwardedFor: "203.0.113.7, 198.51.100.20"]
                _ = try await guesser.get("/login", headers: guesserHeaders)
                _ = try await curator.get("/login", headers: curatorHeaders)
                let guess = try await guesser.post("/login", [("password", "guess")], headers: guesserHeaders)
                #expect(guess.status == .unauthorized)
                let again = try await guesser.post("/login", [("password", "steppe winter")], headers: guesserHeaders)
                #expect(again.status == .tooManyRequests)
                let signIn = try await curator.post("/login", [("password", "steppe winter")], headers: curatorHeaders)
                // Not trusted, the header is the client's word: both come from 127.0.0.1 and wait.
                #expect(signIn.status == (trusted ? .seeOther : .tooManyRequests))
            }
        }
    }

    @Test("The client address behind proxies: the last hop no trusted proxy added; junk is not believed")
    func clientAddresses() {
        let proxies: Set<String> = ["127.0.0.1", "10.0.0.2"]
        #expect(
            EditorApp.clientAddress(peer: "192.0.2.1", forwardedFor: ["203.0.113.7"], trustedProxies: proxies)
                == "192.0.2.1")
        #expect(EditorApp.clientAddress(peer: "127.0.0.1", forwardedFor: [], trustedProxies: proxies) == "127.0.0.1")
        #expect(
            EditorApp.clientAddress(
                peer: "127.0.0.1", forwardedFor: ["1.1.1.1, 203.0.113.7", "198.51.100.20, 10.0.0.2"],
                trustedProxies: proxies) == "198.51.100.20")
        #expect(
            EditorApp.clientAddress(peer: "127.0.0.1", forwardedFor: ["2001:DB8::1"], trustedProxies: proxies)
                == "2001:db8::1")
        // A proxy's IPv4 address as a socket listening on :: sees it, and a client's the same way.
        #expect(
            EditorApp.clientAddress(
                peer: "::ffff:10.0.0.2", forwardedFor: ["::FFFF:198.51.100.20"], trustedProxies: proxies)
                == "198.51.100.20")
        #expect(EditorCommand.Serve.trustedProxies(["::ffff:10.0.0.3"], origins: []) == ["10.0.0.3"])
        for junk in ["unknown", "", "<script>", String(repeating: "1.", count: 30), "999.1", "::::", "1.2.3.4:5678"] {
            #expect(
                EditorApp.clientAddress(peer: "127.0.0.1", forwardedFor: [junk], trustedProxies: proxies) == "127.0.0.1"
            )
        }
        #expect(EditorCommand.Serve.trustedProxies(["10.0.0.2"], origins: []) == ["10.0.0.2"])
        let origin = EditorCommand.PublicOrigin("https://captions.museum.kz")!
        #expect(
            EditorCommand.Serve.trustedProxies([], origins: [origin]) == ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
    }

    @Test("A hop a proxy wrote about its own computer names a client there, not a proxy before it")
    func aForgedHopBeforeTheProxysOwnComputerIsNotBelieved() {
        let proxies: Set<String> = ["127.0.0.1", "::1", "10.0.0.2", "2001:db8::10"]
        func client(_ peer: String, _ forwardedFor: [String]) -> String {
            EditorApp.clientAddress(peer: peer, forwardedFor: forwardedFor, trustedProxies: proxies)
        }
        // A browser on the proxy's computer: the proxy names it by a loopback address or by its
        // own, after whatever the browser wrote itself.
        #expect(client("127.0.0.1", ["203.0.113.66, 127.0.0.1"]) == "127.0.0.1")
        #expect(client("127.0.0.1", ["203.0.113.66", "::1"]) == "::1")
        #expect(client("127.0.0.1", ["203.0.113.66,::ffff:127.0.0.1"]) == "127.0.0.1")
        #expect(client("10.0.0.2", ["203.0.113.66, 10.0.0.2"]) == "10.0.0.2")
        #expect(client("10.0.0.2", ["203.0.113.66, 127.0.0.2"]) == "127.0.0.2")
        // A proxy before the proxy on this computer is still passed over, however it is written.
        #expect(client("127.0.0.1", ["203.0.113.66, 198.51.100.20, 10.0.0.2"]) == "198.51.100.20")
        #expect(client("127.0.0.1", ["198.51.100.20, 2001:DB8:0:0::10"]) == "198.51.100.20")
        // One hop, several, several header lines, spaces: the last one counts.
        #expect(client("127.0.0.1", ["198.51.100.20"]) == "198.51.100.20")
        #expect(client("127.0.0.1", ["203.0.113.66,198.51.100.20"]) == "198.51.100.20")
        #expect(client("127.0.0.1", ["203.0.113.66", "198.51.100.20"]) == "198.51.100.20")
        #expect(client("127.0.0.1", ["  203.0.113.66 ,\t198.51.100.20  "]) == "198.51.100.20")
        // IPv6 in any spelling is one address.
        #expect(client("::1", ["2001:DB8:0:0:0:0:0:7"]) == "2001:db8::7")
        #expect(client("0:0:0:0:0:0:0:1", ["2001:db8::7"]) == "2001:db8::7")
        // Garbage where the proxy's hop should be: the proxy's address, never a hop before it.
        for garbage in [
            "unknown", "[2001:db8::7]", "198.51.100.20:443", "198.51.100.20 10.0.0.9", "", "198.51.100.20\u{0}x",
        ] {
            #expect(client("127.0.0.1", ["203.0.113.66, \(garbage)"]) == "127.0.0.1", "\(garbage)")
        }
        // Not a trusted proxy: its header is not read.
        #expect(client("198.51.100.20", ["203.0.113.66"]) == "198.51.100.20")
    }

    @Test("The delay after wrong passwords doubles with each, up to 30 s, per address; signing in forgets it")
    func theDelayDoubles() {
        let gate = LoginGate()
        let start = Date()
        gate.failed("a", now: start)
        #expect(gate.delay(for: "a", now: start) == 1)
        #expect(gate.delay(for: "a", now: start.addingTimeInterval(1.01)) == nil)
        gate.failed("a", now: start.addingTimeInterval(2))
        #expect(gate.delay(for: "a", now: start.addingTimeInterval(2.5)) == 2)
        #expect(gate.delay(for: "b", now: start.addingTimeInterval(2.5)) == nil)
        for minute in 1...8 { gate.failed("a", now: start.addingTimeInterval(Double(minute) * 60)) }
        #expect(gate.delay(for: "a", now: start.addingTimeInterval(8 * 60)) == 30)
        gate.succeeded("a")
        #expect(gate.delay(for: "a", now: start.addingTimeInterval(8 * 60)) == nil)
    }

    @Test("An IPv6 client is counted by its /64, which one home gets whole; an IPv4-mapped address is its IPv4 address")
    func theDelayCountsAnIPv6ClientByItsPrefix() {
        #expect(LoginGate.key(of: "2001:DB8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64")
        #expect(LoginGate.key(of: "2001:db8::1") == "2001:db8::/64")
        #expect(LoginGate.key(of: "::ffff:192.0.2.1") == "192.0.2.1")
        #expect(LoginGate.key(of: "192.0.2.1") == "192.0.2.1")
        #expect(LoginGate.key(of: "") == "")
        let gate = LoginGate()
        let start = Date()
        // Each wrong guess from a new address of one /64 makes the next one wait longer.
        gate.failed("2001:db8:1:2::7", now: start)
        #expect(gate.delay(for: "2001:db8:1:2:ffff::9", now: start) == 1)
        gate.failed("2001:db8:1:2:ffff::9", now: start.addingTimeInterval(1.5))
        #expect(gate.delay(for: "2001:DB8:1:2:0:0:0:7", now: start.addingTimeInterval(1.5)) == 2)
        // Another /64 (a neighbour of the same provider) is not delayed.
        #expect(gate.delay(for: "2001:db8:1:3::7", now: start.addingTimeInterval(1.5)) == nil)
        // An IPv4 client seen by a socket listening on :: is the IPv4 client.
        gate.failed("::ffff:192.0.2.1", now: start)
        #expect(gate.delay(for: "192.0.2.1", now: start) == 1)
        #expect(gate.delay(for: "192.0.2.2", now: start) == nil)
        gate.succeeded("2001:db8:1:2::1")
        #expect(gate.delay(for: "2001:db8:1:2::7", now: start.addingTimeInterval(1.5)) == nil)
    }

    @Test("Behind a trusted proxy, a guesser changing addresses within one IPv6 /64 still waits")
    func aGuesserCannotEscapeTheDelayWithinItsPrefix() async throws {
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4)).with {
            $0.firstLoginDelay = 600
            $0.allowedHosts.insert("127.0.0.1")
            $0.trustedProxies = ["127.0.0.1"]
        }
        let application = fixture.app.application(configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            func attempt(from address: String, _ password: String) async throws -> HTTPResponse.Status {
                let browser = Browser(client: client)
                let headers: HTTPFields = [EditorApp.forwardedFor: address]
                _ = try await browser.get("/login", headers: headers)
                return try await browser.post("/login", [("password", password)], headers: headers).status
            }
            let guess = try await attempt(from: "2001:db8:1:2::1", "guess")
            let sameHome = try await attempt(from: "2001:db8:1:2::2", "steppe winter")
            let neighbour = try await attempt(from: "2001:db8:1:3::1", "steppe winter")
            #expect(guess == .unauthorized)
            #expect(sameHome == .tooManyRequests)
            #expect(neighbour == .seeOther)
        }
    }

    @Test("Passwords are checked one at a time off the page threads; more than four waiting are turned away")
    func passwordChecksAreBounded() async {
        let gate = LoginGate()
        let hash = Bcrypt.hash("steppe winter", cost: 10)
        let results = await withTaskGroup(of: Bool?.self) { group in
            for _ in 0..<8 { group.addTask { await gate.verify("guess", hash: hash) } }
            var results: [Bool?] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.filter { $0 == nil }.count >= 1)
        #expect(results.filter { $0 == false }.count >= LoginGate.maximumWaiting)
        #expect(await gate.verify("steppe winter", hash: hash) == true)
    }

    @Test("hash-password refuses a password shorter than 8 characters with one line")
    func shortPasswordsAreRefused() throws {
        for (input, status) in [("short\n", Int32(2)), ("short\r\n", 2), ("long enough\n", 0)] {
            let process = Process()
            process.executableURL = editorBinary
            process.arguments = ["hash-password", "--cost", "10"]
            let stdin = Pipe()
            let stdout = Pipe()
            let stderr = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            _ = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == status)
            if status == 2 {
                #expect(errors == "captions-editor: error: the password is shorter than 8 characters\n")
            }
        }
    }

    /// A password typed or saved on Windows ends with CR LF; the hash is of the password alone,
    /// as with a LF (the CR was kept in the hash, and the password never signed in).
    @Test(
        "hash-password hashes the first line without its line end",
        arguments: ["museum-pass-2026\r\n", "museum-pass-2026\n", "museum-pass-2026", "museum-pass-2026\r\nsecond\r\n"])
    func theLineEndIsNotPartOfThePassword(input: String) throws {
        let process = Process()
        process.executableURL = editorBinary
        process.arguments = ["hash-password", "--cost", "10"]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let hash = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let line = hash.trimmingCharacters(in: .newlines)
        #expect(Bcrypt.verify("museum-pass-2026", hash: line))
        #expect(!Bcrypt.verify("museum-pass-2026\r", hash: line))
    }

    /// `captions-editor ARGUMENTS` run to its end: its exit status and standard error.
    func runEditor(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = editorBinary
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, errors)
    }

    @Test("A --trusted-proxy that is not an IP address is refused with one line before anything starts")
    func aTrustedProxyMustBeAnAddress() throws {
        let (status, errors) = try runEditor(["serve", "--trusted-proxy", "nginx", "/nonexistent"])
        #expect(status == 2)
        #expect(errors == "captions-editor: error: --trusted-proxy nginx is not an IP address such as 192.168.1.10\n")
    }

    @Test("A --trusted-proxy on this computer without --origin is refused, saying --origin trusts it")
    func aTrustedProxyHereNeedsAnOrigin() throws {
        for proxy in ["127.0.0.1", "::1"] {
            let (status, errors) = try runEditor(["serve", "--trusted-proxy", proxy, "/nonexistent"])
            #expect(status == 2)
            #expect(
                errors
                    == "captions-editor: error: --trusted-proxy \(proxy): a proxy on this computer is trusted once "
                    + "--origin names the address browsers use, such as --origin https://captions.museum.kz\n")
        }
    }

    @Test("A --trusted-proxy the editor cannot be reached by (loopback only, no --origin) is refused")
    func aTrustedProxyNeedsAWayIn() throws {
        let (status, errors) = try runEditor(["serve", "--trusted-proxy", "192.168.1.10", "/nonexistent"])
        #expect(status == 2)
        #expect(
            errors
                == "captions-editor: error: --trusted-proxy 192.168.1.10: the editor listens on 127.0.0.1 only, which "
                + "no other computer can reach; give --origin for a proxy in front of it, or --host with "
                + "--password-file\n")
    }

    @Test("A second editor on a port in use says so in one line and exits with 2")
    func aPortInUseIsSaidInOneLine() throws {
        // A listening socket on a free port of 127.0.0.1, as a first editor holds it.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let (status, errors) = try runEditor(["serve", "--port", String(port), EditorFixture.bundled])
        #expect(status == 2)
        #expect(
            errors
                == "captions-editor: error: port \(port) on 127.0.0.1 is in use (is the editor already running?); "
                + "choose another with --port\n")
    }

    @Test("A folder that is no collection is said in one line with one \"error:\"")
    func noCollectionIsOneError() throws {
        let (status, errors) = try runEditor(["serve", "/nonexistent-collection"])
        #expect(status == 2)
        #expect(
            errors
                == "captions-editor: error: /nonexistent-collection: no caption collection here (expected a folder "
                + "with captions.yml or exhibit .yml files)\n")
    }

    /// The built `captions-editor` beside the test bundle.
    var editorBinary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("captions-editor")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("captions-editor")
    }

    @Test("Saves waiting for another process's lock hold up no page: the stylesheet answers at once")
    func writesWaitOffThePageThreads() async throws {
        // Saves that give up after 8 s: a stylesheet answered late on a loaded machine is still
        // answered before them (the lock is let go once it is answered).
        let fixture = try EditorFixture(lockWait: 8)
        try await fixture.test { browser in
            var saves: [(Browser, String, [(String, String)])] = []
            for id in ["first-winter", "guard-and-child", "steppe-camps"] {
                let tab = Browser(client: browser.client)
                let page = try await tab.get("/exhibits/\(id)")
                saves.append(
                    (
                        tab, id,
                        [
                            ("_digest", try #require(page.inputValue("_digest"))), ("_action", "save"),
                            ("title.en", "Held \(id)"),
                        ]
                    ))
            }
            // Another process writing: its lock, held (a lock of another open file, as flock(2) sees
            // it) until the stylesheet is answered, at most 9 s. Blocked page threads would answer
            // the stylesheet only after a save.
            let lock = HeldLock(fixture.path(".captions.lock"))
            try #require(lock.isHeld)
            DispatchQueue.global().asyncAfter(deadline: .now() + 9) { lock.release() }
            let aSaveAnswered = Flag()
            let waiting = Task {
                try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for (tab, id, form) in saves {
                        group.addTask {
                            let status = try await tab.post("/exhibits/\(id)", form).status
                            aSaveAnswered.set()
                            return status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let css = try await browser.get("/assets/editor.css")
            let answeredBeforeTheSaves = !aSaveAnswered.isSet
            lock.release()
            #expect(css.status == .ok)
            #expect(answeredBeforeTheSaves, "the stylesheet waited for the saves")
            let statuses = try await waiting.value
            #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .unprocessableContent }, "\(statuses)")
        }
    }

    @Test("Writes queued behind another program's lock each wait from when they were asked for, not in turn")
    func queuedWritesShareTheirWait() async throws {
        let fixture = try EditorFixture(lockWait: 3)
        let store = fixture.app.store
        let root = fixture.root
        // Another process writing, for longer than four waits one after another (12 s).
        let lock = HeldLock(fixture.path(".captions.lock"))
        try #require(lock.isHeld)
        // How long each write took from its request until the lock refused it, measured on the
        // write queue (not on the test's busy task threads).
        let waits = Durations()
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let requested = ContinuousClock.now
                    do {
                        try await store.write { () throws(CaptionError) in
                            defer { waits.append(ContinuousClock.now - requested) }
                            try CollectionLock.holding(in: root) {}
                        }
                        return "written"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        lock.release()
        #expect(
            outcomes
                == Array(
                    repeating: "\(root)/.captions.lock: error: cannot write: the collection is being written by "
                        + "another process; nothing was written, try again later", count: 4))
        // Each gave up 3 s after it was asked for (the first after its whole wait, the others
        // with what was left after queueing); one after another, the second would take 6 s. The
        // bound leaves 2.4 s for a loaded machine's scheduling.
        let measured = waits.all
        #expect(measured.count == 4)
        #expect(measured.allSatisfy { $0 < .seconds(5.4) }, "\(measured)")
    }

    @Test("Saves refused by another program's lock say so, and write nothing")
    func savesRefusedByTheLock() async throws {
        let fixture = try EditorFixture(lockWait: 0.5)
        try await fixture.test { browser in
            let ids = ["first-winter", "guard-and-child"]
            var saves: [(Browser, String, [(String, String)])] = []
            for id in ids {
                let tab = Browser(client: browser.client)
                let page = try await tab.get("/exhibits/\(id)")
                let digest = try #require(page.inputValue("_digest"))
                saves.append((tab, id, [("_digest", digest), ("_action", "save"), ("title.en", "Held \(id)")]))
            }
            let lock = HeldLock(fixture.path(".captions.lock"))
            try #require(lock.isHeld)
            let pages = try await withThrowingTaskGroup(of: Browser.Page.self) { group in
                for (tab, id, form) in saves {
                    group.addTask { try await tab.post("/exhibits/\(id)", form) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            lock.release()
            #expect(pages.map(\.status) == Array(repeating: .unprocessableContent, count: ids.count))
            #expect(
                pages.allSatisfy { $0.body.contains("is being written by another process") }, "\(pages.map(\.body))")
            for id in ids { #expect(!(try fixture.read(Self.exhibitFile(id))).contains("Held \(id)")) }
        }
    }

    /// The caption file of the bundled exhibit `id`, from the collection folder on.
    static func exhibitFile(_ id: String) throws -> String {
        let found = FileManager.default.enumerator(atPath: EditorFixture.bundled)?.compactMap { $0 as? String }
            .first { $0.hasSuffix("/\(id).yml") }
        return try #require(found)
    }

    @Test("The editor waits 3 s for another writer's lock unless CAPTIONS_LOCK_TIMEOUT says otherwise")
    func theEditorWaitsBriefly() {
        #expect(EditorCommand.Serve.lockWait(environment: [:]) == 3)
        #expect(EditorCommand.Serve.lockWait(environment: ["CAPTIONS_LOCK_TIMEOUT": "20"]) == 20)
    }

    @Test("A connection that sends half a request head is closed after the idle timeout (slowloris)")
    func halfARequestHeadIsClosed() async throws {
        let fixture = try EditorFixture().with { $0.idleTimeout = .seconds(1) }
        let application = fixture.app.application(configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            // On a thread of its own: the wait blocks it.
            let (closed, took) = try await offloaded { Self.sendHalfAHead(port: port) }
            #expect(closed, "the server kept the connection open")
            #expect(took < .seconds(9))  // without the timeout it stays open until the 150 s wait ends
        }
    }

    @Test("Past the connection limit a new connection is closed at once; one closing makes room again")
    func connectionsAreLimited() async throws {
        // The two idle connections must outlive the test on a loaded machine: the idle timeout
        // (30 s by default) would close them and empty the count under the test.
        let fixture = try EditorFixture().with {
            $0.maximumConnections = 3
            $0.idleTimeout = .seconds(600)
        }
        let limit = fixture.app.connections
        let application = fixture.app.application(configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            // The live test client opens a connection of its own as the test starts, when its
            // event loop gets to it: counted before the test's own, so that it cannot take the
            // place of one of them (once in 35 runs it came after the first was closed, and the
            // count never fell back to one).
            try await Self.waitUntil({ limit.count == 1 }, state: { "\(limit.count) open" })
            let first = Self.openConnection(port: port)
            let second = Self.openConnection(port: port)
            defer { close(second) }
            try await Self.waitUntil({ limit.count == 3 }, state: { "\(limit.count) open" })
            // One more (the fourth with the client's): closed by the editor without an answer, while the
            // three stay open.
            let pastTheLimit = Self.openConnection(port: port)
            defer { close(pastTheLimit) }
            // On a thread of their own: the answer's wait blocks it.
            #expect(try await offloaded { Self.answer(on: pastTheLimit, request: "GET /assets/editor.css") } == "")
            try await Self.waitUntil({ limit.count == 3 }, state: { "\(limit.count) open" })
            close(first)
            try await Self.waitUntil({ limit.count == 2 }, state: { "\(limit.count) open" })
            let afterOneClosed = Self.openConnection(port: port)
            defer { close(afterOneClosed) }
            let answer = try await offloaded { Self.answer(on: afterOneClosed, request: "GET /assets/editor.css") }
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "the answer: \(answer.debugDescription)")
        }
    }

    @Test("The editor raises its open-file limit to the hard limit (at most 65,536) for its connections")
    func openFileLimitRaised() {
        var before = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &before) == 0)
        let raised = ConnectionLimit.raiseOpenFileLimit()
        // Never lowered: a soft limit above 65,536 stays.
        #expect(raised == Int(max(before.rlim_cur, min(before.rlim_max, 65_536))))
        var after = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &after) == 0)
        #expect(Int(after.rlim_cur) == raised)
    }

    /// A TCP connection to 127.0.0.1:`port` (its descriptor; -1 when it failed), with a 150 s
    /// receive timeout (the other tests may keep the server's tasks waiting: ``waitUntil``).
    static func openConnection(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return -1
        }
        var timeout = timeval(tv_sec: 150, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    /// Sends `request` (`METHOD PATH`) on `descriptor` and returns the first bytes of the
    /// answer, up to 64 (read until there are that many: a loaded machine may deliver the head
    /// in pieces): empty when the server closed the connection without one.
    static func answer(on descriptor: Int32, request: String) -> String {
        let head = Array("\(request) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
        _ = send(descriptor, head, head.count, Int32(MSG_NOSIGNAL))
        var buffer = [UInt8](repeating: 0, count: 64)
        var received = 0
        while received < buffer.count {
            let count = buffer.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress! + received, $0.count - received, 0)
            }
            guard count > 0 else { break }
            received += count
        }
        return String(decoding: buffer[..<received], as: UTF8.self)
    }

    /// Waits (up to 150 s) until `condition` holds; `state` describes what was seen when it did
    /// not. The server's connections are handled by tasks of the shared cooperative pool, which
    /// the suite's other tests can keep busy for over a minute on 2 cores (a CLI test waiting for
    /// its process): 30 s once saw a closed connection still counted.
    static func waitUntil(
        _ condition: () -> Bool, state: () -> String = { "" }, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(150)
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(condition(), "\(state())", sourceLocation: sourceLocation)
    }

    /// Sends half a request head to 127.0.0.1:`port` and waits (up to 150 s) for the server to
    /// close the connection; whether it did, and after how long.
    static func sendHalfAHead(port: Int) -> (closed: Bool, took: Duration) {
        let descriptor = openConnection(port: port)
        guard descriptor >= 0 else { return (false, .zero) }
        defer { close(descriptor) }
        let head = Array("GET / HTTP/1.1\r\nHost: localhost\r\nX-a: ".utf8)
        _ = send(descriptor, head, head.count, 0)
        let started = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return (count == 0, ContinuousClock.now - started)
    }

    @Test("--host names are lowercased, IPv6 is bracketed, 0.0.0.0 and :: answer at this computer's addresses")
    func hostNames() {
        typealias Serve = EditorCommand.Serve
        let loopback: Set = ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"]
        #expect(Serve.allowedHosts(host: "LOCALHOST", port: 8080) == loopback)
        #expect(Serve.allowedHosts(host: "MUSEUM-PC", port: 8080) == ["museum-pc:8080"])
        #expect(Serve.allowedHosts(host: "2001:DB8::5", port: 8080) == ["[2001:db8::5]:8080"])
        let machine = { ["192.0.2.2", "[2001:db8::5]", "museum-pc", "museum-pc.local"] }
        for wildcard in ["0.0.0.0", "::"] {
            #expect(
                Serve.allowedHosts(host: wildcard, port: 8080, machine: machine)
                    == loopback.union([
                        "192.0.2.2:8080", "[2001:db8::5]:8080", "museum-pc:8080", "museum-pc.local:8080",
                    ]))
        }
        // This computer's own addresses: at least its loopback one, and its host name.
        let names = Serve.machineNames()
        #expect(names.contains("127.0.0.1"))
        #expect(names.contains { $0.hasSuffix(".local") })
    }

    @Test("--origin: the proxy's name is a Host (with or without its port), its origin an Origin")
    func proxyOrigins() async throws {
        typealias Origin = EditorCommand.PublicOrigin
        #expect(Origin("https://Captions.Museum.KZ/") == Origin("https://captions.museum.kz"))
        #expect(Origin("https://captions.museum.kz")?.origin == "https://captions.museum.kz")
        #expect(Origin("https://captions.museum.kz:443")?.origin == "https://captions.museum.kz")
        let withPort = Origin("https://captions.museum.kz:8443")
        #expect(withPort?.origin == "https://captions.museum.kz:8443")
        #expect(Set(withPort?.hosts ?? []) == ["captions.museum.kz", "captions.museum.kz:8443"])
        for bad in ["captions.museum.kz", "ftp://x", "https://x/editor", "https://a@x", "https://x:0", "https://"] {
            #expect(Origin(bad) == nil, "\(bad)")
        }
        let hosts = EditorCommand.Serve.allowedHosts(
            host: "127.0.0.1", port: 8080, origins: [try #require(withPort)])
        #expect(hosts.isSuperset(of: ["127.0.0.1:8080", "captions.museum.kz", "captions.museum.kz:8443"]))

        let fixture = try EditorFixture().with {
            $0.allowedHosts = ["localhost", "captions.museum.kz"]
            $0.allowedOrigins = ["https://captions.museum.kz"]
        }
        try await fixture.test { browser in
            let proxied: HTTPFields = [HTTPField.Name("Host")!: "captions.museum.kz"]
            #expect(try await browser.get("/", headers: proxied).status == .ok)
            let viaProxy = try await browser.post(
                "/language", [("lang", "kk"), ("back", "/")], origin: "https://captions.museum.kz", headers: proxied)
            #expect(viaProxy.status == .seeOther)
            let elsewhere = try await browser.post(
                "/language", [("lang", "kk"), ("back", "/")], origin: "https://evil.example", headers: proxied)
            #expect(elsewhere.status == .forbidden)
        }
    }

    @Test("HEAD is answered as GET without a body")
    func head() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            for path in ["/", "/status", "/exhibits/first-winter", "/assets/editor.css", "/login"] {
                let page = try await browser.request(.head, path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.bytes.isEmpty, "\(path)")
            }
            #expect(try await browser.request(.head, "/exhibits/nowhere").status == .notFound)
        }
    }

    @Test("Sign out ends the session; a signed-in session ends after 12 hours without a request")
    func signOut() async throws {
        let fixture = try EditorFixture(passwordHash: Bcrypt.hash("steppe winter", cost: 4))
        try await fixture.test { browser in
            _ = try await browser.get("/login")
            #expect(try await browser.post("/login", [("password", "steppe winter")]).status == .seeOther)
            let page = try await browser.get("/")
            #expect(page.body.contains("<form method=\"post\" action=\"/logout\" class=\"signout\">"))
            #expect(page.body.contains(">Sign out</button></form></nav>"))
            let refused = try await browser.post("/logout", [], csrf: false)
            #expect(refused.status == .forbidden)
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(try await browser.get("/status").status == .seeOther)
        }
        // Without a password, no sign-out.
        try await EditorFixture().test { browser in
            let page = try await browser.get("/")
            #expect(!page.body.contains("/logout"))
        }
        let store = SessionStore(openByDefault: false)
        let signedIn = store.signIn(store.session(id: nil).session.id)
        #expect(store.session(id: signedIn.id, now: Date().addingTimeInterval(11 * 3600)).session.signedIn)
        let later = store.session(id: signedIn.id, now: Date().addingTimeInterval(23.5 * 3600))
        #expect(!later.session.signedIn)
    }

    @Test("Messages named in the address are shown only for the exhibit's own texts")
    func addressMessagesNameOnlyTheExhibitsTexts() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            let spoof = "title.en - SESSION EXPIRED: re-enter the password at http://evil.example/login"
            for query in ["saved=3&accepted=", "saved=3&changed=", "review=", "approve=", "already="] {
                let page = try await browser.get("/exhibits/first-winter?\(query)\(formEncode(spoof))")
                #expect(page.status == .ok)
                // The messages (the language switch keeps the whole address, escaped, to come back to).
                let messages = page.body.components(separatedBy: "<p class=\"message").dropFirst().map {
                    $0.components(separatedBy: "</p>")[0]
                }
                #expect(!messages.contains { $0.contains("evil.example") }, "\(query)")
            }
            // A text of the exhibit that is not reviewed: no message saying it is.
            let unreviewed = try await browser.get("/exhibits/first-winter?review=title.kk")
            #expect(!unreviewed.body.contains("marked as reviewed"))
            let accepted = try await browser.get("/exhibits/first-winter?saved=1&accepted=title%20%28kk%29")
            #expect(accepted.body.contains("Accepted: Title (kk)"))
        }
    }

    @Test("Saves of different texts posted at once over one version are all merged, none a conflict")
    func racingCleanMergesAreRetried() async throws {
        let fixture = try EditorFixture()
        try await fixture.test { browser in
            // Translations only (a changed source under a changed translation is a real conflict).
            let texts = ["title.kk", "title.en", "text.kk", "text.en"]
            var forms: [(Browser, [(String, String)])] = []
            for text in texts {
                let tab = Browser(client: browser.client)
                let page = try await tab.get("/exhibits/steppe-camps")
                forms.append((tab, try EditorSaveTests.saveForm(page, [text: "Changed \(text)"])))
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (tab, form) in forms {
                    group.addTask { try await tab.post("/exhibits/steppe-camps", form).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
            let file = try fixture.read("barracks/steppe-camps.yml")
            for text in texts { #expect(file.contains("Changed \(text)")) }
        }
    }

    @Test("Accept without the page's file version is 400; with an old one 409")
    func acceptNeedsTheDigest() async throws {
        let fixture = try EditorFixture()
        let before = try fixture.read("barracks/first-winter.yml")
        try await fixture.test { browser in
            _ = try await browser.get("/exhibits/first-winter")
            let none = try await browser.post("/exhibits/first-winter/accept", [("target", "title.kk")])
            #expect(none.status == .badRequest)
            let old = try await browser.post(
                "/exhibits/first-winter/accept",
                [("target", "title.kk"), ("_digest", String(repeating: "0", count: 64))])
            #expect(old.status == .conflict)
            #expect(try fixture.read("barracks/first-winter.yml") == before)
        }
    }

    @Test("A full list of signer names forgets one name, the least recently used")
    func signerNamesForgetOne() {
        let names = SignerNames()
        for index in 0..<SessionStore.limit { names.set("N\(index)", session: "s\(index)") }
        #expect(names.name(session: "s0") == "N0")
        names.set("New", session: "new")
        #expect(names.name(session: "s0") == "N0")
        #expect(names.name(session: "s1") == nil)
        #expect(names.name(session: "s2") == "N2")
        #expect(names.name(session: "new") == "New")
    }

    @Test("Pending XLIFF uploads: at most two per session, so one client cannot push out the others'")
    func pendingUploadsPerSession() {
        let uploads = PendingUploads()
        let other = uploads.keep(Data("a".utf8), fileName: "a.xlf", session: "curator")
        let tokens = (0..<PendingUploads.total).map { _ in uploads.keep(Data("b".utf8), fileName: "b.xlf", session: "x")
        }
        #expect(uploads.take(other, session: "curator")?.fileName == "a.xlf")
        #expect(tokens.compactMap { uploads.take($0, session: "x") }.count == PendingUploads.perSession)
    }
}

/// A flag that another thread sets.
final class Flag: Sendable {
    private let state = Mutex(false)
    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}

/// Durations noted from several threads.
final class Durations: Sendable {
    private let list = Mutex<[Duration]>([])
    var all: [Duration] { list.withLock { $0 } }
    func append(_ duration: Duration) { list.withLock { $0.append(duration) } }
}

/// The collection lock as another process holds it: `flock(2)` on a descriptor of its own.
final class HeldLock: Sendable {
    private let descriptor: Mutex<Int32?>

    init(_ path: String) {
        let opened = open(path, O_RDWR | O_CREAT, 0o644)
        descriptor = Mutex(opened >= 0 && flock(opened, LOCK_EX) == 0 ? opened : nil)
    }

    var isHeld: Bool { descriptor.withLock { $0 != nil } }

    /// Lets go of the lock (once).
    func release() {
        descriptor.withLock { descriptor in
            if let held = descriptor { close(held) }
            descriptor = nil
        }
    }
}
