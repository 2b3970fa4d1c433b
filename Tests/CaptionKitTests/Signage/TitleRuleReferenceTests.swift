import Testing

@testable import CaptionKit

/// ``TitleRule`` looks for the spaces between a title and a name; before, it looked for the
/// capitalised words and read the words on either side of them. That scan is kept here as the
/// reference, and the rule is held to it on many texts, on characters and on scalars.
@Suite struct TitleRuleReferenceTests {
    /// The title rule as it was: a scan for capitalised words.
    static func reference<Unit: TypographyUnit>(_ characters: [Unit], language: String) -> [Unit] {
        let primary = Typography.primarySubtag(of: language)
        let before = TitleRule.beforeEitherCase[primary] ?? []
        let after = TitleRule.after[primary] ?? []
        var characters = characters
        var index = 0
        while index + 1 < characters.count {
            defer { index += 1 }
            guard characters[index].isUppercase, characters[index + 1].isLowercase,
                index == 0 || !characters[index - 1].isLetter
            else { continue }
            var end = index
            while end < characters.count, characters[end].isLetter { end += 1 }
            var start = index - 1
            while start > 0, characters[start - 1].isLetter { start -= 1 }
            if index >= 2, characters[index - 1] == " ", start < index - 1,
                before.contains(Unit.string(of: characters[start..<(index - 1)]))
            {
                characters[index - 1] = .noBreakSpace
            }
            if end + 1 < characters.count, characters[end] == " " {
                var titleEnd = end + 1
                while titleEnd < characters.count, characters[titleEnd].isLetter { titleEnd += 1 }
                if titleEnd > end + 1, after.contains(Unit.string(of: characters[(end + 1)..<titleEnd])) {
                    characters[end] = .noBreakSpace
                }
            }
            index = end
        }
        return characters
    }

    /// Texts made of titles, names, other words, punctuation and spaces of every kind, drawn
    /// with a fixed seed.
    static func madeUpTexts(count: Int) -> [String] {
        let titles = Array(TitleRule.before.values.joined()) + Array(TitleRule.after.values.joined())
        let pieces =
            titles + titles.map { $0.prefix(1).uppercased() + $0.dropFirst() } + [
                "Тухачевского", "Кенесары", "Kenesary", "Tukhachevsky", "Қабанбай", "ОГПУ", "A", "Ә", "и", "мен",
                "the", "of", "лагерь", "1938", "«Алжир»", "(Хан", "хан)", "Ханов", "ханы,", "—", "-", ".", ",",
            ]
        let gaps = [" ", " ", " ", " ", "  ", "\u{A0}", "\n", "\n\n", "-", ""]
        var generator = SeededGenerator(seed: 15)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                text += pieces.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
            }
            return text
        }
    }

    @Test func theRuleGivesWhatTheCapitalisedWordScanGave() throws {
        var texts = Self.madeUpTexts(count: 4000)
        for rule in Typography.rules {
            for example in rule.description.examples + rule.description.counterexamples { texts.append(example.input) }
        }
        texts += TypographyFastPathTests.trickyInputs
        texts += try TypographyTriggersTests.texts().map(\.text)
        var changed = 0
        for text in texts {
            for language in ["ru", "kk", "en"] {
                let characters = Array(text)
                let expected = Self.reference(characters, language: language)
                #expect(TitleRule().apply(to: characters, language: language) == expected, "\(language): \(text)")
                let scalars = Array(text.unicodeScalars)
                #expect(
                    TitleRule().apply(to: scalars, language: language) == Self.reference(scalars, language: language),
                    "\(language): \(text)")
                if expected != characters { changed += 1 }
            }
        }
        // Not vacuous: the made-up texts have many titles next to names.
        #expect(changed > 500)
    }
}
