import Foundation

/// Reads translators' XLIFF files on a thread of its own, ahead of the import that takes their
/// units, so that reading overlaps with loading the collection and with planning.
///
/// The import takes, file after file, exactly what ``XLIFFReader/read(path:maximumSize:eachUnit:)``
/// gives: each unit with its file's target language, then the file's document, or the error
/// that stopped the reading (after which nothing more is read). Units wait in batches, the
/// texts of a batch as UTF-8 in one buffer (their strings are made as the import takes them,
/// which also takes that work off the reading thread); once about ``bufferLimit`` bytes wait,
/// reading pauses until the import takes some, so memory stays bounded however large the files.
/// What waits adds to the collection loading meanwhile: a larger buffer lets the reading run
/// further ahead, but a large, fully translated collection imported again would then hold
/// more than 400 MB at the end of its load.
///
/// Whoever creates one calls ``cancel()`` when done with it, also after taking everything
/// (a `defer` right after creating it): the reading thread holds the object until it ends, and
/// a reader left waiting for room would wait for ever.
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

    /// Bytes (texts and the records of their units) that may wait before reading pauses.
    let bufferLimit: Int
    /// Units per batch handed over at once.
    private static let batchSize = 256

    /// What a batch holds for an item: a unit's texts are ranges of the batch's ``Batch/text``.
    private enum Entry {
        case unit(XLIFFDocument.Unit, source: Range<Int>, target: Range<Int>?, language: String)
        case item(Item)
    }

    /// Items handed over at once.
    private struct Batch {
        var entries: [Entry] = []
        /// The UTF-8 of the units' texts, one after the other.
        var text: [UInt8] = []
        /// The memory the batch takes, roughly.
        var bytes = 0

        /// The item of `entry`, its strings made.
        func item(_ entry: Entry) -> Item {
            switch entry {
            case .item(let item): return item
            case .unit(var unit, let source, let target, let language):
                text.withUnsafeBufferPointer { text in
                    unit.source = String(decoding: UnsafeBufferPointer(rebasing: text[source]), as: UTF8.self)
                    unit.target = target.map {
                        String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self)
                    }
                }
                return .unit(unit, language)
            }
        }
    }

    private let condition = NSCondition()
    /// Batches waiting (guarded by ``condition``), first at ``nextBatchIndex``.
    private var batches: [Batch] = []
    private var nextBatchIndex = 0
    private var waitingBytes = 0
    private var isCancelled = false
    private var isDone = false
    /// The batch being taken by the import (only the importing thread touches it).
    private var current = Batch()
    private var currentIndex = 0

    /// Starts reading `files` in order; `targetLanguages`, the collection's when known, let a
    /// refused file say when its target language is none of them.
    init(files: [String], maximumSize: Int, targetLanguages: [String]? = nil, bufferLimit: Int = 16 << 20) {
        self.bufferLimit = bufferLimit
        let thread = Thread { [self] in
            readAll(files, maximumSize: maximumSize, targetLanguages: targetLanguages)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next item, waiting for the reader if need be; `nil` once everything was taken.
    func next() -> Item? {
        if currentIndex == current.entries.count {
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
            current = batch
            currentIndex = 0
        }
        currentIndex += 1
        return current.item(current.entries[currentIndex - 1])
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
    private func readAll(_ files: [String], maximumSize: Int, targetLanguages: [String]?) {
        var batch = Batch()
        defer {
            condition.lock()
            isDone = true
            condition.broadcast()
            condition.unlock()
        }
        for path in files {
            // Files with fewer units than a batch never reach `hand` while being read.
            guard !wasCancelled else { return }
            do throws(CaptionError) {
                let document = try XLIFFReader.read(
                    path: path, maximumSize: maximumSize, targetLanguages: targetLanguages
                ) {
                    (read: XLIFFReader.ReadUnit) throws(CaptionError) in
                    let source = batch.text.count..<(batch.text.count + read.source.count)
                    batch.text += read.source
                    let target = read.target.map { target in
                        defer { batch.text += target }
                        return batch.text.count..<(batch.text.count + target.count)
                    }
                    batch.entries.append(
                        .unit(read.withoutText, source: source, target: target, language: read.targetLanguage))
                    if batch.entries.count >= Self.batchSize {
                        let textCapacity = batch.text.capacity
                        guard hand(&batch) else { throw Self.stopped }
                        batch.text.reserveCapacity(textCapacity)
                    }
                }
                batch.entries.append(.item(.finished(document)))
            } catch {
                if error != Self.stopped { batch.entries.append(.item(.failed(error))) }
                _ = hand(&batch)
                return
            }
        }
        _ = hand(&batch)
    }

    /// Whether ``cancel()`` was called.
    private var wasCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isCancelled
    }

    /// Thrown inside the reader to stop it once the import is cancelled; never handed over.
    private static let stopped = CaptionError.invalidInput(SourceLocation(path: ""), "reading cancelled")

    /// Hands `batch` over (leaving it empty), first waiting while too much waits; `false` once
    /// cancelled.
    private func hand(_ batch: inout Batch) -> Bool {
        // The texts' buffer, the entries and each unit id's string.
        batch.bytes = batch.text.capacity + batch.entries.count * (MemoryLayout<Entry>.stride + 48)
        condition.lock()
        defer { condition.unlock() }
        while waitingBytes > 0 && waitingBytes + batch.bytes > bufferLimit && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        if !batch.entries.isEmpty {
            batches.append(batch)
            waitingBytes += batch.bytes
            condition.broadcast()
        }
        batch = Batch()
        return true
    }
}
