import Testing

@testable import CaptionKit

/// The typography rules run on scalars when every scalar of the text is simple; these tests
/// hold the scalar path to the `Character` path it stands in for.
@Suite struct TypographyFastPathTests {
    /// Every simple scalar, and the line controls.
    static let simpleScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { value in
        Unicode.Scalar(UInt32(value)).flatMap { CharacterCount.isSimple($0) || $0 == "\n" ? $0 : nil }
    }

    @Test func scalarClassesAgreeWithCharacterOnEverySimpleScalar() {
        #expect(Self.simpleScalars.count > 1000)
        for scalar in Self.simpleScalars {
            let character = Character(scalar)
            let name = "U+\(String(scalar.value, radix: 16, uppercase: true))"
            #expect(scalar.isLetter == character.isLetter, "\(name)")
            #expect(scalar.isWhitespace == character.isWhitespace, "\(name)")
            #expect(scalar.isUppercase == character.isUppercase, "\(name)")
            #expect(scalar.isLowercase == character.isLowercase, "\(name)")
            #expect(scalar.isNumber == character.isNumber, "\(name)")
            #expect(scalar.isASCIIDigit == character.isASCIIDigit, "\(name)")
            #expect(TypographyCharacter.isOpener(scalar) == TypographyCharacter.isOpener(character), "\(name)")
        }
    }

