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
///
/// A request without a cookie gets a new session; most such sessions are never used again (a
/// script, a crawler, a benchmark). They are kept apart, two generations of at most
/// `limit / 2` each, dropped a generation at a time without a search; a session whose cookie
/// comes back moves to the confirmed sessions, of which the least recently seen goes first
/// when there are `limit`. So a flood of requests without cookies never signs out a curator.
final class SessionStore: Sendable {
    /// The most sessions kept in each of the confirmed and the fresh sessions.
    static let limit = 10_000
    private struct Pools {
        var confirmed: [String: Session] = [:]
        var fresh: [String: Session] = [:]
        var previousFresh: [String: Session] = [:]
    }
    private let pools = Mutex(Pools())
    /// Whether sessions start signed in (no password configured).
    let openByDefault: Bool

    init(openByDefault: Bool) { self.openByDefault = openByDefault }

    /// The session with cookie value `id`, or a new one (whose id must then be set as the cookie).
    func session(id: String?) -> (session: Session, isNew: Bool) {
        pools.withLock { pools in
            if let id, var session = pools.confirmed[id] ?? pools.fresh[id] ?? pools.previousFresh[id] {
                session.lastSeen = Date()
                if pools.confirmed[id] == nil {
                    pools.fresh[id] = nil
                    pools.previousFresh[id] = nil
                    Self.confirm(session, in: &pools)
                } else {
                    pools.confirmed[id] = session
                }
                return (session, false)
            }
            if pools.fresh.count >= Self.limit / 2 {
                pools.previousFresh = pools.fresh
                pools.fresh = [:]
            }
            let session = Session(
                id: Self.randomToken(), csrfToken: Self.randomToken(), signedIn: openByDefault, lastSeen: Date())
            pools.fresh[session.id] = session
            return (session, true)
        }
    }

    /// Keeps `session` among the confirmed ones, dropping the least recently seen when full.
    private static func confirm(_ session: Session, in pools: inout Pools) {
        if pools.confirmed.count >= limit,
            let oldest = pools.confirmed.min(by: { $0.value.lastSeen < $1.value.lastSeen })
        {
            pools.confirmed[oldest.key] = nil
        }
        pools.confirmed[session.id] = session
    }

    /// Marks a session signed in, under a new id (so a cookie set before sign-in is worth nothing after).
    func signIn(_ id: String) -> Session? {
        pools.withLock { pools in
            guard
                var session = pools.confirmed.removeValue(forKey: id) ?? pools.fresh.removeValue(forKey: id)
                    ?? pools.previousFresh.removeValue(forKey: id)
            else { return nil }
            session.id = Self.randomToken()
            session.csrfToken = Self.randomToken()
            session.signedIn = true
            Self.confirm(session, in: &pools)
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
