/// A validation check: a small self-describing value that turns captions into findings.
///
/// Checks never throw for content problems, never read files and never print. They report
/// with their default severity; configuration and `--strict` are applied afterwards by
/// ``Validator``.
protocol CaptionCheck: Sendable {
    /// The check's id, name, rationale, default severity and examples.
    static var description: CheckDescription { get }

    /// Creates the check from its `checks:` entry in `captions.yml`.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a malformed option.
    init(options: CheckOptions) throws(CaptionError)

    /// Findings about one exhibit. Called concurrently for different exhibits.
    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic]

    /// Findings about one exhibit, given the analysis of its caption texts that ``Validator``
    /// makes once per exhibit for all checks. Called concurrently for different exhibits.
    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic]

    /// Findings that need the whole collection (e.g. duplicate ids).
    func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic]
}

extension CaptionCheck {
    /// By default a check has no collection-wide findings.
    func check(collection: CaptionCollection, in context: CheckContext) -> [Diagnostic] { [] }

    /// By default a check has no per-exhibit findings.
    func check(_ exhibit: Exhibit, in context: CheckContext) -> [Diagnostic] { [] }

    /// By default a check has no use for the analysis: ``check(_:in:)``.
    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        check(exhibit, in: context)
    }

    /// A finding of this check with its default severity.
    func finding(
        at location: SourceLocation, _ message: String, exhibit: Exhibit? = nil, field: String? = nil,
        language: String? = nil, notes: [Diagnostic.Note] = []
    ) -> Diagnostic {
        Diagnostic(
            checkID: Self.description.id, severity: Self.description.defaultSeverity, location: location,
            message: message, notes: notes, exhibitID: exhibit?.displayID, field: field, language: language)
    }
}

/// What a check may know besides the exhibit: the collection's configuration.
struct CheckContext: Sendable {
    /// The collection's configuration.
    var config: CollectionConfig {
        didSet {
            wordLimits = WordLimits(config: config)
            panels = PanelFonts(config: config)
            terminology = config.terminology
        }
    }

    /// The fields' panels with their fonts loaded (``PanelFonts``), found once for the run.
    private(set) var panels: PanelFonts

    /// The glossary compiled for matching, or `nil` when it has no terms (or no terminology
    /// check runs): then no text is scanned for terms.
    var terminology: Terminology?

    /// The word limits of each configured field by name (the first field of a name), with those
    /// inherited from panels, read once instead of for every exhibit; a malformed limit (which
    /// `check` refuses before any check runs) counts as none.
    private(set) var wordLimits: WordLimits

    /// Where `overflows-panel` keeps the texts it typesets for the signage export that runs the
    /// checks (``SignageChecks``); `nil` for `captions check`, which keeps none.
    var typesetMemo: TypesetMemo?

    /// Creates a context.
    init(config: CollectionConfig) {
        self.config = config
        self.wordLimits = WordLimits(config: config)
        self.panels = PanelFonts(config: config)
        self.terminology = config.terminology
    }
}
