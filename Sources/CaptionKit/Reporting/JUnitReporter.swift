import Foundation

/// JUnit XML that CI dashboards read: one `<testcase>` per exhibit file, one `<failure>` per
/// error-level finding; warnings and notes go to the test case's `<system-out>`. The `failures`
/// count is of test cases (exhibit files with an error), so it never exceeds `tests`. A test
/// case's `file` is relative to the checkout in GitHub Actions, as the `github` and `sarif`
/// formats give it (``ReportWorkspace``).
enum JUnitReporter {
    /// The JUnit document, written with libxml2.
    static func report(_ result: CheckResult) throws(CaptionError) -> String {
        var byPath: [String: [Diagnostic]] = [:]
        for finding in result.diagnostics { byPath[finding.location.path, default: []].append(finding) }
        let exhibitPaths = Set(result.collection.exhibits.map(\.path))
        // Findings outside exhibit files (skipped-file, panel-font-missing at captions.yml, unused
        // baseline entries) get a test case of their own, named by the path.
        let extraPaths = byPath.keys.filter { !exhibitPaths.contains($0) }.sorted()
        // Test cases that failed, not findings: dashboards count passed tests as tests - failures.
        let failures = byPath.values.filter { $0.contains { $0.severity == .error } }.count
        let tests = result.collection.exhibits.count + extraPaths.count
        let workspace = ReportWorkspace.current()

        let xml = XMLWriter()
        xml.start("testsuites")
        xml.attribute("name", "captions check")
        xml.attribute("tests", String(tests))
        xml.attribute("failures", String(failures))
        xml.attribute("errors", "0")
        xml.start("testsuite")
        xml.attribute("name", result.collection.rootPath)
        xml.attribute("tests", String(tests))
        xml.attribute("failures", String(failures))
        xml.attribute("errors", "0")
        xml.attribute("skipped", "0")
        func testCase(name: String, classname: String, path: String) {
            xml.start("testcase")
            xml.attribute("classname", SourceLocation.oneLine(classname))
            xml.attribute("name", SourceLocation.oneLine(name))
            xml.attribute("file", SourceLocation.oneLine(workspace.relative(path)))
            let findings = byPath[path] ?? []
            for finding in findings where finding.severity == .error {
                xml.start("failure")
                xml.attribute("type", finding.checkID)
                // As the text lines write it: XML cannot hold most control characters.
                xml.attribute("message", SourceLocation.oneLine(finding.message))
                xml.text(finding.formatted)
                xml.end()
            }
            let other = findings.filter { $0.severity != .error }
            if !other.isEmpty {
                xml.element("system-out", text: other.map(\.formatted).joined(separator: "\n"))
            }
            xml.end()
        }
        for exhibit in result.collection.exhibits {
            let gallery = exhibit.gallery.isEmpty ? result.collection.rootPath : exhibit.gallery
            testCase(name: exhibit.displayID, classname: gallery, path: exhibit.path)
        }
        for path in extraPaths { testCase(name: path, classname: result.collection.rootPath, path: path) }
        xml.end()
        xml.end()
        return String(decoding: try xml.finish(path: "JUnit report"), as: UTF8.self)
    }

    /// The JUnit document of a run that could not check: one test case with an `<error>`.
    static func report(_ error: CaptionError) throws(CaptionError) -> String {
        let xml = XMLWriter()
        xml.start("testsuites")
        xml.attribute("name", "captions check")
        for name in ["tests", "errors"] { xml.attribute(name, "1") }
        xml.attribute("failures", "0")
        xml.start("testsuite")
        xml.attribute("name", "captions check")
        for name in ["tests", "errors"] { xml.attribute(name, "1") }
        for name in ["failures", "skipped"] { xml.attribute(name, "0") }
        xml.start("testcase")
        xml.attribute("classname", "captions")
        xml.attribute("name", "captions check")
        if let path = error.location?.path {
            xml.attribute("file", SourceLocation.oneLine(ReportWorkspace.current().relative(path)))
        }
        xml.start("error")
        xml.attribute("type", "CaptionError")
        xml.attribute("message", SourceLocation.oneLine(error.message))
        xml.text(error.description)
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        return String(decoding: try xml.finish(path: "JUnit report"), as: UTF8.self)
    }
}
