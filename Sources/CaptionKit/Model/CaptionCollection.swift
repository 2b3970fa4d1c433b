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
    /// The folder of the collection a command was named for, relative to ``rootPath``
    /// (`new-hall` for `captions export signage Captions/new-hall`), or `nil` for the whole
    /// collection (``CollectionLoader/load(scopedTo:)``).
    var scope: String?
}

extension CaptionCollection {
    /// Whether the exhibit file `relativePath` lies in ``scope`` (every file when there is none).
    func isInScope(_ relativePath: String) -> Bool {
        guard let scope else { return true }
        return relativePath.hasPrefix(scope + "/")
    }

    /// The exhibits in ``scope``, in path order.
    var scopedExhibits: [Exhibit] {
        scope == nil ? exhibits : exhibits.filter { isInScope($0.relativePath) }
    }

    /// The collection with only the exhibits and skipped files in ``scope``, which it keeps.
    var limitedToScope: CaptionCollection {
        guard scope != nil else { return self }
        var limited = self
        limited.exhibits = scopedExhibits
        limited.skippedPaths = skippedPaths.filter { isInScope($0.relativePath) }
        return limited
    }

    /// The folder ``scope`` names, as the user named it (`Captions/new-hall`), or `nil`.
    var scopePath: String? {
        scope.map { CollectionLoader.join(rootPath, $0) }
    }

    /// A note for stderr when the collection was read for one of its folders (``scope``): a
    /// reader of the output must know that the other folders were left out, and that the
    /// collection's settings apply.
    var scopeNote: String? {
        scope.map { Self.scopeNote(folder: $0, root: rootPath) }
    }

    /// ``scopeNote`` of the folder `folder` of the collection `root`.
    static func scopeNote(folder: String, root: String) -> String {
        let path = CollectionLoader.join(root, folder)
        return """
            note: \(path) is read as part of the collection \(root), with its settings, glossary and baseline; \
            only the exhibits in \(path) are taken
            """
    }
}
