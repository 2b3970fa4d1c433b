import Testing

@testable import CaptionKit

@Suite struct NumberExtractionTests {
    @Test(arguments: [
        ("1937 жылы", "kk", ["1937"]),
        ("1937-жылы", "kk", ["1937"]),
        ("1937-ші жылы", "kk", ["1937"]),
        ("в 1938–1953 годах", "ru", ["1938", "1953"]),
        ("1938-1953", "en", ["1938", "1953"]),
        ("более 10 000 женщин", "ru", ["10000"]),
        ("более 10\u{A0}000 женщин", "ru", ["10000"]),
        ("1\u{202F}250\u{202F}000", "ru", ["1250000"]),
        ("more than 10,000 women", "en", ["10000"]),
        ("In 1941, 1942 and 1943", "en", ["1941", "1942", "1943"]),
        ("0,5 кг", "ru", ["0.5"]),
        ("0.5 kg", "en", ["0.5"]),
        ("1,5 кг", "kk", ["1.5"]),
        ("05.03.1953", "ru", ["5", "3", "1953"]),
        ("в 1937 году 100 женщин", "ru", ["1937", "100"]),
        ("XIX век", "ru", ["19"]),
        ("XX ғасыр", "kk", ["20"]),
        ("19th century", "en", ["19"]),
        ("the 1930s", "en", ["1930"]),
        ("V век", "ru", ["5"]),
        ("I was there", "en", []),
        ("MIX and CD and IIII", "en", []),
        ("Камера № 7.", "ru", ["7"]),
        // Roman numerals typed with the Cyrillic Х and І.
        ("ХХ века", "ru", ["20"]),
        ("ХІХ ғасыр", "kk", ["19"]),
        ("ХIХ век", "ru", ["19"]),
        ("Х век", "ru", ["10"]),
        ("Х-ғасыр", "kk", ["10"]),
        ("Х и І", "ru", []),
        ("Хлеб, ХХI", "ru", ["21"]),
        ("Іле мен ХХХХ", "kk", []),
        // A single letter, or a numeral with L, C, D or M, where it dates: before a word for
        // century or millennium, or in a range with a numeral.
        ("Б.з.д. XII–X ғасырлар.", "kk", ["12", "10"]),
        ("Относится к XII–X векам до н. э.", "ru", ["12", "10"]),
        ("Dated to the 12th–10th centuries BC.", "en", ["12", "10"]),
        ("V–VI ғасырлар. V–VI века. 5th–6th centuries.", "ru", ["5", "6", "5", "6", "5", "6"]),
        ("к X веку, X–XII века, в X—XII вв.", "ru", ["10", "10", "12", "10", "12"]),
        ("by the 10th century, the 1st, 2nd, 3rd and 21st", "en", ["10", "1", "2", "3", "21"]),
        ("В I тысячелетии до н. э., II тыс. до н. э., V столетие", "ru", ["1", "2", "5"]),
        ("the 1st millennium BC, I millennium, V c., the X Century, X centuries", "en", ["1", "1", "5", "10", "10"]),
        ("I ғасырда, V ғасырдың, X ғасырларда, V-ғасыр, X ғ., V–X ғғ.", "kk", ["1", "5", "10", "5", "10", "5", "10"]),
        ("I мыңжылдықта, I мыңжылдығы, V мыңжылдық", "kk", ["1", "1", "5"]),
        ("XII – X ғасырлар, XIX-XX", "kk", ["12", "10", "19", "20"]),
        ("XL c., C–D centuries, D c., M millennium", "en", ["40", "100", "500", "500", "1000"]),
        // Not without such a word or range: the pronoun, vitamins, names, types, sizes.
        ("I was there. Vitamin C. Malcolm X. A type C plug, size XL, MIX, CD, DC, MD.", "en", []),
        // c. before a year is circa; a spaced dash is punctuation, not a range.
        ("Portrait of Peter I c. 1700. Model D c.\u{A0}1900.", "en", ["1700", "1900"]),
        ("Эпоха Петра I — XVIII век.", "ru", ["18"]),
        ("Section D – XX century. World War II – I mean", "en", ["20", "2"]),
        ("I–V, C-D, V–, –X, X – and", "en", []),
        ("the century I grew up in, centuries C and D", "en", []),
        // An abbreviation only with its full stop: `в` is also a preposition.
        ("витамин C в овощах, X в", "ru", []),
        ("X в. и C в.", "ru", ["10", "100"]),
        // The Cyrillic Х and І: a single one only where a Latin one counts; С and М never.
        ("Х ғасыр, ХІІ–Х ғасырларда, І мыңжылдық", "kk", ["10", "12", "10", "1"]),
        ("Х век, ХІІ–Х вв., Х–ХІІ века", "ru", ["10", "12", "10", "10", "12"]),
        ("Х и І, С XII века, М веков", "ru", ["12"]),
        // A day next to a month name gives the month too.
        ("5 августа 1937 года", "ru", ["5", "8", "1937"]),
        ("в ночь на 5 Мая", "ru", ["5", "5"]),
        ("5-го авг. 1937 г.", "ru", ["5", "8", "1937"]),
        ("с 1 по 3 декабря", "ru", ["1", "3", "12"]),
        ("5–7 августа", "ru", ["5", "7", "8"]),
        ("1937 жылғы 5 тамызда", "kk", ["1937", "5", "8"]),
        ("5-тамыз, 12 желтоқсанның", "kk", ["5", "8", "12", "12"]),
        ("1937 жылы 5 қазанда", "kk", ["1937", "5", "10"]),
        ("5 қазан 1937", "kk", ["5", "10", "1937"]),
        ("5 қазан әкелді", "kk", ["5"]),
        ("5 August 1937", "en", ["5", "8", "1937"]),
        ("August 5, 1937", "en", ["5", "8", "1937"]),
        ("on the 5th of May", "en", ["5", "5"]),
        ("the 5th of August, August 5th, 5th August", "en", ["5", "8", "5", "8", "5", "8"]),
        ("the 5th of many", "en", ["5"]),
        ("5 of August", "en", ["5"]),
        ("5th Sept. and Aug. 31", "en", ["5", "9", "31", "8"]),
        ("only 5 may enter", "en", ["5"]),
        ("32 августа, 100 мая", "ru", ["32", "100"]),
        ("5 августа", "kk", ["5"]),
        // A Kazakh date month first: the month in the genitive, the day with a possessive ending.
        ("тамыздың 5-і", "kk", ["5", "8"]),
        ("Тамыздың 5-інде", "kk", ["5", "8"]),
        ("1937 жылғы тамыздың 5-і", "kk", ["1937", "5", "8"]),
        ("1953 жылдың наурызының 31-і", "kk", ["1953", "31", "3"]),
        ("желтоқсанның 2-сі, наурыздың 6-сына, мамырдың 9-ы", "kk", ["2", "12", "6", "3", "9", "5"]),
        ("тамыздың 5 жұлдызы", "kk", ["5", "8"]),
        ("1937 жылғы қазанның 5-і", "kk", ["1937", "5", "10"]),
        ("қазанның 5-і", "kk", ["5"]),
        ("тамыздың 5 күні", "kk", ["5"]),
        ("тамыз 5-і", "kk", ["5"]),
        ("тамыздың 32-сі", "kk", ["32"]),
        // A decade with its century gives the year it starts; without it, its digits and `s`.
        ("30-е годы XX века", "ru", ["1930"]),
        ("в 30-х гг. ХХ в. и 1941", "ru", ["1930", "1941"]),
        ("в конце 30-х XX века", "ru", ["1930"]),
        ("в 30-е годы", "ru", ["30s"]),
        ("30-х годов, 40-е гг. и конец 50-х", "ru", ["30s", "40s", "50s"]),
        ("в 1930-е годы", "ru", ["1930"]),
        ("в 30–40-е годы, в 30-50-х годах XX века", "ru", ["30s", "40s", "1930", "1950"]),
        ("25–30-е годы, 30 — 40-е годы, 1.30-40-х", "ru", ["25", "30s", "30", "40s", "1.30", "40s"]),
        ("30—40-жылдары", "kk", ["30s", "40s"]),
        ("ХХ ғасырдың 30–50-жылдары", "kk", ["1930", "1950"]),
        ("30-е заседание, 31-е годы, 05-е годы", "ru", ["30", "31", "5"]),
        ("XX ғасырдың 30-жылдары", "kk", ["1930"]),
        ("XX ғ. 30-шы жылдары", "kk", ["1930"]),
        ("30-жылдары", "kk", ["30s"]),
        ("30-шы жылдары, 40-жылдарда, 50-жж.", "kk", ["30s", "40s", "50s"]),
        ("1930-жылдары", "kk", ["1930"]),
        ("30 жылдар бойы", "kk", ["30"]),
        ("XX ғасыр, 30 адам", "kk", ["20", "30"]),
        ("the '30s, the ’40s and the 50s", "en", ["30s", "40s", "50s"]),
        ("the 1930s", "en", ["1930"]),
        ("in her 30s, 30 seconds", "en", ["30", "30"]),
    ])
    func numbers(_ text: String, _ language: String, _ expected: [String]) {
        #expect(NumberExtraction.numbers(in: text, language: language) == expected)
    }

