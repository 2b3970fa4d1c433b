/// A position in the prolog of UTF-8 XML and the few steps the prolog's readers take there:
/// white space, a word (a name or keyword), a quoted literal. Shared by the XML declaration's
/// reader (``XMLDeclaration``) and the DOCTYPE scan (``PrologScanner``).
struct PrologCursor<Bytes: RandomAccessCollection<UInt8>> where Bytes.Index == Int {
    let bytes: Bytes
    /// The offset of the next byte to read.
    var index: Int

    /// Whether the byte at `offset` is XML white space (space, tab, LF, CR); `false` past the end.
    func isSpace(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The byte at ``index``, or `nil` at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips white space; whether there was any.
    @discardableResult
    mutating func skipSpace() -> Bool {
        let before = index
        while isSpace(at: index) { index += 1 }
        return index > before
    }

    /// Skips a word: the bytes up to white space, the end, or one of `stops`; returns its range.
    mutating func word(stoppingAt stops: String) -> Range<Int> {
        let before = index
        while index < bytes.count, !isSpace(at: index), !stops.utf8.contains(bytes[index]) { index += 1 }
        return before..<index
    }

    /// Skips a quoted literal (`"…"` or `'…'`) and returns the range of its value inside the
    /// quotes; `nil` (and ``index`` wherever the scan stopped) when there is no whole one.
    mutating func literal() -> Range<Int>? {
        guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        index += 1
        let valueStart = index
        while index < bytes.count, bytes[index] != quote { index += 1 }
        guard index < bytes.count else { return nil }
        index += 1
        return valueStart..<index - 1
    }
}
