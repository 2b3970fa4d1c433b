import Foundation

/// A fast 64-bit digest of a file's bytes and their count, to tell whether a file is still
/// exactly as it was read earlier in the same run.
///
/// Not cryptographic: it mixes 8 bytes at a time with a per-process random seed, so that
/// accidental changes, and changes made without knowledge of the seed, give another digest.
struct ContentDigest: Sendable, Hashable {
    /// The number of bytes.
    let count: Int
    /// The mixed bytes.
    let value: UInt64

    /// This process's seed.
    private static let seed = UInt64.random(in: .min ... .max)

    /// The digest of `data`.
    init(_ data: Data) {
        self = data.withUnsafeBytes { ContentDigest($0) }
    }

    /// The digest of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
            return mixed ^ (mixed >> 29)
        }
        var state = Self.seed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = mix(state, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        count = bytes.count
        value = mix(mix(state, tail), UInt64(bytes.count))
    }
}
