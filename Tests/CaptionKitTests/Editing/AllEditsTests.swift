import Foundation
import Testing

@testable import CaptionKit

/// ``CaptionFileEditor/apply(_:recording:fieldOrder:languageOrder:)`` proves all of a file's
/// edits with one load; it must give exactly the text, or exactly the error, of the one-by-one
/// calls it replaces.
@Suite struct AllEditsTests {
    static let order = ["kk", "ru", "en"]
    static let fields = ["title", "text", "credit"]

    /// Layouts, ordinary and odd (flow mappings, anchors, CRLF, a byte order mark, records in
    /// the middle, no final line break, files that cannot be edited).
    static let layouts: [String] = [
        CaptionFileEditorTests.file,
        """
        id: a\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  ru: |\n    Строка.\n\n    Ещё.\n  en: Line.\ncredit:\n  \
        ru: Фонд\n
        """,
        "id: a\ntext:\n  ru: |\n    Строка.\n\n    Ещё.\ntitle:\n  ru: Курт\n",
        "id: a\ntitle:\n  kk:\n  ru: Курт\n  en: \"\"\ntext:\n  ru: Один\n  kk: Бір\n",
        "id: a\r\ntitle:\r\n  ru: Курт\r\n  en: Kurt\r\ntext:\r\n  ru: |\r\n    Строка.\r\n  en: Line.\r\n",
        "\u{FEFF}# Сәукеле 👩🏽‍🎓\nid: a\ntitle: { ru: «Курт», en: Kurt }\ntext:\n  ru: |\n    Строка.\n  en: Line.\n",
        "id: a\ntitle: { ru: Курт, kk: Құрт }\ntext: { ru: Строка, kk: Жол }\n",
        "{ id: a, title: { ru: Курт, kk: Құрт }, text: { ru: Строка, kk: Жол } }\n",
        "id: a\ntitle:\n  ru: &r Курт\n  kk: *r\ntext:\n  ru: Строка\n",
        """
        id: a\ntitle:\n  ru: Курт\n  kk: old   # keep me\ntext:\n  ru: plain text\n    that runs on\n  # a \
        comment\n  kk: x\n
        """,
        """
        id: a\ntitle:\n  ru: Курт\ntranslations:  # machine-owned: source fingerprints of translations; do not \
        edit\n  title: { kk: 12345678 }\ntext:\n  ru: Строка\n
        """,
        "id: a\ntitle:\n  ru: Курт\ntranslations: oops\ntext:\n  ru: Строка\nnotes: |\n  Note.\n",
        "id: a\ntitle:\n  ru: Курт\ntext:\n  ru: Строка\nsee-also: [b, c]\nextra:\n  nested: { k: v }\n",
        "id: a\ntitle:\n    ru: Курт\n    en: Kurt\ntext:\n    ru: Строка",
        "id: a\ntitle:\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Строка\n  en: Line",
        "id: a\ntitle:\n  ru: Курт\ntitle:\n  ru: Дубль\n",
        "id: a\ntitle:\n  ru: Курт\ntext: [not, a, mapping]\n",
        "id: a\ntitle:\n  ru: !!str Курт\n  kk: !!str old\ntext:\n  ru: 'одна ''строка'''\n  kk: \"екі\\nжол\"\n",
    ]

    /// Edit sets: one language per field (the import's case), two languages of one field, and
    /// texts that need every scalar style.
    static let editSets: [[TranslationEdit]] = {
        var sets: [[TranslationEdit]] = []
        for text in ["Жаңа", "Two\nlines", "", "key: value", "line\n  indented", String(repeating: "Ұзын ", count: 20)]
        {
            sets.append(fields.map { TranslationEdit(field: $0, language: "kk", text: text + " " + $0) })
            sets.append(fields.dropLast().map { TranslationEdit(field: $0, language: "kk", text: $0 + " " + text) })
            sets.append([
                TranslationEdit(field: "text", language: "kk", text: text),
                TranslationEdit(field: "title", language: "en", text: text),
            ])
        }
        sets.append([
            TranslationEdit(field: "title", language: "kk", text: "Құрт"),
            TranslationEdit(field: "title", language: "en", text: "Kurt"),
        ])
        sets.append([
            TranslationEdit(field: "title", language: "ru", text: "Новый"),
            TranslationEdit(field: "text", language: "ru", text: "Другой"),
        ])
        sets.append([])
        return sets
    }()

