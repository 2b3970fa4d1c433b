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

/// Sessions kept in two generations of at most `capacity` each: when the current one is full it
/// becomes the previous one and the previous one is dropped, a generation at a time, without a
/// search. A session found again moves to the current generation.
private struct Generations {
    let capacity: Int
    var current: [String: Session] = [:]
    var previous: [String: Session] = [:]

    /// Takes the session `id` out of either generation.
    mutating func take(_ id: String) -> Session? {
        current.removeValue(forKey: id) ?? previous.removeValue(forKey: id)
    }

    mutating func insert(_ session: Session) {
        if current.count >= capacity {
            previous = current
            current = [:]
        }
        current[session.id] = session
    }
}

/// The sessions of this process, in memory (a restart signs everyone out).
///
/// Three kinds, kept apart, so that no kind of request can push out a session worth keeping:
/// - new sessions (a request without a cookie; most are never used again: a script, a crawler, a
///   web page elsewhere, whose requests carry no cookie because it is `SameSite=Strict`);
/// - sessions whose cookie came back but that are not worth keeping;
/// - kept sessions: with a password, those signed in (only signing in makes a session worth
///   keeping); without one, those whose CSRF token was used by a POST.
///
/// The first two are ``Generations`` (a flood of either only replaces its own kind); the kept
/// sessions are never dropped to make room for the others. Every request costs one or two
/// dictionary look-ups; only keeping a session into a full store searches, and it then drops
/// the least recently seen tenth at once.
final class SessionStore: Sendable {
    /// The most sessions kept of each kind (and in each generation of the first two, half).
    static let limit = 10_000
    /// How long a session signed in with the password lasts without a request.
    static let signedInLifetime: TimeInterval = 12 * 3600
    private struct Pools {
        var kept: [String: Session] = [:]
        var returning = Generations(capacity: SessionStore.limit / 2)
        var fresh = Generations(capacity: SessionStore.limit / 2)
    }
    private let pools = Mutex(Pools())
    /// Whether sessions start signed in (no password configured).
    let openByDefault: Bool

    init(openByDefault: Bool) { self.openByDefault = openByDefault }

    /// The session with cookie value `id`, or a new one (whose id must then be set as the cookie).
    /// A session signed in with the password ends after ``signedInLifetime`` without a request.
    func session(id: String?, now: Date = Date()) -> (session: Session, isNew: Bool) {
        pools.withLock { pools in
            if let id {
                if let session = pools.kept[id], !openByDefault,
                    now.timeIntervalSince(session.lastSeen) > Self.signedInLifetime
                {
                    pools.kept[id] = nil
                }
                if var session = pools.kept[id] {
                    session.lastSeen = now
                    pools.kept[id] = session
                    return (session, false)
                }
                if var session = pools.returning.take(id) ?? pools.fresh.take(id) {
                    session.lastSeen = now
                    pools.returning.insert(session)
                    return (session, false)
                }
            }
            let session = Session(
                id: Self.randomToken(), csrfToken: Self.randomToken(), signedIn: openByDefault, lastSeen: now)
            pools.fresh.insert(session)
            return (session, true)
        }
    }

    /// Keeps session `id` (without a password: its CSRF token was just used by a POST).
    func keep(_ id: String) {
        pools.withLock { pools in
            guard pools.kept[id] == nil, let session = pools.returning.take(id) ?? pools.fresh.take(id) else { return }
            Self.keep(session, in: &pools)
        }
    }

    /// Adds `session` to the kept sessions; when they are full, the least recently seen tenth goes
    /// first (a search once in `limit / 10` keeps, not at every request).
    private static func keep(_ session: Session, in pools: inout Pools) {
        if pools.kept.count >= limit {
            let oldest = pools.kept.values.sorted { $0.lastSeen < $1.lastSeen }.prefix(limit / 10)
            for session in oldest { pools.kept[session.id] = nil }
        }
        pools.kept[session.id] = session
    }

    /// Marks a session signed in, under a new id (so a cookie set before sign-in is worth nothing after).
    func signIn(_ id: String) -> Session? {
        pools.withLock { pools in
            guard var session = pools.kept.removeValue(forKey: id) ?? pools.returning.take(id) ?? pools.fresh.take(id)
            else { return nil }
            session.id = Self.randomToken()
            session.csrfToken = Self.randomToken()
            session.signedIn = true
            session.lastSeen = Date()
            Self.keep(session, in: &pools)
            return session
        }
    }

    /// Ends session `id` (signing out): its cookie is worth nothing after.
    func end(_ id: String) {
        pools.withLock { pools in
            pools.kept[id] = nil
            _ = pools.returning.take(id)
            _ = pools.fresh.take(id)
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
