/// A field's word budget from `max-words` in `captions.yml`: one number for every language, or
/// a mapping of language to number (languages left out have no budget).
struct WordBudget: Sendable, Hashable {
    /// The budget for every language, when one number is given.
    var all: Int?
    /// Budgets per language.
    var perLanguage: [String: Int]

    /// No budget.
    init() {
        all = nil
        perLanguage = [:]
    }

    /// Reads `max-words` from a field spec.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` pointing at a value that is not a whole
    ///   number greater than 0, or at a language that is not one of `languages`.
    init(field: CollectionConfig.FieldSpec, languages: [String]) throws(CaptionError) {
        try self.init(field.node?["max-words"], what: "max-words of field '\(field.name)'", languages: languages)
    }

    /// Reads a word limit written as `max-words` is (one number, or a mapping of language to
    /// number): `node` is the value, or `nil` when the key is not written; `what` names the key
    /// and its owner in errors, e.g. `max-sentence-words of panel 'object'`.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` as ``init(field:languages:)`` does.
    init(_ node: LocatedNode?, what: String, languages: [String]) throws(CaptionError) {
        self.init()
        guard let node else { return }
        if node.scalar != nil {
            all = try ConfigParser.positiveInt(node, what: what)
            return
        }
        guard let pairs = node.pairs else {
            throw .invalidConfig(
                node.location,
                "\(what) must be a number or a mapping of language to number, such as { kk: 140, en: 120 }")
        }
        for pair in pairs {
            let language = pair.key.scalar ?? ""
            guard languages.contains(language) else {
                let hint = Suggestion.didYouMean(language, in: languages)
                throw .invalidConfig(
                    pair.key.location,
                    """
                    \(what) names '\(language)', which is not a language of this collection \
                    (\(languages.joined(separator: ", ")))\(hint)
                    """
                )
            }
            guard perLanguage[language] == nil else {
                throw .invalidConfig(pair.key.location, "\(what) lists '\(language)' twice")
            }
            perLanguage[language] = try ConfigParser.positiveInt(pair.value, what: "\(what) for \(language)")
        }
    }

    /// The budget for `language`, or `nil` when it has none.
    func limit(for language: String) -> Int? { perLanguage[language] ?? all }

    /// Reads every field's and panel's word limits (`max-words`, `max-sentence-words`) so that a
    /// bad value stops the run with its position.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for the first malformed budget.
    static func validate(_ config: CollectionConfig) throws(CaptionError) {
        for field in config.fields { _ = try WordBudget(field: field, languages: config.languages) }
        try WordLimits.validate(config)
    }

    /// Whether no language has a budget.
    var isEmpty: Bool { all == nil && perLanguage.isEmpty }
}
