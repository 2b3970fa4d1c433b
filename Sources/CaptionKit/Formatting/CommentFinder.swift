/// Finds YAML comments in a file that `captions fmt` would otherwise drop.
///
/// The YAML reader does not keep comments, so `fmt` refuses to rewrite a file that has one.
/// A `#` starts a comment when it is at the start of a line or after a space or tab, outside
/// quoted scalars and outside the body of block scalars (`|`, `>`), where it is text. The
/// start of every quoted and block scalar is taken from libyaml's events.
enum CommentFinder {
    /// A comment: its 1-based line and column (in Unicode scalars) and the whole line's text.
    struct Comment: Equatable {
        var line: Int
        var column: Int
        var lineText: String
    }

    /// Every comment in `text` (decoded, without a byte order mark), in order.
    ///
    /// - Throws: ``YAMLReader/Failure`` when `text` is not valid YAML.
    static func comments(in text: String) throws(YAMLReader.Failure) -> [Comment] {
        let lines = splitLines(text)
        var skipped: [Int: [ClosedRange<Int>]] = [:]  // line index → column index ranges (0-based)
        let reader = YAMLEventReader(text: text)
        while true {
            let event = try reader.next()
            if event.kind == .streamEnd { break }
            guard event.kind == .scalar else { continue }
            let line = event.line - 1
            let column = event.column - 1
            guard line >= 0, line < lines.count else { continue }
            switch event.style {
            case .singleQuoted, .doubleQuoted:
                markQuoted(lines, line: line, column: column, double: event.style == .doubleQuoted, into: &skipped)
            case .literal, .folded:
                if !event.value.isEmpty { markBlockBody(lines, header: line, column: column, into: &skipped) }
            case .plain:
                continue
            }
        }
        var found: [Comment] = []
        for (index, line) in lines.enumerated() {
            for (column, character) in line.enumerated() where character == "#" {
                if skipped[index]?.contains(where: { $0.contains(column) }) == true { continue }
                if column == 0 || line[column - 1] == " " || line[column - 1] == "\t" {
                    var lineText = ""
                    lineText.unicodeScalars.append(contentsOf: line)
                    found.append(Comment(line: index + 1, column: column + 1, lineText: lineText))
                    break
                }
            }
        }
        return found
    }

    /// Lines as arrays of Unicode scalars, split at every YAML line break (LF, CRLF, CR, and
    /// YAML 1.1's NEL, LS and PS), as libyaml counts lines.
    static func splitLines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return lines
    }

    /// Marks a quoted scalar from its opening quote to its closing one.
    private static func markQuoted(
        _ lines: [[Unicode.Scalar]], line start: Int, column startColumn: Int, double: Bool,
        into skipped: inout [Int: [ClosedRange<Int>]]
    ) {
        var line = start
        var column = startColumn + 1
        var from = startColumn
        while line < lines.count {
            let characters = lines[line]
            while column < characters.count {
                let character = characters[column]
                if double, character == "\\" {
                    column += 2
                    continue
                }
                if character == (double ? "\"" : "'") {
                    if !double, column + 1 < characters.count, characters[column + 1] == "'" {
                        column += 2
                        continue
                    }
                    skipped[line, default: []].append(from...column)
                    return
                }
                column += 1
            }
            skipped[line, default: []].append(from...max(from, characters.count))
            line += 1
            column = 0
            from = 0
        }
    }

    /// Marks the body of a block scalar whose header (`|`, `>`) is at `header`: the following
    /// lines that are blank or indented at least as much as its first content line.
    private static func markBlockBody(
        _ lines: [[Unicode.Scalar]], header: Int, column: Int, into skipped: inout [Int: [ClosedRange<Int>]]
    ) {
        let headerRest = lines[header].dropFirst(column)
        let explicit = headerRest.prefix { !($0 == " " || $0 == "#") }.compactMap { Int(String($0)) }.first
        var indent: Int?
        if let explicit {
            indent = lines[header].prefix { $0 == " " }.count + explicit
        }
        var line = header + 1
        while line < lines.count {
            let characters = lines[line]
            let leading = characters.prefix { $0 == " " }.count
            let blank = characters.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank {
                if indent == nil { indent = leading }
                if let indent, leading < indent { return }
            }
            skipped[line, default: []].append(0...max(0, characters.count))
            line += 1
        }
    }
}
