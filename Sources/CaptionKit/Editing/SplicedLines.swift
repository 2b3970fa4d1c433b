/// Where positions of a text move when a set of splices is made, each on lines of its own.
///
/// A position before every splice stays; one after a splice moves down by the line breaks
/// that splice added (or up by those it removed) and keeps its column. A position inside a
/// replaced range, or on the line where a splice ends (its column would move), has no
/// predicted place.
struct SplicedLines {
    /// The splices, in text order.
    private let splices: [ByteSplice]
    /// The line breaks each splice adds (negative: removes).
    private let lineBreakChanges: [Int]
    /// The text before the splices.
    private let lines: LineIndex

    /// Indexes `splices` of the text behind `lines` (splices at one offset taken in their order
    /// in `splices`); `nil` when two of them overlap or share a line, unless the first inserts
    /// whole lines before the second's.
    init?(_ splices: [ByteSplice], in lines: LineIndex) {
        let ordered = splices.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }.map(\.element)
        for (first, second) in zip(ordered, ordered.dropFirst()) {
            let lastLineOfFirst = lines.line(ofOffset: max(first.range.lowerBound, first.range.upperBound - 1))
            guard first.range.upperBound <= second.range.lowerBound,
                lastLineOfFirst < lines.line(ofOffset: second.range.lowerBound) || Self.insertsWholeLines(first, lines)
            else { return nil }
        }
        self.splices = ordered
        self.lineBreakChanges = ordered.map { $0.lineBreakChange(in: lines.bytes) }
        self.lines = lines
    }

    /// Whether `splice` puts lines in before a line start, leaving every column as it was.
    private static func insertsWholeLines(_ splice: ByteSplice, _ lines: LineIndex) -> Bool {
        splice.range.isEmpty && splice.bytes.last == UInt8(ascii: "\n")
            && lines.lineStart(ofOffset: splice.range.lowerBound) == splice.range.lowerBound
    }

    /// Where `location` (a position in the text before) is once the splices are made, or `nil`
    /// when that cannot be told without loading the result.
    func moved(_ location: SourceLocation) -> SourceLocation? {
        let offset = lines.offset(location)
        let line = lines.line(ofOffset: offset)
        guard line == location.line else { return nil }
        var movedLine = line
        for (splice, change) in zip(splices, lineBreakChanges) {
            if splice.range.upperBound <= offset {
                if lines.line(ofOffset: splice.range.upperBound) == line {
                    // Ends on this line: only a splice that ends with a whole line before it keeps the column.
                    guard splice.range.upperBound == lines.lineStart(ofOffset: offset),
                        splice.bytes.last == UInt8(ascii: "\n")
                    else { return nil }
                }
                movedLine += change
            } else if splice.range.lowerBound <= offset {
                return nil
            } else {
                break
            }
        }
        return SourceLocation(path: location.path, line: movedLine, column: location.column)
    }

    /// The offset in the text before the splices of `offset` in the text after them, or `nil`
    /// when it falls inside bytes a splice put in.
    func originalOffset(_ offset: Int) -> Int? {
        var shift = 0
        for splice in splices {
            let start = splice.range.lowerBound + shift
            if offset <= start { return offset - shift }
            if offset < start + splice.bytes.count { return nil }
            shift += splice.bytes.count - splice.range.count
        }
        return offset - shift
    }
}
