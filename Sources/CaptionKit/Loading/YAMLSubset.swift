/// The YAML that caption files and `captions.yml` accept, beyond what libyaml parses: no
/// explicit tags other than `!!str`, no anchors or aliases, no merge keys. A caption's text is
/// written out where it is read; a tag such as `!include` would otherwise be read as the text
/// after it while its writer believes something else happened.
///
/// Both readers (``ExhibitParser``, ``YAMLReader/document(_:path:maxDepth:maxNodes:)``) ask
/// ``refusal(of:)`` about every node event and ``isMergeKey(_:)`` about every mapping key.
enum YAMLSubset {
    /// The one explicit tag accepted, on scalars only, as libyaml resolves `!!str`.
    static let stringTag = "tag:yaml.org,2002:str"

    /// Why `event` is outside the accepted subset (a message for a finding at its position),
    /// or `nil` when it is inside. For a node with both an anchor and a tag, the tag is named.
    static func refusal(of event: YAMLEvent) -> String? {
        if case .alias(let name) = event.kind {
            return "the alias '*\(name)' is not accepted in caption files; write the value out in full"
        }
        if let tag = event.tag, !(tag == stringTag && event.kind == .scalar) {
            return
                "the tag '\(shortForm(of: tag))' is not accepted in caption files (values are text; only '!!str' "
                + "is allowed); remove it"
        }
        if let anchor = event.anchor {
            return "the anchor '&\(anchor)' is not accepted in caption files; write each value out in full"
        }
        return nil
    }

    /// Whether a mapping key is YAML's merge key (`<<`, plain and untagged).
    static func isMergeKey(_ event: YAMLEvent) -> Bool {
        event.kind == .scalar && event.style == .plain && event.tag == nil && event.value == "<<"
    }

    /// The finding for a merge key.
    static let mergeKeyRefusal = "merge keys ('<<') are not accepted in caption files; write the keys out in full"

    /// A tag as it is usually written: `!!int` for `tag:yaml.org,2002:int`.
    static func shortForm(of tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
