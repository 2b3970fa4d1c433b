import Foundation
import HummingbirdBcrypt
import Synchronization

/// Checks passwords without letting anyone slow the editor down or guess quickly.
///
/// - `Bcrypt.verify` (a deliberate fraction of a second of work) runs on a queue of its own,
///   one at a time, not on Swift's few cooperative threads that serve every page; when
///   ``maximumWaiting`` checks already wait, a sign-in is answered "try again" at once.
/// - After a wrong password, the next attempts from the same address (an IPv6 address: the same
///   /64, ``key(of:)``) are refused until a delay has passed: 1 s after the first failure,
///   doubling with each failure in a row, at most 30 s. The failures of an address are
///   forgotten 15 minutes after its last one, or when it signs in.
final class LoginGate: Sendable {
    /// The most password checks waiting or running at once.
    static let maximumWaiting = 4
    /// The longest delay after failures.
    static let maximumDelay: Double = 30
    /// How long an address's failures are remembered after its last one.
    static let memory: Double = 15 * 60
    /// The most addresses (keys) remembered.
    static let maximumAddresses = 10_000

    private struct Failures {
        var count: Int
        var last: Date
    }
    private struct State {
        var waiting = 0
        var failures: [String: Failures] = [:]
    }
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "captions-editor.password", qos: .userInitiated)
    /// The delay after the first failure (the tests shorten it).
    let firstDelay: Double

    init(firstDelay: Double = 1) { self.firstDelay = firstDelay }

    /// The key the failures of `address` are counted under: an IPv6 address's /64
    /// (`2001:db8:1:2::/64`; a provider gives a home or office a whole /64, whose owner could take
    /// a new address for each guess), an IPv4 address as itself, also mapped into IPv6
    /// (`::ffff:192.0.2.1` is `192.0.2.1`), anything else lowercased.
    static func key(of address: String) -> String {
        EditorApp.ipv6Network(address) ?? EditorApp.canonical(address)
    }

    /// The whole seconds `address` must still wait before its next attempt, or `nil`.
    func delay(for address: String, now: Date = Date()) -> Int? {
        let key = Self.key(of: address)
        return state.withLock { state in
            guard let failures = state.failures[key] else { return nil }
            // A first delay longer than the cap (the tests' 600 s, which must outlast a slow
            // machine's requests) is kept as it is.
            let delay = min(firstDelay * pow(2, Double(failures.count - 1)), max(Self.maximumDelay, firstDelay))
            let left = failures.last.addingTimeInterval(delay).timeIntervalSince(now)
            return left > 0 ? max(1, Int(left.rounded(.up))) : nil
        }
    }

    /// Records a wrong password from `address`.
    func failed(_ address: String, now: Date = Date()) {
        let key = Self.key(of: address)
        state.withLock { state in
            if state.failures[key] == nil, state.failures.count >= Self.maximumAddresses {
                state.failures = state.failures.filter { now.timeIntervalSince($0.value.last) < Self.memory }
                if state.failures.count >= Self.maximumAddresses {
                    // Still full: forget the oldest tenth.
                    let oldest = state.failures.sorted { $0.value.last < $1.value.last }.prefix(
                        Self.maximumAddresses / 10)
                    for (oldKey, _) in oldest { state.failures[oldKey] = nil }
                }
            }
            var failures = state.failures[key] ?? Failures(count: 0, last: now)
            if now.timeIntervalSince(failures.last) >= Self.memory { failures.count = 0 }
            failures.count += 1
            failures.last = now
            state.failures[key] = failures
        }
    }

    /// Forgets the failures of `address` (it signed in).
    func succeeded(_ address: String) {
        let key = Self.key(of: address)
        state.withLock { _ = $0.failures.removeValue(forKey: key) }
    }

    /// Whether `password` matches `hash`, checked on the password queue; `nil` when too many
    /// checks are waiting already.
    func verify(_ password: String, hash: String) async -> Bool? {
        let admitted = state.withLock { state in
            guard state.waiting < Self.maximumWaiting else { return false }
            state.waiting += 1
            return true
        }
        guard admitted else { return nil }
        let matches = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
        state.withLock { $0.waiting -= 1 }
        return matches
    }
}
