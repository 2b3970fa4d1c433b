import Foundation
import Yams

/// Parses YAML text into Yams nodes and converts Yams' errors into located messages.
///
/// Uses `Resolver.basic`: captions need only strings, and the basic resolver keeps every mark
/// while skipping the regular expressions of the default one (about 2.8x faster on big
/// collections). Plain scalars that the default resolver would read as numbers or booleans are
/// detected separately by ``YAMLReader/plainScalarKind(_:)``.
enum YAMLReader {
    /// A located YAML problem.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// The deepest flow nesting (`[[[`, `{{{`) accepted before parsing; deeper input is refused
    /// instead of risking the parser's recursion.
    static let maximumFlowDepth = 64

    /// Parses a single YAML document. Returns `nil` for an empty document.
    static func parse(_ text: String) throws(Failure) -> Node? {
        if let failure = checkFlowDepth(text) { throw failure }
        do {
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw failure(from: error, text: text)
        } catch {
            throw Failure(line: 1, column: 1, message: "YAML could not be read: \(error)")
        }
    }

    /// Converts a Yams error to a one-line message with a position.
    private static func failure(from error: YamlError, text: String) -> Failure {
        func describe(_ problem: String, _ context: YamlError.Context?) -> String {
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return message
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return Failure(line: mark.line, column: mark.column, message: describe(problem, context))
        case .reader(let problem, let offset, _, _):
            let position = SourceText.lineAndColumn(ofByteOffset: offset ?? 0, in: text)
            return Failure(line: position.line, column: position.column, message: "invalid YAML: \(problem)")
        default:
            return Failure(line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    /// Refuses flow collections nested deeper than ``maximumFlowDepth``, outside quotes.
    private static func checkFlowDepth(_ text: String) -> Failure? {
        // Fast path: a file with few brackets cannot nest deeply.
        func countOpeners<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
            var count = 0
            for byte in bytes where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { count += 1 }
            return count
        }
        let openers = text.utf8.withContiguousStorageIfAvailable(countOpeners) ?? countOpeners(text.utf8)
        if openers <= maximumFlowDepth { return nil }
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8? = nil
        var comment = false
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
                comment = false
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") { continue }
            case _ where comment:
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if quote == nil, depth > 0 { quote = byte } else if quote == byte { quote = nil }
            case UInt8(ascii: "#") where quote == nil:
                comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if quote == nil {
                    depth += 1
                    if depth > maximumFlowDepth {
                        return Failure(
                            line: line, column: column,
                            message: "invalid YAML: collections nested more than \(maximumFlowDepth) levels deep")
                    }
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if quote == nil, depth > 0 { depth -= 1 }
            default:
                break
            }
        }
        return nil
    }

    /// What a plain (unquoted) scalar would mean to an ordinary YAML reader.
    enum PlainScalarKind: Equatable {
        case text
        case null
        case number
        case boolean
    }

    /// Classifies a plain scalar the way YAML 1.1's default resolver would, without regexes.
    static func plainScalarKind(_ value: String) -> PlainScalarKind {
        guard let first = value.utf8.first else { return .null }
        switch value {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
            return .boolean
        case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF":
            return .number
        default:
            break
        }
        let isNumberStart = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard isNumberStart, value.utf8.count <= 40 else { return .text }
        var digits = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "x"), UInt8(ascii: "o"):
                continue
            default: return .text
            }
        }
        return digits > 0 && Double(value.replacingOccurrences(of: "_", with: "")) != nil || Int(value) != nil
            ? .number : .text
    }

    /// Converts a Yams node into a ``LocatedNode`` tree, refusing trees deeper than `maxDepth`
    /// or larger than `maxNodes` (aliases can make a small file describe a huge tree).
    static func located(_ node: Node, path: String, maxDepth: Int = 32, maxNodes: Int = 100_000) throws(Failure)
        -> LocatedNode
    {
        var budget = maxNodes
        return try convert(node, path: path, depth: maxDepth, budget: &budget)
    }

    private static func convert(_ node: Node, path: String, depth: Int, budget: inout Int) throws(Failure)
        -> LocatedNode
    {
        budget -= 1
        let mark = node.mark
        guard depth > 0, budget > 0 else {
            throw Failure(
                line: mark?.line ?? 1, column: mark?.column ?? 1,
                message: "invalid YAML: the document is nested too deeply or is too large")
        }
        let location = SourceLocation(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            let isPlain = scalar.style == .plain
            let text = isPlain && plainScalarKind(scalar.string) == .null ? "" : scalar.string
            return LocatedNode(.scalar(text), location: location, isPlain: isPlain)
        case .sequence(let sequence):
            var items: [LocatedNode] = []
            for item in sequence {
                items.append(try convert(item, path: path, depth: depth - 1, budget: &budget))
            }
            return LocatedNode(.sequence(items), location: location)
        case .mapping(let mapping):
            var pairs: [LocatedNode.Pair] = []
            for (key, value) in mapping {
                pairs.append(
                    LocatedNode.Pair(
                        key: try convert(key, path: path, depth: depth - 1, budget: &budget),
                        value: try convert(value, path: path, depth: depth - 1, budget: &budget)))
            }
            return LocatedNode(.mapping(pairs), location: location)
        }
    }
}
