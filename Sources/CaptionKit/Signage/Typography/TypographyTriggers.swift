/// The scalars that make one typography rule or another change a text, found in one pass over
/// its scalars: a rule whose ``TypographyUnitRule/triggers`` a text holds none of changes
/// nothing in it, and ``Typography/typeset(_:language:)`` skips it instead of letting it scan
/// the text for them itself.
///
/// No rule writes a trigger that a later rule reads (the year range's en dash is written only
/// where a hyphen or an en dash, which the dash rule reads too, was), so the triggers of the text before the
/// rules stand for the text between them (tests hold every rule to both).
struct TypographyTriggers: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

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
    /// Spaces or line feeds to clean (where ``WhitespaceRule`` may change text): the text starts or ends with a space, no-break space or line feed, or has a space
    /// after a space or line feed, a no-break space after a line feed, or a line feed after
    /// either space.
    static let untidySpace = Self(rawValue: 1 << 8)

    init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The triggers among `scalars`.
    init(of scalars: [Unicode.Scalar]) {
        var finder = Finder()
        for scalar in scalars { finder.visit(scalar.value) }
        self = finder.triggers
    }

    /// The scalars of `text` and their triggers, found in the one pass that decodes them, when
    /// each scalar is simple or a line feed (``SimpleScalars/scalarsOfSimpleLines(_:)``), else `nil`.
    static func simpleScalars(of text: String) -> (scalars: [Unicode.Scalar], triggers: Self)? {
        var finder = Finder()
        guard let scalars = SimpleScalars.scalarsOfSimpleLines(text, visiting: &finder) else { return nil }
        return (scalars, finder.triggers)
    }

    /// Finds the triggers of scalars given one by one, in order.
    private struct Finder: ScalarVisitor {
        var found: UInt16 = 0
        var guillemetCount = 0
        /// The value of the scalar before, ``start`` before the first.
        var previous = Finder.start

        /// Stands for the start of the text (no scalar has this value).
        static let start: UInt32 = 0xFFFF_FFFF

        @inline(__always)
        mutating func visit(_ value: UInt32) {
            defer { previous = value }
            // Letters, the commonest scalars, at once: every trigger is below `:` or one of four.
            if value > 0x39, value != 0xAB, value != 0xA0, value < 0x2013 || value > 0x2116 { return }
            switch value {
            case 0x20:
                if previous == 0x20 || previous == 0x0A || previous == Self.start {
                    found |= TypographyTriggers.untidySpace.rawValue
                }
            case 0xA0:
                if previous == 0x0A || previous == Self.start { found |= TypographyTriggers.untidySpace.rawValue }
            case 0x0A:
                if previous == 0x20 || previous == 0xA0 || previous == Self.start {
                    found |= TypographyTriggers.untidySpace.rawValue
                }
            case 0x27: found |= TypographyTriggers.apostrophe.rawValue
            case 0x22: found |= TypographyTriggers.doubleQuote.rawValue
            case 0xAB:
                guillemetCount += 1
                if guillemetCount > 1 { found |= TypographyTriggers.guillemets.rawValue }
            case 0x2D: found |= TypographyTriggers.hyphen.rawValue
            case 0x2013, 0x2014: found |= TypographyTriggers.dash.rawValue
            case 0x2116: found |= TypographyTriggers.numero.rawValue
            case 0x2E: found |= TypographyTriggers.fullStop.rawValue
            case 0x30...0x39: found |= TypographyTriggers.digit.rawValue
            default: return
            }
        }

        /// The triggers of the scalars given so far, as a whole text.
        var triggers: TypographyTriggers {
            let endsUntidy = previous == 0x20 || previous == 0xA0 || previous == 0x0A
            return TypographyTriggers(rawValue: found | (endsUntidy ? TypographyTriggers.untidySpace.rawValue : 0))
        }
    }
}
