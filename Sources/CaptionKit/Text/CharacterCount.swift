import Foundation

/// The number of characters (grapheme clusters) of a caption text, as `String.count` gives it,
/// and of its NFC form (``ofNFC(_:)``), the unit of signage line widths.
///
/// `String.count` breaks Cyrillic text into graphemes scalar pair by scalar pair through the
/// general Unicode rules, which made counting every text of a large collection one of the
/// larger costs of `captions check`. Texts made only of scalars that always form a grapheme on
/// their own are counted by scalars instead; the others still go through `String.count`.
enum CharacterCount {
    /// The characters of `text` a reader sees: ``of(_:)`` without its soft hyphens (each is a
    /// grapheme cluster of its own), what `max-chars` and the editor's counters count.
    static func printed(_ text: String) -> Int {
        var text = text
        return of(text) - text.withUTF8 { SoftHyphens.count(in: $0) }
    }

    /// The number of characters of `text`; always equal to `text.count`.
    static func of(_ text: String) -> Int {
        var scalars = 0
        for scalar in text.unicodeScalars {
            guard isAlone(scalar) else { return text.count }
            scalars += 1
        }
        return scalars
    }

    /// The number of characters of the NFC form of `text`: what a reader sees, whichever way
    /// the text is encoded (`ә`, or `и` typed with a combining breve, counts once).
    static func ofNFC(_ text: String) -> Int {
        // Fast path: simple scalars are NFC and one character each, so the count is the scalar count.
        var scalars = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar) else { return of(text.precomposedStringWithCanonicalMapping) }
            scalars += 1
        }
        return scalars
    }

    /// Whether `scalar` is a grapheme cluster by itself whatever surrounds it: its Unicode
    /// grapheme break property is Other, Control or LF (never Extend, SpacingMark, Prepend, ZWJ,
    /// Regional Indicator, Hangul or CR, which join with their neighbours), and no scalar that
    /// could join it is in this set either. Covers ASCII (without CR), Latin-1, Latin Extended,
    /// IPA, the Cyrillic letters (without the combining marks U+0483–U+0489), the general
    /// punctuation block up to U+205E and № (U+2116).
    @inline(__always)
    static func isAlone(_ scalar: Unicode.Scalar) -> Bool {
        isAlone(value: scalar.value)
    }

    /// ``isAlone(_:)`` of the scalar with the value `value`.
    @inline(__always)
    static func isAlone(value: UInt32) -> Bool {
        if value < 0x300 { return value != 0x0D }
        return (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x52F)
            || (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E) || value == 0x2116
    }

    /// Whether `scalar` is simple: alone (``isAlone(_:)``), not a control character, and NFC
    /// whatever surrounds it (none of these scalars composes with another or has a singleton
    /// decomposition). Text of simple scalars is NFC and each scalar is one character, so fast
    /// paths count and split it by scalars. The general punctuation after U+2027 is left out:
    /// caption text hardly has it, and the set stays small and certain.
    @inline(__always)
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        isSimple(value: scalar.value)
    }

    /// ``isSimple(_:)`` of the scalar with the value `value`.
    @inline(__always)
    static func isSimple(value: UInt32) -> Bool {
        isAlone(value: value) && value >= 0x20 && (value < 0x7F || value >= 0xA0) && (value < 0x2028 || value > 0x205E)
    }
}
