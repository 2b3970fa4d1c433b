/// The characters XML 1.0 cannot hold (§2.2): the C0 controls other than tab, line feed and
/// carriage return, and the noncharacters U+FFFE and U+FFFF. libxml2 writes them as they are,
/// which makes a file that no XML reader (our import included) accepts.
enum XMLCharacters {
    /// Whether the scalar `value` cannot appear in an XML document, even as a reference.
    static func isForbidden(_ value: UInt32) -> Bool {
        value < 0x20 ? value != 0x09 && value != 0x0A && value != 0x0D : value == 0xFFFE || value == 0xFFFF
    }

    /// The forbidden characters of `text` (each once, in order) and the scalar offset of the
    /// first; `nil` when it has none.
    static func forbidden(in text: String) -> (scalars: [Unicode.Scalar], firstOffset: Int)? {
        // Quick test on the bytes in place: every text an export writes passes through here, and
        // most hold line feeds, which a test for any C0 byte let through to the scalar walk (the
        // 50,000-exhibit XLIFF export took 25% longer).
        let mayHoldOne =
            text.utf8.withContiguousStorageIfAvailable(mayHoldForbidden)
            ?? text.unicodeScalars.contains { isForbidden($0.value) }
        guard mayHoldOne else { return nil }
        var scalars: [Unicode.Scalar] = []
        var firstOffset = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() where isForbidden(scalar.value) {
            if scalars.isEmpty { firstOffset = offset }
            if !scalars.contains(scalar) { scalars.append(scalar) }
        }
        return scalars.isEmpty ? nil : (scalars, firstOffset)
    }

    /// Whether the UTF-8 `bytes` hold a forbidden character: a C0 byte but tab, line feed and
    /// carriage return, or EF BF BE / EF BF BF (U+FFFE, U+FFFF).
    static func mayHoldForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        func isForbidden(at index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            return byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
        }
        var index = 0
        // Eight bytes at a time: a word with no byte below 0x20 and no EF (the usual case) needs
        // no closer look. `(w - 0x20…) & ~w & 0x80…` is non-zero when a byte is below 0x20, the
        // same on `w ^ 0xEF…` with 0x01… when a byte is EF.
        let high: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
            let ef = word ^ 0xEFEF_EFEF_EFEF_EFEF
            let hasEF = (ef &- 0x0101_0101_0101_0101) & ~ef & high
            if belowSpace | hasEF != 0 {
                for offset in index..<(index + 8) where isForbidden(at: offset) { return true }
            }
            index += 8
        }
        while index < bytes.count {
            if isForbidden(at: index) { return true }
            index += 1
        }
        return false
    }

    /// How a refusal names `scalars`: `the control character U+000B, which XML cannot hold; remove
    /// it`, and ` (captions check reports it as not-normalized)` for a caption text that `check`
    /// reports (`isCaptionText`: a field's text, whose control characters it names).
    static func phrase(_ scalars: [Unicode.Scalar], isCaptionText: Bool) -> String {
        let names = scalars.map(\.codePoint).joined(separator: ", ")
        let controls = scalars.allSatisfy { $0.value < 0x20 }
        let kind = controls ? "control character" : "character"
        let plural = scalars.count == 1 ? "" : "s"
        return "the \(kind)\(plural) \(names), which XML cannot hold; remove \(scalars.count == 1 ? "it" : "them")"
            + (isCaptionText && scalars.contains { $0.value < 0x20 }
                ? " (captions check reports it as not-normalized)" : "")
    }
}

/// The texts an export would have to write that XML cannot hold (``XMLCharacters``): the XLIFF,
/// TMX and TBX exports check every text they write with it, then refuse them all at once before
/// writing anything, one located line per text.
struct UnwritableTexts {
    private(set) var refusals: [CaptionError] = []
    /// The refusals' lines, so that a text written into several files is named once.
    private var seen: Set<String> = []

    /// Checks a caption text; `label` names it (`title (ru)`; `notes`, which is no field's text,
    /// with `isField` false).
    mutating func check(_ translation: Translation?, _ label: String, isField: Bool = true) {
        guard let translation, let found = XMLCharacters.forbidden(in: translation.text) else { return }
        add(
            translation.location(ofScalar: found.firstOffset),
            "\(label) has \(XMLCharacters.phrase(found.scalars, isCaptionText: isField))")
    }

    /// Checks the terms and the note of a glossary entry that the export writes for `languages`.
    mutating func check(_ entry: GlossaryEntry, languages: [String]) {
        var texts = languages.map { ($0, (entry.terms[$0] ?? []) + (entry.forbidden[$0] ?? [])) }
        if let note = entry.note { texts.append(("note", [note])) }
        for (what, terms) in texts {
            guard let found = XMLCharacters.forbidden(in: terms.joined()) else { continue }
            add(
                entry.location,
                "glossary entry '\(entry.id)' (\(what)) has \(XMLCharacters.phrase(found.scalars, isCaptionText: false))"
            )
        }
    }

    private mutating func add(_ location: SourceLocation, _ message: String) {
        let refusal = CaptionError.invalidInput(location, message)
        if seen.insert(refusal.description).inserted { refusals.append(refusal) }
    }

    /// Throws the refusals, if any: one as itself, several as ``CaptionError/several(_:)``.
    func throwIfAny() throws(CaptionError) {
        guard let first = refusals.first else { return }
        throw refusals.count == 1 ? first : .several(refusals)
    }
}
