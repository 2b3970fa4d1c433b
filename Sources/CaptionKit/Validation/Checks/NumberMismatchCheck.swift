/// A translation whose numbers, years or ranges differ from the source's.
///
/// Findings point at the translation's value and list the missing and extra numbers (see
/// ``CaptionText`` for why they do not point inside the text).
struct NumberMismatchCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "number-mismatch",
        name: "Number Mismatch",
        rationale: """
            A wrong year or figure on a memorial sign is a factual error that visitors quote and photograph. \
            Every number, year and range in the source text must appear in each translation, and no other. \
            Digits grouped with spaces or no-break spaces count as one number (10 000), a range counts as both \
            of its years (1938–1953), and an abbreviated range counts as the years it stands for (1937–38 = \
            1937–1938, the 1930s–40s = 1930s–1940s), a word for thousands, millions or billions multiplies the \
            number before it (8 тысяч = 8 мың = 8,000 = 8 thousand, 1,5 млн = 1.5 million), and both numbers of \
            a range before it (3–4 тыс. = 3,000–4,000), decimals may use a comma or a point, a Roman numeral \
            counts as its value (XIX век = XIX ғасыр = 19th century), a single letter or one with L, C, D or M \
            where it dates: before a word for century or millennium or in a range (X–XII века = 10th–12th \
            centuries, В I тысячелетии = in the 1st millennium; not the pronoun I, nor Vitamin C), also when \
            typed with the Cyrillic letters Х and І (ХХ век, ХІХ ғасыр), a year with a Kazakh suffix counts as the year \
            (1937 жылы, 1937-жылы), a day next to a month name counts the month too (5 августа 1937 = \
            1937 жылғы 5 тамызда = 1937 жылғы тамыздың 5-і = 5 August 1937 = the 5th of August 1937 = \
            05.08.1937), a decade with its century counts as the year it starts (30-е годы XX века = \
            XX ғасырдың 30-жылдары = the 1930s) and one without its century equals that decade in any century \
            (30-е годы = 30-жылдары = the '30s = the 1930s, but not the 1940s). The finding points at the \
            translation and lists what is missing and what is extra.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: arrival
                text:
                  kk: 1937 жылы алғашқы эшелон келді.
                  ru: Первый эшелон прибыл в 1937 году.
                  en: The first train arrived in 1937.
                """),
            CheckExample(
                """
                id: camp
                text:
                  kk: 1938–1953 жылдары лагерь арқылы 18 000-нан астам әйел өтті.
                  ru: В 1938–1953 годах через лагерь прошли более 18 000 женщин.
                  en: Between 1938 and 1953 more than 18,000 women passed through the camp.
                """),
            CheckExample(
                """
                id: mail-shirt
                title:
                  kk: XIX ғасырдың сауыты, 1837-жылы
                  ru: Кольчуга XIX века, 1837 год
                  en: A 19th-century mail shirt, 1837
                """),
            CheckExample(
                """
                id: gramophone
                title:
                  kk: ХХ ғасырдың басындағы граммофон
                  ru: Граммофон начала ХХ века
                  en: An early 20th-century gramophone
                """),
            CheckExample(
                """
                id: first-train
                title:
                  kk: Алғашқы эшелон, 05.08.1937
                  ru: Первый эшелон, 5 августа 1937 года
                  en: The first train, August 5, 1937
                text:
                  kk: Лагерь XX ғасырдың 30-жылдары салынды.
                  ru: Лагерь построен в 30-е годы XX века.
                  en: The camp was built in the 1930s.
                """),
            CheckExample(
                """
                id: camp-built
                text:
                  kk: Лагерь 30-жылдары салынды, алғашқы эшелон тамыздың 5-інде келді.
                  ru: Лагерь построен в 30-е годы, первый эшелон прибыл 5 августа.
                  en: The camp was built in the 1930s; the first train arrived on the 5th of August.
                """),
            CheckExample(
                """
                id: purge
                text:
                  kk: 1937–38 жылдары лагерьге 18 мыңнан астам әйел әкелінді.
                  ru: В 1937–1938 годах в лагерь привезли более 18 тысяч женщин.
                  en: In 1937–38 more than 18,000 women were brought to the camp.
                """),
            CheckExample(
                """
                id: bronze-dagger
                title:
                  kk: Қола қанжар, б.з.д. XII–X ғасырлар
                  ru: Бронзовый кинжал, XII–X вв. до н. э.
                  en: A bronze dagger, 12th–10th centuries BC
                text:
                  kk: V–VI ғасырларда қорған 3–4 мың жыл бұрынғы қабірдің үстіне салынды.
                  ru: В V–VI веках курган насыпали над могилой, которой было 3–4 тыс. лет.
                  en: In the 5th–6th centuries the mound was raised over a grave 3,000–4,000 years old.
                """),
            CheckExample(
                """
                id: ration
                text:
                  kk: Күніне 0,5 кг нан берілді.
                  ru: В день выдавали 0,5 кг хлеба.
                  en: I was given 0.5 kg of bread a day.
                """),
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: camp
                text:
                  kk: 1938–1953 жылдары лагерь жұмыс істеді.
                  ru: Лагерь действовал в 1938–1953 годах.
                  en: ↓The camp operated from 1938 to 1935.
                """),
            CheckExample(
                """
                id: prisoners
                text:
                  kk: ↓|
                    Лагерьде 8 000 әйел болды.
                  ru: |
                    В лагере было 18 000 женщин.
                  en: |
                    There were 18 000 women in the camp.
                """),
            CheckExample(
                """
                id: purge
                text:
                  kk: 1941–45 жылдары лагерьде 8 мыңнан астам әйел болды.
                  ru: В 1941–1945 годах в лагере было более 8 тысяч женщин.
                  en: ↓In 1941–45 there were more than 18 thousand women in the camp.
                """),
            CheckExample(
                """
                id: mail-shirt
                title:
                  kk: ↓XVIII ғасырдың сауыты
                  ru: Кольчуга XIX века
                  en: A 19th-century mail shirt
                """),
            CheckExample(
                """
                id: first-train
                title:
                  kk: Алғашқы эшелон, 1937 жылғы 5 тамыз
                  ru: Первый эшелон, 05.08.1937
                  en: ↓The first train, 5 September 1937
                """),
            CheckExample(
                """
                id: camp-built
                text:
                  kk: Лагерь 30-жылдары салынды, алғашқы эшелон тамыздың 5-інде келді.
                  ru: Лагерь построен в 30-е годы, первый эшелон прибыл 5 августа.
                  en: ↓The camp was built in the 1940s; the first train arrived on the 6th of August.
                """),
            CheckExample(
                """
                id: bronze-dagger
                title:
                  kk: Қола қанжар, б.з.д. XII–X ғасырлар
                  ru: Бронзовый кинжал, XII–X вв. до н. э.
                  en: ↓A bronze dagger, 12th–11th centuries BC
                """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard let source = text.source else { return nil }
            let expected = source.analysis.numbers
            let found = text.analysis.numbers
            let missing = TextWords.distinct(expected) { number in
                !found.contains { NumberExtraction.sameNumber(number, $0) }
            }
            let extra = TextWords.distinct(found) { number in
                !expected.contains { NumberExtraction.sameNumber(number, $0) }
            }
            guard !missing.isEmpty || !extra.isEmpty else { return nil }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("extra \(extra.joined(separator: ", "))") }
            return
                """
                \(text.label) has other numbers than the \(Language.displayName(source.language)) source: \
                \(parts.joined(separator: "; "))
                """
        }
    }
}
