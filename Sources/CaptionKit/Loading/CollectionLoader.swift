import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds and loads a caption collection from disk.
///
/// File reading and parsing run concurrently on all cores; the result is sorted by path, so the
/// output never depends on scheduling.
enum CollectionLoader {
    /// The configuration file's name inside the collection folder.
    static let configFileName = "captions.yml"

    /// The collection folder to use when the user names none: the nearest of `directory` and
    /// its parents that is a collection (has `captions.yml`: a curator inside their collection,
    /// whatever its name) or has a `Captions` folder.
    ///
    /// - Returns: The path relative to `directory` (`.`, `..`, `Captions`, `../Captions`), or
    ///   `nil` when no parent is or has one.
    static func defaultCollectionPath(from directory: String = FileManager.default.currentDirectoryPath)
        -> String?
    {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        var up: [String] = []
        for _ in 0..<64 {
            var isDirectory: ObjCBool = false
            if hasConfigFile(url.path) { return up.isEmpty ? "." : up.joined(separator: "/") }
            let candidate = url.appendingPathComponent("Captions")
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return (up + ["Captions"]).joined(separator: "/")
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
            up.append("..")
        }
        return nil
    }

    /// The collection that the folder `path`, without a `captions.yml` of its own, lies in: the
    /// nearest parent with one, named as a path from where `path` is named (`Captions` for
    /// `Captions/ethnography`, `..` for `.`), or `nil` when `path` is not a folder, has its own
    /// or no parent has one.
    static func enclosingCollection(of path: String) -> String? {
        enclosingCollectionAndFolder(of: path)?.collection
    }

