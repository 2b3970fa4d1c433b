import Foundation

/// Reads translators' XLIFF files on a thread of its own, ahead of the import that takes their
/// units, so that reading overlaps with loading the collection and with planning.
///
/// The import takes, file after file, exactly what ``XLIFFReader/read(path:maximumSize:eachUnit:)``
/// gives: each unit with its file's target language, then the file's document, or the error
/// that stopped the reading (after which nothing more is read). Units wait in batches; once
/// ``bufferLimit`` bytes of text wait, reading pauses until the import takes some, so memory
/// stays bounded however large the files.
final class XLIFFReadAhead: @unchecked Sendable {
    /// What reading gives, in order.
    enum Item {
        /// A unit and its file's target language.
        case unit(XLIFFDocument.Unit, String)
        /// A file read to its end.
        case finished(XLIFFDocument)
        /// The error that stopped the reading.
        case failed(CaptionError)
    }

    /// Bytes of unit text that may wait before reading pauses.
    let bufferLimit: Int
    /// Units per batch handed over at once.
    private static let batchSize = 256

    private let condition = NSCondition()
    /// Batches waiting (guarded by ``condition``), first at ``nextBatchIndex``.
    private var batches: [(items: [Item], bytes: Int)] = []
    private var nextBatchIndex = 0
    private var waitingBytes = 0
    private var isCancelled = false
    private var isDone = false
    /// The batch being taken by the import (only the importing thread touches it).
    private var current: [Item] = []
    private var currentIndex = 0

    /// Starts reading `files` in order.
    init(files: [String], maximumSize: Int, bufferLimit: Int = 64 << 20) {
        self.bufferLimit = bufferLimit
        let thread = Thread { [self] in readAll(files, maximumSize: maximumSize) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next item, waiting for the reader if need be; `nil` once everything was taken.
    func next() -> Item? {
        if currentIndex == current.count {
            condition.lock()
            while nextBatchIndex == batches.count && !isDone { condition.wait() }
            guard nextBatchIndex < batches.count else {
                condition.unlock()
                return nil
            }
            let batch = batches[nextBatchIndex]
            nextBatchIndex += 1
            if nextBatchIndex == batches.count {
                batches.removeAll(keepingCapacity: true)
                nextBatchIndex = 0
            }
            waitingBytes -= batch.bytes
            condition.broadcast()
            condition.unlock()
            current = batch.items
            currentIndex = 0
        }
        currentIndex += 1
        return current[currentIndex - 1]
    }

    /// Stops the reading and waits until the reader has stopped; what was not taken is dropped.
    func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        while !isDone { condition.wait() }
        batches = []
        nextBatchIndex = 0
        condition.unlock()
    }

    /// The reader thread's work.
    private func readAll(_ files: [String], maximumSize: Int) {
        var batch: [Item] = []
        var bytes = 0
        defer {
            condition.lock()
            isDone = true
            condition.broadcast()
            condition.unlock()
        }
        for path in files {
            do throws(CaptionError) {
                let document = try XLIFFReader.read(path: path, maximumSize: maximumSize) {
                    (unit, language) throws(CaptionError) in
                    batch.append(.unit(unit, language))
                    bytes += unit.id.utf8.count + unit.source.utf8.count + (unit.target?.utf8.count ?? 0) + 128
                    if batch.count >= Self.batchSize {
                        guard hand(batch, bytes: bytes) else { throw Self.stopped }
                        batch = []
                        bytes = 0
                    }
                }
                batch.append(.finished(document))
            } catch {
                if error != Self.stopped { batch.append(.failed(error)) }
                _ = hand(batch, bytes: bytes)
                return
            }
        }
        _ = hand(batch, bytes: bytes)
    }

    /// Thrown inside the reader to stop it once the import is cancelled; never handed over.
    private static let stopped = CaptionError.invalidInput(SourceLocation(path: ""), "reading cancelled")

    /// Hands `items` over, first waiting while too much waits; `false` once cancelled.
    private func hand(_ items: [Item], bytes: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waitingBytes > 0 && waitingBytes + bytes > bufferLimit && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        if !items.isEmpty {
            batches.append((items, bytes))
            waitingBytes += bytes
            condition.broadcast()
        }
        return true
    }
}
