import Foundation

/// The commit that removed an entry from `glossary.yml`, as `git log` names it.
struct GlossaryRemoval: Sendable, Hashable {
    /// The commit, abbreviated.
    var commit: String
    /// Its date, `YYYY-MM-DD`.
    var date: String
}

/// Entries the git history of `glossary.yml` says were removed, so that a TBX import does not
/// bring back what the museum deleted (see ``GlossaryMerge``).
///
/// One `git log -p` over the last ``searchedCommits`` commits that changed the file, the id
/// lines read from the lines each diff removes and adds (no argument comes from the TBX file);
/// nothing when the file is in no repository or git fails.
enum GlossaryHistory {
    /// How many of the newest commits that changed `glossary.yml` are searched: a removal older
    /// than that is not seen, and the import stays quick on a long history.
    static let searchedCommits = 500

    /// The ids whose entry lines a commit among the last ``searchedCommits`` that changed the
    /// glossary at `path` removed, each with the newest such commit (an id added back later is
    /// among them: ask only for ids the glossary lacks).
    static func removals(inHistoryOf path: String) -> [String: GlossaryRemoval] {
        let url = URL(fileURLWithPath: path)
        let arguments = [
            "log", "-n", String(searchedCommits), "-p", "-U0", "--no-ext-diff", "--no-textconv", "--no-color",
            "--date=short", "--format=%x01%h %cd", "--", url.lastPathComponent,
        ]
        guard case .success(let log) = GitProcess.output(arguments, in: url.deletingLastPathComponent().path) else {
            return [:]
        }
        return removals(fromLog: log)
    }

    /// The removed ids of `log` (`git log -p` with each commit's header `\u{1}HASH DATE`), each
    /// with the newest (first) commit whose diff removes a line setting it and adds none (a
    /// commit that moves or rewrites an entry does not remove it).
    static func removals(fromLog log: String) -> [String: GlossaryRemoval] {
        var removals: [String: GlossaryRemoval] = [:]
        var commit: GlossaryRemoval?
        var removed: Set<String> = []
        var added: Set<String> = []
        func endCommit() {
            if let commit {
                for id in removed.subtracting(added) where removals[id] == nil { removals[id] = commit }
            }
            removed = []
            added = []
        }
        for line in log.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            if line.hasPrefix("\u{1}") {
                endCommit()
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1)
                commit = parts.count == 2 ? GlossaryRemoval(commit: String(parts[0]), date: String(parts[1])) : nil
            } else if line.hasPrefix("-"), !line.hasPrefix("---"), let id = id(inChangedLine: line) {
                removed.insert(id)
            } else if line.hasPrefix("+"), !line.hasPrefix("+++"), let id = id(inChangedLine: line) {
                added.insert(id)
            }
        }
        endCommit()
        return removals
    }

    /// The id a removed or added diff line (`-- id: barrack`, `+  id: "barrack"  # note`) sets,
    /// if any.
    static func id(inChangedLine line: Substring) -> String? {
        var rest = line.dropFirst().drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard rest.hasPrefix("id:") else { return nil }
        var value = rest.dropFirst(3)
        if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
        value = value.trimmingCharacters(in: .whitespaces)[...]
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = value.dropFirst().dropLast()
        }
        return value.isEmpty ? nil : String(value)
    }
}
