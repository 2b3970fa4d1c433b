/// The word limits of each configured field: `max-words` (checked by `too-long`) and
/// `max-sentence-words` (checked by `long-sentence`), written on the field or on the panel it is
/// set on (`panel:`), which its fields inherit.
///
/// ```yaml
/// panels:
///   object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12,
///             max-words: 150, max-sentence-words: { kk: 25, ru: 25, en: 30 } }
/// fields:
///   text: { panel: object, max-words: { en: 120 } }
/// ```
///
/// Language by language, a field's own limit wins over its panel's: above, English texts may
/// have 120 words, Kazakh and Russian ones 150.
struct WordLimits: Sendable {
    /// Where a limit is written.
    enum Origin: Sendable, Hashable {
        /// On the field of this name.
        case field(String)
        /// On the panel profile of this name.
        case panel(String)
    }

    /// One field's limit of one kind, language by language.
    struct Limit: Sendable, Hashable {
        /// The limit.
        var words: Int
        /// Where it is written.
        var origin: Origin
        /// Whether it is written for this language alone (`{ kk: 25 }`) rather than for all.
        var isPerLanguage: Bool
    }

    /// One field's limit of one kind: its own budget and its panel's.
    struct Inherited: Sendable, Hashable {
        /// The field's name.
        var field: String
        /// The limit written on the field.
        var own: WordBudget
        /// The name of the field's panel, if it has one.
        var panelName: String?
        /// The limit written on the field's panel (none when it has no panel).
        var panel: WordBudget

        /// The limit for `language`, or `nil` when neither the field nor its panel sets one.
        func limit(for language: String) -> Limit? {
            if let words = own.limit(for: language) {
                return Limit(words: words, origin: .field(field), isPerLanguage: own.perLanguage[language] != nil)
            }
            if let panelName, let words = panel.limit(for: language) {
                return Limit(words: words, origin: .panel(panelName), isPerLanguage: panel.perLanguage[language] != nil)
            }
            return nil
        }

        /// Whether no language has a limit.
        var isEmpty: Bool { own.isEmpty && panel.isEmpty }
    }

    /// The keys, as written on fields and panels.
    static let maxWords = "max-words"
    /// See ``maxWords``.
    static let maxSentenceWords = "max-sentence-words"

    /// Each field's `max-words`, by field name (fields without a limit are left out).
    private(set) var words: [String: Inherited] = [:]
    /// Each field's `max-sentence-words`, by field name (fields without a limit are left out).
    private(set) var sentenceWords: [String: Inherited] = [:]

    /// The limits of `config`; a malformed one (which `check` refuses before any check runs,
    /// ``validate(_:)``) counts as none.
    init(config: CollectionConfig) {
        for field in config.fields {
            for key in [Self.maxWords, Self.maxSentenceWords] {
                guard let inherited = try? Self.inherited(key, of: field, in: config), !inherited.isEmpty else {
                    continue
                }
                if key == Self.maxWords {
                    words[field.name] = words[field.name] ?? inherited
                } else {
                    sentenceWords[field.name] = sentenceWords[field.name] ?? inherited
                }
            }
        }
    }

    /// Reads every field's and panel's limits so that a bad value stops the run with its position.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for the first malformed limit.
    static func validate(_ config: CollectionConfig) throws(CaptionError) {
        if let panels = config.sections["panels"]?.pairs {
            for pair in panels {
                guard let name = pair.key.scalar else { continue }
                for key in [maxWords, maxSentenceWords] {
                    _ = try WordBudget(pair.value[key], what: "\(key) of panel '\(name)'", languages: config.languages)
                }
            }
        }
        for field in config.fields {
            _ = try WordBudget(
                field.node?[maxSentenceWords], what: "\(maxSentenceWords) of field '\(field.name)'",
                languages: config.languages)
        }
    }

    /// The limit `key` of `field`, with its panel's.
    private static func inherited(_ key: String, of field: CollectionConfig.FieldSpec, in config: CollectionConfig)
        throws(CaptionError) -> Inherited
    {
        let own = try WordBudget(field.node?[key], what: "\(key) of field '\(field.name)'", languages: config.languages)
        guard let name = field.node?["panel"]?.scalar, let profile = config.sections["panels"]?[name] else {
            return Inherited(field: field.name, own: own, panelName: nil, panel: WordBudget())
        }
        let panel = try WordBudget(profile[key], what: "\(key) of panel '\(name)'", languages: config.languages)
        return Inherited(field: field.name, own: own, panelName: name, panel: panel)
    }
}

extension WordLimits.Limit {
    /// Says where the limit comes from and what it allows, e.g. `the panel 'object' allows 150
    /// words` or `the field 'text' allows 25 words a sentence in Russian (ru)`; `per` follows the
    /// words (` a sentence`).
    func allowance(per: String = "", language: String) -> String {
        let owner =
            switch origin {
            case .field(let name): "the field '\(name)'"
            case .panel(let name): "the panel '\(name)'"
            }
        let inLanguage = isPerLanguage ? " in \(Language.displayName(language))" : ""
        return "\(owner) allows \(TextReporter.plural(words, "word"))\(per)\(inLanguage)"
    }
}
