import Foundation
import Testing

@testable import CaptionKit

/// One example of one typography rule, named for test output.
struct TypographyCase: CustomTestStringConvertible, Sendable {
    var rule: any TypographyRule.Type
    var ruleID: String
    var languages: [String]
    var example: TypographyExample
    var testDescription: String { "\(ruleID) \(example)" }

    init(rule: any TypographyRule.Type, example: TypographyExample) {
        self.rule = rule
        let description = rule.description
        self.ruleID = description.id
        self.languages = description.languages
        self.example = example
    }

    /// Runs the rule on `text` in the example's language.
    func apply(_ text: String) -> String {
        rule.init().apply(to: text, language: example.language)
    }
}

@Suite struct TypographyRuleTests {
    static let examples: [TypographyCase] = Typography.rules.flatMap { rule in
        rule.description.examples.map { TypographyCase(rule: rule, example: $0) }
    }
    static let counterexamples: [TypographyCase] = Typography.rules.flatMap { rule in
        rule.description.counterexamples.map { TypographyCase(rule: rule, example: $0) }
    }

    @Test(arguments: examples)
    func ruleProducesTheExpectedOutput(_ item: TypographyCase) {
        let output = item.apply(item.example.input)
        #expect(visible(output) == visible(item.example.output))
        #expect(visible(output) != visible(item.example.input), "a positive example must change the text")
        let primary = Typography.primarySubtag(of: item.example.language)
        #expect(item.languages.isEmpty || item.languages.contains(primary))
    }

    @Test(arguments: counterexamples)
    func ruleLeavesCounterexamplesAlone(_ item: TypographyCase) {
        let output = item.apply(item.example.input)
        #expect(visible(output) == visible(item.example.input))
    }

    @Test(arguments: examples)
    func ruleIsIdempotent(_ item: TypographyCase) {
        let once = item.apply(item.example.input)
        let twice = item.apply(once)
        #expect(visible(twice) == visible(once))
    }

    @Test func everyRuleHasExamplesAndCounterexamplesAndAUniqueKebabCaseID() {
        let descriptions = Typography.rules.map { $0.description }
        let ids = descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for description in descriptions {
            let id = description.id
            #expect(!description.examples.isEmpty, "\(id)")
            #expect(!description.counterexamples.isEmpty, "\(id)")
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" })
        }
    }

    func ids(_ language: String) -> [String] {
        Typography.rules(for: language).map { $0.description.id }
    }

