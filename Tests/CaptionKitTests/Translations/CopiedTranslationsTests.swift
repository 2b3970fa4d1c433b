import Foundation
import Testing

@testable import CaptionKit

/// A Kazakh title pasted from the Russian (`wagon`) beside texts the same in both languages that
/// `untranslated` accepts: a single word and a number (`kumys`), a do-not-translate name and a
/// copy its file accepts with `ignore:` (`poet`), and an `allow` entry (`zone`).
func copiedSourceFixture(checks: String = "checks:\n  untranslated: { allow: [Малая зона] }\n") throws -> TestCollection
{
    try TestCollection(
        files: [
            (
                "g/wagon.yml",
                """
                id: wagon
                title:
                  kk: Сталинский вагон
                  ru: Сталинский вагон
                  en: The Stalin wagon
                text:
                  kk: Вагон тұр.
                  ru: Вагон стоит.
                  en: The wagon stands.

                """
            ),
            (
                "g/kumys.yml",
                """
                id: kumys
                title:
                  kk: Кумыс
                  ru: Кумыс
                  en: Kumis
                text:
                  kk: Қымыз.
                  ru: Кумыс.
                  en: Kumis.
                credit:
                  kk: 1937–1953
                  ru: 1937–1953
                  en: 1937–1953

                """
            ),
            (
                "g/poet.yml",
                """
                id: poet
                title:
                  kk: Анна Ахматова
                  ru: Анна Ахматова
                  en: Anna Akhmatova
                text:
                  kk: Стихи о лагере.
                  ru: Стихи о лагере.
                  en: Poems about the camp.
                ignore: [untranslated: text/kk]

                """
            ),
            (
                "g/zone.yml",
                """
                id: zone
                title:
                  kk: Малая зона
                  ru: Малая зона
                  en: The small zone
                text:
                  kk: Аймақ.
                  ru: Зона.
                  en: The zone.

                """
            ),
            (
                "glossary.yml",
                """
                - id: akhmatova
                  do-not-translate: true
                  kk: Анна Ахматова
                  ru: Анна Ахматова
                  en: Anna Akhmatova

                """
            ),
        ],
        config: """
            languages: [kk, ru, en]
            source: ru
            fields:
              title: { required: true }
              text: { required: true }
              credit: { required: false }
            \(checks)
            """)
}

@Suite struct CopiedTranslationsTests {
    /// `exhibit.field (language)` of every copy in the collection.
    func copies(in collection: CaptionCollection) throws -> [String] {
        let copies = try CopiedTranslations(config: collection.config)
        return collection.exhibits.flatMap { exhibit in
            copies.copies(in: exhibit).map { "\(exhibit.displayID).\($0.field) (\($0.language))" }
        }.sorted()
    }

