import Testing

@testable import CaptionKit

@Suite struct SignageGateTests {
    let complete =
        "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"

    func reasons(_ files: [(path: String, text: String)], config: String? = nil, for path: String) throws -> [String] {
        let fixture = try TestCollection(files: files, config: config)
        let collection = try fixture.load()
        let gate = SignageGate(collection: collection)
        let exhibit = try #require(collection.exhibits.first { $0.relativePath == path })
        return gate.reasons(for: exhibit).map { reason in
            let location = reason.location
            return "\(location.line):\(location.column) \(reason.kind.rawValue): \(reason.message)"
        }
    }

    @Test func aCompleteExhibitPasses() throws {
        #expect(try reasons([("g/kurt.yml", complete)], for: "g/kurt.yml") == [])
    }

    @Test func missingTranslationEmptyTextAndMissingFieldAreReportedWithPositions() throws {
        let text = "id: kurt\ntitle:\n  ru: Курт\n  en: Kurt\ncredit:\n  kk: \"  \"\n  ru: Фонд\n  en: Fund\n"
        #expect(
            try reasons([("g/kurt.yml", text)], for: "g/kurt.yml") == [
                "1:5 missingField: no text (a required field)",
                "2:1 missingTranslation: no Kazakh (kk) title",
                "6:7 emptyText: the Kazakh (kk) credit is empty",
            ])
    }

    /// A reason's ``HoldBackReason/Kind/checkID`` is the check that reports it, at the same place
    /// (the editor says the reason in Kazakh and Russian with that check's sentence).
    @Test func aReasonNamesTheCheckThatReportsTheSameProblem() throws {
        let text = "id: kurt\ntitle:\n  ru: Курт\n  en: Kurt\ncredit:\n  kk: \"  \"\n  ru: Фонд\n  en: Fund\n"
        let fixture = try TestCollection(files: [("g/kurt.yml", text)])
        let collection = try fixture.load()
        let reasons = SignageGate(collection: collection).reasons(for: try #require(collection.exhibits.first))
        #expect(reasons.map(\.kind) == [.missingField, .missingTranslation, .emptyText])
        let findings = try CaptionChecker.run(CheckRequest(path: fixture.root)).diagnostics
        for reason in reasons {
            let check = try #require(reason.kind.checkID)
            #expect(
                findings.contains { $0.checkID == check && $0.location.line == reason.location.line },
                "\(check) at line \(reason.location.line)")
        }
        #expect(HoldBackReason.Kind.unreadable.checkID == nil)
        #expect(HoldBackReason.Kind.notApproved.checkID == "not-approved")
    }

    @Test func anOptionalFieldThatIsAbsentDoesNotHoldBackButAPartialOneDoes() throws {
        #expect(try reasons([("g/kurt.yml", complete)], for: "g/kurt.yml").isEmpty)
        let partial = complete + "credit:\n  ru: Фонд музея\n"
        #expect(
            try reasons([("g/kurt.yml", partial)], for: "g/kurt.yml") == [
                "10:1 missingTranslation: no Kazakh (kk) credit",
                "10:1 missingTranslation: no English (en) credit",
            ])
    }

    @Test func unconfiguredFieldsLanguagesAndNotesDoNotMatter() throws {
        let extra = complete + "notes: for translators\nsubtitle:\n  ru: Не на табличке\n"
        #expect(try reasons([("g/kurt.yml", extra)], for: "g/kurt.yml").isEmpty)
    }

    @Test func unreadableFilesAndBadValuesHoldBack() throws {
        #expect(try reasons([("g/bad.yml", "id: bad\ntitle: [unclosed\n")], for: "g/bad.yml").count == 1)
        let number = complete.replacingOccurrences(of: "en: Kurt\ntext", with: "en: 1937\ntext")
        #expect(
            try reasons([("g/kurt.yml", number)], for: "g/kurt.yml")
                == [
                    "5:7 unreadable: title (en) is the number 1937, not text; put it in quotes if it is meant as text",
                    "2:1 missingTranslation: no English (en) title",
                ].sorted())
    }

    @Test func idsThatAreNotSlugsDuplicatesAndBadGalleriesHoldBack() throws {
        let traversal = complete.replacingOccurrences(of: "id: kurt", with: "id: ../../etc/passwd")
        #expect(
            try reasons([("g/kurt.yml", traversal)], for: "g/kurt.yml") == [
                "1:5 invalidID: id '../../etc/passwd' is not a slug"
            ])
        #expect(
            try reasons([("Bad Gallery/kurt.yml", complete)], for: "Bad Gallery/kurt.yml") == [
                "1:1 invalidGallery: gallery folder 'Bad Gallery' is not made of slugs"
            ])
        #expect(
            try reasons([("a/kurt.yml", complete), ("b/kurt.yml", complete)], for: "b/kurt.yml") == [
                "1:5 duplicateID: id 'kurt' is used by another exhibit too"
            ])
        let noID = complete.replacingOccurrences(of: "id: kurt\n", with: "")
        #expect(try reasons([("g/kurt.yml", noID)], for: "g/kurt.yml") == ["1:1 invalidID: the file has no id"])
    }

    @Test func aRootExhibitNamedLikeTheDataMergeFileIsHeldBack() throws {
        let text = complete.replacingOccurrences(of: "id: kurt", with: "id: datamerge")
        #expect(
            try reasons([("datamerge.yml", text)], for: "datamerge.yml") == [
                """
                1:5 reservedName: id 'datamerge' at the collection root would overwrite datamerge.txt of the \
                export; move it into a gallery folder
                """
            ])
        #expect(try reasons([("g/datamerge.yml", text)], for: "g/datamerge.yml").isEmpty)
    }

    @Test func heldBackLinesHaveTheCompilerShape() {
        let held = HeldBackExhibit(
            displayID: "kurt", gallery: "g", path: "Captions/g/kurt.yml",
            reasons: [
                HoldBackReason(
                    .missingTranslation, at: SourceLocation(path: "Captions/g/kurt.yml", line: 2, column: 1),
                    "no Kazakh (kk) title")
            ])
        #expect(held.formattedLines == ["Captions/g/kurt.yml:2:1: error: kurt held back: no Kazakh (kk) title"])
    }
}
