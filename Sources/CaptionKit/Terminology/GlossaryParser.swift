import Foundation

/// Reads `glossary.yml` into a ``Glossary``.
///
/// Like `captions.yml` (``ConfigParser``), a bad glossary stops the run: every problem is a
/// thrown ``CaptionError/invalidConfig(_:_:)`` at the offending key or value, with "did you
/// mean" for a misspelt key.
enum GlossaryParser {
    /// The keys an entry may have besides language tags.
    static let entryKeys = ["id", "forbidden", "note", "do-not-translate", "case"]

    /// Parses glossary bytes.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The path shown in errors.
    ///   - languages: The collection's languages; other language keys are refused.
    /// - Throws: ``CaptionError`` with the position of the first problem.
    static func parse(data: Data, path: String, languages: [String]) throws(CaptionError) -> Glossary {
        let text: String
        do {
            text = try SourceText.decode(data)
        } catch {
            throw .invalidConfig(
                SourceLocation(path: path, line: error.line, column: error.column), error.message)
        }
        return try parse(text: text, path: path, languages: languages)
    }

    /// Parses glossary text.
    static func parse(text: String, path: String, languages: [String]) throws(CaptionError) -> Glossary {
        let root: LocatedNode
        do {
            guard let node = try YAMLReader.document(text, path: path) else {
                return Glossary(entries: [], path: path)
            }
            root = node
        } catch {
            throw .invalidConfig(SourceLocation(path: path, line: error.line, column: error.column), error.message)
        }
        guard let items = root.items else {
            throw .invalidConfig(
                root.location,
                "glossary.yml must be a list of entries such as '- id: alzhir', found \(root.kindDescription)")
        }
        var entries: [GlossaryEntry] = []
        var ids: [String: SourceLocation] = [:]
        for item in items {
            let entry = try self.entry(item, languages: languages)
            if let first = ids[entry.id] {
                throw .invalidConfig(
                    item["id"]?.location ?? item.location,
                    "duplicate entry id '\(entry.id)' (first at line \(first.line))")
            }
            ids[entry.id] = entry.location
            entries.append(entry)
        }
        return Glossary(entries: entries, path: path)
    }

    static func entry(_ node: LocatedNode, languages: [String]) throws(CaptionError) -> GlossaryEntry {
        guard let pairs = node.pairs else {
            throw .invalidConfig(
                node.location, "a glossary entry must be a mapping with an id, found \(node.kindDescription)")
        }
        var entry = GlossaryEntry(
            id: "", terms: [:], forbidden: [:], note: nil, doNotTranslate: false, caseExact: false,
            location: node.location)
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            let key = try ConfigParser.name(of: pair.key, in: "a glossary entry")
            try ConfigParser.refuseDuplicate(key, at: pair.key.location, seen: &seen)
            switch key {
            case "id":
                let id = try ConfigParser.scalar(pair.value, what: "id")
                guard ExhibitID.isValid(id) else {
                    throw .invalidConfig(
                        pair.value.location, "entry id '\(id)' must be lowercase letters, digits and hyphens")
                }
                entry.id = id
            case "note":
                let note = try ConfigParser.scalar(pair.value, what: "note")
                // What the TBX import refuses in a note, so an exported glossary reads back.
                if let control = note.unicodeScalars.first(where: Normalization.isControl) {
                    throw .invalidConfig(
                        pair.value.location,
                        "note holds the control character \(control.codePoint), which a glossary "
                            + "cannot hold; remove it")
                }
                entry.note = note
            case "do-not-translate": entry.doNotTranslate = try ConfigParser.bool(pair.value, what: "do-not-translate")
            case "case":
                let value = try ConfigParser.scalar(pair.value, what: "case")
                switch value {
                case "exact": entry.caseExact = true
                case "ignore": entry.caseExact = false
                default: throw .invalidConfig(pair.value.location, "case must be exact or ignore, found '\(value)'")
                }
            case "forbidden":
                guard let byLanguage = pair.value.pairs else {
                    throw .invalidConfig(
                        pair.value.location, "forbidden must be a mapping such as '{ en: [Arch of Grief] }'")
                }
                for forbidden in byLanguage {
                    let language = try self.language(forbidden.key, languages: languages, known: [])
                    entry.forbidden[language] = try terms(forbidden.value, what: "forbidden (\(language))")
                }
            default:
                let language = try self.language(pair.key, languages: languages, known: entryKeys)
                entry.terms[language] = try terms(pair.value, what: "\(language)")
            }
        }
        guard !entry.id.isEmpty else {
            throw .invalidConfig(node.location, "a glossary entry needs an id such as 'id: arch-of-sorrow'")
        }
        guard !entry.terms.isEmpty else {
            throw .invalidConfig(
                node.location, "entry '\(entry.id)' has no term; add one per language such as 'kk: АЛЖИР'")
        }
        return entry
    }

    /// A language key: one of the collection's languages.
    static func language(_ node: LocatedNode, languages: [String], known: [String]) throws(CaptionError) -> String {
        let key = node.scalar ?? ""
        if languages.contains(key) { return key }
        if Language.isWellFormed(key), Suggestion.closest(to: key, in: known + languages) == nil {
            throw .invalidConfig(
                node.location,
                "language '\(key)' is not one of the collection's languages (\(languages.joined(separator: ", ")))")
        }
        throw .invalidConfig(node.location, ConfigParser.unknown("key", key, known + languages))
    }

    /// Whether `text` starts and ends with a letter or an ASCII digit (so it is not blank and
    /// has no white space to trim).
    private static func hasLetterOrDigitAtBothEnds(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            TextWords.isLetter(scalar) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        return isLetterOrDigit(first) && isLetterOrDigit(last)
    }

    /// A term or a list of variants: each non-empty text with at least one letter or digit.
    static func terms(_ node: LocatedNode, what: String) throws(CaptionError) -> [String] {
        var result: [String] = []
        let items = node.items ?? [node]
        for item in items {
            guard let text = item.scalar else {
                throw .invalidConfig(
                    item.location, "\(what) must be a term or a list of terms, found \(item.kindDescription)")
            }
            // Foundation's trimming is slow on Linux; a term that starts and ends with a letter or
            // digit (nearly all) has nothing to trim.
            let term = hasLetterOrDigitAtBothEnds(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let control = term.unicodeScalars.first(where: Normalization.isControl) {
                throw .invalidConfig(
                    item.location,
                    "\(what) holds the control character \(control.codePoint), which no caption "
                        + "text can match; remove it")
            }
            guard TermTokens(term).count > 0 else {
                throw .invalidConfig(item.location, "\(what) must be a term with at least one letter or digit")
            }
            guard !result.contains(term) else {
                throw .invalidConfig(item.location, "\(what) lists '\(term)' twice")
            }
            result.append(term)
        }
        guard !result.isEmpty else { throw .invalidConfig(node.location, "\(what) must list at least one term") }
        return result
    }
}
