/// The width function of the layout: how wide text is on the sign, in the unit of the line
/// width. Line breaking asks it about every word, so a font-measured width plugs in here.
protocol TextMeasure: Sendable {
    /// The width of one word (no space in it), given as its UTF-8 bytes; `isSimple` says that
    /// every scalar of it is simple (``SimpleScalars``).
    func width(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> Int
    /// The width of the space between two words on a line.
    var spaceWidth: Int { get }
    /// The width of one word and how a space beside it changes the line (kerning):
    /// ``WordMetrics``. By default the word's width and no change.
    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> WordMetrics
    /// Whether ``prefetch(word:)`` does anything: then the line breaker calls it for every word
    /// of a line before measuring them with ``metrics(ofWord:isSimple:prefetched:)``. By default
    /// `false`.
    var prefetches: Bool { get }
    /// Asks for what measuring `word` will read to be fetched into the cache, so that the reads
    /// of a line's words overlap, and returns what ``metrics(ofWord:isSimple:prefetched:)``
    /// takes for the word (e.g. its hash, computed once). By default nothing, and 0.
    func prefetch(word: UnsafeBufferPointer<UInt8>) -> UInt64
    /// ``metrics(ofWord:isSimple:)``, given what ``prefetch(word:)`` returned for `word`.
    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool, prefetched: UInt64) -> WordMetrics
}

/// A word's width, and what kerning against a space beside it adds to a line's width.
struct WordMetrics: Sendable, Hashable {
    /// The word's own width.
    var width: Int
    /// Added to the line when a space follows the word (the word's last glyph kerned with it).
    var beforeSpace = 0
    /// Added to the line when the word follows a space (the space kerned with its first glyph).
    var afterSpace = 0
}

extension TextMeasure {
    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> WordMetrics {
        WordMetrics(width: width(ofWord: word, isSimple: isSimple))
    }

    var prefetches: Bool { false }

    func prefetch(word: UnsafeBufferPointer<UInt8>) -> UInt64 { 0 }

    func metrics(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool, prefetched: UInt64) -> WordMetrics {
        metrics(ofWord: word, isSimple: isSimple)
    }
}

/// Widths in characters: grapheme clusters of the NFC text (``CharacterCount/ofNFC(_:)``); a
/// space is one. The unit of `signage-width`.
struct CharacterMeasure: TextMeasure {
    func width(ofWord word: UnsafeBufferPointer<UInt8>, isSimple: Bool) -> Int {
        // Fast path: a simple scalar is one cluster, so the width is the scalar count (the bytes
        // that do not continue a scalar).
        guard !isSimple else { return word.count(where: { $0 & 0xC0 != 0x80 }) }
        return CharacterCount.ofNFC(String(decoding: word, as: UTF8.self))
    }

    var spaceWidth: Int { 1 }
}

/// Greedy line breaking for sign text.
///
/// Lines break at ordinary spaces (and tabs), and inside a word only at a soft hyphen
/// (``SoftHyphens``) when the word does not fit; a no-break space joins the words on either
/// side into one unbreakable unit. Widths come from a ``TextMeasure``, with the kerning of each
/// space against the words beside it (``WordMetrics``). A word (or a part of one between soft
/// hyphens) wider than the line is put on a line of its own, and the caller, which gets every
/// word's width, warns instead of silently overflowing.
enum LineBreaker {
    /// What goes before a word.
    enum Break {
        /// Nothing: the first word of the input line.
        case none
        /// A space: the word fits on the current line.
        case space
        /// A line break: the word starts the next line.
        case line
    }

