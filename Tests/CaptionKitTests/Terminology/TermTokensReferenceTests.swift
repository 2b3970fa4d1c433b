import Testing

@testable import CaptionKit

/// The term tokenizer reads UTF-8 bytes and decodes scalars itself, and finds a match's text and
/// a finding's place in a literal block by walking bytes; these tests hold them to the plain
/// readings of `String.unicodeScalars` below, on generated texts full of what the tokenizer
/// treats specially.
struct TermTokensReferenceTests {
    /// The tokenizer as first written: `text.unicodeScalars`, one scalar at a time.
    struct PlainTermTokens: Equatable {
        var folded: [UInt32] = []
        var written: [UInt32] = []
        var bounds: [Int32] = [0]
        var offsets: [Int32] = []
        var joints: [TermTokens.Joint] = []

        init(_ text: String, keepingWritten: Bool) {
            var offset: Int32 = 0
            var inWord = false
            var gap = 5
            var sentenceMark = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let isWordScalar =
                    TextWords.isLetter(scalar) || (value >= 0x30 && value <= 0x39)
                    || (inWord && TextWords.isCombiningMark(scalar))
                if isWordScalar {
                    if !inWord {
                        inWord = true
                        offsets.append(offset)
                        joints.append(
                            gap == 1 || gap == 4
                                ? .hyphen : gap == 2 ? .apostrophe : sentenceMark ? .sentenceBreak : .separate)
                    }
                    if keepingWritten { written.append(value) }
                    folded.append(TermTokens.fold(value))
                } else {
                    if inWord {
                        bounds.append(Int32(folded.count))
                        inWord = false
                        gap = 0
                        sentenceMark = false
                    }
                    if [".", "?", "!", "…"].contains(scalar) { sentenceMark = true }
                    switch value {
                    case 0x2D, 0x2010, 0x2011: gap = gap == 0 ? 1 : gap == 3 ? 4 : 5
                    case 0x27, 0x2019, 0x2BC: gap = gap == 0 ? 2 : 5
                    case 0xBB, 0x201D, 0x22, 0x201C: gap = gap == 0 || gap == 3 ? 3 : 5
                    default: gap = 5
                    }
                }
                offset += 1
            }
            if inWord { bounds.append(Int32(folded.count)) }
        }

