/// How many paragraphs a caption text has: the runs of non-blank lines, so paragraphs are
/// separated by one or more blank lines (lines of spaces, tabs or CR only). A line break inside
/// a paragraph does not start another; a blank text has none.
///
/// The one count that `paragraph-mismatch` and `captions import` compare.
enum ParagraphCount {
    /// The number of paragraphs of `text`.
    static func of(_ text: String) -> Int {
        var count = 0
        var inParagraph = false
        var lineIsBlank = true
        // A byte scan: the line feed and the blank bytes are ASCII, never part of another scalar.
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if lineIsBlank { inParagraph = false }
                lineIsBlank = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            default:
                if lineIsBlank, !inParagraph {
                    count += 1
                    inParagraph = true
                }
                lineIsBlank = false
            }
        }
        return count
    }
}
