#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Caption text as the typography rules leave it, split into paragraphs once: what the layout
/// and every writer read.
///
/// The text is NFC, has LF line ends and no CR (``WhitespaceRule``), so its lines are the parts
/// between LF bytes. A paragraph is a run of non-empty lines; the empty lines between
/// paragraphs are dropped.
struct TypesetText: Sendable, Hashable {
    /// One line of a paragraph: where it is in ``utf8``.
    struct Line: Sendable, Hashable {
        /// The offsets of the line in ``TypesetText/utf8`` (never empty).
        var utf8: Range<Int>
        /// Whether the line is the first of its paragraph.
        var startsParagraph: Bool
    }

    /// The typeset text as UTF-8.
    let utf8: [UInt8]
    /// Whether every scalar of the text is simple (``CharacterCount/isSimple(_:)``) or a line
    /// feed: then each scalar is one character and one grapheme cluster, so a length is a
    /// scalar count.
    let isSimple: Bool
    /// The lines of every paragraph, in order.
    let lines: [Line]

    /// Splits `text`, which must have no CR, into paragraphs of lines.
    init(_ text: String) {
        var text = text
        let isSimple = text.withUTF8 { bytes in
            SimpleScalars.forEachScalarValue(in: bytes) { value, _ in
                CharacterCount.isSimple(value: value) || value == 0x0A
            }
        }
        self.init(utf8: Array(text.utf8), isSimple: isSimple)
    }

    /// The text of `scalars`, each simple or a line feed, split into paragraphs of lines.
    init(simpleScalars scalars: [Unicode.Scalar]) {
        // Encoded straight into the array's storage (at most four bytes a scalar), with the lines
        // found on the way.
        var lines = LineFinder()
        let utf8 = [UInt8](unsafeUninitializedCapacity: 4 * scalars.count) { buffer, count in
            // A local count and base address: through `count`'s and `buffer`'s addresses they were
            // loaded again for every byte (a byte store may alias them).
            guard let bytes = buffer.baseAddress else { return }
            var encoded = 0
            defer { count = encoded }
            for scalar in scalars {
                if scalar == "\n" { lines.lineFeed(at: encoded) }
                // A simple scalar has at most three bytes; the buffer has room for four a scalar.
                SimpleScalars.encodeUTF8(of: scalar, into: bytes, at: &encoded)
            }
        }
        self.utf8 = utf8
        isSimple = true
        self.lines = lines.end(at: utf8.count)
    }

    /// The text of the UTF-8 bytes `utf8`, split into paragraphs of lines; `isSimple` must be
    /// what ``init(_:)`` finds for it (a text ``TypesetMemo`` kept says it).
    init(utf8: [UInt8], isSimple: Bool) {
        var lines = LineFinder()
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            // memchr finds the line feeds many bytes at a time.
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                lines.lineFeed(at: offset)
                offset += 1
            }
        }
        self.utf8 = utf8
        self.isSimple = isSimple
        self.lines = lines.end(at: utf8.count)
    }

    /// Finds the lines of a text from the offsets of its line feeds, given in order.
    private struct LineFinder {
        var lines: [Line] = []
        var start = 0
        var startsParagraph = true

        mutating func lineFeed(at offset: Int) {
            if start < offset {
                lines.append(Line(utf8: start..<offset, startsParagraph: startsParagraph))
                startsParagraph = false
            } else {
                startsParagraph = true
            }
            start = offset + 1
        }

        /// The lines of the text, which is `count` bytes long.
        mutating func end(at count: Int) -> [Line] {
            if start < count { lines.append(Line(utf8: start..<count, startsParagraph: startsParagraph)) }
            return lines
        }
    }

    /// The typeset text.
    var text: String {
        String(decoding: utf8, as: UTF8.self)
    }

    /// How many paragraphs there are.
    var paragraphCount: Int {
        lines.count(where: \.startsParagraph)
    }

    /// The paragraphs, each its lines.
    var paragraphs: [[String]] {
        var paragraphs: [[String]] = []
        for line in lines {
            let string = String(decoding: utf8[line.utf8], as: UTF8.self)
            if line.startsParagraph {
                paragraphs.append([string])
            } else {
                paragraphs[paragraphs.count - 1].append(string)
            }
        }
        return paragraphs
    }

    /// Calls `body` with the UTF-8 bytes of each line and whether it starts a paragraph.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        utf8.withUnsafeBufferPointer { bytes in
            for line in lines { body(UnsafeBufferPointer(rebasing: bytes[line.utf8]), line.startsParagraph) }
        }
    }
}
