import Testing

@testable import CaptionKit

/// Every fact of ``TextAnalysis`` must equal the slower computation it replaces.
@Suite struct TextAnalysisTests {
    static let texts =
        FastPathTests.texts + [
            "the the", "the\nthe", "the\n\nthe", "the, the", "в в лагерь", "Так так", "ab\u{A0}ab", "ә ә", "Ә ә",
            "ақ-ақ", "XIX ғасыр", "I was 5", "V век", "10,000 and 3.5", "1938–1953", "05.03.1953", "x2 x2",
            "Құрт — кептірілген ірімшік.", "Перед вами реконструкция барака", "ї Ї ӛ Ӛ ӫ Ӫ І",
            "(a [b] «c» „d“ “e” \"f\")",
            "a)", "«a", "(a]", "„a“ “b”", "\"a", "Really?» ", "Yes!)", "Done…", "no end", "i\u{301}x ǅemal ϒx",
            "Ωmega ω", "е\u{308}лка ёлка", "ǈ ǉ", "ab\u{301} ab\u{301}", "ab ab\u{301}",
            "№ 7", "№\u{301}", "a\r\nb\r\n", "\r", "\u{FEFF}Лагерь", "a\u{FEFF}", "👨‍👩‍👧 отбасы", "🇰🇿🇰🇿",
            "❤\u{FE0F} ❤\u{FE0F}",
            "қ\u{308}аз қаз", "Қ\u{301}аз қ\u{301}аз", "І\u{308}", "і\u{308} ї", "и\u{306}", "й", "Ё\u{301}лка", "ᾳ ᾼ",
            "Ꙁ ꙁ",
            "ᲀ word", "ǅ ǆ", "ﬁ ﬁ", "ß SS", "İ i\u{307}", "\u{1E9E} ß", "a\u{2028}b", "a\u{2029}b", "a\u{85}b",
            "a\u{0}b",
            "\t«a»\t", "a \u{202F}!", "(„а“)", "“a„", "» (", "\"\"\"", "x\u{200B}y", "Ã¤", "â€”", "한국어 단어 단어",
            "ab\u{A0}\u{A0}ab", "ab \n ab", "ab\n\nab", "ab-ab", "ab\u{2009}ab", "aB Ab", "ΑΒ αβ", "1937 1937",
            "Ⅻ век", "X\u{FE0F}IX", "ӘӘ әә", "ҰЛЫ ұлы", "ӀӀ ӏӏ", "a.\u{301}", "a.\u{301} ", "a?\r\n", "a!\r",
            "a.»\u{301}",
            "a. \u{200D}", "a.\u{0600}", "\u{0600}.", "a!”\u{FE0F}", "no.\u{A0}\u{2028}", "🇰🇿.", "🇰🇿", ".🇰🇿)",
            "(a…)", "’",
            " ", "ла\u{AD}герь ла\u{AD}герь", "\u{AD}", "Э\u{AD}Э ЭЭ", "a\u{AD}\u{301}b", "e\u{301}\u{AD}",
            "ла\u{AD}герь лагерь", "Лагерь ла\u{AD}герь", "ла\u{AD}герь лаге\u{AD}рь", "ла\u{AD}герь лагеря",
            "ab\u{AD} ab", "a\u{AD}\u{AD}b ab", "ab a\u{AD}bc", "ә\u{AD}ә ӘӘ\u{AD}",
        ]

