/// The mark an export puts in each unit that has a target: the fingerprint of that target as
/// exported, so that the import can tell a text the translator left as it was from one the
/// curator changed in the caption file meanwhile.
///
/// Without it, a unit returned unchanged would put the exported text back over the curator's
/// later edit. XLIFF 1.2 carries it as `<context-group purpose="information">` with `<context
/// context-type="x-captions-target">` (a group's `name` must be unique in the file), XLIFF 2 in
/// the Metadata module
/// (`<mda:metaGroup category="captions"><mda:meta type="target">`): parts of the file CAT tools
/// keep and do not show as text to translate.
enum ExportedTarget {
    /// The meta group's `category` (2.0).
    static let name = "captions"
    /// The `context-type` of the `<context>` that holds the fingerprint (1.2).
    static let contextType12 = "x-captions-target"
    /// The `type` of the `<mda:meta>` that holds the fingerprint (2.0).
    static let metaType20 = "target"

    /// The fingerprint of `target` (as ``SourceFingerprint/of(_:)`` makes one of a source).
    static func fingerprint(_ target: String) -> String { SourceFingerprint.of(target) }
}
