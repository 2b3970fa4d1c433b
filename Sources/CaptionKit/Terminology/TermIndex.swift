/// The terms of a glossary in one language, compiled for matching: every variant and forbidden
/// term split into words, each word into the stems its forms start with, and the terms indexed
/// by the first letters of their first word's stems.
///
/// A text is split into words once (``TermTokens``); each word then costs one to three
/// dictionary look-ups, and only words that start like a term are compared further.
struct TermIndex: Sendable {
    /// How the rest of a text word after a stem is judged.
    enum Ending: Sendable {
        /// Nothing may follow.
        case none
        /// A Kazakh suffix chain after a stem ending in `after`, with `harmony`; when
        /// `vowelFirst` is set, the chain must (not) start with a vowel.
        case kazakh(after: KazakhSuffixes.After, harmony: KazakhSuffixes.Harmony, vowelFirst: Bool?)
        /// One of a set of endings (packed with ``TermIndex/pack(_:)``).
        case oneOf(PackedEndings)
    }

    /// A set of endings packed with ``TermIndex/pack(_:)``, sorted: a binary search over a few
    /// dozen numbers costs less than hashing one.
    struct PackedEndings: Sendable {
        private let sorted: [UInt64]

        init(_ endings: some Sequence<UInt64>) { sorted = Set(endings).sorted() }

        /// Whether `ending` is one of them.
        func contains(_ ending: UInt64) -> Bool {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < ending { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low] == ending
        }
    }

    /// One way a term word's forms start.
    struct Stem: Sendable {
        /// The folded letters every form starts with.
        var scalars: [UInt32]
        /// What may follow them.
        var ending: Ending
        /// For `case: exact` entries, the written letters the form must start with.
        var written: [UInt32]?
    }

    /// One word of a term.
    struct Word: Sendable {
        /// The stems of its forms.
        var stems: [Stem]
        /// What a hyphen- or apostrophe-attached word after it may be, when it is the last.
        var attached: Ending
        /// Whether the term has a sentence mark before this word (`Т. Жүргенов`): only then may
        /// the text have one there.
        var followsSentenceMark = false
    }

    /// One term: a variant or a forbidden term of an entry.
    struct Term: Sendable {
        /// The entry's index in the glossary.
        var entry: Int
        /// Whether this is a forbidden term.
        var isForbidden: Bool
        /// The term as written in the glossary.
        var text: String
        /// Its words.
        var words: [Word]
    }

    /// A term found in a text.
    struct Match: Sendable, Hashable {
        /// The term's index in ``TermIndex/terms``.
        var term: Int
        /// The first word's index in the text's ``TermTokens``.
        var firstWord: Int
        /// How many words of the text it covers.
        var wordCount: Int
    }

    /// The language's rules.
    let rules: WordForms.Rules
    /// Every term.
    private(set) var terms: [Term] = []
    /// The number of entries in the glossary (every entry index is below it).
    private(set) var entryCount = 0
    /// Each term's entry, parallel to ``terms``: read for every match without copying a term.
    private(set) var termEntries: [Int] = []
    /// Whether each term is forbidden, parallel to ``terms``.
    private(set) var termIsForbidden: [Bool] = []
    /// How many words each term has, parallel to ``terms``.
    private var termWordCounts: [Int32] = []
    /// Whether each term is looked for in every text, parallel to ``terms``: a forbidden term,
    /// and every term of an entry that has forbidden terms in the language (a forbidden term
    /// inside an allowed one is no finding) or is do-not-translate. A translation is scanned
    /// for these and for the entries its source uses (``matches(in:entries:)``).
    private(set) var termConcernsEveryText: [Bool] = []
    /// The stems of every term's first word, one term after another: compared with every word
    /// that starts like one, read from one flat array (not through a term and its words).
    private var firstStems: [Stem] = []
    /// The terms that start like each prefix key (the packed first letters, one to three, of
    /// one of their first word's stems), one key after another.
    private var candidates: [Candidate] = []

