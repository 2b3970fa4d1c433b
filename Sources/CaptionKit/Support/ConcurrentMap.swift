import Foundation

extension Array where Element: Sendable {
    /// `map` on all cores: the elements are transformed in chunks by concurrent workers and the
    /// results come back in the elements' order, so the outcome is the same as `map`'s.
    ///
    /// - Parameters:
    ///   - chunkSize: Elements per work item; large enough that scheduling costs little.
    ///   - transform: A pure function of one element (it runs on several threads at once).
    func concurrentMap<Result>(chunkSize: Int = 32, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = ResultSlots<Result>(count: count)
        let chunks = (count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (chunk * chunkSize)..<Swift.min((chunk + 1) * chunkSize, count) {
                results.set(index, transform(self[index]))
            }
        }
        return results.takeValues()
    }
}
