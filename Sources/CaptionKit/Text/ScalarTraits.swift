/// The facts about one scalar that fast paths ask, as bits: the answers of the predicates
/// ``TextAnalysis``'s single pass asks about every scalar of every text, whether the scalar is
/// simple (``CharacterCount/isSimple(_:)``), and `Character`'s classification of the
/// one-scalar character, which the typography rules ask of simple scalars.
///
/// The scalars caption texts are made of (ASCII, Latin-1 and Latin Extended, Cyrillic, general
/// punctuation, №) are looked up in a table that is filled, once, by asking those very predicates;
/// every other scalar asks them on the spot. Either way the bits are the predicates' answers, so
/// a pass reading them decides exactly as one calling the predicates would, at the cost of one
/// load per scalar instead of a dozen range tests.
struct ScalarTraits: OptionSet, Sendable {
    let rawValue: UInt32

    /// ``CharacterCount/isAlone(_:)``.
    static let alone = ScalarTraits(rawValue: 1 << 0)
    /// `WritingScript(scalar) == .latin`.
    static let latin = ScalarTraits(rawValue: 1 << 1)
    /// `WritingScript(scalar) == .cyrillic`.
    static let cyrillic = ScalarTraits(rawValue: 1 << 2)
    /// ``KazakhLetters/isCountedLetter(_:)``.
    static let kazakhLetter = ScalarTraits(rawValue: 1 << 3)
    /// ``KazakhLetters/isDecomposedForm(_:)``.
    static let kazakhForm = ScalarTraits(rawValue: 1 << 4)
    /// ``Normalization/isPlain(_:)``.
    static let normalizationPlain = ScalarTraits(rawValue: 1 << 5)
    /// ``TextWords/isLetter(_:)``.
    static let letter = ScalarTraits(rawValue: 1 << 6)
    /// ``TextWords/isCombiningMark(_:)``, or a soft hyphen (U+00AD, where a sign may break the
    /// word): what goes on a word after a letter.
    static let wordContinuation = ScalarTraits(rawValue: 1 << 7)
    /// ``TextWords/isPlainLetter(_:)``.
    static let plainLetter = ScalarTraits(rawValue: 1 << 8)
    /// A plain letter for which ``TextWords/isLowercasePlainLetter(_:)`` holds.
    static let lowercasePlainLetter = ScalarTraits(rawValue: 1 << 9)
    /// A scalar number extraction starts at: an ASCII digit, a Roman letter (`I`, `V`, `X`, `L`,
    /// `C`, `D`, `M`), or the Cyrillic capital Х (U+0425) or І (U+0406) that typists use for X and I.
    static let numberStart = ScalarTraits(rawValue: 1 << 10)
    /// A scalar that ``BracketScan`` reacts to: a bracket or a quote.
    static let bracket = ScalarTraits(rawValue: 1 << 11)
    /// A scalar that ``WhitespaceScan`` looks at for itself: a tab, a space
    /// (``WhitespaceScan/isSpace(_:)``), a line break or a mark that takes no space before it
    /// (``WhitespaceScan/isPunctuation(_:)``). Every other scalar only ends a run of line breaks.
    static let whitespaceScan = ScalarTraits(rawValue: 1 << 12)
    /// A scalar that, between two words, keeps the gap one of spaces: a space or no-break space.
    static let gapSpace = ScalarTraits(rawValue: 1 << 13)
    /// ``CharacterCount/isSimple(_:)``.
    static let simple = ScalarTraits(rawValue: 1 << 15)
    /// `Character.isLetter` of the one-scalar character.
    static let characterLetter = ScalarTraits(rawValue: 1 << 27)
    /// `Character.isWhitespace` of the one-scalar character.
    static let characterWhitespace = ScalarTraits(rawValue: 1 << 28)
    /// `Character.isUppercase` of the one-scalar character.
    static let characterUppercase = ScalarTraits(rawValue: 1 << 29)
    /// `Character.isLowercase` of the one-scalar character.
    static let characterLowercase = ScalarTraits(rawValue: 1 << 30)
    /// `Character.isNumber` of the one-scalar character.
    static let characterNumber = ScalarTraits(rawValue: 1 << 31)

    /// The scalar has a case fold (``TextAnalysis/caseFolded(_:)``), kept in the bits from
    /// ``caseFoldShift`` up.
    private static let hasCaseFold = ScalarTraits(rawValue: 1 << 14)
    /// Where the case fold's value starts in ``rawValue`` (case folds of table scalars are
    /// below U+0800: eleven bits, up to the character bits).
    private static let caseFoldShift: UInt32 = 16

