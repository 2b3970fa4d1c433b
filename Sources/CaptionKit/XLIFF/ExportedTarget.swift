/// The mark an export puts in each unit: the fingerprint of its target as exported (of the
/// empty text when it has none), so that the import can tell a text the translator left as it
/// was from one the curator changed in the caption file meanwhile.
///
/// Without it, a unit returned unchanged would put the exported text back over the curator's
/// later edit. XLIFF 1.2 carries it as `<context-group purpose="information">` with `<context
/// context-type="x-captions-target">` (strict 1.2 allows no private attribute on a unit, and a
/// group's `name` must be unique in the file), XLIFF 2 in the Metadata module
/// (`<mda:metaGroup category="captions"><mda:meta type="target">`). CAT tools keep both and do
/// not show them as text to translate.
///
/// Beside the fingerprint, the mark names the language the file was exported for
/// (`<context context-type="x-captions-language">`, `<mda:meta type="language">`): a tool or a
/// translator that changes the file's target language would otherwise have its translations
/// imported as another language's texts. A mark without it (an export before it was added) is
/// read as before.
///
/// Last, the mark says whether the export put the source into the target
/// (`--prefill-target`: `<context context-type="x-captions-prefilled">`, `<mda:meta
/// type="prefilled">`, `yes` or `no`), so that the import can tell a prefilled target nobody
/// confirmed from a translation that is the same as its source («АЛЖИР» in kk and ru). A mark
/// without it (an export before it was added) makes the import refuse every target equal to its
/// source, as it did then.
enum ExportedTarget {
    /// The meta group's `category` (2.0).
    static let name = "captions"
    /// The `context-type` of the `<context>` that holds the fingerprint (1.2).
    static let contextType12 = "x-captions-target"
    /// The `type` of the `<mda:meta>` that holds the fingerprint (2.0).
    static let metaType20 = "target"
    /// The `context-type` of the `<context>` that names the language exported for (1.2).
    static let languageContextType12 = "x-captions-language"
    /// The `type` of the `<mda:meta>` that names the language exported for (2.0).
    static let languageMetaType20 = "language"
    /// The `context-type` of the `<context>` that says whether the target was prefilled (1.2).
    static let prefilledContextType12 = "x-captions-prefilled"
    /// The `type` of the `<mda:meta>` that says whether the target was prefilled (2.0).
    static let prefilledMetaType20 = "prefilled"

    /// The text of the prefilled entry: `yes` or `no`.
    static func prefilledValue(_ prefilled: Bool) -> String { prefilled ? "yes" : "no" }

    /// What the text of a prefilled entry says: `nil` for a text that is neither `yes` nor `no`
    /// (read as an export without the entry).
    static func prefilled(_ value: String) -> Bool? {
        switch value {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    /// The fingerprint of `target`: the 64-bit FNV-1a hash of its UTF-8, as 16 hexadecimal
    /// digits. Not SHA-256 of the NFC form, as a source's record is: this runs for every unit of
    /// every export, and a mark needs no more than telling texts apart. A tool that returns an
    /// unchanged target in another normalization makes it look changed, which at worst turns a
    /// kept text into a conflict, never into an overwrite.
    static func fingerprint(_ target: String) -> String { FNV1a.hex(target.utf8) }
}
