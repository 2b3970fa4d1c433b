import Foundation
import Testing

/// What a museum's git history leaves in a collection, end to end: conflict markers in
/// `captions.yml`, `glossary.yml` or the baseline stop every command with "unresolved merge
/// conflict" at the `<<<<<<<` line (before, a raw YAML error one line below it, or "not a
/// captions baseline file" at 1:1), and a key twice in an exhibit's `translations:` record is an
/// `invalid-yaml` error that the sign-off commands refuse (before, accepted silently: the last
/// value counted and `review` rewrote the record without a word).
@Suite struct MergeConflictCommandTests {
    static let advice = """
        unresolved merge conflict: choose one of the two versions (or combine them by hand), delete the <<<<<<<, \
        ======= and >>>>>>> lines and check again
        """

    @discardableResult
    static func git(_ arguments: [String], in folder: String) throws -> CLIRun {
        try CLIRun.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments, in: folder,
            executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    /// The 1-based line of the first `<<<<<<<` marker in `relative`.
    static func markerLine(_ relative: String, in folder: TemporaryFolder) throws -> Int {
        let lines = try folder.read(relative).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix("<<<<<<< ") }) + 1
    }

    @Test func aConflictInCaptionsYmlOrTheGlossaryIsNamedAtItsMarker() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        guard try Self.git(["init", "-q", "-b", "main"], in: folder.path).status == 0 else {
            print("MergeConflictCommandTests: skipped, git is not installed")
            return
        }
        try Self.git(["add", "-A"], in: folder.path)
        try Self.git(["commit", "-q", "-m", "captions"], in: folder.path)
        let config = try folder.read("Captions/captions.yml")
        let glossary = try folder.read("Captions/glossary.yml")
        for (branch, entry) in [
            ("a", "- id: alma\n  kk: Алма\n  ru: Яблоко\n  en: Apple\n"), ("b", "- id: nan\n  kk: Нан\n"),
        ] {
            try Self.git(["checkout", "-q", "-b", branch, "main"], in: folder.path)
            try folder.write("Captions/glossary.yml", glossary + entry)
            try folder.write("Captions/captions.yml", "# set on branch \(branch)\n" + config)
            try Self.git(["commit", "-q", "-a", "-m", branch], in: folder.path)
        }
        #expect(try Self.git(["merge", "-q", "a"], in: folder.path).status != 0)
        #expect(try Self.markerLine("Captions/captions.yml", in: folder) == 1)
        for command in [["check"], ["status"]] {
            let run = try CLIRun.run(command, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stderr == "Captions/captions.yml:1:1: error: \(Self.advice)\n", "\(command)")
        }
        try Self.git(["checkout", "-q", "--theirs", "Captions/captions.yml"], in: folder.path)
        let line = try Self.markerLine("Captions/glossary.yml", in: folder)
        for command in [["check"], ["status"]] {
            let run = try CLIRun.run(command, in: folder.path)
            #expect(run.status == 2)
            #expect(run.stderr == "Captions/glossary.yml:\(line):1: error: \(Self.advice)\n", "\(command)")
        }
    }

    @Test func aConflictInTheBaselineIsNamedAsOne() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let entry = #"{"check":"whitespace","field":"title","language":"en","message":"m","path":"g/k.yml"}"#
        try folder.write(
            "Captions/captions-baseline.json",
            "{\n  \"version\": 1,\n  \"findings\": [\n<<<<<<< HEAD\n    \(entry)\n=======\n>>>>>>> b\n  ]\n}\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "Captions/captions-baseline.json:4:1: error: \(Self.advice)\n")
    }

    @Test func aKeyTwiceInTheRecordFailsCheckAndTheSignOffCommandsRefuseTheFile() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let path = "Captions/memorial-park/stalin-wagon.yml"
        let original = try folder.read(path)
        let entry = "  title: { kk: c1acebfa, en: c1acebfa }"
        #expect(original.contains(entry + "\n"))
        let edited = original.replacingOccurrences(
            of: entry, with: "  title: { kk: c1acebfa, en: c1acebfa, kk: 00000000 }")
        try folder.write(path, edited)
        let lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  title: { kk") }) + 1
        let at = "\(path):\(line):40"

        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.split(separator: "\n").filter { $0.contains("stalin-wagon") } == [
                "\(at): error: duplicate key 'kk' in 'translations/title'; the first is at line \(line) [invalid-yaml]",
                "\(path):\(line):12: note: first 'kk' is here",
            ])

        let refusal = "\(at): error: memorial-park/stalin-wagon.yml has errors; run captions check and fix them first\n"
        for command in [["review"], ["approve"]] {
            let run = try CLIRun.run(command + ["stalin-wagon", "--field", "title", "--by", "AB"], in: folder.path)
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr == refusal, "\(command)")
        }
        _ = try CLIRun.run(["accept", "stalin-wagon"], in: folder.path)
        #expect(try folder.read(path) == edited)
        // With the first kk stale, accept would rewrite the record: it refuses the file instead.
        let staleFirst = original.replacingOccurrences(
            of: entry, with: "  title: { kk: 00000000, en: c1acebfa, kk: c1acebfa }")
        try folder.write(path, staleFirst)
        let accept = try CLIRun.run(["accept", "stalin-wagon"], in: folder.path)
        #expect(accept.status == 2)
        #expect(accept.stderr == refusal)
        #expect(try folder.read(path) == staleFirst)
        try folder.write(path, edited)

        let fmt = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(
            fmt.stderr.split(separator: "\n").first
                == """
                \(at): warning: not formatted: the file has errors (duplicate key 'kk' in 'translations/title'; the \
                first is at line \(line)); run captions check and fix them first
                """)

        // A field twice in the record is one too.
        try folder.write(path, original.replacingOccurrences(of: entry, with: entry + "\n  title: { kk: 00000000 }"))
        let twice = try CLIRun.run(["check"], in: folder.path)
        #expect(twice.status == 1)
        #expect(
            twice.stdout.contains(
                """
                \(path):\(line + 1):3: error: duplicate key 'title' in 'translations'; the first is at line \(line) \
                [invalid-yaml]\n
                """), "\(twice.stdout)")
    }
}
