import Foundation

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
///
/// Errors become `::error`, warnings `::warning`, notes `::notice`, so findings appear as
/// annotations on the pull request's changed lines.
enum GitHubReporter {
    /// One workflow command per finding.
    static func report(_ result: CheckResult) -> String {
        let workspace = ReportWorkspace.current()
        var output = ""
        for finding in result.diagnostics {
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = ["file=\(escapeProperty(workspace.relative(finding.location.path)))"]
            if finding.location.line > 0 { properties.append("line=\(finding.location.line)") }
            if finding.location.column > 0 { properties.append("col=\(finding.location.column)") }
            properties.append("title=\(escapeProperty(finding.checkID))")
            output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(finding.message))\n"
        }
        return output
    }

    /// The `::error` command of a run that could not check, at its file and position when known.
    static func report(_ error: CaptionError) -> String {
        var properties: [String] = []
        if let location = error.location {
            properties.append("file=\(escapeProperty(ReportWorkspace.current().relative(location.path)))")
            if location.line > 0 { properties.append("line=\(location.line)") }
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        properties.append("title=captions check")
        return "::error \(properties.joined(separator: ","))::\(escapeData(error.message))\n"
    }

    /// Escapes a message the way the Actions runner expects (`%`, CR, LF).
    static func escapeData(_ text: String) -> String {
        SourceLocation.visibleControls(text).replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
