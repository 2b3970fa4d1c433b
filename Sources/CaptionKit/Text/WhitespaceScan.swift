/// A quick scan for whitespace trouble, fed one scalar at a time so that ``TextAnalysis`` can
/// run it within its single pass over each text: a text it passes has none of the problems
/// the `whitespace` check reports, so the clean texts (nearly all) skip the line by
/// line analysis.
///
/// Every problem has a tab, a space or line break at either end of the text, a space after
/// a space or line break, a space before a line break or a mark, or three line breaks in a
/// row.
struct WhitespaceScan {
    /// The scalar seen last, `nil` before the first.
    private var previous: Unicode.Scalar?
    /// Line breaks in a row so far.
    private var lineBreaks = 0
    /// Whether a scalar seen so far shows a possible problem.
    private var found = false

    /// Looks at the text's next scalar.
    @inline(__always)
    mutating func see(_ scalar: Unicode.Scalar) {
        if scalar == "\t" {
            found = true
        } else if Self.isSpace(scalar) {
            // A space at the start, after a line break or after another space.
            if let previous, previous != "\n", !Self.isSpace(previous) {} else { found = true }
        } else if scalar == "\n" {
            if previous == nil { found = true }
            if let previous, Self.isSpace(previous) { found = true }
            lineBreaks += 1
            if lineBreaks == 3 { found = true }
        } else if let previous, Self.isSpace(previous), Self.isPunctuation(scalar) {
            found = true
        }
        if scalar != "\n" { lineBreaks = 0 }
        previous = scalar
    }

    /// Looks at the text's next scalar, which is neither a tab, a space, a line break nor a
    /// mark of ``isPunctuation(_:)``: ``see(_:)`` for such a scalar, which only ends a run of
    /// line breaks.
    @inline(__always)
    mutating func seeOther(_ scalar: Unicode.Scalar) {
        lineBreaks = 0
        previous = scalar
    }

    /// Whether the text seen (all of it) may have a problem.
    var mayHaveProblems: Bool {
        guard let previous else { return false }
        return found || Self.isSpace(previous) || previous == "\n"
    }

    /// Marks that take no space before them in Kazakh, Russian and English.
    /// (A switch rather than a set: it runs after every space of every text.)
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", ":", "!", "?": return true
        default: return false
        }
    }

    /// A space, no-break space, narrow no-break space or tab.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\t" || scalar == "\u{202F}"
    }
}
