import Foundation
import Testing

@testable import CaptionKit

/// The quick bound of ``MeasuredPanel/certainlyFits(_:)`` never lets an overflowing text through:
/// every text it passes fits when typeset, shaped and broken (``PanelFit``), and
/// `overflows-panel` finds exactly what the full path finds, on the bundled museum and on
/// generated collections, at the benchmark's panel sizes and at narrow ones near the bound's edge.
@Suite(.enabled(if: PanelTestFonts.hasPTSans)) struct PanelFitBoundTests {
    /// Panel profiles from roomy to tight: the benchmark's three (`Benchmarks/panels.sh`) and
    /// narrower, shorter ones, in the three faces of PT Sans.
    static let profiles: [(font: String, size: Int, width: Int, lines: Int)] = [
        ("PT Sans:Bold", 40, 300, 3), ("PT Sans", 24, 300, 12), ("PT Sans:Italic", 16, 300, 2),
        ("PT Sans:Bold", 40, 150, 1), ("PT Sans:Bold", 48, 120, 2), ("PT Sans", 24, 120, 3),
        ("PT Sans", 18, 200, 6), ("PT Sans:Italic", 16, 90, 1), ("PT Sans", 12, 400, 20),
    ]

    /// A configuration with `title`, `text` and `credit` all on panel `p` of `profile`.
    static func config(_ profile: (font: String, size: Int, width: Int, lines: Int)) throws -> CollectionConfig {
        try ConfigParser.parse(
            text: """
                languages: [kk, ru, en]
                source: ru
                panels:
                  p: { font: "\(profile.font)", size-pt: \(profile.size), leading-pt: \(profile.size + 6), \
                width-mm: \(profile.width), max-lines: \(profile.lines) }
                fields:
                  title: { required: true, panel: p }
                  text: { required: true, panel: p }
                  credit: { required: false, panel: p }

                """, path: "Captions/captions.yml")
    }

    /// The exhibits of the bundled museum and of a generated collection of `count` exhibits
    /// (`Benchmarks/gen_corpus.py`; `nil` when python3 cannot run it).
    static func exhibits(generated count: Int) throws -> (museum: [Exhibit], generated: [Exhibit]?) {
        let root = SharedSchemas.repositoryRoot.path
        let museum = try CollectionLoader.load(path: root + "/Captions").exhibits
        guard count > 0 else { return (museum, nil) }
        let folder = NSTemporaryDirectory() + "captions-bound-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", root + "/Benchmarks/gen_corpus.py", "--out", folder, "--count", "\(count)", "--seed", "7",
            "--no-po", "--quiet", "--force",
        ]
        do {
            try generator.run()
            generator.waitUntilExit()
        } catch {
            print("⚠️ SKIPPING generated texts in PanelFitBoundTests: python3 did not start: \(error)")
            return (museum, nil)
        }
        guard generator.terminationStatus == 0 else {
            print(
                "⚠️ SKIPPING generated texts in PanelFitBoundTests: gen_corpus.py exited \(generator.terminationStatus)")
            return (museum, nil)
        }
        return (museum, try CollectionLoader.load(path: folder + "/Captions").exhibits)
    }

    /// Every text, at every profile: passed by the bound means fits by the full path.
    @Test func theBoundPassesOnlyTextsThatFit() throws {
        let (museum, generated) = try Self.exhibits(generated: 120)
        var passed = 0
        var fitButNotPassed = 0
        var overflowing = 0
        for profile in Self.profiles {
            let config = try Self.config(profile)
            let panel = try #require(PanelFonts(config: config).panel(for: "text"))
            for exhibit in museum + (generated ?? []) {
                for text in exhibit.captionTexts(in: config) {
                    let fit = PanelFit(
                        Typography.typeset(text.text, language: text.language), width: panel.lineWidth,
                        maxLines: profile.lines, measure: panel.measure(for: text.language))
                    // Fits: no more lines than the panel holds, and no word wider than it.
                    let fits = fit.lines <= profile.lines && fit.widestWord <= panel.lineWidth
                    if panel.certainlyFits(text.text) {
                        passed += 1
                        #expect(fits, "\(profile) \(text.language): \(text.text)")
                    } else if fits {
                        fitButNotPassed += 1
                    } else {
                        overflowing += 1
                    }
                }
            }
        }
        // Not vacuous: the bound passes many texts, and both kinds of the others occur.
        #expect(passed > 1000)
        #expect(fitButNotPassed > 100)
        #expect(overflowing > 100)
    }

    /// `overflows-panel` (with the bound) finds exactly the texts the full path finds too long.
    @Test func theCheckFindsWhatTheFullPathFinds() throws {
        let (museum, generated) = try Self.exhibits(generated: 120)
        for profile in Self.profiles {
            let config = try Self.config(profile)
            let panel = try #require(PanelFonts(config: config).panel(for: "text"))
            for exhibits in [museum, generated ?? []] where !exhibits.isEmpty {
                let findings = try Validator(config: config, only: [OverflowsPanelCheck.self])
                    .validate(CaptionCollection(rootPath: "Captions", config: config, exhibits: exhibits))
                let found = findings.map { "\($0.location.path) \($0.field ?? "") \($0.language ?? "")" }
                var expected: [String] = []
                for exhibit in exhibits {
                    for text in exhibit.captionTexts(in: config) {
                        let fit = PanelFit(
                            Typography.typeset(text.text, language: text.language), width: panel.lineWidth,
                            maxLines: profile.lines, measure: panel.measure(for: text.language))
                        if fit.lines > profile.lines {
                            expected.append("\(exhibit.path) \(text.field.name) \(text.language)")
                        }
                        if fit.widestWord > panel.lineWidth {
                            expected.append("\(exhibit.path) \(text.field.name) \(text.language)")
                        }
                    }
                }
                #expect(Set(found) == Set(expected), "\(profile)")
                #expect(found.count == expected.count, "\(profile)")
            }
        }
    }

    /// Typography never makes a text longer than the bound counts it: every rule's examples and
    /// every text of the bundled museum and a generated collection, typeset, have at most as
    /// many scalars (line feeds aside) as the bound's units (a full stop and U+2000 to U+2FFF
    /// twice). A new rule that lengthens text more fails here.
    @Test func typographyNeverOutgrowsTheBoundsUnits() throws {
        var texts: [(language: String, text: String)] = []
        for rule in Typography.rules {
            for example in rule.description.examples + rule.description.counterexamples {
                texts.append((example.language, example.input))
            }
        }
        let config = try Self.config(Self.profiles[0])
        let (museum, generated) = try Self.exhibits(generated: 100)
        for exhibit in museum + (generated ?? []) {
            for text in exhibit.captionTexts(in: config) { texts.append((text.language, text.text)) }
        }
        var checked = 0
        for (language, text) in texts {
            let scalars = Typography.typeset(text, language: language).text.unicodeScalars.count { $0 != "\n" }
            // On one line, one unit per unit of width, a panel one unit narrower than the
            // typeset text is never passed.
            let oneLine = text.replacingOccurrences(of: "\n", with: "")
            guard scalars > 0, PanelFit.certainlyFits(oneLine, width: 1 << 40, maxLines: 1, widestAdvance: 1) else {
                continue
            }
            checked += 1
            #expect(
                !PanelFit.certainlyFits(oneLine, width: scalars - 1, maxLines: 1, widestAdvance: 1),
                "\(language): \(text)")
        }
        #expect(checked > 500)
    }

    /// The bound's arithmetic: each line must fit the panel whole (then it takes one line, and no
    /// word of it is wider than the panel); a blank line counts as one; CR is left to the full path.
    @Test func theBoundsArithmetic() {
        #expect(PanelFit.certainlyFits("abcde", width: 5, maxLines: 1, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("abcdef", width: 5, maxLines: 1, widestAdvance: 1))
        // A line wider than the panel may hold a word wider than it, whatever the lines.
        #expect(!PanelFit.certainlyFits("abcdef", width: 5, maxLines: 9, widestAdvance: 1))
        #expect(PanelFit.certainlyFits("abcde\nfghij", width: 5, maxLines: 2, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("abcde\nfghij", width: 5, maxLines: 1, widestAdvance: 1))
        #expect(PanelFit.certainlyFits("ab\n\ncd", width: 5, maxLines: 3, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("ab\n\ncd", width: 5, maxLines: 2, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("ab\r\ncd", width: 5, maxLines: 9, widestAdvance: 1))
        // A full stop and a dash count twice.
        #expect(PanelFit.certainlyFits("М.Т", width: 4, maxLines: 1, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("М.Т", width: 3, maxLines: 1, widestAdvance: 1))
        #expect(!PanelFit.certainlyFits("a — b", width: 5, maxLines: 1, widestAdvance: 1))
        #expect(PanelFit.certainlyFits("a — b", width: 6, maxLines: 1, widestAdvance: 1))
        // Widths in font units: three letters at 500 units on a 1,499-unit panel do not fit one line.
        #expect(!PanelFit.certainlyFits("abc", width: 1499, maxLines: 1, widestAdvance: 500))
        #expect(PanelFit.certainlyFits("abc", width: 1500, maxLines: 1, widestAdvance: 500))
        // Scripts whose NFC form may be longer are left to the full path.
        #expect(!PanelFit.certainlyFits("क़", width: 100, maxLines: 9, widestAdvance: 1))
    }
}
