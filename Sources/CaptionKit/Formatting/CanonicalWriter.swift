import Foundation

/// Writes an exhibit in the one canonical form of `captions fmt`.
///
/// - Key order: `id`, the configured fields in configuration order, fields the configuration
///   does not know (in file order), `notes`, then the machine-owned keys (`ignore`,
///   `translations`...) in alphabetical order. Nothing is dropped.
/// - Inside a field: the configured languages in configuration order, then other languages in
///   file order.
/// - Caption texts: a literal block (`|`) when the text has a line break or is longer than
///   ``blockThreshold`` characters (a paragraph) and a block keeps it exactly with no line
///   ending in a space; otherwise on the key's line, plain when safe and double-quoted
///   otherwise, with the same rules as the caption editor of `captions import`
///   (`YAMLScalarWriter`). Notes use a block only when they have a line break. Every text is
///   in Unicode NFC.
/// - `translations:` is written exactly as `captions import` writes it (``TranslationRecord``,
///   with its machine-owned comment); other machine-owned values in block style, with flow
///   `[...]` / `{...}` only for empty collections.
/// - Two-space indentation, `\n` line ends, no trailing spaces, one final line break.
enum CanonicalWriter {
    /// Single-line caption texts longer than this (in characters) are written as blocks.
    static let blockThreshold = YAMLScalarWriter.blockThreshold

    /// The canonical text of `exhibit`.
    static func text(of exhibit: Exhibit, config: CollectionConfig) -> String {
        var output = ""
        if let id = exhibit.id { output += "id: " + inline(nfc(id)) + "\n" }
        let configured = config.fields.compactMap { spec in exhibit.field(spec.name) }
        let others = exhibit.fields.filter { config.field($0.name) == nil }
        for field in configured + others {
            output += key(nfc(field.name)) + ":"
            let known = config.languages.compactMap { field.translation($0) }
            let unknown = field.translations.filter { !config.languages.contains($0.language) }
            let translations = known + unknown
            if translations.isEmpty {
                output += "\n"
                continue
            }
            output += "\n"
            for translation in translations {
                output += "  " + key(nfc(translation.language)) + ": "
                output += text(nfc(translation.text), indent: 4, blockWhenLong: true) + "\n"
            }
        }
        if let notes = exhibit.notes {
            output += "notes: " + text(nfc(notes.text), indent: 2, blockWhenLong: false) + "\n"
        }
        for name in exhibit.metadata.keys.sorted() {
            guard let node = exhibit.metadata[name] else { continue }
            if name == TranslationRecord.key, let record = translationRecord(of: exhibit) {
                output +=
                    record.yaml(
                        fieldOrder: config.fields.map(\.name), languageOrder: config.languages, newline: "\n") + "\n"
                continue
            }
            output += key(nfc(name)) + ":"
            appendValue(node, keyIndent: 0, to: &output)
        }
        return output
    }

    /// The exhibit's `translations:` record when it is well-formed and non-empty, so that it can
    /// be written the way `captions import` writes it; `nil` otherwise (written as found).
    static func translationRecord(of exhibit: Exhibit) -> TranslationRecord? {
        let record = TranslationRecord(exhibit: exhibit)
        guard record.problems.isEmpty, !record.fingerprints.isEmpty,
            !record.fingerprints.values.contains(where: \.isEmpty)
        else { return nil }
        return record
    }

    /// A caption text or notes value, after `key: `.
    static func text(_ text: String, indent: Int, blockWhenLong: Bool) -> String {
        switch YAMLScalarWriter.render(text, blockWhenLong: blockWhenLong) {
        case .literalBlock(let lines):
            let prefix = String(repeating: " ", count: indent)
            return "|\n" + lines.map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
        case .inline(let value):
            return value
        }
    }

    /// A text on the key's line: plain when safe, else double-quoted.
    static func inline(_ text: String) -> String {
        YAMLScalarWriter.canBePlain(text) ? text : YAMLScalarWriter.doubleQuoted(text)
    }

    /// Appends a metadata node as the value after `key:` (the key starting at `keyIndent`),
    /// including the line break. Plain scalars stay plain when they can; quoted ones are
    /// written double-quoted, so a quoted `"3"` stays text.
    static func appendValue(_ node: LocatedNode, keyIndent: Int, to output: inout String) {
        switch node.value {
        case .scalar(let text):
            output += node.isPlain && text.isEmpty ? "\n" : " " + metadataScalar(node, text) + "\n"
        case .sequence(let items):
            if items.isEmpty {
                output += " []\n"
                return
            }
            output += "\n"
            for item in items { appendItem(item, dashIndent: keyIndent + 2, to: &output) }
        case .mapping(let pairs):
            if pairs.isEmpty {
                output += " {}\n"
                return
            }
            output += "\n"
            appendPairs(pairs, indent: keyIndent + 2, firstPrefix: nil, to: &output)
        }
    }

    /// Appends a sequence item at `dashIndent`.
    static func appendItem(_ node: LocatedNode, dashIndent: Int, to output: inout String) {
        let dash = String(repeating: " ", count: dashIndent) + "-"
        switch node.value {
        case .scalar(let text):
            output += dash + (node.isPlain && text.isEmpty ? "" : " " + metadataScalar(node, text)) + "\n"
        case .sequence(let items):
            if items.isEmpty {
                output += dash + " []\n"
                return
            }
            output += dash + "\n"
            for item in items { appendItem(item, dashIndent: dashIndent + 2, to: &output) }
        case .mapping(let pairs):
            if pairs.isEmpty {
                output += dash + " {}\n"
                return
            }
            appendPairs(pairs, indent: dashIndent + 2, firstPrefix: dash + " ", to: &output)
        }
    }

    /// Appends mapping pairs at `indent`; the first pair follows `firstPrefix` when given
    /// (a sequence item's `- `).
    static func appendPairs(_ pairs: [LocatedNode.Pair], indent: Int, firstPrefix: String?, to output: inout String) {
        for (index, pair) in pairs.enumerated() {
            let lead =
                index == 0
                ? firstPrefix ?? String(repeating: " ", count: indent) : String(repeating: " ", count: indent)
            output += lead + key(nfc(pair.key.scalar ?? "")) + ":"
            appendValue(pair.value, keyIndent: indent, to: &output)
        }
    }

    static func metadataScalar(_ node: LocatedNode, _ text: String) -> String {
        let text = nfc(text)
        return node.isPlain ? YAMLScalarWriter.key(text) : YAMLScalarWriter.doubleQuoted(text)
    }

    /// A key: plain when safe, else double-quoted.
    static func key(_ text: String) -> String { YAMLScalarWriter.key(text) }

    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
}
