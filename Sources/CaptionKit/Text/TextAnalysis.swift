/// What the content checks need to know about one caption text, worked out in a single pass
/// over its scalars.
///
/// Every fact here equals a slower computation that the checks used to run on their own (named
/// in each property's comment); a text was scanned a dozen times per exhibit, once or twice by
/// each content check, and the source text once more for every translation. ``Validator``
/// analyses each text once (see ``ExhibitAnalysis``) and the checks read these facts, going
/// back to the text only when a fact says a finding is possible.
struct TextAnalysis: Sendable {
    /// The number of characters (grapheme clusters): `text.count`.
    let characterCount: Int
    /// The scripts of the text's letters: `ScriptInventory(of: text)`.
    let scripts: ScriptInventory
    /// Whether a Kazakh-only letter occurs: `KazakhLetters.occur(in: text)`.
    let hasKazakhLetter: Bool
    /// Whether a word may equal, lowercased, a word with a Kazakh-only letter:
    /// `KazakhLetters.mayOccur(in: text)`.
    let mayHaveKazakhLetter: Bool
    /// Whether every scalar is one that takes no part in a `not-normalized` problem:
    /// `text.unicodeScalars.allSatisfy(NotNormalizedCheck.isPlain)`.
    let isPlain: Bool
    /// Whether the text may have a whitespace problem: `WhitespaceCheck.mayHaveProblems(text)`.
    let mayHaveWhitespaceProblem: Bool
    /// The first unbalanced bracket or quote, described: `PunctuationMismatchCheck.unbalanced(in: text)`.
    let unbalanced: String?
    /// How the text ends: `PunctuationMismatchCheck.ending(of: text)`.
    let ending: (ending: PunctuationMismatchCheck.Ending, mark: Character?)
    /// The number of words (``WordRanges``) that start with a lowercase letter
    /// (``TextWords/startsLowercase(_:_:)``).
    let lowercaseWords: Int
    /// How many of ``lowercaseWords`` have a Kazakh-only letter.
    let lowercaseWordsWithKazakhLetter: Int
    /// The neighbouring words that may be the same word, as UTF-8 offset ranges, in order: they
    /// have the same length in UTF-8, only spaces, no-break spaces and at most one line break
    /// between them (the only pairs `repeated-word` compares) and their letters may be equal
    /// without regard to case (see ``caseFolded(_:)``). Every pair whose lowercased words are
    /// equal is here; most texts have none.
    let repeatCandidates: [WordPair]

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
        var scalarCount = 0
        var everyScalarAlone = true
        var scripts: ScriptInventory = []
        var hasKazakhLetter = false
        var mayHaveKazakhLetter = false
        var isPlain = true
        var brackets = PunctuationMismatchCheck.BracketScan()
        var mayHaveNumber = false
        var whitespace = WhitespaceCheck.QuickScan()
        var words = WordScan()
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            scalarCount += 1
            if everyScalarAlone, !CharacterCount.isAlone(scalar) { everyScalarAlone = false }
            // The same fast path as `ScriptInventory(of:)`: skip ASCII non-letters, take plain
            // Cyrillic without the general switch.
            if value >= 0x41 {
                if value >= 0x410 && value <= 0x44F {
                    scripts.insert(.cyrillic)
                } else if let script = WritingScript(scalar) {
                    scripts.insert(ScriptInventory(script))
                }
            }
            if value >= 0x400 {
                if KazakhLetters.isCountedLetter(scalar) {
                    hasKazakhLetter = true
                    mayHaveKazakhLetter = true
                } else if KazakhLetters.isDecomposedOrCapitalForm(scalar) {
                    mayHaveKazakhLetter = true
                }
            }
            if isPlain, !NotNormalizedCheck.isPlain(scalar) { isPlain = false }
            brackets.see(scalar)
            // Number extraction starts only at a digit or at I, V or X.
            if (value >= 0x30 && value <= 0x39) || value == 0x49 || value == 0x56 || value == 0x58 { mayHaveNumber = true }
            whitespace.see(scalar)
            words.see(scalar, at: offset, in: text)
            offset += UTF8.width(scalar)
        }
        words.finish(at: offset, in: text)
        self.characterCount = everyScalarAlone ? scalarCount : text.count
        self.scripts = scripts
        self.hasKazakhLetter = hasKazakhLetter
        self.mayHaveKazakhLetter = mayHaveKazakhLetter
        self.isPlain = isPlain
        self.mayHaveWhitespaceProblem = whitespace.mayHaveProblems
        self.unbalanced = brackets.problem
        self.ending = PunctuationMismatchCheck.ending(of: text)
        self.lowercaseWords = words.lowercaseWords
        self.lowercaseWordsWithKazakhLetter = words.lowercaseWordsWithKazakhLetter
        self.repeatCandidates = words.repeatCandidates
        self.numbers = mayHaveNumber ? NumberExtraction.numbers(in: text, language: language) : []
    }

    /// Follows the words of a text scalar by scalar, as ``WordRanges`` finds them: a word starts
    /// at a letter and goes on over letters and combining marks.
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
        /// The current word's first letter.
        private var firstLetter: Unicode.Scalar = " "
        /// Whether the current word starts lowercase, once its second scalar (or its end)
        /// shows that its first letter is a character by itself; `nil` otherwise.
        private var startsLowercase: Bool?
        /// Whether the current word has a Kazakh-only letter.
        private var wordHasKazakhLetter = false
        /// A hash of the current word's case-folded scalars, `nil` when it has a scalar that
        /// ``caseFolded(_:)`` does not know.
        private var wordKey: UInt64?
        /// Where the previous word is, `nil` before the first word ends.
        private var previousWord: Range<Int>?
        /// The previous word's ``wordKey``.
        private var previousWordKey: UInt64?
        /// Whether the text since the previous word is only spaces, no-break spaces and line breaks.
        private var gapIsSpaces = true
        /// The line breaks since the previous word.
        private var gapLineBreaks = 0

        /// Looks at the scalar at UTF-8 `offset` of `text`.
        @inline(__always)
        mutating func see(_ scalar: Unicode.Scalar, at offset: Int, in text: String) {
            if inWord {
                if TextWords.isLetter(scalar) || TextWords.isCombiningMark(scalar) {
                    if wordScalars == 1 { startsLowercase = Self.startsLowercase(firstLetter, then: scalar) }
                    wordScalars += 1
                    if KazakhLetters.isCountedLetter(scalar) { wordHasKazakhLetter = true }
                    wordKey = Self.adding(scalar, to: wordKey)
                    return
                }
                endWord(at: offset, in: text)
            }
            if TextWords.isLetter(scalar) {
                inWord = true
                wordStart = offset
                wordScalars = 1
                firstLetter = scalar
                startsLowercase = nil
                wordHasKazakhLetter = KazakhLetters.isCountedLetter(scalar)
                wordKey = Self.adding(scalar, to: Self.emptyKey)
            } else if scalar == "\n" {
                gapLineBreaks += 1
            } else if scalar != " " && scalar != "\u{A0}" {
                gapIsSpaces = false
            }
        }

        /// Ends the scan at the end of `text` (UTF-8 length `offset`).
        mutating func finish(at offset: Int, in text: String) {
            if inWord { endWord(at: offset, in: text) }
        }

        /// Ends the current word just before UTF-8 `offset`.
        private mutating func endWord(at offset: Int, in text: String) {
            inWord = false
            if wordScalars == 1 { startsLowercase = Self.startsLowercase(firstLetter, then: nil) }
            let lowercase = startsLowercase ?? Self.slowStartsLowercase(text, from: wordStart, to: offset)
            if lowercase {
                lowercaseWords += 1
                if wordHasKazakhLetter { lowercaseWordsWithKazakhLetter += 1 }
            }
            let word = wordStart..<offset
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

        /// `key` extended by `scalar` case-folded (FNV-1a); `nil` when either is.
        @inline(__always)
        private static func adding(_ scalar: Unicode.Scalar, to key: UInt64?) -> UInt64? {
            guard let key, let folded = TextAnalysis.caseFolded(scalar) else { return nil }
            return (key ^ UInt64(folded)) &* 0x100_0000_01b3
        }

        /// Whether a word starting with `first`, then `second` (`nil` when the word ends),
        /// starts lowercase, when `first` is a character by itself; `nil` when only the word's
        /// first character can tell (see ``TextWords/startsLowercase(_:_:)``).
        @inline(__always)
        private static func startsLowercase(_ first: Unicode.Scalar, then second: Unicode.Scalar?) -> Bool? {
            guard TextWords.isPlainLetter(first), second.map(TextWords.isPlainLetter) ?? true else { return nil }
            return TextWords.isLowercasePlainLetter(first)
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