    /// A term whose first word has a stem that starts like a prefix key, with what turns away
    /// most words that start like the key without reading the stem or the term: a stem and a
    /// term are arrays of their own elsewhere in memory, and reading them for every such word
    /// was mostly waiting for the memory.
    private struct Candidate: Sendable {
        /// The term's index in ``TermIndex/terms``.
        var term: Int32
        /// The stem's index in ``TermIndex/firstStems``.
        var stem: Int32
        /// How many letters the stem has: a shorter word is no form of it.
        var stemLength: Int32
        /// How many words the term has.
        var termWordCount: Int32
        /// The stem's letters after the key's, up to four, packed 16 bits each from the low end
        /// (``tailCount`` of them; none when one is above U+FFFF).
        var tail: UInt64
        /// How many letters ``tail`` holds.
        var tailCount: Int32
        /// Whether the key and ``tail`` hold every letter of the stem: a word that passes
        /// ``mayMatch(_:start:length:keyLength:)`` starts with the stem, which need not be read.
        var coversStem: Bool

        /// The candidate for the stem `stemIndex`, `stem`, of the term `term` of `termWordCount`
        /// words, reached by a key of the stem's first `keyLength` letters.
        init(term: Int32, termWordCount: Int, stemIndex: Int32, stem: [UInt32], keyLength: Int) {
            self.term = term
            self.stem = stemIndex
            stemLength = Int32(stem.count)
            self.termWordCount = Int32(termWordCount)
            let letters = stem.dropFirst(keyLength).prefix(4)
            if letters.allSatisfy({ $0 < 0x10000 }) {
                tail = letters.reversed().reduce(0) { $0 << 16 | UInt64($1) }
                tailCount = Int32(letters.count)
            } else {
                tail = 0
                tailCount = 0
            }
            // A key of letters above U+FFFF is one value for all such words (``pack(_:)``).
            let keyIsExact = stem.prefix(keyLength).allSatisfy { $0 < 0x10000 }
            coversStem = keyIsExact && keyLength + Int(tailCount) == stem.count
        }

        /// Whether the word of `length` letters from `start` in `folded`, whose first `keyLength`
        /// letters are the key's, may be a form of the stem: long enough, and the stem's next
        /// letters (``tail``) follow.
        @inline(__always)
        func mayMatch(_ folded: UnsafeBufferPointer<UInt32>, start: Int, length: Int, keyLength: Int) -> Bool {
            guard length >= Int(stemLength) else { return false }
            var tail = tail
            var index = start + keyLength
            for _ in 0..<tailCount {
                guard folded[index] == UInt32(tail & 0xFFFF) else { return false }
                tail >>= 16
                index += 1
            }
            return true
        }
    }
    /// The prefix keys in an open-addressing hash table (``tableSlot(_:)``, linear probing), each
    /// with the range of its ``candidates``; an empty slot has key 0, which no key is. A plain
    /// dictionary of arrays cost a hash, a probe and a retain for every word that started
    /// like a term.
    private var table: [(key: UInt64, start: Int32, end: Int32)] = []
    /// ``table``'s size minus one (a power of two minus one).
    private var tableMask = 0
    /// Which prefix lengths (1, 2, 3) occur as keys, as bits.
    private var prefixLengths: UInt8 = 0
    /// A bit per hash of the prefix keys: most words of a text start like no term and
    /// are passed over with one bit test instead of a dictionary look-up.
    private var prefilter = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
    private static let filterBits: UInt64 = 18
    /// Whether a text must keep its words as written: an entry is `case: exact`.
    private(set) var needsWrittenWords = false
    /// Whether every text in the language must be scanned (it has forbidden or do-not-translate
    /// terms), not only translations of a source that uses a term.
    private(set) var scansEveryText = false
    /// Whether any term is forbidden: a text in a language without one has no forbidden term
    /// to report, and `forbidden-term` passes it over without reading its matches.
    private(set) var hasForbiddenTerms = false

    @inline(__always)
    private static func filterSlot(_ key: UInt64) -> (word: Int, bit: UInt64) {
        let hash = (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - filterBits)
        return (Int(hash >> 6), 1 << (hash & 63))
    }

