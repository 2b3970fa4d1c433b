import Foundation

/// Why the earlier source text of a stale translation cannot be found in the git history of its
/// caption file (see ``SourceDiff/Outcome/unavailable(_:)``): a kind a client can name in its own
/// language, with the English sentence `captions diff` prints.
public enum EarlierSourceUnknown: Sendable, Hashable {
    /// The caption file at `path` is not in a git repository, or git is not installed.
    case notInGitRepository(path: String)
    /// `git log` failed for the caption file at `path`.
    case gitLogFailed(path: String)
    /// No commit in the git history of the caption file at `path` has the source text of
    /// `field` in `language` whose fingerprint is `fingerprint`.
    case notInHistory(path: String, field: String, language: String, fingerprint: String)

    /// The caption file whose history was searched, as the collection names it.
    public var path: String {
        switch self {
        case .notInGitRepository(let path), .gitLogFailed(let path), .notInHistory(let path, _, _, _): path
        }
    }

    /// The reason in English: one plain sentence without a trailing period, naming the file
    /// (what `captions diff` prints after "its earlier source is unknown: ").
    public var text: String {
        switch self {
        case .notInGitRepository(let path):
            "\(path) is not in a git repository (or git is not installed), so its earlier texts are unknown"
        case .gitLogFailed(let path): "git log failed for \(path)"
        case .notInHistory(let path, let field, let language, let fingerprint):
            "no commit in the git history of \(path) has the \(language) \(field) with fingerprint \(fingerprint)"
        }
    }
}

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
        /// Why there is no text.
        case notFound(EarlierSourceUnknown)
    }

    /// The source text of `field` (in `sourceLanguage`) whose fingerprint is `fingerprint`, in
    /// the history of the file at `path`.
    static func source(
        field: String, sourceLanguage: String, fingerprint: String, inHistoryOf path: String
    ) -> Outcome {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard let prefix = git(["rev-parse", "--show-prefix"], in: folder) else {
            return .notFound(.notInGitRepository(path: path))
        }
        let relative = prefix.trimmingCharacters(in: .newlines) + url.lastPathComponent
        guard let log = git(["log", "--format=%H", "--", url.lastPathComponent], in: folder) else {
            return .notFound(.gitLogFailed(path: path))
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
            .notInHistory(path: path, field: field, language: sourceLanguage, fingerprint: fingerprint))
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
