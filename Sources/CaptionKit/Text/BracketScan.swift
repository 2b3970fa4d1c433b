/// The first unbalanced bracket or quote of a text, fed one scalar at a time so that
/// ``TextAnalysis`` can run it within its single pass over each text: what
/// `punctuation-mismatch` reports as unbalanced.
struct BracketScan {
    /// The brackets and quotes open so far, innermost last.
    private var open: [Unicode.Scalar] = []
    /// The straight quotes so far.
    private var straightQuotes = 0
    /// The first mismatch, once found; later scalars are ignored.
    private var mismatch: String?

    /// Looks at the text's next scalar.
    @inline(__always)
    mutating func see(_ character: Unicode.Scalar) {
        guard mismatch == nil else { return }
        switch character {
        case "(", "[", "«", "„":
            open.append(character)
        case "“":
            // „…“ (Russian, Kazakh) closes with “; English “…” opens with it.
            if open.last == "„" { open.removeLast() } else { open.append(character) }
        case ")", "]", "»", "”":
            guard let last = open.last else {
                mismatch = "a '\(character)' with no opening partner"
                return
            }
            guard Self.isOpening(last, closedBy: character) else {
                mismatch = "a '\(last)' closed by '\(character)'"
                return
            }
            open.removeLast()
        case "\"":
            straightQuotes += 1
        default:
            return
        }
    }

    /// The first unbalanced bracket or quote of the text seen (all of it), or `nil`.
    var problem: String? {
        if let mismatch { return mismatch }
        if let last = open.last { return "an unclosed '\(last)'" }
        if straightQuotes % 2 == 1 { return "an odd number of '\"' quotes" }
        return nil
    }

    /// Whether `closer` (`)`, `]`, `»` or `”`) closes `opener`: `(`, `[`, `«`, and `“` or `„`
    /// for `”`. (A switch, not a set per closing mark: it runs for every bracket of every text.)
    static func isOpening(_ opener: Unicode.Scalar, closedBy closer: Unicode.Scalar) -> Bool {
        switch closer {
        case ")": return opener == "("
        case "]": return opener == "["
        case "»": return opener == "«"
        default: return opener == "“" || opener == "„"
        }
    }
}
