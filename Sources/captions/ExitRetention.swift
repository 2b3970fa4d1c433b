/// Values the process keeps until it exits.
///
/// A loaded collection of 50,000 exhibits is hundreds of thousands of small allocations;
/// freeing them one by one when a command is done takes a tenth of a second or more on one core,
/// and the operating system reclaims the memory at exit anyway (clang's `-disable-free` does the
/// same). Commands hand their large values here instead of letting them go out of scope.
enum ExitRetention {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` alive until the process exits; returns it.
    @discardableResult
    static func keep<Value>(_ value: Value) -> Value {
        values.append(value)
        return value
    }
}
