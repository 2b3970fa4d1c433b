import Foundation
import Testing

@testable import CaptionKit

/// Reviews and approvals: the record's format, the operations, their refusals, and demotion on
/// every path that changes a text.
@Suite struct SignOffTests {
    static let config = CollectionConfig.default
    static let header = "translations:  # machine-owned: source fingerprints of translations; do not edit\n"
    static let exhibitText = "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n"
    static let ru = SourceFingerprint.of("Курт")
    static let kk = SourceFingerprint.of("Құрт")
    static let en = SourceFingerprint.of("Kurt")

    static func museum(_ text: String = exhibitText) throws -> TestCollection {
        try TestCollection(files: [("g/k.yml", text)])
    }

    static func request(
        _ action: SignOff.Action, fields: [String] = [], languages: [String] = [], by: String = "AB",
        date: String = "2026-12-03"
    ) -> SignOff.Request {
        SignOff.Request(action: action, id: "k", fields: fields, languages: languages, by: by, date: date)
    }

    static func states(_ museum: TestCollection) throws -> (String, String) -> SignOffState {
        let collection = try museum.load()
        return collection.exhibits[0].signOffStates(config: collection.config)
    }

    static func levels(_ museum: TestCollection) throws -> [String] {
        let state = try states(museum)
        return ["kk", "ru", "en"].map { language in
            let value = state("title", language)
            return "\(language):\(value.level?.rawValue ?? "-")\(value.outdated.map { "/\($0.reason.rawValue)" } ?? "")"
        }
    }

    // MARK: - The record

