/// The same word twice in a row ("the the", "в в").
///
/// Only words separated by spaces or a single line break count (`ақ-ақ` and `так, так` are
/// fine). Findings point at the text's value and name the words.
public struct RepeatedWordCheck: CaptionCheck {
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

    public func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, context) { text in
            let words = TextWords.words(in: text.text)
            var repeated: [String] = []
            for (previous, word) in zip(words, words.dropFirst()) {
                guard word.text.utf8.count == previous.text.utf8.count else { continue }
                let lowered = word.text.lowercased()
                guard lowered == previous.text.lowercased(), !allowed.contains(lowered), !repeated.contains(word.text)
                else { continue }
                let gap = text.text[previous.range.upperBound..<word.range.lowerBound]
                let breaks = gap.count { $0 == "\n" }
                guard !gap.isEmpty, breaks <= 1, gap.allSatisfy({ $0 == " " || $0 == "\u{A0}" || $0 == "\n" }) else {
                    continue
                }
                repeated.append(word.text)
            }
            guard !repeated.isEmpty else { return nil }
            return "\(text.label) repeats the word \(TextWords.quotedList(repeated))"
        }
    }
}
