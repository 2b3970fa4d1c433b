import Foundation
import Testing

@testable import CaptionKit

/// End-to-end runs of `captions check` with `max-words` and `max-sentence-words` on a panel and
/// a field (`too-long`, `long-sentence`).
@Suite struct WordLimitsCommandTests {
    /// A collection whose `object` panel limits words and sentences, and whose English text
    /// field sets its own sentence limit. The panel checks are off: the fixture is about words.
    func fixture() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/captions.yml",
            """
            languages: [kk, ru, en]
            source: ru
            panels:
              object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12,
                        max-words: 20, max-sentence-words: { kk: 8, ru: 8 } }
            fields:
              title: { required: true }
              text: { required: true, panel: object, max-sentence-words: { en: 10 } }
            checks:
              overflows-panel: off
              panel-font-missing: off

            """)
        try folder.write(
            "Captions/camp/letters.yml",
            """
            id: letters
            title:
              kk: Хаттар
              ru: Письма
              en: Letters
            text:
              kk: Хаттар сирек келді. Әйелдер оларды т. б. заттармен бірге жасырып, ұзақ жылдар бойы сақтаған.
              ru: Письма, т. е. весточки из дома, приходили редко. Их читал А. С. Пушкин? Нет. Их хранили годами.
              en: |-
                Letters came rarely. The women hid them with other things, e.g. photographs, and kept them \
            for many years.
                Some survive.

            """)
        return folder
    }

    @Test func sentencesOverTheLimitArePointedAtWithTheirFirstWords() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                Captions/camp/letters.yml:7:27: warning: text (kk) has a sentence of 11 words, 'Әйелдер оларды т. б. \
                заттармен…'; the panel 'object' allows 8 words a sentence in Kazakh (kk) [long-sentence]
                Captions/camp/letters.yml:10:5: error: text (en) is 21 words; the panel 'object' allows 20 words \
                [too-long]
                Captions/camp/letters.yml:10:26: warning: text (en) has a sentence of 16 words, 'The women hid them \
                with…'; the field 'text' allows 10 words a sentence in English (en) [long-sentence]

                """)
        #expect(run.stderr.hasSuffix("1 error, 2 warnings in 1 exhibit\n" + CLIRun.untrackedNote(4, in: 1)))
    }

    @Test func jsonOutputNamesTheCheckFieldAndLanguage() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        #expect(run.status == 1)
        let document = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(run.stdout.utf8))
        let sentences = document.diagnostics.filter { $0.check == "long-sentence" }
        #expect(sentences.map(\.language) == ["kk", "en"])
        let first = try #require(sentences.first)
        #expect(first.path == "Captions/camp/letters.yml" && first.line == 7 && first.column == 27)
        #expect(first.severity == "warning" && first.exhibit == "letters" && first.field == "text")
        #expect(
            first.message
                == "text (kk) has a sentence of 11 words, 'Әйелдер оларды т. б. заттармен…'; the panel 'object' allows "
                + "8 words a sentence in Kazakh (kk)")
    }

    @Test func withoutLimitsTheCollectionPasses() throws {
        let folder = try fixture()
        try folder.write(
            "Captions/captions.yml",
            "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n  text: { required: true }\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
    }

    @Test func aMisspeltPanelKeyStopsTheRunWithItsPosition() throws {
        let folder = try fixture()
        try folder.write(
            "Captions/captions.yml",
            """
            panels:
              object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12, \
            max-sentence-word: 25 }

            """)
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "Captions/captions.yml:2:89: error: unknown panel setting 'max-sentence-word'; did you mean "
                + "'max-sentence-words'?\n")
    }

    @Test func explainDescribesTheCheckWithItsExamples() throws {
        let run = try CLIRun.run(["check", "--explain", "long-sentence"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix("long-sentence: Long Sentence\nDefault severity: warning\n\nVisitors read a label"))
        #expect(run.stdout.contains("  kk: Құрт — кептірілген ірімшік. ↓Көшпелілер оны қыста да"))
        #expect(run.stdout.contains("#   fields:\n    #     text: { max-sentence-words: { kk: 6, ru: 8, en: 8 } }\n"))
    }
}
