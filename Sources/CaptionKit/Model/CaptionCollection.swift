/// A loaded caption collection: its configuration and every exhibit file below its folder.
public struct CaptionCollection: Sendable {
    /// The collection folder as the user named it, e.g. `Captions`.
    public var rootPath: String
    /// The configuration (defaults when there is no `captions.yml`).
    public var config: CollectionConfig
    /// Every exhibit file, sorted by path.
    public var exhibits: [Exhibit]
    /// The files and links below the folder that were not read although they may hold
    /// captions (`kurt.YML`, a linked gallery), sorted by path; `skipped-file` reports them.
    var skippedPaths: [SkippedPath] = []
}
