/// What the content checks need to know about one caption text, worked out in a single pass
/// over its scalars.
///
/// Every fact here equals a slower computation that the checks used to run on their own (named
/// in each property's comment); a text was scanned a dozen times per exhibit, once or twice by
/// each content check, and the source text once more for every translation. ``Validator``
/// analyses each text once (see ``ExhibitAnalysis``) and the checks read these facts, going
/// back to the text only when a fact says a finding is possible.
struct TextAnalysis: Sendable {
    /// The number of characters (grapheme clusters) a reader sees: `text.count` without the soft
    /// hyphens (``CharacterCount/printed(_:)``).
    let characterCount: Int
    /// The scripts of the text's letters: `ScriptInventory(of: text)`.
    let scripts: ScriptInventory
    /// Whether a Kazakh-only letter occurs: `KazakhLetters.occur(in: text)`.
    let hasKazakhLetter: Bool
    /// Whether a word may equal, lowercased, a word with a Kazakh-only letter:
    /// `KazakhLetters.mayOccur(in: text)`.
    let mayHaveKazakhLetter: Bool
    /// Whether every scalar is one that takes no part in a `not-normalized` problem:
    /// `text.unicodeScalars.allSatisfy(Normalization.isPlain)`.
    let isPlain: Bool
    /// Whether the text may have a whitespace problem: ``WhitespaceScan`` fed every scalar.
    let mayHaveWhitespaceProblem: Bool
    /// The first unbalanced bracket or quote, described: ``BracketScan`` fed every scalar.
    let unbalanced: String?
    /// How the text ends: `SentenceEnding.of(text)` (whether a full stop ends an abbreviation
    /// is asked only where it matters, by `punctuation-mismatch`).
    let ending: (ending: SentenceEnding, mark: Character?)
    /// The number of words (``WordRanges``) that start with a lowercase letter
    /// (``TextWord/startsLowercase``).
    let lowercaseWords: Int
    /// How many of ``lowercaseWords`` have a Kazakh-only letter.
    let lowercaseWordsWithKazakhLetter: Int
    /// The neighbouring words that may be the same word, as UTF-8 offset ranges of
    /// ``repeatText``, in order: they have the same length in UTF-8, only spaces, no-break spaces
    /// and at most one line break between them (the only pairs `repeated-word` compares) and
    /// their letters may be equal without regard to case (see ``caseFolded(_:)``). Every pair
    /// whose lowercased words are equal is here; most texts have none.
    let repeatCandidates: [WordPair]
    /// The text without its soft hyphens, which ``repeatCandidates`` are offsets of, when it
    /// has any (a word with a soft hyphen is the same word without, ``SoftHyphens``); `nil`
    /// when the candidates are offsets of the text itself.
    let repeatText: String?

    /// Two neighbouring words, as UTF-8 offset ranges of the text.
    struct WordPair: Sendable, Equatable {
        /// The first word.
        let previous: Range<Int>
        /// The word after it.
        let word: Range<Int>
    }
    /// The numbers of the text: `NumberExtraction.numbers(in: text, language: language)`.
    let numbers: [String]

    /// Analyses `text`, written in `language`.
    init(_ text: String, language: String) {
        let pass = ValidUTF8.withBytes(of: text) { bytes in
            ScalarTraits.withTable { table in Pass(bytes, table: table, text: text) }
        }
        let all = pass.all
        var scripts: ScriptInventory = []
        if all.contains(.latin) { scripts.insert(.latin) }
        if all.contains(.cyrillic) { scripts.insert(.cyrillic) }
        let hasKazakhLetter = all.contains(.kazakhLetter)
        let mayHaveKazakhLetter = hasKazakhLetter || all.contains(.kazakhForm)
        let everyScalarAlone = pass.every.contains(.alone)
        let isPlain = pass.every.contains(.normalizationPlain)
        // Number extraction starts only at a digit or at I, V, X (or the Cyrillic Х, І).
        let mayHaveNumber = all.contains(.numberStart)
        let words = pass.words
        let brackets = pass.brackets
        let whitespace = pass.whitespace
        let scalarCount = pass.scalarCount
        // Soft hyphens are looked for only where the pass saw one (or a combining mark).
        let softHyphens =
            all.contains(.wordContinuation) ? ValidUTF8.withBytes(of: text) { SoftHyphens.count(in: $0) } : 0
        self.characterCount = (everyScalarAlone ? scalarCount : text.count) - softHyphens
        self.scripts = scripts
        self.hasKazakhLetter = hasKazakhLetter
        self.mayHaveKazakhLetter = mayHaveKazakhLetter
        self.isPlain = isPlain
        self.mayHaveWhitespaceProblem = whitespace.mayHaveProblems
        self.unbalanced = brackets.problem
        self.ending = SentenceEnding.of(text)
        self.lowercaseWords = words.lowercaseWords
        self.lowercaseWordsWithKazakhLetter = words.lowercaseWordsWithKazakhLetter
        if softHyphens > 0 {
            // Rare: the words are followed again in a copy without soft hyphens (following them
            // in the pass cost every text of a collection about 2% more).
            let repeatText = ValidUTF8.withBytes(of: text) { SoftHyphens.removed(from: $0) }
            self.repeatCandidates = WordScan.of(repeatText).repeatCandidates
            self.repeatText = repeatText
        } else {
            self.repeatCandidates = words.repeatCandidates
            self.repeatText = nil
        }
        self.numbers =
            mayHaveNumber
            ? ValidUTF8.withBytes(of: text) {
                NumberExtraction.numbers(inUTF8: $0, starts: pass.numberStarts, language: language)
            }
            : []
    }