    /// A year range whose second year is abbreviated gives the year it stands for, when that is
    /// later than the first; only after a four-digit year.
    @Test(arguments: [
        ("In 1937–38.", "en", ["1937", "1938"]),
        ("1941-45", "en", ["1941", "1945"]),
        ("1937/38 учебный год", "ru", ["1937", "1938"]),
        ("1937–8", "en", ["1937", "1938"]),
        ("1901–05", "en", ["1901", "1905"]),
        // Three digits are not an abbreviated year: `1200–800` is a range before the common era.
        ("1937—941, 1999—101", "en", ["1937", "941", "1999", "101"]),
        ("1200–800 гг. до н. э.", "ru", ["1200", "800"]),
        ("в 1937–38 гг.", "ru", ["1937", "1938"]),
        ("1937–38 жылдары", "kk", ["1937", "1938"]),
        ("the 1930s–40s", "en", ["1930", "1940"]),
        ("1930–40 жылдары", "kk", ["1930", "1940"]),
        ("1998–2001", "en", ["1998", "2001"]),
        ("1937–36, 1999–00", "en", ["1937", "36", "1999", "0"]),
        ("1937 – 38", "ru", ["1937", "38"]),
        ("937–38, 21937–38, 01937–38", "en", ["937", "38", "21937", "38", "1937", "38"]),
        ("1.937–38, 1,937–38", "ru", ["1.937", "38", "1.937", "38"]),
        ("1.555–6", "en", ["1.555", "6"]),
        ("1930–40-е годы", "ru", ["1930", "40s"]),
        ("1937–38 тысяч", "ru", ["1937", "1938"]),
    ])
    func abbreviatedYearRanges(_ text: String, _ language: String, _ expected: [String]) {
        #expect(NumberExtraction.numbers(in: text, language: language) == expected)
    }

