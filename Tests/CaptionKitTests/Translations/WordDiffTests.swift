import Foundation
import Testing

@testable import CaptionKit

/// The word tokenizer and the word diff on Kazakh and Russian, and `captions diff`'s search of
/// the git history.
@Suite struct WordDiffTests {
    @Test(arguments: [
        (
            "«Сталиндік вагон» — 1937–1953 жж. 18 000 әйел, ұлт-азаттық",
            [
                "«", "Сталиндік", " ", "вагон", "»", " ", "—", " ", "1937", "–", "1953", " ", "жж", ".", " ", "18 000",
                " ", "әйел", ",", " ", "ұлт-азаттық",
            ]
        ),
        (
            "В 1937 году — около 8 000 жён «изменников Родины», 1,5 км.",
            [
                "В", " ", "1937", " ", "году", " ", "—", " ", "около", " ", "8 000", " ", "жён", " ", "«", "изменников",
                " ", "Родины", "»", ",", " ", "1,5", " ", "км", ".",
            ]
        ),
        (
            "северо-западнее Акмолы, 18\u{A0}000 км²",
            ["северо-западнее", " ", "Акмолы", ",", " ", "18\u{A0}000", " ", "км²"]
        ),
        ("Қ'ұрт - 1937 1938", ["Қ'ұрт", " ", "-", " ", "1937", " ", "1938"]),
    ])
    func tokensKeepCyrillicWordsHyphensQuotesAndNumbersWhole(_ text: String, _ tokens: [String]) {
        #expect(WordDiffTokens.of(text) == tokens)
        #expect(WordDiffTokens.of(text).joined() == text)
    }

    @Test(arguments: [
        (
            "АЛЖИР — Акмолинский лагерь жён изменников Родины.",
            "АЛЖИР — Акмолинский лагерь жён «изменников Родины», 1938–1953.",
            "АЛЖИР — Акмолинский лагерь жён {+«+}изменников Родины{+», 1938–1953+}."
        ),
        (
            "Лагерьде 8 000 әйел болды.",
            "Лагерьде 18 000-нан астам әйел болды.",
            "Лагерьде [-8 000 -]{+18 000-нан астам +}әйел болды."
        ),
        (
            "Бұл вагонмен әйелдерді лагерьге әкелді.",
            "Бұл вагонмен лагерьге әкелді.",
            "Бұл вагонмен [-әйелдерді -]лагерьге әкелді."
        ),
        ("Одинаковый текст.", "Одинаковый текст.", "Одинаковый текст."),
        // White space that changed is a change: each side keeps its own (a merged paragraph,
        // a double space, a no-break space).
        ("Бірінші.\n\nЕкінші.", "Бірінші. Екінші.", "Бірінші.[-\n\n-]{+ +}Екінші."),
        ("в  1938 году", "в\u{A0}1938 году", "в[-  -]{+\u{A0}+}1938 году"),
    ])
    func wordDiffsOfKazakhAndRussianMarkExactlyTheChangedWords(_ old: String, _ new: String, _ golden: String) {
        let diff = WordDiff(from: old, to: new)
        #expect(diff.text == golden)
        let sides = Self.sides(of: diff)
        #expect(sides.before == old && sides.after == new)
    }

