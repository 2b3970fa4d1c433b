/// The 64-bit FNV-1a hash, for fingerprints that need only tell texts apart (a baseline
/// entry, an exported target), not resist anyone forging them.
enum FNV1a {
    /// The hash of `bytes` as 16 lowercase hexadecimal digits.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
