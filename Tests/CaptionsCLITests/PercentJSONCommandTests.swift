import Foundation
import Testing

/// `percent` in the JSON of `check` and `status` is one type whatever its value.
@Suite struct PercentJSONCommandTests {
    /// `percent` is `100.0`, never `100`, in `check` and `status` JSON alike.
    @Test func percentHasOneDecimalInCheckAndStatusJSON() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", "languages: [kk, ru, en]\nsource: ru\n")
        try folder.write(
            "Captions/kurt.yml",
            "id: kurt\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  ru: Курт.\n  en: Kurt.\n")
        let check = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let status = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        for output in [check.stdout, status.stdout] {
            let percents = output.split(separator: "\n").filter { $0.contains("\"percent\"") }.map {
                String($0.drop { $0 == " " })
            }
            #expect(percents == ["\"percent\" : 50.0,", "\"percent\" : 100.0,", "\"percent\" : 100.0,"], "\(output)")
        }
    }
}
