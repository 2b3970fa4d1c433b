import Foundation

/// Merges TBX entries into a glossary: new concepts are appended, identical ones skipped, and a
/// concept the glossary already has with other terms is a conflict that changes nothing.
///
/// A TBX entry is the same concept as a glossary entry when they share the id or a term in the
/// source language. It is identical when, in every language of the collection it has terms
/// in, it has the same terms and forbidden terms; notes are not compared, and the glossary's
/// note stays. A language section whose tag names no language of the collection (another
/// language, or a script: `kk-Latn` is not `kk`) is left out with a warning, once per file and tag.
/// An entry the glossary's git history says was removed is not added back.
struct GlossaryMerge {
    /// What happened to one TBX entry.
    enum Outcome: Equatable {
        /// Appended with this id.
        case added(String)
        /// The glossary already has it.
        case identical
        /// It differs from a glossary entry for the same concept.
        case conflict
        /// It has no term in the collection's languages, or the glossary had it and it was removed.
        case skipped
    }

    let config: CollectionConfig
    /// The glossary's entries, then the ones added so far.
    private(set) var entries: [GlossaryEntry]
    /// The entries added, in order.
    private(set) var added: [GlossaryEntry] = []
    /// Conflicts, as located errors with a note at the glossary entry.
    private(set) var problems: [Diagnostic] = []
    /// Entries skipped and languages left out, as located warnings.
    private(set) var warnings: [Diagnostic] = []
    /// The tags left out so far, with the file they were met in (each is named once per file).
    private var leftOutTags: Set<[String]> = []
    /// The glossary's file name, as the warning on a removed entry names it.
    private let fileName: String
    /// Finds the entries the glossary's history says were removed (run once, when an entry
    /// would first be added, so an import that adds nothing does not ask).
    private let findRemovals: () -> [String: GlossaryRemoval]
    /// What ``findRemovals`` found, once asked.
    private var removals: [String: GlossaryRemoval]?

    /// Merges into `glossary`; `removals` gives the ids of entries removed from it, with the
    /// commit that removed each (see ``GlossaryHistory``): a TBX entry that would be added with
    /// such an id is skipped with a warning.
    init(
        _ glossary: Glossary, config: CollectionConfig,
        removals: @escaping () -> [String: GlossaryRemoval] = { [:] }
    ) {
        self.config = config
        self.entries = glossary.entries
        self.fileName = URL(fileURLWithPath: glossary.path ?? Glossary.fileName).lastPathComponent
        self.findRemovals = removals
    }

    /// The collection language a TBX `xml:lang` stands for, as for XLIFF
    /// (``Language/matching(_:in:)``): the same tag in any case, or without a region (`en-US` →
    /// `en`); a script is never dropped (`kk-Latn` is not `kk`).
    func language(_ tag: String) -> String? {
        Language.matching(tag, in: config.languages)
    }

    /// A warning for each language of `tbx` that is left out and not yet named for its file.
    private mutating func warnOfLeftOutLanguages(_ tbx: TBXEntry) {
        let sections = tbx.languageLocations.filter { tag, _ in
            language(tag) == nil && (tbx.terms[tag] != nil || tbx.forbidden[tag] != nil)
        }
        for (tag, location) in sections.sorted(by: {
            ($0.value.line, $0.value.column) < ($1.value.line, $1.value.column)
        })
        where leftOutTags.insert([location.path, tag.lowercased()]).inserted {
            warnings.append(
                Diagnostic(
                    GlossaryImportFinding.glossaryImport, location: location,
                    message: """
                        terms in '\(tag)' are left out (here and in the rest of the file): it is not a language \
                        of the collection (\(config.languages.joined(separator: ", "))); a region is dropped \
                        (kk-KZ is kk), a script never (kk-Latn is not kk)
                        """))
        }
    }

