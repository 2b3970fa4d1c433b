/// Compiler-style text: one `path:line:col: severity: message [check-id]` line per finding.
enum TextReporter {
    /// Every finding, one per line (notes indented below their finding), sorted by path and line.
    static func findings(_ result: CheckResult) -> String { lines(of: result.diagnostics) }

    /// `diagnostics` in their order, one line each with a line per note after it.
    static func lines(of diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += diagnostic.formatted + "\n"
            for note in diagnostic.notes {
                output += "\(note.location): note: \(note.message)\n"
            }
        }
        return output
    }

    /// The summary: completeness per language, then the counts of errors and warnings.
    ///
    /// ```
    /// kk: 40/42 translated (95.2%), 2 missing
    /// 2 errors, 1 warning in 14 exhibits
    /// ```
    ///
    /// Notes are counted after the warnings when there are any (`0 errors, 0 warnings, 3 notes`);
    /// copies of the source after the missing texts (`, 1 same as source`), as `status` counts them.
    static func summary(_ result: CheckResult) -> String {
        var output = ""
        for figures in result.summary.languages {
            output +=
                "\(figures.language): \(figures.translated)/\(figures.total) translated (\(percent(figures.percent)))"
            if figures.missing > 0 { output += ", \(figures.missing) missing" }
            if figures.copied > 0 { output += ", \(figures.copied) same as source" }
            output += "\n"
        }
        if let line = result.summary.unreadableLine { output += line + "\n" }
        let errors = result.count(.error)
        let warnings = result.count(.warning)
        let notes = result.count(.note)
        output +=
            """
            \(plural(errors, "error")), \(plural(warnings, "warning"))\(notes > 0 ? ", " + plural(notes, "note") : "") in \
            \(plural(result.summary.exhibits, "exhibit"))
            """
        output += result.silenced > 0 ? " (\(result.silenced) accepted by exceptions)\n" : "\n"
        if let note = untrackedNote(result.untracked) { output += note + "\n" }
        return output
    }

    /// `note: 37 translations in 12 exhibits have no record of their source, …; run captions
    /// accept --untracked to start tracking them`, or `nil` when every translation has one.
    static func untrackedNote(_ untracked: (translations: Int, exhibits: Int)) -> String? {
        guard untracked.translations > 0 else { return nil }
        let one = untracked.translations == 1
        return """
            note: \(plural(untracked.translations, "translation")) in \(plural(untracked.exhibits, "exhibit")) \
            \(one ? "has" : "have") no record of \(one ? "its" : "their") source, so edits to the source will not mark \
            \(one ? "it" : "them") stale; run captions accept --untracked to start tracking \(one ? "it" : "them")
            """
    }

    /// `95.2%`, always with one decimal.
    static func percent(_ value: Double) -> String {
        JSONReporter.oneDecimal(value) + "%"
    }

    /// `1 error`, `2 errors`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
