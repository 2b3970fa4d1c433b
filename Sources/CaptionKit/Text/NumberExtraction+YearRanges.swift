/// Year ranges whose second year is abbreviated, read as the year they stand for (see
/// ``NumberExtraction``): `1937–38`, `1937-38`, `1937/38` and `1937–8` give `1937` and `1938`,
/// as `1937–1938` does; `the 1930s–40s` gives `1930` and `1940`.
extension NumberExtraction {
    /// The year the number between `start` and `end` completes, when it is the abbreviated end of
    /// a year range: one or two digits right after a hyphen, an en or em dash or a slash that
    /// follows a year (four digits, the last number of `read`, with an `s` after it or not), and
    /// the year made of the first year's leading digits and these is later than the first
    /// (`1937–38` → `1938`, `1937–8` → `1938`; not `1937–36`, which stays `36`, nor three digits:
    /// `1200–800` is a range before the common era, not 1200 to 1800).
    static func completedYear(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, read: [String]
    ) -> String? {
        let digits = end - start
        guard digits <= 2, start >= 5, let first = read.last, first.utf8.count == 4, first.utf8.allSatisfy(isDigit)
        else { return nil }
        var index = start
        let before = bytes[index - 1]
        if before == UInt8(ascii: "-") || before == UInt8(ascii: "/") {
            index -= 1
        } else if bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80, before == 0x93 || before == 0x94 {
            index -= 3
        } else {
            return nil
        }
        if bytes[index - 1] == UInt8(ascii: "s") { index -= 1 }
        guard index >= 4, index == 4 || !isDigit(bytes[index - 5]),
            first.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index - 4..<index]))
        else { return nil }
        let completed =
            String(first.prefix(4 - digits))
            + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return completed > first ? completed : nil
    }
}