    /// `tbx` as a glossary entry in the collection's languages (its id still to be chosen).
    func entry(_ tbx: TBXEntry) -> GlossaryEntry {
        var entry = GlossaryEntry(
            id: "", terms: [:], forbidden: [:], note: tbx.note, doNotTranslate: tbx.doNotTranslate, caseExact: false,
            location: tbx.location)
        for (tag, terms) in tbx.terms.sorted(by: { $0.key < $1.key }) {
            guard let language = language(tag) else { continue }
            for term in terms where entry.terms[language]?.contains(term) != true {
                entry.terms[language, default: []].append(term)
            }
        }
        for (tag, terms) in tbx.forbidden.sorted(by: { $0.key < $1.key }) {
            guard let language = language(tag) else { continue }
            for term in terms where entry.forbidden[language]?.contains(term) != true {
                entry.forbidden[language, default: []].append(term)
            }
        }
        return entry
    }

    /// What `new` (from TBX) says differently from `existing`, language by language, for the
    /// languages `new` has terms in: `en 'Arch of Grief' here, 'Arch of Sorrow' in the glossary`.
    /// Terms are the same when the preferred one is and the other variants are, in any order;
    /// forbidden terms in any order. Empty when the glossary already says what `new` says.
    func differences(_ new: GlossaryEntry, _ existing: GlossaryEntry) -> [String] {
        func describe(_ entry: GlossaryEntry, _ language: String) -> String {
            var text = entry.terms[language].map { "'" + $0.joined(separator: " | ") + "'" } ?? "no term"
            if let forbidden = entry.forbidden[language] {
                text += " (forbidden: " + forbidden.joined(separator: " | ") + ")"
            }
            return text
        }
        var parts: [String] = []
        for language in config.languages where new.terms[language] != nil || new.forbidden[language] != nil {
            let a = new.terms[language] ?? []
            let b = existing.terms[language] ?? []
            let sameTerms = a.first == b.first && Set(a.dropFirst()) == Set(b.dropFirst())
            let sameForbidden = Set(new.forbidden[language] ?? []) == Set(existing.forbidden[language] ?? [])
            if !sameTerms || !sameForbidden {
                parts.append(
                    "\(language) \(describe(new, language)) here, \(describe(existing, language)) in the glossary")
            }
        }
        if new.doNotTranslate && !existing.doNotTranslate { parts.append("do-not-translate here only") }
        return parts
    }

    /// Merges one TBX entry.
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when a term has no letter or digit.
    mutating func merge(_ tbx: TBXEntry) throws(CaptionError) -> Outcome {
        warnOfLeftOutLanguages(tbx)
        var entry = self.entry(tbx)
        for term in Array(entry.terms.values.joined()) + Array(entry.forbidden.values.joined())
        where TermTokens(term).count == 0 {
            throw .invalidInput(tbx.location, "the term '\(term)' has no letter or digit")
        }
        guard !entry.terms.isEmpty else {
            warnings.append(
                Diagnostic(
                    GlossaryImportFinding.glossaryImport, location: tbx.location,
                    message: """
                        entry\(tbx.id.map { " '\($0)'" } ?? "") has no allowed term in the collection's languages \
                        (\(config.languages.joined(separator: ", "))); skipped
                        """))
            return .skipped
        }
        let source = config.source
        let sourceTerms = Set(entry.terms[source] ?? [])
        let candidates = entries.filter { existing in
            (tbx.id != nil && existing.id == tbx.id) || !sourceTerms.isDisjoint(with: existing.terms[source] ?? [])
        }
        if candidates.contains(where: { differences(entry, $0).isEmpty }) { return .identical }
        if let existing = candidates.first {
            let shared = (entry.terms[source] ?? []).first { (existing.terms[source] ?? []).contains($0) }
            let why = shared.map { "the \(source) term '\($0)'" } ?? "the id '\(existing.id)'"
            problems.append(
                Diagnostic(
                    GlossaryImportFinding.glossaryConflict, location: tbx.location,
                    message: """
                        entry\(tbx.id.map { " '\($0)'" } ?? "") shares \(why) with glossary entry '\(existing.id)' \
                        but differs: \(differences(entry, existing).joined(separator: "; ")); \
                        the glossary is not changed
                        """,
                    notes: [.init(location: existing.location, message: "glossary entry '\(existing.id)'")]))
            return .conflict
        }
        entry.id = newID(for: tbx, entry)
        if removals == nil { removals = findRemovals() }
        if let removal = removals?[entry.id] {
            warnings.append(
                Diagnostic(
                    GlossaryImportFinding.glossaryImport, location: tbx.location,
                    message: """
                        an entry with id '\(entry.id)' was removed from \(fileName) in commit \(removal.commit) \
                        (\(removal.date)), so this entry is not added again; if it should come back, add it to \
                        \(fileName) by hand
                        """))
            return .skipped
        }
        entries.append(entry)
        added.append(entry)
        return .added(entry.id)
    }

