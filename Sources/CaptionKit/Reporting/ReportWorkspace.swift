import Foundation

/// Where a CI report places its files: relative to the repository's checkout
/// (`GITHUB_WORKSPACE`), not to the folder the step runs in (`working-directory`), or GitHub
/// does not show an annotation on the changed line, code scanning cannot place a result, and a
/// dashboard links a JUnit test case to no file. The one path rule of the `github`, `sarif` and
/// `junit` formats.
struct ReportWorkspace {
    /// The checkout folder, or `nil` outside GitHub Actions.
    var root: String?
    /// The folder the paths are relative to.
    var currentDirectory: String

    /// The workspace of this run.
    static func current() -> ReportWorkspace {
        ReportWorkspace(
            root: ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"],
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// `path` (relative to ``currentDirectory`` or absolute) relative to ``root``; as it is
    /// when there is no root or the file is outside it.
    func relative(_ path: String) -> String {
        guard let root, !root.isEmpty else { return path }
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        let file = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : path
    }
}
