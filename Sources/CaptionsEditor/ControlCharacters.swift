import CaptionKit

/// A control character in a text (not a line break or tab: an escape code pasted from a terminal
/// or an old document), which the library's save refuses: it cannot be printed, and XML cannot
/// carry it to a translator. The page says where it is, since the character itself is invisible
/// (or a box) in the text box.
struct ControlCharacter: Sendable, Equatable {
    var field: String
    var language: String
    /// `U+0007`.
    var code: String
    /// Its place in the text, counted in characters from 1 (as the box's counter counts them).
    var position: Int
    /// The text around it, with the character shown as its Unicode control picture (␇).
    var context: String
    /// The control picture standing for it in `context`.
    var symbol: String

    /// The check whose finding a control character is (as a warning; the save refuses it).
    static let checkID = "not-normalized"

    /// The first control character of `text`, or `nil`.
    init?(in text: String, field: String, language: String) {
        var position = 0
        for character in text {
            position += 1
            guard let scalar = character.unicodeScalars.first(where: CaptionEditor.refuses) else { continue }
            self.field = field
            self.language = language
            code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            symbol = Self.picture(of: scalar)
            // Up to 24 characters either side, cut between words where the text goes on.
            let characters = Array(text)
            let start = max(0, position - 25)
            let end = min(characters.count, position + 24)
            var before = characters[start..<(position - 1)]
            var after = characters[position..<end]
            if start > 0 {
                if !characters[start - 1].isWhitespace { before = before.drop { !$0.isWhitespace } }
                before = before.drop(while: \.isWhitespace)
            }
            if end < characters.count {
                if !characters[end].isWhitespace {
                    while let last = after.last, !last.isWhitespace { after = after.dropLast() }
                }
                while let last = after.last, last.isWhitespace { after = after.dropLast() }
            }
            let shown =
                (start > 0 ? "…" : "") + String(before) + symbol + String(after) + (end < characters.count ? "…" : "")
            // One line: a line break in the text is shown as a space.
            context = String(shown.map { $0.isNewline ? " " : $0 })
            self.position = position
            return
        }
        return nil
    }

    /// The first control character of the texts `texts` (every box a save sends), in the order
    /// of the page (fields as configured, languages in sign order).
    static func first(in texts: ExhibitTexts, config: CollectionConfig) -> ControlCharacter? {
        all(in: texts, config: config).first
    }

    /// The first control character of each text of `texts` that has one, in the page's order.
    static func all(in texts: ExhibitTexts, config: CollectionConfig) -> [ControlCharacter] {
        config.fields.flatMap { spec in
            config.languages.compactMap { language in
                texts[spec.name]?[language].flatMap { ControlCharacter(in: $0, field: spec.name, language: language) }
            }
        }
    }

    /// The first control character of each text of `texts`, keyed `field.language`.
    static func keyed(in texts: ExhibitTexts, config: CollectionConfig) -> [String: ControlCharacter] {
        Dictionary(all(in: texts, config: config).map { ("\($0.field).\($0.language)", $0) }) { first, _ in first }
    }

    /// The values of the interface strings that say where it is.
    var placeholders: [String: String] {
        ["code": code, "position": String(position), "symbol": symbol, "context": context]
    }

    /// `findings` as Save will judge the texts: the `not-normalized` finding of a text with a
    /// control character is an error (the save refuses the text), not a warning.
    static func asSaveJudges(_ findings: [Diagnostic], texts: ExhibitTexts, config: CollectionConfig)
        -> [Diagnostic]
    {
        let refused = Set(all(in: texts, config: config).map { "\($0.field).\($0.language)" })
        guard !refused.isEmpty else { return findings }
        return findings.map { finding in
            guard finding.checkID == checkID, let field = finding.field, let language = finding.language,
                refused.contains("\(field).\(language)")
            else { return finding }
            var blocking = finding
            blocking.severity = .error
            return blocking
        }
    }

    /// The Unicode control picture of a C0 character or DEL (␇ for U+0007); `¿` for C1, which has none.
    static func picture(of scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        let picture: UInt32 = value < 0x20 ? 0x2400 + value : value == 0x7F ? 0x2421 : 0xBF
        return Unicode.Scalar(picture).map { String(Character($0)) } ?? "?"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