    /// Compiles the terms of `glossary` in `language`.
    init(_ glossary: Glossary, language: String) {
        rules = WordForms.rules(for: language)
        entryCount = glossary.entries.count
        var byPrefix: [UInt64: [Candidate]] = [:]
        for (entryIndex, entry) in glossary.entries.enumerated() {
            let everyText = entry.forbidden[language] != nil || entry.doNotTranslate
            for text in entry.terms[language] ?? [] {
                add(
                    text, entry: entryIndex, forbidden: false, caseExact: entry.caseExact, everyText: everyText,
                    to: &byPrefix)
            }
            for text in entry.forbidden[language] ?? [] {
                add(
                    text, entry: entryIndex, forbidden: true, caseExact: entry.caseExact, everyText: true,
                    to: &byPrefix)
            }
            let hasTerms = entry.terms[language] != nil || entry.forbidden[language] != nil
            if hasTerms && entry.caseExact { needsWrittenWords = true }
            if hasTerms && entry.doNotTranslate { needsWrittenWords = true }
            if entry.forbidden[language] != nil || (hasTerms && entry.doNotTranslate) { scansEveryText = true }
            if entry.forbidden[language] != nil { hasForbiddenTerms = true }
        }
        var size = 16
        while size < 2 * byPrefix.count { size *= 2 }
        tableMask = size - 1
        table = Array(repeating: (0, 0, 0), count: size)
        for (key, keyCandidates) in byPrefix {
            var slot = tableSlot(key)
            while table[slot].key != 0 { slot = (slot + 1) & tableMask }
            table[slot] = (key, Int32(candidates.count), Int32(candidates.count + keyCandidates.count))
            candidates += keyCandidates
        }
    }

