import Foundation

extension CaptionFormatter {
    /// Formats every exhibit file of the collection at `path`, or the single file `path`.
    ///
    /// - Parameters:
    ///   - path: A collection folder, or one exhibit file (its configuration is the nearest
    ///     `captions.yml` in its folder or a parent, else the defaults).
    ///   - check: Write nothing; only report which files would change.
    /// - Returns: One outcome per file, sorted by path.
    /// - Throws: ``CaptionError`` when the path or configuration cannot be read, or a file
    ///   cannot be written (files written before stay written; each write is atomic).
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
        for relative in files {
            let filePath = isDirectory.boolValue ? CollectionLoader.join(root, relative) : path
            guard let data = FileManager.default.contents(atPath: filePath) else {
                throw .unreadable(path: filePath, reason: "permission denied or not a file")
            }
            switch format(data: data, path: filePath, relativePath: relative, config: config) {
            case .refused(let location, let reason):
                outcomes.append(Outcome(path: filePath, kind: .skipped(location, reason)))
            case .formatted(let text):
                if Data(text.utf8) == data {
                    outcomes.append(Outcome(path: filePath, kind: .unchanged))
                } else {
                    if !check { try AtomicFile.write(Data(text.utf8), to: filePath) }
                    outcomes.append(Outcome(path: filePath, kind: .reformatted))
                }
            }
        }
        return outcomes
    }
}