    @Test func theRecordReadsAndWritesEverySignOffShapeByteForByte() throws {
        let record =
            Self.header
            + "  title:\n    kk: 3f2a9c1e 5b1c0d2e reviewed 2026-12-03 AB; approved 2026-12-04 Dana K.\n"
            + "    ru: 3f2a9c1e approved 2026-12-04 DK\n    en: 3f2a9c1e\n"
            + "  text: { kk: 77c0d2aa, en: 77c0d2aa }\n"
            + "  credit:\n    kk: \"0a0b0c0d 11223344 reviewed 2026-01-31 Б. Ә.\"\n"
        let exhibit = ExhibitParser.parse(text: "id: k\n" + record, path: "k.yml", relativePath: "k.yml")
        let parsed = TranslationRecord(exhibit: exhibit)
        #expect(parsed.problems.isEmpty)
        #expect(
            parsed.signOffs["title"]?["kk"]
                == RecordedSignOff(
                    textFingerprint: "5b1c0d2e", review: SignOffMark(by: "AB", date: "2026-12-03"),
                    approval: SignOffMark(by: "Dana K.", date: "2026-12-04")))
        #expect(
            parsed.signOffs["title"]?["ru"]
                == RecordedSignOff(
                    textFingerprint: nil, review: nil, approval: SignOffMark(by: "DK", date: "2026-12-04")))
        #expect(
            parsed.signOffs["title"]?["en"] == nil && parsed.fingerprint(field: "title", language: "en") == "3f2a9c1e")
        #expect(parsed.signOffs["credit"]?["kk"]?.review?.by == "Б. Ә.")
        let written = parsed.yaml(
            fieldOrder: ["title", "text", "credit"], languageOrder: ["ru", "kk", "en"], newline: "\n")
        // Written in configured order; a name YAML reads as is stays plain.
        #expect(
            written + "\n"
                == Self.header
                + "  title:\n    ru: 3f2a9c1e approved 2026-12-04 DK\n"
                + "    kk: 3f2a9c1e 5b1c0d2e reviewed 2026-12-03 AB; approved 2026-12-04 Dana K.\n"
                + "    en: 3f2a9c1e\n  text: { kk: 77c0d2aa, en: 77c0d2aa }\n"
                + "  credit:\n    kk: 0a0b0c0d 11223344 reviewed 2026-01-31 Б. Ә.\n")
        let again = ExhibitParser.parse(text: "id: k\n" + written + "\n", path: "k.yml", relativePath: "k.yml")
        #expect(TranslationRecord(exhibit: again).sameEntries(as: parsed))
    }

    @Test(arguments: [
        "3f2a9c1e 5b1c0d2e", "3f2a9c1e reviewed 2026-12-03 AB", "3f2a9c1e 5b1c0d2e approved 2026-12-03 AB",
        "3f2a9c1e 5b1c0d2e reviewed 2026-12-3 AB", "3f2a9c1e 5b1c0d2e reviewed 2026-12-03", "3f2a9c1e approved",
        "3f2a9c1e 5b1c0d2e reviewed 2026-12-03 AB; reviewed 2026-12-03 AB", "3f2a9c1e signed 2026-12-03 AB",
        "3f2a9c1e 5b1c0d2e reviewed 2026-12-03 AB;", "3F2A9C1E approved 2026-12-03 AB",
    ])
    func malformedSignOffsAreProblemsAtTheirValue(_ value: String) {
        let exhibit = ExhibitParser.parse(
            text: "id: k\ntranslations:\n  title:\n    kk: \"\(value)\"\n", path: "k.yml", relativePath: "k.yml")
        let record = TranslationRecord(exhibit: exhibit)
        #expect(record.problems.map { "\($0.location.line):\($0.location.column)" } == ["4:9"])
        #expect(record.fingerprints.isEmpty && record.signOffs.isEmpty)
    }

    @Test func namesThatTheRecordCannotHoldAreRefused() {
        #expect(SignOffMark.problem(withName: "Aigerim B.") == nil)
        #expect(SignOffMark.problem(withName: "Әйгерім") == nil)
        #expect(SignOffMark.problem(withName: "") == "the name is empty")
        #expect(SignOffMark.problem(withName: "A;B") == "the name has a ';', which the record uses between sign-offs")
        #expect(SignOffMark.problem(withName: "A\nB") == "the name has a line break or control character")
        // A right-to-left override would show the name reversed; a zero-width space hides in it.
        #expect(SignOffMark.problem(withName: "A\u{202E}B") == "the name has the invisible formatting character U+202E")
        #expect(SignOffMark.problem(withName: "D\u{200B}K") == "the name has the invisible formatting character U+200B")
        #expect(SignOffMark.byOptionError(forName: "Aigerim B.") == nil)
        #expect(
            SignOffMark.byOptionError(forName: "A\nB\u{2028}")
                == "--by 'A\\nB\\u{2028}': the name has a line break or control character")
        #expect(
            SignOffMark.problem(withName: "A  B")
                == "the name starts or ends with a space or has two spaces in a row")
        #expect(
            SignOffMark.problem(withName: String(repeating: "x", count: 65)) == "the name is longer than 64 characters")
    }

    @Test func todayComesFromSourceDateEpochOrTheClock() throws {
        #expect(try SignOff.today(environment: ["SOURCE_DATE_EPOCH": "1796256000"]) == "2026-12-03")
        #expect(try SignOff.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == "1970-01-01")
        #expect(try SignOff.today(environment: [:], now: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(
            throws: CaptionError.invalidArgument(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'x'")
        ) {
            try SignOff.today(environment: ["SOURCE_DATE_EPOCH": "x"])
        }
    }

    // MARK: - Review and approve

    @Test func reviewThenApproveRecordsExactlyTheTextsAndNames() throws {
        let museum = try Self.museum()
        let review = try SignOff.run(Self.request(.review, fields: ["title"]), in: try museum.load())
        #expect(review.signedOff == ["title (kk)", "title (en)"] && review.refused.isEmpty)
        #expect(
            try museum.read("g/k.yml")
                == Self.exhibitText + Self.header
                + "  title:\n    kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 AB\n"
                + "    en: \(Self.ru) \(Self.en) reviewed 2026-12-03 AB\n")
        #expect(try Self.levels(museum) == ["kk:reviewed", "ru:translated", "en:reviewed"])

        let approve = try SignOff.run(
            Self.request(.approve, fields: ["title"], by: "Dana K.", date: "2026-12-04"), in: try museum.load())
        #expect(approve.signedOff == ["title (kk)", "title (ru)", "title (en)"])
        #expect(
            try museum.read("g/k.yml")
                == Self.exhibitText + Self.header
                + "  title:\n    kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 AB; approved 2026-12-04 Dana K.\n"
                + "    ru: \(Self.ru) approved 2026-12-04 Dana K.\n"
                + "    en: \(Self.ru) \(Self.en) reviewed 2026-12-03 AB; approved 2026-12-04 Dana K.\n")
        #expect(try Self.levels(museum) == ["kk:approved", "ru:approved", "en:approved"])
        let state = try Self.states(museum)("title", "kk")
        #expect(state.review == SignOffMark(by: "AB", date: "2026-12-03"))
        #expect(state.approval == SignOffMark(by: "Dana K.", date: "2026-12-04"))

        let again = try SignOff.run(Self.request(.approve, fields: ["title"], languages: ["kk"]), in: try museum.load())
        #expect(again.signedOff.isEmpty)
        #expect(again.alreadySignedOff == ["title (kk) of k was already approved by Dana K. on 2026-12-04"])
    }

    @Test func everyRefusalSaysWhyAndTheRestIsStillRecorded() throws {
        let museum = try Self.museum(
            Self.exhibitText.replacingOccurrences(of: "  kk: Мәтін\n", with: "  kk: Мәтін\n  en: Text\n")
                + "translations:\n  text: { en: 0badc0de }\n")
        let path = museum.root + "/g/k.yml"
        let review = try SignOff.run(Self.request(.review, languages: ["kk", "ru", "en"]), in: try museum.load())
        #expect(review.signedOff == ["title (kk)", "title (en)", "text (kk)"])
        #expect(
            review.refused.map { $0.line(id: "k") } == [
                "\(path):4:3: error: k: title (ru) is the source text, which is approved rather than reviewed "
                    + "(captions approve)",
                "\(path):9:3: error: k: text (ru) is the source text, which is approved rather than reviewed "
                    + "(captions approve)",
                "\(path):8:3: error: k: text (en) is stale: the ru text changed since it was translated; update the "
                    + "translation (or run captions accept), then review it",
            ])
        let approve = try SignOff.run(
            Self.request(.approve, fields: ["text", "credit"], languages: ["kk", "en"]), in: try museum.load())
        #expect(approve.signedOff == ["text (kk)"])
        #expect(
            approve.refused.map { $0.line(id: "k") } == [
                "\(path):8:3: error: k: text (en) is stale: the ru text changed since it was translated; update the "
                    + "translation (or run captions accept), then review it",
                "\(path):1:5: error: k: credit (kk) has no text to approve",
                "\(path):1:5: error: k: credit (en) has no text to approve",
            ])
        let unreviewed = try Self.museum()
        let refused = try SignOff.run(Self.request(.approve, languages: ["en"]), in: try unreviewed.load())
        #expect(
            refused.refused.map(\.reason) == [
                "is not reviewed; review it first (captions review)", "has no text to approve",
            ])
        #expect(try unreviewed.read("g/k.yml") == Self.exhibitText)
    }

    @Test func argumentsThatNameNothingAreErrorsAndWriteNothing() throws {
        let museum = try Self.museum()
        let collection = try museum.load()
        #expect(throws: CaptionError.invalidArgument("no exhibit with id 'kk' in \(museum.root); did you mean 'k'?")) {
            try SignOff.run(SignOff.Request(action: .review, id: "kk", by: "AB", date: "2026-12-03"), in: collection)
        }
        #expect(
            throws: CaptionError.invalidArgument(
                "--field titel is not a field of this collection (title, text, credit); did you mean 'title'?")
        ) { try SignOff.run(Self.request(.review, fields: ["titel"]), in: collection) }
        #expect(throws: CaptionError.invalidArgument("--lang de is not a language of this collection (kk, ru, en)")) {
            try SignOff.run(Self.request(.review, languages: ["de"]), in: collection)
        }
        #expect(
            throws: CaptionError.invalidArgument(
                "--by 'A;B': the name has a ';', which the record uses between sign-offs")
        ) {
            try SignOff.run(Self.request(.review, by: "A;B"), in: collection)
        }
        #expect(throws: CaptionError.invalidArgument("the date '3.12.2026' is not written YYYY-MM-DD")) {
            try SignOff.run(Self.request(.review, date: "3.12.2026"), in: collection)
        }
        #expect(try museum.read("g/k.yml") == Self.exhibitText)
    }

    @Test func approveAllReviewedTakesOnlyReviewedTextsOfTheGallery() throws {
        let museum = try TestCollection(files: [
            ("g/k.yml", Self.exhibitText),
            ("g/sub/m.yml", Self.exhibitText.replacingOccurrences(of: "id: k", with: "id: m")),
            ("h/p.yml", Self.exhibitText.replacingOccurrences(of: "id: k", with: "id: p")),
        ])
        for id in ["k", "m", "p"] {
            _ = try SignOff.run(
                SignOff.Request(
                    action: .review, id: id, fields: ["title"], languages: ["kk"], by: "AB", date: "2026-12-03"),
                in: try museum.load())
        }
        #expect(throws: CaptionError.invalidArgument("no gallery 'gg' in \(museum.root); did you mean 'g'?")) {
            try SignOff.approveAllReviewed(gallery: "gg", by: "DK", date: "2026-12-04", in: try museum.load())
        }
        let results = try SignOff.approveAllReviewed(gallery: "g", by: "DK", date: "2026-12-04", in: try museum.load())
        #expect(results.map { "\($0.id): \($0.signedOff)" } == ["k: [\"title (kk)\"]", "m: [\"title (kk)\"]"])
        #expect(
            try museum.read("g/sub/m.yml").hasSuffix(
                "kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 AB; approved 2026-12-04 DK\n"))
        #expect(try museum.read("h/p.yml").hasSuffix("kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 AB\n"))
        #expect(
            try SignOff.approveAllReviewed(gallery: nil, by: "DK", date: "2026-12-05", in: try museum.load()).map(\.id)
                == ["p"])
        #expect(
            try SignOff.approveAllReviewed(gallery: nil, by: "DK", date: "2026-12-05", in: try museum.load()).isEmpty)
    }

    // MARK: - Four eyes

    static let fourEyes = "checks:\n  not-approved: { severity: error, four-eyes: true }\n"

    /// The title reviewed by DK in kk and en and approved by DK in every language, recorded before
    /// `four-eyes: true` was set, which is set now.
    /// `exhibit` is the caption file, `config` the rest of `captions.yml`.
    static func selfApprovedMuseum(_ exhibit: String = exhibitText, config: String = "") throws -> TestCollection {
        let museum = try Self.museum(exhibit)
        try museum.write("captions.yml", config)
        _ = try SignOff.run(Self.request(.review, fields: ["title"], by: "DK"), in: try museum.load())
        _ = try SignOff.run(Self.request(.approve, fields: ["title"], by: "DK"), in: try museum.load())
        try museum.write("captions.yml", Self.fourEyes + config)
        return museum
    }

    /// With four eyes, the approval by a text's reviewer is refused, like any refusal: located,
    /// one line, the rest still recorded (before, it was recorded and only `check` objected).
    @Test func fourEyesRefusesTheReviewersApproval() throws {
        let museum = try Self.museum()
        try museum.write("captions.yml", Self.fourEyes)
        let path = museum.root + "/g/k.yml"
        _ = try SignOff.run(Self.request(.review, fields: ["title"], by: "DK"), in: try museum.load())
        let approve = try SignOff.run(Self.request(.approve, fields: ["title"], by: "DK"), in: try museum.load())
        #expect(approve.signedOff == ["title (ru)"])
        #expect(
            approve.refused.map { $0.line(id: "k") } == [
                "\(path):3:3: error: k: title (kk) was reviewed by DK on 2026-12-03; with four-eyes: true another "
                    + "person must approve it",
                "\(path):5:3: error: k: title (en) was reviewed by DK on 2026-12-03; with four-eyes: true another "
                    + "person must approve it",
            ])
        #expect(try Self.levels(museum) == ["kk:reviewed", "ru:approved", "en:reviewed"])
        // The check's advice names the reviewer, who may not approve (it said to approve).
        let check = try CaptionChecker.run(CheckRequest(path: museum.root))
        #expect(
            check.diagnostics.filter { $0.checkID == "not-approved" && $0.field == "title" }.map(\.message) == [
                "title (kk) of k is not approved; someone other than its reviewer (DK) must approve it with captions "
                    + "approve",
                "title (en) of k is not approved; someone other than its reviewer (DK) must approve it with captions "
                    + "approve",
            ])
        // The source language has no review: its curator approves it alone.
        #expect(try museum.read("g/k.yml").contains("    ru: \(Self.ru) approved 2026-12-03 DK\n"))
        // A malformed four-eyes is said, not taken for false.
        try museum.write("captions.yml", "checks:\n  not-approved: { four-eyes: yes please }\n")
        #expect(throws: CaptionError.self) {
            try SignOff.run(Self.request(.approve, fields: ["title"], by: "DK"), in: try museum.load())
        }
    }

    /// An approval by the reviewer that four eyes does not count is not "already approved":
    /// another person's approval replaces it, and so does `--all-reviewed`, which skips (and
    /// names) what the approver reviewed.
    @Test func fourEyesAnotherPersonReplacesTheReviewersApproval() throws {
        let museum = try Self.selfApprovedMuseum()
        let state = try Self.states(museum)("title", "kk")
        #expect(state.approval == nil && state.approvalByReviewer == SignOffMark(by: "DK", date: "2026-12-03"))
        #expect(try Self.levels(museum) == ["kk:reviewed", "ru:approved", "en:reviewed"])
        let again = try SignOff.run(
            Self.request(.approve, fields: ["title"], languages: ["kk"], by: "DK"), in: try museum.load())
        #expect(again.alreadySignedOff.isEmpty && again.signedOff.isEmpty)
        #expect(
            again.refused.map(\.reason) == [
                "was reviewed by DK on 2026-12-03; with four-eyes: true another person must approve it"
            ])
        let skipped = try SignOff.approveAllReviewed(gallery: nil, by: "DK", date: "2026-12-04", in: try museum.load())
        #expect(skipped.map { "\($0.id): \($0.signedOff) \($0.refused.map(\.language))" } == ["k: [] [\"kk\", \"en\"]"])
        let approved = try SignOff.run(
            Self.request(.approve, fields: ["title"], languages: ["kk"], by: "AB", date: "2026-12-04"),
            in: try museum.load())
        #expect(approved.signedOff == ["title (kk)"] && approved.refused.isEmpty)
        #expect(
            try museum.read("g/k.yml").contains(
                "    kk: \(Self.ru) \(Self.kk) reviewed 2026-12-03 DK; approved 2026-12-04 AB\n"))
        let all = try SignOff.approveAllReviewed(gallery: nil, by: "AB", date: "2026-12-04", in: try museum.load())
        #expect(all.map { "\($0.id): \($0.signedOff) \($0.refused)" } == ["k: [\"title (en)\"] []"])
        #expect(try Self.levels(museum) == ["kk:approved", "ru:approved", "en:approved"])
        // Without four eyes, the same record counts, as before.
        let plain = try Self.selfApprovedMuseum()
        try plain.write("captions.yml", "checks:\n  not-approved: error\n")
        #expect(try Self.levels(plain) == ["kk:approved", "ru:approved", "en:approved"])
    }

    /// What approves a text, the one rule the `not-approved` check and the editor say in their
    /// own words: nothing when approved; the reviewer's own approval named; a translation not
    /// reviewed is reviewed first (the source never is); with four eyes the reviewer is named.
    @Test func approvalAdviceFollowsTheSignOffState() {
        let mark = SignOffMark(by: "DK", date: "2026-12-03")
        let approved = SignOffState(translation: .translated, review: mark, approval: mark)
        #expect(approved.approvalAdvice(isSource: false, fourEyes: true) == nil)
        let byReviewer = SignOffState(translation: .translated, review: mark, approvalByReviewer: mark)
        #expect(byReviewer.approvalAdvice(isSource: false, fourEyes: true) == .approvedByReviewer(mark))
        let translated = SignOffState(translation: .translated)
        #expect(translated.approvalAdvice(isSource: false, fourEyes: false) == .reviewFirst)
        #expect(translated.approvalAdvice(isSource: true, fourEyes: true) == .approve)
        let reviewed = SignOffState(translation: .translated, review: mark)
        #expect(reviewed.approvalAdvice(isSource: false, fourEyes: true) == .someoneOtherThanReviewer("DK"))
        #expect(reviewed.approvalAdvice(isSource: false, fourEyes: false) == .approve)
    }

    /// The print gate and "ready for print" judge an approval as `check` does: with four eyes, a
    /// reviewer's own approval holds the label back, with a reason that says so.
    @Test func fourEyesHoldsTheReviewersApprovalBackFromPrint() throws {
        let museum = try Self.selfApprovedMuseum(
            "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n",
            config: "fields:\n  title: { required: true }\nsignage:\n  require: approved\n")
        let collection = try museum.load()
        var gate = SignageGate(collection: collection)
        gate.required = .approved
        #expect(
            gate.reasons(for: collection.exhibits[0]).map(\.message) == [
                "the Kazakh (kk) title is not approved: it was approved by its reviewer (DK), and another person "
                    + "must approve it (signage requires approved)",
                "the English (en) title is not approved: it was approved by its reviewer (DK), and another person "
                    + "must approve it (signage requires approved)",
            ])
        #expect(!PrintReadiness(collection: collection).isReady(collection.exhibits[0], findings: []))
        let check = try CaptionChecker.run(CheckRequest(path: museum.root))
        #expect(
            check.diagnostics.filter { $0.checkID == "not-approved" }.map(\.message) == [
                "title (kk) of k was approved by its reviewer (DK); another person must approve it",
                "title (en) of k was approved by its reviewer (DK); another person must approve it",
            ])
        _ = try SignOff.approveAllReviewed(gallery: nil, by: "AB", date: "2026-12-04", in: try museum.load())
        let approved = try museum.load()
        var approvedGate = SignageGate(collection: approved)
        approvedGate.required = .approved
        #expect(approvedGate.reasons(for: approved.exhibits[0]).isEmpty)
        #expect(PrintReadiness(collection: approved).isReady(approved.exhibits[0], findings: []))
    }

    // MARK: - Demotion on every path that changes a text

    /// A museum whose title is reviewed and approved in every language.
    static func approvedMuseum() throws -> TestCollection {
        let museum = try Self.museum()
        _ = try SignOff.run(Self.request(.review, fields: ["title"]), in: try museum.load())
        _ = try SignOff.run(Self.request(.approve, fields: ["title"], by: "DK"), in: try museum.load())
        #expect(try Self.levels(museum) == ["kk:approved", "ru:approved", "en:approved"])
        return museum
    }

    @Test func aHandEditOfEitherTextDemotesVisibly() throws {
        let museum = try Self.approvedMuseum()
        let approved = try museum.read("g/k.yml")
        try museum.write("g/k.yml", approved.replacingOccurrences(of: "kk: Құрт", with: "kk: Құрт!"))
        #expect(try Self.levels(museum) == ["kk:translated/text changed", "ru:approved", "en:approved"])
        let outdated = try Self.states(museum)("title", "kk").outdated
        #expect(
            outdated
                == OutdatedSignOff(
                    level: .approved, mark: SignOffMark(by: "DK", date: "2026-12-03"), reason: .textChanged,
                    review: SignOffMark(by: "AB", date: "2026-12-03")))
        // A missing review names the review that no longer counts, a missing approval the approval.
        let refused = try SignOff.run(
            Self.request(.approve, fields: ["title"], languages: ["kk"]), in: try museum.load())
        #expect(
            refused.refused.map(\.reason) == [
                "is not reviewed (the review by AB on 2026-12-03 no longer counts: text changed); review it first "
                    + "(captions review)"
            ])
        let gate = try CaptionChecker.run(CheckRequest(path: museum.root, require: .approved))
        #expect(
            gate.diagnostics.filter { $0.checkID.hasPrefix("not-") && $0.field == "title" }.map(\.message) == [
                "title (kk) of k is not approved (the approval by DK on 2026-12-03 no longer counts: text changed); "
                    + "review it first (captions review), then approve it with captions approve",
                "title (kk) of k is not reviewed (the review by AB on 2026-12-03 no longer counts: text changed); "
                    + "review it with captions review",
            ])
        try museum.write("g/k.yml", approved.replacingOccurrences(of: "ru: Курт", with: "ru: Курт!"))
        #expect(
            try Self.levels(museum) == ["kk:-/source changed", "ru:translated/text changed", "en:-/source changed"])
    }

    /// `--require` is a gate: its checks report errors even where `captions.yml` makes them
    /// warnings or turns them off (with a warning, the gate exited 0 with nothing reviewed).
    @Test func requireReportsErrorsWhateverTheConfigurationSays() throws {
        for setting in ["warning", "note", "off"] {
            let museum = try TestCollection(
                files: [("g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")],
                config: "fields:\n  title: { required: true }\nchecks:\n  not-reviewed: \(setting)\n")
            let gate = try CaptionChecker.run(CheckRequest(path: museum.root, require: .reviewed))
            let found = gate.diagnostics.filter { $0.checkID == "not-reviewed" }
            #expect(found.map(\.language) == ["kk", "en"], "\(setting)")
            #expect(found.allSatisfy { $0.severity == .error }, "\(setting)")
            let plain = try CaptionChecker.run(CheckRequest(path: museum.root))
            #expect(
                plain.diagnostics.filter { $0.checkID == "not-reviewed" }.map(\.severity.rawValue)
                    == (setting == "off" ? [] : [setting, setting]))
        }
    }

    @Test func anImportedTranslationDropsTheSignOffOfTheTextItReplaces() throws {
        let museum = try Self.approvedMuseum()
        let file = try XLIFFImportTests.singleUnitFile(in: museum, id: "k.title", source: "Курт", target: "Құрт-2")
        let report = try XLIFFImporter.run(XLIFFImportOptions(files: [file]), collectionPath: museum.root)
        #expect(report.problems.isEmpty)
        #expect(try Self.levels(museum) == ["kk:translated", "ru:approved", "en:approved"])
        #expect(try museum.read("g/k.yml").contains("\n    kk: \(Self.ru)\n"))
    }

    @Test func acceptingAfterASourceEditDropsTheOldSignOff() throws {
        let museum = try Self.approvedMuseum()
        try museum.write("g/k.yml", try museum.read("g/k.yml").replacingOccurrences(of: "ru: Курт", with: "ru: Курт!"))
        _ = try TranslationAcceptance.accept(id: "k", field: "title", language: nil, in: try museum.load())
        #expect(try Self.levels(museum) == ["kk:translated", "ru:translated/text changed", "en:translated"])
        let newSource = SourceFingerprint.of("Курт!")
        #expect(try museum.read("g/k.yml").contains("\n    kk: \(newSource)\n    ru: \(Self.ru) approved"))
    }

    @Test func theEditorsSaveDemotesWhatItChanges() throws {
        let museum = try Self.approvedMuseum()
        let path = museum.root + "/g/k.yml"
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "title", language: "en", text: "Qurt")], exhibit: "k", in: try museum.load(),
            expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(try Self.levels(museum) == ["kk:approved", "ru:approved", "en:translated"])
        _ = try CaptionEditor.save(
            [TranslationEdit(field: "title", language: "ru", text: "Курт.")], exhibit: "k", in: try museum.load(),
            expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(try Self.levels(museum) == ["kk:-/source changed", "ru:translated/text changed", "en:-"])
    }

    @Test func fmtKeepsTheRecordAndItsSignOffs() throws {
        let museum = try Self.approvedMuseum()
        let approved = try museum.read("g/k.yml")
        // Not canonical: a quoted id and a four-space indent; fmt changes the layout, not a text.
        try museum.write(
            "g/k.yml",
            approved.replacingOccurrences(
                of: "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt",
                with: "id: \"k\"\ntitle:\n    kk: Құрт\n    ru: Курт\n    en: Kurt"))
        let outcomes = try CaptionFormatter.run(path: museum.root, check: false)
        #expect(outcomes.map(\.kind) == [.reformatted])
        #expect(try museum.read("g/k.yml") == approved)
        #expect(try Self.levels(museum) == ["kk:approved", "ru:approved", "en:approved"])
    }
}
