/// A text written as the edits that make it from another text it mostly equals: how
/// ``TypesetMemo`` keeps a typeset text, against the text as typed (which the collection holds
/// anyway). Typography changes a text in a few places (a no-break space after a short word, a
/// dash, a quotation mark), so the edits take a fraction of the text's bytes.
///
/// The edits are a run of steps, each three unsigned LEB128 numbers and some bytes: copy that
/// many bytes of the source, skip that many bytes of the source, then insert that many bytes
/// (which follow). Decoding is exact whatever edits the encoder chose: only their size depends
/// on how well it lines the two texts up.
enum TypesetEdits {
    /// How far (bytes skipped in the source plus bytes inserted) the encoder looks for where
    /// the two texts agree again after a difference; past it, the rest of the target is inserted.
    static let window = 16
    /// How many equal bytes (or both texts' ends) make the two texts agree again.
    static let anchor = 4

    /// Appends to `edits` the steps that make `target` from `source`.
    static func encode(
        _ target: UnsafeBufferPointer<UInt8>, from source: UnsafeBufferPointer<UInt8>, into edits: inout [UInt8]
    ) {
        var sourceIndex = 0
        var targetIndex = 0
        while targetIndex < target.count {
            let copied = commonPrefixLength(
                source, from: sourceIndex, target, from: targetIndex,
                limit: min(source.count - sourceIndex, target.count - targetIndex))
            sourceIndex += copied
            targetIndex += copied
            var skipped = 0
            var inserted = 0
            if targetIndex < target.count {
                (skipped, inserted) = realignment(target, targetIndex, source, sourceIndex)
            }
            appendNumber(copied, to: &edits)
            appendNumber(skipped, to: &edits)
            appendNumber(inserted, to: &edits)
            edits.append(contentsOf: UnsafeBufferPointer(rebasing: target[targetIndex..<targetIndex + inserted]))
            sourceIndex += skipped
            targetIndex += inserted
        }
    }

    /// How many bytes from `sourceIndex` and `targetIndex` on are the same (at most `limit`),
    /// compared eight at a time.
    @inline(__always)
    private static func commonPrefixLength(
        _ source: UnsafeBufferPointer<UInt8>, from sourceIndex: Int, _ target: UnsafeBufferPointer<UInt8>,
        from targetIndex: Int, limit: Int
    ) -> Int {
        guard limit > 0, let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return 0 }
        let sourceStart = UnsafeRawPointer(sourceBase + sourceIndex)
        let targetStart = UnsafeRawPointer(targetBase + targetIndex)
        var length = 0
        while length + 8 <= limit {
            let difference =
                sourceStart.loadUnaligned(fromByteOffset: length, as: UInt64.self)
                ^ targetStart.loadUnaligned(fromByteOffset: length, as: UInt64.self)
            // In memory order the first differing byte is the lowest set byte of the little-endian value.
            if difference != 0 { return length + difference.littleEndian.trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit, source[sourceIndex + length] == target[targetIndex + length] { length += 1 }
        return length
    }

    /// The fewest source bytes to skip plus target bytes to insert after which the two texts
    /// agree again (``anchor`` equal bytes, or the same rest up to both ends), within
    /// ``window``; else the rest of both.
    private static func realignment(
        _ target: UnsafeBufferPointer<UInt8>, _ targetIndex: Int, _ source: UnsafeBufferPointer<UInt8>,
        _ sourceIndex: Int
    ) -> (skipped: Int, inserted: Int) {
        for distance in 1...window {
            for skipped in 0...distance {
                let inserted = distance - skipped
                let sourceStart = sourceIndex + skipped
                let targetStart = targetIndex + inserted
                guard sourceStart <= source.count, targetStart <= target.count else { continue }
                let sourceRest = source.count - sourceStart
                let targetRest = target.count - targetStart
                let length = min(anchor, sourceRest, targetRest)
                guard length == anchor || sourceRest == targetRest else { continue }
                var agrees = true
                for offset in 0..<length where source[sourceStart + offset] != target[targetStart + offset] {
                    agrees = false
                    break
                }
                if agrees { return (skipped, inserted) }
            }
        }
        return (source.count - sourceIndex, target.count - targetIndex)
    }

    /// The text `edits` (from `start` on) make from `source`; `count` is its length in bytes.
    static func decode(
        _ edits: UnsafeBufferPointer<UInt8>, from start: Int, source: UnsafeBufferPointer<UInt8>, count: Int
    ) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(count)
        var position = start
        var sourceIndex = 0
        while position < edits.count {
            let copied = readNumber(edits, at: &position)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: source[sourceIndex..<sourceIndex + copied]))
            sourceIndex += copied + readNumber(edits, at: &position)
            let inserted = readNumber(edits, at: &position)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: edits[position..<position + inserted]))
            position += inserted
        }
        precondition(text.count == count, "edits of another text")
        return text
    }

    /// Appends `number` (not negative) as unsigned LEB128: seven bits a byte, low bits first.
    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The unsigned LEB128 number at `position`, which moves past it.
    static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Int {
        var number: UInt = 0
        var shift: UInt = 0
        while true {
            let byte = bytes[position]
            position += 1
            number |= UInt(byte & 0x7F) << shift
            guard byte >= 0x80 else { return Int(number) }
            shift += 7
        }
    }
}
