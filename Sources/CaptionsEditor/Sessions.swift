import Foundation
import Synchronization

/// One browser's session: its CSRF token and whether it has signed in.
struct Session: Sendable {
    /// The session cookie's value.
    var id: String
    /// The token every POST of this session must carry (`_csrf` field or `X-CSRF-Token` header).
    var csrfToken: String
    /// Whether the password was given (always true when the editor has no password).
    var signedIn: Bool
    var lastSeen: Date
}

/// The sessions of this process, in memory (a restart signs everyone out).
final class SessionStore: Sendable {
    /// The most sessions kept; the least recently seen goes first.
    static let limit = 10_000
    private let sessions = Mutex<[String: Session]>([:])
    /// Whether sessions start signed in (no password configured).
    let openByDefault: Bool

    init(openByDefault: Bool) { self.openByDefault = openByDefault }

    /// The session with cookie value `id`, or a new one (whose id must then be set as the cookie).
    func session(id: String?) -> (session: Session, isNew: Bool) {
        sessions.withLock { sessions in
            if let id, var session = sessions[id] {
                session.lastSeen = Date()
                sessions[id] = session
                return (session, false)
            }
            if sessions.count >= Self.limit, let oldest = sessions.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
                sessions[oldest.key] = nil
            }
            let session = Session(
                id: Self.randomToken(), csrfToken: Self.randomToken(), signedIn: openByDefault, lastSeen: Date())
            sessions[session.id] = session
            return (session, true)
        }
    }

    /// Marks a session signed in, under a new id (so a cookie set before sign-in is worth nothing after).
    func signIn(_ id: String) -> Session? {
        sessions.withLock { sessions in
            guard var session = sessions.removeValue(forKey: id) else { return nil }
            session.id = Self.randomToken()
            session.csrfToken = Self.randomToken()
            session.signedIn = true
            sessions[session.id] = session
            return session
        }
    }

    /// 32 random bytes in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// Compares two strings in time that does not depend on where they differ.
func constantTimeEqual(_ first: String, _ second: String) -> Bool {
    let a = Array(first.utf8)
    let b = Array(second.utf8)
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
}
