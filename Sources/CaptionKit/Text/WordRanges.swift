/// The ranges of the words of a text, found without copying each word into a `String`.
///
/// The same words as ``TextWords/words(in:)`` (maximal runs of letters and combining marks,
/// soft hyphens inside them included);
/// the checks that look at every word of every text iterate these ranges and make a `String`
/// only for the few words they report, since one allocation per word dominated their run time.
struct WordRanges: Sequence, IteratorProtocol {
    /// The text's scalars.
    private let scalars: String.UnicodeScalarView
    /// Where the scan goes on.
    private var index: String.Index

    /// The words of `text`.
    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    /// The range of the next word, or `nil` after the last.
    mutating func next() -> Range<String.Index>? {
        let end = scalars.endIndex
        while index < end, !TextWords.isLetter(scalars[index]) { scalars.formIndex(after: &index) }
        guard index < end else { return nil }
        let start = index
        scalars.formIndex(after: &index)
        while index < end {
            let scalar = scalars[index]
            // A soft hyphen marks where the word may break on a sign: it stays one word.
            guard TextWords.isLetter(scalar) || TextWords.isCombiningMark(scalar) || scalar.value == 0xAD else {
                break
            }
            scalars.formIndex(after: &index)
        }
        return start..<index
    }
}