    /// The single pass over a text's UTF-8 bytes: each scalar's traits (one table load for the
    /// usual scalars) say which of the scans must look at it.
    ///
    /// All state lives in the initializer's locals while the loop runs, so that the compiler
    /// can keep it in registers.
    private struct Pass {
        /// The number of scalars.
        let scalarCount: Int
        /// The union of the traits of every scalar.
        let all: ScalarTraits
        /// The intersection of the traits of every scalar (of none: ``alone`` and ``normalizationPlain``).
        let every: ScalarTraits
        let brackets: BracketScan
        let whitespace: WhitespaceScan
        let words: WordScan
        /// The UTF-8 offsets of the scalars number extraction starts at (``ScalarTraits/numberStart``).
        let numberStarts: [Int]

        init(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<ScalarTraits>, text: String) {
            var scalarCount = 0
            var all: ScalarTraits = []
            var every: ScalarTraits = [.alone, .normalizationPlain]
            var brackets = BracketScan()
            var whitespace = WhitespaceScan()
            var words = WordScan()
            var numberStarts: [Int] = []
            var offset = 0
            while offset < bytes.count {
                let (value, width) = ValidUTF8.scalar(at: offset, in: bytes)
                let traits = ScalarTraits.of(value, in: table)
                scalarCount += 1
                all.formUnion(traits)
                every.formIntersection(traits)
                let scalar = Unicode.Scalar(value).unsafelyUnwrapped
                if traits.contains(.bracket) { Self.see(scalar, &brackets) }
                if traits.contains(.whitespaceScan) { whitespace.see(scalar) } else { whitespace.seeOther(scalar) }
                words.see(value, traits, at: offset, in: text)
                if traits.contains(.numberStart) { numberStarts.append(offset) }
                offset += width
            }
            words.finish(at: offset, in: text)
            self.scalarCount = scalarCount
            self.all = all
            self.every = every
            self.brackets = brackets
            self.whitespace = whitespace
            self.words = words
            self.numberStarts = numberStarts
        }

        /// Brackets are rare: their scan stays out of the loop.
        @inline(never)
        private static func see(_ scalar: Unicode.Scalar, _ brackets: inout BracketScan) {
            brackets.see(scalar)
        }
    }

    /// Follows the words of a text scalar by scalar, as ``WordRanges`` finds them: a word starts
    /// at a letter and goes on over letters, combining marks and soft hyphens.
    private struct WordScan {
        private(set) var lowercaseWords = 0
        private(set) var lowercaseWordsWithKazakhLetter = 0
        private(set) var repeatCandidates: [WordPair] = []

        /// Whether the scan is inside a word.
        private var inWord = false
        /// The UTF-8 offset where the current word starts.
        private var wordStart = 0
        /// The current word's scalars so far.
        private var wordScalars = 0
        /// The traits of the current word's first letter.
        private var firstLetterTraits: ScalarTraits = []
        /// Whether the current word starts lowercase, once its second scalar (or its end)
        /// shows that its first letter is a character by itself; `nil` otherwise.
        private var startsLowercase: Bool?
        /// Whether the current word has a Kazakh-only letter.
        private var wordHasKazakhLetter = false
        /// A hash of the current word's case-folded scalars; meaningless when it has a scalar
        /// that ``caseFolded(_:)`` does not know (``wordKeyIsKnown`` is false).
        private var wordKey: UInt64 = 0
        /// Whether every scalar of the current word has a case fold.
        private var wordKeyIsKnown = false
        /// Where the previous word is, `nil` before the first word ends.
        private var previousWord: Range<Int>?
        /// The previous word's ``wordKey``, `nil` when it was not known.
        private var previousWordKey: UInt64?
        /// Whether the text since the previous word is only spaces, no-break spaces and line breaks.
        private var gapIsSpaces = true
        /// The line breaks since the previous word.
        private var gapLineBreaks = 0

        /// The words of `text`, followed on their own (outside ``Pass``).
        static func of(_ text: String) -> WordScan {
            var words = WordScan()
            let end = ValidUTF8.withBytes(of: text) { bytes in
                ScalarTraits.withTable { table in
                    var offset = 0
                    while offset < bytes.count {
                        let (value, width) = ValidUTF8.scalar(at: offset, in: bytes)
                        words.see(value, ScalarTraits.of(value, in: table), at: offset, in: text)
                        offset += width
                    }
                    return offset
                }
            }
            words.finish(at: end, in: text)
            return words
        }

