/// Plain advice for the two libyaml problems a curator meets most: a colon and a space inside
/// unquoted text, and a tab in an indentation. Given only when libyaml's problem or the line
/// shows that cause; any other problem keeps libyaml's words alone.
enum YAMLProblemAdvice {
    /// libyaml's problem for a `: ` inside a plain value (`en: Sentence: ten years.`).
    static let mappingValues = "mapping values are not allowed in this context"
    /// libyaml's problem for a character no token starts with, such as a tab at a line's start.
    static let cannotStartToken = "found character that cannot start any token"
    /// The start of libyaml's problems for a tab where it reads indentation ("found a tab
    /// character that violates indentation", "... where an indentation space is expected").
    static let tabProblemPrefix = "found a tab character"

    /// The message for libyaml's `problem` found at the 0-based `column` (in Unicode scalars) of
    /// `line`: the cause, the problem and what to do when the line shows that cause, otherwise `nil`.
    static func message(problem: String, line: Substring, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard column >= 0, column <= scalars.count else { return nil }
        switch problem {
        case mappingValues:
            // The colon at the position ends a value that starts after an earlier "key: " on the
            // same line, or one that goes on over several lines when what stands before the colon
            // on its line cannot be a key (it has a space, a capital or a letter beyond ASCII:
            // `    Sentence: ten years.`, `    Приговор: 10 лет.`); a lowercase word alone may be
            // a wrongly indented key (`    ru: Курт`) and keeps libyaml's words.
            guard column < scalars.count, scalars[column] == ":",
                column + 1 == scalars.count || [" ", "\t", "\r"].contains(scalars[column + 1])
            else { return nil }
            if hasKeySeparator(scalars[..<column]) {
                return """
                    a colon followed by a space inside unquoted text (\(problem)); put the text in \
                    double quotes, or start it on the next line after '|'
                    """
            }
            guard column + 1 < scalars.count, cannotBeAKey(scalars[..<column]) else { return nil }
            return """
                a colon followed by a space inside unquoted text that goes on over several lines \
                (\(problem)); put the text in double quotes, or start it on the next line after '|'
                """
        case _ where problem.hasPrefix(tabProblemPrefix):
            // libyaml's own words for a tab in an indentation, with what to do.
            return "tabs cannot indent YAML; use spaces (\(problem))"
        case cannotStartToken:
            // A tab at the position, or in the blanks before it.
            let upTo = scalars[..<min(column + 1, scalars.count)]
            let blanks = column < scalars.count && scalars[column] == "\t" ? upTo : scalars[..<column]
            guard blanks.contains("\t"), blanks.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
            return "tabs cannot indent YAML; use spaces (\(problem))"
        default:
            return nil
        }
    }

    /// Whether the text before a colon (after its line's indentation) cannot be a caption
    /// file's key: keys are lowercase ASCII words, so a space, a capital or any other letter
    /// says it is text.
    private static func cannotBeAKey(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = scalars.drop { $0 == " " }
        return !text.isEmpty && text.contains { $0 == " " || ("A"..."Z").contains($0) || $0.value > 0x7F }
    }

    /// Whether `scalars` hold a `: `, as between a key and its value.
    private static func hasKeySeparator(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        zip(scalars, scalars.dropFirst()).contains { $0 == ":" && $1 == " " }
    }
}
