import Foundation

@testable import CaptionKit

/// A small collection with what the signage export must handle: straight quotes, spaced hyphens,
/// year ranges, short words, a combining mark, a word wider than the line, HTML-like text, a
/// credit-less exhibit and one exhibit held back for a missing Kazakh title. Its texts are
/// typography examples, not translations of each other: `number-mismatch` is a warning here, so
/// the export writes them and the proof sheet lists their findings.
enum SignageFixture {
    static let config = """
        languages: [kk, ru, en]
        source: ru
        fields:
          title:  { required: true,  max-chars: 80, signage-width: 24 }
          text:   { required: true,  max-chars: 900 }
          credit: { required: false, max-chars: 160 }
        signage: { width: 30 }
        checks:
          number-mismatch: warning

        """

    static let files: [(path: String, text: String)] = [
        (
            "memorial-park/stalin-wagon.yml",
            """
            id: stalin-wagon
            title:
              kk: Сталин заманының вагоны
              ru: "Арестантский вагон 1938-1953 гг."
              en: The "Stalin wagon"
            text:
              kk: |
                Вагон - тұтқындарды лагерьлерге жеткізген. Әр вагонға 70 адам сыйған.

                Жанында күзет мұнарасы тұр.
              ru: |
                Вагон - в таких при Сталине везли заключённых в лагеря. В один вагон набивали 70 человек.

                Рядом стоит макет "сторожевой вышки".
              en: |
                A railway wagon - the kind used to carry prisoners, about 250 km a day. Don't miss the stove.

                Next to it: a model watchtower.
            credit:
              kk: Ашық аспан астындағы экспозиция
              ru: Экспозиция под открытым небом
              en: Open-air display <script>alert('x')</script> & more
            notes: never printed

            """
        ),
        (
            "memorial-park/long-word.yml",
            """
            id: long-word
            title:
              kk: Қайың
              ru: Берёза
              en: Birch
            text:
              kk: Қаи\u{306}ың ағашы.
              ru: Достопримечательностеведение и\u{301} всё.
              en: Pneumonoultramicroscopicsilicovolcanoconiosis is a long word.

            """
        ),
        (
            "museum/held-back.yml",
            """
            id: held-back
            title:
              ru: Без казахского
              en: No Kazakh
            text:
              kk: ""
              ru: Текст.
              en: Text.

            """
        ),
    ]

    /// Writes the fixture into a fresh folder.
    static func make() throws -> TestCollection {
        try TestCollection(files: files, config: config)
    }
}
