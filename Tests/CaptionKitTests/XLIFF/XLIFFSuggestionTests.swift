import Foundation
import Testing

@testable import CaptionKit

/// `captions export xliff --suggest`: fuzzy matches for missing units.
@Suite struct XLIFFSuggestionTests {
    static func fixture() throws -> TestCollection {
        try TestCollection(
            files: [
                (
                    "a.yml",
                    "id: a\ntitle:\n  ru: Узницы жили в бараке зимой\n"
                        + "  en: The prisoners lived in the barrack in winter\n"
                ),
                ("b.yml", "id: b\ntitle:\n  ru: Узницы жили в бараке\n"),
                ("c.yml", "id: c\ntitle:\n  ru: Совсем другой текст\n"),
            ],
            config: "languages: [kk, ru, en]\nsource: ru\nfields:\n  title: { required: true }\n")
    }

    static func export(_ fixture: TestCollection, _ version: XLIFFVersion, suggest: Bool = true, needed: Bool = false)
        throws -> XLIFFExportFile
    {
        let result = try XLIFFExporter.export(
            try fixture.load(),
            options: XLIFFExportOptions(
                targetLanguages: ["en"], version: version, onlyNeeded: needed,
                outputFolder: fixture.root + "/.exports", suggest: suggest))
        try XLIFFExporter.write(result)
        return try #require(result.files.first)
    }

    @Test func xliff12OffersTheMatchAsAltTransNeverAsTheTarget() throws {
        let fixture = try Self.fixture()
        let file = try Self.export(fixture, .v1_2, needed: true)
        #expect(file.unitCount == 2 && file.missingCount == 2 && file.suggestedCount == 1)
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(
            text.contains(
                """
                        <trans-unit id="b.title" resname="b.yml#title" xml:space="preserve">
                          <source>Узницы жили в бараке</source>
                          <target state="needs-translation"></target>
                          <context-group purpose="information">
                            <context context-type="x-captions-target">cbf29ce484222325</context>
                            <context context-type="x-captions-language">en</context>
                            <context context-type="x-captions-prefilled">no</context>
                          </context-group>
                          <note from="captions">Caption file b.yml, field title.</note>
                          <alt-trans match-quality="88" origin="a.title">
                            <source>Узницы жили в бараке зимой</source>
                            <target>The prisoners lived in the barrack in winter</target>
                          </alt-trans>
                        </trans-unit>
                """))
        #expect(text.components(separatedBy: "<alt-trans").count == 2)
        let plain = try Self.export(fixture, .v1_2, suggest: false)
        #expect(!String(decoding: plain.data, as: UTF8.self).contains("alt-trans"))
    }

    @Test func xliff20OffersTheMatchInTheTranslationCandidatesModule() throws {
        let fixture = try Self.fixture()
        let text = String(decoding: try Self.export(fixture, .v2_0).data, as: UTF8.self)
        #expect(text.contains(#"xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0""#))
        #expect(
            text.contains(
                """
                      <unit id="b.title" name="b.yml#title" xml:space="preserve">
                        <mtc:matches>
                          <mtc:match ref="#s1" similarity="88" type="tm" origin="a.title">
                            <source>Узницы жили в бараке зимой</source>
                            <target>The prisoners lived in the barrack in winter</target>
                          </mtc:match>
                        </mtc:matches>
                        <mda:metadata>
                          <mda:metaGroup category="captions">
                            <mda:meta type="target">cbf29ce484222325</mda:meta>
                            <mda:meta type="language">en</mda:meta>
                            <mda:meta type="prefilled">no</mda:meta>
                          </mda:metaGroup>
                        </mda:metadata>
                        <notes>
                          <note category="location">Caption file b.yml, field title.</note>
                        </notes>
                        <segment id="s1" state="initial">
                          <source>Узницы жили в бараке</source>
                        </segment>
                      </unit>
                """))
    }

    @Test(
        .enabled(if: SharedSchemas.available, "needs ../shared/schemas (the OASIS XLIFF schemas)"),
        arguments: XLIFFVersion.allCases)
    func suggestionsAreSchemaValid(_ version: XLIFFVersion) throws {
        let fixture = try Self.fixture()
        let file = try Self.export(fixture, version)
        let errors = try XMLSchemaValidator.errors(
            validating: file.path, schemaPath: SharedSchemas.schema(for: version))
        #expect(errors.isEmpty, "\(errors)")
    }

    /// Returned untouched, a file with suggestions imports nothing: a suggestion is not a translation.
    @Test(arguments: XLIFFVersion.allCases)
    func aSuggestionIsNeverImported(_ version: XLIFFVersion) throws {
        let fixture = try Self.fixture()
        let before = try snapshotOfFiles(in: fixture.root)
        let file = try Self.export(fixture, version)
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file.path]), collectionPath: fixture.root)
        #expect(report.problems.isEmpty && report.written.isEmpty)
        #expect(report.files.map(\.applied) == [0] && report.files.map(\.skipped) == [2])
        #expect(try snapshotOfFiles(in: fixture.root) == before)
    }
}
