import ArgumentParser
import CaptionKit
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOCore

/// `captions-editor`: the curator's editor in the browser.
@main
struct EditorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "captions-editor",
        abstract: "The curator's editor: edit a caption collection in the browser.",
        discussion: """
            Starts a web server on this computer and prints the address to open. Saving changes only \
            the edited lines of a caption file; a file changed by someone else meanwhile is never \
            overwritten (the page says Conflict and shows both texts).
            """,
        version: CaptionsVersion.string,
        subcommands: [Serve.self, HashPassword.self],
        defaultSubcommand: Serve.self
    )
}

extension EditorCommand {
    /// Serves the editor.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the editor for a collection (the default command).",
            discussion: """
                Examples:
                  captions-editor    # Captions here or in a parent; http://127.0.0.1:8080/
                  captions-editor Captions --port 9000 --open
                  captions-editor --host 192.168.1.20 --password-file editor-password.txt
                  captions-editor --origin https://captions.museum.kz --password-file FILE
                """
        )

        @Argument(
            help: """
                The caption collection folder (default: the collection you are in, or Captions here or in the \
                nearest parent).
                """)
        var path: String?

        @Option(help: "The port to listen on (1-65535).")
        var port: Int = 8080

        @Option(
            help: """
                The address to listen on. Anything but this computer (127.0.0.1, localhost, ::1) needs \
                --password-file; 0.0.0.0 or :: answers at every address of this computer.
                """)
        var host: String = "127.0.0.1"

        @Option(
            help: """
                The address browsers use when a reverse proxy (HTTPS) serves the editor, e.g. \
                https://captions.museum.kz (repeatable; needs --password-file).
                """)
        var origin: [String] = []

        @Option(
            help: """
                The address of a reverse proxy on another computer whose X-Forwarded-For header names the \
                client (repeatable). With --origin, a proxy on this computer (127.0.0.1, ::1) is trusted anyway.
                """)
        var trustedProxy: [String] = []

        @Flag(help: "Open the editor in the default browser once it is running.")
        var open = false

        @Option(help: "A file holding the bcrypt hash of the password (made by `captions serve hash-password`).")
        var passwordFile: String?

        func run() async throws {
            // A save waits a moment for another writer of the collection (an import, fmt).
            CollectionWriting.reportFileSizeLimitAsError()
            ConnectionLimit.raiseOpenFileLimit()
            let lockWait = Self.lockWait(environment: ProcessInfo.processInfo.environment)
            CollectionWriting.waitForLock(
                upTo: lockWait,
                notice: { FileHandle.standardError.write(Data(("captions-editor: " + $0 + "\n").utf8)) })
            guard (1...65535).contains(port) else {
                throw fail("--port \(port) is not a port number (1-65535)")
            }
            let host = host.lowercased()
            let loopback = Self.loopbackNames.contains(host)
            var origins: [PublicOrigin] = []
            for url in origin {
                guard let parsed = PublicOrigin(url) else {
                    throw fail("--origin \(url) is not an address such as https://captions.museum.kz")
                }
                origins.append(parsed)
            }
            for address in trustedProxy where !EditorApp.isIPAddress(address) {
                throw fail("--trusted-proxy \(address) is not an IP address such as 192.168.1.10")
            }
            if let proxy = trustedProxy.first, loopback, origins.isEmpty {
                // Listening on this computer alone, without a proxy in front: no other computer's
                // proxy can connect, so the setting would do nothing; one on this computer is
                // trusted once --origin names it.
                let onThisComputer = EditorApp.isLoopbackAddress(proxy)
                throw fail(
                    onThisComputer
                        ? "--trusted-proxy \(proxy): a proxy on this computer is trusted once --origin names the address "
                            + "browsers use, such as --origin https://captions.museum.kz"
                        : "--trusted-proxy \(proxy): the editor listens on \(host) only, which no other computer can "
                            + "reach; give --origin for a proxy in front of it, or --host with --password-file")
            }
            var passwordHash: String?
            if let passwordFile {
                guard let data = FileManager.default.contents(atPath: passwordFile) else {
                    throw fail("\(passwordFile): cannot read the password file")
                }
                let hash = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard hash.hasPrefix("$2"), hash.count == 60 else {
                    throw fail(
                        "\(passwordFile): not a bcrypt hash; make one with: "
                            + "captions serve hash-password > \(passwordFile)"
                    )
                }
                passwordHash = hash
            }
            if (!loopback || !origins.isEmpty) && passwordHash == nil {
                throw fail(
                    """
                    refusing to listen on \(origins.first?.origin ?? host) without a password: anyone who can reach this computer could \
                    change the captions. Make a password file with `captions serve hash-password > FILE` (type the \
                    password, then Ctrl-D) and pass --password-file FILE
                    """)
            }
            let root: String
            if let path {
                root = path
            } else if let found = LibraryBridge.defaultPath() {
                root = found
            } else {
                throw fail(CaptionCollection.noDefaultPathMessage)
            }
            if let collection = LibraryBridge.enclosingCollection(of: root) {
                // A gallery served alone would have the default settings, no glossary and no
                // sign-off rules: edits and sign-offs would be checked against the wrong ones.
                throw fail("\(root) is a folder of the collection \(collection), not a collection: serve \(collection)")
            }
            let started = ContinuousClock.now
            let store: EditorStore
            do {
                store = try EditorStore(root: root, lockWait: lockWait)
            } catch {
                // `path: message`, after the editor's own "error:" (not a second one).
                throw fail(error.location.map { "\($0): \(error.message)" } ?? error.message)
            }
            let resources: String
            let strings: InterfaceStrings
            do {
                resources = try InterfaceStrings.resourcesFolder()
                strings = try InterfaceStrings.loadBundled()
            } catch {
                throw fail(String(describing: error))
            }
            var configured = EditorSettings(
                root: root, allowedHosts: Self.allowedHosts(host: host, port: port, origins: origins),
                passwordHash: passwordHash)
            configured.allowedOrigins = Set(origins.map(\.origin))
            configured.trustedProxies = Self.trustedProxies(trustedProxy, origins: origins)
            let settings = configured
            let editor = try EditorApp(settings: settings, store: store, strings: strings, resources: resources)
            let address = host.contains(":") ? "[\(host)]" : host
            let url = "http://\(address):\(port)/"
            let count = store.snapshot.collection.exhibits.count
            var logger = Logger(label: "captions-editor")
            logger.logLevel = .warning
            let app = editor.application(
                configuration: .init(address: .hostname(host, port: port), serverName: nil),
                onServerRunning: { _ in
                    let seconds = (ContinuousClock.now - started).components
                    let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
                    let line = String(
                        format: "captions-editor: %@ (%d exhibits) at %@ (ready in %.2f s); Ctrl-C stops it\n",
                        root, count, url, elapsed)
                    FileHandle.standardOutput.write(Data(line.utf8))
                    if open { Self.openBrowser(url) }
                    // The whole-collection check and the scans start once the first page can be served.
                    store.startBackgroundWork(scanInterval: settings.scanInterval)
                },
                logger: logger)
            do {
                try await app.runService()
            } catch let error as IOError {
                throw fail(Self.listenFailure(error, host: host, port: port))
            }
        }

        /// The one line saying why the editor cannot listen on `host`:`port` (the port is taken,
        /// reserved, or the address is not this computer's), else the system's own words.
        static func listenFailure(_ error: IOError, host: String, port: Int) -> String {
            switch error.errnoCode {
            case EADDRINUSE:
                return "port \(port) on \(host) is in use (is the editor already running?); choose another with --port"
            case EACCES:
                return "port \(port) on \(host) may not be used by this user (ports below 1024 need root); "
                    + "choose another with --port"
            case EADDRNOTAVAIL:
                return "\(host) is not an address of this computer; choose another with --host"
            default:
                return "cannot listen on port \(port) on \(host): \(String(cString: strerror(error.errnoCode)))"
            }
        }

        /// The names of this computer as `--host` values.
        static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "::1"]

        /// The addresses whose `X-Forwarded-For` is believed: `named` (in one spelling), and with
        /// `origins` (a proxy serves the editor) this computer's own, where the documented proxy runs.
        static func trustedProxies(_ named: [String], origins: [PublicOrigin]) -> Set<String> {
            var addresses = Set(named.map(EditorApp.canonical))
            if !origins.isEmpty { addresses.formUnion(["127.0.0.1", "::1", "::ffff:127.0.0.1"]) }
            return addresses
        }

        /// The `Host` values a browser sends for this address (lowercase, IPv6 in brackets):
        /// for loopback every loopback name; for `0.0.0.0` or `::` every address of this computer,
        /// the loopback names, its host name and `<hostname>.local`; and the names of `origins`.
        static func allowedHosts(
            host: String, port: Int, origins: [PublicOrigin] = [], machine: () -> [String] = machineNames
        ) -> Set<String> {
            let host = host.lowercased()
            let loopback = ["127.0.0.1", "localhost", "[::1]"]
            let names: [String]
            if loopbackNames.contains(host) {
                names = loopback
            } else if host == "0.0.0.0" || host == "::" {
                names = loopback + machine()
            } else {
                names = [host.contains(":") ? "[\(host)]" : host]
            }
            var hosts = Set(names.map { "\($0):\(port)" })
            if port == 80 { hosts.formUnion(names) }
            for origin in origins { hosts.formUnion(origin.hosts) }
            return hosts
        }

        /// This computer's addresses (IPv6 in brackets; link-local ones, which need a zone, left
        /// out), its host name and `<hostname>.local`, lowercase.
        static func machineNames() -> [String] {
            var names: [String] = []
            var list: UnsafeMutablePointer<ifaddrs>?
            if getifaddrs(&list) == 0, let first = list {
                defer { freeifaddrs(list) }
                for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
                    guard let address = entry.pointee.ifa_addr else { continue }
                    let family = Int32(address.pointee.sa_family)
                    guard family == AF_INET || family == AF_INET6 else { continue }
                    let size = family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size
                    var text = [CChar](repeating: 0, count: 1025)
                    guard
                        getnameinfo(address, socklen_t(size), &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
                    else { continue }
                    let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                        .lowercased()
                    guard !name.contains("%") else { continue }
                    names.append(family == AF_INET6 ? "[\(name)]" : name)
                }
            }
            var text = [CChar](repeating: 0, count: 256)
            if gethostname(&text, text.count - 1) == 0 {
                let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    .lowercased()
                if !name.isEmpty {
                    names.append(name)
                    if !name.hasSuffix(".local") { names.append(name + ".local") }
                }
            }
            return names
        }

        static func openBrowser(_ url: String) {
            let process = Process()
            #if os(macOS)
                process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
            #else
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["xdg-open"]
            #endif
            process.arguments = (process.arguments ?? []) + [url]
            try? process.run()
        }

        /// The seconds a write waits for another writer of the collection (an import, fmt)
        /// before the page says who holds it: `CAPTIONS_LOCK_TIMEOUT` when set, else 3 (a page
        /// waits that long, not the 10 s of the commands).
        static func lockWait(environment: [String: String]) -> Double {
            environment["CAPTIONS_LOCK_TIMEOUT"] == nil ? 3 : CollectionWriting.lockTimeout(environment: environment)
        }

        func fail(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("captions-editor: error: \(message)\n".utf8))
            return ExitCode(2)
        }
    }

    /// An address browsers reach the editor at through a reverse proxy (`--origin`).
    struct PublicOrigin: Equatable {
        /// `scheme://host[:port]`, lowercase, as a browser sends it in `Origin` (without the
        /// scheme's default port).
        var origin: String
        /// The `Host` values the proxy may pass on: the host, and host:port when a port is given.
        var hosts: [String]

        /// Reads `http(s)://host[:port]` (a trailing `/` allowed); `nil` for anything else.
        init?(_ url: String) {
            let lowered = url.lowercased()
            guard let schemeEnd = lowered.range(of: "://") else { return nil }
            let scheme = String(lowered[..<schemeEnd.lowerBound])
            var authority = String(lowered[schemeEnd.upperBound...])
            if authority.hasSuffix("/") { authority.removeLast() }
            guard scheme == "http" || scheme == "https", !authority.isEmpty,
                !authority.contains(where: { "/?#@\\ ".contains($0) || $0.isWhitespace })
            else { return nil }
            // host, or host:port; an IPv6 host in brackets.
            var host = authority
            var port: String?
            if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
                host = String(authority[..<colon])
                port = String(authority[authority.index(after: colon)...])
                guard let number = port.flatMap(Int.init), (1...65535).contains(number) else { return nil }
                if (scheme == "http" && number == 80) || (scheme == "https" && number == 443) { port = nil }
            }
            guard !host.isEmpty else { return nil }
            let hostPort = port.map { "\(host):\($0)" } ?? host
            origin = "\(scheme)://\(hostPort)"
            hosts = [host, hostPort]
        }
    }

    /// Prints the bcrypt hash of a password read from standard input.
    struct HashPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash-password",
            abstract: "Read a password (8 characters or more) from standard input and print its bcrypt hash.",
            discussion: """
                Example (type the password, then Enter and Ctrl-D):
                  captions-editor hash-password > editor-password.txt
                """
        )

        /// The shortest password accepted.
        static let minimumLength = 8

        @Option(help: "The bcrypt cost (work factor), 10-16.")
        var cost: Int = 12

        func run() throws {
            guard (10...16).contains(cost) else {
                FileHandle.standardError.write(Data("captions-editor: error: --cost must be 10-16\n".utf8))
                throw ExitCode(2)
            }
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            // The first line without its line end: a Windows file or terminal ends it with CR LF,
            // which Swift reads as one character (splitting the String at "\n" kept the CR in the
            // hash); split at the byte, then drop a CR before it. Nothing else is taken off.
            var line = input.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first ?? []
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let password = String(decoding: line, as: UTF8.self)
            guard !password.isEmpty else {
                FileHandle.standardError.write(Data("captions-editor: error: no password on standard input\n".utf8))
                throw ExitCode(2)
            }
            guard password.count >= Self.minimumLength else {
                FileHandle.standardError.write(
                    Data("captions-editor: error: the password is shorter than \(Self.minimumLength) characters\n".utf8)
                )
                throw ExitCode(2)
            }
            print(Bcrypt.hash(password, cost: UInt8(cost)))
        }
    }
}
