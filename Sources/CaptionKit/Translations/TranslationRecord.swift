/// The machine-owned `translations:` key of a caption file: for each field and language, the
/// fingerprint of the source text the translation was made from.
///
/// ```yaml
/// translations:  # machine-owned: source fingerprints of translations; do not edit
///   title: { kk: 3f2a9c1e, en: 3f2a9c1e }
///   text: { kk: 77c0d2aa }
/// ```
///
/// Written only by `captions import`, `accept`, `review`, `approve` and the editor, always at
/// the end of the file and in configured field and language order, so it changes only when that
/// exhibit's translations do. Reviews and approvals follow an entry's fingerprint
/// (``RecordedSignOff``).
struct TranslationRecord: Sendable, Hashable {
    /// The top-level key that holds the record (reserved in ``ExhibitParser/metadataKeys``).
    static let key = "translations"

    /// The comment written after the key.
    static let keyComment = "# machine-owned: source fingerprints of translations; do not edit"

    /// A part of the record that is not shaped like the format above.
    struct Problem: Sendable, Hashable {
        /// Where the odd value is.
        var location: SourceLocation
        /// One sentence, no trailing period.
        var message: String
    }

    /// Fingerprints by field, then language.
    var fingerprints: [String: [String: String]]
    /// Reviews and approvals by field, then language (see ``RecordedSignOff``), written after
    /// the fingerprint of the same entry.
    var signOffs: [String: [String: RecordedSignOff]] = [:]
    /// Malformed parts, which are ignored (their translations count as unknown provenance).
    var problems: [Problem]

    /// An empty record.
    init(fingerprints: [String: [String: String]] = [:], problems: [Problem] = []) {
        self.fingerprints = fingerprints
        self.problems = problems
    }

    /// Reads the record of `exhibit` (an empty record when the file has none).
    init(exhibit: Exhibit) {
        self.init()
        guard let node = exhibit.metadata[Self.key] else { return }
        if node.scalar == "" { return }
        guard let fields = node.pairs else {
            problems.append(
                Problem(location: node.location, message: shapeMessage(exhibit, found: node.kindDescription)))
            return
        }
        for fieldPair in fields {
            guard let field = fieldPair.key.scalar, let languages = fieldPair.value.pairs else {
                problems.append(
                    Problem(
                        location: fieldPair.value.location,
                        message: shapeMessage(exhibit, found: fieldPair.value.kindDescription)))
                continue
            }
            for languagePair in languages {
                guard let language = languagePair.key.scalar, let value = languagePair.value.scalar,
                    let (fingerprint, signOff) = RecordedSignOff.parseEntry(value)
                else {
                    problems.append(
                        Problem(
                            location: languagePair.value.location,
                            message:
                                """
                                translations record of \(exhibit.displayID) has \
                                '\(languagePair.value.scalar ?? languagePair.value.kindDescription)' where a \
                                fingerprint of 8 hexadecimal digits belongs
                                """
                        ))
                    continue
                }
                fingerprints[field, default: [:]][language] = fingerprint
                if let signOff { signOffs[field, default: [:]][language] = signOff }
            }
        }
    }

    private func shapeMessage(_ exhibit: Exhibit, found: String) -> String {
        "translations record of \(exhibit.displayID) must map fields to { language: fingerprint }, found \(found)"
    }

    /// Whether `other` has the same fingerprints and sign-offs (problems aside).
    func sameEntries(as other: TranslationRecord) -> Bool {
        fingerprints == other.fingerprints
            && signOffs.filter { !$0.value.isEmpty } == other.signOffs.filter { !$0.value.isEmpty }
    }

    /// The recorded fingerprint of `field` in `language`, if any.
    func fingerprint(field: String, language: String) -> String? {
        fingerprints[field]?[language]
    }

    /// The record as YAML lines (without a final line break), fields and languages in the given
    /// order first and any others after them alphabetically.
    func yaml(fieldOrder: [String], languageOrder: [String], newline: String) -> String {
        var lines = ["\(Self.key):  \(Self.keyComment)"]
        for field in Self.ordered(Array(fingerprints.keys), by: fieldOrder) {
            guard let languages = fingerprints[field], !languages.isEmpty else { continue }
            if let signed = signOffs[field], !signed.isEmpty {
                // One line per language once a text is signed off: the entries are long.
                lines.append("  \(YAMLScalarWriter.key(field)):")
                for language in Self.ordered(Array(languages.keys), by: languageOrder) {
                    let value = RecordedSignOff.entry(fingerprint: languages[language] ?? "", signOff: signed[language])
                    lines.append("    \(YAMLScalarWriter.key(language)): \(value)")
                }
                continue
            }
            let entries = Self.ordered(Array(languages.keys), by: languageOrder).map { language in
                "\(YAMLScalarWriter.key(language)): \(Self.fingerprintScalar(languages[language] ?? ""))"
            }
            lines.append("  \(YAMLScalarWriter.key(field)): { \(entries.joined(separator: ", ")) }")
        }
        return lines.joined(separator: newline)
    }

    /// A fingerprint as written: plain, unless a YAML reader could take it for a number
    /// (all digits, or digits around an `e`).
    private static func fingerprintScalar(_ fingerprint: String) -> String {
        SourceFingerprint.isWellFormed(fingerprint) && YAMLReader.plainScalarKind(fingerprint) == .text
            ? fingerprint : YAMLScalarWriter.doubleQuoted(fingerprint)
    }

    private static func ordered(_ names: [String], by order: [String]) -> [String] {
        names.sorted { a, b in
            let first = order.firstIndex(of: a) ?? Int.max
            let second = order.firstIndex(of: b) ?? Int.max
            return first != second ? first < second : a < b
        }
    }
}
