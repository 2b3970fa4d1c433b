/// Splits a caption text into sentences, the way a reader of Kazakh, Russian or English does.
///
/// A sentence ends at a full stop, ellipsis (`…` or `...`), question or exclamation mark, with
/// the closing quotes and brackets after it (`«…».`, `«Иди.»`), when a space and then a capital
/// letter or a digit follow (through opening quotes and brackets), and at a blank line between
/// paragraphs. So a mark followed by a lowercase word (`т. е. так`, `Why? because`), a dash
/// (`«Куда?» — спросила она`) or no space (`3.5`, `М.Тухачевский`) ends nothing. A full stop
/// does not end a sentence after:
/// - initials before a name (`А. С. Пушкин`, `A. S. Pushkin`): one capital letter and a full
///   stop followed by a capitalised word or another initial (as ``InitialsRule`` reads them; a
///   sentence ending in a one-letter capital, `пункт Б. Потом`, is read as initials too);
/// - abbreviations written before a word (``beforeWord``, and `т. е.`, `e. g.` and the others of
///   ``AbbreviationRule/abbreviations`` that ``phraseEnding`` leaves out): `см. Рис. 3`,
///   `Mr. Smith`, `St. Petersburg`, `г. Акмола`;
/// - units written after a number (``afterNumber`` and the units of ``NumberUnitRule`` that take
///   a full stop: `1937 г.`, `XX в.`, `5 тыс.`) unless a capital letter follows; after any other
///   word they are abbreviations written before a word (`г. Акмола`).
///
/// `и т. д.`, `и т. п.`, `т. б.`, `etc.` (``phraseEnding``) end a sentence when a capital or a
/// digit follows, like any other word.
enum SentenceSplitter {
    /// Abbreviations, besides those of ``AbbreviationRule`` and ``NumberUnitRule``, that are
    /// written before a word and never end a sentence, by language.
    static let beforeWord: [String: [String]] = [
        "ru": [
            "см.", "ср.", "им.", "ул.", "пр.", "просп.", "пл.", "обл.", "р.", "с.", "пос.", "стр.", "рис.", "напр.",
            "проф.", "акад.", "ген.", "тов.", "св.", "гр.", "ок.",
        ],
        "kk": ["қ.", "обл.", "ауд.", "көш.", "с.", "мыс.", "қар.", "проф.", "акад.", "ген."],
        "en": [
            "mr.", "mrs.", "ms.", "dr.", "st.", "prof.", "gen.", "col.", "lt.", "capt.", "sgt.", "vs.", "approx.",
            "c.", "ca.", "cf.", "fig.", "p.", "pp.", "vol.",
        ],
    ]

    /// Abbreviations, besides the units of ``NumberUnitRule``, written after a number, by language.
    static let afterNumber: [String: [String]] = [
        "ru": ["в.", "вв.", "млн.", "млрд."],
        "kk": ["жж.", "ғ.", "ғғ."],
        "en": [],
    ]

    /// Abbreviations that end a phrase and may end a sentence (`… и т. д. Потом`).
    static let phraseEnding: [String: [String]] = [
        "ru": ["т. д.", "т. п.", "др.", "н. э."],
        "kk": ["т. б.", "т. с. с.", "т.б.", "ж.с.с."],
        "en": ["etc."],
    ]

    /// How a full stop after an abbreviation is read.
    enum AbbreviationKind {
        case beforeWord, afterNumber, phraseEnding
    }

    /// One language's abbreviations, written without spaces and lowercased (`т.е.`), longest first.
    static let abbreviations: [String: [(abbreviation: [Unicode.Scalar], kind: AbbreviationKind)]] = {
        var result: [String: [(abbreviation: [Unicode.Scalar], kind: AbbreviationKind)]] = [:]
        for language in ["ru", "kk", "en"] {
            func compact(_ abbreviation: String) -> [Unicode.Scalar] {
                Array(abbreviation.lowercased().unicodeScalars.filter { $0 != " " })
            }
            let phrase = Set((phraseEnding[language] ?? []).map(compact))
            var list: [([Unicode.Scalar], AbbreviationKind)] = []
            for abbreviation in AbbreviationRule.abbreviations[language] ?? [] {
                let written = compact(abbreviation)
                list.append((written, phrase.contains(written) ? .phraseEnding : .beforeWord))
            }
            for unit in (NumberUnitRule.units[language] ?? []) + (afterNumber[language] ?? []) where unit.hasSuffix(".")
            {
                list.append((compact(unit), .afterNumber))
            }
            list += (beforeWord[language] ?? []).map { (compact($0), .beforeWord) }
            list += phrase.map { ($0, .phraseEnding) }
            var seen = Set<[Unicode.Scalar]>()
            result[language] = list.filter { seen.insert($0.0).inserted }.sorted { $0.0.count > $1.0.count }.map {
                (abbreviation: $0.0, kind: $0.1)
            }
        }
        return result
    }()

