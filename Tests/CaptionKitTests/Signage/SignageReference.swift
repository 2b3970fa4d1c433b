import Foundation

@testable import CaptionKit

/// The plain computations that the signage fast paths stand for: typography rule by rule on
/// characters, paragraphs split at characters, greedy wrapping on characters with NFC grapheme
/// lengths, and the text file joined from strings. The fast-path tests hold production to them.
enum SignageReference {
    /// The NFC grapheme count of `text`.
    static func length(_ text: some StringProtocol) -> Int {
        String(text).precomposedStringWithCanonicalMapping.count
    }

    /// Every rule for `language` applied to `text` on characters, in order.
    static func typeset(_ text: String, language: String) -> String {
        Typography.rules(for: language).reduce(text) { text, rule in rule.init().apply(to: text, language: language) }
    }

    /// Splits text into paragraphs (at empty lines) of lines, at `Character` line feeds.
    static func paragraphs(of text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Wraps one line greedily to `width` grapheme clusters, breaking at space and tab
    /// characters, and inside a word at a soft hyphen (U+00AD) with a hyphen at the line's end
    /// when the word does not fit (the most of it that fits stays on the line); soft hyphens
    /// are not printed. An empty line gives one empty line.
    static func wrap(_ line: String, width: Int) -> (lines: [String], overlongWords: [OverlongWord]) {
        let width = max(width, 1)
        var lines: [String] = []
        var overlong: [OverlongWord] = []
        // The word being placed, without soft hyphens, and its widest piece wider than the line.
        var whole = ""
        var widest: OverlongWord?
        var current = ""
        var currentLength = 0
        var hasWord = false
        var startsLine = false
        func fits(_ piece: String) -> Bool {
            hasWord && !startsLine ? currentLength + 1 + length(piece) <= width : length(piece) <= width
        }
        /// `piece` with a hyphen after it, unless it ends with one (ер-­тұрман).
        func hyphenated(_ piece: String) -> String {
            ["-", "\u{2010}", "\u{2011}"].contains(piece.unicodeScalars.last ?? " ") ? piece : piece + "-"
        }
        func place(_ piece: String) {
            let pieceLength = length(piece)
            if pieceLength > width, pieceLength > widest.map({ length($0.piece) }) ?? 0 {
                widest = OverlongWord(word: whole, piece: piece)
            }
            if !hasWord {
                current = piece
                currentLength = pieceLength
            } else if !startsLine && currentLength + 1 + pieceLength <= width {
                current += " " + piece
                currentLength += 1 + pieceLength
            } else {
                lines.append(current)
                current = piece
                currentLength = pieceLength
            }
            hasWord = true
            startsLine = false
        }
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts = word.split(separator: "\u{AD}").map(String.init)
            whole = parts.joined()
            widest = nil
            defer { if let widest { overlong.append(widest) } }
            var first = 0
            while first < parts.count {
                let rest = parts[first...].joined()
                if first == parts.count - 1 || fits(rest) {
                    place(rest)
                    break
                }
                let fresh = !hasWord || startsLine
                if let last = (first..<(parts.count - 1)).reversed().first(where: {
                    fits(hyphenated(parts[first...$0].joined())) || ($0 == first && fresh)
                }) {
                    place(hyphenated(parts[first...last].joined()))
                    first = last + 1
                }
                startsLine = true
            }
        }
        lines.append(current)
        return (lines, overlong)
    }

    /// A word wider than its line: the word as a reader sees it (no soft hyphens) and its widest
    /// piece, the word itself unless it broke at soft hyphens. A string literal is a word whole.
    struct OverlongWord: Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        var word: String
        var piece: String

        init(word: String, piece: String) {
            self.word = word
            self.piece = piece
        }

        init(stringLiteral word: String) { self.init(word: word, piece: word) }

