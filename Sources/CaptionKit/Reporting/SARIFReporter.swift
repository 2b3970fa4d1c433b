import Foundation

/// SARIF 2.1.0, the format code-scanning dashboards read (GitHub code scanning, Azure DevOps,
/// SonarQube...).
///
/// One run whose driver lists every registered check as a rule (id, name, descriptions,
/// default level) and one result per finding, pointing at `path:line:column`. Columns count
/// Unicode scalars, which the run declares with `columnKind: unicodeCodePoints`. Keys are
/// sorted and the output is pretty-printed, so it is byte-stable.
enum SARIFReporter {
    /// The SARIF log.
    struct Log: Codable, Sendable, Equatable {
        /// The schema URI.
        var schema: String
        /// Always `2.1.0`.
        var version: String
        /// One run.
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    /// One run of `captions check`.
    struct Run: Codable, Sendable, Equatable {
        /// The tool.
        var tool: Tool
        /// The findings.
        var results: [Result]
        /// How columns are counted: `unicodeCodePoints`.
        var columnKind: String
        /// The one invocation: whether the check ran, and for a run that could not (exit 2), why.
        var invocations: [Invocation]? = nil
    }

    /// How the run ended, when it could not check.
    struct Invocation: Codable, Sendable, Equatable {
        /// Whether the check ran (whatever it found): `false` for a run that could not check.
        var executionSuccessful: Bool
        /// Why it could not, an `error` notification; absent when it ran.
        var toolExecutionNotifications: [Notification]? = nil
    }

    /// A message of the tool about its own run.
    struct Notification: Codable, Sendable, Equatable {
        /// `error`.
        var level: String
        /// What went wrong.
        var message: Text
        /// Where, when a file is concerned.
        var locations: [Location]?
    }

    /// The tool that made the run.
    struct Tool: Codable, Sendable, Equatable {
        /// The driver: `captions` and its rules.
        var driver: Driver
    }

    /// `captions` and its checks.
    struct Driver: Codable, Sendable, Equatable {
        /// `captions`.
        var name: String
        /// The tool's version.
        var version: String
        /// Where the tool is documented.
        var informationUri: String?
        /// Every check, in registry order.
        var rules: [Rule]
    }

    /// A check, as a SARIF rule.
    struct Rule: Codable, Sendable, Equatable {
        /// The check id.
        var id: String
        /// The check's name without spaces, e.g. `NumberMismatch`.
        var name: String
        /// The check's name.
        var shortDescription: Text
        /// The check's rationale.
        var fullDescription: Text
        /// How to read more.
        var help: Text
        /// The default level.
        var defaultConfiguration: Configuration
    }

    /// A rule's default configuration.
    struct Configuration: Codable, Sendable, Equatable {
        /// `error`, `warning` or `note`.
        var level: String
        /// `false` for a check that runs only when captions.yml or `--require` turns it on
        /// (`not-reviewed`, `not-approved`); absent for the others, which run by default.
        var enabled: Bool? = nil
    }

    /// A text (SARIF's `message` and description objects).
    struct Text: Codable, Sendable, Equatable {
        /// The text.
        var text: String
    }

    /// One finding.
    struct Result: Codable, Sendable, Equatable {
        /// The check id.
        var ruleId: String
        /// The check's index in ``Driver/rules``.
        var ruleIndex: Int
        /// `error`, `warning` or `note` (after configuration and `--strict`).
        var level: String
        /// The finding's message.
        var message: Text
        /// Where it points.
        var locations: [Location]
        /// The finding's notes, with their own locations.
        var relatedLocations: [Location]?
    }

    /// A location, optionally with a message (for related locations).
    struct Location: Codable, Sendable, Equatable {
        /// The file and position.
        var physicalLocation: PhysicalLocation
        /// What the location is about (notes only).
        var message: Text?
    }

    /// A file and an optional region.
    struct PhysicalLocation: Codable, Sendable, Equatable {
        /// The file.
        var artifactLocation: ArtifactLocation
        /// The line and column, absent when the finding is about the whole file.
        var region: Region?
    }

