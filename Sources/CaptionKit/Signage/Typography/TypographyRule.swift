/// One print-typography rule applied to caption text on signage export (never to `Captions/`).
///
/// A rule is a small `Sendable` value with a static description, in the style of
/// ``CaptionCheck``: the description's examples document the rule and are run by a
/// parameterized test. Rules must be idempotent: applying a rule to its own output changes
/// nothing, so already-typographic text passes through unchanged.
protocol TypographyRule: Sendable {
    /// The rule's id, languages, summary and examples.
    static var description: TypographyRuleDescription { get }

    /// Creates the rule.
    init()

    /// Returns `text` with the rule applied.
    ///
    /// - Parameters:
    ///   - text: Caption text in `language` (may hold several lines and paragraphs).
    ///   - language: The BCP 47 tag of the text; rules compare its primary subtag (`kk` for
    ///     `kk-Latn`).
    func apply(to text: String, language: String) -> String
}

/// A typography rule written for any ``TypographyUnit``, so that it can run on the scalars of
/// text whose scalars are all characters (``SimpleScalars``) as well as on characters.
protocol TypographyUnitRule: TypographyRule {
    /// Returns `scalars` with the rule applied; every scalar is simple or a line feed, and so is
    /// every scalar of the result.
    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar]

    /// Scalars without which the rule changes nothing (``TypographyTriggers``); `nil` for a rule
    /// that may change any text.
    static var triggers: TypographyTriggers? { get }
}

extension TypographyUnitRule {
    static var triggers: TypographyTriggers? { nil }
}

/// What a typography rule does, where, and examples that prove it.
struct TypographyRuleDescription: Sendable {
    /// A stable kebab-case id, e.g. `short-words`.
    var id: String
    /// The primary language subtags the rule applies to; empty means every language.
    var languages: [String]
    /// One or two sentences for the documentation.
    var summary: String
    /// Inputs the rule changes, with the expected output.
    var examples: [TypographyExample]
    /// Inputs the rule must leave unchanged (false positives it avoids).
    var counterexamples: [TypographyExample]

    /// Whether the rule applies to text in `language` (compared by primary subtag).
    func applies(to language: String) -> Bool {
        applies(toPrimarySubtag: Typography.primarySubtag(of: language))
    }

    /// Whether the rule applies to text whose language has the primary subtag `primary`.
    func applies(toPrimarySubtag primary: String) -> Bool {
        languages.isEmpty || languages.contains(primary)
    }
}

/// An input and the output a typography rule must produce for it.
///
/// In Swift source, write the no-break space as `\u{A0}` so it is visible.
struct TypographyExample: Sendable, Hashable, CustomStringConvertible {
    /// The language of the text.
    var language: String
    /// The text before the rule.
    var input: String
    /// The text the rule must produce (equal to ``input`` for a counterexample).
    var output: String

    /// An example that the rule changes from `input` to `output`.
    init(_ language: String, _ input: String, _ output: String) {
        self.language = language
        self.input = input
        self.output = output
    }

    /// A counterexample that the rule must leave as it is.
    init(_ language: String, unchanged text: String) {
        self.init(language, text, text)
    }

    /// The example with no-break spaces shown as `⍽`, for test names and failure messages.
    var description: String {
        "\(language): \(input.replacingOccurrences(of: "\u{A0}", with: "⍽"))"
    }
}
