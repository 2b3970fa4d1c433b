import Testing

@testable import CaptionKit

/// Sentence boundaries in Russian, Kazakh and English texts (``SentenceSplitter``).
@Suite struct SentenceSplitterTests {
    /// The sentences of `text` as strings.
    static func split(_ text: String, _ language: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.sentences(in: text, language: language).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    /// A final full stop that ends an abbreviation (through spaces and closing marks), as a
    /// whole word: what `punctuation-mismatch` does not read as a sentence end.
    @Test func aTextEndingInAnAbbreviation() {
        let abbreviated = [
            ("ru", "Государственный архив Карагандинской области, 1952 г."), ("ru", "1937–1938 гг."),
            ("ru", "Построен в XX в."), ("ru", "XIX–XX вв. "), ("ru", "Подробнее см."), ("ru", "Жёны, дети и др."),
            ("ru", "Ковры, сундуки и т. д."), ("ru", "Ковры и т.п."), ("ru", "(архив, 1952 г.)"), ("ru", "Шубы и пр."),
            ("kk", "Мемлекеттік архив, 1952 ж."), ("kk", "1937–1938 жж."), ("kk", "XX ғ."), ("kk", "Кілемдер т.б."),
            ("kk", "Кілемдер т. б.»"), ("en", "Carpets, chests etc."), ("en", "Built c."), ("en", "Photo, ca."),
        ]
        for (language, text) in abbreviated {
            #expect(SentenceSplitter.endsWithAbbreviation(text, language: language), "\(text)")
            #expect(SentenceEnding.of(text, language: language) == (.abbreviation, "."), "\(text)")
        }
        let sentences = [
            ("ru", "Фото: А. Иванов."), ("ru", "Лагерь закрыли в 1953 году."), ("ru", "Это был город."),
            ("ru", "1952 г"), ("ru", "Когда это было, 1952 г.?"), ("kk", "Бұл – архив."), ("en", "It was in 1952."),
            ("en", "Carpets, chests etc…"), ("en", "Plan " + String(repeating: "b", count: 70) + "c."),
            ("de", "Im Jahr 1952 usw."), ("en", "Plan C."), ("en", "Vitamin C.»"), ("ru", "Блок Г."),
            ("ru", "Это ДР."), ("kk", "Блок Ж."),
        ]
        for (language, text) in sentences {
            #expect(!SentenceSplitter.endsWithAbbreviation(text, language: language), "\(text)")
        }
        #expect(SentenceEnding.of("Это был город.", language: "ru") == (.period, "."))
    }

    /// The quick look at a text's last word (a run of letters longer than any abbreviation has
    /// ends none) passes every abbreviation of every language on to the full reading.
    @Test func everyAbbreviationPassesTheQuickLookAtTheLastWord() {
        #expect(SentenceSplitter.longestLetterRun > 0 && SentenceSplitter.longestLetterRun < 10)
        for (language, abbreviations) in SentenceSplitter.abbreviations {
            for entry in abbreviations where entry.abbreviation.last == "." {
                let text = "Слово " + String(String.UnicodeScalarView(entry.abbreviation))
                #expect(SentenceSplitter.endsWithAbbreviation(text, language: language), "\(language): \(text)")
            }
        }
        let longWord = String(repeating: "д", count: SentenceSplitter.longestLetterRun + 1)
        #expect(!SentenceSplitter.endsWithAbbreviation("Слово \(longWord).", language: "ru"))
    }

    @Test func endsAtFullStopsQuestionAndExclamationMarksBeforeACapitalOrADigit() {
        #expect(
            Self.split("Лагерь открыли в 1938 году. Его закрыли позже! Почему? 1953 год стал последним.", "ru") == [
                "Лагерь открыли в 1938 году.", "Его закрыли позже!", "Почему?", "1953 год стал последним.",
            ])
        #expect(
            Self.split("Лагерь 1938 жылы ашылды. 1953 жылы жабылды?! Иә.", "kk") == [
                "Лагерь 1938 жылы ашылды.", "1953 жылы жабылды?!", "Иә.",
            ])
        #expect(Self.split("Why? because it was cold. And then", "en") == ["Why? because it was cold.", "And then"])
    }

    @Test func russianAbbreviationsInPartsDoNotEndASentenceButEtceteraMay() {
        #expect(
            Self.split("Узницы, т. е. жёны «изменников», шили и т. д. Потом их отпустили.", "ru") == [
                "Узницы, т. е. жёны «изменников», шили и т. д.", "Потом их отпустили.",
            ])
        #expect(
            Self.split("Сумки, одежду и т. п. Всё это хранится в музее, т.е. в зале.", "ru") == [
                "Сумки, одежду и т. п.", "Всё это хранится в музее, т.е. в зале.",
            ])
        #expect(
            Self.split("Т. е. никто не знал. См. Рис. 3 и ср. Письма жён.", "ru") == [
                "Т. е. никто не знал.", "См. Рис. 3 и ср. Письма жён.",
            ])
    }

    @Test func initialsStayWithTheSurname() {
        #expect(
            Self.split("Стихи А. С. Пушкина читали в бараке. Жена М.Тухачевского была здесь.", "ru") == [
                "Стихи А. С. Пушкина читали в бараке.", "Жена М.Тухачевского была здесь.",
            ])
        #expect(
            Self.split("Мұнда Т.Рысқұловтың әйелі болды. Ә.Н. Бөкейханов туралы да айтылады.", "kk") == [
                "Мұнда Т.Рысқұловтың әйелі болды.", "Ә.Н. Бөкейханов туралы да айтылады.",
            ])
        #expect(
            Self.split("Prisoners read A. S. Pushkin in the barracks. Marshal M.Tukhachevsky was shot.", "en") == [
                "Prisoners read A. S. Pushkin in the barracks.", "Marshal M.Tukhachevsky was shot.",
            ])
    }

    @Test func unitsAfterANumberEndASentenceOnlyBeforeACapital() {
        #expect(
            Self.split("Лагерь открыли в 1938 г. Узниц привезли из г. Москва. В XX в. Было иначе.", "ru") == [
                "Лагерь открыли в 1938 г.", "Узниц привезли из г. Москва.", "В XX в.", "Было иначе.",
            ])
        #expect(
            Self.split("В 1937–1938 гг. погибли тысячи, в 1938 г. 5 августа пришёл эшелон.", "ru") == [
                "В 1937–1938 гг. погибли тысячи, в 1938 г. 5 августа пришёл эшелон."
            ])
        #expect(
            Self.split("Лагерь 1938 ж. 5 тамызда ашылды. Ол 1953 ж. Жабылды. Қ. Алматыдан келді.", "kk") == [
                "Лагерь 1938 ж. 5 тамызда ашылды.", "Ол 1953 ж.", "Жабылды.", "Қ. Алматыдан келді.",
            ])
    }

    @Test func kazakhAbbreviations() {
        #expect(
            Self.split("Сөмкелер, киімдер т. б. Бәрі музейде сақталған, т.с.с. заттар да бар.", "kk") == [
                "Сөмкелер, киімдер т. б.", "Бәрі музейде сақталған, т.с.с. заттар да бар.",
            ])
    }

    @Test func englishAbbreviationsAndNumbers() {
        #expect(
            Self.split("Mr. Smith met St. Petersburg writers, e.g. Akhmatova. It took 3.5 years etc. Then", "en") == [
                "Mr. Smith met St. Petersburg writers, e.g. Akhmatova.", "It took 3.5 years etc.", "Then",
            ])
        #expect(
            Self.split("letters, e. g. Drawings and i.e. Notes", "en") == ["letters, e. g. Drawings and i.e. Notes"])
    }

    @Test func ellipsesAndClosingQuotes() {
        #expect(
            Self.split("Она ждала… и ждала... Потом пришло письмо… Ответа не было.", "ru") == [
                "Она ждала… и ждала...", "Потом пришло письмо…", "Ответа не было.",
            ])
        #expect(
            Self.split("Она писала: «Мы живы». Письмо дошло. «Иди.» Он ушёл.", "ru") == [
                "Она писала: «Мы живы».", "Письмо дошло.", "«Иди.»", "Он ушёл.",
            ])
        #expect(
            Self.split("«Куда нас везут?» — спросила она. «Не знаю!» Поезд шёл.", "ru") == [
                "«Куда нас везут?» — спросила она.", "«Не знаю!»", "Поезд шёл.",
            ])
        #expect(
            Self.split("She wrote: \"We are alive.\" The letter came. (It was late.) Then", "en") == [
                "She wrote: \"We are alive.\"", "The letter came.", "(It was late.)", "Then",
            ])
    }

    @Test func blankLinesEndParagraphsAndSingleLineBreaksDoNot() {
        #expect(
            Self.split("  Бірінші абзац\nжалғасы\n\n  екінші абзац, нүктесіз  \n \n\nҮшінші.\n", "kk") == [
                "Бірінші абзац\nжалғасы", "екінші абзац, нүктесіз", "Үшінші.",
            ])
        #expect(Self.split("", "ru").isEmpty)
        #expect(Self.split(" \n\n ", "ru").isEmpty)
    }

    @Test func aSentenceEndingInAOneLetterCapitalIsReadAsInitials() {
        // As the initials typography rule reads it; documented.
        #expect(Self.split("Вход через пункт Б. Потом налево.", "ru") == ["Вход через пункт Б. Потом налево."])
        #expect(Self.split("Вход через пункт Б. 5 шагов.", "ru") == ["Вход через пункт Б.", "5 шагов."])
    }

    @Test func openingGivesTheFirstWordsOnOneLine() {
        let text = "Кратко.  «Каждый год 31 мая\n  в Казахстане отмечают день»."
        let sentences = SentenceSplitter.sentences(in: text, language: "ru")
        #expect(sentences.count == 2)
        #expect(SentenceSplitter.opening(of: sentences[1], in: text) == "«Каждый год 31 мая в…")
        #expect(SentenceSplitter.opening(of: sentences[0], in: text) == "Кратко.")
        #expect(
            SentenceSplitter.opening(of: sentences[1], in: text, words: 8)
                == "«Каждый год 31 мая в Казахстане отмечают день».")
    }
}
