/// The output formats of `captions check`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines for people, summary on stderr.
    case text
    /// A stable JSON document (schema version 1, documented in Documentation/Commands.md).
    case json
    /// JUnit XML for CI dashboards: a test case per exhibit, a failure per error.
    case junit
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
    case github
    /// SARIF 2.1.0 for code-scanning dashboards.
    case sarif
}

/// Renders a ``CheckResult`` in every ``ReportFormat``.
public enum CheckReporter {
}
