import Foundation
import Testing

@testable import CaptionKit

/// A sign-off of exactly the texts a page showed (`SignOff.Request.expectedTexts`), the editor's
/// per-exhibit operations, and "ready for print".
@Suite struct SignOffExpectedTextsTests {
    static let text = SignOffTests.exhibitText
    static let ru = SignOffTests.ru
    static let kk = SignOffTests.kk

    static func request(_ action: SignOff.Action, language: String, expected: [String: [String: String]])
        -> SignOff.Request
    {
        SignOff.Request(
            action: action, id: "k", fields: ["title"], languages: [language], by: "AB", date: "2026-12-03",
            expectedTexts: expected)
    }

    @Test func theTextsThePageShowedAreSignedAndAChangedOneIsAConflictThatWritesNothing() throws {
        let museum = try SignOffTests.museum()
        #expect(SignOff.fingerprint(of: "Құрт") == Self.kk)
        let shown = ["title": ["kk": Self.kk, "ru": Self.ru]]
        let review = try SignOff.run(Self.request(.review, language: "kk", expected: shown), in: try museum.load())
        #expect(review.signedOff == ["title (kk)"])
        #expect(
            try museum.read("g/k.yml")
                == Self.text + SignOffTests.header + "  title:\n    kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 AB\n")

        // The Kazakh text changes after the page showed it: the approval is a conflict.
        let changed = try museum.read("g/k.yml").replacingOccurrences(of: "  kk: Құрт\n", with: "  kk: Құрт!\n")
        try museum.write("g/k.yml", changed)
        #expect(throws: CaptionError.conflict(path: museum.root + "/g/k.yml")) {
            try SignOff.run(Self.request(.approve, language: "kk", expected: shown), in: try museum.load())
        }
        #expect(try museum.read("g/k.yml") == changed)
        // So is a changed source, and a text the page showed as missing that is there now.
        #expect(throws: CaptionError.conflict(path: museum.root + "/g/k.yml")) {
            try SignOff.run(
                Self.request(.approve, language: "ru", expected: ["title": ["ru": SignOff.fingerprint(of: "Кур")]]),
                in: try museum.load())
        }
        #expect(throws: CaptionError.conflict(path: museum.root + "/g/k.yml")) {
            try SignOff.run(
                Self.request(.approve, language: "ru", expected: ["text": ["kk": ""]]), in: try museum.load())
        }
        #expect(try museum.read("g/k.yml") == changed)
        // Without expected texts (the command line) the texts as they are now are signed.
        let approve = try SignOff.run(
            SignOff.Request(
                action: .approve, id: "k", fields: ["title"], languages: ["ru"], by: "AB", date: "2026-12-03"),
            in: try museum.load())
        #expect(approve.signedOff == ["title (ru)"])
    }

    @Test func theIndexedCollectionSignsOffAsTheWholeCollectionDoes() throws {
        let whole = try SignOffTests.museum()
        let indexed = try SignOffTests.museum()
        let request = SignOff.Request(action: .review, id: "k", by: "AB", date: "2026-12-03")
        let first = try SignOff.run(request, in: try whole.load())
        let second = try IndexedCollection(try indexed.load()).signOff(request)
        #expect(first.signedOff == second.signedOff)
        #expect(try whole.read("g/k.yml") == indexed.read("g/k.yml"))
        #expect(SignOff.problem(withName: "A;B") == "the name has a ';', which the record uses between sign-offs")
        #expect(SignOff.problem(withName: "Dana K.") == nil)
    }

    @Test func readyForPrintIsEveryTextOfTheLabelApproved() throws {
        let museum = try SignOffTests.museum()
        func ready() throws -> Bool {
            let collection = try museum.load()
            return PrintReadiness(collection: collection).isReady(collection.exhibits[0], findings: [])
        }
        #expect(try !ready())
        _ = try SignOff.run(SignOff.Request(action: .review, id: "k", by: "AB", date: "2026-12-03"), in: museum.load())
        _ = try SignOff.run(
            SignOff.Request(action: .approve, id: "k", fields: ["title"], by: "AB", date: "2026-12-03"),
            in: museum.load())
        // The text field lacks English: it is held back whatever is approved.
        #expect(try !ready())
        let collection = try museum.load()
        #expect(
            PrintReadiness(collection: collection, level: .reviewed).isReady(collection.exhibits[0], findings: [])
                == false)
        let full = try museum.read("g/k.yml").replacingOccurrences(
            of: "  ru: Текст\n", with: "  ru: Текст\n  en: Text\n")
        try museum.write("g/k.yml", full)
        _ = try SignOff.run(SignOff.Request(action: .review, id: "k", by: "AB", date: "2026-12-03"), in: museum.load())
        let reviewed = try museum.load()
        #expect(PrintReadiness(collection: reviewed, level: .reviewed).isReady(reviewed.exhibits[0], findings: []))
        #expect(try !ready())
        _ = try SignOff.run(SignOff.Request(action: .approve, id: "k", by: "AB", date: "2026-12-03"), in: museum.load())
        #expect(try ready())
        // An error of `captions check` in the file holds it back as the export does; a warning, or
        // an error of a check the gate looks for itself (counted there once), does not.
        let approved = try museum.load()
        let readiness = PrintReadiness(collection: approved)
        func finding(_ check: String, _ severity: Severity) -> Diagnostic {
            Diagnostic(
                checkID: check, severity: severity, location: SourceLocation(path: approved.exhibits[0].path, line: 4),
                message: "a finding")
        }
        #expect(!readiness.isReady(approved.exhibits[0], findings: [finding("number-mismatch", .error)]))
        #expect(readiness.isReady(approved.exhibits[0], findings: [finding("number-mismatch", .warning)]))
        #expect(readiness.isReady(approved.exhibits[0], findings: [finding("not-approved", .error)]))
    }
}
