import Foundation

/// A folder under the system temporary directory, removed when released.
final class TemporaryFolder {
    /// The folder's absolute path.
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "captions-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relative`, creating folders.
    func write(_ relative: String, _ text: String) throws {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    /// Reads `relative` as UTF-8 text.
    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Copies the repository's bundled `Captions/` into this folder and returns the copy's path.
    func copyBundledCaptions() throws -> String {
        let target = path + "/Captions"
        try FileManager.default.copyItem(atPath: TemporaryFolder.repositoryRoot + "/Captions", toPath: target)
        return target
    }

    /// The repository root (two folders above this file's folder).
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