    /// Where `key` is looked for first in ``table``.
    @inline(__always)
    private func tableSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & tableMask
    }

    /// Whether no term is indexed.
    var isEmpty: Bool { terms.isEmpty }

    private mutating func add(
        _ text: String, entry: Int, forbidden: Bool, caseExact: Bool, everyText: Bool,
        to byPrefix: inout [UInt64: [Candidate]]
    ) {
        let tokens = TermTokens(text, keepingWritten: caseExact)
        guard tokens.count > 0 else { return }
        var words: [Word] = []
        words.reserveCapacity(tokens.count)
        for index in 0..<tokens.count {
            let folded = tokens.word(index)
            let written = caseExact ? tokens.writtenWord(index) : nil
            // The last word of a term of several words takes endings however short it is (киіз үй
            // → киіз үйді, үйлер): the words before it say it is the term.
            let endsSeveral = index > 0 && index == tokens.count - 1
            words.append(
                Word(
                    stems: stems(of: folded, written: written, inflectsWhenShort: endsSeveral),
                    attached: attachedEnding(of: folded),
                    followsSentenceMark: index > 0 && tokens.joint(index) == .sentenceBreak))
        }
        let termIndex = Int32(terms.count)
        terms.append(Term(entry: entry, isForbidden: forbidden, text: text, words: words))
        termEntries.append(entry)
        termIsForbidden.append(forbidden)
        termWordCounts.append(Int32(words.count))
        termConcernsEveryText.append(everyText)
        for stem in words[0].stems {
            let length = min(3, stem.scalars.count)
            let key = Self.pack(stem.scalars.prefix(length))
            byPrefix[key, default: []].append(
                Candidate(
                    term: termIndex, termWordCount: words.count, stemIndex: Int32(firstStems.count),
                    stem: stem.scalars, keyLength: length))
            firstStems.append(stem)
            let slot = Self.filterSlot(key)
            prefilter[slot.word] |= slot.bit
            prefixLengths |= 1 << UInt8(length)
        }
    }

    /// The stems a word's forms start with, by the language's rules; a word shorter than
    /// ``WordForms/minimumStem`` has none but itself unless `inflectsWhenShort`.
    private func stems(of word: [UInt32], written: [UInt32]?, inflectsWhenShort: Bool) -> [Stem] {
        func stem(_ scalars: [UInt32], _ ending: Ending) -> Stem {
            // The written letters the stem shares with the word, for `case: exact` entries only.
            let shared = written.map { written in
                var common = 0
                while common < scalars.count, common < word.count, scalars[common] == word[common] { common += 1 }
                return Array(written.prefix(common))
            }
            return Stem(scalars: scalars, ending: ending, written: shared)
        }
        guard word.count >= WordForms.minimumStem || (inflectsWhenShort && word.count >= 2) else {
            return [stem(word, .none)]
        }
        switch rules {
        case .exact:
            return [stem(word, .none)]
        case .kazakh:
            let harmony = KazakhSuffixes.harmony(of: word)
            var after = KazakhSuffixes.endSound(of: word)
            // A word ending in -ы/-і may already be a third-person possessive (аркасы, лагері).
            if let last = word.last, last == 0x44B || last == 0x456 { after.insert(.possessive3) }
            var result: [Stem] = []
            if word.last == 0x44C {
                // Loanwords in -ь: лагерьге (ь kept before a consonant), лагері (dropped before a vowel).
                result.append(stem(word, .kazakh(after: after, harmony: harmony, vowelFirst: false)))
                result.append(stem(Array(word.dropLast()), .kazakh(after: after, harmony: harmony, vowelFirst: nil)))
            } else {
                result.append(stem(word, .kazakh(after: after, harmony: harmony, vowelFirst: nil)))
            }
            if let last = word.last, last == 0x44B || last == 0x456, word.count >= 3,
                KazakhSuffixes.sound(word[word.count - 2])?.isDisjoint(with: .consonant) == false
            {
                // A third-person possessive after a consonant (үйі, лагері) also stands for the
                // plural with it: балалар үйлері, үйлеріне.
                let bare = Array(word.dropLast())
                let plural = KazakhSuffixes.endSound(of: bare)
                result.append(stem(bare, .kazakh(after: plural, harmony: harmony, vowelFirst: false)))
            }
            if let last = word.last, let voiced = KazakhSuffixes.voicing[last] {
                // жүрек → жүрегі: the voiced consonant only before a vowel.
                result.append(
                    stem(
                        Array(word.dropLast()) + [voiced],
                        .kazakh(after: .consonant, harmony: harmony, vowelFirst: true)))
            }
            return result
        case .russian:
            let base = RussianEndings.stem(of: word)
            // A noun in -о (золото, письмо) declines as a neuter noun: золотой is another word.
            let isNeuterInO = word.count == base.count + 1 && word.last == 0x43E
            var result = [stem(base, .oneOf(isNeuterInO ? Self.russianNeuterEndings : Self.russianEndings))]
            if base.count == word.count || word.last == 0x44C || word.last == 0x439,
                let shorter = RussianEndings.withoutFleetingVowel(base)
            {
                result.append(stem(shorter, .oneOf(Self.russianEndingsAfterFleetingVowel)))
            }
            return result
        case .english:
            var result = [stem(word, .oneOf(Self.englishEndings))]
            if let plural = EnglishForms.irregularPlural(of: word) {
                result.append(stem(plural, .none))
            }
            let y: UInt32 = 0x79
            if word.last == y, let before = word.dropLast().last, ![0x61, 0x65, 0x69, 0x6F, 0x75].contains(before) {
                result.append(stem(Array(word.dropLast()), .oneOf(Self.iesEnding)))
            }
            if word.last == 0x66 {  // leaf → leaves
                result.append(stem(Array(word.dropLast()), .oneOf(Self.vesEnding)))
            } else if word.suffix(2) == [0x66, 0x65] {  // wife → wives
                result.append(stem(Array(word.dropLast(2)), .oneOf(Self.vesEnding)))
            }
            return result
        }
    }

    // The packed ending sets, made once: every stem of a 2,000-entry glossary shares them.
    private static let russianEndings = PackedEndings(RussianEndings.all.map(pack))
    private static let russianNeuterEndings = PackedEndings(RussianEndings.neuterInO.map(pack))
    private static let russianEndingsAfterFleetingVowel = PackedEndings(RussianEndings.afterFleetingVowel.map(pack))
    private static let russianAttachedEndings = PackedEndings(RussianEndings.all.filter { !$0.isEmpty }.map(pack))
    private static let englishEndings = PackedEndings(EnglishForms.regular.map(pack))
    private static let iesEnding = PackedEndings([pack("ies".unicodeScalars.map(\.value))])
    private static let vesEnding = PackedEndings([pack("ves".unicodeScalars.map(\.value))])
    private static let possessiveEnding = PackedEndings([pack([0x73])])

    /// What a word attached after the term's last word may be: a Kazakh suffix chain after a
    /// hyphen, a Russian ending, or the English possessive `s`.
    private func attachedEnding(of word: [UInt32]) -> Ending {
        switch rules {
        case .kazakh:
            // After abbreviations and digits the harmony follows how the word is read; allow both.
            .kazakh(after: KazakhSuffixes.endSound(of: word), harmony: [.back, .front], vowelFirst: nil)
        case .russian: .oneOf(Self.russianAttachedEndings)
        case .english: .oneOf(Self.possessiveEnding)
        case .exact: .none
        }
    }

    /// Up to four scalars below U+10000 packed into one number with their count; longer or
    /// other sequences give a value no packed ending has.
    static func pack(_ scalars: some Collection<UInt32>) -> UInt64 {
        guard scalars.count <= 3 || (scalars.count == 4 && scalars.allSatisfy { $0 < 0x1000 }) else {
            return UInt64.max
        }
        // Four letters take 12 bits each (endings of four letters below U+1000).
        let width = scalars.count == 4 ? 12 : letterBits
        var letters: UInt64 = 0
        var shift = 0
        for scalar in scalars {
            guard scalar < 0x10000 else { return UInt64.max }
            letters |= UInt64(scalar) << shift
            shift += width
        }
        return key(letters, count: scalars.count)
    }

    /// The bits of a letter in a ``pack(_:)`` of up to three letters.
    private static let letterBits = 16

    /// A letter below U+10000 at `position` (0 to 2) of a ``pack(_:)`` of up to three letters:
    /// the matcher packs the first letters of every word it scans so, without a collection.
    @inline(__always)
    static func packed(_ scalar: UInt32, at position: Int) -> UInt64 { UInt64(scalar) << (letterBits * position) }

    /// The ``pack(_:)`` of `count` letters `letters` (their ``packed(_:at:)`` together).
    @inline(__always)
    static func key(_ letters: UInt64, count: Int) -> UInt64 { letters | UInt64(count) << 60 }

    /// Whether `rest` may follow a stem with `ending`.
    @inline(__always)
    private static func accepts(_ rest: UnsafeBufferPointer<UInt32>, _ ending: Ending) -> Bool {
        switch ending {
        case .none: return rest.isEmpty
        case .oneOf(let endings): return endings.contains(pack(rest))
        case .kazakh(let after, let harmony, let vowelFirst):
            // A stem that must be followed by a vowel (жүрег-) is no word by itself.
            if rest.isEmpty { return vowelFirst != true }
            return KazakhSuffixes.accepts(rest, after: after, harmony: harmony, firstStartsWithVowel: vowelFirst)
        }
    }

    /// Whether word `index` of `tokens` is a form of `stem`; with `knownStemLength`, the word is
    /// already known to start with the stem's letters, that many (a ``Candidate`` that holds
    /// them all): the stem's letters, an array elsewhere in memory, are not read.
    ///
    /// The word's letters are read in place (`folded` and `written`, from
    /// ``TermTokens/withScalars(_:)``): a word copied or sliced out of the tokens was an
    /// allocation or a retain and a release, for every word that starts like a stem.
    @inline(__always)
    private static func matches(
        _ stem: Stem, _ tokens: TermTokens, _ index: Int, folded: UnsafeBufferPointer<UInt32>,
        written: UnsafeBufferPointer<UInt32>, knownStemLength: Int? = nil
    ) -> Bool {
        let start = tokens.start(index)
        let word = tokens.word(index, in: folded)
        let sharesStem =
            knownStemLength != nil
            || stem.scalars.withUnsafeBufferPointer { stemScalars in
                guard word.count >= stemScalars.count else { return false }
                for offset in 0..<stemScalars.count where word[offset] != stemScalars[offset] { return false }
                return true
            }
        guard sharesStem else { return false }
        if let letters = stem.written, !written[start..<(start + word.count)].starts(with: letters) { return false }
        return accepts(UnsafeBufferPointer(rebasing: word[(knownStemLength ?? stem.scalars.count)...]), stem.ending)
    }

    /// How many words of `tokens` from `start` term `term` covers, or 0 when it does not start
    /// there (its first word is already known to match).
    private func length(of term: Int, at start: Int, in tokens: TermTokens) -> Int {
        // The term's words and their stems are read in place: a copy of each retained and
        // released its arrays, and a term of several words is read at each occurrence.
        tokens.withScalars { folded, written, _ in
            terms.withUnsafeBufferPointer { terms in
                terms[term].words.withUnsafeBufferPointer { words in
                    var index = start + 1
                    for wordIndex in words.indices.dropFirst() {
                        guard index < tokens.count,
                            words[wordIndex].followsSentenceMark || tokens.joint(index) != .sentenceBreak,
                            words[wordIndex].stems.withUnsafeBufferPointer({ stems in
                                stems.contains { Self.matches($0, tokens, index, folded: folded, written: written) }
                            })
                        else {
                            return 0
                        }
                        index += 1
                    }
                    if index < tokens.count, mayAttach(tokens.joint(index)), let last = words.indices.last,
                        tokens.length(index) <= 8,
                        Self.accepts(tokens.word(index, in: folded), words[last].attached)
                    {
                        index += 1
                    }
                    return index - start
                }
            }
        }
    }

    /// Whether a word joined by `joint` may be attached to a term's last word (a Kazakh or
    /// Russian ending after a hyphen, the English possessive after an apostrophe).
    @inline(__always)
    private func mayAttach(_ joint: TermTokens.Joint) -> Bool {
        joint == .hyphen || (joint == .apostrophe && rules == .english)
    }

    /// The range in ``candidates`` of the terms that start like `key`, if any.
    @inline(__always)
    private func candidateRange(of key: UInt64) -> Range<Int>? {
        var slot = tableSlot(key)
        while true {
            let entry = table[slot]
            if entry.key == key { return Int(entry.start)..<Int(entry.end) }
            if entry.key == 0 { return nil }
            slot = (slot + 1) & tableMask
        }
    }

    /// Every term in `tokens`, by first word, then term order; with `entries`, only the terms of
    /// those entries (glossary indices) and those looked for in every text: the same matches
    /// without the others.
    ///
    /// What a word's letters decide (which terms' first word it is a form of) is looked up in
    /// `memo`, worked out the first time the word is seen there; the words after the first and
    /// `entries` are judged at each occurrence. A memo kept for many texts (``Validator`` lends
    /// one per language to each chunk of exhibits, and keeps it for the next chunk) finds most
    /// words in it: a collection has few distinct words. Without one, the scan starts one.
    func matches(in tokens: TermTokens, entries: EntrySet? = nil, memo: FirstWordMemo? = nil) -> [Match] {
        var found: [Match] = []
        appendMatches(in: tokens, entries: entries, memo: memo, to: &found)
        return found
    }

    /// ``matches(in:entries:memo:)`` appended to `found`: an array kept for the texts of many
    /// exhibits (``Terminology/Memos``) is no allocation per text.
    func appendMatches(in tokens: TermTokens, entries: EntrySet?, memo: FirstWordMemo?, to found: inout [Match]) {
        guard !terms.isEmpty else { return }
        let memo = memo ?? FirstWordMemo()
        var foundOne = false
        tokens.withScalars { folded, written, bounds in
            prefilter.withUnsafeBufferPointer { prefilter in
                let keys = needsWrittenWords ? written : folded
                for index in 0..<tokens.count {
                    let start = Int(bounds[index])
                    let word = UnsafeBufferPointer(rebasing: keys[start..<Int(bounds[index + 1])])
                    // Most words start like no term: one to three bit tests pass them over, and
                    // the memo keeps only the others (a smaller memo stays in the cache).
                    guard mayStartTerm(folded, start: start, length: word.count, prefilter: prefilter) else { continue }
                    let firstTerms = memo.terms(ofWord: word) { firstWordTerms(of: tokens, at: index) }
                    for position in firstTerms {
                        let termIndex = Int(memo.term(at: position))
                        if let entries, !termConcernsEveryText[termIndex], !entries.contains(termEntries[termIndex]) {
                            continue
                        }
                        // A one-word term with no word attached after it covers its word: the term
                        // itself is not read.
                        let next = index + 1
                        let count =
                            termWordCounts[termIndex] == 1
                                && (next == tokens.count || !mayAttach(tokens.joint(next)))
                            ? 1 : length(of: termIndex, at: index, in: tokens)
                        if count > 0 {
                            // Room for one per word left at the first: a text that uses one
                            // term usually uses many (a glossary's translations, dozens), and
                            // each doubling from a few was an allocation and a copy.
                            if !foundOne {
                                found.reserveCapacity(found.count + tokens.count - index)
                                foundOne = true
                            }
                            found.append(Match(term: termIndex, firstWord: index, wordCount: count))
                        }
                    }
                }
            }
        }
    }

    /// Whether the word of `length` letters from `start` in `folded` starts like a term: one of
    /// its prefix keys (``pack(_:)`` of its first one to three letters) is in the prefilter
    /// (``prefilter``, read in place).
    ///
    /// A word of three letters or more when no key has one letter (most words) packs its keys
    /// here, each once; the general loop (``forEachFilteredKey(of:start:length:_:)``) cost
    /// about twice as much per word, and every word of every text scanned asks.
    @inline(__always)
    private func mayStartTerm(
        _ folded: UnsafeBufferPointer<UInt32>, start: Int, length: Int, prefilter: UnsafeBufferPointer<UInt64>
    ) -> Bool {
        if length >= 3, prefixLengths & 0b10 == 0 {
            let first = folded[start]
            let second = folded[start + 1]
            let third = folded[start + 2]
            if first | second | third < 0x10000 {
                let two = Self.packed(first, at: 0) | Self.packed(second, at: 1)
                func isFiltered(_ key: UInt64) -> Bool {
                    let slot = Self.filterSlot(key)
                    return prefilter[slot.word] & slot.bit != 0
                }
                return (prefixLengths & 0b100 != 0 && isFiltered(Self.key(two, count: 2)))
                    || (prefixLengths & 0b1000 != 0 && isFiltered(Self.key(two | Self.packed(third, at: 2), count: 3)))
            }
        }
        return !forEachFilteredKey(of: folded, start: start, length: length) { _, _ in false }
    }

    /// Calls `body` with each prefix key of the word of `length` letters from `start` in
    /// `folded` (``pack(_:)`` of its first one to three letters, as the index made them) that
    /// is in the prefilter, and the key's length, shortest first, while `body` returns true.
    /// Returns whether every call did (true when there was none).
    @inline(__always)
    private func forEachFilteredKey(
        of folded: UnsafeBufferPointer<UInt32>, start: Int, length: Int, _ body: (UInt64, Int) -> Bool
    ) -> Bool {
        var packed: UInt64 = 0
        var tooLarge = false
        for prefixLength in 1...3 {
            guard prefixLength <= length else { break }
            let scalar = folded[start + prefixLength - 1]
            if scalar >= 0x10000 {
                tooLarge = true
            } else {
                packed |= Self.packed(scalar, at: prefixLength - 1)
            }
            guard prefixLengths & (1 << UInt8(prefixLength)) != 0 else { continue }
            let key = tooLarge ? UInt64.max : Self.key(packed, count: prefixLength)
            let slot = Self.filterSlot(key)
            if prefilter[slot.word] & slot.bit != 0, !body(key, prefixLength) { return false }
        }
        return true
    }

    /// The terms whose first word word `index` of `tokens` is a form of, each once, in the
    /// order of their candidates (by prefix length, then term): what ``FirstWordMemo`` keeps.
    private func firstWordTerms(of tokens: TermTokens, at index: Int) -> [Int32] {
        var found: [Int32] = []
        // Words, stems and candidates are read in place: copying a stem out of its array, or
        // slicing a word out of the tokens, retained and released arrays for every word.
        tokens.withScalars { folded, written, _ in
            firstStems.withUnsafeBufferPointer { firstStems in
                candidates.withUnsafeBufferPointer { candidates in
                    let start = tokens.start(index)
                    let wordLength = tokens.start(index + 1) - start
                    _ = forEachFilteredKey(of: folded, start: start, length: wordLength) { key, prefixLength in
                        guard let range = candidateRange(of: key) else { return true }
                        for position in range {
                            let candidate = candidates[position]
                            guard
                                candidate.mayMatch(folded, start: start, length: wordLength, keyLength: prefixLength),
                                !found.contains(candidate.term),
                                Self.matches(
                                    firstStems[Int(candidate.stem)], tokens, index, folded: folded, written: written,
                                    knownStemLength: candidate.coversStem ? Int(candidate.stemLength) : nil)
                            else { continue }
                            found.append(candidate.term)
                        }
                        return true
                    }
                }
            }
        }
        return found
    }
}

