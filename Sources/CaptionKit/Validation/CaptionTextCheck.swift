/// A check that looks at the caption texts of each exhibit through their shared
/// ``ExhibitAnalysis``.
///
/// Such a check implements ``check(_:analysis:in:)``; called without an analysis, it makes one.
protocol CaptionTextCheck: CaptionCheck {}

extension CaptionTextCheck {
    /// Findings about one exhibit, from an analysis made for this call alone.
    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] {
        check(
            exhibit, analysis: ExhibitAnalysis(exhibit, config: context.config, terminology: context.terminology),
            in: context)
    }
}
