/// Cleans spaces and line ends: CR and CRLF become LF, spaces at the start and end of lines go,
/// runs of spaces inside a line become one, and blank lines at the start and end of the text go.
///
/// Line breaks inside a paragraph and blank lines between paragraphs are kept: they are the
/// curator's.
struct WhitespaceRule: TypographyUnitRule {
    static let description = TypographyRuleDescription(
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

    static let triggers: TypographyTriggers? = [.untidySpace]

    func apply(to text: String, language: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return Self.trimmedLines(of: text) }  // fast path: no CR
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
        return Self.trimmedLines(of: normalized)
    }

    func apply(toSimpleScalars scalars: [Unicode.Scalar], language: String) -> [Unicode.Scalar] {
        // Simple text has no CR or tab: each line is cleaned, and blank lines at both ends go.
        if Self.isClean(scalars) { return scalars }
        var lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map(Self.cleaned)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return Array(lines.joined(separator: ["\n"]))
    }

    /// LF-separated `text` (without CR) with every line cleaned and blank lines at both ends
    /// removed.
    static func trimmedLines(of text: String) -> String {
        // Without CR every LF is a character of its own, so splitting at LF bytes splits at LF
        // characters, without grapheme breaking.
        var lines = text.parts(separatedBy: UInt8(ascii: "\n"), omittingEmpty: false).map(Self.clean)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Fast path of ``clean(_:)``: whether the line is certainly left as it is. That holds when
    /// its bytes have no tab, no two spaces in a row, and no space or no-break space at either
    /// end (a space merged with a combining mark is not a space to ``clean(_:)`` and is kept
    /// either way).
    static func isClean(_ line: Substring) -> Bool {
        let bytes = line.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        let space = UInt8(ascii: " ")
        if first == space || last == space { return false }
        let noBreakSpace: [UInt8] = [0xC2, 0xA0]
        if bytes.prefix(2).elementsEqual(noBreakSpace) || bytes.suffix(2).elementsEqual(noBreakSpace) { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\t") || (byte == space && previous == space) { return false }
            previous = byte
        }
        return true
    }

    /// Fast path of ``apply(toSimpleScalars:language:)``: whether text of simple scalars and
    /// line feeds is certainly left as it is. That holds when it does not start or end with a
    /// space, no-break space or line feed, has no two spaces in a row, and no line starts or
    /// ends with a space or no-break space.
    static func isClean(_ scalars: [Unicode.Scalar]) -> Bool {
        let (space, noBreakSpace, lineFeed): (UInt32, UInt32, UInt32) = (0x20, 0xA0, 0x0A)
        guard let first = scalars.first?.value, let last = scalars.last?.value else { return true }
        for edge in [first, last] where edge == space || edge == noBreakSpace || edge == lineFeed { return false }
        var previous = first
        // The pairs that need cleaning, looked for by their second scalar: a space after a space
        // or line feed, a no-break space after a line feed, a line feed after either space.
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case space: if previous == space || previous == lineFeed { return false }
            case noBreakSpace: if previous == lineFeed { return false }
            case lineFeed: if previous == space || previous == noBreakSpace { return false }
            default: break
            }
            previous = scalar.value
        }
        return true
    }

    /// One line without spaces at its ends and with single spaces between words.
    static func clean(_ line: Substring) -> String {
        isClean(line) ? String(line) : Character.string(of: cleaned(line))
    }

    /// The characters of one line without spaces at its ends and with single spaces between
    /// words.
    static func cleaned<Unit: TypographyUnit>(_ line: some Collection<Unit>) -> [Unit] {
        var result: [Unit] = []
        var pendingSpace = false
        for character in line {
            if character == " " || character == "\t" {
                pendingSpace = !result.isEmpty
                continue
            }
            if character == .noBreakSpace, result.isEmpty { continue }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        while result.last == .noBreakSpace || result.last == " " { result.removeLast() }
        return result
    }
}