    /// The id of a new entry: the TBX id when it is a valid unused id, else one made from a term,
    /// with `-2`, `-3`… when taken.
    private func newID(for tbx: TBXEntry, _ entry: GlossaryEntry) -> String {
        func slug(_ text: String) -> String {
            var result = ""
            for scalar in text.lowercased().unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if !result.isEmpty, result.last != "-" {
                    result += "-"
                }
            }
            while result.hasSuffix("-") { result.removeLast() }
            return String(result.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        }
        var base = tbx.id.map(slug) ?? ""
        for language in [config.source] + config.targetLanguages where base.isEmpty {
            base = slug(entry.terms[language]?.first ?? "")
        }
        if base.isEmpty { base = "entry" }
        let used = Set(entries.map(\.id))
        var id = base
        var number = 2
        while used.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        return id
    }

    /// `glossary` (the text of `glossary.yml`, ending in a line break or empty) with `entries`
    /// appended under a comment naming the TBX file they came from, each line ended by `newline`
    /// (`\n`, or `\r\n` as the file's own lines end).
    static func appending(
        _ entries: [GlossaryEntry], importedFrom file: String, to glossary: String, languages: [String],
        newline: String = "\n"
    ) -> String {
        // A line break in the file's name would end the comment.
        let name = URL(fileURLWithPath: file).lastPathComponent.unicodeScalars.map { scalar in
            scalar.breaksALine ? "?" : String(scalar)
        }.joined()
        // A blank line parts the import from the entries before it, not from the top of a new file.
        let lines =
            (glossary.isEmpty ? "" : "\n") + "# Imported from \(name) by captions import\n"
            + yaml(entries, languages: languages).dropFirst()
        // The YAML has a line break only at the end of a line (a scalar's own is escaped).
        return glossary + (newline == "\n" ? lines : lines.replacingOccurrences(of: "\n", with: newline))
    }

    /// The YAML of the added entries, in the collection's language order, as `glossary.yml`
    /// writes them (one block per entry, a blank line before each).
    static func yaml(_ entries: [GlossaryEntry], languages: [String]) -> String {
        func scalar(_ text: String) -> String {
            YAMLScalarWriter.canBePlain(text) ? text : YAMLScalarWriter.doubleQuoted(text)
        }
        /// A flow sequence; plain items must not hold the flow indicators.
        func flow(_ terms: [String]) -> String {
            let items = terms.map { term in
                YAMLScalarWriter.canBePlain(term) && !term.contains(where: { ",[]{}".contains($0) })
                    ? term : YAMLScalarWriter.doubleQuoted(term)
            }
            return "[" + items.joined(separator: ", ") + "]"
        }
        func list(_ terms: [String]) -> String { terms.count == 1 ? scalar(terms[0]) : flow(terms) }
        var text = ""
        for entry in entries {
            text += "\n- id: \(entry.id)\n"
            if entry.doNotTranslate { text += "  do-not-translate: true\n" }
            for language in languages {
                if let terms = entry.terms[language] { text += "  \(language): \(list(terms))\n" }
            }
            let forbidden = languages.filter { entry.forbidden[$0] != nil }
            if !forbidden.isEmpty {
                text += "  forbidden:\n"
                for language in forbidden { text += "    \(language): \(flow(entry.forbidden[language] ?? []))\n" }
            }
            if let note = entry.note { text += "  note: \(scalar(note))\n" }
        }
        return text
    }
}
