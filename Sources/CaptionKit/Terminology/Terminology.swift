import Dispatch
import Foundation

/// A collection's glossary compiled for matching in each of its languages.
struct Terminology: Sendable {
    /// The glossary.
    let glossary: Glossary
    /// The languages that have terms, compiled, in the collection's order: a list, found by
    /// tag (a collection has a few languages; a dictionary hashed the tag for every text, and
    /// handing out a ``TermIndex`` copied it, a retain and a release of each of its arrays).
    let languages: [Language]

    /// One language's compiled terms.
    final class Language: Sendable {
        /// The language tag.
        let tag: String
        /// The compiled terms (never empty).
        let index: TermIndex
        /// Whether each entry (by glossary index) has terms in the language: read for every
        /// term a source uses, in each of its translations.
        let entriesWithTerms: [Bool]

        init(tag: String, index: TermIndex, entriesWithTerms: [Bool]) {
            self.tag = tag
            self.index = index
            self.entriesWithTerms = entriesWithTerms
        }
    }

    /// Compiles `glossary` for `languages`, the languages at the same time (a large glossary
    /// takes a tenth of a second, before any text can be scanned).
    init(_ glossary: Glossary, languages: [String]) {
        self.glossary = glossary
        let compiled = ResultSlots<TermIndex>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { number in
            compiled.set(number, TermIndex(glossary, language: languages[number]))
        }
        self.languages = zip(languages, compiled.takeValues()).compactMap { tag, index in
            index.isEmpty
                ? nil
                : Language(tag: tag, index: index, entriesWithTerms: glossary.entries.map { $0.terms[tag] != nil })
        }
    }

    /// The position in ``languages`` of `tag`, if it has terms.
    @inline(__always)
    private func position(of tag: String) -> Int? {
        for position in languages.indices where languages[position].tag == tag { return position }
        return nil
    }

    /// The compiled terms of the language `tag`, if it has terms.
    func language(_ tag: String) -> Language? { position(of: tag).map { languages[$0] } }

    /// Whether every text in `language` must be scanned (see ``TermIndex/scansEveryText``).
    func scansEveryText(_ language: String) -> Bool { self.language(language)?.index.scansEveryText ?? false }

    /// Whether no language has a term.
    var isEmpty: Bool { languages.isEmpty }

    /// The terms found in `text`, written in `language`; with `entries`, only those of these
    /// entries and those looked for in every text (see ``TermIndex/matches(in:entries:memo:)``).
    /// With `memos`, the words' look-ups are kept there for the next texts.
    func scan(_ text: String, language: String, entries: EntrySet? = nil, memos: Memos? = nil) -> TermScan? {
        guard let position = position(of: language) else { return nil }
        let compiled = languages[position]
        let keepingWritten = compiled.index.needsWrittenWords
        let tokens =
            if let memos {
                TermTokens(text, keepingWritten: keepingWritten, storage: &memos.tokenStorage)
            } else {
                TermTokens(text, keepingWritten: keepingWritten)
            }
        // Kept alive explicitly, the compiled terms are read in place: otherwise the call copied
        // the index, a retain and a release of each of its arrays for every text.
        let matches = withExtendedLifetime(compiled) {
            if let memos {
                memos.foundMatches.removeAll(keepingCapacity: true)
                compiled.index.appendMatches(
                    in: tokens, entries: entries, memo: memos.memo(at: position), to: &memos.foundMatches)
                return TermMatches(memos.foundMatches, storage: &memos.tokenStorage)
            }
            var storage = TokenStorage?.none
            return TermMatches(compiled.index.matches(in: tokens, entries: entries), storage: &storage)
        }
        return TermScan(tokens: tokens, matches: matches, language: compiled)
    }

