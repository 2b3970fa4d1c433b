extension Unicode.Scalar {
    /// The scalar as messages name it: `U+000B`, `U+1F600` (at least four hex digits, uppercase).
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
