/// One change to a text held as UTF-8 bytes: the bytes in ``range`` give way to ``bytes``.
///
/// An empty range inserts before its offset.
struct ByteSplice: Sendable, Equatable {
    /// The bytes replaced, as offsets in the text before the change.
    var range: Range<Int>
    /// What replaces them.
    var bytes: [UInt8]

    /// `text` with this change made.
    func applied(to text: [UInt8]) -> [UInt8] {
        var edited: [UInt8] = []
        edited.reserveCapacity(text.count - range.count + bytes.count)
        edited += text[..<range.lowerBound]
        edited += bytes
        edited += text[range.upperBound...]
        return edited
    }

    /// `text` with every change of `splices` made; they must not overlap, and are taken in
    /// text order (two insertions at one offset keep their order in `splices`).
    static func apply(_ splices: [ByteSplice], to text: [UInt8]) -> [UInt8] {
        let ordered = splices.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }.map(\.element)
        var edited: [UInt8] = []
        edited.reserveCapacity(text.count + splices.reduce(0) { $0 + $1.bytes.count - $1.range.count })
        var copied = 0
        for splice in ordered {
            edited += text[copied..<splice.range.lowerBound]
            edited += splice.bytes
            copied = splice.range.upperBound
        }
        edited += text[copied...]
        return edited
    }

    /// The number of line breaks (LF) the change adds; negative when it removes some.
    func lineBreakChange(in text: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - text[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
