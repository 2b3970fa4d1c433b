import Testing

@testable import CaptionKit

/// `number-mismatch` on whole collections: the exact findings a curator sees.
@Suite struct NumberMismatchCheckTests {
    func findings(_ files: [(path: String, text: String)]) throws -> [String] {
        try TestCollection(files: files).findings(of: "number-mismatch")
    }

    @Test func romanNumeralsTypedInCyrillicCountAsTheirValue() throws {
        let gramophone = """
            id: gramophone
            title:
              kk: ХІХ ғасырдың соңындағы граммофон
              ru: Граммофон конца ХІХ века
              en: A late 19th-century gramophone
            text:
              kk: Граммофон ХХ ғасырдың басына дейін ойналды.
              ru: На граммофоне играли до начала ХХ века.
              en: The gramophone was played until the early XX century.

            """
        #expect(try findings([("gramophone.yml", gramophone)]) == [])
    }

    /// A wrong century against a Cyrillic numeral, and a wrong month name against digits, are
    /// reported with their numbers.
    @Test func aWrongCenturyOrMonthIsReportedAsItsNumber() throws {
        let gramophone = """
            id: gramophone
            title:
              kk: ХІХ ғасырдың граммофоны
              ru: Граммофон ХІХ века
              en: An 18th-century gramophone

            """
        let arrival = """
            id: arrival
            text:
              kk: Эшелон 1937 жылғы 5 қыркүйекте 5 қазан әкелді.
              ru: Эшелон прибыл 05.09.1937.
              en: The train arrived on 5 October 1937.

            """
        #expect(
            try findings([("gramophone.yml", gramophone), ("arrival.yml", arrival)]) == [
                """
                arrival.yml:5:7: error: text (en) has other numbers than the Russian (ru) source: missing 9; \
                extra 10 [number-mismatch]
                """,
                """
                gramophone.yml:5:7: error: title (en) has other numbers than the Russian (ru) source: missing 19; \
                extra 18 [number-mismatch]
                """,
            ])
    }

    @Test func datesWithMonthNamesGiveTheMonthsNumber() throws {
        let arrival = """
            id: arrival
            title:
              kk: Эшелон, 05.08.1937
              ru: Эшелон, 05.08.1937
              en: The train, 05.08.1937
            text:
              kk: Алғашқы эшелон 1937 жылғы 5 тамызда келді.
              ru: Первый эшелон прибыл 5 августа 1937 года.
              en: The first train arrived on 5 August 1937.
            credit:
              kk: Сурет 1937 жылғы 5-тамыз
              ru: Снимок от 5-го авг. 1937 г.
              en: Photograph of August 5, 1937

            """
        #expect(try findings([("arrival.yml", arrival)]) == [])
    }

    @Test func decadesWithTheirCenturyGiveTheYearTheyStart() throws {
        let camp = """
            id: camp
            title:
              kk: XX ғасырдың 30-жылдарындағы лагерь
              ru: Лагерь 30-х годов ХХ века
              en: A camp of the 1930s
            text:
              kk: Лагерь XX ғ. 30-жылдары салынды.
              ru: Лагерь построен в 30-е гг. XX в.
              en: The camp was built in the 1930s.

            """
        #expect(try findings([("camp.yml", camp)]) == [])
    }

    @Test func decadesWithoutTheirCenturyEqualThatDecadeInAnyCentury() throws {
        let camp = """
            id: camp
            title:
              kk: 1930-жылдардағы лагерь
              ru: Лагерь 30-х годов
              en: A camp of the '30s
            text:
              kk: Лагерь 30-жылдары салынды, XX ғасырдың 50-жылдары жабылды.
              ru: Лагерь построен в 30-е годы и закрыт в 50-х гг. XX в.
              en: The camp was built in the 1930s and closed in the ’50s.

            """
        #expect(try findings([("camp.yml", camp)]) == [])
    }

    @Test func datesWrittenMonthFirstOrWithOrdinalsGiveTheMonthsNumber() throws {
        let arrival = """
            id: arrival
            title:
              kk: Эшелон, тамыздың 5 жұлдызы
              ru: Эшелон, 5 августа
              en: The train, August 5th
            text:
              kk: Алғашқы эшелон 1937 жылғы тамыздың 5-інде келді.
              ru: Первый эшелон прибыл 5 августа 1937 года.
              en: The first train arrived on the 5th of August 1937.
            credit:
              kk: Сурет, 1937 жылғы тамыздың 5-і
              ru: Снимок от 5-го авг. 1937 г.
              en: Photograph of 5th August 1937

            """
        #expect(try findings([("arrival.yml", arrival)]) == [])
    }

    /// Another decade, day or month than the source's is still reported, with its numbers.
    @Test func aWrongDecadeDayOrMonthIsStillReported() throws {
        let camp = """
            id: camp
            title:
              kk: Лагерь, 40-жылдары
              ru: Лагерь, 30-е годы
              en: The camp, the 1830s
            text:
              kk: Эшелон қыркүйектің 5-інде келді.
              ru: Эшелон прибыл 5 августа.
              en: The train arrived on the 6th of August.

            """
        #expect(
            try findings([("camp.yml", camp)]) == [
                """
                camp.yml:3:7: error: title (kk) has other numbers than the Russian (ru) source: missing 30s; \
                extra 40s [number-mismatch]
                """,
                """
                camp.yml:7:7: error: text (kk) has other numbers than the Russian (ru) source: missing 8; \
                extra 9 [number-mismatch]
                """,
                """
                camp.yml:9:7: error: text (en) has other numbers than the Russian (ru) source: missing 5; \
                extra 6 [number-mismatch]
                """,
            ])
    }

    /// English abbreviates the second year of a range (and Russian and Kazakh sometimes do): the
    /// range counts as both years, and a wrong abbreviated year is reported as the full year.
    @Test func abbreviatedYearRangesCountAsBothYears() throws {
        let purge = """
            id: purge
            title:
              kk: 1937–38 жылдардағы қуғын-сүргін
              ru: Репрессии 1937–38 гг.
              en: The purges of 1937–1938
            text:
              kk: 1937–1938 жылдары.
              ru: В 1937–1938 годах.
              en: In 1937–38.
            credit:
              kk: 1941–1945 жж.
              ru: 1941–1945 гг.
              en: 1941-45, the 1930s–40s

            """
        let war = """
            id: war
            text:
              kk: 1941–1945 жылдары.
              ru: В 1941–1945 годах.
              en: In 1941–44.

            """
        #expect(
            try findings([("purge.yml", purge), ("war.yml", war)]) == [
                """
                purge.yml:13:7: error: credit (en) has other numbers than the Russian (ru) source: extra 1930, 1940 \
                [number-mismatch]
                """,
                """
                war.yml:5:7: error: text (en) has other numbers than the Russian (ru) source: missing 1945; \
                extra 1944 [number-mismatch]
                """,
            ])
    }

    /// A word for thousands, millions or billions multiplies the number before it, in any case
    /// and with Kazakh endings; the product is what is compared and reported.
    @Test func numberWordsMultiplyTheNumberBeforeThem() throws {
        let prisoners = """
            id: prisoners
            title:
              kk: 18 мыңнан астам тұтқын
              ru: Более 18 тысяч узниц
              en: More than 18,000 prisoners
            text:
              kk: Лагерь арқылы 8 мың әйел өтті, 1,5 млн-нан астам хат жазылды.
              ru: Более 8 тысяч. Написано более 1,5 млн писем.
              en: More than 8 thousand. Over 1.5 million letters were written.
            credit:
              kk: 8 мыңға жуық
              ru: Около 8 тыс.
              en: About 80,000

            """
        #expect(
            try findings([("prisoners.yml", prisoners)]) == [
                """
                prisoners.yml:13:7: error: credit (en) has other numbers than the Russian (ru) source: missing 8000; \
                extra 80000 [number-mismatch]
                """
            ])
    }

    /// The dating phrases of an archaeology gallery: single-letter numerals in a range or before
    /// a word for century or millennium count as their values, English ordinals as theirs, and a
    /// word for thousands after a range multiplies both of its numbers.
    @Test func singleLetterNumeralsAndRangesBeforeNumberWordsMatchTheirDigits() throws {
        let dagger = """
            id: dagger
            title:
              kk: Б.з.д. XII–X ғасырлар.
              ru: Относится к XII–X векам до н. э.
              en: Dated to the 12th–10th centuries BC.
            text:
              kk: V–VI ғасырлар.
              ru: V–VI века.
              en: 5th–6th centuries.
            credit:
              kk: Х ғасырға қарай, б.з.д. І мыңжылдықта
              ru: К X веку, в I тысячелетии до н. э.
              en: By the 10th century, in the 1st millennium BC

            """
        let mound = """
            id: mound
            text:
              kk: Қорғанның жасы 3–4 мың жыл, X–XII ғасырларда тоналған.
              ru: Кургану 3–4 тыс. лет, его разграбили в X–XII веках.
              en: The mound is 3,000–4,000 years old and was robbed in the 10th–12th centuries.

            """
        #expect(try findings([("dagger.yml", dagger), ("mound.yml", mound)]) == [])
    }

    /// A wrong century in a range of single letters is still reported; the English pronoun `I`
    /// and the letters of names and types are no numbers.
    @Test func aWrongSingleLetterCenturyIsReportedAndLettersInProseAreNot() throws {
        let dagger = """
            id: dagger
            title:
              kk: Б.з.д. XII–X ғасырлар
              ru: XII–X вв. до н. э.
              en: 12th–11th centuries BC
            text:
              kk: Мен бұл қанжарды С витаминімен бірге таптым.
              ru: Я нашёл этот кинжал вместе с витамином C.
              en: I found this dagger together with Vitamin C, a type C plug and a book on Malcolm X.

            """
        #expect(
            try findings([("dagger.yml", dagger)]) == [
                """
                dagger.yml:5:7: error: title (en) has other numbers than the Russian (ru) source: missing 10; \
                extra 11 [number-mismatch]
                """
            ])
    }
}
