/// A review and/or approval written in the `translations:` record after the entry's source
/// fingerprint:
///
/// ```yaml
/// translations:  # machine-owned: source fingerprints of translations; do not edit
///   title:
///     ru: 3f2a9c1e approved 2026-12-04 DK
///     kk: 3f2a9c1e 5b1c0d2e reviewed 2026-12-03 AB; approved 2026-12-04 DK
///     en: 3f2a9c1e
///   text: { kk: 77c0d2aa }
/// ```
///
/// An entry is `SOURCE [TEXT] [reviewed DATE NAME][; approved DATE NAME]`: the fingerprint of
/// the source text, for a translation the fingerprint of the translation itself (the source
/// language's own entry has only one), then who signed off and on which day (`YYYY-MM-DD`, UTC).
/// A sign-off covers exactly those texts: when either changes, it no longer counts.
struct RecordedSignOff: Sendable, Hashable {
    /// The fingerprint of the translation that was signed off; `nil` in the source language's
    /// entry (the entry's own fingerprint is the source text's).
    var textFingerprint: String?
    /// The review, if any.
    var review: SignOffMark?
    /// The approval, if any.
    var approval: SignOffMark?

    /// The fingerprint and sign-off of one entry's value, or `nil` when it is malformed.
    static func parseEntry(_ value: String) -> (fingerprint: String, signOff: RecordedSignOff?)? {
        let parts = value.split(separator: "; ", omittingEmptySubsequences: false).map(String.init)
        var words = parts[0].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard SourceFingerprint.isWellFormed(words[0]) else { return nil }
        let fingerprint = words.removeFirst()
        if words.isEmpty { return parts.count == 1 ? (fingerprint, nil) : nil }
        var signOff = RecordedSignOff()
        if SourceFingerprint.isWellFormed(words[0]) { signOff.textFingerprint = words.removeFirst() }
        var marks = [words.joined(separator: " ")] + parts.dropFirst()
        if marks[0].isEmpty {
            // A text fingerprint alone says nothing.
            return nil
        }
        var seen = Set<String>()
        while !marks.isEmpty {
            let mark = marks.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
            guard mark.count == 3, SignOffMark.isWellFormedDate(mark[1]), SignOffMark.isWellFormedName(mark[2]),
                seen.insert(mark[0]).inserted
            else { return nil }
            switch mark[0] {
            case "reviewed": signOff.review = SignOffMark(by: mark[2], date: mark[1])
            case "approved": signOff.approval = SignOffMark(by: mark[2], date: mark[1])
            default: return nil
            }
        }
        // A translation's sign-off names its text; the source's entry has none and no review.
        if signOff.textFingerprint != nil && signOff.review == nil { return nil }
        if signOff.textFingerprint == nil && signOff.review != nil { return nil }
        return (fingerprint, signOff)
    }

    /// The value of an entry as written: plain when every YAML reader reads it back as is.
    static func entry(fingerprint: String, signOff: RecordedSignOff?) -> String {
        var value = fingerprint
        guard let signOff else {
            return YAMLReader.plainScalarKind(value) == .text ? value : YAMLScalarWriter.doubleQuoted(value)
        }
        if let text = signOff.textFingerprint { value += " " + text }
        var marks: [String] = []
        if let review = signOff.review { marks.append("reviewed \(review.date) \(review.by)") }
        if let approval = signOff.approval { marks.append("approved \(approval.date) \(approval.by)") }
        value += " " + marks.joined(separator: "; ")
        // The value starts with a hexadecimal digit, so only its rest can need quotes.
        return YAMLScalarWriter.canBePlain("a" + value) ? value : YAMLScalarWriter.doubleQuoted(value)
    }
}

extension SignOffMark {
    /// Whether `date` is written `YYYY-MM-DD`.
    static func isWellFormedDate(_ date: String) -> Bool {
        let bytes = Array(date.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// Why `name` cannot sign off, or `nil` when it can: a name or initials of at most 64
    /// characters, without line breaks, control or formatting characters (bidirectional
    /// overrides, zero-width spaces), `;` or runs of spaces.
    static func problem(withName name: String) -> String? { nameProblem(name)?.message }

    /// Why `name` cannot sign off (``problem(withName:)``), as a value.
    static func nameProblem(_ name: String) -> SignOff.NameProblem? {
        if name.isEmpty { return .empty }
        if name.count > 64 { return .tooLong }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" }) {
            return .lineBreakOrControl
        }
        if let format = name.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            // A right-to-left override shows "AB" where the record says "BA".
            return .formattingCharacter(format.codePoint)
        }
        if name.contains(";") { return .semicolon }
        if name.hasPrefix(" ") || name.hasSuffix(" ") || name.contains("  ") { return .spaceAtEndOrDoubled }
        if name.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " }) { return .otherSpace }
        return nil
    }

    /// The error for `--by NAME` when `name` cannot sign off, or `nil`: `--by 'A;B': the name has
    /// a ';', …`, on one line (a line break or control character in the name is shown escaped).
    static func byOptionError(forName name: String) -> String? {
        guard let problem = problem(withName: name) else { return nil }
        var shown = ""
        for scalar in name.unicodeScalars {
            if scalar.breaksALine {
                shown += scalar.escaped(asASCII: true)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "--by '\(shown)': \(problem)"
    }

    /// Whether `name` can sign off (see ``problem(withName:)``).
    static func isWellFormedName(_ name: String) -> Bool { problem(withName: name) == nil }
}
