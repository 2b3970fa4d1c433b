/// The scalars that make one typography rule or another change a text, found in one pass over
/// its scalars: a rule whose ``TypographyUnitRule/triggers`` a text holds none of changes
/// nothing in it, and ``Typography/typeset(_:language:)`` skips it instead of letting it scan
/// the text for them itself.
///
/// No rule writes a trigger that a later rule reads (the year range's en dash is written only
/// where a hyphen, which the dash rule reads too, was), so the triggers of the text before the
/// rules stand for the text between them (tests hold every rule to both).
struct TypographyTriggers: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// A straight single quote `'`.
    static let apostrophe = Self(rawValue: 1 << 0)
    /// A straight double quote `"`.
    static let doubleQuote = Self(rawValue: 1 << 1)
    /// Two or more `«` (a quotation inside a quotation may be typed with them).
    static let guillemets = Self(rawValue: 1 << 2)
    /// A hyphen-minus `-`.
    static let hyphen = Self(rawValue: 1 << 3)
    /// An en or em dash.
    static let dash = Self(rawValue: 1 << 4)
    /// The numero sign `№`.
    static let numero = Self(rawValue: 1 << 5)
    /// A full stop.
    static let fullStop = Self(rawValue: 1 << 6)
    /// An ASCII digit.
    static let digit = Self(rawValue: 1 << 7)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The triggers among `scalars`.
    init(of scalars: [Unicode.Scalar]) {
        var found: UInt8 = 0
        var guillemets = 0
        for scalar in scalars {
            let value = scalar.value
            // Letters, the commonest scalars, at once: every trigger is below `:` or one of three.
            if value > 0x39, value != 0xAB, value < 0x2013 || value > 0x2116 { continue }
            switch value {
            case 0x27: found |= Self.apostrophe.rawValue
            case 0x22: found |= Self.doubleQuote.rawValue
            case 0xAB:
                guillemets += 1
                if guillemets > 1 { found |= Self.guillemets.rawValue }
            case 0x2D: found |= Self.hyphen.rawValue
            case 0x2013, 0x2014: found |= Self.dash.rawValue
            case 0x2116: found |= Self.numero.rawValue
            case 0x2E: found |= Self.fullStop.rawValue
            case 0x30...0x39: found |= Self.digit.rawValue
            default: continue
            }
        }
        self.init(rawValue: found)
    }
}
