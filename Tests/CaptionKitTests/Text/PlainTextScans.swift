@testable import CaptionKit

// The plain computations that ``TextAnalysis``'s single pass is held to (TextAnalysisTests,
// FastPathTests), kept here since production only runs the pass.

extension ScriptInventory {
    /// The scripts whose letters occur in `text` (a quick scan, no word splitting).
    init(of text: some StringProtocol) {
        var found: ScriptInventory = []
        for scalar in text.unicodeScalars {
            // Most scalars are ASCII non-letters or plain Cyrillic: decide those without the
            // general switch of `WritingScript.init`.
            let value = scalar.value
            if value < 0x41 { continue }
            if value >= 0x410 && value <= 0x44F {
                found.insert(.cyrillic)
            } else if let script = WritingScript(scalar) {
                found.insert(ScriptInventory(script))
            } else {
                continue
            }
            if found == .both { break }
        }
        self = found
    }
}

extension TextWords {
    /// Whether the word at `range` of `scalars` starts with a lowercase letter: the same answer
    /// as ``TextWord/startsLowercase``, without making a `String` of the word when its first
    /// letter is a grapheme by itself (a Latin or Cyrillic letter followed by another, or
    /// ending the word), which is almost always.
    static func startsLowercase(_ scalars: String.UnicodeScalarView, _ range: Range<String.Index>) -> Bool {
        let first = scalars[range.lowerBound]
        let second = scalars.index(after: range.lowerBound)
        if isPlainLetter(first), second == range.upperBound || isPlainLetter(scalars[second]) {
            return isLowercasePlainLetter(first)
        }
        return String(scalars[range]).first?.isLowercase ?? false
    }
}

extension WhitespaceScan {
    /// Whether `text` may have a whitespace problem: the scan fed every scalar with
    /// ``see(_:)`` (the analysis feeds most with ``seeOther(_:)``).
    static func mayHaveProblems(_ text: String) -> Bool {
        var scan = WhitespaceScan()
        for scalar in text.unicodeScalars { scan.see(scalar) }
        return scan.mayHaveProblems
    }
}

extension BracketScan {
    /// The first unbalanced bracket or quote of `text`, described, or `nil`: the scan fed every
    /// scalar (the analysis feeds only brackets and quotes).
    static func unbalanced(in text: String) -> String? {
        var scan = BracketScan()
        for scalar in text.unicodeScalars { scan.see(scalar) }
        return scan.problem
    }
}

extension RepeatedWordCheck {
    /// Whether the text between two words is only spaces, no-break spaces and at most one
    /// line break.
    static func isSpaceGap(_ gap: Substring.UnicodeScalarView) -> Bool {
        var breaks = 0
        for scalar in gap {
            if scalar == "\n" {
                breaks += 1
            } else if scalar != " " && scalar != "\u{A0}" {
                return false
            }
        }
        return !gap.isEmpty && breaks <= 1
    }
}