    /// The sentences of `text`, written in `language`: each from its first character that is not a
    /// space to the end of its closing marks, as offsets in Unicode scalars.
    static func sentences(in text: String, language: String) -> [Range<Int>] {
        sentences(in: Array(text.unicodeScalars), language: language)
    }

    /// ``sentences(in:language:)`` of a text's scalars.
    static func sentences(in scalars: [Unicode.Scalar], language: String) -> [Range<Int>] {
        let abbreviations = Self.abbreviations[Typography.primarySubtag(of: language)] ?? []
        var sentences: [Range<Int>] = []
        var start: Int?
        /// Ends the sentence that started at `start` before `end`, trailing spaces left out.
        func close(at end: Int) {
            guard let first = start else { return }
            var last = end
            while last > first, isSpace(scalars[last - 1]) { last -= 1 }
            if last > first { sentences.append(first..<last) }
            start = nil
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if start == nil {
                guard !isSpace(scalar) else {
                    index += 1
                    continue
                }
                start = index
            }
            if scalar == "\n" {
                var next = index + 1
                while next < scalars.count, scalars[next] != "\n", isSpace(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next] == "\n" {
                    close(at: index)
                    index = next
                    continue
                }
                index += 1
                continue
            }
            guard isTerminator(scalar) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count,
                isTerminator(scalars[end]) || SentenceEnding.closers.contains(Character(scalars[end]))
            {
                end += 1
            }
            if end == scalars.count
                || (isSpace(scalars[end]) && endsSentence(scalars, markAt: index, marksEnd: end, abbreviations))
            {
                close(at: end)
            }
            index = end
        }
        close(at: scalars.count)
        return sentences
    }