    /// A file.
    struct ArtifactLocation: Codable, Sendable, Equatable {
        /// The path as a relative URI reference (percent-encoded), e.g. `Captions/park/wagon.yml`.
        var uri: String
    }

    /// A position.
    struct Region: Codable, Sendable, Equatable {
        /// 1-based line.
        var startLine: Int
        /// 1-based column in Unicode scalars, absent when unknown.
        var startColumn: Int?
    }

    /// The schema URI written into every log.
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// Builds the log for `result`.
    static func log(_ result: CheckResult) -> Log {
        var rules = CheckRegistry.all.map { rule(for: $0.description) }
        var index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        var results: [Result] = []
        let workspace = ReportWorkspace.current()
        for finding in result.diagnostics {
            if index[finding.checkID] == nil {
                // A finding of no registered check (none today) still gets a rule of its own.
                index[finding.checkID] = rules.count
                rules.append(
                    Rule(
                        id: finding.checkID, name: finding.checkID, shortDescription: Text(text: finding.checkID),
                        fullDescription: Text(text: finding.checkID), help: Text(text: finding.checkID),
                        defaultConfiguration: Configuration(level: finding.severity.rawValue)))
            }
            let notes = finding.notes.map {
                Location(physicalLocation: physical($0.location, in: workspace), message: Text(text: $0.message))
            }
            results.append(
                Result(
                    ruleId: finding.checkID, ruleIndex: index[finding.checkID] ?? 0, level: finding.severity.rawValue,
                    message: Text(text: finding.message),
                    locations: [Location(physicalLocation: physical(finding.location, in: workspace))],
                    relatedLocations: notes.isEmpty ? nil : notes))
        }
        let driver = Driver(name: "captions", version: CaptionsVersion.string, informationUri: nil, rules: rules)
        return Log(
            schema: schemaURI, version: "2.1.0",
            runs: [
                Run(
                    tool: Tool(driver: driver), results: results, columnKind: "unicodeCodePoints",
                    invocations: [Invocation(executionSuccessful: true)])
            ])
    }

    /// The SARIF text, ending in a newline.
    static func report(_ result: CheckResult) throws(CaptionError) -> String {
        try JSONReporter.encode(log(result))
    }

    /// The SARIF log of a run that could not check: no results, and `error` as the reason its
    /// invocation did not succeed.
    static func report(_ error: CaptionError) throws(CaptionError) -> String {
        let driver = Driver(name: "captions", version: CaptionsVersion.string, informationUri: nil, rules: [])
        let notification = Notification(
            level: "error", message: Text(text: error.message),
            locations: error.location.map { [Location(physicalLocation: physical($0, in: .current()))] })
        let run = Run(
            tool: Tool(driver: driver), results: [], columnKind: "unicodeCodePoints",
            invocations: [Invocation(executionSuccessful: false, toolExecutionNotifications: [notification])])
        return try JSONReporter.encode(Log(schema: schemaURI, version: "2.1.0", runs: [run]))
    }

    static func rule(for description: CheckDescription) -> Rule {
        Rule(
            id: description.id, name: description.name.replacingOccurrences(of: " ", with: ""),
            shortDescription: Text(text: description.name), fullDescription: Text(text: description.rationale),
            help: Text(text: "Run captions check --explain \(description.id) for its options and examples."),
            defaultConfiguration: Configuration(
                level: description.defaultSeverity.rawValue, enabled: description.isOnByDefault ? nil : false))
    }

    /// Where `location` is, by its path relative to the checkout (`GITHUB_WORKSPACE`) as the
    /// `github` format gives it: code scanning places results by the repository's paths, not by
    /// the folder the step ran in.
    static func physical(_ location: SourceLocation, in workspace: ReportWorkspace) -> PhysicalLocation {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
        let path = workspace.relative(location.path)
        var uri = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        if path.hasPrefix("/") { uri = "file://" + uri }
        let region =
            location.line > 0
            ? Region(startLine: location.line, startColumn: location.column > 0 ? location.column : nil) : nil
        return PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri), region: region)
    }
}
