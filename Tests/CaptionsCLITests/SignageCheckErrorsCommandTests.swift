import Foundation
import Testing

/// `captions export signage` runs the checks of `captions check`: a label with an error is held
/// back unless `--allow-check-errors`, and the proof sheet lists the findings at their labels.
@Suite struct SignageCheckErrorsCommandTests {
    /// The Kazakh text says 1937, the Russian source 1938.
    let camp = """
        id: camp
        title:
          kk: Лагерь
          ru: Лагерь
          en: Camp
        text:
          kk: Лагерь 1937 жылы ашылды.
          ru: Лагерь открыт в 1938 году.
          en: The camp opened in 1938.

        """
    let kurt = "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"
    let mismatch = "text (kk) has other numbers than the Russian (ru) source: missing 1938; extra 1937"

    func fixture(config: String = "languages: [kk, ru, en]\nsource: ru\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", config)
        try folder.write("Captions/garden/camp.yml", camp)
        try folder.write("Captions/garden/kurt.yml", kurt)
        return folder
    }

    func exists(_ folder: TemporaryFolder, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.path + "/" + relative)
    }

    @Test func aNumberMismatchHoldsTheLabelBackWithTheCheckAndItsPosition() throws {
        let folder = try fixture()
        let run = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                Captions/garden/camp.yml:7:7: error: camp held back: \(mismatch) [number-mismatch]
                exported 1 label to out; 1 held back

                """)
        #expect(!exists(folder, "out/garden/camp.txt"))
        #expect(exists(folder, "out/garden/kurt.txt"))
        let dataMerge = try #require(FileManager.default.contents(atPath: folder.path + "/out/datamerge.txt"))
        let rows = String(data: dataMerge, encoding: .utf16)?.components(separatedBy: "\r\n") ?? []
        #expect(rows.filter { !$0.isEmpty }.map { $0.prefix { $0 != "\t" } } == ["id", "kurt"])
        // The proof sheet keeps the label's text, to be corrected, under the badge and the reason.
        let proof = try folder.read("out/proof.html")
        #expect(
            proof.contains(
                """
                <article class="label held-back" id="camp">
                <p class="exhibit">camp</p>
                <p class="badge">Held back: not exported</p>
                <ul class="reasons">
                <li><code>Captions/garden/camp.yml:7:7</code> \(mismatch) <span class="rule">[number-mismatch]</span></li>
                </ul>
                <div class="block" lang="kk">
                """))
        #expect(proof.contains("<p class=\"field field-text\">Лагерь 1937\u{A0}жылы ашылды.</p>"))
        #expect(proof.contains("<p>1 label, 1 held back. 1 with findings of captions check, listed at its label."))
        // `--allow-incomplete` only changes the exit code: the label is still not written.
        let allowed = try CLIRun.run(
            ["export", "signage", "Captions", "--out", "out", "--allow-incomplete"], in: folder.path)
        #expect(allowed.status == 0)
        #expect(!exists(folder, "out/garden/camp.txt"))
    }

    @Test func allowCheckErrorsWritesTheLabelAndReportsEachErrorAsAWarning() throws {
        let folder = try fixture()
        let run = try CLIRun.run(
            ["export", "signage", "Captions", "--out", "out", "--allow-check-errors"], in: folder.path)
        #expect(run.status == 0)
        #expect(
            run.stderr == """
                Captions/garden/camp.yml:7:7: warning: camp exported with a check error: \(mismatch) [number-mismatch]
                exported 2 labels to out; 1 warning

                """)
        #expect(try folder.read("out/garden/camp.txt").contains("Лагерь 1937\u{A0}жылы ашылды."))
        let proof = try folder.read("out/proof.html")
        #expect(
            proof.contains(
                """
                <article class="label check-errors" id="camp">
                <p class="exhibit">camp</p>
                <p class="badge">Exported with check errors</p>
                <ul class="findings">
                <li class="error"><code>Captions/garden/camp.yml:7:7</code> <span class="severity">error</span> \
                \(mismatch) <span class="rule">[number-mismatch]</span></li>
                </ul>
                """))
        // The next export without the flag holds it back again and removes its file.
        let again = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(again.status == 1)
        #expect(again.stderr.contains("removed out/garden/camp.txt (its exhibit is held back)\n"))
        #expect(!exists(folder, "out/garden/camp.txt"))
    }

    @Test func aCheckSetToWarningInCaptionsYmlHoldsNothingBackAndIsOnTheSheet() throws {
        let folder = try fixture(config: "languages: [kk, ru, en]\nsource: ru\nchecks:\n  number-mismatch: warning\n")
        let run = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "exported 2 labels to out\n")
        #expect(exists(folder, "out/garden/camp.txt"))
        let proof = try folder.read("out/proof.html")
        #expect(
            proof.contains(
                """
                <article class="label" id="camp">
                <p class="exhibit">camp</p>
                <ul class="findings">
                <li class="warning"><code>Captions/garden/camp.yml:7:7</code> <span class="severity">warning</span> \
                \(mismatch) <span class="rule">[number-mismatch]</span></li>
                </ul>
                """))
        #expect(proof.contains("<article class=\"label\" id=\"kurt\">\n<p class=\"exhibit\">kurt</p>\n<div class"))
    }

    @Test func ignoreEntriesAndTheBaselineAcceptAsInCaptionsCheck() throws {
        let folder = try fixture()
        try folder.write("Captions/garden/camp.yml", camp + "ignore:\n  - number-mismatch: text/kk\n")
        let ignored = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(ignored.status == 0)
        #expect(ignored.stderr == "exported 2 labels to out\n")
        #expect(!(try folder.read("out/proof.html")).contains("findings"))

        try folder.write("Captions/garden/camp.yml", camp)
        #expect(try CLIRun.run(["check", "--write-baseline"], in: folder.path).status == 0)
        let accepted = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(accepted.status == 0)
        #expect(accepted.stderr == "exported 2 labels to out\n")

        // A baseline that is not one stops the export, as it stops the check.
        try folder.write("Captions/captions-baseline.json", "{")
        let broken = try CLIRun.run(["export", "signage", "Captions", "--out", "out"], in: folder.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("Captions/captions-baseline.json:1:1: error: not a captions baseline file"))
    }

    @Test func onlyChecksTheNamedExhibits() throws {
        let folder = try fixture()
        let clean = try CLIRun.run(["export", "signage", "--only", "kurt", "--format", "txt"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.stderr == "exported 1 label to Exports/signage\n")
        let held = try CLIRun.run(["export", "signage", "--only", "camp", "--format", "txt"], in: folder.path)
        #expect(held.status == 1)
        #expect(
            held.stderr == """
                Captions/garden/camp.yml:7:7: error: camp held back: \(mismatch) [number-mismatch]
                exported 0 labels to Exports/signage; 1 held back

                """)
    }

    @Test func theHelpNamesTheFlag() throws {
        let run = try CLIRun.run(["export", "signage", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--allow-check-errors"))
        #expect(run.stdout.contains("runs the checks of captions check"))
    }
}
