/// A translation much shorter or much longer than its source: likely cut short or doubled.
///
/// Lengths are grapheme clusters. Findings point at the translation's value.
struct LengthRatioCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "length-ratio",
        name: "Length Ratio",
        rationale: """
            A translation less than half or more than twice as long as its source is usually cut short (a \
            paragraph lost while copying) or doubled (pasted twice). Short sources (titles, credits under \
            min-chars characters) are skipped, because a one-word title can honestly become three words. \
            The bounds are configurable: length-ratio: { min: 0.5, max: 2, min-chars: 30 }.
            """,
        defaultSeverity: .warning,
        options: [
            ("min", "the smallest accepted translation/source length ratio (default 0.5)"),
            ("max", "the largest accepted ratio (default 2)"),
            ("min-chars", "sources shorter than this many characters are not compared (default 30)"),
        ],
        nonTriggeringExamples: [
            CheckExample(
                """
                id: door
                title:
                  kk: Есік
                  ru: Дверь
                  en: The door of the interrogation room
                text:
                  kk: Бұл тергеу бөлмесінің түпнұсқа есігі.
                  ru: Это подлинная дверь комнаты допросов.
                  en: This is the original door of the interrogation room.
                """)
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: door
                text:
                  kk: Бұл тергеу бөлмесінің түпнұсқа есігі, оны лагерь музейге сақтап қалды.
                  ru: Это подлинная дверь комнаты допросов, её сохранили для музея.
                  en: ↓This is the original door.
                """),
            CheckExample(
                """
                id: door
                text:
                  kk: Бұл тергеу бөлмесінің түпнұсқа есігі.
                  ru: Это подлинная дверь комнаты допросов.
                  en: ↓This is the original door of the interrogation room. This is the original door of the \
                interrogation room.
                """),
        ]
    )

    /// The smallest accepted ratio.
    let minimum: Double
    /// The largest accepted ratio.
    let maximum: Double
    /// The shortest source compared.
    let minimumSourceLength: Int

    init(options: CheckOptions) throws(CaptionError) {
        try options.requireOnly(["min", "max", "min-chars"])
        minimum = try options.ratio("min") ?? 0.5
        maximum = try options.ratio("max") ?? 2
        minimumSourceLength = try options.positiveInt("min-chars") ?? 30
        if minimum >= maximum, let node = options.value("max") ?? options.value("min") {
            throw .invalidConfig(node.location, "length-ratio: min (\(minimum)) must be smaller than max (\(maximum))")
        }
    }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let source = text.source else { return nil }
            let sourceLength = source.analysis.characterCount
            guard sourceLength >= minimumSourceLength else { return nil }
            let length = text.analysis.characterCount
            let ratio = Double(length) / Double(sourceLength)
            guard ratio < minimum || ratio > maximum else { return nil }
            let verdict = ratio < minimum ? "it may be cut short" : "it may be doubled"
            return
                """
                \(text.label) is \(TextReporter.plural(length, "character")), \(Self.format(ratio))× the \(sourceLength) of the \
                \(Language.displayName(source.language)) source; \(verdict)
                """
        }
    }

    /// A ratio with two decimals: `0.25`.
    static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
