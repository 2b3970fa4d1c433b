import Foundation

/// How many paragraphs a caption text has: the runs of non-blank lines, so paragraphs are
/// separated by one or more blank lines (lines of spaces, tabs or CR only). A line break inside
/// a paragraph does not start another; a blank text has none.
///
/// The one count that `paragraph-mismatch` and `captions import` compare.
enum ParagraphCount {
    /// The number of paragraphs of `text`.
    static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of(bytes: $0) }
    }

    /// The number of paragraphs of the UTF-8 text `bytes`: line by line, each line found with
    /// `memchr` (the line feed and the blank bytes are ASCII, never part of another scalar), and a
    /// line is blank unless a byte other than space, tab or CR is found (usually its first).
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var inParagraph = false
        var start = 0
        while start <= bytes.count {
            let end: Int
            if let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = bytes.count
            }
            var lineIsBlank = true
            var index = start
            while index < end {
                if !isBlank(base[index]) {
                    lineIsBlank = false
                    break
                }
                index += 1
            }
            if lineIsBlank {
                inParagraph = false
            } else if !inParagraph {
                count += 1
                inParagraph = true
            }
            start = end + 1
        }
        return count
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
