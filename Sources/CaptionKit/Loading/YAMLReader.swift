import Foundation

/// Reads YAML with libyaml's event API and converts its errors into located messages.
///
/// Captions need only strings, so no tag resolution happens: every scalar stays text, and
/// plain scalars that an ordinary YAML reader would take as numbers or booleans are detected
/// separately by ``YAMLReader/plainScalarKind(_:)``. Reading events directly (instead of
/// composing a node tree first) keeps every position and is what makes loading 50,000 exhibit
/// files fast.
enum YAMLReader {
    /// A located YAML problem.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Reads a single YAML document into a ``LocatedNode`` tree. Returns `nil` for an empty
    /// document.
    ///
    /// What ``YAMLSubset`` leaves out (tags other than `!!str`, anchors, aliases, merge keys) is
    /// refused at its position; so are trees deeper than `maxDepth` or with more than `maxNodes`
    /// nodes. Text that git left with merge conflict markers fails at the first `<<<<<<<` line
    /// (``MergeConflict``).
    static func document(_ text: String, path: String, maxDepth: Int = 32, maxNodes: Int = 100_000)
        throws(Failure) -> LocatedNode?
    {
        let reader = YAMLEventReader(text: text)
        do {
            return try document(reader, path: path, maxDepth: maxDepth, maxNodes: maxNodes)
        } catch {
            guard let conflict = reader.mergeConflicts().first else { throw error }
            throw Failure(line: conflict.line, column: 1, message: conflict.message)
        }
    }

    private static func document(_ reader: YAMLEventReader, path: String, maxDepth: Int, maxNodes: Int)
        throws(Failure) -> LocatedNode?
    {
        var event = try reader.next()  // stream start
        event = try reader.next()
        if event.kind == .streamEnd { return nil }
        // Open collections: where each starts, its children so far (in plain arrays, so that
        // appending never copies: a node's indirect payload is shared, and appending to an array
        // taken out of it copied the whole array, quadratic in a long list such as a glossary's)
        // and, for mappings, a key waiting for its value.
        var stack: [OpenCollection] = []
        var budget = maxNodes
        var root: LocatedNode?

        func location(_ event: YAMLEvent) -> SourceLocation {
            SourceLocation(path: path, line: event.line, column: event.column)
        }
        func tooLarge(_ event: YAMLEvent) -> Failure {
            Failure(
                line: event.line, column: event.column,
                message: "invalid YAML: the document is nested too deeply or is too large")
        }
        /// Attaches a finished node to the open collection, or makes it the root.
        func attach(_ node: LocatedNode) {
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(LocatedNode.Pair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
            }
        }

        event = try reader.next()  // the root node's first event
        while root == nil {
            budget -= 1
            guard budget > 0 else { throw tooLarge(event) }
            if let refusal = YAMLSubset.refusal(of: event) {
                throw Failure(line: event.line, column: event.column, message: refusal)
            }
            switch event.kind {
            case .scalar:
                if let top = stack.last, top.pendingKey == nil, top.isMapping, YAMLSubset.isMergeKey(event) {
                    throw Failure(line: event.line, column: event.column, message: YAMLSubset.mergeKeyRefusal)
                }
                let isPlain = event.style == .plain && event.tag == nil
                let text = isPlain && plainScalarKind(event.value) == .null ? "" : event.value
                attach(LocatedNode(.scalar(text), location: location(event), isPlain: isPlain))
            case .sequenceStart, .mappingStart:
                guard stack.count < maxDepth else { throw tooLarge(event) }
                stack.append(OpenCollection(isMapping: event.kind == .mappingStart, location: location(event)))
            case .sequenceEnd, .mappingEnd:
                guard let finished = stack.popLast() else { break }
                attach(
                    LocatedNode(
                        finished.isMapping ? .mapping(finished.pairs) : .sequence(finished.items),
                        location: finished.location))
            default:
                break
            }
            if root == nil { event = try reader.next() }
        }
        _ = try reader.next()  // document end
        let after = try reader.next()
        if after.kind != .streamEnd {
            throw Failure(
                line: after.line, column: after.column,
                message: "invalid YAML: expected a single document in the file, but found another document")
        }
        return root
    }

    /// A sequence or mapping being read: where it starts and its children so far.
    private struct OpenCollection {
        var isMapping: Bool
        var location: SourceLocation
        var items: [LocatedNode] = []
        var pairs: [LocatedNode.Pair] = []
        var pendingKey: LocatedNode?
    }

    /// What a plain (unquoted) scalar would mean to an ordinary YAML reader.
    enum PlainScalarKind: Equatable {
        case text
        case null
        case number
        case boolean
    }

    /// Whether `byte` starts one of the null, boolean and special number words of
    /// ``plainScalarKind(_:)``: `~ n N t T f F y Y o O . - +`.
    private static func isWordStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// Classifies a plain scalar the way YAML 1.1's default resolver would, without regexes.
    static func plainScalarKind(_ value: String) -> PlainScalarKind {
        guard let first = value.utf8.first else { return .null }
        // Every word below has at most six bytes and starts with one of these; other scalars
        // (nearly all: keys, language tags, texts) skip the string comparisons.
        let mayBeWord = value.utf8.count <= 6 && Self.isWordStart(first)
        switch mayBeWord ? value : "" {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
            return .boolean
        case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF":
            return .number
        default:
            break
        }
        let isNumberStart =
            (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
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
}
