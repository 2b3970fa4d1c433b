import Foundation
import Testing

@testable import CaptionKit

@Suite struct KazakhLatinTests {
    @Test(arguments: [
        ("Бұрыңғы өткен заманда, бір данышпан кісі", "Būryñğy ötken zamanda, bır danyşpan kısı"),
        ("Қазақстан", "Qazaqstan"),
        ("Шаһар, жеңе, үйіне", "Şahar, jeñe, üiıne"),
        ("сый беріп, қалайын", "syi berıp, qalaiyn"),
        ("Ілияс пен Ибрай", "Ilias pen İbrai"),
        ("жарияланған, Ия, ИЯ", "jarialanğan, İa, İA"),
        ("АЛЖИР, ІЛЕ", "ALJİR, ILE"),
        ("1938–1953 жылдары «АЛЖИР»", "1938–1953 jyldary «ALJİR»"),
    ])
    func transliteratesByThe2021AlphabetWithTurkicCasing(_ cyrillic: String, _ latin: String) {
        let result = KazakhLatin.transliterate(cyrillic)
        #expect(result.text == latin)
        #expect(result.unsettledWords.isEmpty)
    }

    @Test func wordsWithUnsettledLettersAreReportedOnceAndWrittenProvisionally() {
        let result = KazakhLatin.transliterate(
            "Лагерь, лагерь, Чернобыль, ЮНЕСКО, щи, съезд, эра, ёлка, Цой, экспозиция, саяси, ядро")
        #expect(
            result.text == "Lager, lager, Chernobyl, İUNESKO, şşi, sezd, era, iolka, Tsoi, ekspozitsia, saiasi, iadro")
        #expect(
            result.unsettledWords == [
                "Лагерь", "лагерь", "Чернобыль", "ЮНЕСКО", "щи", "съезд", "эра", "ёлка", "Цой", "экспозиция", "саяси",
                "ядро",
            ])
    }

    func label(_ text: String) throws -> SignageLabel {
        let fixture = try TestCollection(files: [("g/kurt.yml", text)])
        let collection = try fixture.load()
        return SignageLabel(
            exhibit: try #require(collection.exhibits.first), config: collection.config,
            languages: ["kk", "kk-Latn", "ru", "en"])
    }

    @Test func aDerivedBlockFollowsKazakhAndIsProvisional() throws {
        let label = try label("id: kurt\ntitle:\n  kk: Тас емес, құрт\n  ru: Курт\n  en: Kurt\n")
        #expect(label.blocks.map(\.language) == ["kk", "kk-Latn", "ru", "en"])
        #expect(label.blocks[1].isProvisional)
        #expect(label.blocks[1].fields.first?.paragraphs == [["Tas emes, qūrt"]])
        #expect(!label.blocks[0].isProvisional)
    }

    /// The derived block is the Kazakh text typeset and then transliterated, so it has every
    /// no-break space of the Cyrillic block: on the bundled museum, label by label.
    @Test func theDerivedBlockHasTheNoBreakSpacesOfTheKazakhBlock() throws {
        let collection = try CollectionLoader.load(path: TypographyRuleTests.bundledCaptions)
        var total = 0
        for exhibit in collection.exhibits {
            let label = SignageLabel(
                exhibit: exhibit, config: collection.config, languages: ["kk", "kk-Latn", "ru", "en"])
            func noBreakSpaces(_ block: SignageLabel.Block) -> Int {
                block.fields.reduce(0) { $0 + $1.text.text.unicodeScalars.count(where: { $0 == "\u{A0}" }) }
            }
            #expect(noBreakSpaces(label.blocks[1]) == noBreakSpaces(label.blocks[0]), "\(exhibit.path)")
            total += noBreakSpaces(label.blocks[0])
        }
        #expect(total > 42)
    }

    @Test func typographyComesBeforeTransliteration() throws {
        let label = try label(
            """
            id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Алаң мен күзет мұнарасы, \
            кемінде 70 адамды "Кітап "Абай жолы" туралы" - 1938 жылы.\n  ru: Текст.\n  en: Text.\n
            """)
        #expect(
            visible(label.blocks[1].fields[1].text.text)
                == "Alañ⍽men küzet mūnarasy, kemınde 70⍽adamdy «Kıtap “Abai joly” turaly»⍽— 1938⍽jyly.")
    }

    @Test func anExplicitLatinTextWinsOverTheDerivedOne() throws {
        let label = try label(
            "id: kurt\ntitle:\n  kk: Тас емес, құрт\n  kk-Latn: Tas emes, qurt!\n  ru: Курт\n  en: Kurt\n")
        #expect(label.blocks[1].fields.first?.paragraphs == [["Tas emes, qurt!"]])
        #expect(!label.blocks[1].isProvisional)
    }

    @Test func exportWithLatinKazakhAddsColumnsAndWarnings() throws {
        let fixture = try TestCollection(
            files: [
                (
                    "g/camp.yml",
                    """
                    id: camp\ntitle:\n  kk: Лагерь\n  ru: Лагерь\n  en: Camp\ntext:\n  kk: Мәтін.\n  ru: Текст.\n \
                     en: Text.\n
                    """
                )
            ])
        let out = fixture.root + "/out"
        let report = try SignageExporter.export(
            try fixture.load(),
            options: SignageExportOptions(
                outputFolder: out, formats: [.datamerge], dataMergeEncoding: .utf8BOM, withLatinKazakh: true))
        let data = try #require(FileManager.default.contents(atPath: out + "/datamerge.txt"))
        let table = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropLast()
            .map { $0.components(separatedBy: "\t") }
        #expect(
            Array(table[0].prefix(8)) == [
                "id", "gallery", "kk_title", "kk_text", "kk_credit", "kk_Latn_title", "kk_Latn_text", "kk_Latn_credit",
            ])
        #expect(table[1][5] == "Lager")
        #expect(
            report.warnings.map(\.message) == [
                """
                camp: kk-Latn title: 'Лагерь' has a letter the 2021 alphabet has not settled; written 'Lager' \
                provisionally
                """
            ])
        #expect(report.warnings.first?.location.line == 3)
    }
}