    /// The outcome of the one-by-one calls.
    static func oneByOne(
        _ source: String, _ edits: [TranslationEdit], path: String = "a.yml", relativePath: String = "a.yml"
    )
        -> (text: String, error: CaptionError?)
    {
        var editor = CaptionFileEditor(text: source, path: path, relativePath: relativePath)
        do throws(CaptionError) {
            for edit in edits {
                try editor.setTranslation(
                    field: edit.field, language: edit.language, to: edit.text, languageOrder: order)
            }
            try editor.record(fingerprints(edits), fieldOrder: fields, languageOrder: order)
            return (editor.text, nil)
        } catch {
            return (editor.text, error)
        }
    }

    static func fingerprints(_ edits: [TranslationEdit]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for edit in edits { result[edit.field, default: [:]][edit.language] = SourceFingerprint.of(edit.field) }
        return result
    }

    /// Applies `edits` (with ``fingerprints(_:)``) and returns the error, if any.
    static func applying(_ edits: [TranslationEdit], with editor: inout CaptionFileEditor) -> CaptionError? {
        do throws(CaptionError) {
            try editor.apply(edits, recording: fingerprints(edits), fieldOrder: fields, languageOrder: order)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: layouts.indices)
    func allAtOnceGivesTheOneByOneTextOrError(_ layout: Int) {
        let source = Self.layouts[layout]
        for edits in Self.editSets {
            let expected = Self.oneByOne(source, edits)
            var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
            #expect(Self.applying(edits, with: &editor) == expected.error, "layout \(layout), edits \(edits)")
            #expect(editor.text == expected.text, "layout \(layout), edits \(edits)")
        }
    }

    /// The import's case takes the one-load path: one language per field, in ordinary layouts.
    @Test(arguments: [0, 1, 2, 3, 4, 9, 10, 11, 14, 17])
    func ordinaryLayoutsAreProvedWithOneLoad(_ layout: Int) {
        let edits = [
            TranslationEdit(field: "title", language: "kk", text: "Құрт"),
            TranslationEdit(field: "text", language: "kk", text: "Жол.\n\nЕкі."),
        ]
        var editor = CaptionFileEditor(text: Self.layouts[layout], path: "a.yml", relativePath: "a.yml")
        let result = editor.allAtOnce(
            edits, recording: Self.fingerprints(edits), fieldOrder: Self.fields, languageOrder: Self.order)
        #expect(
            result.map { String(decoding: $0.bytes, as: UTF8.self) } == Self.oneByOne(Self.layouts[layout], edits).text)
    }

