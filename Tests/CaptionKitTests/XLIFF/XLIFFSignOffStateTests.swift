import Foundation
import Testing

@testable import CaptionKit

/// The export writes each unit's sign-off in its XLIFF version's vocabulary, and stays valid.
@Suite struct XLIFFSignOffStateTests {
    /// k: title approved in kk, text reviewed in kk, credit translated.
    static func museum() throws -> TestCollection {
        let museum = try TestCollection(files: [
            (
                "g/k.yml",
                "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
                    + "credit:\n  kk: Қор\n  ru: Фонд\n  en: Fund\n"
            )
        ])
        _ = try SignOff.run(
            SignOff.Request(
                action: .review, id: "k", fields: ["title", "text"], languages: ["kk"], by: "AB", date: "2026-12-03"),
            in: try museum.load())
        _ = try SignOff.run(
            SignOff.Request(
                action: .approve, id: "k", fields: ["title"], languages: ["kk"], by: "DK", date: "2026-12-03"),
            in: try museum.load())
        return museum
    }

    static func states(_ data: Data, element: String) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        return text.components(separatedBy: "<\(element) state=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func unitStatesSayReviewedAndApproved(_ version: XLIFFVersion) throws {
        let museum = try Self.museum()
        let result = try XLIFFExporter.export(
            try museum.load(), options: XLIFFExportOptions(version: version, outputFolder: museum.root + "/.exports"))
        let kk = try #require(result.files.first { $0.targetLanguage == "kk" })
        let en = try #require(result.files.first { $0.targetLanguage == "en" })
        switch version {
        case .v1_2:
            #expect(Self.states(kk.data, element: "target") == ["final", "signed-off", "translated"])
            #expect(Self.states(en.data, element: "target") == ["translated", "translated", "translated"])
        case .v2_0:
            #expect(Self.states(kk.data, element: "segment") == ["final", "reviewed", "translated"])
            #expect(Self.states(en.data, element: "segment") == ["translated", "translated", "translated"])
        }
        guard SharedSchemas.available else {
            print("XLIFFSignOffStateTests: schema validation skipped, ../shared/schemas is not there")
            return
        }
        try XLIFFExporter.write(result)
        for file in result.files {
            let errors = try XMLSchemaValidator.errors(
                validating: file.path, schemaPath: SharedSchemas.schema(for: version))
            #expect(errors.isEmpty, "\(file.path): \(errors)")
        }
        // An edit demotes: the kk title changed by hand is exported as merely translated.
        try museum.write("g/k.yml", try museum.read("g/k.yml").replacingOccurrences(of: "kk: Құрт", with: "kk: Құрт."))
        let after = try XLIFFExporter.export(
            try museum.load(), options: XLIFFExportOptions(version: version, outputFolder: museum.root + "/.exports"))
        let element = version == .v1_2 ? "target" : "segment"
        #expect(
            Self.states(try #require(after.files.first { $0.targetLanguage == "kk" }).data, element: element).first
                == "translated")
    }
}