    @Test func theCopiesAreExactlyWhatUntranslatedReports() throws {
        let fixture = try copiedSourceFixture()
        let collection = try fixture.load()
        let findings = try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics
            .filter { $0.checkID == "untranslated" }
        #expect(findings.map(\.message) == ["title (kk) is the same as the Russian (ru) source"])
        #expect(try copies(in: collection) == ["wagon.title (kk)"])
        #expect(
            try copies(in: collection)
                == findings.map { "\($0.exhibitID ?? "").\($0.field ?? "") (\($0.language ?? ""))" })
    }

    @Test func withUntranslatedOffNoTextIsACopy() throws {
        let fixture = try copiedSourceFixture(checks: "checks:\n  untranslated: off\n")
        #expect(try copies(in: try fixture.load()) == [])
        let status = try TranslationStatus.of(try fixture.load())
        #expect(status.languages.map(\.translated) == [9, 9, 9])
        #expect(status.languages.map(\.sameAsSource) == [0, 0, 0])
    }

    @Test func aMalformedUntranslatedEntryIsRefusedWhereItIsWritten() throws {
        let fixture = try copiedSourceFixture(checks: "checks:\n  untranslated: { min-word: 3 }\n")
        #expect {
            _ = try CopiedTranslations(config: try fixture.load().config)
        } throws: { error in
            "\(error)".contains("unknown option 'min-word' for check untranslated; did you mean 'min-words'?")
        }
    }

    @Test func statusCountsTheCopyApartFromTranslatedAndMissing() throws {
        let fixture = try copiedSourceFixture()
        let status = try TranslationStatus.of(try fixture.load())
        let kk = try #require(status.languages.first)
        let figures: [Int] = [kk.units, kk.translated, kk.missing, kk.sameAsSource, kk.sourceWordsToTranslate]
        #expect(figures == [9, 8, 0, 1, 2])
        #expect(kk.percent == 88.8)
        #expect(status.languages.map(\.sameAsSource) == [1, 0, 0])
        // The table's exact lines are in SameAsSourceCommandTests.
        #expect(status.text.contains("  missing  same as source  complete  "))
        let json = try status.json()
        #expect(json.contains("\"sameAsSource\" : 1,"))
        #expect(json.contains("\"translated\" : 8,"))
    }

    /// A copy whose record is also stale (the source and the pasted copy both edited by hand,
    /// without `accept`) is one text to translate: counted as the same as its source, not also
    /// as stale, and its source words once.
    @Test func aStaleCopyIsCountedOnceInStatusAndTheExport() throws {
        let fixture = try copiedSourceFixture()
        try fixture.write(
            "g/wagon.yml", try fixture.read("g/wagon.yml") + "translations:\n  title: { kk: 0123abcd, en: 0123abcd }\n")
        let status = try TranslationStatus.of(try fixture.load())
        let rows = status.languages.map { [$0.translated, $0.sameAsSource, $0.stale, $0.sourceWordsToTranslate] }
        // kk: the title is a copy (2 source words); en: the same title, translated and stale.
        #expect(rows == [[8, 1, 0, 2], [9, 0, 0, 0], [9, 0, 1, 2]])
        #expect(TranslationStatus.staleCounts(in: try fixture.load()) == ["en": 1])
        let result = try XLIFFExporter.export(
            try fixture.load(), options: XLIFFExportOptions(targetLanguages: ["kk", "en"], onlyNeeded: true))
        let counts = result.files.map { [$0.unitCount, $0.missingCount, $0.staleCount] }
        #expect(counts == [[1, 1, 0], [1, 0, 1]])
    }

    @Test func withoutCopiesTheTableHasNoSameAsSourceColumn() throws {
        let fixture = try copiedSourceFixture()
        try fixture.write(
            "g/wagon.yml",
            try fixture.read("g/wagon.yml").replacingOccurrences(
                of: "  kk: Сталинский вагон", with: "  kk: Сталин вагоны"))
        let status = try TranslationStatus.of(try fixture.load())
        #expect(status.languages.map(\.sameAsSource) == [0, 0, 0])
        #expect(!status.text.contains("same as source"))
    }

    @Test(arguments: [XLIFFVersion.v1_2, .v2_0])
    func theXLIFFExportSendsTheCopyAsAMissingUnit(_ version: XLIFFVersion) throws {
        let fixture = try copiedSourceFixture()
        let result = try XLIFFExporter.export(
            try fixture.load(), options: XLIFFExportOptions(targetLanguages: ["kk"], version: version, onlyNeeded: true)
        )
        let file = try #require(result.files.first)
        let counts: [Int] = [file.unitCount, file.missingCount, file.staleCount]
        #expect(counts == [1, 1, 0])
        let xml = String(decoding: file.data, as: UTF8.self)
        #expect(xml.contains("id=\"wagon.title\""))
        #expect(!xml.contains("kumys") && !xml.contains("poet") && !xml.contains("zone"))
        // The mark is the copy's fingerprint: the translator's text replaces it on import.
        let mark = ExportedTarget.fingerprint("Сталинский вагон")
        let note =
            "The Kazakh (kk) text in the caption file is a copy of the Russian (ru) source, not a translation: translate it."
        switch version {
        case .v1_2:
            #expect(xml.contains("<target state=\"needs-translation\"></target>"))
            #expect(xml.contains("<context context-type=\"x-captions-target\">\(mark)</context>"))
            #expect(xml.contains("<note from=\"captions\">\(note)</note>"))
        case .v2_0:
            #expect(xml.contains("<segment state=\"initial\">\n"))
            #expect(!xml.contains("<target>"))
            #expect(xml.contains("<mda:meta type=\"target\">\(mark)</mda:meta>"))
            #expect(xml.contains("<note category=\"same-as-source\">\(note)</note>"))
        }
    }

    @Test func withoutNeededTheAcceptedTextsStayTranslatedAndTheCopyIsNoSuggestion() throws {
        let fixture = try copiedSourceFixture()
        // A missing title with the copied title's source: the copy must not be offered for it.
        try fixture.write("g/wagon-2.yml", "id: wagon-2\ntitle:\n  ru: Сталинский вагон\n  en: The Stalin wagon\n")
        let result = try XLIFFExporter.export(
            try fixture.load(), options: XLIFFExportOptions(targetLanguages: ["kk"], suggest: true))
        let file = try #require(result.files.first)
        let counts: [Int] = [file.unitCount, file.missingCount, file.suggestedCount]
        #expect(counts == [10, 2, 0])
        let xml = String(decoding: file.data, as: UTF8.self)
        #expect(xml.contains("<target state=\"translated\">Анна Ахматова</target>"))
        #expect(xml.contains("<target state=\"translated\">1937–1953</target>"))
        #expect(xml.contains("<target state=\"translated\">Малая зона</target>"))
        #expect(xml.contains("<target state=\"translated\">Стихи о лагере.</target>"))
        #expect(!xml.contains("<target state=\"translated\">Сталинский вагон</target>"))
    }

    @Test func theSignageGateHoldsTheCopyBackAndOnlyTheCopy() throws {
        let fixture = try copiedSourceFixture()
        let collection = try fixture.load()
        let gate = SignageGate(collection: collection)
        let reasons = collection.exhibits.map { exhibit in
            gate.reasons(for: exhibit).map {
                "\(exhibit.displayID) \($0.location.line):\($0.location.column) \($0.kind.rawValue): \($0.message)"
            }
        }
        #expect(
            reasons.flatMap { $0 } == [
                "wagon 3:7 copiedTranslation: the Kazakh (kk) title is a copy of the Russian (ru) source"
            ])
        #expect(HoldBackReason.Kind.copiedTranslation.checkID == "untranslated")
        #expect(
            PrintReadiness(collection: collection, level: .translated).isReady(collection.exhibits[0], findings: []))
        #expect(
            !PrintReadiness(collection: collection, level: .translated).isReady(
                try #require(collection.exhibits.first { $0.id == "wagon" }), findings: []))
    }
}
