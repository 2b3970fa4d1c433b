import Foundation
import Testing

@testable import CaptionKit

@Suite struct SARIFReporterTests {
    func result() throws -> (CheckResult, TestCollection) {
        let collection = try TestCollection(
            files: [
                ("park/my wagon.yml", "id: my-wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: The the wagon\n"),
                ("park/dup.yml", "id: my-wagon\ntitle:\n  kk: Вагон\n  ru: Вагон\n  en: Wagon\n"),
            ], config: "fields:\n  title: { required: true }\nchecks:\n  id-file-mismatch: off\n")
        return (try CaptionChecker.run(CheckRequest(path: collection.root)), collection)
    }

    @Test func logHasTheRequiredSARIFStructure() throws {
        let (result, collection) = try result()
        let text = try SARIFReporter.report(result)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "captions")
        #expect(driver["version"] as? String == CaptionsVersion.string)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == CheckRegistry.ids)
        for rule in rules {
            #expect(rule["name"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == result.diagnostics.count)
        #expect(results.count == 2)
        for (sarif, finding) in zip(results, result.diagnostics) {
            let ruleID = try #require(sarif["ruleId"] as? String)
            #expect(ruleID == finding.checkID)
            let ruleIndex = try #require(sarif["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == ruleID)
            #expect(sarif["level"] as? String == finding.severity.rawValue)
            #expect((sarif["message"] as? [String: Any])?["text"] as? String == finding.message)
            let physical = try #require(
                ((sarif["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(uri.removingPercentEncoding == "file://" + finding.location.path)
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.location.line)
            #expect(region["startColumn"] as? Int == finding.location.column)
        }
        // A path with a space is percent-encoded.
        #expect(text.contains("park/my%20wagon.yml"))
        _ = collection
    }

    @Test func decodesBackAndIsDeterministic() throws {
        let (result, _) = try result()
        let first = try SARIFReporter.report(result)
        #expect(try SARIFReporter.report(result) == first)
        let decoded = try JSONDecoder().decode(SARIFReporter.Log.self, from: Data(first.utf8))
        #expect(decoded == SARIFReporter.log(result))
        #expect(decoded.runs[0].results.map(\.ruleId) == ["duplicate-id", "repeated-word"])
        // The duplicate-id finding carries its note as a related location.
        #expect(decoded.runs[0].results[0].relatedLocations?.count == 1)
    }

    @Test func relativePathsStayRelativeAndWholeFileFindingsHaveNoRegion() {
        let location = SARIFReporter.log(
            CheckResult(
                collection: CaptionCollection(rootPath: "Captions", config: .default, exhibits: []),
                diagnostics: [
                    Diagnostic(
                        checkID: "invalid-yaml", severity: .error, location: SourceLocation(path: "Captions/a b.yml"),
                        message: "file cannot be read")
                ],
                summary: CompletenessSummary(
                    collection: CaptionCollection(rootPath: "Captions", config: .default, exhibits: [])))
        )
        .runs[0].results[0].locations[0].physicalLocation
        #expect(location.artifactLocation.uri == "Captions/a%20b.yml")
        #expect(location.region == nil)
    }
}
