import Foundation
import FoundationXML
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

    /// The ids `captions import` prints are explained too, and an unknown id near one gets it
    /// as its "did you mean".
    @Test func explainKnowsTheFindingsOfImport() throws {
        let run = try CLIRun.run(["check", "--explain", "unknown-unit"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                """
                unknown-unit: Unknown Unit
                Reported by: captions import (XLIFF files); severity error
                Not one of captions check's checks: captions.yml cannot turn it off or change its severity.

                A unit's id (<exhibit id>.<field>) names no caption of the collection:
                """))
        #expect(
            run.stdout.hasSuffix(
                """
                Reported:

                  # Captions/g/k.yml
                    id: k
                    title:
                      kk: Құрт
                      ru: Курт
                      en: Kurt

                  # returned/kk.xlf
                    <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
                      <file original="Captions" source-language="ru" target-language="kk" datatype="plaintext"><body>
                        <trans-unit id="kurt.title"><source>Курт</source><target>Құрт ірімшігі</target></trans-unit>
                      </body></file>
                    </xliff>

                """))
        let typo = try CLIRun.run(["check", "--explain", "import-conflit"])
        #expect(typo.status == 64)
        #expect(typo.stdout.isEmpty)
        #expect(typo.stderr.hasPrefix("Error: unknown check 'import-conflit' (did you mean 'import-conflict'?); "))
        #expect(
            typo.stderr.contains(
                """
                , unused-exception; captions import and export (xliff, glossary, tmx) report import-conflict, unknown-unit, \
                unsupported-markup, invalid-order, target-language-mismatch, source-language-mismatch, \
                paragraphs-merged, whitespace-dropped, \
                review-not-recorded, \
                newer-text-kept, newer-text-replaced, marked-unfinished, copy-of-source, translator-note, \
                glossary-conflict, glossary-import, xliff-export
                """))
    }

    /// A check that cannot run (exit 2) says why on stdout in the format asked for, as well as
    /// in its one line on stderr.
    @Test func cannotRunIsReportedInEveryFormat() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: de\n")
        try folder.write("Captions/a.yml", "id: a\n")
        let line = "Captions/captions.yml:2:9: error: source language 'de' is not one of the languages (kk, ru, en)\n"
        var outputs: [ReportFormat: String] = [:]
        for format in ReportFormat.allCases {
            let run = try CLIRun.run(["check", "--format", format.rawValue], in: folder.path)
            #expect(run.status == 2)
            #expect(run.stderr == line)
            outputs[format] = run.stdout
        }
        #expect(outputs[.text] == "")
        #expect(
            outputs[.json]
                == """
                {
                  "error" : {
                    "column" : 9,
                    "line" : 2,
                    "message" : "source language 'de' is not one of the languages (kk, ru, en)",
                    "path" : "Captions/captions.yml"
                  },
                  "version" : 1
                }

                """)
        #expect(
            outputs[.github]
                == "::error file=Captions/captions.yml,line=2,col=9,title=captions check::source language 'de' is not "
                + "one of the languages (kk, ru, en)\n")
        let log = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data((outputs[.sarif] ?? "").utf8))
        let invocation = try #require(log.runs.first?.invocations?.first)
        #expect(!invocation.executionSuccessful)
        #expect(
            invocation.toolExecutionNotifications?.map(\.message.text) == [
                "source language 'de' is not one of the languages (kk, ru, en)"
            ])
        #expect(invocation.toolExecutionNotifications?.first?.locations?.first?.physicalLocation.region?.startLine == 2)
        #expect(log.runs.first?.results == [])
        let junit = outputs[.junit] ?? ""
        #expect(junit.contains("<testsuites name=\"captions check\" tests=\"1\" errors=\"1\" failures=\"0\">"))
        #expect(
            junit.contains(
                "<error type=\"CaptionError\" message=\"source language 'de' is not one of the languages (kk, ru, en)\">"
            ))
        // No collection where one was asked for: a file, no position.
        let nowhere = try CLIRun.run(["check", "Nowhere", "--format", "github"], in: folder.path)
        #expect(nowhere.status == 2)
        #expect(nowhere.stdout.hasPrefix("::error file=Nowhere,title=captions check::no caption collection here"))
    }

    /// Control characters a message quotes from a file (a key holding U+0001 and an escape
    /// character) are written as `\u` codes in every line format and in JUnit, which must stay
    /// well-formed XML: raw, an escape acts on the CI log and U+0001 breaks the XML.
    @Test func controlCharactersInMessagesAreWrittenVisibly() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"
                + "\"ti\\x01tle\\e\":\n  en: Kurt\n")
        let message = "unknown field 'ti\\u0001tle\\u001B'; did you mean 'title'?"
        let text = try CLIRun.run(["check"], in: folder.path)
        #expect(text.stdout == "Captions/kurt.yml:10:1: error: \(message) [unknown-field]\n")
        let github = try CLIRun.run(["check", "--format", "github"], in: folder.path)
        #expect(
            github.stdout == "::error file=Captions/kurt.yml,line=10,col=1,title=unknown-field::\(message)\n")
        let junit = try CLIRun.run(["check", "--format", "junit"], in: folder.path)
        #expect(junit.status == 1)
        let document = try XMLDocument(data: Data(junit.stdout.utf8))
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == message)
        #expect(failure.stringValue == "Captions/kurt.yml:10:1: error: \(message) [unknown-field]")
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
        // The run says it ran; checks off by default say so in their rules.
        #expect(log.runs[0].invocations == [SARIFReporter.Invocation(executionSuccessful: true)])
        let rules = Dictionary(uniqueKeysWithValues: log.runs[0].tool.driver.rules.map { ($0.id, $0) })
        #expect(rules["not-approved"]?.defaultConfiguration.enabled == false)
        #expect(rules["missing-translation"]?.defaultConfiguration.enabled == nil)
        #expect(!run.stdout.contains("\"toolExecutionNotifications\""))
    }

    @Test func writeBaselineThenCheckIsClean() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт 1937.\n  en: Kurt.\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 1)
        let write = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(write.status == 0)
        #expect(
            write.stdout == """
                Captions/kurt.yml:7:7: newly accepted error: text (kk) has other numbers than the Russian (ru) source: \
                missing 1937 [number-mismatch]
                Captions/kurt.yml:9:7: newly accepted error: text (en) has other numbers than the Russian (ru) source: \
                missing 1937 [number-mismatch]

                """)
        #expect(
            write.stderr
                == "wrote 2 accepted findings to Captions/captions-baseline.json: 0 kept, 2 newly accepted, 0 dropped (no longer found)\n"
        )
        let clean = try CLIRun.run(["check"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(
            clean.stderr.hasSuffix(
                "0 errors, 0 warnings in 1 exhibit (2 accepted by exceptions)\n" + CLIRun.untrackedNote(4, in: 1)))
        let json = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let summary = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(json.stdout.utf8)).summary
        #expect(summary.accepted == 2 && summary.unreadable == 0 && summary.errors == 0)
        #expect(try CLIRun.run(["check", "--no-baseline"], in: folder.path).status == 1)
        let misuse = try CLIRun.run(["check", "--no-baseline", "--write-baseline"], in: folder.path)
        #expect(misuse.status == 64)
    }

    /// One committed baseline serves every way CI runs the check: from another folder (the
    /// duplicate-id message names the other file by its path in the collection, not from where
    /// the check runs) and without `--require` when it was written with it (entries of checks
    /// that did not run are not reported as unused).
    @Test func aBaselineHoldsFromAnyFolderAndWithoutRequire() throws {
        let folder = try TemporaryFolder()
        let kurt =
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n"
        try folder.write("Captions/a/kurt.yml", kurt)
        try folder.write("Captions/b/kurt.yml", kurt)
        let found = try CLIRun.run(["check", "Captions"], in: folder.path)
        #expect(found.status == 1)
        #expect(
            found.stdout == """
                Captions/b/kurt.yml:1:5: error: id 'kurt' is also used by a/kurt.yml [duplicate-id]
                Captions/a/kurt.yml:1:5: note: 'kurt' is first used here

                """)
        let write = try CLIRun.run(["check", "Captions", "--write-baseline", "--require", "approved"], in: folder.path)
        #expect(write.status == 0)
        #expect(try folder.read("Captions/captions-baseline.json").contains("{\"check\":\"not-approved\","))
        for (arguments, directory) in [
            (["check", "Captions"], folder.path), (["check", "."], folder.path + "/Captions"),
            (["check", "Captions", "--require", "approved"], folder.path),
        ] {
            let run = try CLIRun.run(arguments, in: directory)
            #expect(run.status == 0, "\(arguments) in \(directory)")
            #expect(run.stdout.isEmpty, "\(arguments) in \(directory): \(run.stdout)")
        }
        // An entry of no check at all (a typo) is reported: nothing can ever use it.
        let baseline = try folder.read("Captions/captions-baseline.json")
        try folder.write(
            "Captions/captions-baseline.json",
            baseline.replacingOccurrences(of: "{\"check\":\"not-approved\",", with: "{\"check\":\"not-aproved\","))
        let typo = try CLIRun.run(["check", "Captions"], in: folder.path)
        #expect(typo.stdout.contains("warning: baseline entry silences nothing: "), "\(typo.stdout)")
        #expect(typo.stdout.contains("[unused-exception]"))
    }

    /// A file that cannot be read is never accepted: its captions would not be checked at all.
    @Test func aBaselineDoesNotAcceptAnUnreadableFile() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Құрт.\n  ru: Курт 1937.\n  en: Kurt.\n")
        try folder.write("Captions/broken.yml", "id: broken\ntitle:\n  kk: \"Вагон\n  ru: Вагон\n")
        let write = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(write.status == 0)
        #expect(
            write.stderr == """
                wrote 2 accepted findings to Captions/captions-baseline.json: 0 kept, 2 newly accepted, 0 dropped (no \
                longer found); 1 finding cannot be accepted and must be fixed (unreadable or skipped files, exceptions' \
                own problems): run captions check

                """)
        let baseline = try folder.read("Captions/captions-baseline.json")
        #expect(!baseline.contains("invalid-yaml"))
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.hasPrefix("Captions/broken.yml:3:7: error: invalid YAML: the quoted text that starts here "))
        #expect(check.stdout.contains("[invalid-yaml]"))
        // The JSON says what the text summary says: a file's texts are not counted, two
        // findings were accepted.
        let json = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let summary = try JSONDecoder().decode(JSONReporter.Document.self, from: Data(json.stdout.utf8)).summary
        #expect(summary.unreadable == 1 && summary.accepted == 2)
    }
}
