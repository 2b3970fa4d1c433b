import Foundation
import Testing

@testable import CaptionKit

/// A collection whose glossary has a do-not-translate name, an entry with variants, a forbidden
/// term and a note, and an entry without an English term.
func glossaryExportFixture() throws -> TestCollection {
    let fixture = try TestCollection(
        files: [
            (
                "arch.yml",
                """
                id: arch
                title:
                  ru: Арка скорби
                  en: Arch of Sorrow
                text:
                  ru: Узницы АЛЖИРа проходили под Аркой скорби в лагерь.

                """
            ),
            ("kurt.yml", "id: kurt\ntitle:\n  ru: Курт\n  en: Kurt\n"),
        ],
        config: """
            languages: [kk, ru, en]
            source: ru
            fields:
              title: { required: true }
              text: { required: false }

            """)
    try fixture.write(
        "glossary.yml",
        """
        - id: arch-of-sorrow
          kk: Қасірет аркасы
          ru: Арка скорби
          en: [Arch of Sorrow, Sorrow Arch]
          forbidden: { en: [Arch of Grief] }
          note: The monument at the entrance.
        - id: alzhir
          do-not-translate: true
          case: exact
          ru: АЛЖИР
          en: ALZHIR
        - id: camp
          kk: лагерь
          ru: лагерь

        """)
    return fixture
}

