import Foundation
import Testing

@testable import CaptionKit

/// The CI entry points: `action.yml` (its step run locally with the inputs as the workflow would
/// pass them, on the debug `captions` through `CAPTIONS_BIN`), `.pre-commit-hooks.yaml` (validated
/// and its entries run), and `captions check --require`.
@Suite struct CIEntryPointTests {
    static let root = TemporaryFolder.repositoryRoot
    static let config = "languages: [kk, ru, en]\nsource: ru\n"
    static let complete =
        "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
    /// 2026-12-03 in UTC.
    static let epoch = ["SOURCE_DATE_EPOCH": "1796256000"]

    /// A collection in `Captions/` of a temporary folder with `exhibits` (file name → text).
    static func collection(_ exhibits: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("Captions/captions.yml", config)
        for (name, text) in exhibits { try folder.write("Captions/g/\(name).yml", text) }
        return folder
    }

    /// Reads a YAML file of the repository into a node tree.
    static func yaml(_ name: String) throws -> LocatedNode {
        let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
        return try #require(try YAMLReader.document(text, path: name))
    }

    /// Runs `executable` with `arguments` in `directory`, the environment added to this process's.
    static func run(
        _ executable: String, _ arguments: [String] = [], in directory: String, environment: [String: String]
    ) throws -> CLIRun {
        try CLIRun.run(
            arguments, in: directory, environment: environment, executable: URL(fileURLWithPath: executable))
    }

    // MARK: - action.yml