        var description: String { piece == word ? word : "\(word) (\(piece))" }
    }

    /// One label: blocks of (language, fields of (name, location, paragraphs, unsettled words)).
    struct Label {
        struct Field {
            var name: String
            var location: SourceLocation
            var paragraphs: [[String]]
            var unsettledWords: [String] = []
        }

        var id: String
        var blocks: [(language: String, fields: [Field])]
    }

    /// The label of `exhibit` as ``SignageLabel`` makes it, typeset on characters.
    static func label(_ exhibit: Exhibit, config: CollectionConfig, languages: [String]) -> Label {
        let fields = config.fields.compactMap { exhibit.field($0.name) }
        let blocks = languages.map { language in
            let derived = !config.languages.contains(language) && language == KazakhLatin.tag
            let blockFields = fields.compactMap { field -> Label.Field? in
                func made(_ text: String, _ location: SourceLocation, unsettled: [String] = []) -> Label.Field {
                    Label.Field(
                        name: field.name, location: location,
                        paragraphs: paragraphs(of: typeset(text, language: language)), unsettledWords: unsettled)
                }
                if derived, let own = field.translation(language), !own.isBlank {
                    return made(own.text, own.valueLocation)
                }
                if derived, let kazakh = field.translation("kk") {
                    // Typeset as Kazakh, then transliterated: the Latin text keeps the no-break spaces.
                    let latin = KazakhLatin.transliterate(typeset(kazakh.text, language: "kk"))
                    return Label.Field(
                        name: field.name, location: kazakh.valueLocation, paragraphs: paragraphs(of: latin.text),
                        unsettledWords: latin.unsettledWords)
                }
                return field.translation(language).map { made($0.text, $0.valueLocation) }
            }
            return (language, blockFields)
        }
        return Label(id: exhibit.displayID, blocks: blocks)
    }

    /// The text file of `label` and its warnings about overlong words.
    static func text(of label: Label, settings: SignageSettings) -> (text: String, warnings: [SignageWarning]) {
        var warnings: [SignageWarning] = []
        let blocks = label.blocks.map { block in
            block.fields.flatMap { field in
                let width = settings.width(for: field.name)
                return field.paragraphs.map { paragraph in
                    paragraph.flatMap { line in
                        let wrapped = wrap(line, width: width)
                        warnings += wrapped.overlongWords.map { overlong in
                            let what = overlong.piece == overlong.word ? "a word" : "a part of a word"
                            return SignageWarning(
                                location: field.location,
                                message: """
                                    \(label.id): \(what) in the \(Language.displayName(block.language)) \
                                    \(field.name) is \(length(overlong.piece)) characters, wider than the \
                                    \(width)-character line; it stands on a line of its own and overflows: \
                                    \(overlong.word)
                                    """)
                        }
                        return wrapped.lines
                    }.joined(separator: "\n")
                }
            }.joined(separator: "\n\n")
        }
        return (blocks.joined(separator: "\n\n\n") + "\n", warnings)
    }

    /// The Data Merge file as rows of strings: each paragraph's lines joined and flattened at
    /// characters, escaped, joined with tabs and CR LF, then encoded as a whole (what
    /// ``DataMergeWriter`` wrote before it made each label's row of bytes on its thread).
    static func dataMerge(
        for labels: [SignageLabel], languages: [String], fields: [String], encoding: DataMergeEncoding
    ) -> Data {
        var columnCounts: [String: Int] = [:]
        for label in labels {
            for block in label.blocks {
                for field in block.fields {
                    columnCounts[field.name] = max(columnCounts[field.name] ?? 0, field.text.paragraphCount)
                }
            }
        }
        var header = ["id", "gallery"]
        for language in languages {
            for field in fields {
                let base = "\(DataMergeWriter.headerName(language))_\(DataMergeWriter.headerName(field))"
                let count = columnCounts[field] ?? 1
                header += count > 1 ? (1...count).map { "\(base)_\($0)" } : [base]
            }
        }
        let separators: Set<Unicode.Scalar> = ["\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let rows = labels.map { label in
            var row = [label.id, label.gallery]
            for language in languages {
                let block = label.blocks.first { $0.language == language }
                for name in fields {
                    let paragraphs = block?.fields.first { $0.name == name }?.text.paragraphs ?? []
                    for index in 0..<max(columnCounts[name] ?? 1, 1) {
                        var value = ""
                        if index < paragraphs.count {
                            for scalar in paragraphs[index].joined(separator: " ").unicodeScalars {
                                value.unicodeScalars.append(separators.contains(scalar) ? " " : scalar)
                            }
                        }
                        row.append(value)
                    }
                }
            }
            return row
        }
        let text = ([header] + rows).map { $0.map(DataMergeWriter.escape).joined(separator: "\t") + "\r\n" }.joined()
        switch encoding {
        case .utf16LE: return Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        }
    }
}

extension LineBreaker {
    /// The production line breaker on one line, with lines and overlong words as strings.
    static func wrap(_ line: String, width: Int) -> (lines: [String], overlongWords: [SignageReference.OverlongWord]) {
        var line = line
        let isSimple = line.unicodeScalars.allSatisfy(CharacterCount.isSimple)
        return line.withUTF8 { bytes in
            var lines = [""]
            var overlong: [SignageReference.OverlongWord] = []
            var warned: (written: Range<Int>, width: Int)?
            breakLine(bytes, isSimple: isSimple, width: width, measure: CharacterMeasure()) {
                word, before, wordWidth, written in
                let word = String(decoding: word, as: UTF8.self)
                switch before {
                case .none: lines[0] = word
                case .space: lines[lines.count - 1] += " " + word
                case .line: lines.append(word)
                }
                // The word once, with its widest piece, as the signage layout warns.
                guard wordWidth > max(width, 1) else { return }
                if let last = warned, last.written == written {
                    guard wordWidth > last.width else { return }
                    overlong.removeLast()
                }
                warned = (written, wordWidth)
                let whole = SoftHyphens.removed(from: UnsafeBufferPointer(rebasing: bytes[written]))
                overlong.append(.init(word: whole, piece: word))
            }
            return (lines, overlong)
        }
    }
}

extension SignageLabel.Field {
    /// The paragraphs of the typeset text, as strings.
    var paragraphs: [[String]] {
        text.paragraphs
    }
}
