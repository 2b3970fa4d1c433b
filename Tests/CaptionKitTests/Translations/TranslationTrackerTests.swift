import Foundation
import Testing

@testable import CaptionKit

@Suite struct TranslationTrackerTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256KnownAnswers(_ input: String, _ digest: String) {
        #expect(SHA256.hexDigest(Array(input.utf8)) == digest)
    }

    @Test func fingerprintsIgnoreNormalisation() {
        #expect(SourceFingerprint.of("Курт") == "8577ed6c")
        #expect(SourceFingerprint.of("caf\u{E9}") == SourceFingerprint.of("cafe\u{301}"))
        #expect(SourceFingerprint.isWellFormed("8577ed6c") && !SourceFingerprint.isWellFormed("8577ED6C"))
    }

    static let config = CollectionConfig.default

    static func exhibit(_ text: String) -> Exhibit {
        ExhibitParser.parse(text: text, path: "k.yml", relativePath: "k.yml")
    }

    @Test func statesFromTheRecord() {
        let exhibit = Self.exhibit(
            "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Новый\n  en: Old\n  kk: \"\"\n"
                + "translations:\n  title: { kk: 8577ed6c }\n  text: { en: 8577ed6c, kk: 8577ed6c }\n")
        let state = { (field: String, language: String) in
            TranslationTracker.state(of: exhibit, field: field, language: language, config: Self.config)
        }
        #expect(state("title", "kk") == .translated)
        #expect(state("title", "en") == .unknownProvenance)
        #expect(state("title", "ru") == .translated)
        #expect(
            state("text", "en")
                == .stale(recordedFingerprint: "8577ed6c", currentFingerprint: SourceFingerprint.of("Новый")))
        #expect(state("text", "kk") == .missing)
        #expect(state("credit", "kk") == .missing)
        #expect(
            TranslationTracker.staleTranslations(in: exhibit, config: Self.config).map {
                "\($0.field).\($0.language)@\($0.location.line)"
            } == ["text.en@8"])
    }

    @Test func malformedRecordsAreProblemsNotCrashes() {
        let exhibit = Self.exhibit("id: k\ntitle:\n  ru: Курт\ntranslations:\n  title: [kk]\n  text: { kk: nothex }\n")
        let record = TranslationRecord(exhibit: exhibit)
        #expect(record.fingerprints.isEmpty)
        #expect(record.problems.map(\.location.line) == [5, 6])
    }

    @Test func acceptRecordsTheCurrentSourceAndClearsStaleness() throws {
        let collection = try TestCollection(files: [
            (
                "k.yml",
                """
                id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\ntranslations:  # machine-owned\n  title: { \
                kk: 8577ed6c, en: 8577ed6c }\n
                """
            )
        ])
        #expect(
            TranslationTracker.staleTranslations(in: try collection.load().exhibits[0], config: Self.config).count == 2)
        let result = try TranslationAcceptance.accept(
            id: "k", field: "title", language: "kk", in: try collection.load())
        #expect(result.accepted == ["title (kk)"])
        let fingerprint = SourceFingerprint.of("Курт!")
        #expect(
            try collection.read("k.yml") == "id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\n"
                + """
                translations:  # machine-owned: source fingerprints of translations; do not edit\n  title: { kk: \
                \(fingerprint), en: 8577ed6c }\n
                """
        )
        let all = try TranslationAcceptance.accept(id: "k", field: nil, language: nil, in: try collection.load())
        #expect(all.accepted == ["title (en)"] && all.alreadyCurrent == ["title (kk)"])
        #expect(
            TranslationTracker.staleTranslations(in: try collection.load().exhibits[0], config: Self.config).isEmpty)
    }

    @Test(
        arguments: [
            ("kx", nil, nil, "no exhibit with id 'kx' in ROOT; did you mean 'k'?"),
            (
                "k", "subtitle", nil,
                "--field subtitle is not a field of this collection (title, text, credit); did you mean 'title'?"
            ),
            ("k", nil, "ru", "--lang ru is not a target language of this collection (kk, en)"),
            ("k", "text", nil, "k has no text translation to accept"),
        ] as [(String, String?, String?, String)])
    func acceptRefusesWhatItCannotDo(_ id: String, _ field: String?, _ language: String?, _ message: String) throws {
        let collection = try TestCollection(files: [("k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n")])
        #expect(throws: CaptionError.invalidArgument(message.replacingOccurrences(of: "ROOT", with: collection.root))) {
            try TranslationAcceptance.accept(id: id, field: field, language: language, in: try collection.load())
        }
    }

    @Test func signageHoldsBackStaleExhibits() throws {
        let collection = try TestCollection(files: [
            (
                "k.yml",
                """
                id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\ntext:\n  kk: Т\n  ru: Т\n  en: \
                T\ntranslations:\n  title: { kk: 8577ed6c, en: \(SourceFingerprint.of("Курт!")) }\n
                """
            )
        ])
        let loaded = try collection.load()
        let reasons = SignageGate(collection: loaded).reasons(for: loaded.exhibits[0])
        #expect(reasons.map(\.kind) == [.staleTranslation])
        #expect(reasons.map(\.message) == ["the Kazakh (kk) title was translated from an earlier ru text"])
        #expect(reasons.map(\.location.line) == [3])
    }

    @Test func statusCountsStaleUnits() throws {
        let collection = try TestCollection(files: [
            (
                "k.yml",
                """
                id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\ntext:\n  ru: Т\n  kk: Т\n  en: \
                T\ntranslations:\n  title: { kk: 8577ed6c }\n
                """
            )
        ])
        let status = TranslationStatus(collection: try collection.load())
        #expect(status.languages.map(\.stale) == [1, 0, 0])
        // The stale title's source words are to translate again (export xliff --needed sends it).
        #expect(status.languages.map(\.sourceWordsToTranslate) == [1, 0, 0])
        #expect(
            status.text.contains(
                """
                language     units  translated  missing  stale  complete  words to translate  errors  warnings  \
                notes\nkk               2           2        0      1    100.0%                   1       0       \
                  0      0\n
                """
            ))
    }
}

extension TranslationTrackerTests {
    /// The count check's note takes is the length of the list `accept --untracked` writes, for
    /// exhibits with no record, a partial one, a malformed one, empty texts and no source.
    @Test func theUntrackedCountIsTheListsLength() {
        let exhibits = [
            "id: a\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Текст\n  en: Text\n  kk: \"\"\n",
            "id: b\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntranslations:\n  title: { kk: 8577ed6c }\n",
            "id: c\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntranslations: [odd]\n",
            "id: d\ntitle:\n  kk: Құрт\n  en: Kurt\ncredit:\n  ru: \"\"\n  en: Gift\nnotes: x\n",
        ].map(Self.exhibit)
        let expected = [3, 1, 0, 0]
        for languages in [nil, ["en"], ["kk", "en"]] as [[String]?] {
            let targets = Self.config.targetLanguages.filter { languages?.contains($0) ?? true }
            for (exhibit, all) in zip(exhibits, expected) {
                let listed = TranslationTracker.untrackedTranslations(
                    in: exhibit, config: Self.config, languages: languages)
                let counted = TranslationTracker.untrackedCount(in: exhibit, config: Self.config, targets: targets)
                #expect(counted == listed.count, "\(exhibit.displayID) \(String(describing: languages))")
                if languages == nil { #expect(counted == all, "\(exhibit.displayID)") }
            }
        }
    }
}
