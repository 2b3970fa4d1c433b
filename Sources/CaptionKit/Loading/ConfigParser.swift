import Foundation

/// Reads `captions.yml` into a ``CollectionConfig``.
///
/// Unlike exhibit files, a bad configuration stops the run: every problem is a thrown
/// ``CaptionError/invalidConfig(_:_:)`` pointing at the offending key or value.
enum ConfigParser {
    /// Parses configuration bytes.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The path shown in errors.
    /// - Throws: ``CaptionError`` with the position of the first problem.
    static func parse(data: Data, path: String) throws(CaptionError) -> CollectionConfig {
        let text: String
        do {
            text = try SourceText.decode(data)
        } catch {
            throw .invalidConfig(
                SourceLocation(path: path, line: error.line, column: error.column), error.message)
        }
        return try parse(text: text, path: path)
    }

    /// Parses configuration text.
    static func parse(text: String, path: String) throws(CaptionError) -> CollectionConfig {
        var config = CollectionConfig.default
        config.path = path
        let root: LocatedNode
        do {
            guard let node = try YAMLReader.document(text, path: path) else { return config }
            root = node
        } catch {
            throw .invalidConfig(SourceLocation(path: path, line: error.line, column: error.column), error.message)
        }
        guard let pairs = root.pairs else {
            throw .invalidConfig(
                root.location, "captions.yml must be a mapping of settings, found \(root.kindDescription)")
        }
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            let key = try name(of: pair.key, in: "captions.yml")
            try refuseDuplicate(key, at: pair.key.location, seen: &seen)
            switch key {
            case "languages": config.languages = try languages(pair.value)
            case "source": config.source = try scalar(pair.value, what: "source")
            case "fields": config.fields = try fields(pair.value)
            case "checks": config.checks = try checks(pair.value)
            case _ where CollectionConfig.knownSections.contains(key): config.sections[key] = pair.value
            default:
                throw .invalidConfig(pair.key.location, unknown("setting", key, CollectionConfig.knownSections))
            }
        }
        guard Language.isWellFormed(config.source) else {
            throw .invalidConfig(
                root["source"]?.location ?? root.location, "source '\(config.source)' is not a language tag")
        }
        guard config.languages.contains(config.source) else {
            throw .invalidConfig(
                root["source"]?.location ?? root["languages"]?.location ?? root.location,
                """
                source language '\(config.source)' is not one of the languages \
                (\(config.languages.joined(separator: ", ")))\(Suggestion.didYouMean(config.source, in: config.languages))
                """
            )
        }
        // The sections of other features are read here too, so that a bad one stops every
        // command at its position, not only the command that uses it (a typo in `signage:
        // require:` let `check` pass and left the print gate unset).
        _ = try SignageSettings(config: config)
        try PanelSettings.validate(config)
        return config
    }

    /// Records `key`, read at `location`, in `seen`; a key already there is an error at the
    /// second that names the line of the first, as in exhibit files.
    static func refuseDuplicate(
        _ key: String, at location: SourceLocation, seen: inout [String: SourceLocation]
    ) throws(CaptionError) {
        if let first = seen[key] {
            throw .invalidConfig(location, "duplicate key '\(key)'; the first is at line \(first.line)")
        }
        seen[key] = location
    }

    static func unknown(_ what: String, _ key: String, _ known: [String]) -> String {
        let hint = Suggestion.didYouMean(key, in: known)
        return "unknown \(what) '\(key)'\(hint)"
    }

    static func name(of node: LocatedNode, in context: String) throws(CaptionError) -> String {
        guard let key = node.scalar, !key.isEmpty else {
            throw .invalidConfig(node.location, "keys in \(context) must be names, found \(node.kindDescription)")
        }
        return key
    }

    static func scalar(_ node: LocatedNode, what: String) throws(CaptionError) -> String {
        guard let value = node.scalar else {
            throw .invalidConfig(node.location, "\(what) must be text, found \(node.kindDescription)")
        }
        return value
    }

    static func languages(_ node: LocatedNode) throws(CaptionError) -> [String] {
        guard let items = node.items, !items.isEmpty else {
            throw .invalidConfig(node.location, "languages must be a non-empty list such as [kk, ru, en]")
        }
        var result: [String] = []
        for item in items {
            let tag = try scalar(item, what: "a language")
            guard Language.isWellFormed(tag) else {
                throw .invalidConfig(
                    item.location, "'\(tag)' is not a BCP 47 language tag such as kk, ru, en or kk-Latn")
            }
            guard !result.contains(tag) else {
                throw .invalidConfig(item.location, "language '\(tag)' is listed twice")
            }
            result.append(tag)
        }
        return result
    }

    static func fields(_ node: LocatedNode) throws(CaptionError) -> [CollectionConfig.FieldSpec] {
        guard let pairs = node.pairs, !pairs.isEmpty else {
            throw .invalidConfig(
                node.location, "fields must be a mapping such as 'title: { required: true, max-chars: 80 }'")
        }
        var result: [CollectionConfig.FieldSpec] = []
        for pair in pairs {
            let fieldName = try name(of: pair.key, in: "fields")
            guard ExhibitID.isValidFieldName(fieldName) else {
                throw .invalidConfig(
                    pair.key.location,
                    """
                    field name '\(fieldName)' must be lowercase letters, digits and hyphens, and not id, notes, \
                    ignore or translations
                    """
                )
            }
            guard !result.contains(where: { $0.name == fieldName }) else {
                throw .invalidConfig(pair.key.location, "field '\(fieldName)' is listed twice")
            }
            var spec = CollectionConfig.FieldSpec(name: fieldName, required: false, maxChars: nil, node: pair.value)
            if let options = pair.value.pairs {
                for option in options {
                    let key = try name(of: option.key, in: "field '\(fieldName)'")
                    switch key {
                    case "required": spec.required = try bool(option.value, what: "required")
                    case "max-chars": spec.maxChars = try positiveInt(option.value, what: "max-chars")
                    case _ where CollectionConfig.knownFieldKeys.contains(key): break
                    default:
                        throw .invalidConfig(
                            option.key.location, unknown("field option", key, CollectionConfig.knownFieldKeys))
                    }
                }
            } else if pair.value.scalar != "" {
                throw .invalidConfig(
                    pair.value.location,
                    "field '\(fieldName)' must be a mapping such as '{ required: true, max-chars: 80 }'")
            }
            result.append(spec)
        }
        return result
    }

    static func checks(_ node: LocatedNode) throws(CaptionError) -> [String: CollectionConfig.CheckSetting] {
        if node.scalar == "" { return [:] }
        guard let pairs = node.pairs else {
            throw .invalidConfig(node.location, "checks must be a mapping of check id to error, warning, note or off")
        }
        var result: [String: CollectionConfig.CheckSetting] = [:]
        for pair in pairs {
            let id = try name(of: pair.key, in: "checks")
            guard result[id] == nil else { throw .invalidConfig(pair.key.location, "check '\(id)' is listed twice") }
            var severity: SeveritySetting?
            if let word = pair.value.scalar {
                severity = try severitySetting(word, at: pair.value.location)
            } else if let options = pair.value.pairs {
                if let entry = options.first(where: { $0.key.scalar == "severity" }) {
                    severity = try severitySetting(try scalar(entry.value, what: "severity"), at: entry.value.location)
                }
            } else {
                throw .invalidConfig(
                    pair.value.location, "check '\(id)' must be error, warning, off or a mapping of options")
            }
            result[id] = .init(severity: severity, node: pair.value, location: pair.key.location)
        }
        return result
    }

    static func severitySetting(_ word: String, at location: SourceLocation) throws(CaptionError) -> SeveritySetting {
        guard let setting = SeveritySetting(rawValue: word) else {
            throw .invalidConfig(location, "severity '\(word)' must be error, warning, note or off")
        }
        return setting
    }

    /// Reads `true`/`false` (and YAML 1.1's yes/no).
    static func bool(_ node: LocatedNode, what: String) throws(CaptionError) -> Bool {
        switch node.scalar {
        case "true", "True", "TRUE", "yes", "Yes", "on": return true
        case "false", "False", "FALSE", "no", "No", "off": return false
        default: throw .invalidConfig(node.location, "\(what) must be true or false")
        }
    }

    /// Reads a whole number greater than zero.
    static func positiveInt(_ node: LocatedNode, what: String) throws(CaptionError) -> Int {
        guard let text = node.scalar, let value = Int(text), value > 0 else {
            throw .invalidConfig(node.location, "\(what) must be a whole number greater than 0")
        }
        return value
    }

    /// Reads a number (whole or decimal).
    static func number(_ node: LocatedNode, what: String) throws(CaptionError) -> Double {
        guard let text = node.scalar, let value = Double(text), value.isFinite else {
            throw .invalidConfig(node.location, "\(what) must be a number")
        }
        return value
    }

    /// Reads a list of text values (a single text value counts as a list of one).
    static func stringList(_ node: LocatedNode, what: String) throws(CaptionError) -> [String] {
        if let single = node.scalar { return single.isEmpty ? [] : [single] }
        guard let items = node.items else {
            throw .invalidConfig(node.location, "\(what) must be a list of text values")
        }
        var result: [String] = []
        for item in items { result.append(try scalar(item, what: "an entry of \(what)")) }
        return result
    }
}
