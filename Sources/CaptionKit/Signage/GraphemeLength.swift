import Foundation

/// Text length as a reader sees it: grapheme clusters of the NFC text.
///
/// `ә`, `й` typed as `и` + combining breve, or a letter with any number of combining marks each
/// count once; so does an emoji made of several code points. This is the unit of the signage
/// line width and of `max-chars`.
public enum GraphemeLength {
    /// The number of grapheme clusters in `text` after NFC normalisation.
    public static func of(_ text: String) -> Int {
        // Fast path: simple scalars are NFC and one cluster each, so the count is the scalar count.
        SimpleScalars.simpleLength(text) ?? text.precomposedStringWithCanonicalMapping.count
    }
}
