/// The same word twice in a row ("the the", "в в").
///
/// Only words separated by spaces or a single line break count (`ақ-ақ` and `так, так` are
/// fine); a word with a soft hyphen (U+00AD, where a sign may break it) is the same word
/// without. Findings point at the text's value and name the words, without soft hyphens.
struct RepeatedWordCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "repeated-word",
        name: "Repeated Word",
        rationale: """
            A word typed twice (the the, в в) is the most common typo that spell checkers miss and readers \
            notice. Words are compared without regard to case and must be separated only by spaces or a line \
            break; hyphenated or comma-separated repetitions (бірте-бірте, так, так) are left alone. A soft \
            hyphen (U+00AD, where a sign may break a word) does not make another word. Words that are \
            repeated on purpose go in the allow list.
            """,
        defaultSeverity: .warning,
        options: [("allow", "words that may be repeated, e.g. [Sing, много] (compared without regard to case)")],
        nonTriggeringExamples: [
            CheckExample(
                """
                id: letters
                text:
                  kk: Хаттар бірте-бірте келді.
                  ru: Письма приходили — редко, редко.
                  en: That that day came was a miracle.
                """, config: "checks:\n  repeated-word:\n    allow: [that]\n")
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: letters
                text:
                  kk: Хаттар бірте-бірте келді.
                  ru: ↓Письма приходили в в лагерь.
                  en: ↓The letters came to the
                    the camp.
                """),
            CheckExample(
                """
                id: letters
                text:
                  ru: ↓"Письма приходили в ла\\u00ADгерь лагерь."
                """),
        ]
    )

    /// Words that may be repeated, lowercased.
    let allowed: Set<String>

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["allow"])
        allowed = Set((try options.stringList("allow") ?? []).map { $0.lowercased() })
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            // The analysis lists the neighbours that may be equal (the same length in UTF-8, only
            // spaces between them, the same letters but for case), in the text without its soft
            // hyphens when it has any; strings are made of those only.
            let words = text.analysis.repeatText ?? text.text
            var repeated: [String] = []
            for pair in text.analysis.repeatCandidates {
                let wordText = Self.word(pair.word, of: words)
                let lowered = wordText.lowercased()
                guard lowered == Self.word(pair.previous, of: words).lowercased(), !allowed.contains(lowered),
                    !repeated.contains(wordText)
                else { continue }
                repeated.append(wordText)
            }
            guard !repeated.isEmpty else { return nil }
            return "\(text.label) repeats the word \(TextWords.quotedList(repeated))"
        }
    }

    /// The word at UTF-8 offsets `range` of `text`.
    static func word(_ range: Range<Int>, of text: String) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(text.unicodeScalars[start..<utf8.index(start, offsetBy: range.count)])
    }
}
