/// What `captions import` is asked to do.
public struct XLIFFImportOptions: Sendable {
    /// The XLIFF files, in the order given.
    var files: [String]
    /// Report what would change, write nothing.
    var dryRun: Bool
    /// Write nothing at all when any unit cannot be imported (conflict, unknown id, refused).
    /// Without it the other translations are applied and the command exits 1.
    var atomic: Bool
    /// The largest XLIFF file read, in bytes.
    var maximumSize: Int
    /// `--trust-states --by NAME`: the name recorded with a review for each unit returned with
    /// its target unchanged and a tool state that says reviewed or final (see the manual's
    /// table); `nil` (the default) ignores states.
    public var trustStatesBy: String?
    /// The day recorded with those reviews, `YYYY-MM-DD` (see ``SignOff/today(environment:now:)``).
    public var reviewDate: String = ""

    /// Creates options (default size limit: 256 MB).
    public init(files: [String], dryRun: Bool = false, atomic: Bool = false, maximumSize: Int = 256 << 20) {
        self.files = files
        self.dryRun = dryRun
        self.atomic = atomic
        self.maximumSize = maximumSize
    }
}
