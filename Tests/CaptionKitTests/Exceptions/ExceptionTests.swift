import Foundation
import Testing

@testable import CaptionKit

/// `ignore:` entries and the baseline, applied by `CaptionChecker.run`.
@Suite struct ExceptionTests {
    /// Baselines in museums' repositories hold these fingerprints: the values never change
    /// (64-bit FNV-1a of each value followed by 0x1F, worked out by hand in Python).
    @Test func baselineAndExportedTargetFingerprintsAreStable() {
        #expect(
            Baseline.Entry.fingerprint(
                path: "park/wagon.yml", check: "untranslated", field: "title", language: "en",
                message: "title (en) is the same as the source: \"Вагон\"") == "4d3823c595567a7c")
        #expect(ExportedTarget.fingerprint("Құрт") == "80d632cd38962eb2")
    }

    static let wagon = """
        id: wagon
        title:
          kk: Сталинский вагон
          ru: Сталинский вагон
          en: Сталинский вагон
        text:
          kk: Вагон 1937 жылы келді.
          ru: Вагон прибыл в 1937 году.
          en: The wagon arrived in 1938.

        """

    static let kurt =
        "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"

    func run(_ collection: TestCollection, baseline: BaselineChoice = .automatic) throws -> [String] {
        let result = try CaptionChecker.run(CheckRequest(path: collection.root, baseline: baseline))
        return result.diagnostics.map { $0.formatted.replacingOccurrences(of: collection.root + "/", with: "") }
    }

    @Test func withoutExceptionsEveryFindingIsReported() throws {
        let collection = try TestCollection(files: [("park/wagon.yml", Self.wagon)])
        #expect(
            try run(collection) == [
                "park/wagon.yml:3:7: warning: title (kk) is the same as the Russian (ru) source [untranslated]",
                "park/wagon.yml:5:7: warning: title (en) is the same as the Russian (ru) source [untranslated]",
                """
                park/wagon.yml:5:7: error: title (en) should be in Latin letters but has the Cyrillic words \
                'Сталинский' and 'вагон'; add names and acronyms to the allow list of wrong-script [wrong-script]
                """,
                """
                park/wagon.yml:9:7: error: text (en) has other numbers than the Russian (ru) source: missing \
                1937; extra 1938 [number-mismatch]
                """,
            ])
    }

    @Test func ignoreEntriesSilenceOneFieldOneLanguageOrTheWholeFile() throws {
        let collection = try TestCollection(files: [
            ("park/wagon.yml", Self.wagon + "ignore: [untranslated: title/kk, wrong-script, number-mismatch: text]\n")
        ])
        let result = try CaptionChecker.run(CheckRequest(path: collection.root))
        #expect(
            result.diagnostics.map(\.formatted) == [
                """
                \(collection.root)/park/wagon.yml:5:7: warning: title (en) is the same as the Russian (ru) source \
                [untranslated]
                """
            ])
        #expect(result.silenced == 3)
    }

    @Test func anIgnoreEntryWhoseCauseHasGoneIsReportedAtTheEntry() throws {
        let collection = try TestCollection(files: [
            (
                "park/wagon.yml",
                Self.wagon + "ignore:\n  - untranslated: title\n  - repeated-word: text/en\n  - whitespace\n"
            )
        ])
        let findings = try run(collection)
        #expect(
            findings.filter { $0.contains("[unused-exception]") } == [
                """
                park/wagon.yml:12:5: warning: ignore entry 'repeated-word: text/en' silences nothing; remove it \
                [unused-exception]
                """,
                """
                park/wagon.yml:13:5: warning: ignore entry 'whitespace' silences nothing; remove it \
                [unused-exception]
                """,
            ])
        #expect(!findings.contains { $0.contains("[untranslated]") })
    }

    @Test func unusedExceptionsCanBeTurnedOff() throws {
        let collection = try TestCollection(
            files: [("park/wagon.yml", Self.wagon + "ignore: [whitespace]\n")],
            config: "checks:\n  unused-exception: off\n")
        #expect(!(try run(collection)).contains { $0.contains("unused-exception") })
    }

    @Test func baselineRoundTrip() throws {
        let collection = try TestCollection(files: [
            ("park/wagon.yml", Self.wagon), ("park/kurt.yml", Self.kurt),
        ])
        let written = try CaptionChecker.writeBaseline(CheckRequest(path: collection.root), to: nil)
        #expect(written.path == collection.root + "/captions-baseline.json")
        #expect(written.entries == 4)
        let first = try collection.read("captions-baseline.json")
        // Deterministic: writing again gives the same bytes.
        _ = try CaptionChecker.writeBaseline(CheckRequest(path: collection.root), to: nil)
        #expect(try collection.read("captions-baseline.json") == first)
        #expect(
            first.hasPrefix(
                """
                {\n  \"version\": 1,\n  \"findings\": [\n    \
                {\"check\":\"number-mismatch\",\"field\":\"text\",\"fingerprint\":\"
                """
            ))
        #expect(first.split(separator: "\n").count == 9)

        // The baseline is used automatically: nothing is reported.
        let quiet = try CaptionChecker.run(CheckRequest(path: collection.root))
        #expect(quiet.diagnostics.isEmpty)
        #expect(quiet.silenced == 4)
        // --no-baseline shows everything again.
        #expect(try run(collection, baseline: .none).count == 4)

        // Unrelated edits (lines moved, another exhibit changed) keep the baseline valid.
        try collection.write("park/wagon.yml", "# moved down\n\n" + Self.wagon)
        try collection.write(
            "park/kurt.yml", Self.kurt.replacingOccurrences(of: "en: Kurt", with: "en: Kurt, a cheese"))
        #expect(try run(collection).isEmpty)

        // Fixing the English number leaves its entry unused, reported at its line in the baseline.
        try collection.write("park/wagon.yml", Self.wagon.replacingOccurrences(of: "in 1938", with: "in 1937"))
        #expect(
            try run(collection) == [
                """
                captions-baseline.json:4:1: warning: baseline entry silences nothing: number-mismatch in \
                park/wagon.yml, text (en): 'text (en) has other numbers than the Russian (ru) source: missing \
                1937; extra 1938'; write the baseline again to drop it [unused-exception]
                """
            ])
    }

    @Test func aNewFindingIsNotHiddenByTheBaseline() throws {
        let collection = try TestCollection(files: [("park/wagon.yml", Self.wagon)])
        _ = try CaptionChecker.writeBaseline(
            CheckRequest(path: collection.root), to: collection.root + "/accepted.json")
        try collection.write("park/wagon.yml", Self.wagon.replacingOccurrences(of: "The wagon", with: "The the wagon"))
        #expect(
            try run(collection, baseline: .file(collection.root + "/accepted.json")) == [
                "park/wagon.yml:9:7: warning: text (en) repeats the word 'the' [repeated-word]"
            ])
        // Not the default name, so not used automatically.
        #expect(try run(collection).count == 5)
    }

    @Test func aBrokenBaselineStopsTheRun() throws {
        let collection = try TestCollection(files: [
            ("park/wagon.yml", Self.wagon), ("captions-baseline.json", "[1, 2]"),
        ])
        #expect(
            throws: CaptionError.invalidInput(
                SourceLocation(path: collection.root + "/captions-baseline.json", line: 1, column: 1),
                """
                not a captions baseline file (expected {\"version\": 1, \"findings\": [...]}); write it again \
                with captions check --write-baseline
                """
            )
        ) {
            _ = try CaptionChecker.run(CheckRequest(path: collection.root))
        }
        #expect(
            throws: CaptionError.unreadable(
                path: collection.root + "/missing.json", reason: "no such file, or permission denied")
        ) {
            _ = try CaptionChecker.run(
                CheckRequest(path: collection.root, baseline: .file(collection.root + "/missing.json")))
        }
    }

    @Test func statusFindingsAreThoseOfTheCheck() throws {
        let collection = try TestCollection(files: [
            ("park/wagon.yml", Self.wagon + "ignore: [wrong-script]\n"), ("park/kurt.yml", Self.kurt),
            ("b/kurt.yml", Self.kurt),
        ])
        let loaded = try collection.load()
        for request in [
            CheckRequest(path: collection.root), CheckRequest(path: collection.root, languages: ["en"]),
            CheckRequest(path: collection.root, strict: true, baseline: .none),
        ] {
            let findings = try CaptionChecker.diagnostics(request, on: loaded)
            #expect(!findings.isEmpty)
            #expect(findings == (try CaptionChecker.run(request, on: loaded)).diagnostics)
        }
    }
}