    /// A ``FirstWordMemo`` for each language, and the storage the texts' tokens and matches are
    /// kept in, for the texts of a run of exhibits scanned one after another (not for concurrent
    /// use).
    final class Memos {
        /// By position in ``Terminology/languages``.
        private var memos: [FirstWordMemo?] = []
        /// Where the texts' tokens and matches are kept (``TokenStorage/reusable(_:room:)``).
        /// Accesses are not checked for exclusivity at run time (about 80 instructions each,
        /// three for every text scanned): one task at a time uses the memos, one scan at a time.
        @exclusivity(unchecked) var tokenStorage: TokenStorage?
        /// The matches of the text being scanned, before they are kept in ``tokenStorage``.
        @exclusivity(unchecked) var foundMatches: [TermIndex.Match] = []

        /// No word looked up yet.
        init() {}

        /// The memo of the terms of the language at `position` in ``Terminology/languages``.
        func memo(at position: Int) -> FirstWordMemo {
            if position < memos.count, let memo = memos[position] { return memo }
            while memos.count <= position { memos.append(nil) }
            let memo = FirstWordMemo()
            memos[position] = memo
            return memo
        }
    }

    /// ``Memos`` lent to concurrent tasks one at a time and kept when given back: each task
    /// starts with the words the earlier tasks looked up (a memo per task started empty, and
    /// looked up again the words of every chunk).
    final class MemoPool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [Memos] = []

        /// No memos yet.
        init() {}

        /// Runs `body` with memos no other task uses meanwhile.
        func withMemos<Result>(_ body: (Memos) -> Result) -> Result {
            let memos = lock.withLock { idle.popLast() } ?? Memos()
            defer { lock.withLock { idle.append(memos) } }
            return body(memos)
        }
    }
}

/// Glossary entries (by index in the glossary) as bits: the entries a source text uses, which
/// its translations are scanned for, and those a translation uses, which every term of its
/// source is looked up in. Lists made these look-ups grow with both counts.
struct EntrySet: Sendable, ExpressibleByArrayLiteral {
    private var words: [UInt64] = []

    /// No entry.
    init() {}

    /// `entries`.
    init(arrayLiteral entries: Int...) { for entry in entries { insert(entry) } }

    /// `entries`.
    init(_ entries: some Sequence<Int>) { for entry in entries { insert(entry) } }

    /// Whether `entry` is in the set.
    @inline(__always)
    func contains(_ entry: Int) -> Bool {
        let word = entry >> 6
        return word < words.count && words[word] & (1 << (entry & 63)) != 0
    }

    /// Adds `entry`; returns whether it was not in the set.
    @discardableResult
    mutating func insert(_ entry: Int) -> Bool {
        let word = entry >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        let bit: UInt64 = 1 << (entry & 63)
        defer { words[word] |= bit }
        return words[word] & bit == 0
    }

    /// Removes `entry`.
    mutating func remove(_ entry: Int) {
        let word = entry >> 6
        if word < words.count { words[word] &= ~(1 << (entry & 63)) }
    }

    /// Adds (`inserting`) or removes `entries[match.term]` for each of `matches` whose term is
    /// not `forbidden[match.term]`, each entry below `limit`: a text's matches in one pass over
    /// the set's words in place (one at a time, each checked the set's room and its sharing).
    mutating func update(
        inserting: Bool, matches: TermMatches, entries: [Int], forbidden: [Bool], below limit: Int
    ) {
        let count = (limit + 63) >> 6
        if words.count < count { words.append(contentsOf: repeatElement(0, count: count - words.count)) }
        entries.withUnsafeBufferPointer { entries in
            forbidden.withUnsafeBufferPointer { forbidden in
                words.withUnsafeMutableBufferPointer { words in
                    for match in matches where !forbidden[match.term] {
                        let entry = entries[match.term]
                        precondition(entry >= 0 && entry < limit)
                        let bit: UInt64 = 1 << (entry & 63)
                        if inserting { words[entry >> 6] |= bit } else { words[entry >> 6] &= ~bit }
                    }
                }
            }
        }
    }
}