        /// Looks at the scalar `value` at UTF-8 `offset` of `text`, whose traits are `traits`.
        @inline(__always)
        mutating func see(_ value: UInt32, _ traits: ScalarTraits, at offset: Int, in text: String) {
            if inWord {
                if !traits.isDisjoint(with: [.letter, .wordContinuation]) {
                    if wordScalars == 1 { startsLowercase = Self.startsLowercase(firstLetterTraits, then: traits) }
                    wordScalars += 1
                    if traits.contains(.kazakhLetter) { wordHasKazakhLetter = true }
                    add(traits)
                    return
                }
                endWord(at: offset, in: text)
            }
            if traits.contains(.letter) {
                inWord = true
                wordStart = offset
                wordScalars = 1
                firstLetterTraits = traits
                startsLowercase = nil
                wordHasKazakhLetter = traits.contains(.kazakhLetter)
                wordKey = Self.emptyKey
                wordKeyIsKnown = true
                add(traits)
            } else if value == 0x0A {
                gapLineBreaks += 1
            } else if !traits.contains(.gapSpace) {
                gapIsSpaces = false
            }
        }

        /// Extends ``wordKey`` by a scalar with `traits`, case-folded (FNV-1a); a scalar without
        /// a case fold makes the key unknown.
        @inline(__always)
        private mutating func add(_ traits: ScalarTraits) {
            if let folded = traits.caseFolded {
                wordKey = (wordKey ^ UInt64(folded)) &* 0x100_0000_01b3
            } else {
                wordKeyIsKnown = false
            }
        }

        /// Ends the scan at the end of `text` (UTF-8 length `offset`).
        mutating func finish(at offset: Int, in text: String) {
            if inWord { endWord(at: offset, in: text) }
        }

        /// Ends the current word just before UTF-8 `offset`.
        private mutating func endWord(at offset: Int, in text: String) {
            inWord = false
            if wordScalars == 1 { startsLowercase = Self.startsLowercase(firstLetterTraits, then: nil) }
            let lowercase = startsLowercase ?? Self.slowStartsLowercase(text, from: wordStart, to: offset)
            if lowercase {
                lowercaseWords += 1
                if wordHasKazakhLetter { lowercaseWordsWithKazakhLetter += 1 }
            }
            let word = wordStart..<offset
            let wordKey = wordKeyIsKnown ? wordKey : nil
            if let previousWord, previousWord.count == word.count, gapIsSpaces, gapLineBreaks <= 1,
                wordKey == nil || previousWordKey == nil || wordKey == previousWordKey
            {
                repeatCandidates.append(WordPair(previous: previousWord, word: word))
            }
            previousWord = word
            previousWordKey = wordKey
            gapIsSpaces = true
            gapLineBreaks = 0
        }

        /// The key of a word before its first scalar (the FNV-1a offset basis).
        private static let emptyKey: UInt64 = 0xcbf2_9ce4_8422_2325

        /// Whether a word starting with a letter of traits `first`, then a scalar of traits
        /// `second` (`nil` when the word ends), starts lowercase, when its first letter is a
        /// character by itself; `nil` when only the word's first character can tell.
        @inline(__always)
        private static func startsLowercase(_ first: ScalarTraits, then second: ScalarTraits?) -> Bool? {
            guard first.contains(.plainLetter), second?.contains(.plainLetter) ?? true else { return nil }
            return first.contains(.lowercasePlainLetter)
        }

        /// Whether the word between UTF-8 offsets `start` and `end` of `text` starts with a
        /// lowercase character, by grapheme breaking: for the rare words whose first letter is
        /// followed by a combining mark or a letter outside the plain ranges.
        private static func slowStartsLowercase(_ text: String, from start: Int, to end: Int) -> Bool {
            let utf8 = text.utf8
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
            return String(text.unicodeScalars[range]).first?.isLowercase ?? false
        }
    }
}

extension TextAnalysis {
    /// `scalar` with its capital and small forms made one, for ASCII and Cyrillic
    /// (U+0400–U+04FF); `nil` for other scalars.
    ///
    /// Two words of such scalars are equal after `lowercased()` only if their folded
    /// scalars are equal: these scalars lowercase one by one, into the same ranges, and no
    /// two different sequences of them are canonically equivalent (their compositions
    /// involve marks outside these ranges). Folding merges more than case pairs in places
    /// (U+04C0–U+04CF, marks), which only lets more pairs through to the real comparison.
    @inline(__always)
    static func caseFolded(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value | 0x20 : value }
        guard value >= 0x400 && value <= 0x4FF else { return nil }
        if value <= 0x40F { return value + 0x50 }  // Ѐ–Џ → ѐ–џ
        if value <= 0x42F { return value + 0x20 }  // А–Я → а–я
        if value <= 0x45F { return value }
        if value >= 0x4C0 && value <= 0x4CF { return 0x4C0 }  // Ӏ ӏ and the odd/even pairs between
        return value | 1  // elsewhere capital (even) and small (odd) letters come in pairs
    }
}
