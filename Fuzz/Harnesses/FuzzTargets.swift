import Foundation

/// The fuzz targets: readers that must give a value or a finding for any bytes, and
/// transformers held to properties.
enum FuzzTargets {
    /// The exhibit parser: any bytes give an exhibit (with findings when they are not one).
    static func exhibitParser(_ bytes: UnsafeRawBufferPointer) {
        let exhibit = ExhibitParser.parse(data: Data(bytes), path: "fuzz.yml", relativePath: "fuzz.yml")
        if !exhibit.isReadable, exhibit.loadFindings.isEmpty { fatalError("unreadable exhibit without a finding") }
    }

    /// The configuration parser: any bytes give a configuration or a located error.
    static func configParser(_ bytes: UnsafeRawBufferPointer) {
        do {
            let config = try ConfigParser.parse(data: Data(bytes), path: "captions.yml")
            if !config.languages.contains(config.source) { fatalError("the source is not one of the languages") }
        } catch {
            if !error.description.hasPrefix("captions.yml") { fatalError("an error without the file: \(error)") }
        }
    }

    /// The XLIFF reader: any bytes give a document or a located error.
    static func xliffReader(_ bytes: UnsafeRawBufferPointer) {
        do {
            _ = try XLIFFReader.parse(Data(bytes), path: "fuzz.xlf")
        } catch {
            if !error.description.hasPrefix("fuzz.xlf") { fatalError("an error without the file: \(error)") }
        }
    }

    /// Splits the input at its first NUL byte into a file and a text (the text defaults to a
    /// fixed one); `nil` when the file part is not UTF-8.
    static func fileAndText(_ bytes: UnsafeRawBufferPointer) -> (file: String, text: String)? {
        let split = bytes.firstIndex(of: 0) ?? bytes.count
        guard let file = String(validating: bytes[..<split], as: UTF8.self) else { return nil }
        let rest = split < bytes.count ? bytes[(split + 1)...] : bytes[bytes.count...]
        let text = rest.isEmpty ? "Сәукеле «Курт» 1937–1946" : String(decoding: rest, as: UTF8.self)
        return (file, text)
    }

    /// Every (field, language) text of an exhibit, with its id and notes.
    static func values(_ exhibit: Exhibit) -> [String: String] {
        var result: [String: String] = ["#id": exhibit.id ?? "<none>", "#notes": exhibit.notes?.text ?? "<none>"]
        for field in exhibit.fields {
            for translation in field.translations { result[field.name + "." + translation.language] = translation.text }
        }
        return result
    }

    /// The caption-file editor: setting a translation in any file without findings either is
    /// refused or gives a file without findings where that text reads back exactly and every
    /// other value is unchanged.
    static func editorProperty(_ bytes: UnsafeRawBufferPointer) {
        guard let (file, text) = fileAndText(bytes) else { return }
        let before = ExhibitParser.parse(text: file, path: "a.yml", relativePath: "a.yml")
        guard before.isReadable, before.loadFindings.isEmpty else { return }
        let field = before.fields.first?.name ?? "title"
        let language = bytes.count % 2 == 0 ? "kk" : "en"
        var editor = CaptionFileEditor(text: file, path: "a.yml", relativePath: "a.yml")
        do {
            try editor.setTranslation(field: field, language: language, to: text, languageOrder: ["kk", "ru", "en"])
        } catch {
            return  // refused: the file's layout does not allow a safe edit
        }
        let after = ExhibitParser.parse(decodedBytes: Array(editor.data), path: "a.yml", relativePath: "a.yml")
        guard after.loadFindings.isEmpty else {
            fatalError("the edited file has findings: \(after.loadFindings.map(\.message))")
        }
        var expected = values(before)
        expected[field + "." + language] = text
        let got = values(after)
        if got != expected { fatalError("edit of \(field).\(language): expected \(expected), got \(got)") }
    }