/// The terms found in one text (``TermIndex/Match``), kept after the text's tokens in their
/// ``TokenStorage``, three values each: an array of them was an allocation for every text.
struct TermMatches: RandomAccessCollection, Sendable, Equatable {
    /// The storage, or `nil` when no term was found.
    private let storage: TokenStorage?
    /// Where the first match starts in ``storage``.
    private let base: Int
    /// The number of matches.
    let count: Int

    /// `matches`, kept in `storage` when it has room (``TokenStorage/reusable(_:room:)``).
    init(_ matches: [TermIndex.Match], storage: inout TokenStorage?) {
        count = matches.count
        guard !matches.isEmpty else {
            self.storage = nil
            base = 0
            return
        }
        let room = 3 * matches.count
        let kept = TokenStorage.reusable(&storage, room: room)
        base = kept.end
        kept.append(upTo: room) { values in
            for (index, match) in matches.enumerated() {
                values[3 * index] = UInt32(match.term)
                values[3 * index + 1] = UInt32(match.firstWord)
                values[3 * index + 2] = UInt32(match.wordCount)
            }
            return room
        }
        self.storage = kept
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> TermIndex.Match {
        precondition(position >= 0 && position < count, "no match \(position) in \(count)")
        let at = base + 3 * position
        let storage = storage.unsafelyUnwrapped
        return TermIndex.Match(
            term: Int(storage.value(at: at)), firstWord: Int(storage.value(at: at + 1)),
            wordCount: Int(storage.value(at: at + 2)))
    }

    static func == (lhs: TermMatches, rhs: TermMatches) -> Bool { lhs.elementsEqual(rhs) }
}

/// The glossary terms found in one text.
///
/// A class: the checks read every text's scan (`analysis.termScans[index]`), and copying a
/// struct of the tokens, the matches and the index retained and released all their arrays.
final class TermScan: Sendable {
    /// The text's words.
    let tokens: TermTokens
    /// The terms found, by first word.
    let matches: TermMatches
    /// The compiled terms of the text's language.
    let language: Terminology.Language

    /// The terms `matches` of `language` found in `tokens`.
    init(tokens: TermTokens, matches: TermMatches, language: Terminology.Language) {
        self.tokens = tokens
        self.matches = matches
        self.language = language
    }

    /// The term of `match`.
    func term(_ match: TermIndex.Match) -> TermIndex.Term { language.index.terms[match.term] }

    /// Whether the term of `match` is forbidden: read for every match, without a copy of the
    /// term (its text and words, a retain and a release each).
    func isForbidden(_ match: TermIndex.Match) -> Bool { language.index.termIsForbidden[match.term] }

    /// Adds to `set` the entries (glossary indices) whose allowed terms occur.
    func insertUsedEntries(into set: inout EntrySet) { updateUsedEntries(in: &set, inserting: true) }

    /// Removes from `set` the entries ``insertUsedEntries(into:)`` adds (a set kept for many
    /// texts is cleared so, not made again).
    func removeUsedEntries(from set: inout EntrySet) { updateUsedEntries(in: &set, inserting: false) }

    private func updateUsedEntries(in set: inout EntrySet, inserting: Bool) {
        set.update(
            inserting: inserting, matches: matches, entries: language.index.termEntries,
            forbidden: language.index.termIsForbidden, below: language.index.entryCount)
    }

    /// Whether `match` lies within an allowed term of the same entry found in the text (an old,
    /// shorter name forbidden inside the current, longer one).
    func isInsideAllowedTerm(_ match: TermIndex.Match) -> Bool {
        let entry = term(match).entry
        return matches.contains { other in
            let otherTerm = term(other)
            return !otherTerm.isForbidden && otherTerm.entry == entry && other.firstWord <= match.firstWord
                && other.firstWord + other.wordCount >= match.firstWord + match.wordCount
        }
    }

