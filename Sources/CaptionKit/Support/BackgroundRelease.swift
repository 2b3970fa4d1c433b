import Dispatch

/// Drops `value` on a background thread.
///
/// A loaded collection of 50,000 exhibits is hundreds of thousands of small allocations, and
/// freeing them one by one takes a tenth of a second or more on one core. An operation that
/// loads a collection for itself hands it here when done, so that its caller does not wait for
/// that (a command-line process may exit before the thread is done, and the system reclaims the
/// memory anyway); the caller's reference must be the last one.
func releaseInBackground<Value: Sendable>(_ value: Value) {
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
