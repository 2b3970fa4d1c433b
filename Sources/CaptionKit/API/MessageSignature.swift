/// HMAC-SHA-256 (RFC 2104): what the editor signs its form tokens with, so that it checks a
/// token without keeping a table of the tokens it gave out.
public enum MessageSignature {
    /// The HMAC-SHA-256 of `message`'s UTF-8 under `key` (of any length; the editor's is 32
    /// random bytes), as 64 lowercase hexadecimal digits.
    public static func hmacSHA256(key: [UInt8], message: String) -> String {
        let blockSize = 64
        var block = key.count > blockSize ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + Array(message.utf8))
        return SHA256.hexDigest(block.map { $0 ^ 0x5c } + inner)
    }
}
