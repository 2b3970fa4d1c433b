/// Cleans spaces and line ends: CR and CRLF become LF, spaces at the start and end of lines go,
/// runs of spaces inside a line become one, and blank lines at the start and end of the text go.
///
/// Line breaks inside a paragraph and blank lines between paragraphs are kept: they are the
/// curator's.
public struct WhitespaceRule: TypographyRule {
    public static let description = TypographyRuleDescription(
        id: "whitespace",
        languages: [],
        summary: "LF line ends, no spaces at line ends or doubled between words, no blank lines around the text.",
        examples: [
            TypographyExample("ru", "Лагерь  закрыли. \r\nПосле", "Лагерь закрыли.\nПосле"),
            TypographyExample("en", "\n  The camp \n\nclosed.\u{A0}\n\n", "The camp\n\nclosed."),
            TypographyExample("kk", "Лагерь\rжабылды", "Лагерь\nжабылды"),
        ],
        counterexamples: [
            TypographyExample("ru", unchanged: "Первый абзац.\n\nВторой абзац."),
            TypographyExample("kk", unchanged: "Бір\nекі"),
        ]
    )

    public init() {}

    public func apply(to text: String, language: String) -> String {
        var normalized = ""
        normalized.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                normalized.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            normalized.unicodeScalars.append(scalar)
        }
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(Self.clean)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One line without spaces at its ends and with single spaces between words.
    static func clean(_ line: Substring) -> String {
        var result = ""
        var pendingSpace = false
        for character in line {
            if character == " " || character == "\t" {
                pendingSpace = !result.isEmpty
                continue
            }
            if character == Typography.noBreakSpace, result.isEmpty { continue }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        while result.last == Typography.noBreakSpace || result.last == " " { result.removeLast() }
        return result
    }
}
