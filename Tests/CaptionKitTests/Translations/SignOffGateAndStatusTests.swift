import Foundation
import Testing

@testable import CaptionKit

/// Sign-off in `captions status` and in the print gate (`signage: require:`).
@Suite struct SignOffGateAndStatusTests {
    /// A museum with k's title reviewed in kk and en, approved in kk and ru (source); text not signed off.
    static func museum(config: String? = nil) throws -> TestCollection {
        let museum = try TestCollection(
            files: [
                (
                    "g/k.yml",
                    "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
                )
            ], config: config)
        _ = try SignOff.run(
            SignOff.Request(action: .review, id: "k", fields: ["title"], by: "AB", date: "2026-12-03"),
            in: try museum.load())
        _ = try SignOff.run(
            SignOff.Request(
                action: .approve, id: "k", fields: ["title"], languages: ["kk", "ru"], by: "DK", date: "2026-12-04"),
            in: try museum.load())
        return museum
    }

    @Test func statusCountsReviewedAndApprovedTextsPerLanguage() throws {
        let museum = try Self.museum()
        let status = try TranslationStatus.of(collectionAt: museum.root)
        #expect(
            status.languages.map { "\($0.language) \($0.reviewed) \($0.approved)" } == ["kk 1 1", "ru 0 1", "en 1 0"])
        #expect(
            status.text.split(separator: "\n").dropFirst().prefix(4).map(String.init) == [
                "language     units  translated  missing  reviewed  approved  complete  words to translate  errors  "
                    + "warnings  notes",
                "kk               2           2        0         1         1    100.0%                   0       0  "
                    + "       0      0",
                "ru (source)      2           2        0         -         1    100.0%                   -       0  "
                    + "       0      0",
                "en               2           2        0         1         0    100.0%                   0       0  "
                    + "       0      0",
            ])
        let json = try JSONSerialization.jsonObject(with: Data(try status.json().utf8)) as? [String: Any]
        let rows = json?["languages"] as? [[String: Any]]
        #expect(
            rows?.map { "\($0["reviewed"] as? Int ?? -1)/\($0["approved"] as? Int ?? -1)" } == ["1/1", "0/1", "1/0"])
        // An edit demotes at once: the kk title changed by hand counts as neither.
        try museum.write("g/k.yml", try museum.read("g/k.yml").replacingOccurrences(of: "kk: Құрт", with: "kk: Құрт."))
        let after = try TranslationStatus.of(collectionAt: museum.root)
        #expect(
            after.languages.map { "\($0.language) \($0.reviewed) \($0.approved)" } == ["kk 0 0", "ru 0 1", "en 1 0"])
    }

    static func reasons(_ museum: TestCollection) throws -> [String] {
        let collection = try museum.load()
        var gate = SignageGate(collection: collection)
        gate.required = try SignageSettings(config: collection.config).required
        return gate.reasons(for: collection.exhibits[0]).map {
            "\($0.location.line):\($0.location.column) \($0.kind.rawValue): \($0.message)"
        }
    }

    @Test func theGateHoldsBackWhatIsBelowTheRequiredLevel() throws {
        #expect(try Self.reasons(try Self.museum()) == [])
        #expect(
            try Self.reasons(try Self.museum(config: "signage: { require: reviewed }\n")) == [
                "7:3 notReviewed: the Kazakh (kk) text is not reviewed (signage requires reviewed)",
                "9:3 notReviewed: the English (en) text is not reviewed (signage requires reviewed)",
            ])
        #expect(
            try Self.reasons(try Self.museum(config: "signage:\n  require: approved\n")) == [
                "5:3 notApproved: the English (en) title is not approved (signage requires approved)",
                "7:3 notReviewed: the Kazakh (kk) text is not reviewed (signage requires approved)",
                "8:3 notApproved: the Russian (ru) text is not approved (signage requires approved)",
                "9:3 notReviewed: the English (en) text is not reviewed (signage requires approved)",
            ])
        let edited = try Self.museum(config: "signage:\n  require: approved\n")
        try edited.write("g/k.yml", try edited.read("g/k.yml").replacingOccurrences(of: "ru: Курт", with: "ru: Курт!"))
        #expect(
            try Self.reasons(edited).prefix(3) == [
                "3:3 staleTranslation: the Kazakh (kk) title was translated from an earlier ru text",
                "4:3 notApproved: the Russian (ru) title is not approved (the approval by DK on 2026-12-04 no longer "
                    + "counts: text changed) (signage requires approved)",
                "5:3 staleTranslation: the English (en) title was translated from an earlier ru text",
            ])
    }

    @Test func aBadRequireValueStopsWithItsPosition() throws {
        let museum = try TestCollection(files: [], config: "signage:\n  require: proofread\n")
        #expect(
            throws: CaptionError.invalidConfig(
                SourceLocation(path: museum.root + "/captions.yml", line: 2, column: 12),
                "signage require must be translated, reviewed or approved")
        ) {
            try SignageSettings(config: try museum.load().config)
        }
    }
}
