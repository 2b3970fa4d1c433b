/// Helpers for BCP 47 language tags as used for caption languages (`kk`, `ru`, `en`, `kk-Latn`).
enum Language {
    /// English names of the languages a museum in Kazakhstan is most likely to use.
    static let names: [String: String] = [
        "kk": "Kazakh", "kk-Latn": "Kazakh (Latin)", "kk-Cyrl": "Kazakh (Cyrillic)",
        "ru": "Russian", "en": "English", "de": "German", "fr": "French", "zh": "Chinese",
        "tr": "Turkish", "uz": "Uzbek", "ky": "Kyrgyz", "es": "Spanish", "ar": "Arabic",
        "it": "Italian", "ja": "Japanese", "ko": "Korean", "pl": "Polish", "uk": "Ukrainian",
    ]

    /// `Kazakh (kk)` for known tags, the bare tag otherwise.
    static func displayName(_ tag: String) -> String {
        if let name = names[tag] { return "\(name) (\(tag))" }
        return tag
    }

    /// Whether `tag` is a well-formed BCP 47 tag of the simple shape captions use:
    /// a 2-3 letter language subtag, then optional script (4 letters), region (2 letters or
    /// 3 digits) and variant subtags, separated by hyphens.
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLowercase && $0.isLetter })
        else { return false }
        for part in parts.dropFirst() {
            guard (2...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return false }
        }
        return true
    }

    /// `tag` as tags are compared: lowercased, a CAT tool's `_` read as `-` (`ru_RU` is `ru-ru`).
    static func comparable(_ tag: String) -> String {
        tag.replacingOccurrences(of: "_", with: "-").lowercased()
    }

    /// The language of `languages` that a CAT tool's `tag` names: the same tag in any case, or
    /// the same tag with a region added (`kk-KZ`, `ru_RU`, `en-GB` name `kk`, `ru`, `en`; a script
    /// is never dropped: `kk-Latn-KZ` names `kk-Latn`, never `kk`); `nil` when none.
    static func matching(_ tag: String, in languages: [String]) -> String? {
        let tag = comparable(tag)
        if let same = languages.first(where: { $0.lowercased() == tag }) { return same }
        var parts = tag.split(separator: "-")
        guard parts.count >= 2, let region = parts.last,
            region.count == 2 && region.allSatisfy(\.isLetter) || region.count == 3 && region.allSatisfy(\.isNumber)
        else { return nil }
        parts.removeLast()
        let withoutRegion = parts.joined(separator: "-")
        return languages.first { $0.lowercased() == withoutRegion }
    }
}
