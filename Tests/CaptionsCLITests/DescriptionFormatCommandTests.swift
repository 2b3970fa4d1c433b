import Foundation
import Testing

/// `--format` with the options that make no report of findings (`--explain`,
/// `--write-baseline`): JSON or text, the other formats refused.
@Suite struct DescriptionFormatCommandTests {
    @Test func explainAsJSONDescribesTheCheck() throws {
        let run = try CLIRun.run(["check", "--explain", "skipped-file", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["id"] as? String == "skipped-file")
        #expect(document["name"] as? String == "Skipped File")
        #expect(document["reportedBy"] as? String == "captions check")
        #expect(document["configurable"] as? Bool == true)
        #expect(document["defaultSeverity"] as? String == "warning")
        #expect(document["onByDefault"] as? Bool == true)
        #expect((document["rationale"] as? String)?.hasPrefix("captions check reads the files below") == true)
        #expect(document["remedy"] == nil)
        #expect(document["version"] as? Int == 1)
        let examples = try #require(document["examples"] as? [String: [[String: Any]]])
        let reported = try #require(examples["reported"]?.first?["files"] as? [[String: String]])
        #expect(reported.last == ["path": "memorial-park/wagon.YML", "text": "↓id: wagon\n"])
        #expect(examples["notReported"]?.count == 1)
        // Byte-stable: keys sorted, the same bytes every run.
        #expect(run.stdout.hasPrefix("{\n  \"configurable\" : true,\n  \"defaultSeverity\" : \"warning\",\n"))
        #expect(try CLIRun.run(["check", "--explain", "skipped-file", "--format", "json"]).stdout == run.stdout)
    }

    @Test func explainAsJSONDescribesAFindingOfImport() throws {
        let run = try CLIRun.run(["check", "--explain", "unknown-unit", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["reportedBy"] as? String == "captions import (XLIFF files)")
        #expect(document["configurable"] as? Bool == false)
        #expect(document["defaultSeverity"] as? String == "error")
        #expect(document["onByDefault"] == nil && document["options"] == nil)
        #expect((document["remedy"] as? String)?.isEmpty == false)
        let reported = try #require((document["examples"] as? [String: [[String: Any]]])?["reported"]?.first)
        #expect((reported["input"] as? [String: String])?["path"] == "returned/kk.xlf")
    }

    @Test(arguments: ["junit", "github", "sarif"])
    func formatsOfFindingsAreRefusedWithExplainAndWriteBaseline(format: String) throws {
        let explain = try CLIRun.run(["check", "--explain", "number-mismatch", "--format", format])
        #expect(explain.status == 64)
        #expect(explain.stdout.isEmpty)
        #expect(
            explain.stderr.hasPrefix(
                "Error: --explain prints text or JSON; --format \(format) is a report of findings, which --explain "
                    + "does not make (use --format text or json)\n"))
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let write = try CLIRun.run(["check", "--write-baseline", "--format", format], in: folder.path)
        #expect(write.status == 64)
        #expect(write.stderr.hasPrefix("Error: --write-baseline prints text or JSON; --format \(format) "))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Captions/captions-baseline.json"))
    }

    @Test func writeBaselineAsJSONSaysWhatItWrote() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/kurt.yml", "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")
        try folder.write("Captions/wagon.YML", "id: wagon\n")
        let run = try CLIRun.run(["check", "--write-baseline", "--format", "json"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(
            run.stdout == """
                {
                  "dropped" : 0,
                  "droppedNotRun" : 0,
                  "entries" : 1,
                  "kept" : 0,
                  "keptUnreadable" : 0,
                  "newlyAccepted" : [
                    {
                      "check" : "missing-field",
                      "column" : 5,
                      "exhibit" : "kurt",
                      "field" : "text",
                      "line" : 1,
                      "message" : "kurt has no text (a required field)",
                      "notes" : [

                      ],
                      "path" : "Captions/kurt.yml",
                      "severity" : "error"
                    }
                  ],
                  "notAccepted" : 1,
                  "path" : "Captions/captions-baseline.json",
                  "version" : 1
                }

                """)
        #expect(try folder.read("Captions/captions-baseline.json").contains("\"check\":\"missing-field\""))
    }
}
