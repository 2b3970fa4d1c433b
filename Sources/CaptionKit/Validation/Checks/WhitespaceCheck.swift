/// Stray whitespace in a caption text: leading or trailing spaces, double spaces, tabs, spaces
/// before punctuation, and more than one blank line between paragraphs.
///
/// The loader has already removed the final line break of block scalars (`|`), so a block's
/// last line break is never a finding; paragraphs are separated by exactly one blank line.
/// One finding per text lists every problem; it points at the text's value.
struct WhitespaceCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "whitespace",
        name: "Whitespace",
        rationale: """
            Stray spaces print: a double space leaves a visible gap on a panel, a space before a comma or \
            full stop can push the mark to the start of the next line, a tab prints at an unpredictable \
            width and two blank lines make an uneven gap between paragraphs. The check reports spaces at the \
            start or end of the text or of a line, double spaces, tabs, spaces before , . ; : ! ? and more \
            than one blank line between paragraphs. A single no-break space (10 000) is fine.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: camp
                text:
                  kk: |
                    Лагерь 1938 жылы ашылды.

                    Онда 18 000 әйел болды...
                  ru: |
                    Лагерь открыли в 1938 году.

                    Здесь было 18 000 женщин …
                  en: "The camp opened in 1938 — “ALZHIR”."
                """)
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: camp
                text:
                  kk: ↓|
                    Лагерь 1938 жылы ашылды.


                    Онда 18 000 әйел болды.
                  ru: ↓Лагерь открыли в 1938 году , зимой.
                  en: ↓"The camp  opened in 1938. "
                """),
            CheckExample(
                """
                id: camp
                title:
                  kk: Лагерь
                  ru: ↓"Лагерь\\tАЛЖИР"
                  en: ↓" ALZHIR"
                """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard text.analysis.mayHaveWhitespaceProblem else { return nil }
            let problems = Self.problems(in: text.text)
            return problems.isEmpty ? nil : "\(text.label) has \(Self.list(problems))"
        }
    }

    /// The whitespace problems of `text`, each described once, in a fixed order. A text that
    /// ``WhitespaceScan`` passes (the analysis' `mayHaveWhitespaceProblem`, which
    /// ``check(_:analysis:in:)`` asks first) has none.
    static func problems(in text: String) -> [String] {
        var problems: [String] = []
        func add(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }
        let scalars = text.unicodeScalars
        if let first = scalars.first, WhitespaceScan.isSpace(first) { add("a space at the start") }
        if let last = scalars.last, WhitespaceScan.isSpace(last) { add("a space at the end") }
        if scalars.first == "\n" { add("a line break at the start") }
        if scalars.last == "\n" { add("a line break at the end") }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        var blankRun = 0
        for (number, line) in lines.enumerated() {
            let isBlank = line.allSatisfy(WhitespaceScan.isSpace)
            blankRun = isBlank ? blankRun + 1 : 0
            if blankRun == 2 { add("more than one blank line between paragraphs") }
            if isBlank {
                if !line.isEmpty { add("spaces on the blank line \(number + 1)") }
                continue
            }
            if number > 0, let first = line.first, WhitespaceScan.isSpace(first) {
                add("spaces at the start of line \(number + 1)")
            }
            if number < lines.count - 1, let last = line.last, WhitespaceScan.isSpace(last) {
                add("spaces at the end of line \(number + 1)")
            }
            var seenText = false
            var previous: Unicode.Scalar = "\n"
            var previousIsAfterText = false
            var iterator = line.makeIterator()
            var current = iterator.next()
            while let scalar = current {
                let next = iterator.next()
                if scalar == "\t" { add("a tab") }
                // Only spaces after the line's first word count: leading spaces are reported above.
                if WhitespaceScan.isSpace(previous), previousIsAfterText {
                    if WhitespaceScan.isSpace(scalar) { add("a double space") }
                    if WhitespaceScan.isPunctuation(scalar), !(scalar == "." && next == ".") {
                        add("a space before '\(scalar)'")
                    }
                }
                previousIsAfterText = seenText
                if !WhitespaceScan.isSpace(scalar) { seenText = true }
                previous = scalar
                current = next
            }
        }
        return problems
    }

    /// `a, b and c`.
    static func list(_ items: [String]) -> String {
        if items.count <= 1 { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
