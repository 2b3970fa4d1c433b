import Dispatch

/// How complete each language is: translated units out of all units.
///
/// A unit is one field of one readable exhibit that is present or required and configured.
/// A language's unit is translated when its text exists and is not blank and, when copies are
/// looked for, is not a copy of its source (``CopiedTranslations``); the source language is
/// counted the same way, so a caption with no source text shows up too.
struct CompletenessSummary: Sendable, Hashable, Codable {
    /// One language's figures.
    struct LanguageFigures: Sendable, Hashable, Codable {
        /// The language tag.
        var language: String
        /// Units with text in this language (copies of the source left out when looked for).
        var translated: Int
        /// All units.
        var total: Int
        /// Units whose text is a copy of the source (0 when copies are not looked for).
        var copied = 0
        /// Units without text in this language.
        var missing: Int { total - translated - copied }
        /// Words of source text in the missing and copied units: what a translator quotes on.
        var sourceWordsMissing: Int
        /// Translated share in percent, rounded down to one decimal (100 when there are no units).
        var percent: Double {
            total == 0 ? 100 : (Double(translated * 1000 / total)) / 10
        }
    }

    /// Figures per configured language, in configured order.
    var languages: [LanguageFigures]
    /// The number of exhibit files.
    var exhibits: Int
    /// The exhibit files that could not be read: their texts are not in the figures.
    var unreadable = 0

    /// Computes the summary for `collection`, optionally only for `languages`.
    ///
    /// - Parameters:
    ///   - countWords: Count the source words of missing units (for `status`); when `false`,
    ///     ``LanguageFigures/sourceWordsMissing`` is 0 and the summary is much cheaper.
    ///   - copies: The copies of the source to count apart from the translated units (for
    ///     `status`); `nil` counts every text as translated.
    init(
        collection: CaptionCollection, languages only: [String]? = nil, countWords: Bool = false,
        copies: CopiedTranslations? = nil
    ) {
        let config = collection.config
        let languages = config.languages.filter { only == nil || only!.contains($0) }
        let exhibits = collection.exhibits
        // Chunks are counted concurrently and added up in order, so the result is deterministic.
        let chunkSize = 512
        let chunks = (exhibits.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<(total: Int, translated: [Int], copied: [Int], words: [Int])>(count: chunks)
        // The field specs' names and flags, taken out once: copying a spec per exhibit retained
        // and released its name and option node.
        let specNames = config.fields.map(\.name)
        let specRequired = config.fields.map(\.required)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var translated = [Int](repeating: 0, count: languages.count)
            var copied = [Int](repeating: 0, count: languages.count)
            var words = [Int](repeating: 0, count: languages.count)
            var total = 0
            // Exhibits, fields and translations are read in place, by index: copying them
            // retained and released every string they hold.
            for exhibitIndex in (chunk * chunkSize)..<min((chunk + 1) * chunkSize, exhibits.count)
            where exhibits[exhibitIndex].isReadable {
                let fields = exhibits[exhibitIndex].fields
                let exhibitCopies = copies?.copies(in: exhibits[exhibitIndex]) ?? []
                for specIndex in specNames.indices {
                    let fieldIndex = fields.firstIndex { $0.name == specNames[specIndex] }
                    guard fieldIndex != nil || specRequired[specIndex] else { continue }
                    total += 1
                    var sourceWords: Int?
                    for (index, language) in languages.enumerated() {
                        if let fieldIndex, let textIndex = fields[fieldIndex].translationIndex(language),
                            !fields[fieldIndex].translations[textIndex].isBlank
                        {
                            guard !exhibitCopies.isEmpty,
                                exhibitCopies.contains(.init(field: specNames[specIndex], language: language))
                            else {
                                translated[index] += 1
                                continue
                            }
                            copied[index] += 1
                        }
                        if countWords {
                            if sourceWords == nil {
                                sourceWords =
                                    fieldIndex.map {
                                        fields[$0].translation(config.source).map { Self.wordCount($0.text) } ?? 0
                                    } ?? 0
                            }
                            words[index] += sourceWords ?? 0
                        }
                    }
                }
            }
            slots.set(chunk, (total, translated, copied, words))
        }
        var translated = [Int](repeating: 0, count: languages.count)
        var copied = [Int](repeating: 0, count: languages.count)
        var words = [Int](repeating: 0, count: languages.count)
        var total = 0
        for part in slots.takeValues() {
            total += part.total
            for index in languages.indices {
                translated[index] += part.translated[index]
                copied[index] += part.copied[index]
                words[index] += part.words[index]
            }
        }
        self.languages = languages.indices.map {
            LanguageFigures(
                language: languages[$0], translated: translated[$0], total: total, copied: copied[$0],
                sourceWordsMissing: words[$0])
        }
        self.exhibits = collection.exhibits.count
        self.unreadable = collection.exhibits.count { !$0.isReadable }
    }

    /// `2 exhibit files could not be read; their texts are not counted`, or `nil` when every
    /// file was read: the figures beside such a line would otherwise read as complete.
    var unreadableLine: String? { Self.unreadableLine(unreadable) }

    /// ``unreadableLine`` for `count` unreadable files.
    static func unreadableLine(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let files = TextReporter.plural(count, "exhibit file")
        return "\(files) could not be read; \(count == 1 ? "its" : "their") texts are not counted"
    }

    /// Counts words as runs of letters or digits (hyphenated words, apostrophes and soft
    /// hyphens count once).
    static func wordCount(_ text: String) -> Int { wordCount(of: text.unicodeScalars) }

    /// ``wordCount(_:)`` of a text's scalars (e.g. one sentence of it, without copying it).
    static func wordCount(of scalars: some Sequence<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            let isWordScalar =
                isWordCharacter(scalar)
                || (inWord
                    && (scalar == "-" || scalar == "'" || scalar == "’" || scalar == "\u{301}" || scalar == "\u{AD}"))
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }

    /// Letters and digits, with fast paths for ASCII and Cyrillic (Unicode property look-ups
    /// are slow enough to dominate `status` on large collections).
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        if value >= 0x400 && value <= 0x4FF { return value <= 0x481 || value >= 0x48A }
        if value == 0xA0 || (value >= 0x2000 && value <= 0x206F) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