    /// A word for thousands, millions or billions after a number multiplies it, in any case
    /// (Russian) or with any endings (Kazakh); not after a year.
    @Test(arguments: [
        ("Более 8 тысяч.", "ru", ["8000"]),
        (
            "8 тыс. человек, 3 тысячи, 1 тысяча, 21 тысячу, с 2 тысячами", "ru",
            ["8000", "3000", "1000", "21000", "2000"]
        ),
        (
            "1,5 млн, 2 миллиона, 5 миллионов, 1 млрд, 3 миллиарда", "ru",
            ["1500000", "2000000", "5000000", "1000000000", "3000000000"]
        ),
        (
            "18 мыңнан астам, 8 мың, 10 мыңға жуық, 2 миллионнан, 3 миллиард", "kk",
            ["18000", "8000", "10000", "2000000", "3000000000"]
        ),
        ("1,5 млн-нан астам, 2 млрд", "kk", ["1500000", "2000000000"]),
        ("More than 8 thousand, 1.5 million, 2 billion, 8 Thousand", "en", ["8000", "1500000", "2000000000", "8000"]),
        ("More than 8,000.", "en", ["8000"]),
        ("8\u{A0}тысяч, 8\u{202F}тыс.", "ru", ["8000", "8000"]),
        ("0,5 тыс., 1,2345 тыс., 0,0005 тыс.", "ru", ["500", "1234.5", "0.5"]),
        ("10 000 тысяч", "ru", ["10000000"]),
        // After a range, the word multiplies both of its numbers (as `3,000–4,000` reads);
        // otherwise only the number right before it (`between 5 and 8 thousand`).
        ("5–8 тысяч, 1–1,5 млн, 3–4 тыс. лет", "ru", ["5000", "8000", "1000000", "1500000", "3000", "4000"]),
        ("3-4 мың жыл, 1,5 – 2 млн", "kk", ["3000", "4000", "1500000", "2000000"]),
        (
            "5-8 thousand, 2—3 million, between 5 and 8 thousand", "en",
            ["5000", "8000", "2000000", "3000000", "5", "8000"]
        ),
        ("от 5 до 8 тысяч, 5, 8 тысяч", "ru", ["5", "8000", "5", "8000"]),
        // Not a year before the dash, nor a number that is not right before it.
        ("1937–8 тысяч, 5 тысяч–8 тысяч, 30-х–8 тыс.", "ru", ["1937", "1938", "5000", "8000", "30s", "8000"]),
        ("в 1937 тысячи женщин", "ru", ["1937"]),
        ("1937 жылы мыңдаған адам, 8 мыңдаған", "kk", ["1937", "8"]),
        ("8 тысячелетий, 8 тысячный, 8 миллионер", "ru", ["8", "8", "8"]),
        ("8 thousands, 8 millionth, 8 to", "en", ["8", "8", "8"]),
        ("8 мың", "ru", ["8"]),
        ("8 тысяч", "en", ["8"]),
        ("5 тысяч августа", "ru", ["5000"]),
        ("30-х тысяч", "ru", ["30s"]),
    ])
    func numberWords(_ text: String, _ language: String, _ expected: [String]) {
        #expect(NumberExtraction.numbers(in: text, language: language) == expected)
    }