    /// ``enclosingCollection(of:)`` with the folder `path` names relative to that collection
    /// (`ethnography` for `Captions/ethnography`, `hall/deep` for `Captions/hall/deep`).
    static func enclosingCollectionAndFolder(of path: String) -> (collection: String, folder: String)? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            !hasConfigFile(path)
        else { return nil }
        let folderURL = URL(fileURLWithPath: path).standardizedFileURL
        var url = folderURL
        var levels = 0
        repeat {
            let parent = url.deletingLastPathComponent()
            guard parent.path != url.path else { return nil }
            url = parent
            levels += 1
        } while !hasConfigFile(url.path)
        let folder = folderURL.pathComponents.suffix(levels).joined(separator: "/")
        if path.hasPrefix("/") { return (url.path, folder) }
        // The user's relative path with `levels` folders taken off its end (or `..` added).
        var parts = path.split(separator: "/").filter { $0 != "." }.map(String.init)
        for _ in 0..<levels {
            if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
        }
        return (parts.isEmpty ? "." : parts.joined(separator: "/"), folder)
    }

    /// Loads the collection a command names with `path`: the folder itself when it has a
    /// `captions.yml` or lies in no collection (``load(path:refusingNestedCollections:)``), else
    /// the collection it lies in, with that collection's settings, glossary and baseline, and
    /// ``CaptionCollection/scope`` set to the folder: the operations read only its exhibits
    /// (``CaptionCollection/limitedToScope``).
    ///
    /// - Throws: ``CaptionError/invalidInput(_:_:)`` when the folder is (or lies in) a symbolic
    ///   link the collection does not follow, with `skipped-file`'s message for the link.
    static func load(scopedTo path: String) throws(CaptionError) -> CaptionCollection {
        guard let (root, folder) = enclosingCollectionAndFolder(of: path) else { return try load(path: path) }
        var collection = try load(path: root)
        // The folder reached through a linked gallery: the collection reads none of it.
        if let link = collection.skippedPaths.first(where: {
            $0.reason == .linkToFolder && (folder == $0.relativePath || folder.hasPrefix($0.relativePath + "/"))
        }) {
            throw .invalidInput(
                SourceLocation(path: join(root, link.relativePath)), SkippedFileCheck.message(for: link))
        }
        collection.scope = folder
        return collection
    }

    /// Whether the folder `folder` has a `captions.yml` file (not a folder of that name).
    private static func hasConfigFile(_ folder: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + configFileName, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    /// Loads the configuration and every exhibit file below `path`.
    ///
    /// - Parameter path: The collection folder (as the user wrote it; used as the prefix of
    ///   every path in findings).
    /// - Returns: The collection with exhibits sorted by relative path.
    /// - Throws: ``CaptionError`` when the folder is missing or unreadable, or `captions.yml`
    ///   is malformed.
    static func load(path: String, refusingNestedCollections: Bool = true) throws(CaptionError)
        -> CaptionCollection
    {
        try load(path: path, refusingNestedCollections: refusingNestedCollections, reading: readExhibit)
    }

    /// Loads as ``load(path:)`` does, reading each exhibit file with `read` (relative path,
    /// collection folder), which must give what ``readExhibit(_:root:)`` gives.
    static func load(
        path: String, refusingNestedCollections: Bool = true, reading read: @Sendable (String, String) -> Exhibit
    ) throws(CaptionError) -> CaptionCollection {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .collectionNotFound(path: path)
        }
        guard isDirectory.boolValue else {
            throw .unreadable(path: path, reason: "not a folder; name the collection folder that holds captions.yml")
        }
        var config = try loadConfig(in: path)
        let found = try scan(path)
        if refusingNestedCollections { try refuseNestedCollections(found.files, root: path) }
        // The glossary is read while the exhibit files are, as one more task beside theirs: a
        // glossary of thousands of entries took a tenth of a second on one core before them.
        let glossary = ResultSlots<Result<Glossary, CaptionError>>(count: 1)
        let languages = config.languages
        let exhibits = parseConcurrently(found.files, root: path, reading: read) {
            glossary.set(0, Result { () throws(CaptionError) in try loadGlossary(in: path, languages: languages) })
        }
        config.glossary = try glossary.takeValues()[0].get()
        return CaptionCollection(rootPath: path, config: config, exhibits: exhibits, skippedPaths: found.skipped)
    }

    /// Refuses a folder below `root` that holds a `captions.yml` of its own (one of `files`, the
    /// exhibit files found): its configuration, glossary and exhibits would be read as exhibits
    /// of `root`. Most often `root` is the folder that holds the collection (`captions check .`
    /// in the repository), and the message names the collection's folder to give instead.
    static func refuseNestedCollections(_ files: [String], root: String) throws(CaptionError) {
        let nested = files.filter { $0.hasSuffix("/" + configFileName) }.sorted()
        guard let first = nested.first else { return }
        let folder = String(first.dropLast(configFileName.count + 1))
        let others = nested.count > 1 ? " (and \(TextReporter.plural(nested.count - 1, "other collection")))" : ""
        let rootName = root.isEmpty ? "." : root
        let message =
            FileManager.default.fileExists(atPath: join(root, configFileName))
            ? "a collection inside the collection \(rootName)\(others): its files would be read as exhibits of "
                + "\(rootName); move \(join(root, folder)) out of \(rootName), or delete this captions.yml"
            : "\(rootName) is not a caption collection, but \(join(root, folder)) is\(others): name that folder "
                + "instead"
        throw .invalidConfig(SourceLocation(path: join(root, first)), message)
    }

    /// Reads `captions.yml` in `path`, or returns the defaults when it is absent.
    static func loadConfig(in path: String) throws(CaptionError) -> CollectionConfig {
        let configPath = join(path, configFileName)
        guard FileManager.default.fileExists(atPath: configPath) else {
            // A folder of a collection read on its own would be read with the defaults, not the
            // collection's settings: a sign-off against the wrong rules, a second exhibit with an
            // id the collection has, a glossary.yml in a gallery. Only the commands that read a
            // folder as part of its collection (``load(scopedTo:)``) take one.
            if let collection = enclosingCollection(of: path) {
                throw .invalidArgument(
                    """
                    \(path) is a folder of the collection \(collection), not a collection: name the collection \
                    (\(collection)); check, status and the exports read a folder as part of it
                    """)
            }
            return .default
        }
        return try ConfigParser.parse(data: FileBytes.data(ofFile: configPath), path: configPath)
    }

    /// Reads `glossary.yml` in `path`, or returns an empty glossary when it is absent.
    static func loadGlossary(in path: String, languages: [String]) throws(CaptionError) -> Glossary {
        let glossaryPath = join(path, Glossary.fileName)
        guard FileManager.default.fileExists(atPath: glossaryPath) else { return .empty }
        guard let data = FileManager.default.contents(atPath: glossaryPath) else {
            throw .unreadable(path: glossaryPath, reason: "permission denied or not a file")
        }
        return try GlossaryParser.parse(data: data, path: glossaryPath, languages: languages)
    }

    /// Joins a folder and a relative path with exactly one slash.
    static func join(_ folder: String, _ relative: String) -> String {
        if folder.isEmpty || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The relative paths of every `.yml`/`.yaml` file below `root` except the configuration,
    /// skipping hidden files and folders, sorted.
    static func exhibitFiles(in root: String) throws(CaptionError) -> [String] {
        let files = try scan(root).files
        try refuseNestedCollections(files, root: root)
        return files
    }

    /// What a walk of `root` finds: the exhibit files (every `.yml`/`.yaml` file but the
    /// configuration and the glossary, hidden files and folders left out) and the paths it
    /// skips that may have been meant as captions (``SkippedPath``), each sorted. A `captions.yml`
    /// below is among the files: loading refuses it (``refuseNestedCollections(_:root:)``), the
    /// editor's rescans of a loaded collection do not.
    ///
    /// The top folder is listed first; the trees of its subfolders (the galleries) are then
    /// walked on all cores. A folder that cannot be listed is reported as a walk of the whole
    /// tree, last subfolder first, would meet it first.
    static func scan(_ root: String) throws(CaptionError) -> (files: [String], skipped: [SkippedPath]) {
        let top = try listing(of: "", in: root)
        let subtrees = ResultSlots<Result<Listing, CaptionError>>(count: top.folders.count)
        DispatchQueue.concurrentPerform(iterations: top.folders.count) { index in
            subtrees.set(index, Result { () throws(CaptionError) in try tree(below: top.folders[index], in: root) })
        }
        let walked = subtrees.takeValues()
        for index in walked.indices.reversed() {
            if case .failure(let error) = walked[index] { throw error }
        }
        var files = top.files
        var skipped = top.skipped
        for case .success(let listed) in walked {
            files.append(contentsOf: listed.files)
            skipped.append(contentsOf: listed.skipped)
        }
        return (files.sorted(), skipped.sorted { $0.relativePath < $1.relativePath })
    }

    /// What one folder, or a tree of folders, holds: exhibit files, subfolders to walk (not
    /// hidden, not symbolic links) and skipped paths, as relative paths.
    private struct Listing {
        var files: [String] = []
        var folders: [String] = []
        var skipped: [SkippedPath] = []
    }

    /// The exhibit files and skipped paths in the tree of the folder `relative`, walked depth
    /// first with a stack of folders (the last listed first); unsorted.
    private static func tree(below relative: String, in root: String) throws(CaptionError) -> Listing {
        var result = Listing()
        var pending: [String] = [relative]
        while let folder = pending.popLast() {
            let listed = try listing(of: folder, in: root)
            result.files.append(contentsOf: listed.files)
            result.skipped.append(contentsOf: listed.skipped)
            pending.append(contentsOf: listed.folders)
        }
        return result
    }

    /// The exhibit files, the subfolders and the skipped paths of the folder `relative` of
    /// `root`, as relative paths in the order the folder lists them. Only names that do not end
    /// in `.yml` or `.yaml` are looked at on disk (one `lstat`, and a `stat` for a link).
    private static func listing(of relative: String, in root: String) throws(CaptionError) -> Listing {
        let folder = relative.isEmpty ? root : join(root, relative)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadable(path: folder, reason: "cannot list the folder")
        }
        var result = Listing()
        let atTop = relative.isEmpty
        for name in names where !name.hasPrefix(".") {
            let childRelative = atTop ? name : relative + "/" + name
            if atTop && name == SkippedPath.alternativeConfigFileName {
                result.skipped.append(SkippedPath(relativePath: childRelative, reason: .configurationName))
            } else if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                if atTop && (name == configFileName || name == Glossary.fileName) { continue }
                result.files.append(childRelative)
            } else {
                switch entryKind(at: join(root, childRelative)) {
                case .folder: result.folders.append(childRelative)
                case .linkToFolder:
                    result.skipped.append(SkippedPath(relativePath: childRelative, reason: .linkToFolder))
                case .brokenLink:
                    // Only a link that could have been a gallery (no extension) or an exhibit file
                    // (`kurt.YML`): a dangling link to a photo is no caption not read.
                    if !name.contains(".") || SkippedPath.reason(forName: name, atTop: atTop) != nil {
                        result.skipped.append(SkippedPath(relativePath: childRelative, reason: .brokenLink))
                    }
                case .other:
                    if let reason = SkippedPath.reason(forName: name, atTop: atTop) {
                        result.skipped.append(SkippedPath(relativePath: childRelative, reason: reason))
                    }
                }
            }
        }
        return result
    }

    /// What stands at a path whose name is not an exhibit file's.
    private enum EntryKind {
        case folder, linkToFolder, brokenLink, other
    }

    /// What stands at `path`, from `lstat` (and `stat` for a symbolic link).
    private static func entryKind(at path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return .brokenLink }
            return target.st_mode & S_IFMT == S_IFDIR ? .linkToFolder : .other
        default: return .other
        }
    }

    /// Reads and parses `files` on all cores, preserving their order, and runs `alongside`, when
    /// given, as one more task among theirs.
    static func parseConcurrently(
        _ files: [String], root: String, reading read: @Sendable (String, String) -> Exhibit = readExhibit,
        alongside: (@Sendable () -> Void)? = nil
    ) -> [Exhibit] {
        let results = ResultSlots<Exhibit>(count: files.count)
        let chunkSize = 64
        let chunks = (files.count + chunkSize - 1) / chunkSize
        // `alongside` is the first task, so that it overlaps the files instead of running last.
        let extra = alongside == nil ? 0 : 1
        DispatchQueue.concurrentPerform(iterations: chunks + extra) { task in
            if let alongside, task == 0 {
                alongside()
                return
            }
            let chunk = task - extra
            let start = chunk * chunkSize
            for index in start..<min(start + chunkSize, files.count) {
                results.set(index, read(files[index], root))
            }
        }
        return results.takeValues()
    }

    /// Reads one exhibit file; an unreadable file becomes an exhibit with an `invalid-yaml` finding.
    static func readExhibit(_ relativePath: String, root: String) -> Exhibit {
        readExhibit(relativePath, root: root, digested: nil)
    }

    /// ``readExhibit(_:root:)`` that also gives `digested` the digest of the bytes the exhibit
    /// is parsed from (not called when the file cannot be read or is too large).
    static func readExhibit(
        _ relativePath: String, root: String, digested: ((_ path: String, ContentDigest) -> Void)?
    ) -> Exhibit {
        let path = join(root, relativePath)
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let count: Int
        switch FileBytes.contents(ofFile: path, limit: ExhibitParser.maximumFileSize) {
        case .read(let buffer, let read): (bytes, count) = (buffer, read)
        case .tooLarge(let size): return ExhibitParser.tooLarge(size: size, path: path, relativePath: relativePath)
        case .notAFile(let kind):
            return unreadable(path, relativePath, "\(kind) stands where a caption file should be; skipped")
        case .unreadable(let reason):
            return unreadable(path, relativePath, "file cannot be read (\(reason.lowercased()))")
        }
        digested?(path, ContentDigest(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[..<count]))))
        return ExhibitParser.parse(adopting: bytes, count: count, path: path, relativePath: relativePath)
    }

    /// The exhibit of a file that cannot be read: no fields, one `invalid-yaml` finding.
    private static func unreadable(_ path: String, _ relativePath: String, _ message: String) -> Exhibit {
        var exhibit = ExhibitParser.parse(text: "", path: path, relativePath: relativePath)
        exhibit.loadFindings = [
            Diagnostic(
                checkID: "invalid-yaml", severity: .error, location: SourceLocation(path: path), message: message)
        ]
        exhibit.isReadable = false
        return exhibit
    }
}
