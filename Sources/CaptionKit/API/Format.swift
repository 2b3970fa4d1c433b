import Foundation

extension CaptionFormatter {
    /// Formats every exhibit file of the collection at `path`, or the single file `path`.
    ///
    /// - Parameters:
    ///   - path: A collection folder, or one exhibit file (its configuration is the nearest
    ///     `captions.yml` in its folder or a parent, else the defaults).
    ///   - check: Write nothing; only report which files would change.
    /// - Returns: One outcome per file, sorted by path.
    /// - Throws: ``CaptionError`` when the path, the configuration or a file cannot be read, a
    ///   file cannot be written, or a file changed on disk while `fmt` ran; then no file is
    ///   changed. The files are replaced together at the end, under the collection's lock, by
    ///   ``AtomicFile/commitCaptionFiles(_:collection:)``. Something other than a regular file
    ///   (a named pipe, a socket, a device) where a caption file should be is skipped.
    public static func run(path: String, check: Bool) throws(CaptionError) -> [Outcome] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .collectionNotFound(path: path)
        }
        let root: String
        let files: [String]
        if isDirectory.boolValue {
            root = path
            files = try CollectionLoader.exhibitFiles(in: path)
        } else {
            root = configFolder(for: path)
            files = [String(path.dropFirst(root == "." ? 0 : root.count + 1))]
        }
        let config = try CollectionLoader.loadConfig(in: root)
        var outcomes: [Outcome] = []
        var pending: [AtomicFile.PendingFile] = []
        var cleaned = Set<String>()
        do throws(CaptionError) {
            for relative in files {
                let filePath = isDirectory.boolValue ? CollectionLoader.join(root, relative) : path
                let data: Data
                switch FileBytes.contents(ofFile: filePath, limit: .max) {
                case .read(let buffer, let count):
                    data = Data(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
                    buffer.deallocate()
                case .notAFile(let kind):
                    outcomes.append(
                        Outcome(
                            path: filePath,
                            kind: .skipped(
                                SourceLocation(path: filePath), "is \(kind), not a caption file")))
                    continue
                case .tooLarge(let size): throw .unreadable(path: filePath, reason: "the file is \(size) bytes")
                case .unreadable(let reason): throw .unreadable(path: filePath, reason: reason.lowercased())
                }
                switch format(data: data, path: filePath, relativePath: relative, config: config) {
                case .refused(let location, let reason):
                    outcomes.append(Outcome(path: filePath, kind: .skipped(location, reason)))
                case .formatted(let text):
                    if Data(text.utf8) == data {
                        outcomes.append(Outcome(path: filePath, kind: .unchanged))
                    } else {
                        if !check {
                            // What an interrupted run left in the folder goes before this run adds its own.
                            if cleaned.insert(ParentFolder.of(filePath)).inserted {
                                AtomicFile.removeLeftoverTemporaries(in: [ParentFolder.of(filePath)])
                            }
                            var file = try AtomicFile.prepare(Data(text.utf8), for: filePath)
                            file.readAs = ContentDigest(data)
                            pending.append(file)
                        }
                        outcomes.append(Outcome(path: filePath, kind: .reformatted))
                    }
                }
            }
        } catch {
            AtomicFile.discard(pending)
            throw error
        }
        try AtomicFile.commitCaptionFiles(pending, collection: root)
        return outcomes
    }
}