/// The terms whose first word each distinct word of the texts scanned is a form of, for one
/// ``TermIndex``, kept across texts: most words of a collection occur many times, and each
/// look-up in the index (one to three prefix keys, the candidates of each) was the matcher's
/// main cost. Words are told apart by their folded letters, or by their letters as written
/// when the index compares written letters (``TermIndex/needsWrittenWords``).
///
/// Each word is one record in ``records``: its letter count, its term count, its letters, its
/// terms. A look-up reads a slot and the record it names, usually one cache line: a memo of a
/// large collection does not fit the processor's nearest caches, and the letters and the terms
/// in arrays of their own were two more waits for memory per word.
///
/// Not for concurrent use: ``Validator`` lends one per language to each chunk of exhibits
/// (``Terminology/MemoPool``).
final class FirstWordMemo {
    /// The open-addressing table: for each word, the high half of its hash and its record's
    /// offset in ``records`` plus one, in one value (a look-up reads one slot, not the word,
    /// unless the halves agree); 0 for an empty slot.
    @exclusivity(unchecked) private var slots: [UInt64]
    /// ``slots``'s size minus one (a power of two minus one).
    @exclusivity(unchecked) private var mask: Int
    /// The words' records, one after another: letter count, term count, the folded (or
    /// written) letters, the terms (indices in ``TermIndex/terms``, as bit patterns).
    @exclusivity(unchecked) private var records: [UInt32] = []
    /// The number of words kept.
    private(set) var count = 0

