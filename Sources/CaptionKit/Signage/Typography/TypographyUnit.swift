/// A unit of text the typography rules read and write: a `Character` in general, or a
/// `Unicode.Scalar` when every scalar of the text is simple (``SimpleScalars``) or a line feed.
///
/// In such text each scalar is a whole character, so the rules, written once for any unit,
/// give the same result on either: the scalar path only skips grapheme breaking and
/// `Character` comparisons. The properties below are `Character`'s; for a scalar they are the
/// answers of the one-scalar `Character`.
protocol TypographyUnit: Hashable, ExpressibleByUnicodeScalarLiteral {
    /// Whether the unit is a letter (`Character.isLetter`).
    var isLetter: Bool { get }
    /// Whether the unit is a space or line break (`Character.isWhitespace`).
    var isWhitespace: Bool { get }
    /// `Character.isUppercase`.
    var isUppercase: Bool { get }
    /// `Character.isLowercase`.
    var isLowercase: Bool { get }
    /// `Character.isNumber`.
    var isNumber: Bool { get }
    /// Whether the unit is an ASCII digit 0–9.
    var isASCIIDigit: Bool { get }
    /// The unit's first scalar (the scalar itself for a scalar).
    var firstScalar: Unicode.Scalar { get }

    /// The index of the first `unit` in `units` from `start` on, or `units.count` when there is
    /// none: how the rules find the spaces, full stops and dashes they act at.
    static func index(of unit: Self, in units: [Self], from start: Int) -> Int

    /// The units of `text`.
    static func units(of text: some StringProtocol) -> [Self]
    /// The text of `units`.
    static func string(of units: some Collection<Self>) -> String
}

extension Character: TypographyUnit {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }

    var firstScalar: Unicode.Scalar { unicodeScalars.first! }

    static func index(of unit: Character, in units: [Character], from start: Int) -> Int {
        start < units.count ? units[start...].firstIndex(of: unit) ?? units.count : units.count
    }

    static func units(of text: some StringProtocol) -> [Character] { Array(text) }

    static func string(of units: some Collection<Character>) -> String { String(units) }
}

extension Unicode.Scalar: TypographyUnit {
    var isLetter: Bool { characterTraits.contains(.characterLetter) }
    var isWhitespace: Bool { characterTraits.contains(.characterWhitespace) }
    var isUppercase: Bool { characterTraits.contains(.characterUppercase) }
    var isLowercase: Bool { characterTraits.contains(.characterLowercase) }
    var isNumber: Bool { characterTraits.contains(.characterNumber) }

    /// `Character`'s classification of the scalar, from the scalar facts (``ScalarTraits``),
    /// with the commonest letters and the space answered without a look-up.
    @inline(__always)
    private var characterTraits: ScalarTraits {
        switch value {
        case 0x61...0x7A, 0x430...0x45F: [.characterLetter, .characterLowercase]
        case 0x41...0x5A, 0x400...0x42F: [.characterLetter, .characterUppercase]
        // Kazakh letters (ә ғ қ ң ө ұ ү һ) and the rest of these Cyrillic blocks: case pairs, the
        // capital first.
        case 0x48A...0x4BF, 0x4D0...0x4FF:
            value & 1 == 0 ? [.characterLetter, .characterUppercase] : [.characterLetter, .characterLowercase]
        case 0x20: .characterWhitespace
        default: ScalarTraits.of(self)
        }
    }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    var firstScalar: Unicode.Scalar { self }

    /// Eight scalars at a time: a rule's scan for spaces was a fair share of its cost, one
    /// bounds-checked comparison a scalar.
    static func index(of unit: Unicode.Scalar, in units: [Unicode.Scalar], from start: Int) -> Int {
        units.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress), start < buffer.count else { return buffer.count }
            let wanted = SIMD8<UInt32>(repeating: unit.value)
            let stride = MemoryLayout<Unicode.Scalar>.stride
            var index = start
            while index &+ 8 <= buffer.count {
                let chunk = base.loadUnaligned(fromByteOffset: index &* stride, as: SIMD8<UInt32>.self)
                if any(chunk .== wanted) { break }
                index &+= 8
            }
            while index < buffer.count, buffer[index] != unit { index &+= 1 }
            return index
        }
    }

    static func units(of text: some StringProtocol) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    static func string(of units: some Collection<Unicode.Scalar>) -> String {
        // Encoded straight into the string's storage: appending scalars one by one is slow.
        let byteCount = units.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            guard let bytes = buffer.baseAddress else { return 0 }
            var count = 0
            for scalar in units { SimpleScalars.encodeUTF8(of: scalar, into: bytes, at: &count) }
            return count
        }
    }
}
