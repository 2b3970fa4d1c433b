import Foundation

/// What an exhibit file says, without where it says it: the model `captions fmt` must keep.
///
/// Two files with equal content load as the same captions: the same id, fields, languages,
/// texts (compared in Unicode NFC, scalar by scalar), notes and machine-owned keys (compared
/// as trees of text; the loader already reads a plain `~` or `null` as empty text, so quoting
/// does not change what they say). Order of fields and languages does not count; positions do
/// not count.
struct ExhibitContent: Sendable, Equatable {
    /// A machine-owned value (`ignore:`, `translations:`) without positions.
    indirect enum Value: Sendable, Equatable {
        /// A scalar in NFC.
        case scalar(String)
        /// A sequence.
        case sequence([Value])
        /// A mapping, sorted by key; keys in NFC.
        case mapping([String], [Value])
    }

    /// The `id:` value.
    var id: String?
    /// Field → language → text (NFC).
    var fields: [String: [String: String]]
    /// The notes (NFC).
    var notes: String?
    /// Machine-owned keys.
    var metadata: [String: Value]

    /// The content of `exhibit`.
    init(_ exhibit: Exhibit) {
        id = exhibit.id.map(Self.nfc)
        var fields: [String: [String: String]] = [:]
        for field in exhibit.fields {
            var texts: [String: String] = [:]
            for translation in field.translations { texts[Self.nfc(translation.language)] = Self.nfc(translation.text) }
            fields[Self.nfc(field.name)] = texts
        }
        self.fields = fields
        notes = exhibit.notes.map { Self.nfc($0.text) }
        metadata = exhibit.metadata.mapValues(Self.value)
    }

    static func value(_ node: LocatedNode) -> Value {
        switch node.value {
        case .scalar(let text):
            return .scalar(nfc(text))
        case .sequence(let items):
            return .sequence(items.map(value))
        case .mapping(let pairs):
            // Key order carries no meaning (fmt writes `translations:` in configured order).
            let sorted = pairs.map { (nfc($0.key.scalar ?? "\u{FFFF}"), value($0.value)) }.sorted { $0.0 < $1.0 }
            return .mapping(sorted.map(\.0), sorted.map(\.1))
        }
    }

    /// NFC, compared by scalars (Swift's `==` on strings would accept any canonical equivalent).
    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    /// Whether the two contents are the same, scalar by scalar.
    static func == (a: ExhibitContent, b: ExhibitContent) -> Bool {
        a.id.map(Array.init(_:)) == b.id.map(Array.init(_:))
            && a.fields.mapValues { $0.mapValues { Array($0.unicodeScalars) } }
                == b.fields.mapValues { $0.mapValues { Array($0.unicodeScalars) } }
            && a.notes.map { Array($0.unicodeScalars) } == b.notes.map { Array($0.unicodeScalars) }
            && a.metadata == b.metadata
    }
}
