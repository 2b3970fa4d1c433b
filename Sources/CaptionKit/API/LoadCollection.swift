import Foundation

extension CaptionCollection {
    /// Loads the collection in the folder `path`: `captions.yml` and every exhibit file below it,
    /// on all cores. A malformed exhibit file is loaded with its findings, not thrown.
    ///
    /// - Throws: ``CaptionError`` when there is no collection at `path` or its `captions.yml`
    ///   cannot be read or is malformed.
    /// - Parameter refusingNestedCollections: Whether a folder below with a `captions.yml` of its
    ///   own is an error (as when a command starts); the editor's reload of a collection it runs
    ///   on reads it as before, an exhibit file with findings, rather than stop following changes.
    public static func load(path: String, refusingNestedCollections: Bool = true) throws(CaptionError)
        -> CaptionCollection
    {
        try CollectionLoader.load(path: path, refusingNestedCollections: refusingNestedCollections)
    }

    /// The collection `directory` is in (the nearest of it and its parents with a
    /// `captions.yml`), or the `Captions` folder of the nearest that has one, if any.
    public static func defaultPath(
        from directory: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        CollectionLoader.defaultCollectionPath(from: directory)
    }

    /// The collection the folder `path` lies in when it has no `captions.yml` of its own (a
    /// gallery): the nearest parent with one, named as a path from where `path` is named
    /// (`Captions` for `Captions/new-hall`), or `nil` when `path` is a collection or in none.
    public static func enclosingCollection(of path: String) -> String? {
        CollectionLoader.enclosingCollection(of: path)
    }

    /// What to do when no collection folder was named and ``defaultPath(from:)`` finds none.
    public static let noDefaultPathMessage = """
        no collection here or in any parent folder (a folder with captions.yml, or a Captions folder); \
        name the collection folder, or run captions init to start one
        """

    /// ``defaultPath(from:)``, or an error saying how to name or start a collection.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when there is no collection.
    public static func requireDefaultPath(
        from directory: String = FileManager.default.currentDirectoryPath
    ) throws(CaptionError) -> String {
        guard let found = defaultPath(from: directory) else { throw .invalidArgument(noDefaultPathMessage) }
        return found
    }
}

extension CaptionCollection {
    /// The name of a collection's configuration file in its folder.
    public static let configFileName = CollectionLoader.configFileName

    /// The exhibit file `relativePath` of this collection read again as it is now (a file
    /// that cannot be read or parsed gives an exhibit with its load findings).
    public func readExhibit(_ relativePath: String) -> Exhibit {
        CollectionLoader.readExhibit(relativePath, root: rootPath)
    }
}