    /// The offset, in Unicode scalars from the start of the text, of the first word of `match`.
    func offset(of match: TermIndex.Match) -> Int { tokens.offset(match.firstWord) }
}

extension Translation {
    /// The location of the character `offset` Unicode scalars into the text: exact for texts
    /// written on one line without escapes (see ``textStart``) and for literal blocks (`|`, see
    /// ``literalBlockStart``), else the start of the value.
    ///
    /// Walks the text's UTF-8 bytes (a scalar starts at every byte that is not 10xxxxxx): a
    /// finding in a long literal block paid a `String.UnicodeScalarView` walk before. The bytes
    /// are read in place when the string stores them contiguously (a native string always
    /// does): a `String.UTF8View` walk cost about four times as much per byte, some 20,000
    /// instructions for a note in the middle of a caption.
    func location(ofScalar offset: Int) -> SourceLocation {
        if var start = textStart {
            start.column += offset
            return start
        }
        guard var start = literalBlockStart else { return valueLocation }
        let firstColumn = start.column
        let (lines, column) =
            text.utf8.withContiguousStorageIfAvailable { Self.walk($0, toScalar: offset, firstColumn: firstColumn) }
            ?? Self.walk(text.utf8, toScalar: offset, firstColumn: firstColumn)
        start.line += lines
        start.column = column
        return start
    }

    /// The lines passed and the column reached `offset` scalars into `bytes` (UTF-8), columns
    /// counted from `firstColumn`.
    private static func walk(_ bytes: some Sequence<UInt8>, toScalar offset: Int, firstColumn: Int) -> (Int, Int) {
        var lines = 0
        var column = firstColumn
        var scalars = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            guard scalars < offset else { break }
            scalars += 1
            if byte == 0x0A {
                lines += 1
                column = firstColumn
            } else {
                column += 1
            }
        }
        return (lines, column)
    }
}

/// A check that reads the glossary terms found in the texts (``ExhibitAnalysis/termScans``):
/// the texts are scanned only when such a check runs.
protocol TerminologyCheck: CaptionCheck {}

extension ExhibitAnalysis {
    /// The index in ``texts`` of the source-language text of `field`, if any.
    func sourceTextIndex(field: String, source: String) -> Int? {
        texts.firstIndex { $0.field.name == field && $0.language == source }
    }

    /// The words of `text` (one of ``texts``) that belong to a `do-not-translate` term of
    /// `terminology`, as written: names that are not mistakes when they stay as they are.
    func doNotTranslateWords(of text: CaptionText, _ terminology: Terminology?) -> Set<String> {
        guard let terminology, let index = texts.firstIndex(where: { $0 === text }), index < termScans.count,
            let scan = termScans[index]
        else { return [] }
        var words = Set<String>()
        for match in scan.matches {
            let term = scan.term(match)
            guard !term.isForbidden, terminology.glossary.entries[term.entry].doNotTranslate else { continue }
            for word in match.firstWord..<(match.firstWord + match.wordCount) {
                words.insert(
                    String(String.UnicodeScalarView(scan.tokens.writtenWord(word).compactMap(Unicode.Scalar.init))))
            }
        }
        return words
    }

    /// Whether every word of `text` (one of ``texts``) belongs to a `do-not-translate` term.
    func isOnlyDoNotTranslateTerms(_ text: CaptionText, _ terminology: Terminology?) -> Bool {
        guard let terminology, let index = texts.firstIndex(where: { $0 === text }), index < termScans.count,
            let scan = termScans[index], scan.tokens.count > 0
        else { return false }
        var covered = [Bool](repeating: false, count: scan.tokens.count)
        for match in scan.matches {
            let term = scan.term(match)
            guard !term.isForbidden, terminology.glossary.entries[term.entry].doNotTranslate else { continue }
            for word in match.firstWord..<(match.firstWord + match.wordCount) { covered[word] = true }
        }
        return covered.allSatisfy { $0 }
    }
}
