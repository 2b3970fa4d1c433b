import Dispatch
import Foundation

/// A collection's glossary compiled for matching in each of its languages.
struct Terminology: Sendable {
    /// The glossary.
    let glossary: Glossary
    /// The compiled terms by language tag (languages without terms are left out).
    let indices: [String: TermIndex]
    /// By language tag, whether each entry (by glossary index) has terms in it: read for
    /// every term a source uses, in each of its translations.
    let entriesWithTerms: [String: [Bool]]

    /// Compiles `glossary` for `languages`, the languages at the same time (a large glossary
    /// takes a tenth of a second, before any text can be scanned).
    init(_ glossary: Glossary, languages: [String]) {
        self.glossary = glossary
        var indices: [String: TermIndex] = [:]
        var entriesWithTerms: [String: [Bool]] = [:]
        let compiled = ResultSlots<TermIndex>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { number in
            compiled.set(number, TermIndex(glossary, language: languages[number]))
        }
        for (language, index) in zip(languages, compiled.takeValues()) {
            if !index.isEmpty { indices[language] = index }
            entriesWithTerms[language] = glossary.entries.map { $0.terms[language] != nil }
        }
        self.indices = indices
        self.entriesWithTerms = entriesWithTerms
    }

    /// Whether every text in `language` must be scanned (see ``TermIndex/scansEveryText``).
    func scansEveryText(_ language: String) -> Bool { indices[language]?.scansEveryText ?? false }

    /// Whether no language has a term.
    var isEmpty: Bool { indices.isEmpty }

    /// The terms found in `text`, written in `language`; with `entries`, only those of these
    /// entries and those looked for in every text (see ``TermIndex/matches(in:entries:memo:)``).
    /// With `memos`, the words' look-ups are kept there for the next texts.
    func scan(_ text: String, language: String, entries: [Int]? = nil, memos: Memos? = nil) -> TermScan? {
        guard let index = indices[language] else { return nil }
        let tokens = TermTokens(text, keepingWritten: index.needsWrittenWords)
        return TermScan(
            tokens: tokens, matches: index.matches(in: tokens, entries: entries, memo: memos?.memo(for: language)),
            index: index)
    }

    /// A ``FirstWordMemo`` for each language, for the texts of a run of exhibits scanned one
    /// after another (not for concurrent use).
    final class Memos {
        private var byLanguage: [String: FirstWordMemo] = [:]

        /// No word looked up yet.
        init() {}

        /// The memo of `language`'s terms.
        func memo(for language: String) -> FirstWordMemo {
            if let memo = byLanguage[language] { return memo }
            let memo = FirstWordMemo()
            byLanguage[language] = memo
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

/// The glossary terms found in one text.
///
/// A class: the checks read every text's scan (`analysis.termScans[index]`), and copying a
/// struct of the tokens, the matches and the index retained and released all their arrays.
final class TermScan: Sendable {
    /// The text's words.
    let tokens: TermTokens
    /// The terms found, by first word.
    let matches: [TermIndex.Match]
    /// The compiled terms of the text's language.
    let index: TermIndex

    /// The terms `matches` of `index` found in `tokens`.
    init(tokens: TermTokens, matches: [TermIndex.Match], index: TermIndex) {
        self.tokens = tokens
        self.matches = matches
        self.index = index
    }

    /// The term of `match`.
    func term(_ match: TermIndex.Match) -> TermIndex.Term { index.terms[match.term] }

    /// The entries (glossary indices) whose allowed terms occur, in the order found, possibly
    /// more than once (a text has few matches: a list is quicker to make and search than a set).
    var usedEntries: [Int] {
        var entries: [Int] = []
        entries.reserveCapacity(matches.count)
        for match in matches where !index.termIsForbidden[match.term] { entries.append(index.termEntries[match.term]) }
        return entries
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