    /// A file outside the accepted YAML (an anchor and an alias) is refused before any edit, with
    /// the same error all at once and one by one, naming the first finding; the text is unchanged.
    @Test func aFileWithFindingsIsRefusedTheSameWayAllAtOnceAndOneByOne() {
        let source = "id: a\ntitle:\n  ru: &r Курт\n  en: *r\ntext:\n  ru: Строка\n"
        let edits = [
            TranslationEdit(field: "text", language: "kk", text: "Жол"),
            TranslationEdit(field: "title", language: "ru", text: "Құрт"),
        ]
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        #expect(
            editor.allAtOnce(
                edits, recording: Self.fingerprints(edits), fieldOrder: Self.fields, languageOrder: Self.order) == nil)
        let expected = CaptionError.invalidInput(
            SourceLocation(path: "a.yml", line: 3, column: 7),
            "a.yml cannot be edited safely: the anchor '&r' is not accepted in caption files; write each value out "
                + "in full; fix that first")
        #expect(throws: expected) {
            try editor.apply(
                edits, recording: Self.fingerprints(edits), fieldOrder: Self.fields, languageOrder: Self.order)
        }
        #expect(editor.text == source)
        #expect(Self.oneByOne(source, edits).text == source)
        #expect(Self.oneByOne(source, edits).error == expected)
    }

    /// Splices found in the text before the edits land where the one-by-one path puts them,
    /// also when an inserted language and the appended record meet at the file's end.
    @Test func anInsertionAndTheRecordAtTheEndKeepTheOneByOneOrder() {
        let source = "id: a\ntext:\n  ru: |\n    Строка.\ntitle:\n  ru: Курт\n"
        let edits = [
            TranslationEdit(field: "title", language: "en", text: "Kurt"),
            TranslationEdit(field: "text", language: "en", text: "Line."),
        ]
        var editor = CaptionFileEditor(text: source, path: "a.yml", relativePath: "a.yml")
        let result = editor.allAtOnce(
            edits, recording: Self.fingerprints(edits), fieldOrder: Self.fields, languageOrder: Self.order)
        let expected =
            "id: a\ntext:\n  ru: |\n    Строка.\n  en: Line.\ntitle:\n  ru: Курт\n  en: Kurt\n"
            + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
            + "  title: { en: \(SourceFingerprint.of("title")) }\n  text: { en: \(SourceFingerprint.of("text")) }\n"
        #expect(result.map { String(decoding: $0.bytes, as: UTF8.self) } == expected)
        #expect(Self.oneByOne(source, edits).text == expected)
    }

    /// Changes made to a file after the collection loaded it.
    static let laterChanges: [@Sendable (String) -> String] = [
        { $0 },
        { "# a new first line\n" + $0 },
        { $0.replacingOccurrences(of: "Курт", with: "Кұрт") },
        { $0.replacingOccurrences(of: "  ru:", with: "  ru: ") },
        { $0.replacingOccurrences(of: "\n\n", with: "\n") },
        { $0.replacingOccurrences(of: "kk: old", with: "kk:") },
        { $0.replacingOccurrences(of: "title: { kk: 12345678 }", with: "title: { en: 12345678 }") },
    ]

    /// An editor takes the collection's exhibit for the file's load only while the file has
    /// the bytes the collection loaded; a file changed since is loaded again, and the edits
    /// give what the one-by-one calls give on the file as it is now.
    @Test(arguments: [0, 1, 2, 3, 9, 10])
    func theLoadedExhibitIsUsedOnlyWhileTheFileIsUnchanged(_ layout: Int) throws {
        for (index, change) in Self.laterChanges.enumerated() {
            let fixture = try TestCollection(files: [("g/a.yml", Self.layouts[layout])])
            let digests = LoadedFileDigests()
            let exhibit = try CollectionLoader.load(path: fixture.root, reading: digests.readExhibit).exhibits[0]
            #expect(exhibit == CollectionLoader.readExhibit("g/a.yml", root: fixture.root))
            let source = change(Self.layouts[layout])
            try fixture.write("g/a.yml", source)
            for edits in Self.editSets {
                var editor = try CaptionFileEditor(editing: exhibit, loadedFrom: digests.digest(ofFileAt: exhibit.path))
                #expect((editor.loaded != nil) == (source == Self.layouts[layout]), "layout \(layout), change \(index)")
                let expected = Self.oneByOne(source, edits, path: exhibit.path, relativePath: "g/a.yml")
                #expect(
                    Self.applying(edits, with: &editor) == expected.error,
                    "layout \(layout), change \(index), edits \(edits)")
                #expect(editor.text == expected.text, "layout \(layout), change \(index), edits \(edits)")
            }
        }
    }
}
