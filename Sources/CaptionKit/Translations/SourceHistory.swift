import Foundation

/// Finds an earlier source text of a caption field in the git history of its file, by the
/// fingerprint the `translations:` record kept (so caption files need not hold old texts).
///
/// Runs `git` as a subprocess: `git log` for the commits that changed the file, newest first,
/// then `git show` of each version until one has a source with the fingerprint.
enum SourceHistory {
    /// What the search found.
    enum Outcome: Sendable, Hashable {
        /// The text, and the commit (abbreviated) whose version of the file has it.
        case found(text: String, commit: String)
        /// Why there is no text: one plain sentence without a trailing period.
        case notFound(String)
    }

    /// The source text of `field` (in `sourceLanguage`) whose fingerprint is `fingerprint`, in
    /// the history of the file at `path`.
    static func source(
        field: String, sourceLanguage: String, fingerprint: String, inHistoryOf path: String
    ) -> Outcome {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard let prefix = git(["rev-parse", "--show-prefix"], in: folder) else {
            return .notFound(
                "\(path) is not in a git repository (or git is not installed), so its earlier texts are unknown")
        }
        let relative = prefix.trimmingCharacters(in: .newlines) + url.lastPathComponent
        guard let log = git(["log", "--format=%H", "--", url.lastPathComponent], in: folder) else {
            return .notFound("git log failed for \(path)")
        }
        for commit in log.split(separator: "\n") {
            guard let data = gitData(["show", "\(commit):\(relative)"], in: folder) else { continue }
            let exhibit = ExhibitParser.parse(data: data, path: path, relativePath: relative)
            guard let text = exhibit.field(field)?.translation(sourceLanguage)?.text,
                SourceFingerprint.of(text) == fingerprint
            else { continue }
            return .found(text: text, commit: String(commit.prefix(7)))
        }
        return .notFound(
            "no commit in the git history of \(path) has the \(sourceLanguage) \(field) with fingerprint \(fingerprint)"
        )
    }

    private static func git(_ arguments: [String], in folder: String) -> String? {
        gitData(arguments, in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Standard output of `git arguments` run in `folder`, or `nil` when git is missing or fails.
    private static func gitData(_ arguments: [String], in folder: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