    @Test(arguments: texts) func factsEqualTheSlowComputations(_ text: String) {
        for language in ["kk", "ru", "en"] {
            let analysis = TextAnalysis(text, language: language)
            // A reader sees no soft hyphen; each is a grapheme cluster of its own.
            #expect(analysis.characterCount == text.count - text.unicodeScalars.count { $0 == "\u{AD}" })
            #expect(analysis.scripts == ScriptInventory(of: text))
            #expect(analysis.hasKazakhLetter == KazakhLetters.occur(in: text))
            #expect(analysis.mayHaveKazakhLetter == KazakhLetters.mayOccur(in: text))
            #expect(analysis.isPlain == text.unicodeScalars.allSatisfy(Normalization.isPlain))
            #expect(analysis.mayHaveWhitespaceProblem == WhitespaceScan.mayHaveProblems(text))
            #expect(analysis.unbalanced == BracketScan.unbalanced(in: text))
            #expect(analysis.ending == SentenceEnding.of(text, language: language))
            #expect(
                SentenceEnding.of(text) == SentenceEnding.byCharacters(of: text[...]))
            #expect(analysis.numbers == NumberExtraction.numbers(in: text, language: language))

            let scalars = text.unicodeScalars
            let lowercase = WordRanges(text).filter { TextWords.startsLowercase(scalars, $0) }
            #expect(analysis.lowercaseWords == lowercase.count)
            let withKazakhLetter = lowercase.count { scalars[$0].contains(where: KazakhLetters.isCountedLetter) }
            #expect(analysis.lowercaseWordsWithKazakhLetter == withKazakhLetter)
            // A soft hyphen makes no other word: the pairs are of the text without them.
            let withoutSoftHyphens = Self.withoutSoftHyphens(text)
            let repeatText = withoutSoftHyphens == text ? nil : withoutSoftHyphens
            #expect(analysis.repeatText == repeatText)
            #expect(
                analysis.repeatCandidates.filter { Self.areSame($0, in: repeatText ?? text) }
                    == Self.repeatedPairs(withoutSoftHyphens))
        }
    }

    /// The letters counted as Kazakh-only are exactly ``KazakhLetters/all``, capitals included
    /// (the capital І, U+0406, was once left out).
    @Test func countedKazakhLettersAreExactlyTheListedLetters() {
        let counted = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter(KazakhLetters.isCountedLetter)
        #expect(Set(counted) == KazakhLetters.all)
        #expect(KazakhLetters.occur(in: "Іле"))
        #expect(TextAnalysis("Река Іле", language: "ru").hasKazakhLetter)
    }

    /// The neighbouring words that are the same without regard to case, with only a space gap
    /// between them, as `repeated-word` looks for them.
    static func repeatedPairs(_ text: String) -> [TextAnalysis.WordPair] {
        let utf8 = text.utf8
        let words = WordRanges(text).map {
            utf8.distance(
                from: utf8.startIndex, to: $0.lowerBound)..<utf8.distance(from: utf8.startIndex, to: $0.upperBound)
        }
        let ranges = Array(WordRanges(text))
        return words.indices.dropFirst().compactMap { index in
            let pair = TextAnalysis.WordPair(previous: words[index - 1], word: words[index])
            let gap = text.unicodeScalars[ranges[index - 1].upperBound..<ranges[index].lowerBound]
            return pair.previous.count == pair.word.count && RepeatedWordCheck.isSpaceGap(gap)
                && areSame(pair, in: text)
                ? pair : nil
        }
    }

    /// `text` as a reader sees it, without soft hyphens.
    static func withoutSoftHyphens(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{AD}" }))
    }

    /// Whether the two words of `pair` are the same without regard to case.
    static func areSame(_ pair: TextAnalysis.WordPair, in text: String) -> Bool {
        RepeatedWordCheck.word(pair.previous, of: text).lowercased()
            == RepeatedWordCheck.word(pair.word, of: text).lowercased()
    }

    @Test func repeatsAreFoundAndOtherNeighboursLeftOut() {
        for text in ["в в лагерь", "the\nThe", "Ә ә", "ҚАЗ қаз", "ӀӀ ӏӏ", "Ѐ ѐ", "ǈ ǉ", "ла\u{AD}герь Лагерь"] {
            #expect(!Self.repeatedPairs(Self.withoutSoftHyphens(text)).isEmpty, "\(text)")
            #expect(!TextAnalysis(text, language: "kk").repeatCandidates.isEmpty, "\(text)")
        }
        for text in ["и в лагерь", "the\n\nthe", "the, the", "of on", "қаз қас"] {
            #expect(TextAnalysis(text, language: "kk").repeatCandidates.isEmpty, "\(text)")
        }
    }

    @Test func scalarTraitsAreThePredicatesAnswers() {
        let samples: [Int] =
            Array(0..<0x3000) + Array(0xA000..<0xAB00) + Array(0xFB00..<0xFF00) + Array(0x1F000..<0x1FA00) + [
                0xE0001, 0x10FFFF,
            ]
        ScalarTraits.withTable { table in
            for value in samples {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                #expect(
                    ScalarTraits.of(scalar.value, in: table) == ScalarTraits.computed(scalar),
                    "U+\(String(value, radix: 16))")
                #expect(
                    ScalarTraits.computed(scalar).caseFolded == TextAnalysis.caseFolded(scalar),
                    "U+\(String(value, radix: 16))")
            }
        }
        let traits = ScalarTraits.computed("ә")
        #expect(
            traits.isSuperset(of: [
                .alone, .cyrillic, .kazakhLetter, .normalizationPlain, .letter, .plainLetter, .lowercasePlainLetter,
            ]))
        #expect(
            traits.isDisjoint(with: [
                .latin, .kazakhForm, .wordContinuation, .numberStart, .bracket, .whitespaceScan, .gapSpace,
            ]))
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
            translations: [
                translation("kk", "1937 жылы"), translation("ru", "В 1937 году"), translation("en", "In 1937"),
            ])
        let exhibit = Exhibit(
            path: "a.yml", relativePath: "a.yml", gallery: "", id: "a", idLocation: location, fields: [field],
            notes: nil,
            metadata: [:], loadFindings: [])
        let config = try ConfigParser.parse(text: "languages: [kk, ru, en]\nsource: ru\n", path: "captions.yml")
        let texts = ExhibitAnalysis(exhibit, config: config).texts
        #expect(texts.map(\.language) == ["kk", "ru", "en"])
        #expect(texts.map { $0.source?.language } == ["ru", nil, "ru"])
        #expect(texts.map(\.analysis.numbers) == [["1937"], ["1937"], ["1937"]])
    }
}
