/// A check's options from its `checks:` entry in `captions.yml`, read with located errors.
///
/// An entry is either a severity word (`missing-translation: warning`, no options) or a mapping
/// (`untranslated: { severity: warning, allow: [ALZHIR] }`).
struct CheckOptions: Sendable {
    /// The check the options are for.
    var checkID: String
    /// The entry as written, or `nil` when the check has no entry.
    var node: LocatedNode?

    /// Creates options.
    init(checkID: String, node: LocatedNode? = nil) {
        self.checkID = checkID
        self.node = node
    }

    /// No options: every check's defaults.
    static func none(_ checkID: String) -> CheckOptions { CheckOptions(checkID: checkID) }

    /// The value of `key`, or `nil` when absent.
    func value(_ key: String) -> LocatedNode? { node?[key] }

    /// Fails on any option other than `severity` and `allowed`, with a "did you mean".
    func requireOnly(_ allowed: [String]) throws(CaptionError) {
        guard let pairs = node?.pairs else { return }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            if key == "severity" || allowed.contains(key) { continue }
            let hint = Suggestion.didYouMean(key, in: allowed + ["severity"])
            let known = allowed.isEmpty ? " (it has no options)" : " (options: \(allowed.joined(separator: ", ")))"
            throw .invalidConfig(pair.key.location, "unknown option '\(key)' for check \(checkID)\(hint)\(known)")
        }
    }

    /// A list of text values, or `nil` when absent.
    func stringList(_ key: String) throws(CaptionError) -> [String]? {
        guard let value = value(key) else { return nil }
        return try ConfigParser.stringList(value, what: "\(checkID).\(key)")
    }

    /// A number, or `nil` when absent.
    func number(_ key: String) throws(CaptionError) -> Double? {
        guard let value = value(key) else { return nil }
        return try ConfigParser.number(value, what: "\(checkID).\(key)")
    }

    /// A whole number greater than zero, or `nil` when absent.
    func positiveInt(_ key: String) throws(CaptionError) -> Int? {
        guard let value = value(key) else { return nil }
        return try ConfigParser.positiveInt(value, what: "\(checkID).\(key)")
    }

    /// `true` or `false`, or `nil` when absent.
    func bool(_ key: String) throws(CaptionError) -> Bool? {
        guard let value = value(key) else { return nil }
        return try ConfigParser.bool(value, what: "\(checkID).\(key)")
    }
}
