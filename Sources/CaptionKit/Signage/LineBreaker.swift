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
            let (outputCount, overlongCount) = (output.count, overlongWords.count)
            var fill = LineFill(width: width)
            var wordStart = 0
            var wordLength = 0  // in scalars, each one cluster
            func endWord(at end: Int) {
                guard wordLength > 0 else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
                if wordLength > fill.width { overlongWords.append(String(decoding: word, as: UTF8.self)) }
                if let separator = fill.separator(beforeWordOf: wordLength) { output.append(separator) }
                output.append(contentsOf: word)
                wordLength = 0
            }
            // One pass over the scalars: words end at spaces, and any scalar that is not simple
            // undoes what was appended.
            let isSimpleLine = SimpleScalars.forEachScalarValue(in: bytes) { value, offset in
                if value == 0x20 {
                    endWord(at: offset)
                    return true
                }
                guard SimpleScalars.isSimple(value: value) else { return false }
                if wordLength == 0 { wordStart = offset }
                wordLength += 1
                return true
            }
            guard isSimpleLine else {
                output.removeSubrange(outputCount...)
                overlongWords.removeSubrange(overlongCount...)
                return false
            }
            endWord(at: bytes.count)
            return true
        }
    }

    /// ``appendWrapped(simpleLine:width:to:overlongWords:)`` for a line given as its scalars,
    /// every one simple (``SimpleScalars``), so each is one cluster: words are the runs between
    /// spaces and are encoded to UTF-8 as they are appended.
    static func appendWrapped(
        simpleScalars line: ArraySlice<Unicode.Scalar>, width: Int, to output: inout [UInt8],
        overlongWords: inout [String]
    ) {
        // Written into a buffer of the most bytes the line can take (a separator takes a
        // space's place; a scalar is at most four bytes), then appended at once.
        let wrapped = line.withUnsafeBufferPointer { scalars in
            [UInt8](unsafeUninitializedCapacity: 4 * scalars.count) { buffer, count in
                var fill = LineFill(width: width)
                var wordStart = 0
                var wordLength = 0
                func endWord(at end: Int) {
                    guard wordLength > 0 else { return }
                    let word = UnsafeBufferPointer(rebasing: scalars[wordStart..<end])
                    if wordLength > fill.width { overlongWords.append(Unicode.Scalar.string(of: word)) }
                    if let separator = fill.separator(beforeWordOf: wordLength) {
                        buffer[count] = separator
                        count += 1
                    }
                    for scalar in word { SimpleScalars.encodeUTF8(of: scalar, into: buffer, at: &count) }
                    wordLength = 0
                }
                for (index, scalar) in scalars.enumerated() {
                    if scalar == " " {
                        endWord(at: index)
                    } else {
                        if wordLength == 0 { wordStart = index }
                        wordLength += 1
                    }
                }
                endWord(at: scalars.count)
            }
        }
        output.append(contentsOf: wrapped)
    }

    /// Greedy line filling for the byte paths, as ``wrap(words:width:)`` fills lines.
    private struct LineFill {
        /// The line width, at least 1.
        let width: Int
        /// The clusters on the current line (0 before the first word).
        var currentLength = 0

        init(width: Int) {
            self.width = max(width, 1)
        }

        /// What goes before the next word, of `length` clusters: nothing for the first word, a
        /// space when it fits on the current line, else a line feed.
        mutating func separator(beforeWordOf length: Int) -> UInt8? {
            if currentLength == 0 {
                currentLength = length
                return nil
            }
            if currentLength + 1 + length <= width {
                currentLength += 1 + length
                return UInt8(ascii: " ")
            }
            currentLength = length
            return UInt8(ascii: "\n")
        }
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
