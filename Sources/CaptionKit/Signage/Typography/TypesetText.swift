/// Caption text as the typography rules leave it, split into paragraphs once: what the layout
/// and every writer read.
///
/// The text is NFC, has LF line ends and no CR (``WhitespaceRule``), so its lines are the parts
/// between LF bytes. A paragraph is a run of non-empty lines; the empty lines between
/// paragraphs are dropped.
struct TypesetText: Sendable, Hashable {
    /// One line of a paragraph: where it is in ``text``.
    struct Line: Sendable, Hashable {
        /// The UTF-8 offsets of the line in ``TypesetText/text`` (never empty).
        var utf8: Range<Int>
        /// Whether the line is the first of its paragraph.
        var startsParagraph: Bool
    }

    /// The typeset text.
    let text: String
    /// Whether every scalar of the text is simple (``SimpleScalars``) or a line feed: then each
    /// scalar is one character and one grapheme cluster, so a length is a scalar count.
    let isSimple: Bool
    /// The lines of every paragraph, in order.
    let lines: [Line]

    /// Splits `text`, which must have no CR, into paragraphs of lines. `isSimple` must say
    /// whether every scalar is simple or a line feed; `nil` finds out.
    init(_ text: String, isSimple: Bool? = nil) {
        var text = text
        var lines: [Line] = []
        let simple = text.withUTF8 { bytes in
            var start = 0
            var startsParagraph = true
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                if start < offset {
                    lines.append(Line(utf8: start..<offset, startsParagraph: startsParagraph))
                    startsParagraph = false
                } else {
                    startsParagraph = true
                }
                start = offset + 1
            }
            if start < bytes.count { lines.append(Line(utf8: start..<bytes.count, startsParagraph: startsParagraph)) }
            return isSimple
                ?? SimpleScalars.forEachScalarValue(in: bytes) { value, _ in
                    CharacterCount.isSimple(value: value) || value == 0x0A
                }
        }
        self.text = text
        self.isSimple = simple
        self.lines = lines
    }

    /// How many paragraphs there are.
    var paragraphCount: Int {
        lines.count(where: \.startsParagraph)
    }

    /// The paragraphs, each its lines.
    var paragraphs: [[Substring]] {
        let utf8 = text.utf8
        var paragraphs: [[Substring]] = []
        for line in lines {
            let start = utf8.index(utf8.startIndex, offsetBy: line.utf8.lowerBound)
            let substring = Substring(utf8[start..<utf8.index(start, offsetBy: line.utf8.count)])
            if line.startsParagraph {
                paragraphs.append([substring])
            } else {
                paragraphs[paragraphs.count - 1].append(substring)
            }
        }
        return paragraphs
    }

    /// Calls `body` with the UTF-8 bytes of each line and whether it starts a paragraph.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            for line in lines { body(UnsafeBufferPointer(rebasing: bytes[line.utf8]), line.startsParagraph) }
        }
    }
}