    @Test func rulesRunInTheDocumentedOrderPerLanguage() {
        #expect(
            ids("ru") == [
                "unicode-nfc", "whitespace", "apostrophe", "quotes", "year-range", "dash", "numero", "abbreviations",
                "initials", "number-unit", "number-word", "titles", "short-words",
            ])
        #expect(
            ids("en") == [
                "unicode-nfc", "whitespace", "apostrophe", "quotes", "year-range", "dash", "abbreviations", "initials",
                "number-unit", "number-word", "titles",
            ])
        #expect(ids("kk-Latn") == ids("kk"))
        #expect(ids("de") == ["unicode-nfc", "whitespace", "apostrophe", "year-range"])
    }

    /// Russian and Kazakh rules must not touch English text, and the reverse.
    @Test(arguments: [
        ("en", "lived in a camp - see No 5, и в лагере"),
        ("en", "«guillemets» stay"),
        ("de", "Das \"Lager\" - 250 km"),
        ("ru", "«Лагерь» — 250 km"),
    ])
    func languageSpecificRulesStayInTheirLanguages(_ language: String, _ text: String) {
        let output = Typography.apply(to: text, language: language)
        if language == "en" {
            #expect(visible(output) == visible(text.replacingOccurrences(of: " - ", with: "\u{A0}– ")))
        } else if language == "de" {
            #expect(output == text)
        } else {
            #expect(visible(output) == "«Лагерь»⍽— 250⍽km")  // a number and the word after it (number-word)
        }
    }

    @Test func allRulesTogetherOnAPlainRussianSentence() {
        let typed = "В 1938-1953 гг. лагерь \"АЛЖИР\" - крупнейший  в СССР (см. А. С. Солженицын, № 5) \n"
        #expect(
            visible(Typography.apply(to: typed, language: "ru"))
                == "В⍽1938–1953⍽гг. лагерь «АЛЖИР»⍽— крупнейший в⍽СССР (см. А.⍽С.⍽Солженицын, №⍽5)")
    }

    @Test func allRulesTogetherOnEnglish() {
        let typed = "The \"Stalin wagon\" - a prisoners' car, 1938-1953, about 250 km away; don't miss it."
        #expect(
            visible(Typography.apply(to: typed, language: "en"))
                == "The “Stalin wagon”⍽– a prisoners’ car, 1938–1953, about 250⍽km away; don’t miss it.")
    }

    /// The reviewer's cases from `captions export signage --format txt`, through the whole chain.
    @Test(arguments: [
        ("ru", "Он прочёл \"Роман \"Мастер\"\".", "Он прочёл «Роман „Мастер“»."),
        ("ru", "Он сказал: \"Читай «Мастера»\".", "Он сказал: «Читай „Мастера“»."),
        ("kk", "Ол: \"Оқы «Абай»\".", "Ол: «Оқы “Абай”»."),
        ("kk", "қағаз да, қарындаш та.", "қағаз⍽да, қарындаш⍽та."),
        ("kk", "Бала да.", "Бала⍽да."),
        ("kk", "Ол келді ме.", "Ол келді⍽ме."),
        ("ru", "Знал ли.", "Знал⍽ли."),
        ("ru", "Был бы.", "Был⍽бы."),
        ("ru", "Он же.", "Он⍽же."),
        ("ru", "т. е. так", "т.⍽е. так"),
        ("ru", "10 000 человек", "10⍽000⍽человек"),
        ("ru", "1 000 000 рублей", "1⍽000⍽000⍽рублей"),
        ("en", "10 000 women", "10⍽000⍽women"),
        ("ru", "Маршал Тухачевский", "Маршал⍽Тухачевский"),
        ("kk", "Академик Сатпаев", "Академик⍽Сатпаев"),
        ("ru", "Хан Кенесары", "Хан⍽Кенесары"),
        ("en", "general Smith", "general⍽Smith"),
        ("ru", "в 1938 – 1953 годах", "в⍽1938–1953⍽годах"),
        ("ru", "в 1938 - 1953 годах", "в⍽1938–1953⍽годах"),
        ("en", "from 1938 – 1953", "from 1938–1953"),
    ])
    func theReviewedCasesComeOutRight(_ language: String, _ typed: String, _ expected: String) {
        #expect(visible(Typography.apply(to: typed, language: language)) == expected)
    }

    /// The bundled captions are already typographic in most places; applying the rules must be
    /// stable (twice = once) on every text of every exhibit.
    @Test func typographyIsIdempotentOnTheBundledCaptions() throws {
        let collection = try CollectionLoader.load(path: Self.bundledCaptions)
        #expect(collection.exhibits.count == 20)
        var texts = 0
        for exhibit in collection.exhibits {
            for field in exhibit.fields {
                for translation in field.translations {
                    let once = Typography.apply(to: translation.text, language: translation.language)
                    let twice = Typography.apply(to: once, language: translation.language)
                    #expect(visible(twice) == visible(once), "\(exhibit.path) \(field.name) \(translation.language)")
                    texts += 1
                }
            }
        }
        #expect(texts > 100)
    }

    static let bundledCaptions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Captions").path
}

/// Shows no-break spaces as `⍽` and combining marks as `\u{…}` so failures are readable and
/// strings compare scalar by scalar (Swift's `==` treats canonically equivalent text as equal).
func visible(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        if scalar == "\u{A0}" {
            result += "⍽"
        } else if scalar.properties.generalCategory == .nonspacingMark {
            result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}
