import Foundation
import Testing

@testable import CaptionKit

/// `--trust-states` on the editor's import path (an upload in memory): the same reviews, and a
/// later upload that changes the text demotes them.
@Suite struct XLIFFTrustStatesUploadTests {
    static func xliff2(target: String, state: String) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
              <file id="f1"><unit id="k.title">
                <segment state="\(state)"><source>Курт</source><target>\(target)</target></segment>
              </unit></file>
            </xliff>
            """.utf8)
    }

    @Test func anUploadRecordsAReviewAndALaterChangeDemotesIt() throws {
        let museum = try TestCollection(files: [("g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")])
        var trusting = XLIFFImportOptions(files: [])
        trusting.trustStatesBy = "AB"
        trusting.reviewDate = "2026-12-03"

        let ignored = try XLIFFImporter.run(
            upload: Self.xliff2(target: "Құрт", state: "reviewed"), named: "kk.xlf",
            options: XLIFFImportOptions(files: []), on: try museum.load())
        #expect(ignored.files[0].states == nil && ignored.written.isEmpty)

        let reviewed = try XLIFFImporter.run(
            upload: Self.xliff2(target: "Құрт", state: "reviewed"), named: "kk.xlf", options: trusting,
            on: try museum.load())
        #expect(reviewed.files[0].states == XLIFFImportReport.StateSummary(by: "AB", recorded: 1))
        #expect(try museum.read("g/k.yml").hasSuffix("  title:\n    kk: 8577ed6c d339738d reviewed 2026-12-03 AB\n"))
        #expect(
            try museum.load().exhibits[0].signOffStates(config: try museum.load().config)("title", "kk").review
                == SignOffMark(by: "AB", date: "2026-12-03"))

        let changed = try XLIFFImporter.run(
            upload: Self.xliff2(target: "Құрт!", state: "final"), named: "kk.xlf", options: trusting,
            on: try museum.load())
        #expect(changed.files[0].applied == 1)
        #expect(changed.files[0].states == XLIFFImportReport.StateSummary(by: "AB", changed: 1))
        #expect(
            try museum.read("g/k.yml").hasSuffix(
                "translations:  \(TranslationRecord.keyComment)\n  title: { kk: 8577ed6c }\n"))
    }
}
