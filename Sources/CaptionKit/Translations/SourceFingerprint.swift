import Foundation

/// The fingerprint of a source text: the first 8 hexadecimal digits of the SHA-256 of its
/// NFC-normalised UTF-8 bytes.
///
/// Eight digits (32 bits) are plenty to notice that one exhibit field's source changed, and
/// short enough to sit on one line per field in the caption file. The same text gives the same
/// fingerprint on every machine; text that differs only in Unicode normalisation gives the same
/// fingerprint too.
enum SourceFingerprint {
    /// The fingerprint of `text`.
    static func of(_ text: String) -> String {
        // Text made only of scalars that NFC never changes is its own NFC form.
        let normalized = Normalization.nfc(text)
        return String(SHA256.hexDigest(Array(normalized.utf8)).prefix(8))
    }

    /// Whether `value` looks like a fingerprint: 8 lowercase hexadecimal digits.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 8
            && value.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }
}
