import Foundation

/// Fixed-size storage that concurrent workers fill at distinct indices.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// The values, moved out of the slots (which are left empty): no copy of each value, and
    /// no reference counting of what the values hold. Call once, after every slot is set.
    func takeValues() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        var result: [Value] = []
        result.reserveCapacity(storage.count)
        for index in storage.indices { result.append(storage[index].take()!) }
        return result
    }
}