    @Test(arguments: [
        ("8", 3, "8000"), ("1.5", 6, "1500000"), ("1.25", 1, "12.5"), ("0.5", 3, "500"), ("0.0005", 3, "0.5"),
        ("10000", 3, "10000000"),
    ])
    func scaled(_ number: String, _ power: Int, _ expected: String) {
        #expect(NumberExtraction.scaled(number, byPowerOfTen: power) == expected)
    }

    /// Text analysis reads abbreviated year ranges and number words as the extraction does.
    @Test(arguments: ["In 1937–38.", "the 1930s–40s", "Более 8 тысяч.", "18 мыңнан астам", "1.5 million", "5–8 тыс."])
    func textAnalysisReadsRangesAndNumberWordsAlike(_ text: String) {
        for language in ["kk", "ru", "en"] {
            #expect(
                TextAnalysis(text, language: language).numbers == NumberExtraction.numbers(in: text, language: language)
            )
        }
    }

    /// A decade without its century equals that decade in any century; another decade, year or
    /// number does not.
    @Test(arguments: [
        ("30s", "30s", true), ("30s", "1930", true), ("1830", "30s", true), ("30s", "30", true),
        ("30s", "40s", false), ("30s", "1940", false), ("30s", "1931", false), ("30s", "130", false),
        ("30s", "3.30", false), ("1930", "1830", false), ("30", "1930", false),
    ])
    func sameNumber(_ first: String, _ second: String, _ same: Bool) {
        #expect(NumberExtraction.sameNumber(first, second) == same)
        #expect(NumberExtraction.sameNumber(second, first) == same)
    }

    /// Text analysis reads dates and decades as the extraction does.
    @Test(arguments: [
        "5 августа 1937", "1937 жылғы 5 қазанда", "Aug. 5", "30-х гг. ХХ в.", "XX ғ. 30-жылдары", "в 30-е годы",
        "тамыздың 5-інде", "the 5th of August", "the ’30s",
    ])
    func textAnalysisReadsDatesAndDecadesAlike(_ text: String) {
        for language in ["kk", "ru", "en"] {
            #expect(
                TextAnalysis(text, language: language).numbers == NumberExtraction.numbers(in: text, language: language)
            )
        }
    }
}
