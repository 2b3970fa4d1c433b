/// A word that mixes Latin and Cyrillic letters, such as a Cyrillic word typed with a Latin `a`.
///
/// Findings point at the text's value and show the word with the odd letters in brackets and
/// their code points (see ``CaptionText`` for why they do not point inside the text).
struct MixedScriptCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "mixed-script",
        name: "Mixed Script",
        rationale: """
            Latin a, o, e, c, p, x and i look exactly like Cyrillic а, о, е, с, р, х and і, so a word typed \
            with the wrong keyboard layout looks right on screen but breaks search, spell checking, \
            hyphenation and screen readers, and may print in another font. A word (letters between spaces, \
            punctuation or hyphens) must be all Latin or all Cyrillic; UNESCO-ның is fine because the hyphen \
            separates the two words. The message shows the word with the odd letters in brackets and their \
            code points.
            """,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: about
                title:
                  kk: UNESCO-ның тізіміндегі «АЛЖИР»
                  ru: «АЛЖИР» в списке UNESCO
                  en: ALZHIR on the UNESCO list
                """)
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: about
                title:
                  kk: Мемориалдық кешен
                  ru: ↓Мемориальный комплекс «AЛЖИР»
                  en: ALZHIR memorial complex
                """),
            CheckExample(
                """
                id: first-winter
                title:
                  kk: ↓Бiрiншi қыс
                  ru: Первая зима
                  en: ↓The first winter in the stеppe
                """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard text.analysis.scripts == .both else { return nil }
            let expected = WritingScript.expected(forLanguage: text.language)
            let mixed = TextWords.distinct(TextWords.words(in: text.text).map(\.text)) {
                TextWord.scripts(of: $0).count > 1
            }
            guard !mixed.isEmpty else { return nil }
            let noun = mixed.count == 1 ? "a word" : "words"
            let shown = mixed.map { Self.describe($0, expected: expected) }
            return "\(text.label) has \(noun) mixing Latin and Cyrillic letters: \(shown.joined(separator: "; "))"
        }
    }

    /// `'[A]ЛЖИР' (A is Latin U+0041)`: the word with its minority-script letters bracketed.
    static func describe(_ word: String, expected: WritingScript?) -> String {
        var counts: [WritingScript: Int] = [:]
        for scalar in word.unicodeScalars { if let script = WritingScript(scalar) { counts[script, default: 0] += 1 } }
        let latin = counts[.latin] ?? 0
        let cyrillic = counts[.cyrillic] ?? 0
        let odd: WritingScript
        if latin != cyrillic {
            odd = latin < cyrillic ? .latin : .cyrillic
        } else {
            odd = expected == .latin ? .cyrillic : .latin
        }
        var marked = ""
        var letters: [String] = []
        for scalar in word.unicodeScalars {
            if WritingScript(scalar) == odd {
                marked += "[\(scalar)]"
                let codePoint = "\(scalar) is \(odd.rawValue) \(scalar.codePoint)"
                if !letters.contains(codePoint) { letters.append(codePoint) }
            } else {
                marked.unicodeScalars.append(scalar)
            }
        }
        return "'\(marked)' (\(letters.joined(separator: ", ")))"
    }
}
