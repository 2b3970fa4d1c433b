/// Splits a text into the tokens a word diff compares: words, single punctuation marks and
/// runs of white space, in order, so that joining them gives the text back.
///
/// A word is a run of letters, digits and combining marks (Cyrillic Kazakh and Russian letters
/// included), joined across a hyphen or an apostrophe between two letters or digits
/// (`ұлт-азаттық`, `Қ'ұрт`) and, between digits, across `.` `,` or a no-break or narrow no-break
/// space (`1,5`, `18 000`), or a plain space followed by exactly three digits (`18 000`).
/// Quotes (`«` `»` `„` `“`), dashes and other punctuation are tokens of their own.
enum WordDiffTokens {
    /// The tokens of `text`.
    static func of(_ text: String) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                var end = index + 1
                while end < characters.count, characters[end].isWhitespace { end += 1 }
                tokens.append(String(characters[index..<end]))
                index = end
            } else if isWordCharacter(character) {
                var end = index + 1
                while end < characters.count {
                    if isWordCharacter(characters[end]) {
                        end += 1
                    } else if joinsWord(characters, at: end) {
                        end += 2
                    } else {
                        break
                    }
                }
                tokens.append(String(characters[index..<end]))
                index = end
            } else {
                tokens.append(String(character))
                index += 1
            }
        }
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character.unicodeScalars.first?.properties.isAlphabetic == true
    }

    /// Whether the separator at `index` joins the word before it with the word character after it.
    private static func joinsWord(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, index > 0, isWordCharacter(characters[index + 1]) else { return false }
        let before = characters[index - 1]
        let after = characters[index + 1]
        switch characters[index] {
        case "-", "\u{2011}", "'", "\u{2019}":
            return true
        case ".", ",", "\u{A0}", "\u{202F}":
            return before.isNumber && after.isNumber
        case " ":
            // Thousands written with a plain space: exactly three digits follow.
            guard before.isNumber else { return false }
            var count = 0
            var next = index + 1
            while next < characters.count, characters[next].isNumber {
                count += 1
                next += 1
            }
            return count == 3 && (next == characters.count || !isWordCharacter(characters[next]))
        default:
            return false
        }
    }
}
