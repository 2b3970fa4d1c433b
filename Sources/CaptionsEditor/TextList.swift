import CaptionKit

/// One text of an exhibit: a field in a language (`title`, `kk`).
struct TextKey: Sendable, Hashable {
    var field: String
    var language: String

    /// The texts named in a query value `field:lang,field:lang` (as a save's redirect writes
    /// them) that the collection configures; others are left out, since the query is the browser's.
    static func named(inQuery value: String?, config: CollectionConfig) -> [TextKey] {
        (value ?? "").split(separator: ",").compactMap { item in
            let parts = item.split(separator: ":").map(String.init)
            guard parts.count == 2, config.fields.contains(where: { $0.name == parts[0] }),
                config.languages.contains(parts[1])
            else { return nil }
            return TextKey(field: parts[0], language: parts[1])
        }
    }

    /// `texts` as a query value `field:lang,field:lang`, percent-encoded.
    static func queryValue(_ texts: [TextKey]) -> String {
        urlEncode(texts.map { "\($0.field):\($0.language)" }.joined(separator: ","))
    }
}

extension Localizer {
    /// At most this many fields are named in ``textList(_:)``; the texts of the rest are counted.
    static let textListFields = 4

    /// `texts` named as the page heads them, a field's languages together, in the order given:
    /// `Title (kk, ru), Text (kk)`. Of more than ``textListFields`` fields, the first three are
    /// named and the other texts counted: `…, Credit line (kk) and 4 more`.
    func textList(_ texts: [TextKey]) -> String {
        var fields: [(name: String, languages: [String])] = []
        for text in texts {
            if let index = fields.firstIndex(where: { $0.name == text.field }) {
                if !fields[index].languages.contains(text.language) { fields[index].languages.append(text.language) }
            } else {
                fields.append((text.field, [text.language]))
            }
        }
        let named = fields.count > Self.textListFields ? fields.prefix(Self.textListFields - 1) : fields[...]
        let list = named.map { "\(fieldName($0.name)) (\($0.languages.joined(separator: ", ")))" }
            .joined(separator: ", ")
        let rest = fields.dropFirst(named.count).reduce(0) { $0 + $1.languages.count }
        return rest == 0 ? list : self("exhibit.textsmore", ["list": list, "count": String(rest)])
    }
}
