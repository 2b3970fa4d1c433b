import Foundation
import Testing

@testable import CaptionKit

/// The proof sheet of a collection that requires approval: an approved label names who reviewed
/// and who approved each text, as the record holds the names; a label held back for want of
/// approval shows its text, marked not approved and not for print.
@Suite struct ProofSheetSignOffTests {
    static let config = """
        languages: [kk, ru, en]
        source: ru
        fields:
          title: { required: true, max-chars: 80 }
          text:  { required: true, max-chars: 900 }
        signage: { width: 40, require: approved }

        """

    static func exhibit(_ id: String, title: (String, String, String), text: (String, String, String)) -> String {
        """
        id: \(id)
        title:
          kk: \(title.0)
          ru: \(title.1)
          en: \(title.2)
        text:
          kk: \(text.0)
          ru: \(text.1)
          en: \(text.2)

        """
    }

    /// `approved`: every text approved by DK, reviewed by AB but the English text by O'Brien
    /// (a name the page escapes); `waiting`: reviewed, not approved; `incomplete`: no Kazakh
    /// title, not approved.
    static func signedOffCollection(config: String = config) throws -> (TestCollection, CaptionCollection) {
        let fixture = try TestCollection(
            files: [
                (
                    "hall/approved.yml",
                    exhibit(
                        "approved", title: ("Құрт", "Курт", "Kurt"),
                        text: ("Құрт ақ.", "Курт белый.", "Kurt is white."))
                ),
                (
                    "hall/waiting.yml",
                    exhibit(
                        "waiting", title: ("Вагон", "Вагон", "Wagon"),
                        text: ("Вагон ескі.", "Вагон старый.", "The wagon is old."))
                ),
                (
                    "hall/incomplete.yml",
                    "id: incomplete\ntitle:\n  ru: Дверь\n  en: Door\ntext:\n  kk: Есік.\n  ru: Дверь.\n"
                        + "  en: A door.\n"
                ),
            ], config: config)
        func sign(
            _ action: SignOff.Action, _ id: String, fields: [String] = [], languages: [String] = [], by: String,
            on date: String
        ) throws {
            _ = try SignOff.run(
                SignOff.Request(action: action, id: id, fields: fields, languages: languages, by: by, date: date),
                collectionAt: fixture.root)
        }
        try sign(.review, "approved", fields: ["title"], by: "AB", on: "2026-12-03")
        try sign(.review, "approved", fields: ["text"], languages: ["kk"], by: "AB", on: "2026-12-03")
        try sign(.review, "approved", fields: ["text"], languages: ["en"], by: "O'Brien", on: "2026-12-03")
        try sign(.approve, "approved", by: "DK", on: "2026-12-04")
        try sign(.review, "waiting", by: "AB", on: "2026-12-03")
        try sign(.review, "incomplete", by: "AB", on: "2026-12-03")
        let collection = try fixture.load()
        // Paths in messages and on the sheet must not depend on the temporary folder.
        let relocated = CaptionCollection(
            rootPath: "Captions", config: collection.config,
            exhibits: collection.exhibits.map { exhibit in
                var exhibit = exhibit
                exhibit.path = "Captions/" + exhibit.relativePath
                return relocate(exhibit, from: fixture.root + "/", to: "Captions/")
            })
        return (fixture, relocated)
    }

    func proofSheet() throws -> String {
        let (fixture, collection) = try Self.signedOffCollection()
        let report = try SignageExporter.export(
            collection, options: SignageExportOptions(outputFolder: fixture.root + "/out", formats: [.html]))
        #expect(report.labelCount == 1)
        #expect(report.heldBack.map(\.displayID) == ["incomplete", "waiting"])
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/out/proof.html"))
        SignageSnapshot.assertMatches(data, named: "proof-signoff.html")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func anApprovedLabelNamesWhoReviewedAndApprovedEachText() throws {
        let html = try proofSheet()
        #expect(
            html.contains(
                """
                <p class="approved">Approved for print</p>
                <ul class="signoffs">
                <li>Kazakh (kk): reviewed by AB, approved by DK</li>
                <li>Russian (ru): approved by DK</li>
                <li>English (en) title: reviewed by AB, approved by DK</li>
                <li>English (en) text: reviewed by O&#39;Brien, approved by DK</li>
                </ul>
                """))
    }

    @Test func aLabelHeldBackForWantOfApprovalShowsItsTextMarkedNotForPrint() throws {
        let html = try proofSheet()
        let waiting = try #require(html.range(of: "<article class=\"label held-back not-approved\" id=\"waiting\">"))
        let article = html[waiting.lowerBound...]
        let end = try #require(article.range(of: "</article>"))
        let shown = article[..<end.upperBound]
        #expect(shown.contains("<p class=\"badge\">Held back: not approved, not for print</p>"))
        #expect(shown.contains("the Kazakh (kk) title is not approved (signage requires approved)"))
        #expect(shown.contains("Вагон старый."))
        #expect(!shown.contains("class=\"signoffs\""), "no approval to name")
        // Held back for a missing text as well: nothing of it is shown.
        #expect(!html.contains("Дверь."))
        #expect(
            html.contains(
                "<article class=\"label held-back\" id=\"incomplete\">\n<p class=\"exhibit\">incomplete</p>\n"
                    + "<p class=\"badge\">Held back: not exported</p>"))
    }

    /// The header counts the approved labels among the exported ones: all of them when the
    /// collection requires approval, one of two when it does not (`waiting` is exported too).
    @Test func theHeaderCountsTheApprovedLabels() throws {
        let html = try proofSheet()
        #expect(html.contains("<p>1 label (1 approved for print), 2 held back. Languages in sign order: "))
        let unrequired = Self.config.replacingOccurrences(of: ", require: approved", with: "")
        let (fixture, collection) = try Self.signedOffCollection(config: unrequired)
        let sheet = try withExtendedLifetime(fixture) {
            String(decoding: try SignageExporter.proofSheet(collection).data, as: UTF8.self)
        }
        #expect(sheet.contains("<p>2 labels (1 approved for print), 1 held back. Languages in sign order: "))
    }

    /// A sheet without sign-offs keeps its bytes: the fixture of the golden `proof.html` has none.
    @Test func aSheetWithoutSignOffsHasNoSignOffStyle() throws {
        let html = try proofSheet()
        #expect(html.contains("ul.signoffs {"))
        let fixture = try SignageFixture.make()
        let plain = try SignageExporter.proofSheet(try fixture.load())
        #expect(!String(decoding: plain.data, as: UTF8.self).contains("signoffs"))
    }
}
