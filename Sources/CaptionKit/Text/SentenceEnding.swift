/// How a text ends, looking through trailing spaces and closing quotes and brackets: a
/// sentence's full stop (or ellipsis), question mark, exclamation mark, or none of them; read
/// in a language, also the full stop of an abbreviation (`1952 г.`, `etc.`), which may or may
/// not end a sentence. What `punctuation-mismatch` compares between a translation and its source.
enum SentenceEnding: Equatable {
    case none, period, question, exclamation, abbreviation

    /// Closing marks looked through when finding a text's ending.
    static let closers: Set<Character> = [")", "]", "»", "”", "“", "\"", "’", "'"]

    /// The ending of `text` and the mark that makes it.
    static func of(_ text: String) -> (ending: SentenceEnding, mark: Character?) {
        // The last characters of nearly every text are single scalars that no neighbour joins
        // (see `CharacterCount.isAlone`); reading them as scalars skips grapheme breaking.
        let scalars = text.unicodeScalars
        var index = scalars.endIndex
        while index > scalars.startIndex {
            let start = scalars.index(before: index)
            let scalar = scalars[start]
            // Two such scalars side by side are two characters, so with the one before it (if
            // any) of the same kind, this scalar is the whole character that ends at `index`.
            guard CharacterCount.isAlone(scalar),
                start == scalars.startIndex || CharacterCount.isAlone(scalars[scalars.index(before: start)])
            else { return byCharacters(of: text[..<index]) }
            let character = Character(scalar)
            if character.isWhitespace || closers.contains(character) {
                index = start
                continue
            }
            return ending(character)
        }
        return (.none, nil)
    }

    /// ``of(_:)`` of a text in `language`, with ``abbreviation`` for a final full stop that ends
    /// one of the language's abbreviations (``SentenceSplitter/endsWithAbbreviation(_:language:)``).
    static func of(_ text: String, language: String) -> (ending: SentenceEnding, mark: Character?) {
        let ending = of(text)
        guard ending.mark == ".", SentenceSplitter.endsWithAbbreviation(text, language: language) else {
            return ending
        }
        return (.abbreviation, ".")
    }

    /// ``of(_:)`` character by character: the definition, and the only way to read a text that
    /// ends in characters of several scalars (``of(_:)`` hands such text over to it).
    static func byCharacters(of text: Substring) -> (ending: SentenceEnding, mark: Character?) {
        for character in text.reversed() where !character.isWhitespace && !closers.contains(character) {
            return ending(character)
        }
        return (.none, nil)
    }

    /// The ending made by a text's last character that is neither a space nor a closing mark.
    private static func ending(_ character: Character) -> (ending: SentenceEnding, mark: Character?) {
        switch character {
        case ".", "…": return (.period, character)
        case "?": return (.question, character)
        case "!": return (.exclamation, character)
        default: return (.none, nil)
        }
    }
}