    /// An empty memo.
    init() {
        slots = [UInt64](repeating: 0, count: 1024)
        mask = 1023
    }

    /// The term at `position`, one of the positions ``terms(ofWord:compute:)`` returned.
    @inline(__always)
    func term(at position: Int) -> Int32 { Int32(bitPattern: records[position]) }

    /// The positions of the terms of `word` (read with ``term(at:)``), made by `compute` if
    /// `word` was not seen before.
    @inline(__always)
    func terms(ofWord word: UnsafeBufferPointer<UInt32>, compute: () -> [Int32]) -> Range<Int> {
        let hash = Self.hash(word)
        let high = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { break }
            if value & 0xFFFF_FFFF_0000_0000 == high {
                let record = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if let terms = self.terms(ofRecord: record, ifWordIs: word) { return terms }
            }
            slot = (slot + 1) & mask
        }
        let record = records.count
        let terms = compute()
        records.append(UInt32(word.count))
        records.append(UInt32(terms.count))
        records.append(contentsOf: word)
        for term in terms { records.append(UInt32(bitPattern: term)) }
        slots[slot] = high | UInt64(record + 1)
        count += 1
        if 2 * count > slots.count { grow() }
        let termStart = record + 2 + word.count
        return termStart..<(termStart + terms.count)
    }

    /// The hash of a word's letters: FNV-1a over two letters at a time, its high half folded
    /// into the low one (which picks the slot). Every word the matcher looks up is hashed, and a
    /// multiplication for each letter, one after another, was a tenth of the matcher's time.
    @inline(__always)
    private static func hash(_ letters: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(letters.count)
        var index = 0
        while index + 1 < letters.count {
            hash = (hash ^ (UInt64(letters[index]) | UInt64(letters[index + 1]) << 32)) &* 0x100_0000_01b3
            index += 2
        }
        if index < letters.count { hash = (hash ^ UInt64(letters[index])) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 32)
    }

    /// The positions of the terms of the record at `record`, if its letters are `word`'s.
    @inline(__always)
    private func terms(ofRecord record: Int, ifWordIs word: UnsafeBufferPointer<UInt32>) -> Range<Int>? {
        records.withUnsafeBufferPointer { records in
            guard Int(records[record]) == word.count else { return nil }
            let letters = record + 2
            for offset in 0..<word.count where records[letters + offset] != word[offset] { return nil }
            let termStart = letters + word.count
            return termStart..<(termStart + Int(records[record + 1]))
        }
    }

    /// Doubles the table.
    private func grow() {
        slots = [UInt64](repeating: 0, count: 2 * slots.count)
        mask = slots.count - 1
        records.withUnsafeBufferPointer { records in
            var record = 0
            while record < records.count {
                let letterCount = Int(records[record])
                let hash = Self.hash(UnsafeBufferPointer(rebasing: records[(record + 2)..<(record + 2 + letterCount)]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(record + 1)
                record += 2 + letterCount + Int(records[record + 1])
            }
        }
    }
}
