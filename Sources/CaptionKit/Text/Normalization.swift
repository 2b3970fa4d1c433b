import Foundation

/// Unicode NFC for caption texts: the one place that decides whether a text is in NFC and
/// composes it, for the `not-normalized` check, source fingerprints and signage typography.
enum Normalization {
    /// Whether `scalar` is left alone by NFC whatever surrounds it (given that no scalar it could
    /// combine with is in this set either). Covers the Cyrillic letters, the general punctuation
    /// block up to U+205E and № besides everything below U+0300.
    @inline(__always)
    static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x4FF)
            || (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E) || value == 0x2116
    }

    /// Whether `text` is in NFC. Texts made only of characters that NFC never changes (ASCII,
    /// Latin-1 and Latin Extended letters, Cyrillic letters, common punctuation) skip the
    /// expensive normalization.
    static func isNFC(_ text: String) -> Bool {
        let stable = text.unicodeScalars.allSatisfy(isNFCStable)
        return stable || text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// `text` in NFC; text of ``isNFCStable(_:)`` scalars only is returned as it is, without
    /// running the normalisation.
    static func nfc(_ text: String) -> String {
        text.unicodeScalars.allSatisfy(isNFCStable) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` is a control character other than a line feed or tab (C0, DEL, C1):
    /// nothing a caption should hold (what XML 1.0 cannot carry to a translator is
    /// ``XMLCharacters``' narrower rule).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 && value != 0x0A && value != 0x09 || value >= 0x7F && value <= 0x9F
    }

    /// Whether `scalar` can take no part in any problem the `not-normalized` check reports: it
    /// is NFC-stable (see ``isNFCStable(_:)``), neither a zero-width nor a control character
    /// nor U+FFFD, and not a character that starts a mojibake run (Â to ï).
    @inline(__always)
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 {
            return (value >= 0x20 && value < 0x7F) || value == 0x0A || value == 0x09 || (value >= 0xA0 && value < 0xC2)
                || value > 0xEF
        }
        return isNFCStable(scalar)
    }
}
