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

    /// The units of `text`.
    static func units(of text: some StringProtocol) -> [Self]
    /// The text of `units`.
    static func string(of units: some Collection<Self>) -> String
}

extension Character: TypographyUnit {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }

    static func units(of text: some StringProtocol) -> [Character] { Array(text) }

    static func string(of units: some Collection<Character>) -> String { String(units) }
}

extension Unicode.Scalar: TypographyUnit {
    var isLetter: Bool { CharacterClass.of(self).contains(.letter) }
    var isWhitespace: Bool { CharacterClass.of(self).contains(.whitespace) }
    var isUppercase: Bool { CharacterClass.of(self).contains(.uppercase) }
    var isLowercase: Bool { CharacterClass.of(self).contains(.lowercase) }
    var isNumber: Bool { CharacterClass.of(self).contains(.number) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    static func units(of text: some StringProtocol) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    static func string(of units: some Collection<Unicode.Scalar>) -> String {
        // Encoded straight into the string's storage: appending scalars one by one is slow.
        let byteCount = units.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var count = 0
            for scalar in units { SimpleScalars.encodeUTF8(of: scalar, into: buffer, at: &count) }
            return count
        }
    }
}

/// `Character`'s classification of a one-scalar character, looked up in tables for the
/// scalars caption text is made of (built once from `Character`'s own answers, so they agree
/// by construction) and asked of `Character` for the rest.
struct CharacterClass: OptionSet {
    let rawValue: UInt8

    static let letter = CharacterClass(rawValue: 1 << 0)
    static let whitespace = CharacterClass(rawValue: 1 << 1)
    static let uppercase = CharacterClass(rawValue: 1 << 2)
    static let lowercase = CharacterClass(rawValue: 1 << 3)
    static let number = CharacterClass(rawValue: 1 << 4)

    /// `Character`'s answers for `character`.
    init(of character: Character) {
        var flags: CharacterClass = []
        if character.isLetter { flags.insert(.letter) }
        if character.isWhitespace { flags.insert(.whitespace) }
        if character.isUppercase { flags.insert(.uppercase) }
        if character.isLowercase { flags.insert(.lowercase) }
        if character.isNumber { flags.insert(.number) }
        self = flags
    }

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Scalars U+0000–U+052F: ASCII, Latin, spacing modifiers, combining marks, Greek, Cyrillic.
    private static let low = table(0..<0x530)
    /// Scalars U+2000–U+211F: general punctuation (dashes, quotes), letterlike symbols (№).
    private static let punctuation = table(0x2000..<0x2120)

    private static func table(_ values: Range<UInt32>) -> [CharacterClass] {
        values.map { CharacterClass(of: Character(Unicode.Scalar($0)!)) }
    }

    /// The class of the one-scalar character `scalar`.
    static func of(_ scalar: Unicode.Scalar) -> CharacterClass {
        let value = scalar.value
        switch value {  // the commonest letters and the space without a table look-up
        case 0x61...0x7A, 0x430...0x45F: return [.letter, .lowercase]
        case 0x41...0x5A, 0x400...0x42F: return [.letter, .uppercase]
        case 0x20: return .whitespace
        default: break
        }
        if value < 0x530 { return low[Int(value)] }
        if value >= 0x2000, value < 0x2120 { return punctuation[Int(value - 0x2000)] }
        return CharacterClass(of: Character(scalar))
    }
}
