/// Finds the numbers of a caption text, so that a translation can be compared with its source.
///
/// What counts as a number, and its normalized form:
/// - a run of digits; leading zeros are dropped (`05` → `5`);
/// - digits grouped in threes by spaces, no-break spaces, thin spaces or (in English) commas
///   count as one number (`10 000`, `10 000`, `10,000` → `10000`);
/// - a decimal with `,` or `.` (`3,5`, `3.5` → `3.5`); several dots or commas (`05.03.1953`)
///   give one number per group (`5`, `3`, `1953`);
/// - a range (`1938–1953`, `1938-1953`) gives both numbers; a sign is ignored;
/// - digits glued to letters give the digits: `1937-жылы`, `1937 жылы`, `19th`, `1930s`,
///   `XX-ғасыр`;
/// - an uppercase Roman numeral of I, V and X from 1 to 39 gives its value (`XIX` → `19`); a
///   single-letter numeral (`I`, `V`, `X`) counts only before a century word (`в.`, `век`,
///   `ғасыр`, `ғ.`, `century`), so the English pronoun `I` is not a number.
public enum NumberExtraction {
    /// The normalized numbers of `text`, in order of appearance (repeats kept).
    ///
    /// - Parameters:
    ///   - text: The caption text.
    ///   - language: Its language tag; in English (`en`), `1,000` is one thousand; elsewhere
    ///     the comma is a decimal separator.
    public static func numbers(in text: String, language: String) -> [String] {
        let commaGroupsThousands = Language.primary(language) == "en"
        // Appended one by one rather than `Array(text.unicodeScalars)`, which decodes the text
        // twice (once to count the scalars, once to copy them).
        var characters: [Unicode.Scalar] = []
        characters.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { characters.append(scalar) }
        var result: [String] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if isDigit(character) {
                let (numbers, next) = readNumber(characters, from: index, commaGroupsThousands: commaGroupsThousands)
                result += numbers
                index = next
            } else if isRomanLetter(character), index == 0 || !TextWords.isLetter(characters[index - 1]) {
                var end = index
                while end < characters.count, TextWords.isLetter(characters[end]) { end += 1 }
                var word = ""
                word.unicodeScalars.append(contentsOf: characters[index..<end])
                if let value = RomanNumeral.value(of: word), word.count > 1 || isCenturyWordAfter(characters, end) {
                    result.append(String(value))
                }
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    /// Reads the number starting at `start` (a digit); returns its numbers and the index after it.
    private static func readNumber(_ characters: [Unicode.Scalar], from start: Int, commaGroupsThousands: Bool)
        -> ([String], Int)
    {
        // Digit groups and the single separators between them.
        var groups: [String] = []
        var separators: [Unicode.Scalar] = []
        var index = start
        while true {
            var digits = ""
            while index < characters.count, isDigit(characters[index]) {
                digits.unicodeScalars.append(characters[index])
                index += 1
            }
            groups.append(digits)
            guard index + 1 < characters.count, isDigit(characters[index + 1]) else { break }
            let separator = characters[index]
            guard separator == "." || separator == "," || isGroupingSpace(separator) else { break }
            separators.append(separator)
            index += 1
        }
        return (interpret(groups, separators, commaGroupsThousands: commaGroupsThousands), index)
    }

    /// Turns digit groups and their separators into numbers.
    private static func interpret(_ groups: [String], _ separators: [Unicode.Scalar], commaGroupsThousands: Bool)
        -> [String]
    {
        var numbers: [String] = []
        var current = groups[0]
        var grouped = false
        var sawOtherSeparator = false
        for (index, separator) in separators.enumerated() {
            let next = groups[index + 1]
            let groupsThousands = isGroupingSpace(separator) || (separator == "," && commaGroupsThousands)
            if groupsThousands, next.count == 3, grouped || current.count <= 3 {
                current += next
                grouped = true
                continue
            }
            if separator == "." || separator == ",", index == separators.count - 1, !sawOtherSeparator {
                // One dot or comma between digits (after any thousands groups) is a decimal point.
                numbers.append(normalized(current) + "." + next)
                return numbers
            }
            sawOtherSeparator = true
            numbers.append(normalized(current))
            current = next
            grouped = false
        }
        numbers.append(normalized(current))
        return numbers
    }

    /// Drops leading zeros, keeping a lone `0`.
    private static func normalized(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    private static func isDigit(_ character: Unicode.Scalar) -> Bool {
        character.value >= 0x30 && character.value <= 0x39
    }

    private static func isGroupingSpace(_ character: Unicode.Scalar) -> Bool {
        character == " " || character == "\u{A0}" || character == "\u{202F}" || character == "\u{2009}"
    }

    private static func isRomanLetter(_ character: Unicode.Scalar) -> Bool {
        character == "I" || character == "V" || character == "X"
    }

    /// Words that follow a century number.
    static let centuryWords: Set<String> = ["в", "вв", "век", "века", "веке", "веков", "ғасыр", "ғ", "ғасырда", "ғасырдың", "century", "c"]

    /// Whether a century word follows position `end` (after spaces or a hyphen).
    private static func isCenturyWordAfter(_ characters: [Unicode.Scalar], _ end: Int) -> Bool {
        var index = end
        while index < characters.count, characters[index] == " " || characters[index] == "\u{A0}" || characters[index] == "-" {
            index += 1
        }
        var word = ""
        while index < characters.count, TextWords.isLetter(characters[index]) {
            word.unicodeScalars.append(characters[index])
            index += 1
        }
        return centuryWords.contains(word.lowercased())
    }
}
