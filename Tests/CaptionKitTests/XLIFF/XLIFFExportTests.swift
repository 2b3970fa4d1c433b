import Foundation
import Testing

@testable import CaptionKit

/// A small collection with every kind of unit: translated, missing, stale, notes, a limit,
/// multi-line text and characters XML must escape.
func exportFixture() throws -> TestCollection {
    try TestCollection(
        files: [
            (
                "garden/wagon.yml",
                """
                id: wagon
                title:
                  kk: Вагон
                  ru: Вагон & <тамбур>
                  en: Wagon
                text:
                  ru: |
                    Первая строка.

                    «Вторая» строка.
                  en: Old English text
                notes: Say "wagon", not 'carriage'.
                translations:  # machine-owned: source fingerprints of translations; do not edit
                  text: { en: 0badc0de }

                """
            ),
            ("kurt.yml", "id: kurt\ntitle:\n  ru: Курт\n"),
        ],
        config: """
            languages: [kk, ru, en]
            source: ru
            fields:
              title: { required: true, max-chars: 40 }
              text: { required: true }
              credit: { required: false, max-chars: 160 }

            """)
}

@Suite struct XLIFFExportTests {
    @Test(arguments: [
        (XLIFFVersion.v1_2, false, false, "XLIFFExportTests.all-1.2.xlf"),
        (.v2_0, false, false, "XLIFFExportTests.all-2.0.xlf"),
        (.v1_2, true, true, "XLIFFExportTests.needed-prefilled-1.2.xlf"),
        (.v2_0, true, true, "XLIFFExportTests.needed-prefilled-2.0.xlf"),
    ])
    func snapshot(_ version: XLIFFVersion, needed: Bool, prefill: Bool, name: String) throws {
        let fixture = try exportFixture()
        var collection = try fixture.load()
        collection.rootPath = "Captions"  // what `original` shows; the folder itself has a random name
        let result = try XLIFFExporter.export(
            collection,
            options: XLIFFExportOptions(
                targetLanguages: ["en"], version: version, onlyNeeded: needed, prefillTarget: prefill))
        let file = try #require(result.files.first)
        #expect(file.path == "Exports/xliff/ru-en.xlf")
        try expectXLIFFSnapshot(file.data, named: name)
    }

    @Test func countsAndEmptyLanguages() throws {
        let fixture = try exportFixture()
        let collection = try fixture.load()
        let all = try XLIFFExporter.export(collection, options: XLIFFExportOptions(outputFolder: "out"))
        #expect(all.files.map(\.path) == ["out/ru-kk.xlf", "out/ru-en.xlf"])
        #expect(all.files.map(\.unitCount) == [3, 3])
        #expect(all.files.map(\.missingCount) == [2, 1])
        #expect(all.files.map(\.staleCount) == [0, 1])
        var translated = collection
        translated.exhibits = translated.exhibits.filter { $0.id == "kurt" }
        translated.exhibits[0].fields[0].translations.append(contentsOf: [
            Translation(language: "kk", text: "Құрт", keyLocation: .init(path: "k"), valueLocation: .init(path: "k")),
            Translation(language: "en", text: "Kurt", keyLocation: .init(path: "k"), valueLocation: .init(path: "k")),
        ])
        let needed = try XLIFFExporter.export(translated, options: XLIFFExportOptions(onlyNeeded: true))
        #expect(needed.files.isEmpty)
        #expect(needed.emptyLanguages == ["kk", "en"])
    }

    @Test func theSameCollectionGivesTheSameBytes() throws {
        let fixture = try exportFixture()
        for version in XLIFFVersion.allCases {
            let first = try XLIFFExporter.export(try fixture.load(), options: XLIFFExportOptions(version: version))
            let second = try XLIFFExporter.export(try fixture.load(), options: XLIFFExportOptions(version: version))
            #expect(first.files.map(\.data) == second.files.map(\.data))
        }
    }

    @Test func originalNamesTheFolderNotItsAbsolutePath() throws {
        let fixture = try exportFixture()
        let result = try XLIFFExporter.export(try fixture.load(), options: XLIFFExportOptions())
        let text = String(decoding: try #require(result.files.first).data, as: UTF8.self)
        let folderName = URL(fileURLWithPath: fixture.root).lastPathComponent
        #expect(text.contains("original=\"\(folderName)\""))
        #expect(!text.contains(fixture.root))
    }

    @Test(arguments: [("de", "is not a language of this collection"), ("ru", "is the source language")])
    func anUnknownTargetLanguageIsRefused(_ language: String, _ reason: String) throws {
        let fixture = try exportFixture()
        #expect(throws: CaptionError.invalidArgument("--to \(language) \(reason) (target languages: kk, en)")) {
            try XLIFFExporter.export(try fixture.load(), options: XLIFFExportOptions(targetLanguages: [language]))
        }
    }

    /// As by the signage export, both files with a shared id are held back: an import could
    /// not tell which one a unit names.
    @Test func exhibitsWithoutAUsableIDAreHeldBack() throws {
        let fixture = try TestCollection(files: [
            ("a.yml", "id: Not A Slug\ntitle:\n  ru: A\n"), ("b.yml", "id: b\ntitle:\n  ru: B\n"),
            ("c.yml", "id: b\ntitle:\n  ru: C\n"), ("d.yml", "id: d\ntitle:\n  ru: D\n"),
        ])
        let result = try XLIFFExporter.export(try fixture.load(), options: XLIFFExportOptions(targetLanguages: ["kk"]))
        #expect(result.files.first?.unitCount == 1)
        #expect(
            result.warnings.map { $0.formatted.replacingOccurrences(of: fixture.root + "/", with: "") } == [
                "a.yml:1:5: error: Not A Slug held back: id 'Not A Slug' is not a slug [xliff-export]",
                "b.yml:1:5: error: b held back: id 'b' is used by another exhibit too [xliff-export]",
                "c.yml:1:5: error: b held back: id 'b' is used by another exhibit too [xliff-export]",
            ])
    }

    /// Every variant of the bundled museum's export and of the fixture validates against the OASIS schemas.
    @Test(
        .enabled(if: SharedSchemas.available, "needs ../shared/schemas (the OASIS XLIFF schemas)"),
        arguments: XLIFFVersion.allCases)
    func exportsAreSchemaValid(_ version: XLIFFVersion) throws {
        let fixture = try exportFixture()
        let output = try TestCollection(files: [])
        for collection in [try CollectionLoader.load(path: bundledCaptions), try fixture.load()] {
            for (needed, prefill) in [(false, false), (true, true), (false, true)] {
                let result = try XLIFFExporter.export(
                    collection,
                    options: XLIFFExportOptions(
                        version: version, onlyNeeded: needed, prefillTarget: prefill, outputFolder: output.root))
                try XLIFFExporter.write(result)
                for file in result.files {
                    let errors = try XMLSchemaValidator.errors(
                        validating: file.path, schemaPath: SharedSchemas.schema(for: version))
                    #expect(errors.isEmpty, "\(file.path): \(errors)")
                }
            }
        }
    }

    @Test(.enabled(if: SharedSchemas.available, "needs ../shared/schemas (the OASIS XLIFF schemas)"))
    func theValidatorRejectsAnInvalidFile() throws {
        let output = try TestCollection(files: [])
        try output.write(
            "bad.xlf",
            """
            <?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" \
            version=\"1.2\"><nope/></xliff>\n
            """
        )
        let errors = try XMLSchemaValidator.errors(
            validating: output.root + "/bad.xlf", schemaPath: SharedSchemas.schema(for: .v1_2))
        #expect(!errors.isEmpty)
    }
}
