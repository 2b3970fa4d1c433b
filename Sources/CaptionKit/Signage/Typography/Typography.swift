/// The print-typography rules and the fixed order they run in.
///
/// Typography is applied on export only; the caption files keep what curators typed.
enum Typography {
    /// Every rule in the order it runs. The order matters: whitespace is cleaned before any
    /// rule looks at spaces, year ranges are recognised before ` - ` becomes a dash, units
    /// before other words after numbers, and no-break spaces around short words come last so
    /// they see the final dashes and quotes.
    static let rules: [any TypographyRule.Type] = unitRules.map { $0 as any TypographyRule.Type }

    /// ``rules``, as rules that can also run on scalars.
    static let unitRules: [any TypographyUnitRule.Type] = [
        UnicodeNormalizationRule.self,
        WhitespaceRule.self,
        ApostropheRule.self,
        QuotesRule.self,
        YearRangeRule.self,
        DashRule.self,
        NumeroRule.self,
        AbbreviationRule.self,
        InitialsRule.self,
        NumberUnitRule.self,
        NumberWordRule.self,
        TitleRule.self,
        ShortWordRule.self,
    ]

    /// ``unitRules`` with the languages of their descriptions, read once: a description is
    /// large (examples), and copying it for every text cost a few percent of an export.
    private static let unitRuleLanguages = unitRules.map { (rule: $0, languages: $0.description.languages) }

    /// The ``unitRules`` for text whose language has the primary subtag `primary`, in order.
    private static func unitRules(forPrimarySubtag primary: String) -> [any TypographyUnitRule.Type] {
        unitRuleLanguages.filter { $0.languages.isEmpty || $0.languages.contains(primary) }.map(\.rule)
    }

    /// ``unitRules(forPrimarySubtag:)`` of the bundled languages, worked out once rather than for
    /// every text.
    private static let commonUnitRules = Dictionary(
        uniqueKeysWithValues: ["kk", "ru", "en"].map { ($0, unitRules(forPrimarySubtag: $0)) })

    /// The rules for `language`, in order.
    static func rules(for language: String) -> [any TypographyRule.Type] {
        rules.filter { $0.description.applies(to: language) }
    }

    /// Applies every rule for `language` to `text`, in order: the text of
    /// ``typeset(_:language:)``.
    ///
    /// The result is NFC, has LF line ends, no spaces at line ends and no blank lines at the
    /// start or end; it has no final newline (writers add one per file).
    static func apply(to text: String, language: String) -> String {
        typeset(text, language: language).text
    }

    /// Applies every rule for `language` to `text`, in order, and splits the result into
    /// paragraphs.
    static func typeset(_ text: String, language: String) -> TypesetText {
        let primary = primarySubtag(of: language)
        let rules = commonUnitRules[primary] ?? unitRules(forPrimarySubtag: primary)
        var text = text
        var mayBeSimple = true
        for (index, rule) in rules.enumerated() {
            // Fast path: in text of simple scalars and line feeds every scalar is a character, so
            // the rules run on scalars, converted once, and give what they give on characters.
            // Most text is such from the start; other text may become such once normalised and
            // cleaned of CR and tabs, never through a later rule (they only insert simple scalars).
            if mayBeSimple, let (scalars, present) = TypographyTriggers.simpleScalars(of: text) {
                // A rule whose triggers the text lacks changes nothing: skipped without its own scan.
                let result = rules[index...].reduce(scalars) { result, rule in
                    if let triggers = rule.triggers, triggers.isDisjoint(with: present) { return result }
                    return rule.init().apply(toSimpleScalars: result, language: language)
                }
                return TypesetText(simpleScalars: result)
            }
            text = rule.init().apply(to: text, language: language)
            mayBeSimple = rule == UnicodeNormalizationRule.self || rule == WhitespaceRule.self
        }
        return TypesetText(text)
    }

    /// The primary subtag of a language tag: `kk` for `kk-Latn`.
    static func primarySubtag(of language: String) -> String {
        // Fast path: a tag of lowercase ASCII letters only is its own primary subtag.
        if language.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) { return language }
        return String(language.split(separator: "-").first ?? Substring(language)).lowercased()
    }

    /// The no-break space (U+00A0).
    static let noBreakSpace: Character = "\u{A0}"
}

extension TypographyUnit {
    /// The no-break space (U+00A0).
    static var noBreakSpace: Self { "\u{A0}" }
}

/// Character classes shared by the rules.
enum TypographyCharacter {
    /// Whether `unit` is absent (text edge) or any kind of space or line break.
    static func isSpaceOrEdge(_ unit: (some TypographyUnit)?) -> Bool {
        guard let unit else { return true }
        return unit.isWhitespace
    }

    /// Whether `unit` is a letter (any script).
    static func isLetter(_ unit: (some TypographyUnit)?) -> Bool {
        unit?.isLetter ?? false
    }

    /// Whether `unit` is an ASCII digit.
    static func isDigit(_ unit: (some TypographyUnit)?) -> Bool {
        unit?.isASCIIDigit ?? false
    }

    /// Punctuation after which a word or quotation starts: brackets, opening quotes, dashes.
    static func isOpener(_ unit: some TypographyUnit) -> Bool {
        switch unit {
        case "(", "[", "{", "«", "„", "“", "‘", "—", "–", "/": true
        default: false
        }
    }

    /// Whether a word or quotation may start right after `unit`.
    static func startsWord(after unit: (some TypographyUnit)?) -> Bool {
        guard let unit else { return true }
        return unit.isWhitespace || isOpener(unit)
    }
}

extension Array where Element: TypographyUnit {
    /// The first index from `start` on that is just before a `unit`, or `count` when there is
    /// none: where a match whose second unit is `unit` may start (``replacingMatches(candidate:_:)``).
    func index(before unit: Element, from start: Int) -> Int {
        let next = Element.index(of: unit, in: self, from: start + 1)
        return next < count ? next - 1 : next
    }

    /// Scans left to right; wherever `match` finds a replacement starting at an index, writes the
    /// replacement and continues after the matched range, otherwise copies the unit.
    ///
    /// - Parameters:
    ///   - candidate: Given the units and an index, the first index from it on where `match`
    ///     may find something (`count` for none): the indices before are copied without asking
    ///     `match`. It must pass over no index where `match` would find a replacement.
    ///   - match: Given the units and a start index, the replacement and the index
    ///     just after the matched units, or `nil` when nothing matches there.
    func replacingMatches(
        candidate: ([Element], Int) -> Int = { $1 }, _ match: ([Element], Int) -> (replacement: [Element], end: Int)?
    ) -> [Element] {
        var result: [Element]?  // made at the first match: most texts have none
        var copied = 0  // the units before it are in `result` (once it is made)
        var index = candidate(self, 0)
        while index < count {
            if let found = match(self, index), found.end > index {
                if result == nil {
                    result = Array()
                    result?.reserveCapacity(count)
                }
                // The units passed over since the last match, at once rather than one by one.
                result?.append(contentsOf: self[copied..<index])
                result?.append(contentsOf: found.replacement)
                index = found.end
                copied = index
            } else {
                index += 1
            }
            if index < count { index = candidate(self, index) }
        }
        result?.append(contentsOf: self[copied...])
        return result ?? self
    }
}
