import Foundation

/// Text that is not in Unicode NFC or that has invisible, control, replacement or mojibake
/// characters.
///
/// One finding per text lists every problem with its code points; it points at the text's value.
struct NotNormalizedCheck: CaptionTextCheck {
    static let description = CheckDescription(
        id: "not-normalized",
        name: "Not Normalized",
        rationale: """
            Some damage to text is invisible on screen but breaks search, sorting, XLIFF tools and printing: \
            letters stored decomposed (е plus a combining diaeresis instead of ё; captions fmt composes \
            them to Unicode NFC), zero-width spaces and joiners (U+200B to U+200D, U+2060, U+FEFF), control \
            characters, the replacement character U+FFFD left where a conversion lost a letter, and mojibake \
            such as Ð›Ð°Ð³ÐµÑ€ÑŒ, which is Лагерь decoded with the wrong encoding. Tabs are reported by \
            whitespace.
            """,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: Ёлка мен құрт
                  ru: Ёлка и курт
                  en: A café in the Ñandú hall — ALZHIR
                """)
        ],
        triggeringExamples: [
            CheckExample(
                """
                id: kurt
                title:
                  kk: ↓"Е\\u0308лка"
                  ru: ↓"Курт\\u200B"
                  en: ↓Ð›Ð°Ð³ÐµÑ€ÑŒ
                """),
            CheckExample(
                """
                id: kurt
                title:
                  kk: Құрт
                  ru: ↓"Ку\\uFFFDт"
                  en: ↓"Kurt\\a"
                """),
        ]
    )

    init(options: CheckOptions) throws(CaptionError) { try options.requireOnly([]) }

    func check(_ exhibit: Exhibit, analysis: ExhibitAnalysis, in context: CheckContext) -> [Diagnostic] {
        findings(in: exhibit, analysis) { text in
            guard !text.analysis.isPlain else { return nil }
            let problems = Self.problems(in: text.text)
            return problems.isEmpty ? nil : "\(text.label) \(problems.joined(separator: "; "))"
        }
    }

    /// The problems of `text`, as phrases that follow the text's label. A text whose scalars are
    /// all ``Normalization/isPlain(_:)`` (the analysis' `isPlain`, which ``check(_:analysis:in:)``
    /// asks first) has none.
    static func problems(in text: String) -> [String] {
        var problems: [String] = []
        if !Normalization.isNFC(text) {
            problems.append("is not in Unicode NFC (composed) form; captions fmt composes it")
        }
        var invisible: [String] = []
        var controls: [String] = []
        var replacement = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Range tests first: almost every scalar is none of these.
            if value >= 0x20 && value < 0x7F || value >= 0xA0 && value < 0x200B { continue }
            if zeroWidth.contains(value) {
                let name = scalar.codePoint
                if !invisible.contains(name) { invisible.append(name) }
            } else if Normalization.isControl(scalar) {
                let name = scalar.codePoint
                if !controls.contains(name) { controls.append(name) }
            } else if value == 0xFFFD {
                replacement = true
            }
        }
        if !invisible.isEmpty { problems.append("has the zero-width character \(invisible.joined(separator: ", "))") }
        if !controls.isEmpty { problems.append("has the control character \(controls.joined(separator: ", "))") }
        if replacement {
            problems.append("has U+FFFD, the replacement character left where a conversion lost a letter")
        }
        if let run = mojibake(in: text) {
            problems.append("looks double-encoded (mojibake '\(run)')")
        }
        return problems
    }

    /// U+200B to U+200D, U+2060 and U+FEFF.
    static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    /// The first run that looks like UTF-8 read as Latin-1 or Windows-1252: a lead byte's
    /// character (Â to ß for two-byte sequences, à to ï for three-byte ones) followed by as many
    /// continuation-byte characters as the sequence needs.
    static func mojibake(in text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xEF }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices {
            let value = scalars[index].value
            let needed: Int
            switch value {
            case 0xC2...0xDF: needed = 1
            case 0xE0...0xEF: needed = 2
            default: continue
            }
            guard index + needed < scalars.count,
                (1...needed).allSatisfy({ isContinuation(scalars[index + $0]) })
            else { continue }
            var run = String.UnicodeScalarView()
            var end = index
            // Show the whole damaged run (up to 12 characters) so the curator can find it.
            while end < scalars.count, end - index < 12,
                (0xC2...0xEF).contains(scalars[end].value) || isContinuation(scalars[end])
            {
                run.append(scalars[end])
                end += 1
            }
            return String(run)
        }
        return nil
    }

    /// Whether `scalar` is how a UTF-8 continuation byte (0x80–0xBF) shows in Latin-1 or
    /// Windows-1252.
    static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0xBF).contains(scalar.value) || windows1252High.contains(scalar)
    }

    /// The Windows-1252 characters of bytes 0x80–0x9F.
    static let windows1252High: Set<Unicode.Scalar> = [
        "€", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "Ž", "‘", "’", "“", "”", "•", "–", "—", "˜",
        "™", "š", "›", "œ", "ž", "Ÿ",
    ]
}