        init(_ tokens: TermTokens) {
            folded = tokens.folded
            written = tokens.written
            bounds = tokens.bounds
            offsets = tokens.offsets
            joints = tokens.joints
        }
    }

    /// A match's text as first written: scalar indices counted from the start.
    static func plainText(of match: TermIndex.Match, tokens: TermTokens, in text: String) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: Int(tokens.offsets[match.firstWord]))
        let lastWord = match.firstWord + match.wordCount - 1
        let end = scalars.index(
            scalars.startIndex, offsetBy: Int(tokens.offsets[lastWord]) + tokens.length(lastWord),
            limitedBy: scalars.endIndex)
        return String(scalars[start..<(end ?? scalars.endIndex)])
    }

    /// Scalars the tokenizer decides on: ASCII letters, digits, spaces and punctuation; the
    /// hyphens, apostrophes and quotes that join words; Russian and Kazakh letters, Ё, the
    /// Cyrillic thousands sign and combining marks (U+0482 to U+0489); Latin-1 letters and
    /// signs; a combining acute; Greek, Arabic, CJK, a no-break space, a line separator,
    /// a zero-width joiner and scalars of four UTF-8 bytes.
    static let alphabet: [Unicode.Scalar] = {
        var values: [UInt32] = Array(0x41...0x5A) + Array(0x61...0x7A) + Array(0x30...0x39)
        values += [0x20, 0x20, 0x20, 0x0A, 0x2E, 0x2C, 0x28, 0x29, 0x3A, 0x2D, 0x27, 0x22, 0x2F, 0x3F, 0x21, 0x2026]
        values += [0x2010, 0x2011, 0x2013, 0x2014, 0x2019, 0x2BC, 0xBB, 0xAB, 0x201C, 0x201D, 0x201E]
        values += Array(0x410...0x44F) + [0x401, 0x451, 0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3]
        values += [0x4E8, 0x4E9, 0x4B0, 0x4B1, 0x4AE, 0x4AF, 0x4BA, 0x4BB, 0x406, 0x456, 0x4C0, 0x4CF, 0x460, 0x4FF]
        values += Array(0x480...0x48B) + [0xC0, 0xC9, 0xE9, 0xF6, 0xD7, 0xF7, 0xDF, 0x17F, 0x24F, 0xAA, 0xB5, 0xA0]
        values += [0x301, 0x308, 0x3A9, 0x3C9, 0x627, 0x4E2D, 0x6587, 0x2028, 0x200D, 0x1F600, 0x10400, 0x1D400]
        return values.map { Unicode.Scalar($0)! }
    }()

    static func generatedText(_ generator: inout SeededGenerator) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            scalars.append(alphabet.randomElement(using: &generator)!)
        }
        return String(scalars)
    }

    @Test func bytesGiveTheWordsOfThePlainTokenizer() {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<20_000 {
            let text = Self.generatedText(&generator)
            for keepingWritten in [true, false] {
                let tokens = TermTokens(text, keepingWritten: keepingWritten)
                #expect(
                    PlainTermTokens(tokens) == PlainTermTokens(text, keepingWritten: keepingWritten),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func bytesGiveTheMatchTextsOfThePlainWalk() {
        var generator = SeededGenerator(seed: 15)
        var compared = 0
        for _ in 0..<5_000 {
            let text = Self.generatedText(&generator)
            let tokens = TermTokens(text)
            for first in 0..<tokens.count {
                for count in 1...min(3, tokens.count - first) {
                    let match = TermIndex.Match(term: 0, firstWord: first, wordCount: count)
                    #expect(tokens.text(of: match, in: text) == Self.plainText(of: match, tokens: tokens, in: text))
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }

    /// A location in a literal block as first written: the text's scalars counted from its start.
    static func plainLocation(ofScalar offset: Int, in translation: Translation) -> SourceLocation {
        var start = translation.literalBlockStart!
        var column = start.column
        for scalar in translation.text.unicodeScalars.prefix(offset) {
            if scalar == "\n" {
                start.line += 1
                column = start.column
            } else {
                column += 1
            }
        }
        start.column = column
        return start
    }

    @Test func bytesGiveTheLiteralBlockLocationsOfThePlainWalk() {
        var generator = SeededGenerator(seed: 16)
        var compared = 0
        for _ in 0..<5_000 {
            let text = Self.generatedText(&generator)
            let here = SourceLocation(path: "a.yml", line: 3, column: 5)
            var translation = Translation(language: "kk", text: text, keyLocation: here, valueLocation: here)
            translation.literalBlockStart = SourceLocation(path: "a.yml", line: 4, column: 7)
            for offset in 0...(text.unicodeScalars.count + 1) {
                #expect(
                    translation.location(ofScalar: offset) == Self.plainLocation(ofScalar: offset, in: translation))
                compared += 1
            }
        }
        #expect(compared > 50_000)
    }

    /// A bridged or otherwise non-native string is made contiguous first.
    @Test func substringsAndSharedStringsSplitTheSame() {
        let text = "«АЛЖИР»-дің Sorrow’s 1937-жылы"
        let sliced = String(("  " + text + "  ").dropFirst(2).dropLast(2))
        #expect(PlainTermTokens(TermTokens(sliced)) == PlainTermTokens(text, keepingWritten: true))
    }
}

/// The parts of the tokens as arrays, for the tests to compare (the tokenizer keeps them in one
/// array that only it indexes).
extension TermTokens {
    /// The folded scalars of every word, one after another.
    var folded: [UInt32] { withScalars { folded, _, _ in Array(folded) } }
    /// The scalars as written, parallel to ``folded``, or empty when not kept.
    var written: [UInt32] { keepsWritten ? withScalars { _, written, _ in Array(written) } : [] }
    /// Where each word's scalars start in ``folded``, and the end.
    var bounds: [Int32] { (0...count).map { Int32(start($0)) } }
    /// Each word's offset in the text, in Unicode scalars from its start.
    var offsets: [Int32] { (0..<count).map { Int32(offset($0)) } }
    /// How each word is joined to the previous one.
    var joints: [Joint] { (0..<count).map(joint) }
}
