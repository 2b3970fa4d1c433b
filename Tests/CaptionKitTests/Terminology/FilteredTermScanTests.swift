import Testing

@testable import CaptionKit

/// A translation is scanned only for the entries its source uses and for the terms looked for
/// in every text (``TermIndex/termConcernsEveryText``); these tests hold such a scan to the
/// full scan with the other terms left out.
struct FilteredTermScanTests {
    /// The matches of a full scan of `text` that a scan for `entries` keeps.
    static func expected(_ terminology: Terminology, _ text: String, _ language: String, entries: [Int]) throws
        -> [TermIndex.Match]
    {
        let index = try #require(terminology.indices[language])
        let full = try #require(terminology.scan(text, language: language)).matches
        return full.filter { index.termConcernsEveryText[$0.term] || entries.contains(index.termEntries[$0.term]) }
    }

    @Test(arguments: ["kk", "ru"])
    func aScanForSomeEntriesIsTheFullScanWithoutTheOthers(_ language: String) throws {
        let terminology = try TermMatchingTests.terminology()
        let index = try #require(terminology.indices[language])
        let entryCount = terminology.glossary.entries.count
        var generator = SeededGenerator(seed: 21)
        var kept = 0
        var left = 0
        for sentence in try LabelledSentence.load() where sentence.language == language {
            let full = try #require(terminology.scan(sentence.text, language: language)).matches
            let used = full.map { index.termEntries[$0.term] }
            let random = (0..<3).map { _ in Int.random(in: 0..<entryCount, using: &generator) }
            for entries in [[], used, Array(used.prefix(1)), random, used + random] {
                let filtered = try #require(terminology.scan(sentence.text, language: language, entries: entries))
                let expected = try Self.expected(terminology, sentence.text, language, entries: entries)
                #expect(filtered.matches == expected, "\(entries) in: \(sentence.text)")
                kept += filtered.matches.count
                left += full.count - filtered.matches.count
            }
        }
        // Both kinds occur: matches kept and matches left out.
        #expect(kept > 100)
        #expect(left > 100)
    }

    @Test func forbiddenAndDoNotTranslateTermsAreAlwaysLookedFor() throws {
        let glossary = try GlossaryParser.parse(
            text: TermMismatchCheck.glossary, path: "glossary.yml", languages: ["kk", "ru", "en"])
        let terminology = Terminology(glossary, languages: ["kk", "ru", "en"])
        let english = "The Arch of Grief, the Arch of Sorrow and ALZHIR"
        let kazakh = "Қасірет аркасы мен АЛЖИР"
        let englishScan = try #require(terminology.scan(english, language: "en", entries: []))
        // The forbidden term, the allowed one of its entry and the do-not-translate name.
        #expect(englishScan.matches.map { englishScan.term($0).text } == ["Arch of Grief", "Arch of Sorrow", "ALZHIR"])
        #expect(englishScan.matches == (try Self.expected(terminology, english, "en", entries: [])))
        let kazakhScan = try #require(terminology.scan(kazakh, language: "kk", entries: []))
        // The arch has no forbidden Kazakh term: only the name is looked for.
        #expect(kazakhScan.matches.map { kazakhScan.term($0).text } == ["АЛЖИР"])
        let withArch = try #require(terminology.scan(kazakh, language: "kk", entries: [0]))
        #expect(withArch.matches.map { withArch.term($0).text } == ["Қасірет аркасы", "АЛЖИР"])
    }
}
