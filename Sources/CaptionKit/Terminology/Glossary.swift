/// The collection's terminology, read from `glossary.yml` beside `captions.yml`.
///
/// An empty glossary (no file) makes the terminology checks find nothing.
struct Glossary: Sendable, Hashable {
    /// The entries in file order.
    var entries: [GlossaryEntry]
    /// The file's path, or `nil` when the collection has none.
    var path: String?

    /// A glossary without entries.
    static let empty = Glossary(entries: [], path: nil)

    /// The glossary file's name in the collection folder.
    static let fileName = "glossary.yml"
}

/// One concept of the glossary: its term in each language, the variants that are allowed, the
/// forms that must not be used, and a note for translators.
struct GlossaryEntry: Sendable, Hashable {
    /// The entry's id (kebab-case, unique in the file), e.g. `arch-of-sorrow`.
    var id: String
    /// The allowed terms by language tag; the first of each list is the preferred one.
    var terms: [String: [String]]
    /// The terms that must not be used, by language tag.
    var forbidden: [String: [String]]
    /// A note for translators, if any.
    var note: String?
    /// Whether the term is a name that stays as it is (`do-not-translate: true`).
    var doNotTranslate: Bool
    /// Whether matching respects capital letters (`case: exact`).
    var caseExact: Bool
    /// Where the entry starts in the file.
    var location: SourceLocation

    /// The preferred term in `language`, or `nil` when the entry has none.
    func preferred(_ language: String) -> String? { terms[language]?.first }
}
