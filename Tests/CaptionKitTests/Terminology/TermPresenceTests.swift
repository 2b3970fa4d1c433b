import Testing

@testable import CaptionKit

/// A translation in a language without forbidden or do-not-translate terms is searched only for
/// whether it uses the entries its source uses (``TermIndex/entriesUsed(_:in:)``: the stems'
/// bytes in the folded text, the words split only there); these tests hold it to the entries of
/// the full scan's matches, on the labelled set and on generated texts.
struct TermPresenceTests {
    /// The entries of `entries`, in order and once each, that the full scan of `text` finds an
    /// allowed term of.
    static func expected(_ terminology: Terminology, _ text: String, _ language: String, entries: [Int]) throws
        -> [Int]
    {
        let index = try #require(terminology.indices[language])
        let full = try #require(terminology.scan(text, language: language)).matches
        let used = Set(full.filter { !index.termIsForbidden[$0.term] }.map { index.termEntries[$0.term] })
        var result: [Int] = []
        for entry in entries where used.contains(entry) && !result.contains(entry) { result.append(entry) }
        return result
    }

    @Test(arguments: ["kk", "ru"])
    func theLabelledSetGivesTheEntriesOfTheFullScan(_ language: String) throws {
        let terminology = try TermMatchingTests.terminology()
        let index = try #require(terminology.indices[language])
        let entryCount = terminology.glossary.entries.count
        var generator = SeededGenerator(seed: 31)
        var found = 0
        var notFound = 0
        for sentence in try LabelledSentence.load() where sentence.language == language {
            let full = try #require(terminology.scan(sentence.text, language: language)).matches
            let used = full.map { index.termEntries[$0.term] }
            let random = (0..<3).map { _ in Int.random(in: 0..<entryCount, using: &generator) }
            for entries in [Array(0..<entryCount), used, Array(used.prefix(1)), random, random + used] {
                let expected = try Self.expected(terminology, sentence.text, language, entries: entries)
                let presence = try #require(index.entriesUsed(entries, in: sentence.text))
                #expect(presence == expected, "\(entries) in: \(sentence.text)")
                let scan = try #require(
                    terminology.scanTranslation(sentence.text, language: language, entries: entries))
                #expect(scan.matches.isEmpty && scan.usedEntries == expected)
                found += presence.count
                notFound += Set(entries).count - presence.count
            }
        }
        #expect(found > 300)
        #expect(notFound > 300)
    }

    /// Pieces of generated texts: the glossary's terms and the labelled set's words with Kazakh
    /// and Russian endings, and the scalars the tokenizer treats specially.
    static let suffixes = [
        "", "", "ның", "дың", "ға", "ге", "да", "нан", "лар", "ы", "сі", "а", "ом", "ами", "ей", "s",
    ]
    static let joins = [" ", " ", " ", "-", "»-", "’", "\u{301}", "", ", ", "«", "\u{0308}", " \u{483}", "\n", "—"]
    /// The Kelvin sign (no letter here), İ (folds to two scalars: kept), Ё, Ӏ, an emoji, №, and
    /// ẞ and Ⱥ, whose folded forms take another number of bytes.
    static let odd: [Unicode.Scalar] = [
        "\u{212A}", "\u{130}", "\u{401}", "\u{451}", "\u{4C0}", "\u{1F600}", "\u{2116}", "\u{1E9E}", "\u{23A}",
    ]

    static func generatedText(
        _ generator: inout SeededGenerator, terms: [String], words: [String]
    ) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: text += terms.randomElement(using: &generator)!
            case 4..<8: text += words.randomElement(using: &generator)!
            case 8: text += TermTokensReferenceTests.generatedText(&generator).prefix(6)
            default: text.unicodeScalars.append(odd.randomElement(using: &generator)!)
            }
            text += suffixes.randomElement(using: &generator)!
            text += joins.randomElement(using: &generator)!
        }
        // Any scalar in any case: capitals fold as the matcher folds them.
        var cased = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let other = Bool.random(using: &generator) ? scalar.properties.uppercaseMapping : String(scalar)
            cased += other.unicodeScalars.count == 1 ? other.unicodeScalars : String(scalar).unicodeScalars
        }
        return String(cased)
    }

    @Test(arguments: ["kk", "ru"])
    func generatedTextsGiveTheEntriesOfTheFullScan(_ language: String) throws {
        let terminology = try TermMatchingTests.terminology()
        let index = try #require(terminology.indices[language])
        let entryCount = terminology.glossary.entries.count
        let terms = terminology.glossary.entries.flatMap { $0.terms[language] ?? [] }
        let words = try LabelledSentence.load().filter { $0.language == language }
            .flatMap { $0.text.split(separator: " ").map(String.init) }
        var generator = SeededGenerator(seed: 32)
        var found = 0
        var scannedInFull = 0
        for _ in 0..<4_000 {
            let text = Self.generatedText(&generator, terms: terms, words: words)
            let entries =
                Bool.random(using: &generator)
                ? Array(0..<entryCount) : (0..<4).map { _ in Int.random(in: 0..<entryCount, using: &generator) }
            let expected = try Self.expected(terminology, text, language, entries: entries)
            let scan = try #require(terminology.scanTranslation(text, language: language, entries: entries))
            #expect(Set(scan.usedEntries) == Set(expected), "\(entries) in: \(text.debugDescription)")
            if let presence = index.entriesUsed(entries, in: text) {
                #expect(presence == expected, "\(entries) in: \(text.debugDescription)")
                found += presence.count
            } else {
                // Only a letter folded to another number of bytes sends a text to the full scan.
                #expect(text.unicodeScalars.contains { $0 == "\u{1E9E}" || $0 == "\u{23A}" })
                scannedInFull += 1
            }
        }
        #expect(found > 500)
        #expect(scannedInFull > 50)
    }

    /// Where the case is exact and a term has several words, and a language with a forbidden term
    /// (scanned in full, no presence search).
    @Test func caseExactMultiWordAndForbidden() throws {
        let glossary = try GlossaryParser.parse(
            text: """
                - { id: alzhir, case: exact, kk: АЛЖИР, ru: АЛЖИР }
                - { id: arch, kk: Қасірет аркасы, ru: Арка скорби, en: Arch of Sorrow, forbidden: { en: [Arch of Grief] } }
                """,
            path: "glossary.yml", languages: ["kk", "ru", "en"])
        let terminology = Terminology(glossary, languages: ["kk", "ru", "en"])
        let kazakh = try #require(terminology.indices["kk"])
        #expect(kazakh.entriesUsed([0, 1], in: "Алжир-дің Қасірет аркасынан") == [1])
        #expect(kazakh.entriesUsed([0, 1], in: "«АЛЖИР»-дің ҚАСІРЕТ АРКАСЫ") == [0, 1])
        #expect(kazakh.entriesUsed([1, 0], in: "АЛЖИРдің, қасірет. Аркасы") == [1, 0])
        #expect(kazakh.entriesUsed([0, 1], in: "Алжирдің, қасірет") == [])
        #expect(kazakh.entriesUsed([1], in: "Қасіретаркасы қасірет") == [])
        #expect(terminology.indices["en"]?.entriesUsed([1], in: "the Arch of Sorrow") == nil)
        let english = try #require(terminology.scanTranslation("the Arch of Grief", language: "en", entries: [1]))
        #expect(english.matches.map { english.term($0).text } == ["Arch of Grief"])
    }
}
