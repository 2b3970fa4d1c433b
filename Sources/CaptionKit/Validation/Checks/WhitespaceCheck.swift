/// Stray whitespace in a caption text: leading or trailing spaces, double spaces, tabs, spaces
/// before punctuation, and more than one blank line between paragraphs.
///
/// The loader has already removed the final line break of block scalars (`|`), so a block's
/// last line break is never a finding; paragraphs are separated by exactly one blank line.
/// One finding per text lists every problem; it points at the text's value.
public struct WhitespaceCheck: CaptionTextCheck {
    public static let description = CheckDescription(
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

    public init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    public func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard text.analysis.mayHaveWhitespaceProblem else { return nil }
            let problems = Self.problems(in: text.text)
            return problems.isEmpty ? nil : "\(text.label) has \(Self.list(problems))"
        }
    }

    /// The whitespace problems of `text`, each described once, in a fixed order.
    static func problems(in text: String) -> [String] {
        guard mayHaveProblems(text) else { return [] }
        var problems: [String] = []
        func add(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }
        let scalars = text.unicodeScalars
        if let first = scalars.first, isSpace(first) { add("a space at the start") }
        if let last = scalars.last, isSpace(last) { add("a space at the end") }
        if scalars.first == "\n" { add("a line break at the start") }
        if scalars.last == "\n" { add("a line break at the end") }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        var blankRun = 0
        for (number, line) in lines.enumerated() {
            let isBlank = line.allSatisfy(isSpace)
            blankRun = isBlank ? blankRun + 1 : 0
            if blankRun == 2 { add("more than one blank line between paragraphs") }
            if isBlank {
                if !line.isEmpty { add("spaces on the blank line \(number + 1)") }
                continue
            }
            if number > 0, let first = line.first, isSpace(first) { add("spaces at the start of line \(number + 1)") }
            if number < lines.count - 1, let last = line.last, isSpace(last) {
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
                if isSpace(previous), previousIsAfterText {
                    if isSpace(scalar) { add("a double space") }
                    if isPunctuation(scalar), !(scalar == "." && next == ".") { add("a space before '\(scalar)'") }
                }
                previousIsAfterText = seenText
                if !isSpace(scalar) { seenText = true }
                previous = scalar
                current = next
            }
        }
        return problems
    }

    /// Whether `text` may have a problem: one scan that looks only at the neighbours of spaces
    /// and line breaks, so that the clean texts (nearly all) skip the line by line analysis.
    static func mayHaveProblems(_ text: String) -> Bool {
        var scan = QuickScan()
        for scalar in text.unicodeScalars { scan.see(scalar) }
        return scan.mayHaveProblems
    }

    /// The quick scan behind ``mayHaveProblems(_:)``, fed one scalar at a time so that
    /// ``TextAnalysis`` can run it within its single pass over each text.
    ///
    /// Every problem has a tab, a space or line break at either end of the text, a space after
    /// a space or line break, a space before a line break or a mark, or three line breaks in a
    /// row.
    struct QuickScan {
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
            } else if WhitespaceCheck.isSpace(scalar) {
                // A space at the start, after a line break or after another space.
                if let previous, previous != "\n", !WhitespaceCheck.isSpace(previous) {} else { found = true }
            } else if scalar == "\n" {
                if previous == nil { found = true }
                if let previous, WhitespaceCheck.isSpace(previous) { found = true }
                lineBreaks += 1
                if lineBreaks == 3 { found = true }
            } else if let previous, WhitespaceCheck.isSpace(previous), WhitespaceCheck.isPunctuation(scalar) {
                found = true
            }
            if scalar != "\n" { lineBreaks = 0 }
            previous = scalar
        }

        /// Looks at the text's next scalar, which is neither a tab, a space, a line break nor a
        /// mark of ``WhitespaceCheck/isPunctuation(_:)``: ``see(_:)`` for such a scalar, which
        /// only ends a run of line breaks.
        @inline(__always)
        mutating func seeOther(_ scalar: Unicode.Scalar) {
            lineBreaks = 0
            previous = scalar
        }

        /// Whether the text seen (all of it) may have a problem.
        var mayHaveProblems: Bool {
            guard let previous else { return false }
            return found || WhitespaceCheck.isSpace(previous) || previous == "\n"
        }
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

    /// `a, b and c`.
    static func list(_ items: [String]) -> String {
        if items.count <= 1 { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
