/// The same word twice in a row ("the the", "в в").
///
/// Only words separated by spaces or a single line break count (`ақ-ақ` and `так, так` are
/// fine). Findings point at the text's value and name the words.
public struct RepeatedWordCheck: CaptionTextCheck {
    public static let description = CheckDescription(
        id: "repeated-word",
        name: "Repeated Word",
        rationale: """
            A word typed twice (the the, в в) is the most common typo that spell checkers miss and readers \
            notice. Words are compared without regard to case and must be separated only by spaces or a line \
            break; hyphenated or comma-separated repetitions (бірте-бірте, так, так) are left alone. Words \
            that are repeated on purpose go in the allow list.
            """,
        defaultSeverity: .warning,
        options: [("allow", "words that may be repeated, e.g. [Sing, много] (compared without regard to case)")],
        nonTriggeringExamples: [
            CheckExample("""
                id: letters
                text:
                  kk: Хаттар бірте-бірте келді.
                  ru: Письма приходили — редко, редко.
                  en: That that day came was a miracle.
                """, config: "checks:\n  repeated-word:\n    allow: [that]\n"),
        ],
        triggeringExamples: [
            CheckExample("""
                id: letters
                text:
                  kk: Хаттар бірте-бірте келді.
                  ru: ↓Письма приходили в в лагерь.
                  en: ↓The letters came to the
                    the camp.
                """),
        ]
    )

    /// Words that may be repeated, lowercased.
    let allowed: Set<String>

    public init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow"])
        allowed = Set((try options.stringList("allow") ?? []).map { $0.lowercased() })
    }

    public func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            // Walk word ranges and make strings only of neighbours that may be equal: the same
            // length in UTF-8 and only spaces between them. Most texts have no such neighbours,
            // as their analysis tells.
            guard text.analysis.mayRepeatWord else { return nil }
            let utf8 = text.text.utf8
            let scalars = text.text.unicodeScalars
            var repeated: [String] = []
            var previous: Range<String.Index>?
            for word in WordRanges(text.text) {
                defer { previous = word }
                guard let previous,
                    utf8.distance(from: word.lowerBound, to: word.upperBound)
                        == utf8.distance(from: previous.lowerBound, to: previous.upperBound),
                    Self.isSpaceGap(scalars[previous.upperBound..<word.lowerBound])
                else { continue }
                let wordText = String(scalars[word])
                let lowered = wordText.lowercased()
                guard lowered == String(scalars[previous]).lowercased(), !allowed.contains(lowered),
                    !repeated.contains(wordText)
                else { continue }
                repeated.append(wordText)
            }
            guard !repeated.isEmpty else { return nil }
            return "\(text.label) repeats the word \(TextWords.quotedList(repeated))"
        }
    }

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
