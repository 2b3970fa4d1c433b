/// How complete each language is: translated units out of all units.
///
/// A unit is one field of one readable exhibit that is present or required and configured.
/// A language's unit is translated when its text exists and is not blank; the source language
/// is counted the same way, so a caption with no source text shows up too.
public struct CompletenessSummary: Sendable, Hashable, Codable {
    /// One language's figures.
    public struct LanguageFigures: Sendable, Hashable, Codable {
        /// The language tag.
        public var language: String
        /// Units with text in this language.
        public var translated: Int
        /// All units.
        public var total: Int
        /// Units without text in this language.
        public var missing: Int { total - translated }
        /// Words of source text in the missing units: what a translator quotes on.
        public var sourceWordsMissing: Int
        /// Translated share in percent, rounded down to one decimal (100 when there are no units).
        public var percent: Double {
            total == 0 ? 100 : (Double(translated * 1000 / total)) / 10
        }
    }

    /// Figures per configured language, in configured order.
    public var languages: [LanguageFigures]
    /// The number of exhibit files.
    public var exhibits: Int

    /// Computes the summary for `collection`, optionally only for `languages`.
    public init(collection: CaptionCollection, languages only: [String]? = nil) {
        let config = collection.config
        let languages = config.languages.filter { only == nil || only!.contains($0) }
        var translated = [Int](repeating: 0, count: languages.count)
        var words = [Int](repeating: 0, count: languages.count)
        var total = 0
        for exhibit in collection.exhibits where exhibit.isReadable {
            for spec in config.fields {
                let field = exhibit.field(spec.name)
                guard field != nil || spec.required else { continue }
                total += 1
                let sourceWords = field?.translation(config.source).map { Self.wordCount($0.text) } ?? 0
                for (index, language) in languages.enumerated() {
                    if let text = field?.translation(language), !text.isBlank {
                        translated[index] += 1
                    } else {
                        words[index] += sourceWords
                    }
                }
            }
        }
        self.languages = languages.indices.map {
            LanguageFigures(language: languages[$0], translated: translated[$0], total: total, sourceWordsMissing: words[$0])
        }
        self.exhibits = collection.exhibits.count
    }

    /// Counts words as runs of letters or digits (hyphenated words count once).
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (inWord && (scalar == "-" || scalar == "'" || scalar == "’" || scalar.properties.generalCategory == .nonspacingMark))
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
