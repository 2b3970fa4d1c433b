/// Initials stay with each other and with the surname that follows: `А. С. Пушкин` →
/// `А. С. Пушкин` with no-break spaces.
///
/// An initial is one capital letter and a full stop, not preceded by a letter (so `СССР. Затем`
/// is not an initial). The rule fires only when the initials are followed by a capitalised word
/// (capital then lowercase letter). A surname typed straight after the last initial's full stop
/// gets its space, a no-break one (`М.Тухачевский` → `М. Тухачевский`). A sentence ending in a
/// one-letter capital (`пункт Б. Потом`) is glued too; that costs at most a line break in an odd
/// place.
struct InitialsRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
        id: "initials",
        languages: ["ru", "kk", "en"],
        summary: """
            No-break spaces between initials and the surname: А. С. Пушкин, A. S. Pushkin; a missing space \
            before the surname is added (М.Тухачевский → М. Тухачевский).
            """,
        examples: [
            TypographyExample("ru", "поэт А. С. Пушкин", "поэт А.\u{A0}С.\u{A0}Пушкин"),
            TypographyExample("ru", "М. Тухачевский", "М.\u{A0}Тухачевский"),
            TypographyExample("kk", "Ә.Н. Бөкейханов", "Ә.Н.\u{A0}Бөкейханов"),
            TypographyExample("ru", "маршал М.Тухачевский", "маршал М.\u{A0}Тухачевский"),
            TypographyExample("ru", "поэт А.С.Пушкин", "поэт А.С.\u{A0}Пушкин"),
            TypographyExample("kk", "Т.Рысқұлов атындағы", "Т.\u{A0}Рысқұлов атындағы"),
            TypographyExample("en", "the poet A. S. Pushkin", "the poet A.\u{A0}S.\u{A0}Pushkin"),
            TypographyExample("en", "Marshal M.Tukhachevsky", "Marshal M.\u{A0}Tukhachevsky"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "в СССР. Затем"),
            TypographyExample("ru", unchanged: "А. С. ПУШКИН"),
            TypographyExample("ru", unchanged: "А.\u{A0}С.\u{A0}Пушкин"),
            TypographyExample("ru", unchanged: "буква А.\nДалее"),
            TypographyExample("ru", unchanged: "в США.Затем"),
            TypographyExample("kk", unchanged: "г.Астана"),
            TypographyExample("en", unchanged: "the U.S.A. and"),
            TypographyExample("en", unchanged: "A. S. PUSHKIN"),
        ]
    )

    static let triggers: TypographyTriggers? = [.fullStop]

    func apply(to text: String, language: String) -> String {
        // Fast path: an initial needs a full stop.
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        return Character.string(of: apply(to: Array(text)))
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        apply(to: scalars)
    }

    /// The rule on the characters of a text.
    func apply<Unit: TypographyUnit>(to characters: [Unit]) -> [Unit] {
        var characters = withSpaceBeforeSurnames(characters)
        var index = 0
        while index < characters.count {
            // Initials start only before a full stop (the first thing ``initialsSpaces`` asks):
            // other places are passed over without the call, up to the next full stop.
            guard index + 1 < characters.count, characters[index + 1] == "." else {
                index = max(index + 1, Unit.index(of: ".", in: characters, from: index + 2) - 1)
                continue
            }
            if let spaces = initialsSpaces(in: characters, at: index) {
                for space in spaces { characters[space] = .noBreakSpace }
                index = (spaces.last ?? index) + 1
            } else {
                index += 1
            }
        }
        return characters
    }

    /// `characters` with a no-break space after each initial that a surname follows with no
    /// space (`М.Тухачевский`).
    private func withSpaceBeforeSurnames<Unit: TypographyUnit>(_ characters: [Unit]) -> [Unit] {
        // A scan of the full stops first: most texts have no capital right after one.
        var stop = Unit.index(of: ".", in: characters, from: 0)
        while stop + 1 < characters.count, !characters[stop + 1].isUppercase {
            stop = Unit.index(of: ".", in: characters, from: stop + 1)
        }
        guard stop + 1 < characters.count else { return characters }
        // The initial is just before a full stop: only those indices are asked.
        return characters.replacingMatches(
            candidate: { characters, from in characters.index(before: ".", from: from) },
            { characters, index in
                guard index + 1 < characters.count, characters[index + 1] == ".",
                    index == 0 || !characters[index - 1].isLetter, isInitial(characters, at: index),
                    isSurnameStart(characters, at: index + 2)
                else { return nil }
                return ([characters[index], ".", .noBreakSpace], index + 2)
            })
    }

    /// The indices of the spaces to replace when initials followed by a surname start at `start`.
    private func initialsSpaces<Unit: TypographyUnit>(in characters: [Unit], at start: Int) -> [Int]? {
        // The full stop first: it rules out most places at once (``isInitial(_:at:)`` wants it).
        guard start + 1 < characters.count, characters[start + 1] == "." else { return nil }
        guard start == 0 || !characters[start - 1].isLetter else { return nil }
        var spaces: [Int] = []
        var index = start
        while true {
            guard isInitial(characters, at: index) else { return nil }
            index += 2
            if index < characters.count, isSpace(characters[index]) {
                if isInitial(characters, at: index + 1) {
                    spaces.append(index)
                    index += 1
                    continue
                }
                if isSurnameStart(characters, at: index + 1) {
                    spaces.append(index)
                    return spaces.contains(where: { characters[$0] == " " }) ? spaces : nil
                }
                return nil
            }
            if isInitial(characters, at: index) { continue }  // `А.С.` written without a space
            return nil
        }
    }

    private func isSpace<Unit: TypographyUnit>(_ character: Unit) -> Bool {
        character == " " || character == .noBreakSpace
    }

    /// A capital letter followed by a full stop, the stop not followed by a letter.
    private func isInitial<Unit: TypographyUnit>(_ characters: [Unit], at index: Int) -> Bool {
        index + 1 < characters.count && characters[index].isUppercase && characters[index].isLetter
            && characters[index + 1] == "."
            && !(index + 2 < characters.count && characters[index + 2].isLetter && characters[index + 2].isLowercase)
    }

    /// A capital letter followed by a lowercase letter.
    private func isSurnameStart<Unit: TypographyUnit>(_ characters: [Unit], at index: Int) -> Bool {
        index + 1 < characters.count && characters[index].isUppercase && characters[index + 1].isLowercase
    }
}
