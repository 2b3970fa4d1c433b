import Foundation
import Testing

@testable import CaptionKit

/// A caption text a curator changed while its XLIFF file was with the translator is never put
/// back to the text the file went out with (``ExportedTarget``).
@Suite struct XLIFFExportedTargetTests {
    static let config = """
        languages: [kk, ru, en]
        source: ru
        fields:
          title: { required: true }
          text: {}
        """

    static let kurt = "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Құрт ірімшігі.\n  ru: Курт — сыр.\n"
    static let barrack = "id: b\ntitle:\n  kk: Ескі барак\n  ru: Барак\n"

    @Test(arguments: XLIFFVersion.allCases)
    func textsChangedSinceTheExportAreKeptWhenReturnedUnchanged(_ version: XLIFFVersion) throws {
        let museum = try TestCollection(
            files: [("g/k.yml", Self.kurt), ("g/b.yml", Self.barrack)], config: Self.config)
        let exported = try XLIFFExporter.export(
            try museum.load(), options: XLIFFExportOptions(targetLanguages: ["kk"], version: version))
        let file = String(decoding: try #require(exported.files.first).data, as: UTF8.self)
        // While the file is with the translator, a curator corrects both Kazakh texts of k.
        let corrected = Self.kurt.replacingOccurrences(of: "  kk: Құрт\n", with: "  kk: Кептірілген құрт\n")
            .replacingOccurrences(of: "  kk: Құрт ірімшігі.\n", with: "  kk: Құрт — ірімшік.\n")
        try museum.write("g/k.yml", corrected)
        // The translator leaves k.title as it came, rewrites k.text and b.title.
        let returned = file.replacingOccurrences(of: ">Құрт ірімшігі.</target>", with: ">Кептірілген ірімшік.</target>")
            .replacingOccurrences(of: ">Ескі барак</target>", with: ">Тұтқындар барагы</target>")
        #expect(returned != file)
        let report = try XLIFFImporter.run(
            upload: Data(returned.utf8), named: "ru-kk.xlf", options: XLIFFImportOptions(files: []),
            on: try museum.load())
        // k.text and b.title applied (a text the translator changed wins, as it always has: it
        // may be the translator's own earlier delivery), with a warning naming the text k.text
        // replaces; k.title kept.
        #expect(report.files.map(\.applied) == [2])
        #expect(report.files.map(\.unchanged) == [1])
        #expect(report.files.map(\.conflicts) == [0])
        #expect(report.problems.isEmpty)
        #expect(
            report.warnings.map { "\($0.checkID) \($0.location.line) \($0.message)" } == [
                "newer-text-kept 3 title (kk) of k was kept as it is: it changed in the caption file after the "
                    + "export, and the translator returned it unchanged",
                "newer-text-replaced 6 text (kk) of k changed in the caption file after the export, and the "
                    + "translator's text replaces it; it was \"Құрт — ірімшік.\"",
            ])
        #expect(report.warnings.last?.notes.map(\.message) == ["the translator's text is here"])
        #expect(
            try museum.read("g/k.yml")
                == corrected.replacingOccurrences(of: "  kk: Құрт — ірімшік.\n", with: "  kk: Кептірілген ірімшік.\n")
                + "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
                + "  text: { kk: \(SourceFingerprint.of("Курт — сыр.")) }\n")
        #expect(try museum.read("g/b.yml").contains("  kk: Тұтқындар барагы\n"))
        // The translator's corrected second delivery of the same file: applied over the first.
        let second = returned.replacingOccurrences(
            of: ">Кептірілген ірімшік.</target>", with: ">Кептірілген құрт ірімшігі.</target>")
        let again = try XLIFFImporter.run(
            upload: Data(second.utf8), named: "ru-kk.xlf", options: XLIFFImportOptions(files: []),
            on: try museum.load())
        #expect(again.files.map(\.applied) == [1])
        #expect(again.files.map(\.unchanged) == [2])
        #expect(again.problems.isEmpty)
        // The caption file cannot tell the first delivery from a curator's edit: the warning
        // names the text replaced, so whoever applies it can tell.
        #expect(
            again.warnings.map(\.checkID) == ["newer-text-kept", "newer-text-replaced"], "\(again.warnings)")
        #expect(try museum.read("g/k.yml").contains("  kk: Кептірілген құрт ірімшігі.\n"))
    }

    @Test func aFileWithoutTheMarkIsAppliedAsBefore() throws {
        let museum = try TestCollection(files: [("g/k.yml", Self.kurt)], config: Self.config)
        let exported = try XLIFFExporter.export(
            try museum.load(), options: XLIFFExportOptions(targetLanguages: ["kk"], version: .v1_2))
        var file = String(decoding: try #require(exported.files.first).data, as: UTF8.self)
        // A tool that drops context groups.
        while let start = file.range(of: "<context-group"), let end = file.range(of: "</context-group>") {
            file.removeSubrange(start.lowerBound..<end.upperBound)
        }
        try museum.write(
            "g/k.yml", Self.kurt.replacingOccurrences(of: "  kk: Құрт\n", with: "  kk: Кептірілген құрт\n"))
        let report = try XLIFFImporter.run(
            upload: Data(file.utf8), named: "ru-kk.xlf", options: XLIFFImportOptions(files: []), on: try museum.load())
        #expect(report.files.map(\.applied) == [1])
        #expect(report.warnings.isEmpty && report.problems.isEmpty)
        #expect(try museum.read("g/k.yml").contains("  kk: Құрт\n"))
    }

    /// An upload (the editor's) whose target language is not the one it was exported for is
    /// refused as a file from disk is: nothing planned, nothing written.
    @Test(arguments: XLIFFVersion.allCases)
    func anUploadForAnotherLanguageThanExportedIsRefused(_ version: XLIFFVersion) throws {
        let museum = try TestCollection(files: [("g/k.yml", Self.kurt)], config: Self.config)
        let exported = try XLIFFExporter.export(
            try museum.load(), options: XLIFFExportOptions(targetLanguages: ["kk"], version: version))
        let file = String(decoding: try #require(exported.files.first).data, as: UTF8.self)
        let attribute = version == .v1_2 ? "target-language" : "trgLang"
        let english = file.replacingOccurrences(of: "\(attribute)=\"kk\"", with: "\(attribute)=\"en\"")
            .replacingOccurrences(of: ">Құрт</target>", with: ">Кептірілген құрт</target>")
        #expect(english != file)
        do {
            _ = try XLIFFImporter.run(
                upload: Data(english.utf8), named: "ru-en.xlf", options: XLIFFImportOptions(files: []),
                on: try museum.load())
            Issue.record("the upload was imported")
        } catch let error as CaptionError {
            #expect(
                error.message.hasPrefix(
                    "the file says its target language is 'en' (\(attribute)) but was exported for 'kk'"))
        }
        #expect(try museum.read("g/k.yml") == Self.kurt)
    }
}
