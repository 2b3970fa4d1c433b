import Foundation

@testable import CaptionKit

/// A throwaway collection folder on disk for tests; removed when the value is released.
final class TestCollection {
    /// The folder (absolute).
    let root: String

    /// Creates a folder with `files` (relative path → text) and an optional `captions.yml`.
    init(files: [(path: String, text: String)], config: String? = nil) throws {
        root = NSTemporaryDirectory() + "captions-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if let config { try write("captions.yml", config) }
        for file in files { try write(file.path, file.text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` at `relativePath`, creating folders.
    func write(_ relativePath: String, _ text: String) throws {
        let path = root + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Reads a file back as text.
    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
    }

    /// Loads the collection.
    func load() throws -> CaptionCollection { try CollectionLoader.load(path: root) }
}

extension TestCollection {
    /// The findings `captions check` gives for the collection, formatted, paths relative to it;
    /// with `checkID`, only that check's.
    func findings(of checkID: String? = nil) throws -> [String] {
        try CaptionChecker.run(CheckRequest(path: root)).diagnostics
            .filter { checkID == nil || $0.checkID == checkID }
            .map { $0.formatted.replacingOccurrences(of: root + "/", with: "") }
    }
}
