import Testing

@testable import CaptionKit

/// ``Validator`` scans the texts of a collection with memos shared between them
/// (``Terminology/Memos``, ``FirstWordMemo``); these tests hold such scans to scans that start
/// with an empty memo, which look every word up in the index itself.
struct FirstWordMemoTests {
    /// The labelled sentences scanned one after another with one set of memos, forwards and
    /// backwards, in full and for some entries: the matches of each sentence scanned alone.
    @Test func scansSharingMemosFindWhatScansAloneFind() throws {
        let terminology = try TermMatchingTests.terminology()
        let sentences = try LabelledSentence.load()
        var compared = 0
        var found = 0
        for order in [sentences, sentences.reversed()] {
            let memos = Terminology.Memos()
            for sentence in order {
                let alone = try #require(terminology.scan(sentence.text, language: sentence.language)).matches
                let shared = try #require(terminology.scan(sentence.text, language: sentence.language, memos: memos))
                #expect(shared.matches == alone, "\(sentence.language): \(sentence.text)")
                let index = try #require(terminology.language(sentence.language)?.index)
                let entries = Array(alone.map { index.termEntries[$0.term] }.prefix(1))
                let filteredAlone = try #require(
                    terminology.scan(sentence.text, language: sentence.language, entries: EntrySet(entries))
                ).matches
                let filteredShared = try #require(
                    terminology.scan(
                        sentence.text, language: sentence.language, entries: EntrySet(entries), memos: memos)
                ).matches
                #expect(filteredShared == filteredAlone, "\(entries) in \(sentence.language): \(sentence.text)")
                compared += 1
                found += alone.count
            }
        }
        #expect(compared > 200)
        #expect(found > 300)
    }

    /// With a `case: exact` entry the memo tells words apart by their letters as written: the
    /// name written in capitals is the term after the same word in small letters was looked up,
    /// and the other way round.
    @Test func wordsOfACaseExactEntryAreKeptAsWritten() throws {
        let glossary = try GlossaryParser.parse(
            text: "- { id: alzhir, case: exact, ru: АЛЖИР }\n- { id: camp, ru: лагерь }\n", path: "glossary.yml",
            languages: ["ru"])
        let terminology = Terminology(glossary, languages: ["ru"])
        let texts = ["алжир и Лагерь", "АЛЖИР и лагерь", "Алжир", "АЛЖИРа лагеря", "алжир"]
        for order in [texts, texts.reversed()] {
            let memos = Terminology.Memos()
            for text in order {
                let alone = try #require(terminology.scan(text, language: "ru")).matches
                let shared = try #require(terminology.scan(text, language: "ru", memos: memos)).matches
                #expect(shared == alone, "\(text)")
            }
        }
        let memos = Terminology.Memos()
        _ = terminology.scan("алжир", language: "ru", memos: memos)
        let capitals = try #require(terminology.scan("АЛЖИР", language: "ru", memos: memos))
        #expect(capitals.matches.map(\.term) == [0])
        #expect(try #require(terminology.scan("алжир", language: "ru", memos: memos)).matches.isEmpty)
    }

    /// The memo's table grows past its first size without losing a word: thousands of distinct
    /// words, each looked up twice, give the terms they gave the first time.
    @Test func theMemoKeepsEveryWordAsItGrows() throws {
        let memo = FirstWordMemo()
        var words: [[UInt32]] = []
        for number in 0..<5000 {
            words.append(Array("слово\(number)".unicodeScalars.map(\.value)))
        }
        var computed = 0
        for round in 0..<2 {
            for (number, word) in words.enumerated() {
                let range = word.withUnsafeBufferPointer { letters in
                    memo.terms(ofWord: letters) {
                        computed += 1
                        return number % 3 == 0 ? [Int32(number), Int32(number + 1)] : []
                    }
                }
                let terms = range.map { memo.term(at: $0) }
                #expect(terms == (number % 3 == 0 ? [Int32(number), Int32(number + 1)] : []), "round \(round)")
            }
        }
        #expect(computed == words.count)
        #expect(memo.count == words.count)
    }
}
