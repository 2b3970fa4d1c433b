import Testing

@testable import CaptionKit

/// One example of one registered check, with a readable name for test output.
struct CheckExampleCase: CustomTestStringConvertible, Sendable {
    let checkType: any CaptionCheck.Type
    let example: CheckExample
    let triggering: Bool
    let index: Int

    var testDescription: String {
        """
        \(checkType.description.id) \(triggering ? "triggering" : "non-triggering") #\(index + 1) \
        (\(example.sourceFile):\(example.sourceLine))
        """
    }

    static var all: [CheckExampleCase] {
        CheckRegistry.all.flatMap { type in
            type.description.nonTriggeringExamples.enumerated().map {
                CheckExampleCase(checkType: type, example: $0.element, triggering: false, index: $0.offset)
            }
                + type.description.triggeringExamples.enumerated().map {
                    CheckExampleCase(checkType: type, example: $0.element, triggering: true, index: $0.offset)
                }
        }
    }
}

/// Where the markers in an example say findings must point.
struct MarkedExample {
    var collection: CaptionCollection
    var expected: Set<SourceLocation>

    /// Strips `↓` markers, remembers their positions (line, column in Unicode scalars) and loads
    /// the files in memory under the collection folder `Captions`. A file the loader would skip
    /// for its name (``SkippedPath``) becomes a skipped path, and a marker in it the whole file.
    init(_ example: CheckExample) throws {
        var exhibits: [Exhibit] = []
        var expected = Set<SourceLocation>()
        /// The text without markers; the markers' positions go into `expected`.
        func strip(_ text: String, path: String) -> String {
            var clean = ""
            var line = 1
            var column = 1
            for character in text {
                if character == CheckExample.marker {
                    expected.insert(SourceLocation(path: path, line: line, column: column))
                    continue
                }
                clean.append(character)
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
            return clean
        }
        var glossaryText: String?
        var skipped: [SkippedPath] = []
        for file in example.files {
            let path = "Captions/" + file.path
            let name = String(file.path.split(separator: "/").last ?? "")
            if let reason = SkippedPath.reason(forName: name, atTop: !file.path.contains("/")) {
                // The loader does not read the file: a marker in it stands for the whole file.
                skipped.append(SkippedPath(relativePath: file.path, reason: reason))
                if file.text.contains(CheckExample.marker) { expected.insert(SourceLocation(path: path)) }
                continue
            }
            let clean = strip(file.text, path: path)
            if file.path == Glossary.fileName {
                glossaryText = clean
                continue
            }
            exhibits.append(ExhibitParser.parse(text: clean, path: path, relativePath: file.path))
        }
        // Markers in captions.yml point at findings about the configuration (panel-font-missing).
        var config =
            try example.config.map {
                try ConfigParser.parse(
                    text: strip($0, path: "Captions/captions.yml"), path: "Captions/captions.yml")
            } ?? .default
        if let glossaryText {
            config.glossary = try GlossaryParser.parse(
                text: glossaryText, path: "Captions/" + Glossary.fileName, languages: config.languages)
        }
        collection = CaptionCollection(
            rootPath: "Captions", config: config, exhibits: exhibits.sorted { $0.path < $1.path },
            skippedPaths: skipped.sorted { $0.relativePath < $1.relativePath })
        self.expected = expected
    }
}

@Suite struct CheckExampleTests {
    /// Every example of every registered check: triggering examples find exactly the marked
    /// positions; non-triggering ones find nothing.
    @Test(arguments: CheckExampleCase.all)
    func example(_ testCase: CheckExampleCase) throws {
        if testCase.example.config?.contains("font: PT Sans") == true, !PanelTestFonts.hasPTSans {
            return  // PanelTestFonts says why, once.
        }
        let marked = try MarkedExample(testCase.example)
        let validator = try Validator(config: marked.collection.config, only: [testCase.checkType])
        let findings = validator.validate(marked.collection)
        let id = testCase.checkType.description.id
        #expect(findings.allSatisfy { $0.checkID == id }, "findings of other checks: \(findings.map(\.formatted))")
        if testCase.triggering {
            #expect(!marked.expected.isEmpty, "a triggering example needs at least one ↓ marker")
            #expect(Set(findings.map(\.location)) == marked.expected, "findings: \(findings.map(\.formatted))")
        } else {
            #expect(findings.isEmpty, "unexpected findings: \(findings.map(\.formatted))")
        }
        for finding in findings {
            #expect(!finding.message.hasSuffix("."), "messages have no trailing period: \(finding.message)")
        }
    }
}

@Suite struct CheckRegistryTests {
    @Test func idsAreUniqueAndKebabCase() {
        let ids = CheckRegistry.ids
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(ExhibitID.isValid(id), "\(id) is not kebab-case")
        }
    }

    @Test(arguments: CheckRegistry.all.map { $0.description.id })
    func everyCheckIsDocumentedWithExamples(_ id: String) throws {
        let description = try #require(CheckRegistry.check(id: id)).description
        #expect(!description.triggeringExamples.isEmpty)
        #expect(!description.nonTriggeringExamples.isEmpty)
        #expect(description.rationale.hasSuffix("."), "rationales are full sentences")
        #expect(!description.name.isEmpty && description.name.first!.isUppercase)
    }

    @Test func unknownCheckInConfigStopsTheRunWithASuggestion() throws {
        let config = try ConfigParser.parse(text: "checks:\n  missing-translaton: off\n", path: "Captions/captions.yml")
        #expect(
            throws: CaptionError.unknownCheck(
                SourceLocation(path: "Captions/captions.yml", line: 2, column: 3), id: "missing-translaton",
                suggestion: "missing-translation")
        ) {
            _ = try Validator(config: config)
        }
    }

    @Test func configTurnsChecksOffAndChangesSeverity() throws {
        let config = try ConfigParser.parse(
            text: "checks:\n  missing-translation: warning\n  empty-text: off\n", path: "Captions/captions.yml")
        let exhibit = ExhibitParser.parse(
            text: "id: kurt\ntitle:\n  kk: \"\"\n  ru: Курт\ntext:\n  kk: Құрт.\n  ru: Курт.\n  en: Kurt.\n",
            path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let findings = try Validator(config: config).validate(
            CaptionCollection(rootPath: "Captions", config: config, exhibits: [exhibit]))
        #expect(
            findings.map(\.formatted) == [
                "Captions/kurt.yml:2:1: warning: title of kurt has no English (en) text [missing-translation]"
            ])
    }
}
