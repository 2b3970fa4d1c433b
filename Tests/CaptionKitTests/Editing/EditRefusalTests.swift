import Foundation
import Testing

@testable import CaptionKit

/// Edits ``CaptionFileEditor`` refuses say so plainly and where: one that would make the file
/// larger than the loader reads (every later command would refuse it), and one refused after
/// an earlier edit of the same file moved its lines (the position is the one on disk).
@Suite struct EditRefusalTests {
    static let order = ["kk", "ru", "en"]
    static let fields = ["title", "text", "credit"]
    static let limit = ExhibitParser.maximumFileSize

    /// One line of `count` bytes of Cyrillic letters and spaces (a plain scalar).
    static func filler(_ count: Int) -> String {
        let word = "Өте ұзын мәтін"  // 26 bytes
        // Ends in a letter: a plain scalar's trailing space would not load back.
        var text = String(repeating: word + " ", count: (count - 1) / 27)
        text += String(repeating: "a", count: count - text.utf8.count)
        return text
    }

    static func sizeMessage(_ what: String, size: Int) -> String {
        "\(what) cannot be written: a.yml would be \(size) bytes, and exhibit files are limited to \(limit) bytes; "
            + "shorten the texts or notes in it, or split the exhibit in two"
    }

    /// A translation that would take the file over the limit is refused naming its field and
    /// language, in place and as a new field, one edit or several; the text is unchanged. (A
    /// text this long is written as a literal block: `|`, a line break and four spaces.)
    @Test func aTranslationTakingTheFileOverTheSizeLimitIsRefused() throws {
        let source = "id: a\ntitle:\n  ru: Курт\n  kk: Құрт\n"
        let big = Self.filler(Self.limit)
        let replaced = CaptionError.invalidInput(
            SourceLocation(path: "a.yml", line: 2, column: 1),
            Self.sizeMessage(
                "a.title (kk)",
                size: source.utf8.count + "  en: Kurt\n".utf8.count - "Құрт".utf8.count + "|\n    ".utf8.count
                    + big.utf8.count))
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        let edits = [
            TranslationEdit(field: "title", language: "en", text: "Kurt"),
            TranslationEdit(field: "title", language: "kk", text: big),
        ]
        #expect(throws: replaced) {
            try editor.apply(
                edits, recording: ["title": ["kk": "1", "en": "1"]], fieldOrder: Self.fields, languageOrder: Self.order)
        }
        // The edit before the refused one was made in memory; nothing of the refused one was.
        #expect(editor.text == source + "  en: Kurt\n")

        var newField = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        let added = CaptionError.invalidInput(
            SourceLocation(path: "a.yml", line: 1, column: 1),
            Self.sizeMessage(
                "a.text (kk)", size: source.utf8.count + "text:\n  kk: |\n    \n".utf8.count + big.utf8.count))
        #expect(throws: added) {
            try newField.setTranslation(field: "text", language: "kk", to: big, languageOrder: Self.order)
        }
        #expect(newField.text == source)
    }

    /// A record that would take the file over the limit (`accept`, `review`, `approve`, the
    /// record an import or a save writes) is refused too; a byte order mark counts.
    @Test func aRecordTakingTheFileOverTheSizeLimitIsRefused() throws {
        let fingerprint = SourceFingerprint.of("title")  // written plain, as AllEditsTests shows
        let record =
            "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
            + "  title: { kk: \(fingerprint) }\n"
        // The bulk is a comment, which loads fast.
        let head = "id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n# "
        let source = head + Self.filler(Self.limit - head.utf8.count - 1 - record.utf8.count + 1) + "\n"
        let message = Self.sizeMessage("the translations record of a", size: Self.limit + 1)
        let expected = CaptionError.invalidInput(SourceLocation(path: "a.yml", line: 1, column: 1), message)

        var accepting = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        #expect(throws: expected) {
            try accepting.record(
                ["title": ["kk": fingerprint]], fieldOrder: Self.fields, languageOrder: Self.order)
        }
        #expect(accepting.text == source)

        var reviewing = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        #expect(throws: expected) {
            try reviewing.recordSignOffs(
                ["title": ["kk": (fingerprint: fingerprint, signOff: nil)]], fieldOrder: Self.fields,
                languageOrder: Self.order)
        }
        #expect(reviewing.text == source)

        // One byte less fits; with a byte order mark it does not.
        let shorter = head + Self.filler(Self.limit - head.utf8.count - 1 - record.utf8.count) + "\n"
        var fitting = CaptionFileEditor(text: shorter, path: "a.yml", relativePath: "a.yml")
        try fitting.record(["title": ["kk": fingerprint]], fieldOrder: Self.fields, languageOrder: Self.order)
        #expect(fitting.data.count == Self.limit)
        var marked = try CaptionFileEditor(
            fileData: Data([0xEF, 0xBB, 0xBF] + Array(shorter.utf8)), path: "a.yml", relativePath: "a.yml")
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: "a.yml", line: 1, column: 1),
                Self.sizeMessage("the translations record of a", size: Self.limit + 3))
        ) {
            try marked.record(["title": ["kk": fingerprint]], fieldOrder: Self.fields, languageOrder: Self.order)
        }
    }

    /// An edit refused after an earlier edit of the file added a line names the line the field
    /// has on disk, not the one it had in the text edited so far.
    @Test func aRefusalAfterAnEarlierEditNamesThePositionOnDisk() {
        let source = """
            id: w
            text:
              ru: |
                Строка один.
                Строка два.
            credit: { ru: "Экспозиция", en: "Open-air display" }

            """
        let edits = [
            TranslationEdit(field: "text", language: "kk", text: "Бір жол."),
            TranslationEdit(field: "credit", language: "kk", text: "Экспозиция"),
        ]
        var editor = CaptionFileEditor(text: source, path: "w.yml", relativePath: "w.yml")
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: "w.yml", line: 6, column: 1),
                "credit in w.yml is not written as one 'language: text' entry per line; add the translation by hand")
        ) {
            try editor.apply(
                edits, recording: ["text": ["kk": "1"], "credit": ["kk": "1"]], fieldOrder: Self.fields,
                languageOrder: Self.order)
        }
        #expect(editor.text.hasPrefix("id: w\ntext:\n  kk: Бір жол.\n  ru: |\n"))
    }
}
