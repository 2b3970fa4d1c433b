@testable import CaptionKit
import Testing

/// Every fact of ``TextAnalysis`` must equal the slower computation it replaces.
@Suite struct TextAnalysisTests {
    static let texts = FastPathTests.texts + [
        "the the", "the\nthe", "the\n\nthe", "the, the", "в в лагерь", "Так так", "ab\u{A0}ab", "ә ә", "Ә ә",
        "ақ-ақ", "XIX ғасыр", "I was 5", "V век", "10,000 and 3.5", "1938–1953", "05.03.1953", "x2 x2",
        "Құрт — кептірілген ірімшік.", "Перед вами реконструкция барака", "ї Ї ӛ Ӛ ӫ Ӫ І", "(a [b] «c» „d“ “e” \"f\")",
        "a)", "«a", "i\u{301}x ǅemal ϒx", "Ωmega ω", "е\u{308}лка ёлка", "ǈ ǉ", "ab\u{301} ab\u{301}", "ab ab\u{301}",
    ]

    @Test(arguments: texts) func factsEqualTheSlowComputations(_ text: String) {
        for language in ["kk", "ru", "en"] {
            let analysis = TextAnalysis(text, language: language)
            #expect(analysis.characterCount == text.count)
            #expect(analysis.scripts == ScriptInventory(of: text))
            #expect(analysis.hasKazakhLetter == KazakhLetters.occur(in: text))
            #expect(analysis.mayHaveKazakhLetter == KazakhLetters.mayOccur(in: text))
            #expect(analysis.isPlain == text.unicodeScalars.allSatisfy(NotNormalizedCheck.isPlain))
            #expect(analysis.mayHaveWhitespaceProblem == WhitespaceCheck.mayHaveProblems(text))
            if !analysis.hasBracketOrQuote { #expect(PunctuationMismatchCheck.unbalanced(in: text) == nil) }
            #expect(analysis.numbers == NumberExtraction.numbers(in: text, language: language))

            let scalars = text.unicodeScalars
            let lowercase = WordRanges(text).filter { TextWords.startsLowercase(scalars, $0) }
            #expect(analysis.lowercaseWords == lowercase.count)
            let withKazakhLetter = lowercase.count { scalars[$0].contains(where: KazakhLetters.isCountedLetter) }
            #expect(analysis.lowercaseWordsWithKazakhLetter == withKazakhLetter)
            if Self.repeatsAWord(text) { #expect(analysis.mayRepeatWord) }
        }
    }

    /// Whether two neighbouring words are the same without regard to case, with only a space
    /// gap between them, as `repeated-word` looks for them.
    static func repeatsAWord(_ text: String) -> Bool {
        let words = Array(WordRanges(text))
        let utf8 = text.utf8
        return words.indices.dropFirst().contains { index in
            let previous = words[index - 1]
            let word = words[index]
            return utf8.distance(from: word.lowerBound, to: word.upperBound)
                == utf8.distance(from: previous.lowerBound, to: previous.upperBound)
                && RepeatedWordCheck.isSpaceGap(text.unicodeScalars[previous.upperBound..<word.lowerBound])
                && String(text.unicodeScalars[word]).lowercased() == String(text.unicodeScalars[previous]).lowercased()
        }
    }

    @Test func repeatsAreFoundAndOtherNeighboursLeftOut() {
        for text in ["в в лагерь", "the\nThe", "Ә ә", "ҚАЗ қаз", "ӀӀ ӏӏ", "Ѐ ѐ", "ǈ ǉ"] {
            #expect(Self.repeatsAWord(text), "\(text)")
            #expect(TextAnalysis(text, language: "kk").mayRepeatWord, "\(text)")
        }
        for text in ["и в лагерь", "the\n\nthe", "the, the", "of on", "қаз қас"] {
            #expect(!TextAnalysis(text, language: "kk").mayRepeatWord, "\(text)")
        }
    }

    @Test func caseFoldingMakesCapitalAndSmallLettersOne() {
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + (0x400...0x4FF).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let lowered = String(scalar).lowercased().unicodeScalars
            guard lowered.count == 1, let small = lowered.first else {
                Issue.record("\(scalar) lowercases to more than one scalar")
                continue
            }
            #expect(TextAnalysis.caseFolded(scalar) == TextAnalysis.caseFolded(small), "\(scalar)")
        }
    }

    @Test func lowercaseOfPlainLettersAgreesWithCharacter() {
        let plain = (0..<0x250).compactMap(Unicode.Scalar.init) + (0x400...0x4FF).compactMap(Unicode.Scalar.init)
        for scalar in plain where TextWords.isPlainLetter(scalar) {
            #expect(TextWords.isLowercasePlainLetter(scalar) == Character(scalar).isLowercase, "\(scalar)")
        }
    }

    @Test func sourceTextsAreAnalysedOnceForTheirTranslations() throws {
        let location = SourceLocation(path: "a.yml", line: 1, column: 1)
        func translation(_ language: String, _ text: String) -> Translation {
            Translation(language: language, text: text, keyLocation: location, valueLocation: location)
        }
        let field = CaptionField(
            name: "text", location: location,
            translations: [translation("kk", "1937 жылы"), translation("ru", "В 1937 году"), translation("en", "In 1937")])
        let exhibit = Exhibit(
            path: "a.yml", relativePath: "a.yml", gallery: "", id: "a", idLocation: location, fields: [field], notes: nil,
            metadata: [:], loadFindings: [])
        let config = try ConfigParser.parse(text: "languages: [kk, ru, en]\nsource: ru\n", path: "captions.yml")
        let texts = ExhibitAnalysis(exhibit, config: config).texts
        #expect(texts.map(\.language) == ["kk", "ru", "en"])
        #expect(texts.map { $0.source?.language } == ["ru", nil, "ru"])
        #expect(texts.map(\.analysis.numbers) == [["1937"], ["1937"], ["1937"]])
    }
}
