import Foundation
import Synchronization

/// One browser's session: its cookie and whether it has signed in. Every POST of it must carry
/// a form token made for it (`_csrf` field or `X-CSRF-Token` header, ``SessionStore/token(for:now:)``).
struct Session: Sendable {
    /// The session cookie's value.
    var id: String
    /// Whether the password was given (always true when the editor has no password).
    var signedIn: Bool
    var lastSeen: Date
}

/// The sessions of this process.
///
/// A session is its cookie, and no table holds the sessions that have not signed in: a request
/// without the cookie gets a new random id, and a cookie that comes back (64 hexadecimal digits)
/// is that session again, seen before or not. So no flood of requests can push out the session
/// of a page a curator has open. Its form token is signed instead of kept: the time it was made
/// and the HMAC-SHA-256 of the session id and that time under a random key of this process (72
/// hexadecimal digits in all), good with its own session's cookie only, for ``tokenLifetime``
/// after the page was made; a restart makes every token worthless (a new key).
///
/// With a password, the sessions signed in are kept in memory (a restart signs everyone out),
/// never dropped for the others: at most ``limit``, the least recently seen tenth dropped at
/// once when full (a search once in `limit / 10` sign-ins), and one ends after
/// ``signedInLifetime`` without a request. Every request costs one dictionary look-up (with a
/// password); a signature is made for a page that has forms.
final class SessionStore: Sendable {
    /// The most sessions signed in kept.
    static let limit = 10_000
    /// How long a session signed in with the password lasts without a request.
    static let signedInLifetime: TimeInterval = 12 * 3600
    /// How long a page's form token is good for: a page left open over a weekend still saves
    /// (with a password, while its session lasts: ``signedInLifetime``).
    static let tokenLifetime: TimeInterval = 7 * 24 * 3600
    private let signedIn = Mutex<[String: Session]>([:])
    /// The key the form tokens are signed with.
    private let key: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }()
    /// Whether sessions start signed in (no password configured).
    let openByDefault: Bool

    init(openByDefault: Bool) { self.openByDefault = openByDefault }

    /// The session with cookie value `id`, or a new one (whose id must then be set as the cookie).
    /// A session signed in with the password ends after ``signedInLifetime`` without a request.
    func session(id: String?, now: Date = Date()) -> (session: Session, isNew: Bool) {
        guard let id, Self.isSessionID(id) else {
            let id = Self.randomToken()
            return (Session(id: id, signedIn: openByDefault, lastSeen: now), true)
        }
        let isSignedIn =
            openByDefault
            || signedIn.withLock { sessions in
                guard let session = sessions[id] else { return false }
                guard now.timeIntervalSince(session.lastSeen) <= Self.signedInLifetime else {
                    sessions[id] = nil
                    return false
                }
                sessions[id]?.lastSeen = now
                return true
            }
        return (Session(id: id, signedIn: isSignedIn, lastSeen: now), false)
    }

    /// A form token of session `id`, made at `now`: the time (8 hexadecimal digits of seconds
    /// since 1970) and its signature with the session id (64 more).
    func token(for id: String, now: Date = Date()) -> String {
        token(for: id, madeAt: UInt32(clamping: Int(now.timeIntervalSince1970)))
    }

    private func token(for id: String, madeAt time: UInt32) -> String {
        let time = Self.hexDigits(UInt64(time), count: 8)
        return time + LibraryBridge.signature(of: id + " " + time, key: key)
    }

    /// Whether `token` is a form token of session `id` made at most ``tokenLifetime`` ago.
    func accepts(_ token: String, session id: String, now: Date = Date()) -> Bool {
        guard token.utf8.count == 72, let time = UInt32(token.prefix(8), radix: 16),
            now.timeIntervalSince1970 - Double(time) <= Self.tokenLifetime
        else { return false }
        return constantTimeEqual(token, self.token(for: id, madeAt: time))
    }

    /// Signs session `id` in, under a new id (so a cookie set before sign-in is worth nothing after).
    func signIn(_ id: String, now: Date = Date()) -> Session {
        let newID = Self.randomToken()
        let session = Session(id: newID, signedIn: true, lastSeen: now)
        signedIn.withLock { sessions in
            sessions[id] = nil
            if sessions.count >= Self.limit {
                // The least recently seen tenth goes (a search once in `limit / 10` sign-ins).
                let oldest = sessions.values.sorted { $0.lastSeen < $1.lastSeen }.prefix(Self.limit / 10)
                for session in oldest { sessions[session.id] = nil }
            }
            sessions[newID] = session
        }
        return session
    }

    /// Ends session `id` (signing out): its cookie is worth nothing after.
    func end(_ id: String) {
        _ = signedIn.withLock { $0.removeValue(forKey: id) }
    }

    /// Whether `text` is a session id as ``randomToken()`` makes them: 64 lowercase hexadecimal digits.
    static func isSessionID(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// 32 random bytes in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in hexDigits(generator.next(), count: 16) }.joined()
    }

    /// `value` in `count` lowercase hexadecimal digits, zeros first.
    private static func hexDigits(_ value: UInt64, count: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, count - hex.count)) + hex
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