@Suite struct XLIFFGlossaryExportTests {
    static func export(_ fixture: TestCollection, _ version: XLIFFVersion, to language: String) throws -> String {
        var collection = try fixture.load()
        collection.rootPath = "Captions"
        let result = try XLIFFExporter.export(
            collection, options: XLIFFExportOptions(targetLanguages: [language], version: version))
        return String(decoding: try #require(result.files.first).data, as: UTF8.self)
    }

    @Test func xliff12HasOneNoteWithALinePerEntryInTheOrderOfTheSource() throws {
        let fixture = try glossaryExportFixture()
        let english = try Self.export(fixture, .v1_2, to: "en")
        #expect(
            english.contains(
                """
                          <note from="captions">Glossary (ru → en):
                АЛЖИР → ALZHIR; do not translate
                Арка скорби → Arch of Sorrow | Sorrow Arch; forbidden: Arch of Grief; \
                note: The monument at the entrance.</note>
                        </trans-unit>
                """))
        // The title uses only the arch; kurt uses no term and gets no glossary note.
        #expect(
            english.contains(
                """
                          <note from="captions">Glossary (ru → en):
                Арка скорби → Arch of Sorrow | Sorrow Arch; forbidden: Arch of Grief; \
                note: The monument at the entrance.</note>
                """))
        #expect(english.components(separatedBy: "Glossary (ru → en)").count == 3)
        // In Kazakh the camp has a term, and the name stays as it is.
        let kazakh = try Self.export(fixture, .v1_2, to: "kk")
        #expect(
            kazakh.contains(
                """
                          <note from="captions">Glossary (ru → kk):
                АЛЖИР → АЛЖИР; do not translate
                Арка скорби → Қасірет аркасы; note: The monument at the entrance.
                лагерь → лагерь</note>
                """))
    }

    @Test func xliff20HasTheGlossaryModuleBeforeTheNotes() throws {
        let fixture = try glossaryExportFixture()
        let english = try Self.export(fixture, .v2_0, to: "en")
        #expect(english.contains(#"xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0""#))
        #expect(
            english.contains(
                """
                      <unit id="arch.text" name="arch.yml#text" xml:space="preserve">
                        <gls:glossary>
                          <gls:glossEntry id="alzhir">
                            <gls:term>АЛЖИР</gls:term>
                            <gls:translation>ALZHIR</gls:translation>
                            <gls:definition>Do not translate: keep the term as it is.</gls:definition>
                          </gls:glossEntry>
                          <gls:glossEntry id="arch-of-sorrow">
                            <gls:term>Арка скорби</gls:term>
                            <gls:translation>Arch of Sorrow</gls:translation>
                            <gls:translation>Sorrow Arch</gls:translation>
                            <gls:definition>The monument at the entrance. Do not use: Arch of Grief.</gls:definition>
                          </gls:glossEntry>
                        </gls:glossary>
                        <mda:metadata>
                """))
        #expect(english.components(separatedBy: "<gls:glossary>").count == 3)
        // Then the mark of the exported target (Metadata module), then the notes.
        #expect(english.contains("    </mda:metadata>\n        <notes>\n"))
    }

    @Test func aCollectionWithoutAGlossaryExportsAsBefore() throws {
        let fixture = try glossaryExportFixture()
        try FileManager.default.removeItem(atPath: fixture.root + "/glossary.yml")
        for version in XLIFFVersion.allCases {
            let text = try Self.export(fixture, version, to: "en")
            #expect(!text.contains("Glossary") && !text.contains("gls:"))
        }
    }

    /// The fixture's and the bundled museum's exports with glossary entries are valid.
    @Test(
        .enabled(if: SharedSchemas.available, "needs ../shared/schemas (the OASIS XLIFF schemas)"),
        arguments: XLIFFVersion.allCases)
    func exportsWithTheGlossaryAreSchemaValid(_ version: XLIFFVersion) throws {
        let fixture = try glossaryExportFixture()
        let output = try TestCollection(files: [])
        for collection in [try CollectionLoader.load(path: bundledCaptions), try fixture.load()] {
            let result = try XLIFFExporter.export(
                collection, options: XLIFFExportOptions(version: version, outputFolder: output.root))
            try XLIFFExporter.write(result)
            for file in result.files {
                let text = String(decoding: file.data, as: UTF8.self)
                #expect(
                    text.contains(
                        version == .v1_2 ? "<note from=\"captions\">Glossary (ru → " : "<gls:glossEntry id=\"alzhir\">")
                )
                let errors = try XMLSchemaValidator.errors(
                    validating: file.path, schemaPath: SharedSchemas.schema(for: version))
                #expect(errors.isEmpty, "\(file.path): \(errors)")
            }
        }
    }

    /// Export with the glossary, translate, import: only the translated texts (and their
    /// fingerprint record) change; the glossary notes and entries are not read as text.
    @Test(arguments: XLIFFVersion.allCases)
    func importIgnoresTheGlossary(_ version: XLIFFVersion) throws {
        let fixture = try glossaryExportFixture()
        let before = try fixture.read("arch.yml")
        let kurtBefore = try fixture.read("kurt.yml")
        let files = try XLIFFImportTests.export(fixture, version, needed: true)
        let english = try #require(files.first { $0.targetLanguage == "en" })
        #expect(String(decoding: english.data, as: UTF8.self).contains(version == .v1_2 ? "Glossary" : "gls:"))
        try fillingTargets(english.data) { "EN " + $0 }.write(to: URL(fileURLWithPath: english.path))
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [english.path]), collectionPath: fixture.root)
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.applied) == [1])
        #expect(try fixture.read("kurt.yml") == kurtBefore)
        let after = try fixture.read("arch.yml")
        let added = after.split(separator: "\n").filter { !before.split(separator: "\n").contains($0) }
        #expect(added.first == "  en: EN Узницы АЛЖИРа проходили под Аркой скорби в лагерь.")
        #expect(added.dropFirst().allSatisfy { $0.hasPrefix("translations:") || $0.hasPrefix("  text:") })
        let collection = try fixture.load()
        let arch = try #require(collection.exhibits.first { $0.id == "arch" })
        #expect(arch.field("text")?.translation("en")?.text == "EN Узницы АЛЖИРа проходили под Аркой скорби в лагерь.")
        #expect(arch.field("title")?.translation("en")?.text == "Arch of Sorrow")
    }
}
