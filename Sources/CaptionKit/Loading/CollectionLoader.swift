import Dispatch
import Foundation

/// Finds and loads a caption collection from disk.
///
/// File reading and parsing run concurrently on all cores; the result is sorted by path, so the
/// output never depends on scheduling.
enum CollectionLoader {
    /// The configuration file's name inside the collection folder.
    static let configFileName = "captions.yml"

    /// The collection folder to use when the user names none: `Captions` in `directory` or the
    /// nearest parent that has one.
    ///
    /// - Returns: The path relative to `directory` when it is inside it (`Captions`,
    ///   `../Captions`), or `nil` when no parent has one.
    static func defaultCollectionPath(from directory: String = FileManager.default.currentDirectoryPath)
        -> String?
    {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        var prefix = ""
        for _ in 0..<64 {
            var isDirectory: ObjCBool = false
            let candidate = url.appendingPathComponent("Captions")
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return prefix + "Captions"
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
            prefix += "../"
        }
        return nil
    }

    /// Loads the configuration and every exhibit file below `path`.
    ///
    /// - Parameter path: The collection folder (as the user wrote it; used as the prefix of
    ///   every path in findings).
    /// - Returns: The collection with exhibits sorted by relative path.
    /// - Throws: ``CaptionError`` when the folder is missing or unreadable, or `captions.yml`
    ///   is malformed.
    static func load(path: String) throws(CaptionError) -> CaptionCollection {
        try load(path: path, reading: readExhibit)
    }

    /// Loads as ``load(path:)`` does, reading each exhibit file with `read` (relative path,
    /// collection folder), which must give what ``readExhibit(_:root:)`` gives.
    static func load(path: String, reading read: @Sendable (String, String) -> Exhibit) throws(CaptionError)
        -> CaptionCollection
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .collectionNotFound(path: path)
        }
        guard isDirectory.boolValue else {
            throw .unreadable(path: path, reason: "not a folder; name the collection folder that holds captions.yml")
        }
        var config = try loadConfig(in: path)
        config.glossary = try loadGlossary(in: path, languages: config.languages)
        let files = try exhibitFiles(in: path)
        let exhibits = parseConcurrently(files, root: path, reading: read)
        return CaptionCollection(rootPath: path, config: config, exhibits: exhibits)
    }

    /// Reads `captions.yml` in `path`, or returns the defaults when it is absent.
    static func loadConfig(in path: String) throws(CaptionError) -> CollectionConfig {
        let configPath = join(path, configFileName)
        guard FileManager.default.fileExists(atPath: configPath) else { return .default }
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
    ///
    /// The top folder is listed first; the trees of its subfolders (the galleries) are then
    /// walked on all cores. A folder that cannot be listed is reported as a walk of the whole
    /// tree, last subfolder first, would meet it first.
    static func exhibitFiles(in root: String) throws(CaptionError) -> [String] {
        let top = try listing(of: "", in: root)
        let subtrees = ResultSlots<Result<[String], CaptionError>>(count: top.folders.count)
        DispatchQueue.concurrentPerform(iterations: top.folders.count) { index in
            subtrees.set(
                index, Result { () throws(CaptionError) in try exhibitFiles(below: top.folders[index], in: root) })
        }
        let walked = subtrees.takeValues()
        for index in walked.indices.reversed() {
            if case .failure(let error) = walked[index] { throw error }
        }
        var result = top.files
        for case .success(let files) in walked { result.append(contentsOf: files) }
        return result.sorted()
    }

    /// The exhibit files in the tree of the folder `relative`, walked depth first with a stack
    /// of folders (the last listed first); unsorted.
    private static func exhibitFiles(below relative: String, in root: String) throws(CaptionError) -> [String] {
        var result: [String] = []
        var pending: [String] = [relative]
        while let folder = pending.popLast() {
            let listed = try listing(of: folder, in: root)
            result.append(contentsOf: listed.files)
            pending.append(contentsOf: listed.folders)
        }
        return result
    }

    /// The exhibit files and the subfolders (not hidden, not symbolic links) of the folder
    /// `relative` of `root`, as relative paths in the order the folder lists them.
    private static func listing(of relative: String, in root: String) throws(CaptionError)
        -> (files: [String], folders: [String])
    {
        let manager = FileManager.default
        let folder = relative.isEmpty ? root : join(root, relative)
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadable(path: folder, reason: "cannot list the folder")
        }
        var files: [String] = []
        var folders: [String] = []
        for name in names where !name.hasPrefix(".") {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                if relative.isEmpty && (name == configFileName || name == "captions.yaml" || name == Glossary.fileName)
                {
                    continue
                }
                files.append(childRelative)
            } else {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: join(root, childRelative), isDirectory: &isDirectory),
                    isDirectory.boolValue, !isSymbolicLink(join(root, childRelative))
                {
                    folders.append(childRelative)
                }
            }
        }
        return (files, folders)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// Reads and parses `files` on all cores, preserving their order.
    static func parseConcurrently(
        _ files: [String], root: String, reading read: @Sendable (String, String) -> Exhibit = readExhibit
    ) -> [Exhibit] {
        let results = ResultSlots<Exhibit>(count: files.count)
        let chunkSize = 64
        let chunks = (files.count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
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
