/// The glossary entries a unit's source text uses, for the translator: a note in XLIFF 1.2,
/// the Glossary module (`gls:glossary`) in 2.0.
struct XLIFFGlossaryHint: Sendable, Equatable {
    /// The entry's id.
    var entryID: String
    /// The source-language term as the glossary writes it (the first variant found in the text).
    var sourceTerm: String
    /// The allowed terms in the target language, preferred first (a do-not-translate entry
    /// without a target term: the source term).
    var targets: [String]
    /// The terms the target language must not use.
    var forbidden: [String]
    /// Whether the term stays as it is.
    var doNotTranslate: Bool
    /// The entry's note.
    var note: String?

    /// One line of the 1.2 note: `source → target | variant; forbidden: …; do not translate; note: …`.
    var line: String {
        var parts = [sourceTerm + " → " + (targets.isEmpty ? "(no term)" : targets.joined(separator: " | "))]
        if !forbidden.isEmpty { parts.append("forbidden: " + forbidden.joined(separator: " | ")) }
        if doNotTranslate { parts.append("do not translate") }
        if let note { parts.append("note: " + note) }
        return parts.joined(separator: "; ")
    }

    /// The 2.0 `gls:definition`: the note, the forbidden terms and do-not-translate, or `nil`.
    var definition: String? {
        var parts: [String] = []
        if let note { parts.append(note.hasSuffix(".") ? note : note + ".") }
        if !forbidden.isEmpty { parts.append("Do not use: " + forbidden.joined(separator: ", ") + ".") }
        if doNotTranslate { parts.append(GlossaryExporter.doNotTranslateNote) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The text of the 1.2 note listing `hints`: a heading line, then one line per entry.
    static func note12(_ hints: [XLIFFGlossaryHint], source: String, target: String) -> String {
        (["Glossary (\(source) → \(target)):"] + hints.map(\.line)).joined(separator: "\n")
    }
}

/// Finds the glossary entries used by source texts (``XLIFFGlossaryHint``).
struct XLIFFGlossaryHints: Sendable {
    private let glossary: Glossary
    private let source: String
    private let terminology: Terminology

    /// Hints from `glossary` for texts in `source`; `nil` when the glossary has no source term.
    init?(_ glossary: Glossary, source: String) {
        guard !glossary.entries.isEmpty else { return nil }
        let terminology = Terminology(glossary, languages: [source])
        guard !terminology.isEmpty else { return nil }
        self.glossary = glossary
        self.source = source
        self.terminology = terminology
    }

    /// The entries whose allowed source terms occur in `text`, in the order of their first
    /// occurrence (then glossary order), with what they say for `target`; entries with nothing
    /// for `target` (no term, no forbidden term, not do-not-translate) are left out.
    func hints(for text: String, target: String) -> [XLIFFGlossaryHint] {
        guard let scan = terminology.scan(text, language: source) else { return [] }
        var seen = Set<Int>()
        var result: [XLIFFGlossaryHint] = []
        for match in scan.matches {
            let term = scan.term(match)
            guard !term.isForbidden, seen.insert(term.entry).inserted else { continue }
            let entry = glossary.entries[term.entry]
            let forbidden = entry.forbidden[target] ?? []
            let targets = entry.terms[target] ?? (entry.doNotTranslate ? [term.text] : [])
            guard !targets.isEmpty || !forbidden.isEmpty else { continue }
            result.append(
                XLIFFGlossaryHint(
                    entryID: entry.id, sourceTerm: term.text, targets: targets, forbidden: forbidden,
                    doNotTranslate: entry.doNotTranslate, note: entry.note))
        }
        return result
    }
}
