import Foundation
import Testing

/// `percent` in the JSON of `check` and `status` is one type whatever its value; the status
/// document whole.
@Suite struct PercentJSONCommandTests {
    /// One exhibit whose Kazakh text is missing.
    static func fixture() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Курт.\n  en: Kurt.\n")
        return folder
    }

    /// `percent` is `100.0`, never `100`, in `check` and `status` JSON alike.
    @Test func percentHasOneDecimalInCheckAndStatusJSON() throws {
        let folder = try Self.fixture()
        let check = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let status = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        for output in [check.stdout, status.stdout] {
            let percents = output.split(separator: "\n").filter { $0.contains("\"percent\"") }.map {
                String($0.drop { $0 == " " })
            }
            #expect(percents == ["\"percent\" : 50.0,", "\"percent\" : 100.0,", "\"percent\" : 100.0,"], "\(output)")
        }
    }

    /// Every key of the status document, and `version` as in `check`'s JSON (before, status had
    /// none).
    @Test func statusJSONIsTheDocumentTheManualDescribes() throws {
        let folder = try Self.fixture()
        let status = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        #expect(status.status == 0)
        #expect(
            status.stdout == """
                {
                  "collection" : "Captions",
                  "exhibits" : 1,
                  "findingsByCheck" : {
                    "missing-translation" : 1
                  },
                  "languages" : [
                    {
                      "approved" : 0,
                      "findings" : {
                        "error" : 1
                      },
                      "isSource" : false,
                      "language" : "kk",
                      "missing" : 1,
                      "percent" : 50.0,
                      "reviewed" : 0,
                      "sameAsSource" : 0,
                      "sourceWordsToTranslate" : 1,
                      "stale" : 0,
                      "translated" : 1,
                      "units" : 2
                    },
                    {
                      "approved" : 0,
                      "findings" : {

                      },
                      "isSource" : true,
                      "language" : "ru",
                      "missing" : 0,
                      "percent" : 100.0,
                      "reviewed" : 0,
                      "sameAsSource" : 0,
                      "sourceWordsToTranslate" : 0,
                      "stale" : 0,
                      "translated" : 2,
                      "units" : 2
                    },
                    {
                      "approved" : 0,
                      "findings" : {

                      },
                      "isSource" : false,
                      "language" : "en",
                      "missing" : 0,
                      "percent" : 100.0,
                      "reviewed" : 0,
                      "sameAsSource" : 0,
                      "sourceWordsToTranslate" : 0,
                      "stale" : 0,
                      "translated" : 2,
                      "units" : 2
                    }
                  ],
                  "skippedFiles" : [

                  ],
                  "unreadable" : 0,
                  "version" : 1
                }

                """)
        let check = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        #expect(check.stdout.hasSuffix("\n  \"version\" : 1\n}\n"))
    }
}
