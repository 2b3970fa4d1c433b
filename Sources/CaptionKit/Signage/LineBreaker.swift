/// Greedy line breaking for fixed-width sign text.
///
/// Lines break only at ordinary spaces (and tabs); a no-break space joins the words on either
/// side into one unbreakable unit. Widths are counted in grapheme clusters
/// (``GraphemeLength``). A word wider than the line is never split: it is put on a line of its
/// own and reported in ``Result/overlongWords``, so the caller can warn instead of silently
/// overflowing.
public enum LineBreaker {
    /// The wrapped lines of one input line and the words that did not fit.
    public struct Result: Sendable, Hashable {
        /// The output lines, each at most the width unless it holds one overlong word.
        public var lines: [String]
        /// Words (no-break units) longer than the width, in order.
        public var overlongWords: [String]
    }

    /// Wraps one line of text (no line breaks in it) to `width` grapheme clusters.
    ///
    /// - Parameters:
    ///   - line: The text; runs of spaces between words count as one.
    ///   - width: The line width, at least 1.
    /// - Returns: At least one line (an empty input gives one empty line).
    public static func wrap(_ line: String, width: Int) -> Result {
        // Fast path: when every scalar is simple (no tab among them), each is one character and
        // one cluster, so words split at space bytes and their lengths are scalar counts (the
        // bytes that do not continue a scalar).
        if SimpleScalars.simpleLength(line) != nil {
            let words = line.parts(separatedBy: UInt8(ascii: " "), omittingEmpty: true).lazy.map { word in
                (word, word.utf8.count(where: { $0 & 0xC0 != 0x80 }))
            }
            return wrap(words: words, width: width)
        }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).lazy.map { word in
            (word, GraphemeLength.of(String(word)))
        }
        return wrap(words: words, width: width)
    }

    /// Fast path of ``wrap(_:width:)`` for a line whose scalars are all simple
    /// (``SimpleScalars``): appends the wrapped lines, joined by line feeds, to `output` as UTF-8
    /// and the overlong words to `overlongWords`, without making a string per word or line.
    ///
    /// - Returns: `false`, with nothing appended, when a scalar of `line` is not simple (then
    ///   call ``wrap(_:width:)``).
    static func appendWrapped(
        simpleLine line: String, width: Int, to output: inout [UInt8], overlongWords: inout [String]
    ) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard isSimple(bytes) else { return false }
            let width = max(width, 1)
            var currentLength = 0
            var wordStart = -1
            var wordLength = 0
            // One past the end stands for a space, which ends the last word.
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: " ")
                if byte != UInt8(ascii: " ") {
                    if wordStart < 0 { wordStart = index }
                    if byte & 0xC0 != 0x80 { wordLength += 1 }  // a scalar starts: one cluster
                    continue
                }
                guard wordStart >= 0 else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<index])
                if wordLength > width { overlongWords.append(String(decoding: word, as: UTF8.self)) }
                if currentLength == 0 {
                    currentLength = wordLength
                } else if currentLength + 1 + wordLength <= width {
                    output.append(UInt8(ascii: " "))
                    currentLength += 1 + wordLength
                } else {
                    output.append(UInt8(ascii: "\n"))
                    currentLength = wordLength
                }
                output.append(contentsOf: word)
                wordStart = -1
                wordLength = 0
            }
            return true
        }
    }

    /// Whether every scalar of the valid UTF-8 `bytes` is simple (``SimpleScalars``).
    private static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            let value: UInt32
            switch lead {
            case 0..<0x80:
                value = lead
                index += 1
            case 0xC0..<0xE0:
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            case 0xE0..<0xF0:
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            default:
                return false  // a scalar above U+FFFF is never simple
            }
            guard SimpleScalars.isSimple(value: value) else { return false }
        }
        return true
    }

    /// Wraps words, each with its length in grapheme clusters, to `width`.
    private static func wrap(words: some Sequence<(Substring, Int)>, width: Int) -> Result {
        let width = max(width, 1)
        var result = Result(lines: [], overlongWords: [])
        var current = ""
        var currentLength = 0
        for (word, length) in words {
            if length > width { result.overlongWords.append(String(word)) }
            if currentLength == 0 {
                current = String(word)
                currentLength = length
            } else if currentLength + 1 + length <= width {
                current.append(" ")
                current.append(contentsOf: word)
                currentLength += 1 + length
            } else {
                result.lines.append(current)
                current = String(word)
                currentLength = length
            }
        }
        result.lines.append(current)
        return result
    }
}
