/// Which writing scripts (Latin, Cyrillic) occur among the letters of a text.
///
/// A bit set rather than a `Set<WritingScript>`: it is filled once per letter of every caption
/// text, and hashing each letter into a set dominated the run time of `captions check` on large
/// collections.
public struct ScriptInventory: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// Creates an inventory from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Latin letters occur.
    public static let latin = ScriptInventory(rawValue: 1)
    /// Cyrillic letters occur.
    public static let cyrillic = ScriptInventory(rawValue: 2)
    /// Both scripts occur.
    public static let both: ScriptInventory = [.latin, .cyrillic]

    /// The inventory holding just `script`.
    public init(_ script: WritingScript) {
        self = script == .latin ? .latin : .cyrillic
    }

    /// Whether the text has letters of a script other than `script`.
    public func hasOther(than script: WritingScript) -> Bool {
        !subtracting(ScriptInventory(script)).isEmpty
    }

    /// The scripts whose letters occur in `text` (a quick scan, no word splitting).
    public init(of text: some StringProtocol) {
        var found: ScriptInventory = []
        for scalar in text.unicodeScalars {
            // Most scalars are ASCII non-letters or plain Cyrillic: decide those without the
            // general switch of `WritingScript.init`.
            let value = scalar.value
            if value < 0x41 { continue }
            if value >= 0x410 && value <= 0x44F {
                found.insert(.cyrillic)
            } else if let script = WritingScript(scalar) {
                found.insert(ScriptInventory(script))
            } else {
                continue
            }
            if found == .both { break }
        }
        self = found
    }
}
