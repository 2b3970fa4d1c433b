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
        let index = try #require(terminology.language(language)?.index)
        let full = try #require(terminology.scan(text, language: language)).matches
        return full.filter { index.termConcernsEveryText[$0.term] || entries.contains(index.termEntries[$0.term]) }
    }

    @Test(arguments: ["kk", "ru"])
    func aScanForSomeEntriesIsTheFullScanWithoutTheOthers(_ language: String) throws {
        let terminology = try TermMatchingTests.terminology()
        let index = try #require(terminology.language(language)?.index)
        let entryCount = terminology.glossary.entries.count
        var generator = SeededGenerator(seed: 21)
        var kept = 0
        var left = 0
        for sentence in try LabelledSentence.load() where sentence.language == language {
            let full = try #require(terminology.scan(sentence.text, language: language)).matches
            let used = full.map { index.termEntries[$0.term] }
            let random = (0..<3).map { _ in Int.random(in: 0..<entryCount, using: &generator) }
            for entries in [[], used, Array(used.prefix(1)), random, used + random] {
                let filtered = try #require(
                    terminology.scan(sentence.text, language: language, entries: EntrySet(entries)))
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

    /// The entries' bit set holds what a set of the same insertions and removals holds, across
    /// its words (entries 0 to 199) and past its end.
    @Test func entrySetIsASetOfEntries() {
        var generator = SeededGenerator(seed: 7)
        var bits = EntrySet()
        var plain = Set<Int>()
        for _ in 0..<2_000 {
            let entry = Int.random(in: 0..<200, using: &generator)
            if Bool.random(using: &generator) {
                #expect(bits.insert(entry) == plain.insert(entry).inserted)
            } else {
                bits.remove(entry)
                plain.remove(entry)
            }
        }
        #expect((0..<400).filter(bits.contains) == plain.sorted())
        #expect(EntrySet([3, 64, 130]).contains(64) && !EntrySet([3, 130]).contains(64))
    }

    /// A glossary with many terms looked for in every text (forbidden English terms and the
    /// allowed ones of their entries), scanned for one entry and for sixty: what the full scan
    /// finds for those entries.
    @Test func manyForbiddenTermsAndManyEntriesAreFoundAsInTheFullScan() throws {
        var lines: [String] = []
        for number in 0..<60 {
            let word = "слово" + String(repeating: "а", count: number % 7) + String(number)
            lines.append(
                "- { id: entry-\(number), kk: \(word)қ, ru: \(word), en: word\(number), "
                    + "forbidden: { en: [term\(number), token\(number)] } }")
        }
        lines.append("- { id: camp, kk: лагерь, ru: лагерь, en: camp }")
        let glossary = try GlossaryParser.parse(
            text: lines.joined(separator: "\n") + "\n", path: "glossary.yml", languages: ["kk", "ru", "en"])
        let terminology = Terminology(glossary, languages: ["kk", "ru", "en"])
        let english = "The camp, term7 and token59, word3 and the camps' word60 and term12s"
        let scan = try #require(terminology.scan(english, language: "en", entries: [60]))
        #expect(
            scan.matches.map { scan.term($0).text } == ["camp", "term7", "token59", "word3", "camp", "term12"])
        #expect(scan.matches == (try Self.expected(terminology, english, "en", entries: [60])))
        let kazakh = "Лагерьге, лагері"
        let kazakhScan = try #require(terminology.scan(kazakh, language: "kk", entries: [60]))
        #expect(kazakhScan.matches.map { kazakhScan.term($0).text } == ["лагерь", "лагерь"])
        #expect(try #require(terminology.scan(kazakh, language: "kk", entries: [1, 2])).matches.isEmpty)
        // Sixty entries of two Kazakh stems each (-қ, and -ғ before a vowel).
        let many = Array(0...60)
        let kazakhText = "Словоа1ғы, словоааа3қ және лагерьде, слово7қтар"
        let manyScan = try #require(terminology.scan(kazakhText, language: "kk", entries: EntrySet(many)))
        #expect(manyScan.matches.map { manyScan.term($0).text } == ["словоа1қ", "словоааа3қ", "лагерь", "слово7қ"])
        #expect(manyScan.matches == (try Self.expected(terminology, kazakhText, "kk", entries: many)))
        for entries in [[60], [3, 60], Array(0..<30)] {
            #expect(
                try #require(terminology.scan(english, language: "en", entries: EntrySet(entries))).matches
                    == (try Self.expected(terminology, english, "en", entries: entries)))
        }
    }

    /// The matcher packs a scanned word's first letters (``TermIndex/packed(_:at:)``,
    /// ``TermIndex/key(_:count:)``) as the index packed its terms' (``TermIndex/pack(_:)``):
    /// a key packed otherwise would pass over words that start like a term.
    @Test func aWordsPrefixKeysAreTheIndexsKeys() {
        for word in ["лагерь", "ab", "Ә", "\u{FFFF}\u{4E00}z"] {
            let letters = word.unicodeScalars.map(\.value)
            var packed: UInt64 = 0
            for (position, letter) in letters.prefix(3).enumerated() {
                packed |= TermIndex.packed(letter, at: position)
                #expect(
                    TermIndex.key(packed, count: position + 1) == TermIndex.pack(letters.prefix(position + 1)),
                    "\(word)")
            }
        }
        #expect(TermIndex.pack([0x43B, 0x430]) == 0x2000_0000_0430_043B)
    }

    /// Letters above U+FFFF share one prefix key whatever its length (``TermIndex/pack(_:)``):
    /// a scan for some entries finds such terms as the full scan does.
    @Test func termsInOldTurkicLettersAreFoundForTheirEntries() throws {
        let glossary = try GlossaryParser.parse(
            text: """
                - { id: tengri, kk: [𐰋𐰃𐰤, 𐱅𐰭𐰼𐰃], ru: Тенгри, en: Tengri }
                - { id: bilge, kk: "𐰋𐰃𐰠𐰏𐰀 қаған", ru: Бильге-каган, en: Bilge Khagan }
                - { id: camp, kk: лагерь, ru: лагерь, en: camp }

                """, path: "glossary.yml", languages: ["kk", "ru", "en"])
        let terminology = Terminology(glossary, languages: ["kk", "ru", "en"])
        let kazakh = "Тасқа 𐱅𐰭𐰼𐰃 және 𐰋𐰃𐰤 деп жазылған, 𐰋𐰃𐰠𐰏𐰀 қағанның лагерінде"
        for entries in [[0], [1], [0, 1, 2], [2]] {
            let scan = try #require(terminology.scan(kazakh, language: "kk", entries: EntrySet(entries)))
            #expect(scan.matches == (try Self.expected(terminology, kazakh, "kk", entries: entries)), "\(entries)")
        }
        let all = try #require(terminology.scan(kazakh, language: "kk", entries: [0, 1, 2]))
        #expect(all.matches.map { all.term($0).text } == ["𐱅𐰭𐰼𐰃", "𐰋𐰃𐰤", "𐰋𐰃𐰠𐰏𐰀 қаған", "лагерь"])
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