    /// The action's single step, run as GitHub would: its `env:` and `working-directory:` with
    /// `${{ inputs.X }}` replaced by `inputs` (or the input's default), and `${{ github.action_path }}`
    /// by the repository root; the debug binary instead of a release build.
    static func runAction(_ inputs: [String: String], in folder: TemporaryFolder) throws -> CLIRun {
        let action = try yaml("action.yml")
        let declared = try #require(action["inputs"]?.pairs)
        var values: [String: String] = [:]
        for pair in declared {
            let name = try #require(pair.key.scalar)
            values[name] = inputs[name] ?? pair.value["default"]?.scalar ?? ""
        }
        for name in inputs.keys { #expect(values[name] != nil, "action.yml has no input \(name)") }
        func substitute(_ text: String) throws -> String {
            var result = text.replacingOccurrences(of: "${{ github.action_path }}", with: root)
            for (name, value) in values {
                result = result.replacingOccurrences(of: "${{ inputs.\(name) }}", with: value)
            }
            #expect(!result.contains("${{"), "unresolved expression in \(text)")
            return result
        }
        let runs = try #require(action["runs"])
        #expect(runs["using"]?.scalar == "composite")
        let steps = try #require(runs["steps"]?.items)
        #expect(steps.count == 1)
        let step = try #require(steps.first)
        #expect(step["shell"]?.scalar == "bash")
        var environment: [String: String] = ["CAPTIONS_BIN": CLIRun.binary.path]
        for pair in step["env"]?.pairs ?? [] {
            environment[try #require(pair.key.scalar)] = try substitute(try #require(pair.value.scalar))
        }
        let command = try substitute(try #require(step["run"]?.scalar))
        #expect(command == "\"\(root)/.ci/action-check\"")
        let directory = try substitute(step["working-directory"]?.scalar ?? ".")
        return try run("/bin/bash", ["-c", command], in: folder.path + "/" + directory, environment: environment)
    }

    @Test func everyInputReachesTheScript() throws {
        let action = try Self.yaml("action.yml")
        let names = try #require(action["inputs"]?.pairs).compactMap(\.key.scalar)
        #expect(names == ["path", "strict", "require", "baseline", "pinned-ignore", "working-directory"])
        #expect(action["inputs"]?["path"]?["default"]?.scalar == "Captions")
        #expect(action["inputs"]?["strict"]?["default"]?.scalar == "false")
        #expect(action["inputs"]?["require"]?["default"]?.scalar == "translated")
        let script = try String(contentsOfFile: Self.root + "/.ci/action-check", encoding: .utf8)
        #expect(script.contains("source \"$action_dir/.ci/setup\""))
        #expect(script.contains("swift build -c release --product captions --package-path \"$action_dir\""))
        #expect(FileManager.default.isExecutableFile(atPath: Self.root + "/.ci/action-check"))
    }

    @Test func actionPassesOnACompleteCollection() throws {
        let folder = try Self.collection(["k": Self.complete])
        let run = try Self.runAction([:], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == "")
    }

    @Test func actionFailsWithAnAnnotationOnAMissingTranslation() throws {
        let folder = try Self.collection([
            "k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n"
        ])
        let run = try Self.runAction([:], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                ::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text
                ::error file=Captions/g/k.yml,line=5,col=1,title=missing-translation::text of k has no English (en) text

                """)
    }

    @Test func actionPathWorkingDirectoryAndStrict() throws {
        let folder = try TemporaryFolder()
        try folder.write("site/Museum/captions.yml", Self.config)
        try folder.write("site/Museum/g/other.yml", Self.complete)  // id k in other.yml: a warning
        let warning =
            "file=Museum/g/other.yml,line=1,col=5,title=id-file-mismatch::id 'k' differs from the file name 'other'; "
            + "rename one of them\n"
        let lenient = try Self.runAction(["path": "Museum", "working-directory": "site"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stdout == "::warning " + warning)
        let strict = try Self.runAction(["path": "Museum", "working-directory": "site", "strict": "true"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stdout == "::error " + warning)
        let wrong = try Self.runAction(["path": "Museum", "working-directory": "site", "strict": "yes"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "action-check: error: strict must be true or false, not 'yes'\n")
    }

    /// `baseline: false`: a baseline committed to the repository cannot turn the gate off.
    @Test func actionWithoutTheBaselineReportsWhatItAccepts() throws {
        let folder = try Self.collection([
            "k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n"
        ])
        #expect(try CLIRun.run(["check", "--write-baseline"], in: folder.path).status == 0)
        let accepted = try Self.runAction([:], in: folder)
        #expect(accepted.status == 0)
        #expect(accepted.stdout == "")
        let gate = try Self.runAction(["baseline": "false"], in: folder)
        #expect(gate.status == 1)
        #expect(
            gate.stdout.hasPrefix(
                "::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text\n"
            ))
        let wrong = try Self.runAction(["baseline": "no"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "action-check: error: baseline must be true or false, not 'no'\n")
    }

    /// `pinned-ignore: false`: an exhibit's `ignore:` entry cannot accept a finding of a pinned
    /// check at the gate; the log names the entry.
    @Test func actionWithoutPinnedIgnoresFailsOnTheFindingAnEntryAccepts() throws {
        let folder = try Self.collection([
            "k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
                + "ignore: [missing-translation: title/en]\n"
        ])
        let accepted = try Self.runAction([:], in: folder)
        #expect(accepted.status == 0)
        #expect(accepted.stdout == "")
        #expect(accepted.stderr == "")
        let gate = try Self.runAction(["pinned-ignore": "false"], in: folder)
        #expect(gate.status == 1)
        #expect(
            gate.stdout
                == "::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text\n"
        )
        #expect(
            gate.stderr
                == "Captions/g/k.yml:9:10: note: ignore entry 'missing-translation: title/en' is refused: "
                + "--require translated pins missing-translation\n")
        let wrong = try Self.runAction(["pinned-ignore": "no"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "action-check: error: pinned-ignore must be true or false, not 'no'\n")
    }

    /// The action always passes `--require` (default `translated`): a `captions.yml` that turns
    /// `missing-translation` off or down cannot turn the gate off, and the log says why.
    @Test(arguments: ["off", "warning"])
    func actionGateHoldsWhenCaptionsYMLLowersMissingTranslation(setting: String) throws {
        let folder = try Self.collection([
            "k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
        ])
        try folder.write("Captions/captions.yml", Self.config + "checks:\n  missing-translation: \(setting)\n")
        #expect(try CLIRun.run(["check"], in: folder.path).status == 0)
        let run = try Self.runAction([:], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text\n"
        )
        #expect(
            run.stderr
                == "Captions/captions.yml:4:3: note: missing-translation is an error here: --require translated pins it\n"
        )
    }

    @Test func actionRequireApprovedFailsOnAnUnapprovedTextUntilItIsApproved() throws {
        let folder = try Self.collection(["k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"])
        try folder.write("Captions/captions.yml", Self.config + "fields:\n  title: { required: true }\n")
        #expect(try Self.runAction([:], in: folder).status == 0)
        let reviewed = try CLIRun.run(
            ["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: Self.epoch)
        #expect(reviewed.status == 0)
        #expect(try Self.runAction(["require": "reviewed"], in: folder).status == 0)
        let unapproved = try Self.runAction(["require": "approved"], in: folder)
        #expect(unapproved.status == 1)
        let lines = unapproved.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(
            lines.first
                == "::error file=Captions/g/k.yml,line=3,col=3,title=not-approved::title (kk) of k is not approved; "
                + "approve it with captions approve")
        let approved = try CLIRun.run(
            ["approve", "k", "--field", "title", "--by", "CD"], in: folder.path, environment: Self.epoch)
        #expect(approved.status == 0, "\(approved.stderr)")
        let passing = try Self.runAction(["require": "approved"], in: folder)
        #expect(passing.status == 0)
        #expect(passing.stdout == "")
        let bad = try Self.runAction(["require": "signed"], in: folder)
        #expect(bad.status == 2)
    }

    // MARK: - Documentation/CI.md

    /// The workflow of CI.md's "A workflow by hand", as the repository of a museum that holds only
    /// `Captions/` runs it: it checks out the tool into a folder of its own and builds it there
    /// (a build in the museum's checkout fails: it has no Package.swift), and its check step,
    /// run with the debug build in that place, reports the museum's files by their paths.
    @Test func theManualsWorkflowBuildsTheToolFromItsOwnCheckout() throws {
        let manual = try String(contentsOfFile: Self.root + "/Documentation/CI.md", encoding: .utf8)
        let section = try #require(manual.components(separatedBy: "## A workflow by hand").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let workflow = try #require(try YAMLReader.document(block, path: "CI.md"))
        let steps = try #require(workflow["jobs"]?["check"]?["steps"]?.items)
        try #require(steps.count >= 2)
        #expect(steps[0]["uses"]?.scalar == "actions/checkout@v4" && steps[0]["with"] == nil)
        #expect(steps[1]["uses"]?.scalar == "actions/checkout@v4")
        #expect(steps[1]["with"]?["repository"]?.scalar == "OWNER/captions")
        let tool = try #require(steps[1]["with"]?["path"]?.scalar)
        #expect(tool != "." && !tool.isEmpty)
        let runs = steps.compactMap { $0["run"]?.scalar }
        let builds = runs.filter { $0.contains("swift build") }
        #expect(builds.count == 2)
        for build in builds { #expect(build.contains("--package-path \(tool)"), "\(build)") }
        let check = try #require(runs.last)
        let binary = "$(swift build -c release --package-path \(tool) --show-bin-path)/captions"
        #expect(check.contains("\"\(binary)\" check Captions "), "\(check)")
        let museum = try Self.collection([
            "k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\ntext:\n  kk: Мәтін\n  ru: Текст\n"
        ])
        let run = try Self.run(
            "/bin/bash", ["-c", check.replacingOccurrences(of: binary, with: CLIRun.binary.path)], in: museum.path,
            environment: ["GITHUB_WORKSPACE": museum.path])
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                ::error file=Captions/g/k.yml,line=2,col=1,title=missing-translation::title of k has no English (en) text
                ::error file=Captions/g/k.yml,line=5,col=1,title=missing-translation::text of k has no English (en) text

                """)
    }

    // MARK: - .pre-commit-hooks.yaml

    /// The hooks by id, after checking each against pre-commit's manifest schema (required keys,
    /// known language, file pattern) and its entry script (exists, executable).
    static func hooks() throws -> [String: LocatedNode] {
        let manifest = try #require(try yaml(".pre-commit-hooks.yaml").items)
        var hooks: [String: LocatedNode] = [:]
        for hook in manifest {
            for key in ["id", "name", "entry", "language"] {
                #expect(hook[key]?.scalar?.isEmpty == false, "a hook without \(key)")
            }
            #expect(["script", "system"].contains(hook["language"]?.scalar ?? ""))
            #expect(hook["pass_filenames"]?.scalar == "false")
            let pattern = try NSRegularExpression(pattern: try #require(hook["files"]?.scalar))
            func matches(_ name: String) -> Bool {
                pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            #expect(matches("Captions/g/k.yml") && matches("Captions/captions.yaml") && !matches("README.md"))
            // A commit that changes only the baseline changes what the check accepts.
            #expect(matches("Captions/captions-baseline.json") == (hook["id"]?.scalar == "captions-check"))
            let script = try #require(hook["entry"]?.scalar?.split(separator: " ").first)
            #expect(FileManager.default.isExecutableFile(atPath: root + "/" + script))
            hooks[try #require(hook["id"]?.scalar)] = hook
        }
        #expect(hooks.keys.sorted() == ["captions-check", "captions-fmt"])
        return hooks
    }

    /// Runs a hook's entry as pre-commit does for `language: script` (the first word relative to
    /// the hook repository) in `folder`, on the debug binary.
    static func runHook(_ hook: LocatedNode, in folder: TemporaryFolder) throws -> CLIRun {
        let words = try #require(hook["entry"]?.scalar).split(separator: " ").map(String.init)
        return try run(
            root + "/" + words[0], Array(words.dropFirst()), in: folder.path,
            environment: ["CAPTIONS_BIN": CLIRun.binary.path])
    }

    @Test func checkHookPassesAndFails() throws {
        let hook = try #require(try Self.hooks()["captions-check"])
        #expect(try Self.runHook(hook, in: try Self.collection(["k": Self.complete])).status == 0)
        let missing = try Self.runHook(hook, in: try Self.collection(["k": "id: k\ntitle:\n  kk: Құрт\n"]))
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("Captions/g/k.yml:2:1: error: title of k has no Russian (ru) text"))
    }

    @Test func fmtHookRewritesToTheCanonicalForm() throws {
        let hook = try #require(try Self.hooks()["captions-fmt"])
        let messy = "id: k\ntext:\n  en: Text\n  ru: Текст\n  kk: Мәтін\ntitle:\n  kk: Құрт\n  ru:   Курт\n  en: Kurt\n"
        let folder = try Self.collection(["k": messy])
        let run = try Self.runHook(hook, in: folder)
        #expect(run.status == 0)
        #expect(try folder.read("Captions/g/k.yml") == Self.complete)
        #expect(try Self.runHook(hook, in: folder).stdout == "")
    }

    /// How to run PyPI's pre-commit: `pre-commit` on the PATH, else `python3 -m pre_commit` when
    /// it is importable; `nil` when neither.
    static let preCommit: [String]? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        if let found = folders.map({ "\($0)/pre-commit" }).first(where: FileManager.default.isExecutableFile) {
            return [found]
        }
        let probe = try? run("/usr/bin/env", ["python3", "-c", "import pre_commit"], in: root, environment: [:])
        return probe?.status == 0 ? ["/usr/bin/env", "python3", "-m", "pre_commit"] : nil
    }()

    @Test(
        .enabled(
            if: preCommit != nil,
            "skipped: pre-commit (PyPI) is not on the PATH nor importable by python3")
    )
    func preCommitValidatesAndRunsTheHooks() throws {
        let command = try #require(Self.preCommit)
        let preCommit = command[0]
        let prefix = Array(command.dropFirst())
        let environment = ["CAPTIONS_BIN": CLIRun.binary.path]
        let manifest = try Self.run(
            preCommit, prefix + ["validate-manifest", Self.root + "/.pre-commit-hooks.yaml"], in: Self.root,
            environment: environment)
        #expect(manifest.status == 0, "\(manifest.stdout)")
        let folder = try Self.collection(["k": "id: k\ntitle:\n  kk: Құрт\n"])
        let home = ["PRE_COMMIT_HOME": folder.path + "/.pre-commit-home"]
        #expect(try Self.run("/usr/bin/env", ["git", "init", "-q"], in: folder.path, environment: [:]).status == 0)
        #expect(
            try Self.run("/usr/bin/env", ["git", "add", "Captions"], in: folder.path, environment: [:]).status == 0)
        let check = try Self.run(
            preCommit, prefix + ["try-repo", Self.root, "captions-check", "--all-files"], in: folder.path,
            environment: environment.merging(home) { $1 })
        #expect(check.status == 1)
        #expect(check.stdout.contains("Captions/g/k.yml:2:1: error: title of k has no Russian (ru) text"))
        let fmt = try Self.run(
            preCommit, prefix + ["try-repo", Self.root, "captions-fmt", "--all-files"], in: folder.path,
            environment: environment.merging(home) { $1 })
        #expect(fmt.status == 0, "\(fmt.stdout)")
    }

    // MARK: - captions check --require (the library option behind it)

    @Test func requireTurnsOnTheSignOffChecksOverCaptionsYML() throws {
        let folder = try Self.collection(["k": "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n"])
        try folder.write(
            "Captions/captions.yml",
            Self.config + "fields:\n  title: { required: true }\nchecks:\n  not-approved: warning\n"
                + "  not-reviewed: off\n")
        func ids(_ level: SignOffLevel?) throws -> [String] {
            let request = CheckRequest(path: folder.path + "/Captions", require: level)
            return try CaptionChecker.run(request).diagnostics.map { "\($0.checkID) \($0.severity)" }
        }
        // captions.yml turns not-approved on as a warning and not-reviewed off.
        #expect(try ids(nil) == ["not-approved warning", "not-approved warning", "not-approved warning"])
        #expect(try ids(.translated) == ["not-approved warning", "not-approved warning", "not-approved warning"])
        #expect(
            try ids(.reviewed) == [
                "not-approved warning", "not-reviewed error", "not-approved warning", "not-approved warning",
                "not-reviewed error",
            ])
        // --require approved makes the configured warning an error: the gate is the gate.
        #expect(
            try ids(.approved) == [
                "not-approved error", "not-reviewed error", "not-approved error", "not-approved error",
                "not-reviewed error",
            ])
        let cli = try CLIRun.run(["check", "--require", "reviewed"], in: folder.path)
        #expect(cli.status == 1)
        // A note for not-reviewed, which --require reviewed pins; none for not-approved, which it does not.
        #expect(
            cli.stderr.hasPrefix(
                "Captions/captions.yml:7:3: note: not-reviewed is an error here: --require reviewed pins it\nkk: "))
        let unknown = try CLIRun.run(["check", "--require", "done"], in: folder.path)
        #expect(unknown.status == 64)
    }
}