    /// The simple scalars are a subset of the scalars that are alone, and the scalar facts
    /// bit says the same as the predicate.
    @Test func simpleScalarsAreAloneAndTheirFactsSaySo() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let name = "U+\(String(value, radix: 16, uppercase: true))"
            if CharacterCount.isSimple(scalar) { #expect(CharacterCount.isAlone(scalar), "\(name)") }
            #expect(ScalarTraits.of(scalar).contains(.simple) == CharacterCount.isSimple(scalar), "\(name)")
            #expect(ScalarTraits.of(scalar) == ScalarTraits.computed(scalar), "\(name)")
        }
    }

    /// Scalars outside the tables are classified by asking `Character`.
    @Test func scalarClassesAgreeWithCharacterOutsideTheTables() {
        for scalar: Unicode.Scalar in ["ა", "Ω", "ß", "\u{2028}", "\u{3000}", "Ⅻ", "𝐀", "😀", "\u{301}"] {
            let character = Character(scalar)
            #expect(scalar.isLetter == character.isLetter)
            #expect(scalar.isWhitespace == character.isWhitespace)
            #expect(scalar.isUppercase == character.isUppercase)
            #expect(scalar.isLowercase == character.isLowercase)
            #expect(scalar.isNumber == character.isNumber)
        }
    }

    /// Inputs beyond the rule examples: the fast path's edges and texts that must take the
    /// `Character` path.
    static let trickyInputs: [String] = [
        "Уи\u{306}ти - в лагерь \"АЛЖИР\" 1938-1953",  // combining mark
        "cafe\u{301} \"Akmolinsk\" - 250 km",
        "\"👍🏽\" и 🇰🇿 - флаг, № 5",  // emoji, modifier, flag
        "👨‍👩‍👧 - семья в 1938 г.",  // joiners
        "в\r\nлагере - \"да\"\r\n\r\nА. С. Пушкин",  // CRLF
        "в\rлагере\t-\tда",
        "в\u{A0}лагере\u{A0}- \"да\"",  // no-break spaces
        "\u{A0}А.\u{A0}С. Пушкин, 5\u{A0}км\u{A0}",
        "Café «Алжир» - A. S. Pushkin и Ә. Н. Бөкейханов, №5, 1938 - 1953 гг., 40 %",  // mixed scripts
        "\"'90s\" and 'the \"camp\"' - don't",
        "\"first\n\nsecond\"\n\n\n\"third\"",
        "\"\n\n\"",
        "2000 - 2001\u{2000}и в",  // U+2000 decomposes to U+2002
        "ǅ Ǆ ǆ ʰ ˚ Ѐ ҂ Ӂ, ¼ ² ª º µ ß ÿ",
        "Ω - ω, ﬁ и ﬀ, Ⅻ 1938-1953",
        "",
        "\n",
        " - ",
        "a\u{200D}b - c",
        "\n\n  в  лагере \u{A0}\n\u{A0} \u{A0}\n\n\u{A0}А. С.  Пушкин  \n \n",  // spaces and blank lines
        "\u{A0}\u{A0} - \u{A0}",
        "a\u{A0} b\n\nc \u{A0}d\n\n\ne",  // clean as it is
        "a\n\u{A0}b", "a\u{A0}\nb", "a \nb", "a\n b", "a  b", "a\n", "\na",
    ]

    static let languages = ["ru", "kk", "en", "de", "kk-Latn", "RU"]

    /// Every example and counterexample input of every rule, and the tricky inputs.
    static var inputs: [String] {
        Typography.rules.flatMap { rule in
            (rule.description.examples + rule.description.counterexamples).map(\.input)
        } + trickyInputs
    }

    @Test func eachRuleGivesTheSameOnScalarsAsOnCharacters() {
        for rule in Typography.unitRules {
            for input in Self.inputs {
                guard let scalars = SimpleScalars.scalarsOfSimpleLines(input) else { continue }
                for language in Self.languages {
                    let onCharacters = rule.init().apply(to: input, language: language)
                    let onScalars = Unicode.Scalar.string(
                        of: rule.init().apply(toSimpleScalars: scalars, language: language))
                    #expect(
                        Array(onScalars.unicodeScalars) == Array(onCharacters.unicodeScalars),
                        "\(rule.description.id) \(language): \(visible(input))")
                }
            }
        }
    }

    @Test func typographyGivesTheSameAsEachRuleOnCharactersInTurn() {
        for input in Self.inputs + Self.inputs.map({ $0 + " " + $0 }) {
            for language in Self.languages {
                let fast = Typography.apply(to: input, language: language)
                let slow = Typography.rules(for: language).reduce(input) { text, rule in
                    rule.init().apply(to: text, language: language)
                }
                #expect(Array(fast.unicodeScalars) == Array(slow.unicodeScalars), "\(language): \(visible(input))")
            }
        }
    }

    @Test func paragraphsOfTypesetTextAreTheCharacterSplitOfTheTextTypesetOnCharacters() {
        for input in Self.inputs + Self.inputs.map({ $0 + "\n\n" + $0 }) {
            for language in Self.languages {
                let typeset = Typography.typeset(input, language: language)
                let expected = SignageReference.paragraphs(of: SignageReference.typeset(input, language: language))
                #expect(typeset.paragraphs == expected, "\(language): \(visible(input))")
                #expect(typeset.paragraphCount == expected.count)
                #expect(
                    typeset.isSimple
                        == typeset.text.unicodeScalars.allSatisfy { CharacterCount.isSimple($0) || $0 == "\n" })
            }
        }
    }

    /// The short-word lists are looked up on scalars without lowercasing a string; every
    /// answer must be the string look-up's.
    @Test func shortWordListLookUpOnScalarsIsTheLowercasedStringLookUp() {
        let letters = Self.simpleScalars.filter(\.isLetter)
        let lists = ShortWordRule.leading.merging(ShortWordRule.trailing.map { ("trailing-" + $0, $1) }) { $1 }
        for (_, words) in lists {
            let scalars = words.map { Array($0.unicodeScalars) }
            let packed = ShortWordRule.packed(words)
            #expect(packed.count == words.count)
            func check(_ word: [Unicode.Scalar]) {
                let expected = words.contains(ShortWordRule.lowercased(word[...]))
                if let fast = ShortWordRule.isListed(word[...], in: packed) {
                    #expect(fast == expected, "\(visible(Unicode.Scalar.string(of: word)))")
                }
            }
            // Every one-letter word, every listed word in every mix of cases, and each listed
            // word with one letter replaced by any letter.
            for letter in letters { check([letter]) }
            for word in scalars {
                for mask in 0..<(1 << word.count) {
                    check(
                        word.enumerated().map { index, scalar in
                            mask & (1 << index) == 0 ? scalar : String(scalar).uppercased().unicodeScalars.first!
                        })
                }
                for index in word.indices {
                    for letter in letters {
                        var changed = word
                        changed[index] = letter
                        check(changed)
                    }
                }
            }
        }
        // Scalars whose lowercase is not one simple scalar take the string look-up.
        #expect(ShortWordRule.isListed(["İ"], in: ShortWordRule.packed(["i"])) == nil)
        #expect(ShortWordRule.isListed(["В"], in: ShortWordRule.packed(["в"])) == true)
        #expect(ShortWordRule.isListed(["В", "о"], in: ShortWordRule.packed(["в"])) == false)
        #expect(ShortWordRule.isListed(["a", "b", "c", "d", "e"], in: ShortWordRule.packed(["abcde"])) == nil)
    }

    @Test func scalarsOfSimpleLinesAcceptOnlySimpleScalarsAndLineFeeds() {
        #expect(SimpleScalars.scalarsOfSimpleLines("А. С.\u{A0}Пушкин —\n«1938–1953»") != nil)
        #expect(SimpleScalars.scalarsOfSimpleLines("") == [])
        for text in ["a\r\nb", "a\tb", "и\u{306}", "👍", "a\u{2000}b", "a\u{200D}b"] {
            #expect(SimpleScalars.scalarsOfSimpleLines(text) == nil, "\(visible(text))")
        }
    }

    /// Every scalar up to U+FFFF, alone and between an ASCII and a Cyrillic letter, is decoded
    /// when it is simple or a line feed and refused otherwise; what is decoded encodes back to
    /// the same UTF-8.
    @Test func scalarsOfSimpleLinesDecodeEveryScalarAsThePredicateSays() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isSimple = CharacterCount.isSimple(scalar) || scalar == "\n"
            for text in [String(scalar), "a" + String(scalar) + "ж"] {
                let scalars = SimpleScalars.scalarsOfSimpleLines(text)
                let name = "U+\(String(value, radix: 16, uppercase: true))"
                #expect((scalars != nil) == isSimple, "\(name)")
                #expect(scalars.map { $0 == Array(text.unicodeScalars) } ?? true, "\(name)")
                if let scalars { #expect(TypesetText(simpleScalars: scalars).utf8 == Array(text.utf8), "\(name)") }
            }
        }
    }

    @Test func partsAtAnASCIIByteAreTheCharacterSplitWithoutCarriageReturns() {
        for text in Self.inputs where !text.contains("\r") {
            for (byte, character) in [(UInt8(ascii: "\n"), Character("\n")), (UInt8(ascii: " "), " ")] {
                for omitting in [false, true] {
                    let parts = text.parts(separatedBy: byte, omittingEmpty: omitting).map(String.init)
                    let split = text.split(separator: character, omittingEmptySubsequences: omitting).map(String.init)
                    #expect(parts == split, "\(visible(text))")
                }
            }
        }
    }

    /// Lines of simple scalars wrap on the fast path as on characters with grapheme lengths.
    @Test func simpleLinesWrapAsCharacterLinesDo() {
        let lines = Self.inputs.flatMap { $0.split(separator: "\n").map(String.init) }
            .filter { $0.unicodeScalars.allSatisfy(CharacterCount.isSimple) }
        #expect(lines.count > 50)
        for line in lines {
            for width in [1, 5, 12, 48] {
                var expected: [String] = []
                var overlong: [SignageReference.OverlongWord] = []
                var current = ""
                for word in line.split(separator: " ").map(String.init) {
                    let length = word.count
                    if length > width { overlong.append(.init(word: word, piece: word)) }
                    if current.isEmpty {
                        current = word
                    } else if current.count + 1 + length <= width {
                        current += " " + word
                    } else {
                        expected.append(current)
                        current = word
                    }
                }
                expected.append(current)
                let wrapped = LineBreaker.wrap(line, width: width)
                #expect(wrapped.lines == expected, "\(width) \(visible(line))")
                #expect(wrapped.overlongWords == overlong, "\(width) \(visible(line))")
            }
        }
    }
}
