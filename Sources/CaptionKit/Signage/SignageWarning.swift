/// A problem in the exported signage that does not stop the export, e.g. a word wider than the
/// line.
public struct SignageWarning: Sendable, Hashable {
    /// Where the text is in the caption file.
    var location: SourceLocation
    /// One sentence without a trailing period.
    public var message: String

    /// Creates a warning.
    init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `path:line:col: warning: message`.
    var formatted: String { location.line(.warning, message) }
}