    /// The first `count` words of `sentence` (offsets in ``sentences(in:language:)``) of `text`,
    /// on one line, with `…` when more follow: how a message names a sentence.
    static func opening(of sentence: Range<Int>, in text: String, words count: Int = 5) -> String {
        var result = String.UnicodeScalarView()
        var words = 0
        var inWord = false
        var pendingSpace = false
        for scalar in text.unicodeScalars.dropFirst(sentence.lowerBound).prefix(sentence.count) {
            let isWordScalar =
                CompletenessSummary.isWordCharacter(scalar)
                || (inWord && (scalar == "-" || scalar == "'" || scalar == "’" || scalar == "\u{301}"))
            if isWordScalar && !inWord {
                words += 1
                if words > count { return String(result) + "…" }
            }
            inWord = isWordScalar
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether the marks from `markAt` to `marksEnd` (followed by a space) end a sentence.
    private static func endsSentence(
        _ scalars: [Unicode.Scalar], markAt mark: Int, marksEnd end: Int,
        _ abbreviations: [(abbreviation: [Unicode.Scalar], kind: AbbreviationKind)]
    ) -> Bool {
        var next = end
        while next < scalars.count, isSpace(scalars[next]) { next += 1 }
        while next < scalars.count, openers.contains(scalars[next]) { next += 1 }
        guard next < scalars.count else { return true }
        let first = scalars[next]
        let isCapital = first.properties.isUppercase
        guard isCapital || isDigit(first) else { return false }
        // Only a lone full stop straight after a word may belong to initials or an abbreviation.
        guard end == mark + 1, scalars[mark] == ".", mark > 0, scalars[mark - 1].properties.isAlphabetic else {
            return true
        }
        let (kind, index) = abbreviation(endingAt: mark, in: scalars, abbreviations)
        switch kind {
        case .beforeWord?: return false
        case .phraseEnding?: return true
        case .afterNumber?: return isCapital && followsNumber(scalars, before: index + 1)
        case nil: break
        }
        // Initials: one capital letter before the full stop (not after another letter), and a
        // capitalised word or another initial after it.
        let isInitial =
            scalars[mark - 1].properties.isUppercase && (mark < 2 || !scalars[mark - 2].properties.isAlphabetic)
        if isInitial, isCapital, next + 1 < scalars.count,
            scalars[next + 1].properties.isLowercase || scalars[next + 1] == "."
        {
            return false
        }
        return true
    }

    /// The kind of the abbreviation of `abbreviations` that the full stop at `mark` (straight
    /// after a letter) ends, as a whole word with the parts before it (`и т. д.`, not `Иванов.`),
    /// or `nil`; and the index of the scalar before that word (-1 at the start). In any case
    /// (`См. рис.`, `Mr.`), or with `matchingCase` only in the lowercase the lists have (`c.`,
    /// not the `C.` of `Plan C.`).
    private static func abbreviation(
        endingAt mark: Int, in scalars: [Unicode.Scalar],
        _ abbreviations: [(abbreviation: [Unicode.Scalar], kind: AbbreviationKind)], matchingCase: Bool = false
    ) -> (kind: AbbreviationKind?, before: Int) {
        // The word before the full stop with the parts before it (`т. д`, `А.С`), spaces removed.
        var word: [Unicode.Scalar] = ["."]
        var index = mark - 1
        while index >= 0 {
            let scalar = scalars[index]
            if scalar.properties.isAlphabetic || scalar == "." {
                word.append(scalar)
            } else if !(isSpace(scalar) && scalar != "\n" && index > 0 && scalars[index - 1] == ".") {
                break
            }
            index -= 1
        }
        word.reverse()
        let lowered = matchingCase ? word : word.flatMap { $0.properties.lowercaseMapping.unicodeScalars }
        for (abbreviation, kind) in abbreviations
        where lowered.count >= abbreviation.count && lowered.suffix(abbreviation.count).elementsEqual(abbreviation)
            && (lowered.count == abbreviation.count || lowered[lowered.count - abbreviation.count - 1] == ".")
        {
            return (kind, index)
        }
        return (nil, index)
    }

    /// Whether the full stop that ends `text` (through trailing spaces and closing quotes and
    /// brackets, as ``SentenceEnding`` reads it) ends one of the abbreviations of `language`
    /// (`1952 г.`, `XX в.`, `и т. д.`, `etc.`, `c.`): such a full stop need not end a sentence.
    /// At the end of a text the abbreviation must be written in lowercase, as listed: a capital
    /// there is a word of its own (`Plan C.`, `Блок Г.`), whose full stop ends the sentence.
    static func endsWithAbbreviation(_ text: String, language: String) -> Bool {
        let abbreviations = Self.abbreviations[Typography.primarySubtag(of: language)] ?? []
        guard !abbreviations.isEmpty, lastWordMayBeAbbreviated(text) else { return false }
        // The end of the text is enough: no abbreviation with its parts is this long, and a word
        // that reaches the start of a cut text is longer than any.
        let all = text.unicodeScalars
        let start = all.index(all.endIndex, offsetBy: -64, limitedBy: all.startIndex) ?? all.startIndex
        let scalars = Array(all[start...])
        var mark = scalars.count - 1
        while mark >= 0, isSpace(scalars[mark]) || SentenceEnding.closers.contains(Character(scalars[mark])) {
            mark -= 1
        }
        guard mark > 0, scalars[mark] == ".", scalars[mark - 1].properties.isAlphabetic else { return false }
        let (kind, before) = abbreviation(endingAt: mark, in: scalars, abbreviations, matchingCase: true)
        return kind != nil && (before >= 0 || start == all.startIndex)
    }

    /// Whether the word before `index` (spaces between) is a number: digits or a Roman numeral.
    private static func followsNumber(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var end = index
        while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > 0, !isSpace(scalars[start - 1]) { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<end]))
        return (!word.isEmpty && word.unicodeScalars.allSatisfy(isDigit)) || RomanNumeral.value(of: word) != nil
    }

    /// Opening quotes and brackets looked through for the next sentence's first letter.
    private static let openers: Set<Unicode.Scalar> = ["«", "„", "“", "\"", "'", "‘", "(", "["]

    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Whether `text` ends (through trailing spaces and closing marks) in a full stop after a run
    /// of letters no longer than any abbreviation has (``longestLetterRun``): what
    /// ``endsWithAbbreviation(_:language:)`` needs before it looks closer. Most texts end in a
    /// longer word, and are decided here from their last scalars.
    private static func lastWordMayBeAbbreviated(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        var last = scalars.next()
        while let scalar = last, isSpace(scalar) || SentenceEnding.closers.contains(Character(scalar)) {
            last = scalars.next()
        }
        guard last == "." else { return false }
        var letters = 0
        while let scalar = scalars.next(), scalar.properties.isAlphabetic {
            letters += 1
            if letters > longestLetterRun { return false }
        }
        return letters > 0
    }

    /// The most letters in a row in any abbreviation of ``abbreviations``: a word longer than
    /// this before a full stop ends no abbreviation.
    static let longestLetterRun: Int =
        abbreviations.values.joined().map { entry in
            var longest = 0
            var run = 0
            for scalar in entry.abbreviation {
                run = scalar.properties.isAlphabetic ? run + 1 : 0
                longest = max(longest, run)
            }
            return longest
        }.max() ?? 0

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: a Unicode property look-up for every scalar would dominate the split.
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
