/// A small YAML tree whose every node remembers where it was written.
///
/// Used for `captions.yml` and for the non-caption keys of exhibit files, so that any feature
/// reading an option can point at its exact position when the value is wrong.
struct LocatedNode: Sendable, Hashable {
    /// The shape of a node.
    indirect enum Value: Sendable, Hashable {
        /// A scalar; `null`, `~` and empty values arrive as the empty string with `isNull`.
        case scalar(String)
        /// A sequence of nodes.
        case sequence([LocatedNode])
        /// A mapping, in the order written.
        case mapping([Pair])
    }

    /// One key/value pair of a mapping.
    struct Pair: Sendable, Hashable {
        /// The key (always a scalar in caption files).
        var key: LocatedNode
        /// The value.
        var value: LocatedNode

    }

    /// The node's content.
    var value: Value
    /// Where the node starts.
    var location: SourceLocation
    /// Whether the scalar was written as a plain (unquoted) scalar.
    var isPlain: Bool

    /// Creates a node.
    init(_ value: Value, location: SourceLocation, isPlain: Bool = false) {
        self.value = value
        self.location = location
        self.isPlain = isPlain
    }

    /// The scalar's text, or `nil` for sequences and mappings.
    var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    /// The mapping's pairs, or `nil` for scalars and sequences.
    var pairs: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The sequence's items, or `nil` for scalars and mappings.
    var items: [LocatedNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The value stored under `key` in a mapping (the first one, if repeated).
    subscript(key: String) -> LocatedNode? {
        pairs?.first(where: { $0.key.scalar == key })?.value
    }

    /// A short name of the node's kind for messages: "text", "a list" or "a mapping".
    var kindDescription: String {
        switch value {
        case .scalar: "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