    /// `fmt`: formatting a file changes no value, and formatting the result changes nothing.
    static func fmtProperty(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        guard
            case .formatted(let once) = CaptionFormatter.format(
                data: data, path: "a.yml", relativePath: "a.yml", config: .default)
        else { return }
        guard
            case .formatted(let twice) = CaptionFormatter.format(
                data: Data(once.utf8), path: "a.yml", relativePath: "a.yml", config: .default)
        else { fatalError("the formatted file is refused") }
        if twice != once { fatalError("formatting twice changed the file:\n\(once)\n---\n\(twice)") }
        let before = ExhibitParser.parse(data: data, path: "a.yml", relativePath: "a.yml")
        let after = ExhibitParser.parse(text: once, path: "a.yml", relativePath: "a.yml")
        if values(before) != values(after) {
            fatalError("formatting changed a value: \(values(before)) → \(values(after))")
        }
    }

    /// The words of `text`: its runs of letters, digits and marks, in order (NFC).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isLetter || character.isNumber
                || character.unicodeScalars.allSatisfy({
                    $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark
                })
            {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Typography: for every language, the typeset text has the words of the text, in order.
    static func typographyProperty(_ bytes: UnsafeRawBufferPointer) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let expected = words(text)
        for language in ["kk", "ru", "en", "kk-Latn"] {
            let typeset = Typography.apply(to: text, language: language)
            let got = words(typeset)
            if got != expected {
                fatalError("\(language): words \(expected) became \(got) in \(typeset.debugDescription)")
            }
        }
    }

    /// Line breaking: every word comes out once, in order (a line with soft hyphens: the
    /// words' letters in order, without the soft hyphens, whole or in pieces cut at them); no
    /// line is wider than the width unless it is one word or piece.
    static func lineBreakProperty(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first,
            let line = String(validating: bytes.dropFirst(), as: UTF8.self), !line.contains("\n")
        else { return }
        let width = Int(first % 48) + 1
        let measure = CharacterMeasure()
        let isSimple = SimpleScalars.scalarsOfSimpleLines(line) != nil && !line.contains("\t")
        var lines: [(words: [[UInt8]], width: Int)] = []
        var pieces: [(bytes: [UInt8], before: LineBreaker.Break)] = []
        var utf8 = Array(line.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            LineBreaker.breakLine(UnsafeBufferPointer(buffer), isSimple: isSimple, width: width, measure: measure) {
                word, before, wordWidth, _ in
                pieces.append((Array(word), before))
                if before == .space, !lines.isEmpty {
                    lines[lines.count - 1].words.append(Array(word))
                    lines[lines.count - 1].width += measure.spaceWidth + wordWidth
                } else {
                    lines.append(([Array(word)], wordWidth))
                }
            }
        }
        let softHyphen: [UInt8] = [0xC2, 0xAD]
        let expected = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            var bytes = Array(word.utf8)
            var index = 0
            while index + 1 < bytes.count {
                if Array(bytes[index...index + 1]) == softHyphen {
                    bytes.removeSubrange(index...index + 1)
                } else {
                    index += 1
                }
            }
            return bytes
        }.filter { !$0.isEmpty }
        let words = pieces.map(\.bytes)
        if !utf8.withUnsafeBufferPointer(SoftHyphens.occur) {
            if words != expected { fatalError("words \(expected) came out as \(words)") }
        } else {
            // Pieces cut at soft hyphens end with a hyphen of the breaker's, which a word can end
            // with too: without hyphens, the pieces are the words' letters in order.
            let letters = { (words: [[UInt8]]) in words.joined().filter { $0 != UInt8(ascii: "-") } }
            if letters(words) != letters(expected) || words.count < expected.count {
                fatalError("words \(expected) came out as \(words)")
            }
        }
        for line in lines where line.width > width && line.words.count > 1 {
            fatalError("a line of \(line.words.count) words is \(line.width) wide, over \(width): \(line.words)")
        }
    }
}