    /// Breaks one line of text (UTF-8 bytes, no line feed in it) into lines at most `width`
    /// wide, calling `body` with each word, what goes before it, its width and where in `line`
    /// the word is written, in order. A word broken at soft hyphens comes as its pieces (the
    /// first ones ending with a hyphen), each with the same `written` range: the whole word as
    /// the reader sees it, soft hyphens and all.
    ///
    /// - Parameters:
    ///   - line: The text; runs of spaces (and tabs) between words count as one space.
    ///   - isSimple: Whether every scalar of the line is simple (``SimpleScalars``): then its
    ///     words are split at space bytes (no tab is simple), else at space and tab characters.
    ///   - width: The line width, at least 1.
    ///   - measure: The width function.
    static func breakLine(
        _ line: UnsafeBufferPointer<UInt8>, isSimple: Bool, width: Int, measure: some TextMeasure,
        _ body: (_ word: UnsafeBufferPointer<UInt8>, _ before: Break, _ width: Int, _ written: Range<Int>) -> Void
    ) {
        let width = max(width, 1)
        var currentWidth = 0
        var hasWord = false
        // What a space after the line's last word would add besides its own width.
        var beforeSpace = 0
        // Whether the next word must start a line: the word before it ended in a hyphen at a
        // soft hyphen.
        var startsLine = false
        func fill(_ word: UnsafeBufferPointer<UInt8>, _ metrics: WordMetrics, _ written: Range<Int>) {
            let wordWidth = metrics.width
            if !hasWord {
                hasWord = true
                currentWidth = wordWidth
                body(word, .none, wordWidth, written)
            } else if !startsLine,
                currentWidth + beforeSpace + measure.spaceWidth + metrics.afterSpace + wordWidth <= width
            {
                currentWidth += beforeSpace + measure.spaceWidth + metrics.afterSpace + wordWidth
                body(word, .space, wordWidth, written)
            } else {
                currentWidth = wordWidth
                body(word, .line, wordWidth, written)
            }
            beforeSpace = metrics.beforeSpace
            startsLine = false
        }
        func fill(_ written: Range<Int>) {
            let word = UnsafeBufferPointer(rebasing: line[written])
            fill(word, measure.metrics(ofWord: word, isSimple: isSimple), written)
        }
        guard !SoftHyphens.occur(in: line) else {
            // Whether `metrics` fits where the next word goes: after a space on the line, or
            // alone on a line of its own.
            func fits(_ metrics: WordMetrics) -> Bool {
                guard hasWord, !startsLine else { return metrics.width <= width }
                return currentWidth + beforeSpace + measure.spaceWidth + metrics.afterSpace + metrics.width <= width
            }
            var piece: [UInt8] = []
            forEachWord(in: line, isSimple: isSimple) { range in
                let word = UnsafeBufferPointer(rebasing: line[range])
                let parts = SoftHyphens.parts(of: word)
                guard parts.count > 1 else {
                    // A soft hyphen at an end breaks nothing; one alone is no word.
                    SoftHyphens.join(parts[...], of: word, into: &piece)
                    if !piece.isEmpty {
                        piece.withUnsafeBufferPointer {
                            fill($0, measure.metrics(ofWord: $0, isSimple: isSimple), range)
                        }
                    }
                    return
                }
                // The parts from `first` on: whole where they fit, else the most that fit with a
                // hyphen after them, the rest on the next line.
                var first = 0
                while first < parts.count {
                    SoftHyphens.join(parts[first...], of: word, into: &piece)
                    let rest = piece.withUnsafeBufferPointer { measure.metrics(ofWord: $0, isSimple: isSimple) }
                    if first == parts.count - 1 || fits(rest) {
                        piece.withUnsafeBufferPointer { fill($0, rest, range) }
                        break
                    }
                    var last = parts.count - 2
                    while last >= first {
                        SoftHyphens.join(parts[first...last], of: word, into: &piece)
                        // After a hyphen written in the word (ер-­тұрман), no second one.
                        if !SoftHyphens.endsWithHyphen(piece) { piece.append(UInt8(ascii: "-")) }
                        let metrics = piece.withUnsafeBufferPointer { measure.metrics(ofWord: $0, isSimple: isSimple) }
                        // Alone on a line, the first part goes there even when it is too wide.
                        if fits(metrics) || (last == first && (!hasWord || startsLine)) {
                            piece.withUnsafeBufferPointer { fill($0, metrics, range) }
                            startsLine = true
                            break
                        }
                        last -= 1
                    }
                    if last >= first { first = last + 1 } else { startsLine = true }
                }
            }
            startsLine = false
            return
        }
        guard isSimple, measure.prefetches else {
            forEachWord(in: line, isSimple: isSimple) { fill($0) }
            return
        }
        // The memory of every word's measurement is asked for first, so that the reads overlap;
        // the words (at most one for every two bytes) and what their prefetch returned are kept.
        withUnsafeTemporaryAllocation(of: (Range<Int>, UInt64).self, capacity: line.count / 2 + 1) { words in
            var count = 0
            forEachWord(in: line, isSimple: true) { range in
                let prefetched = measure.prefetch(word: UnsafeBufferPointer(rebasing: line[range]))
                words.initializeElement(at: count, to: (range, prefetched))
                count += 1
            }
            for (range, prefetched) in words[..<count] {
                let word = UnsafeBufferPointer(rebasing: line[range])
                fill(word, measure.metrics(ofWord: word, isSimple: true, prefetched: prefetched), range)
            }
        }
    }

    /// Calls `body` with the byte range in `line` of each of its words, in order: the words
    /// ``breakLine(_:isSimple:width:measure:_:)`` places in a line without soft hyphens, split
    /// where it splits them. Always inlined, as the loop was when it was written inside the line
    /// breaker.
    @inline(__always)
    static func forEachWord(in line: UnsafeBufferPointer<UInt8>, isSimple: Bool, _ body: (Range<Int>) -> Void) {
        if isSimple {
            var start = 0
            for (offset, byte) in line.enumerated() where byte == UInt8(ascii: " ") {
                if start < offset { body(start..<offset) }
                start = offset + 1
            }
            if start < line.count { body(start..<line.count) }
        } else {
            // A space followed by a combining mark is one character, and not a space.
            let text = String(decoding: line, as: UTF8.self)
            let utf8 = text.utf8
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let start = utf8.distance(from: utf8.startIndex, to: word.startIndex)
                body(start..<start + word.utf8.count)
            }
        }
    }
}
