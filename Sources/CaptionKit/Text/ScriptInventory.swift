/// Which writing scripts (Latin, Cyrillic) occur among the letters of a text.
///
/// A bit set rather than a `Set<WritingScript>`: it is filled once per letter of every caption
/// text, and hashing each letter into a set dominated the run time of `captions check` on large
/// collections. ``TextAnalysis`` finds a text's inventory in its single pass.
struct ScriptInventory: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// Creates an inventory from its bits.
    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Latin letters occur.
    static let latin = ScriptInventory(rawValue: 1)
    /// Cyrillic letters occur.
    static let cyrillic = ScriptInventory(rawValue: 2)
    /// Both scripts occur.
    static let both: ScriptInventory = [.latin, .cyrillic]

    /// The inventory holding just `script`.
    init(_ script: WritingScript) {
        self = script == .latin ? .latin : .cyrillic
    }

    /// Whether the text has letters of a script other than `script`.
    func hasOther(than script: WritingScript) -> Bool {
        !subtracting(ScriptInventory(script)).isEmpty
    }
}