    @Test func theEarlierSourceIsFoundInARepositoryWithThreeCommits() throws {
        guard SignOffMergeTests.git != nil else {
            print("WordDiffTests: skipped the git test, git is not installed")
            return
        }
        let file = "g/k.yml"
        let version = { (ru: String, record: String) in
            "id: k\ntitle:\n  kk: Құрт\n  ru: \(ru)\n  en: Kurt\n" + record
        }
        let first = "Курт — сушёный сыр."
        let second = "Курт — солёный сушёный сыр."
        let third = "Курт — солёный сыр из молока."
        let museum = try TestCollection(files: [(file, version(first, ""))])
        let root = museum.root
        #expect(try SignOffMergeTests.run(["init", "-q", "-b", "main"], in: root) == 0)
        try SignOffMergeTests.commit("first", in: root)
        // The translation is made from the second source; then the source changes again.
        try museum.write(file, version(second, "translations:\n  title: { kk: \(SourceFingerprint.of(second)) }\n"))
        try SignOffMergeTests.commit("second", in: root)
        try museum.write(file, version(third, "translations:\n  title: { kk: \(SourceFingerprint.of(second)) }\n"))
        try SignOffMergeTests.commit("third", in: root)

        let diffs = try SourceDiff.of(id: "k", in: try museum.load())
        #expect(diffs.count == 1)
        guard case .diff(let diff, let commit)? = diffs.first?.outcome else {
            Issue.record("no diff: \(diffs)")
            return
        }
        #expect(diff.text == "Курт — солёный [-сушёный -]сыр{+ из молока+}.")
        #expect(commit.count == 7)
        #expect(
            diffs[0].text(id: "k", sourceLanguage: "ru").hasPrefix(
                "title (kk) of k: the ru source changed since the translation (then: commit \(commit)):\n"))
        // The XLIFF note of the stale unit carries the same diff.
        let collection = try museum.load()
        let units = XLIFFExporter.units(of: collection.exhibits[0], language: "kk", config: collection.config)
        #expect(
            units.first?.notes.last.map { "\($0.category.rawValue): \($0.text)" }
                == "source-diff: What changed in the source ([-deleted-] {+inserted+}): Курт — солёный [-сушёный -]сыр"
                + "{+ из молока+}.")
        let named = try SourceDiff.of(id: "k", fields: ["title"], languages: ["en"], in: try museum.load())
        #expect(
            named.map { $0.text(id: "k", sourceLanguage: "ru") } == [
                "title (en) of k has no record of the source it was made from: nothing to compare\n"
            ])
    }

    /// Moves between galleries and an id rename that renames the file (`git mv`, twice): the
    /// search follows the file through both, for `captions diff` and the export's note alike.
    @Test func theEarlierSourceIsFoundAfterTheFileWasMovedAndRenamed() throws {
        guard SignOffMergeTests.git != nil else {
            print("WordDiffTests: skipped the git test, git is not installed")
            return
        }
        let version = { (id: String, ru: String, record: String) in
            "id: \(id)\ntitle:\n  kk: Құрт\n  ru: \(ru)\n  en: Kurt\n" + record
        }
        let first = "Курт — сушёный сыр."
        let second = "Курт — солёный сыр."
        let fingerprint = SourceFingerprint.of(first)
        let record = "translations:\n  title: { kk: \(fingerprint), en: \(fingerprint) }\n"
        let museum = try TestCollection(files: [("g/k.yml", version("k", first, record))])
        let root = museum.root
        #expect(try SignOffMergeTests.run(["init", "-q", "-b", "main"], in: root) == 0)
        try SignOffMergeTests.commit("translated", in: root)
        try museum.write("g/k.yml", version("k", second, record))
        try SignOffMergeTests.commit("the source corrected", in: root)
        try FileManager.default.createDirectory(atPath: root + "/h", withIntermediateDirectories: true)
        #expect(try SignOffMergeTests.run(["mv", "g/k.yml", "h/k.yml"], in: root) == 0)
        try SignOffMergeTests.commit("moved to another gallery", in: root)
        #expect(try SignOffMergeTests.run(["mv", "h/k.yml", "h/kurt.yml"], in: root) == 0)
        try museum.write("h/kurt.yml", version("kurt", second, record))
        try SignOffMergeTests.commit("renamed", in: root)

        let diffs = try SourceDiff.of(id: "kurt", fields: ["title"], languages: ["kk"], in: try museum.load())
        guard case .diff(let diff, let commit)? = diffs.first?.outcome else {
            Issue.record("no diff: \(diffs)")
            return
        }
        #expect(diff.text == "Курт — [-сушёный-]{+солёный+} сыр.")
        #expect(try Self.firstCommit(in: root) == commit)
        let collection = try museum.load()
        let units = XLIFFExporter.units(of: collection.exhibits[0], language: "en", config: collection.config)
        #expect(
            units.first?.notes.last.map { "\($0.category.rawValue): \($0.text)" }
                == "source-diff: What changed in the source ([-deleted-] {+inserted+}): "
                + "Курт — [-сушёный-]{+солёный+} сыр.")
    }

    /// The abbreviated hash of the first commit of the repository at `root`.
    static func firstCommit(in root: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SignOffMergeTests.git ?? "/usr/bin/git")
        process.arguments = ["log", "--reverse", "--format=%h"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix { !$0.isNewline })
    }

    /// `git log --follow -z --format=%x01%H --name-only`: each commit with its path then; a merge
    /// that lists none keeps the newer path.
    @Test func theVersionsOfAFollowedLogAreItsCommitsWithTheirPaths() {
        let log = "\u{1}c3\0\nh/kurt.yml\0\u{1}c2\0\u{1}m1\0\nh/k.yml\0\u{1}c1\0\ng/k.yml\0"
        #expect(
            SourceHistory.versions(fromFollowLog: log, presentPath: "h/kurt.yml").map { "\($0.commit) \($0.path)" }
                == ["c3 h/kurt.yml", "c2 h/kurt.yml", "m1 h/k.yml", "c1 g/k.yml"])
        #expect(SourceHistory.versions(fromFollowLog: "", presentPath: "k.yml").isEmpty)
    }

    @Test func outsideGitTheDiffSaysSoPlainly() throws {
        let museum = try TestCollection(files: [
            (
                "g/k.yml",
                "id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\ntranslations:\n  title: { kk: 8577ed6c }\n"
            )
        ])
        let diffs = try SourceDiff.of(id: "k", in: try museum.load())
        #expect(diffs.map(\.outcome) == [.unavailable(.notInGitRepository(path: "\(museum.root)/g/k.yml"))])
        #expect(
            diffs.map { $0.text(id: "k", sourceLanguage: "ru") } == [
                "title (kk) of k is stale, but its earlier source is unknown: \(museum.root)/g/k.yml is not in a git "
                    + "repository (or git is not installed), so its earlier texts are unknown\n"
            ])
    }

    /// A collection whose Kazakh title was made from a Russian source no version of the file
    /// has, committed to a new git repository.
    static func staleTitleCommitted() throws -> TestCollection {
        let museum = try TestCollection(files: [
            (
                "g/k.yml",
                "id: k\ntitle:\n  kk: Құрт\n  ru: Курт!\n  en: Kurt\ntranslations:\n  title: { kk: 8577ed6c }\n"
            )
        ])
        #expect(try SignOffMergeTests.run(["init", "-q", "-b", "main"], in: museum.root) == 0)
        try SignOffMergeTests.commit("first", in: museum.root)
        return museum
    }

    @Test func aSourceNoCommitHasIsNamedAsSuchWithTheSentenceTheCommandPrints() throws {
        guard SignOffMergeTests.git != nil else {
            print("WordDiffTests: skipped the git test, git is not installed")
            return
        }
        let museum = try Self.staleTitleCommitted()
        let diffs = try SourceDiff.of(id: "k", in: try museum.load())
        let path = "\(museum.root)/g/k.yml"
        #expect(
            diffs.map(\.outcome) == [
                .unavailable(.notInHistory(path: path, field: "title", language: "ru", fingerprint: "8577ed6c"))
            ])
        #expect(
            diffs.map { $0.text(id: "k", sourceLanguage: "ru") } == [
                "title (kk) of k is stale, but its earlier source is unknown: no commit in the git history of \(path) "
                    + "has the ru title with fingerprint 8577ed6c\n"
            ])
    }

    @Test func whenGitFailsItsOwnMessageIsTheReason() throws {
        guard SignOffMergeTests.git != nil else {
            print("WordDiffTests: skipped the git failure test, git is not installed")
            return
        }
        let museum = try Self.staleTitleCommitted()
        let path = "\(museum.root)/g/k.yml"
        // The repository's objects lost (a broken clone): `git log` fails with "fatal: bad object HEAD".
        let objects = museum.root + "/.git/objects"
        try FileManager.default.removeItem(atPath: objects)
        try FileManager.default.createDirectory(atPath: objects, withIntermediateDirectories: false)
        let diffs = try SourceDiff.of(id: "k", in: try museum.load())
        #expect(diffs.map(\.outcome) == [.unavailable(.gitFailed(path: path, message: "bad object HEAD"))])
        #expect(
            diffs.map { $0.text(id: "k", sourceLanguage: "ru") } == [
                "title (kk) of k is stale, but its earlier source is unknown: git could not read the history of "
                    + "\(path): bad object HEAD\n"
            ])
    }

    @Test("git's reason: its fatal line (after error and warning lines), without control characters, short")
    func gitsReasonFromItsStandardError() {
        #expect(
            GitProcess.reason(
                fromStandardError: "error: inflate: data stream error (incorrect header check)\n"
                    + "error: unable to unpack 1234 header\nfatal: loose object 1234 is corrupt\n")
                == "loose object 1234 is corrupt")
        #expect(GitProcess.reason(fromStandardError: "warning: odd\n") == "odd")
        #expect(GitProcess.reason(fromStandardError: "\n  \n") == nil)
        #expect(GitProcess.reason(fromStandardError: "fatal: bad \u{1B}[31mobject\u{7}\n") == "bad [31mobject")
        let long = GitProcess.reason(fromStandardError: "fatal: " + String(repeating: "x", count: 5_000))
        #expect(long == String(repeating: "x", count: 299) + "…")
    }

    @Test func aRepositoryOwnedByAnotherUserIsNotCalledNoRepository() throws {
        guard SignOffMergeTests.git != nil, getuid() == 0 else {
            print("WordDiffTests: skipped the ownership test, it needs git and root (to give the files to nobody)")
            return
        }
        // A machine whose git trusts other users' repositories (safe.directory, as some CI
        // images set it) has nothing to refuse.
        let safe = Process()
        safe.executableURL = URL(fileURLWithPath: SignOffMergeTests.git ?? "/usr/bin/git")
        safe.arguments = ["config", "--get-all", "safe.directory"]
        safe.standardOutput = FileHandle.nullDevice
        try safe.run()
        safe.waitUntilExit()
        guard safe.terminationStatus != 0 else {
            print("WordDiffTests: skipped the ownership test, git's safe.directory is set on this machine")
            return
        }
        let museum = try Self.staleTitleCommitted()
        let chown = try Process.run(URL(fileURLWithPath: "/bin/chown"), arguments: ["-R", "nobody", museum.root])
        chown.waitUntilExit()
        #expect(chown.terminationStatus == 0)
        // As the editor running as a service user sees a curator's clone: git refuses it.
        let diffs = try SourceDiff.of(id: "k", in: try museum.load())
        guard case .unavailable(.gitFailed(let path, let message)) = diffs.first?.outcome else {
            Issue.record("expected git's refusal, got \(diffs.map(\.outcome))")
            return
        }
        #expect(path == "\(museum.root)/g/k.yml")
        #expect(message.hasPrefix("detected dubious ownership in repository at '"), "\(message)")
    }

    /// The old text (kept and deleted pieces) and the new one (kept and inserted) of `diff`.
    static func sides(of diff: WordDiff) -> (before: String, after: String) {
        var before = ""
        var after = ""
        for token in diff.tokens {
            switch token {
            case .kept(let text):
                before += text
                after += text
            case .deleted(let text): before += text
            case .inserted(let text): after += text
            }
        }
        return (before, after)
    }

    @Test func eachSideOfAnyDiffIsItsTextExactly() {
        // Texts made of a few words, marks and kinds of white space, changed at random (a fixed seed).
        var generator = SeededGenerator(seed: 7)
        let pieces = ["лагерь", "әйел", "the", "camp", ",", "«", "»", " ", "  ", "\n", "\n\n", "\u{A0}", "1938", "—"]
        func text() -> String {
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for _ in 0..<500 {
            let old = text()
            let new = Bool.random(using: &generator) ? text() : old + text()
            let sides = Self.sides(of: WordDiff(from: old, to: new))
            #expect(sides.before == old && sides.after == new, "\(old.debugDescription) → \(new.debugDescription)")
        }
    }

    @Test func textsTooLongForTheTableKeepTheirCommonEndsAndReplaceTheMiddle() {
        // 30,000 words each: the full table would hold 3.6 billion cells (tens of gigabytes).
        let words = (0..<30_000).map { "сөз\($0)" }
        let old = words.joined(separator: " ")
        var changed = words
        changed[15_000] = "жаңа"
        let diff = WordDiff(from: old, to: changed.joined(separator: " "))
        #expect(
            diff.tokens == [
                .kept(words[..<15_000].joined(separator: " ") + " "), .deleted("сөз15000"), .inserted("жаңа"),
                .kept(" " + words[15_001...].joined(separator: " ")),
            ])
        let other = WordDiff(from: old, to: (0..<30_000).map { "word\($0)" }.joined(separator: " "))
        #expect(other.tokens.count == 2)
        #expect(other.tokens.first == .deleted(old))
        // Below the limit the table is worked out as before: only the changed word is marked.
        let short = WordDiff(from: "Әйелдер тас лақтырды деп ойлады", to: "Әйелдер құрт лақтырды деп ойлады")
        #expect(short.text == "Әйелдер [-тас-]{+құрт+} лақтырды деп ойлады")
    }
}
