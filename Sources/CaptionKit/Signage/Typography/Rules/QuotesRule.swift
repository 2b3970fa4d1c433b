/// Straight double quotes become the language's quotation marks, nested ones its inner marks;
/// in English straight single quotes become ‘…’ and other single quotes the apostrophe ’.
///
/// Each paragraph is read left to right with a stack of open quotations, so nesting works and
/// curly marks already in the text count: `«Роман "Мастер"»` gets „…“ inside, and so does a
/// quotation typed with guillemets inside guillemets (`«Роман «Мастер»»` → `«Роман „Мастер“»`;
/// kk `“…”`), unless the guillemets do not pair up. A straight `"`
/// opens a quotation after a space, a line start, a bracket, an opening quote or a dash, and
/// closes one otherwise; right after a closing mark of the language it closes, so in ru
/// `"Роман "Мастер""` the last `"` closes after `“` (an opening mark in English only). When a
/// paragraph's straight quotes do not pair up (a closing quote with nothing open, an opening
/// one never closed, a quote between spaces) the paragraph's quotes are left as typed rather
/// than guessed.
struct QuotesRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "quotes",
        languages: ["ru", "kk", "en"],
        summary: """
            ru: «…» with „…“ nested; kk: «…» with “…” nested; en: “…” with ‘…’ nested, and ’ for \
            apostrophes. Unpaired straight quotes are left as typed.
            """,
        examples: [
            TypographyExample("ru", "жён \"изменников Родины\"", "жён «изменников Родины»"),
            TypographyExample("ru", "\"Роман \"Мастер и Маргарита\" вышел\"", "«Роман „Мастер и Маргарита“ вышел»"),
            TypographyExample("ru", "«Роман \"Мастер\"»", "«Роман „Мастер“»"),
            TypographyExample("ru", "«Роман «Мастер и Маргарита» вышел»", "«Роман „Мастер и Маргарита“ вышел»"),
            TypographyExample("ru", "Он прочёл \"Роман \"Мастер\"\".", "Он прочёл «Роман „Мастер“»."),
            TypographyExample("ru", "Он сказал: \"Читай «Мастера»\".", "Он сказал: «Читай „Мастера“»."),
            TypographyExample("ru", "\"Роман „Мастер“\"", "«Роман „Мастер“»"),
            TypographyExample("ru", "лагерь «жён «изменников»»", "лагерь «жён „изменников“»"),
            TypographyExample("kk", "«Кітап «Абай жолы» туралы»", "«Кітап “Абай жолы” туралы»"),
            TypographyExample("kk", "«Кітап \"Абай жолы\" туралы»", "«Кітап “Абай жолы” туралы»"),
            TypographyExample("kk", "\"АЛЖИР\" мемориалдық кешені", "«АЛЖИР» мемориалдық кешені"),
            TypographyExample("kk", "\"Кітап \"Абай жолы\" туралы\"", "«Кітап “Абай жолы” туралы»"),
            TypographyExample("kk", "Ол: \"Оқы «Абай»\".", "Ол: «Оқы “Абай”»."),
            TypographyExample("kk", "Ол оқыды \"Кітап \"Абай\"\".", "Ол оқыды «Кітап “Абай”»."),
            TypographyExample("en", "wives of \"traitors\".", "wives of “traitors”."),
            TypographyExample("en", "\"the so-called 'Stalin wagon'\"", "“the so-called ‘Stalin wagon’”"),
            TypographyExample("en", "\"He said \"no\" twice\"", "“He said ‘no’ twice”"),
            TypographyExample("en", "He read \"the novel \"Master\"\".", "He read “the novel ‘Master’”."),
            TypographyExample("en", "the prisoners' belongings", "the prisoners’ belongings"),
            TypographyExample("en", "(\"Akmolinsk\")", "(“Akmolinsk”)"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "«изменников Родины»"),
            TypographyExample("ru", unchanged: "рост 5'"),
            TypographyExample("ru", unchanged: "один \" лишний"),
            TypographyExample("ru", unchanged: "\"незакрытая цитата"),
            TypographyExample("kk", unchanged: "«Кітап “Абай жолы” туралы»"),
            TypographyExample("kk", unchanged: "«Кітап «Абай жолы» туралы"),
            TypographyExample("ru", unchanged: "«Один» и «другой»"),
            TypographyExample("en", unchanged: "«guillemets» stay"),
            TypographyExample("en", unchanged: "“traitors”"),
            TypographyExample("en", unchanged: "5 feet 3\" tall"),
            TypographyExample("en", unchanged: "\"first\n\nsecond\""),
        ]
    )

    static let triggers: TypographyTriggers? = [.apostrophe, .doubleQuote, .guillemets]

    /// A language's quotation marks.
    struct Style<Unit: TypographyUnit> {
        var outerOpen: Unit
        var outerClose: Unit
        var innerOpen: Unit
        var innerClose: Unit
        /// Whether straight single quotes are quotation marks (English) or left alone.
        var convertsSingleQuotes: Bool
    }

    static func style<Unit: TypographyUnit>(for language: String) -> Style<Unit>? {
        switch Typography.primarySubtag(of: language) {
        case "ru": Style(outerOpen: "«", outerClose: "»", innerOpen: "„", innerClose: "“", convertsSingleQuotes: false)
        case "kk": Style(outerOpen: "«", outerClose: "»", innerOpen: "“", innerClose: "”", convertsSingleQuotes: false)
        case "en": Style(outerOpen: "“", outerClose: "”", innerOpen: "‘", innerClose: "’", convertsSingleQuotes: true)
        default: nil
        }
    }

    func apply(to text: String, language: String) -> String {
        // Fast path: a byte scan rules out most texts before the Character scan below.
        guard
            text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
                || Self.mayNestGuillemets(text.unicodeScalars)
        else { return text }
        guard let style: Style<Character> = Self.style(for: language),
            text.contains(where: { $0 == "\"" || $0 == "'" }) || Self.mayNestGuillemets(text.unicodeScalars)
        else {
            return text
        }
        return text.components(separatedBy: "\n\n").map { paragraph in
            convert(Array(paragraph), style: style).map(Character.string(of:)) ?? paragraph
        }.joined(separator: "\n\n")
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0 == "\"" || $0 == "'" }) || Self.mayNestGuillemets(scalars),
            let style: Style<Unicode.Scalar> = Self.style(for: language)
        else {
            return scalars
        }
        // The paragraphs as `components(separatedBy: "\n\n")` finds them, each converted.
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var start = 0
        var index = 0
        while index <= scalars.count {
            let atBreak = index + 1 < scalars.count && scalars[index] == "\n" && scalars[index + 1] == "\n"
            guard atBreak || index == scalars.count else {
                index = Unicode.Scalar.index(of: "\n", in: scalars, from: index + 1)  // a break starts at a line feed
                continue
            }
            let paragraph = Array(scalars[start..<index])
            result.append(contentsOf: convert(paragraph, style: style) ?? paragraph)
            if atBreak { result.append(contentsOf: ["\n", "\n"]) }
            index += 2
            start = index
        }
        return result
    }

    /// Whether the text has two opening guillemets, so one may be typed inside another.
    static func mayNestGuillemets(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var count = 0
        for scalar in scalars where scalar == "«" {
            count += 1
            if count == 2 { return true }
        }
        return false
    }

    /// An open quotation: the mark that closes it, whether it came from a straight quote, and
    /// whether it was typed as a guillemet inside another and made the inner mark.
    private struct Open<Unit: TypographyUnit> {
        var close: Unit
        var isSingle: Bool
        var fromStraight: Bool
        var retyped = false
    }

    /// Converts the characters of one paragraph, or returns `nil` when its straight quotes do
    /// not pair up.
    private func convert<Unit: TypographyUnit>(_ paragraph: [Unit], style: Style<Unit>) -> [Unit]? {
        var characters = paragraph
        var stack: [Open<Unit>] = []
        var retypedAny = false
        for index in characters.indices {
            let character = characters[index]
            // Every mark the switch below acts on is one of these scalars and the whole character
            // (none composes or decomposes): other characters, nearly all, are passed over at once.
            switch character.firstScalar.value {
            case 0x22, 0x27, 0xAB, 0xBB, 0x2018...0x201E: break
            default: continue
            }
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            // Asked only of quotation marks (most characters are none). A closing mark of the
            // language is no opener here, though another language opens with it (ru “, en “…”).
            func isOpener(_ unit: Unit) -> Bool {
                TypographyCharacter.isOpener(unit) && unit != style.innerClose && unit != style.outerClose
            }
            func opensHere() -> Bool {
                (before.map { $0.isWhitespace || isOpener($0) } ?? true) && !TypographyCharacter.isSpaceOrEdge(after)
            }
            func closesHere() -> Bool {
                before.map { !$0.isWhitespace && !isOpener($0) } ?? false
            }
            switch character {
            case "\"":
                if opensHere() {
                    let nested = !stack.isEmpty
                    characters[index] = nested ? style.innerOpen : style.outerOpen
                    stack.append(
                        Open(close: nested ? style.innerClose : style.outerClose, isSingle: false, fromStraight: true))
                } else if closesHere(), let top = stack.last, !top.isSingle {
                    characters[index] = top.close
                    stack.removeLast()
                } else {
                    return nil
                }
            case "'" where style.convertsSingleQuotes:
                if opensHere(), !isElision(characters, at: index) {
                    characters[index] = "‘"
                    stack.append(Open(close: "’", isSingle: true, fromStraight: true))
                } else {
                    if closesHere(), stack.last?.isSingle == true { stack.removeLast() }
                    characters[index] = "’"
                }
            case style.outerOpen where style.outerOpen == "«" && !stack.isEmpty:
                // A guillemet inside a quotation is an inner quotation typed with the outer marks.
                characters[index] = style.innerOpen
                stack.append(Open(close: style.innerClose, isSingle: false, fromStraight: false, retyped: true))
                retypedAny = true
            case style.outerOpen:
                stack.append(Open(close: style.outerClose, isSingle: false, fromStraight: false))
            case style.outerClose where stack.last?.retyped == true:
                characters[index] = style.innerClose
                stack.removeLast()
            case style.innerOpen where style.innerOpen != "‘":
                stack.append(Open(close: style.innerClose, isSingle: false, fromStraight: false))
            case "‘" where style.convertsSingleQuotes:
                stack.append(Open(close: "’", isSingle: true, fromStraight: false))
            case "’" where style.convertsSingleQuotes:
                if closesHere(), stack.last?.isSingle == true, !TypographyCharacter.isLetter(after) {
                    stack.removeLast()
                }
            case style.outerClose, style.innerClose:
                if let top = stack.last, top.close == character { stack.removeLast() }
            default:
                continue
            }
        }
        if stack.contains(where: \.fromStraight) || (retypedAny && !stack.isEmpty) { return nil }
        return characters
    }

    /// Whether the `'` at `index` elides digits (`'90s`), which takes an apostrophe, not a quote.
    private func isElision<Unit: TypographyUnit>(_ characters: [Unit], at index: Int) -> Bool {
        index + 2 < characters.count && TypographyCharacter.isDigit(characters[index + 1])
            && TypographyCharacter.isDigit(characters[index + 2])
    }
}
