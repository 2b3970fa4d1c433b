import Foundation
import Testing

@testable import CaptionKit

/// End-to-end runs of `captions check --explain`, `--format sarif` and the baseline flags.
@Suite struct CheckReportingCommandTests {
    @Test func explainPrintsDescriptionOptionsAndMarkedExamples() throws {
        let run = try CLIRun.run(["check", "--explain", "wrong-script"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix("wrong-script: Wrong Script\nDefault severity: error\n\nA Kazakh or Russian caption"))
        #expect(run.stdout.contains("\nOptions:\n  allow  words allowed in the other script"))
        #expect(run.stdout.contains("      ru: ↓Документы NKVD хранятся в архиве.\n"))
        #expect(
            run.stdout.contains(
                "    # with captions.yml:\n    #   checks:\n    #     wrong-script:\n    #       allow: [NKVD]\n"))
    }

    @Test func explainOfAnUnknownCheckIsAUsageErrorWithASuggestion() throws {
        let run = try CLIRun.run(["check", "--explain", "number-mismatc"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                "Error: unknown check 'number-mismatc' (did you mean 'number-mismatch'?); the checks are invalid-yaml, "
            ))
    }

    @Test func sarifFormatIsAValidLog() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt kurt.\n")
        let run = try CLIRun.run(["check", "--format", "sarif"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let log = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data(run.stdout.utf8))
        #expect(log.version == "2.1.0")
        #expect(log.runs[0].results.map(\.ruleId) == ["repeated-word"])
        #expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == "Captions/kurt.yml")
    }

    @Test func writeBaselineThenCheckIsClean() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт 1937.\n  en: Kurt.\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 1)
        let write = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(write.status == 0)
        #expect(write.stderr == "wrote 2 accepted findings to Captions/captions-baseline.json\n")
        let clean = try CLIRun.run(["check"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.hasSuffix("0 errors, 0 warnings in 1 exhibit (2 accepted by exceptions)\n"))
        #expect(try CLIRun.run(["check", "--no-baseline"], in: folder.path).status == 1)
        let misuse = try CLIRun.run(["check", "--no-baseline", "--write-baseline"], in: folder.path)
        #expect(misuse.status == 64)
    }
}
