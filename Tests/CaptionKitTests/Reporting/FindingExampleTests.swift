import Foundation
import Testing

@testable import CaptionKit

/// The findings `captions import` and `captions export xliff` report: every example of every
/// description runs through its command, and every id the tool can print has an explanation.
@Suite struct FindingExampleTests {
    /// One example of one finding, named for the test list.
    struct Case: CustomTestStringConvertible, Sendable {
        var finding: FindingDescription
        var example: FindingExample
        var reported: Bool
        var index: Int
        var testDescription: String { "\(finding.id) \(reported ? "reported" : "not reported") #\(index + 1)" }
    }

    static let cases: [Case] = FindingRegistry.all.flatMap { finding in
        finding.notReported.enumerated().map { Case(finding: finding, example: $1, reported: false, index: $0) }
            + finding.reported.enumerated().map { Case(finding: finding, example: $1, reported: true, index: $0) }
    }

    /// The findings the example's command reports on it, dry run.
    static func findings(of example: FindingExample, command: FindingDescription.Command) throws -> [Diagnostic] {
        let collection = try TestCollection(files: example.files, config: example.config)
        // The loader skips hidden folders: the input is not a caption file.
        let input = example.input.map { collection.root + "/.returned/" + $0.path }
        if let input, let text = example.input?.text {
            try collection.write(".returned/" + URL(fileURLWithPath: input).lastPathComponent, text)
        }
        switch command {
        case .importXLIFF:
            var options = XLIFFImportOptions(files: [try #require(input)], dryRun: true)
            options.trustStatesBy = example.trustStatesBy
            options.reviewDate = "2026-12-03"
            let report = try XLIFFImporter.run(options, collectionPath: collection.root)
            return report.problems + report.warnings
        case .importGlossary:
            let report = try GlossaryImporter.run(
                GlossaryImportOptions(files: [try #require(input)], dryRun: true), collectionPath: collection.root)
            return report.problems + report.warnings
        case .exportXLIFF:
            let result = try XLIFFExporter.export(
                try collection.load(),
                options: XLIFFExportOptions(
                    version: .v1_2, onlyNeeded: false, prefillTarget: false, outputFolder: collection.root + "/.exports"
                ))
            return result.warnings
        case .exportTMX:
            return try TMXExporter.files(
                try collection.load(), options: TMXExportOptions(outputFolder: collection.root + "/.exports")
            ).warnings
        }
    }

    @Test(arguments: cases)
    func exampleProducesItsFindingOrNot(_ test: Case) throws {
        let source = Testing.SourceLocation(
            fileID: test.example.sourceFile, filePath: test.example.sourceFile, line: test.example.sourceLine,
            column: 1)
        let findings = try Self.findings(of: test.example, command: test.finding.command)
        let ids = findings.map(\.checkID)
        // An example shows its finding alone: a reported one produces it and nothing else, a
        // quiet one produces nothing.
        if test.reported {
            #expect(
                !ids.isEmpty && Set(ids) == [test.finding.id], "\(findings.map(\.formatted))", sourceLocation: source)
            for finding in findings {
                #expect(finding.severity == test.finding.severity, sourceLocation: source)
            }
        } else {
            #expect(ids.isEmpty, "\(findings.map(\.formatted))", sourceLocation: source)
        }
    }

    @Test func everyFindingIsDescribedOnceWithExamplesAndExplained() throws {
        let ids = FindingRegistry.ids
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids).isDisjoint(with: CheckRegistry.ids))
        for finding in FindingRegistry.all {
            #expect(finding.id.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(finding.id)")
            #expect(!finding.reported.isEmpty && !finding.notReported.isEmpty, "\(finding.id)")
            let text = try #require(CheckExplanation.text(for: finding.id))
            #expect(text.hasPrefix("\(finding.id): \(finding.name)\nReported by: \(finding.command.rawValue); "))
            #expect(text.contains(finding.rationale) && text.contains("What to do: " + finding.remedy))
        }
        #expect(
            ids == [
                "import-conflict", "unknown-unit", "unsupported-markup", "invalid-order", "target-language-mismatch",
                "source-language-mismatch", "paragraphs-merged",
                "whitespace-dropped", "review-not-recorded", "newer-text-kept", "newer-text-replaced",
                "marked-unfinished", "copy-of-source", "translator-note",
                "glossary-conflict", "glossary-import",
                "xliff-export",
                "tmx-export",
            ])
    }

    /// Every id a finding is reported with in the library's sources is a check's or a described
    /// finding's, and the commands that report described findings name them only through their
    /// typed kinds (``ReportedFinding``), never as a string.
    @Test func everyIDTheSourcesReportHasAnExplanation() throws {
        let root = SharedSchemas.repositoryRoot.appendingPathComponent("Sources/CaptionKit").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
        var reported: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for match in text.matches(of: /(?:checkID:|fail\()\s*"([a-z]+(?:-[a-z]+)+)"/) {
                reported.insert(String(match.output.1))
            }
            let typed = ["XLIFF/XLIFFImporter.swift", "XLIFF/XLIFFExporter.swift", "Terminology/GlossaryMerge.swift"]
            if typed.contains(file) {
                #expect(!text.contains("checkID: \""), "\(file) names a finding id as a string")
            }
        }
        #expect(!reported.isEmpty)
        for id in reported.sorted() {
            #expect(CheckExplanation.text(for: id) != nil, "\(id) has no explanation")
        }
    }

    @Test func anImportFindingIsExplainedWithItsCommandAndExamples() throws {
        let text = try #require(CheckExplanation.text(for: "import-conflict"))
        #expect(
            text.hasPrefix(
                """
                import-conflict: Import Conflict
                Reported by: captions import (XLIFF files); severity error
                Not one of captions check's checks: captions.yml cannot turn it off or change its severity.

                A translation was not applied because it may no longer fit its source:
                """))
        #expect(
            text.contains(
                """

                Reported:

                  # Captions/g/k.yml
                    id: k
                    title:
                      ru: Курт (сушёный сыр)

                  # returned/kk.xlf
                    <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
                """))
        #expect(CheckExplanation.suggestion(for: "import-conflit") == "import-conflict")
    }
}
