import Foundation

extension CollectionScaffold {
    /// Starts a collection in `path`: a commented `captions.yml`, one example exhibit and, unless
    /// the folder has one, a `.gitignore` of the files writers leave while they write.
    ///
    /// - Returns: The paths written.
    /// - Throws: ``CaptionError/alreadyExists(path:)`` when `path` already has a `captions.yml`
    ///   or any exhibit file; nothing is written then.
    public static func initialize(at path: String) throws(CaptionError) -> [String] {
        let configPath = CollectionLoader.join(path, CollectionLoader.configFileName)
        let examplePath = CollectionLoader.join(path, "example-exhibit.yml")
        if FileManager.default.fileExists(atPath: configPath) { throw .alreadyExists(path: configPath) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let existing = try CollectionLoader.exhibitFiles(in: path).first
        {
            throw .alreadyExists(path: CollectionLoader.join(path, existing))
        }
        try AtomicFile.create(Data(defaultConfigText.utf8), at: configPath)
        try AtomicFile.create(Data(exampleExhibitText.utf8), at: examplePath)
        let ignorePath = CollectionLoader.join(path, ".gitignore")
        guard !FileManager.default.fileExists(atPath: ignorePath) else { return [configPath, examplePath] }
        try AtomicFile.create(Data(gitIgnoreText.utf8), at: ignorePath)
        return [configPath, examplePath, ignorePath]
    }
}

extension CollectionScaffold {
    /// Writes a new exhibit file `<gallery>/<id>.yml` in the collection at `path`.
    ///
    /// - Returns: The path written.
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an id or gallery that is not a slug,
    ///   ``CaptionError/alreadyExists(path:)`` when the file exists, ``CaptionError/idInUse(_:id:)``
    ///   when another file has that id, ``CaptionError/invalidInput(_:_:)`` when a file named
    ///   `<id>.yml` cannot be read as captions (it may hold that id).
    ///
    /// With `requiredFieldsOnly` (the editor, which shows a box for every field and adds a field
    /// when a text is saved in it), the file has only the required fields and no `notes`, so an
    /// exhibit whose required texts are filled in has no empty optional field to report.
    public static func newExhibit(
        id: String, gallery: String?, in path: String, requiredFieldsOnly: Bool = false
    ) throws(CaptionError) -> String {
        guard ExhibitID.isValid(id) else {
            throw .invalidArgument(
                """
                '\(id)' is not a valid exhibit id; use \(ExhibitID.slugLetters), e.g. \
                '\(ExhibitID.suggestion(from: id))'
                """
            )
        }
        let gallery = gallery ?? ""
        guard ExhibitID.isValidGallery(gallery) else {
            throw .invalidArgument(
                """
                gallery '\(gallery)' must be a slug (lowercase letters, digits, hyphens), e.g. \
                '\(ExhibitID.suggestion(from: gallery))'
                """
            )
        }
        let collection = try CollectionLoader.load(path: path)
        if let existing = collection.exhibits.first(where: { $0.id == id }) {
            throw .idInUse(existing.idLocation, id: id)
        }
        if let unreadable = collection.unreadableFile(named: id) { throw unreadable.cannotBeRead(mayHold: id) }
        // The collection does not read folders that are symbolic links: a file created through
        // one would be unseen, and could land outside the collection.
        var folder = path
        for part in gallery.split(separator: "/") {
            folder = CollectionLoader.join(folder, String(part))
            var status = stat()
            if lstat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
                throw .unwritable(
                    path: folder, reason: "the gallery folder is a symbolic link, which the collection does not read")
            }
        }
        let relative = gallery.isEmpty ? "\(id).yml" : "\(gallery)/\(id).yml"
        let filePath = CollectionLoader.join(path, relative)
        try AtomicFile.create(
            Data(exhibitTemplate(id: id, config: collection.config, requiredFieldsOnly: requiredFieldsOnly).utf8),
            at: filePath)
        return filePath
    }
}
