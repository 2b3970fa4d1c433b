import Foundation
import Testing

@testable import CaptionKit

/// The labelled set in `Fixtures/term-matching.tsv`: sentences with every term occurrence in
/// brackets and look-alikes in braces.
struct LabelledSentence {
    var language: String
    var text: String
    /// The bracketed spans, in Unicode scalars: start and end.
    var terms: Set<[Int]>
    /// How many look-alikes are marked.
    var lookAlikes: Int

    init(language: String, marked: String) {
        self.language = language
        var text = ""
        var terms = Set<[Int]>()
        var lookAlikes = 0
        var start: Int?
        var offset = 0
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "[": start = offset
            case "]":
                if let begin = start { terms.insert([begin, offset]) }
                start = nil
            case "{": lookAlikes += 1
            case "}": break
            default:
                text.unicodeScalars.append(scalar)
                offset += 1
            }
        }
        self.text = text
        self.terms = terms
        self.lookAlikes = lookAlikes
    }

    static func load() throws -> [LabelledSentence] {
        let text = try String(contentsOfFile: TermMatchingTests.fixtures + "term-matching.tsv", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return LabelledSentence(language: String(line[..<tab]), marked: String(line[line.index(after: tab)...]))
        }
    }
}

@Suite struct TermMatchingTests {
    static let fixtures =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path + "/"

    static func terminology() throws -> Terminology {
        let text = try String(contentsOfFile: fixtures + "term-matching-glossary.yml", encoding: .utf8)
        let glossary = try GlossaryParser.parse(text: text, path: "glossary.yml", languages: ["kk", "ru", "en"])
        return Terminology(glossary, languages: ["kk", "ru", "en"])
    }

    /// The spans of the terms found in `text`.
    static func spans(_ terminology: Terminology, _ text: String, _ language: String) -> Set<[Int]> {
        guard let scan = terminology.scan(text, language: language) else { return [] }
        return Set(
            scan.matches.map { match in
                let last = match.firstWord + match.wordCount - 1
                return [
                    Int(scan.tokens.offsets[match.firstWord]),
                    Int(scan.tokens.offsets[last]) + scan.tokens.length(last),
                ]
            })
    }

    /// Precision and recall per language on the labelled set, printed, and at least 0.97 each.
    @Test(arguments: ["kk", "ru"])
    func precisionAndRecallOnTheLabelledSet(_ language: String) throws {
        let terminology = try Self.terminology()
        let sentences = try LabelledSentence.load().filter { $0.language == language }
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var lookAlikes = 0
        var mistakes: [String] = []
        for sentence in sentences {
            let found = Self.spans(terminology, sentence.text, language)
            truePositives += found.intersection(sentence.terms).count
            falsePositives += found.subtracting(sentence.terms).count
            falseNegatives += sentence.terms.subtracting(found).count
            lookAlikes += sentence.lookAlikes
            for span in found.symmetricDifference(sentence.terms).sorted(by: { $0[0] < $1[0] }) {
                let scalars = Array(sentence.text.unicodeScalars)
                let word = String(String.UnicodeScalarView(scalars[span[0]..<span[1]]))
                mistakes.append(
                    "\(sentence.terms.contains(span) ? "missed" : "wrongly found") “\(word)” in: \(sentence.text)")
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let occurrences = truePositives + falseNegatives + lookAlikes
        print(
            """
            term matching (\(language)): \(sentences.count) sentences, \(occurrences) labelled occurrences \
            (\(truePositives + falseNegatives) terms, \(lookAlikes) look-alikes): \
            precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))
            """)
        for mistake in mistakes { print("  \(mistake)") }
        #expect(occurrences >= 150)
        #expect(precision >= 0.97)
        #expect(recall >= 0.97)
    }

    /// The texts of the terms `glossary` (YAML) finds in `text`, in order.
    static func matchedTexts(_ glossary: String, _ text: String, language: String) throws -> [String] {
        let parsed = try GlossaryParser.parse(text: glossary, path: "glossary.yml", languages: [language])
        let found = try #require(Terminology(parsed, languages: [language]).scan(text, language: language))
        return found.matches.map { found.tokens.text(of: $0, in: text) }
    }

    @Test func englishPluralsAndPossessivesMatch() throws {
        let glossary = "- { id: arch, en: Arch of Sorrow }\n- { id: woman, en: woman }\n- { id: camp, en: camp }\n"
        let text = "The Arch of Sorrow’s shadow fell on the women and on the camps, not on the campaign."
        #expect(try Self.matchedTexts(glossary, text, language: "en") == ["Arch of Sorrow’s", "women", "camps"])
    }

    @Test func termsDoNotRunAcrossASentenceEnd() throws {
        let glossary = "- { id: felt-rug, ru: войлочный ковёр }\n- { id: zhurgenov, ru: Т. Жүргенов }\n"
        let text = "Пол был войлочный. Ковёр лежал у стены. Войлочный ковёр! Войлочные… ковры. Т. Жүргенов, Т Жүргенов."
        #expect(
            try Self.matchedTexts(glossary, text, language: "ru") == ["Войлочный ковёр", "Т. Жүргенов", "Т Жүргенов"])
    }

    @Test func russianNeuterNounsInOAreNotTheirAdjectives() throws {
        let glossary = "- { id: gold, ru: золото }\n"
        let text = "Золото, золотом, о золоте, облака золота; золотой перстень, золотая нить, золотые руки."
        #expect(try Self.matchedTexts(glossary, text, language: "ru") == ["Золото", "золотом", "золоте", "золота"])
    }

    @Test func caseExactEntriesRespectCapitals() throws {
        let glossary = "- { id: alzhir, case: exact, ru: АЛЖИР }\n- { id: camp, ru: лагерь }\n"
        let text = "Лагерь АЛЖИР и страна Алжир; узницы АЛЖИРа."
        #expect(try Self.matchedTexts(glossary, text, language: "ru") == ["Лагерь", "АЛЖИР", "АЛЖИРа"])
    }
}
