/// One accepted exception written in an exhibit file's `ignore:` list.
///
/// The list silences findings of one check in that file, for the whole file, one field, or one
/// field in one language:
///
/// ```yaml
/// ignore:
///   - untranslated: title/en          # the English title may equal the Russian one
///   - number-mismatch: text           # every language of the text field
///   - wrong-script: [title/en, text/kk]
///   - repeated-word                   # the whole file
/// ```
///
/// The flow form `ignore: [untranslated: title/en, number-mismatch: text]` is the same list.
struct IgnoreEntry: Sendable, Hashable {
    /// The check whose findings are silenced.
    var checkID: String
    /// The field, or `nil` for every field (and findings about no field).
    var field: String?
    /// The language, or `nil` for every language.
    var language: String?
    /// Where the entry is written (the check id, or the target when one id has several).
    var location: SourceLocation

    /// Creates an entry.
    init(checkID: String, field: String?, language: String?, location: SourceLocation) {
        self.checkID = checkID
        self.field = field
        self.language = language
        self.location = location
    }

    /// `untranslated: title/en`, as written in the file.
    var written: String {
        guard let field else { return checkID }
        return "\(checkID): \(field)\(language.map { "/\($0)" } ?? "")"
    }

    /// Whether the entry silences `finding` (which must be about the entry's file).
    func matches(_ finding: Diagnostic) -> Bool {
        matches(checkID: finding.checkID, field: finding.field, language: finding.language)
    }

    /// Whether the entry silences a finding of `checkID` about `field` in `language`.
    func matches(checkID: String, field: String?, language: String?) -> Bool {
        checkID == self.checkID && (self.field == nil || field == self.field)
            && (self.language == nil || language == self.language)
    }

    /// Checks that an ignore entry may not name: silencing them would hide the exceptions' own problems.
    static let unignorableChecks: Set<String> = ["invalid-ignore", "unused-exception"]

    /// A problem with the `ignore:` list, found while reading it.
    struct Problem: Sendable, Hashable {
        /// Where it is.
        var location: SourceLocation
        /// One sentence, no trailing period.
        var message: String
    }

    /// Reads an exhibit's `ignore:` list.
    ///
    /// - Returns: The well-formed entries, and a problem for every malformed one (those are
    ///   left out of the entries). An absent or empty list gives neither.
    static func entries(of exhibit: Exhibit) -> (entries: [IgnoreEntry], problems: [Problem]) {
        guard let node = exhibit.metadata["ignore"], node.scalar != "" else { return ([], []) }
        guard let items = node.items else {
            return (
                [],
                [Problem(location: node.location, message: "ignore must be a list such as [untranslated: title/en]")]
            )
        }
        var entries: [IgnoreEntry] = []
        var problems: [Problem] = []
        for item in items {
            if let checkID = item.scalar {
                add(checkID, target: nil, at: item.location, to: &entries, &problems)
            } else if let pairs = item.pairs, pairs.count == 1, let checkID = pairs[0].key.scalar {
                let value = pairs[0].value
                if value.scalar == "" {
                    add(checkID, target: nil, at: pairs[0].key.location, to: &entries, &problems)
                } else if let target = value.scalar {
                    add(
                        checkID, target: target, at: pairs[0].key.location, targetAt: value.location, to: &entries,
                        &problems)
                } else if let targets = value.items, !targets.isEmpty {
                    for target in targets {
                        guard let text = target.scalar else {
                            problems.append(
                                Problem(
                                    location: target.location,
                                    message: "an ignore target must be field or field/language, such as title/en"))
                            continue
                        }
                        add(
                            checkID, target: text, at: target.location, targetAt: target.location, to: &entries,
                            &problems)
                    }
                } else {
                    problems.append(
                        Problem(
                            location: value.location,
                            message: "an ignore target must be field or field/language, such as title/en"))
                }
            } else {
                problems.append(
                    Problem(
                        location: item.location,
                        message:
                            "an ignore entry must be a check id, optionally with a target: 'untranslated: title/en'"))
            }
        }
        return (entries, problems)
    }

    private static func add(
        _ checkID: String, target: String?, at location: SourceLocation, targetAt targetLocation: SourceLocation? = nil,
        to entries: inout [IgnoreEntry],
        _ problems: inout [Problem]
    ) {
        guard CheckRegistry.check(id: checkID) != nil else {
            let hint = Suggestion.didYouMean(checkID, in: CheckRegistry.ids)
            problems.append(Problem(location: location, message: "ignore names the unknown check '\(checkID)'\(hint)"))
            return
        }
        guard !unignorableChecks.contains(checkID) else {
            problems.append(
                Problem(
                    location: location, message: "\(checkID) findings cannot be ignored; fix the ignore list instead"))
            return
        }
        var field: String?
        var language: String?
        if let target {
            let parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
                problems.append(
                    Problem(
                        location: targetLocation ?? location,
                        message: "ignore target '\(target)' must be field or field/language, such as title/en"))
                return
            }
            field = parts[0]
            language = parts.count == 2 ? parts[1] : nil
        }
        let entry = IgnoreEntry(checkID: checkID, field: field, language: language, location: location)
        if entries.contains(where: { $0.checkID == checkID && $0.field == field && $0.language == language }) {
            problems.append(Problem(location: location, message: "ignore lists '\(entry.written)' twice"))
            return
        }
        entries.append(entry)
    }
}