    /// ``TextAnalysis/caseFolded(_:)`` of the scalar.
    @inline(__always)
    var caseFolded: UInt32? {
        contains(.hasCaseFold) ? rawValue >> Self.caseFoldShift & 0x7FF : nil
    }

    /// The traits of `scalar`, from the predicates themselves.
    @inline(never)
    static func computed(_ scalar: Unicode.Scalar) -> ScalarTraits {
        var traits: ScalarTraits = []
        if CharacterCount.isAlone(scalar) { traits.insert(.alone) }
        switch WritingScript(scalar) {
        case .latin: traits.insert(.latin)
        case .cyrillic: traits.insert(.cyrillic)
        case nil: break
        }
        if KazakhLetters.isCountedLetter(scalar) { traits.insert(.kazakhLetter) }
        if KazakhLetters.isDecomposedForm(scalar) { traits.insert(.kazakhForm) }
        if Normalization.isPlain(scalar) { traits.insert(.normalizationPlain) }
        if TextWords.isLetter(scalar) { traits.insert(.letter) }
        if TextWords.isCombiningMark(scalar) || scalar.value == 0xAD { traits.insert(.wordContinuation) }
        if TextWords.isPlainLetter(scalar) {
            traits.insert(.plainLetter)
            if TextWords.isLowercasePlainLetter(scalar) { traits.insert(.lowercasePlainLetter) }
        }
        let value = scalar.value
        if (value >= 0x30 && value <= 0x39) || (value < 0x80 && NumberExtraction.isRomanLetter(UInt8(value)))
            || value == 0x425 || value == 0x406
        {
            traits.insert(.numberStart)
        }
        switch scalar {
        case "(", "[", "«", "„", "“", ")", "]", "»", "”", "\"": traits.insert(.bracket)
        default: break
        }
        if scalar == "\t" || scalar == "\n" || WhitespaceScan.isSpace(scalar) || WhitespaceScan.isPunctuation(scalar) {
            traits.insert(.whitespaceScan)
        }
        if scalar == " " || scalar == "\u{A0}" { traits.insert(.gapSpace) }
        if CharacterCount.isSimple(scalar) { traits.insert(.simple) }
        let character = Character(scalar)
        if character.isLetter { traits.insert(.characterLetter) }
        if character.isWhitespace { traits.insert(.characterWhitespace) }
        if character.isUppercase { traits.insert(.characterUppercase) }
        if character.isLowercase { traits.insert(.characterLowercase) }
        if character.isNumber { traits.insert(.characterNumber) }
        if let folded = TextAnalysis.caseFolded(scalar) {
            precondition(folded < 1 << 11, "a case fold that does not fit its bits")
            traits.formUnion(ScalarTraits(rawValue: hasCaseFold.rawValue | folded << caseFoldShift))
        }
        return traits
    }

    /// The first scalar of the general punctuation block kept in the table.
    private static let punctuationStart: UInt32 = 0x2000
    /// The table's scalars: U+0000 to U+052F, then U+2000 to U+211F.
    private static let lowCount: UInt32 = 0x530
    private static let punctuationCount: UInt32 = 0x120

    /// The traits of U+0000–U+052F and U+2000–U+211F, in that order: read it once per text
    /// (``withTable(_:)``), not once per scalar.
    private static let table: [ScalarTraits] = {
        let low = (0..<lowCount).map { computed(Unicode.Scalar($0)!) }
        let punctuation = (punctuationStart..<punctuationStart + punctuationCount).map { computed(Unicode.Scalar($0)!) }
        return low + punctuation
    }()

    /// Calls `body` with the table that ``of(_:in:)`` reads.
    static func withTable<Result>(_ body: (UnsafeBufferPointer<ScalarTraits>) -> Result) -> Result {
        table.withUnsafeBufferPointer(body)
    }

    /// The traits of `scalar`, from the table or, outside it, from the predicates.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let value = scalar.value
        if value < lowCount { return table[Int(value)] }
        let offset = value &- punctuationStart
        if offset < punctuationCount { return table[Int(lowCount + offset)] }
        return computed(scalar)
    }

    /// The traits of the scalar with value `value` (a valid scalar value), from `table` (see
    /// ``withTable(_:)``) or, outside it, from the predicates.
    @inline(__always)
    static func of(_ value: UInt32, in table: UnsafeBufferPointer<ScalarTraits>) -> ScalarTraits {
        if value < lowCount { return table[Int(value)] }
        let offset = value &- punctuationStart
        if offset < punctuationCount { return table[Int(lowCount + offset)] }
        return computed(Unicode.Scalar(value).unsafelyUnwrapped)
    }
}
