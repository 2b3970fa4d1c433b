import Foundation

/// Why the earlier source text of a stale translation cannot be found in the git history of its
/// caption file (see ``SourceDiff/Outcome/unavailable(_:)``): a kind a client can name in its own
/// language, with the English sentence `captions diff` prints.
public enum EarlierSourceUnknown: Sendable, Hashable {
    /// The caption file at `path` is not in a git repository, or git is not installed.
    case notInGitRepository(path: String)
    /// git failed for the caption file at `path` with `message`, the first line it wrote to
    /// standard error without its `fatal: ` (such as "detected dubious ownership in repository
    /// at '/srv/museum'" when the editor runs as another user than the repository's owner).
    case gitFailed(path: String, message: String)
    /// No commit in the git history of the caption file at `path` has the source text of
    /// `field` in `language` whose fingerprint is `fingerprint`.
    case notInHistory(path: String, field: String, language: String, fingerprint: String)

    /// The caption file whose history was searched, as the collection names it.
    var path: String {
        switch self {
        case .notInGitRepository(let path), .gitFailed(let path, _), .notInHistory(let path, _, _, _): path
        }
    }

    /// The reason in English: one plain sentence without a trailing period, naming the file
    /// (what `captions diff` prints after "its earlier source is unknown: ").
    var text: String {
        switch self {
        case .notInGitRepository(let path):
            "\(path) is not in a git repository (or git is not installed), so its earlier texts are unknown"
        case .gitFailed(let path, let message): "git could not read the history of \(path): \(message)"
        case .notInHistory(let path, let field, let language, let fingerprint):
            "no commit in the git history of \(path) has the \(language) \(field) with fingerprint \(fingerprint)"
        }
    }
}

/// Finds an earlier source text of a caption field in the git history of its file, by the
/// fingerprint the `translations:` record kept (so caption files need not hold old texts).
///
/// Runs `git` as a subprocess: `git log` for the commits that changed the file, newest first,
/// then `git show` of each version until one has a source with the fingerprint. When none has,
/// a second `git log --follow` lists the versions under the names the file had before a rename
/// or move (`git mv`), and those not yet read are read the same way; so the usual search (the
/// text is in a version under the present name) runs git as often as before.
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
        let prefix: String
        switch GitProcess.output(["rev-parse", "--show-prefix"], in: folder) {
        case .success(let output): prefix = output
        case .failure(.notRun), .failure(.notARepository): return .notFound(.notInGitRepository(path: path))
        case .failure(.failed(let message)): return .notFound(.gitFailed(path: path, message: message))
        }
        let relative = prefix.trimmingCharacters(in: .newlines) + url.lastPathComponent
        let log: String
        switch GitProcess.output(["log", "--format=%H", "--", url.lastPathComponent], in: folder) {
        case .success(let output): log = output
        case .failure(.notRun): return .notFound(.notInGitRepository(path: path))
        case .failure(.notARepository(let message)), .failure(.failed(let message)):
            return .notFound(.gitFailed(path: path, message: message))
        }
        /// The source text of the file's version in `commit`, named `versionPath` there, when it
        /// has the fingerprint.
        func source(in commit: Substring, at versionPath: String) -> String? {
            guard case .success(let data) = GitProcess.data(["show", "\(commit):\(versionPath)"], in: folder) else {
                return nil
            }
            let exhibit = ExhibitParser.parse(data: data, path: path, relativePath: versionPath)
            guard let text = exhibit.field(field)?.translation(sourceLanguage)?.text,
                SourceFingerprint.of(text) == fingerprint
            else { return nil }
            return text
        }
        let commits = log.split(separator: "\n")
        for commit in commits {
            if let text = source(in: commit, at: relative) {
                return .found(text: text, commit: String(commit.prefix(7)))
            }
        }
        // Not under the present name: the versions from before a rename or move, which only
        // `--follow` lists (the name is the last argument, after `--`, as above).
        if case .success(let followed) = GitProcess.output(
            ["log", "--follow", "-z", "--format=%x01%H", "--name-only", "--", url.lastPathComponent], in: folder)
        {
            let read = Set(commits)
            for version in versions(fromFollowLog: followed, presentPath: relative)
            where !(version.path == relative && read.contains(version.commit)) {
                if let text = source(in: version.commit, at: version.path) {
                    return .found(text: text, commit: String(version.commit.prefix(7)))
                }
            }
        }
        return .notFound(
            .notInHistory(path: path, field: field, language: sourceLanguage, fingerprint: fingerprint))
    }

    /// The commits of `git log --follow -z --format=%x01%H --name-only` (`output`), newest
    /// first, each with the file's path (from the repository's top) in that commit: a commit
    /// that lists no path (a merge) keeps the path of the newer one, `presentPath` at first.
    static func versions(fromFollowLog output: String, presentPath: String) -> [(commit: Substring, path: String)] {
        var versions: [(commit: Substring, path: String)] = []
        var path = presentPath
        var pending: Substring?
        // Each commit is `\u{1}HASH` then, after a line break, its path, each ended by a NUL.
        for item in output.split(separator: "\0") {
            let line = item.hasPrefix("\n") ? item.dropFirst() : item
            if line.hasPrefix("\u{1}") {
                if let commit = pending { versions.append((commit, path)) }
                pending = line.dropFirst()
            } else if let commit = pending {
                path = String(line)
                versions.append((commit, path))
                pending = nil
            }
        }
        if let commit = pending { versions.append((commit, path)) }
        return versions
    }
}
