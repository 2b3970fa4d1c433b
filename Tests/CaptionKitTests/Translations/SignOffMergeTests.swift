import Foundation
import Testing

@testable import CaptionKit

/// How the record merges in git: sign-offs of different exhibits merge cleanly; a conflict
/// inside one exhibit's record is reported at its position and resolved as the manual says.
/// Skipped (and says so) when `git` is not installed.
@Suite struct SignOffMergeTests {
    static let git = ["/usr/bin/git", "/usr/local/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @discardableResult
    static func run(_ arguments: [String], in folder: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git ?? "/usr/bin/git")
        process.arguments = ["-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func signOff(
        _ action: SignOff.Action, _ id: String, field: String, languages: [String], by: String,
        in museum: TestCollection
    ) throws {
        let result = try SignOff.run(
            SignOff.Request(action: action, id: id, fields: [field], languages: languages, by: by, date: "2026-12-03"),
            in: try museum.load())
        #expect(result.refused.isEmpty)
    }

    static func commit(_ message: String, in folder: String) throws {
        #expect(try run(["add", "-A"], in: folder) == 0)
        #expect(try run(["commit", "-q", "-m", message], in: folder) == 0)
    }

    @Test func branchesSigningOffDifferentExhibitsMergeAndAConflictIsLocated() throws {
        guard Self.git != nil else {
            print("SignOffMergeTests: skipped, git is not installed")
            return
        }
        let text = "title:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\ntext:\n  kk: Мәтін\n  ru: Текст\n  en: Text\n"
        let museum = try TestCollection(files: [("g/k.yml", "id: k\n" + text), ("g/m.yml", "id: m\n" + text)])
        let root = museum.root
        #expect(try Self.run(["init", "-q", "-b", "main"], in: root) == 0)
        try Self.commit("captions", in: root)

        try Self.run(["checkout", "-q", "-b", "a"], in: root)
        try Self.signOff(.review, "k", field: "title", languages: [], by: "AB", in: museum)
        try Self.signOff(.approve, "k", field: "title", languages: ["kk", "en"], by: "DK", in: museum)
        try Self.commit("approve k", in: root)
        try Self.run(["checkout", "-q", "main"], in: root)
        try Self.run(["checkout", "-q", "-b", "b"], in: root)
        try Self.signOff(.review, "m", field: "title", languages: ["kk"], by: "CD", in: museum)
        try Self.commit("review m", in: root)
        try Self.run(["checkout", "-q", "a"], in: root)
        #expect(try Self.run(["merge", "-q", "--no-edit", "b"], in: root) == 0)
        let merged = try museum.load()
        let k = merged.exhibits.first { $0.id == "k" }!.signOffStates(config: merged.config)
        let m = merged.exhibits.first { $0.id == "m" }!.signOffStates(config: merged.config)
        #expect(k("title", "kk").level == .approved && k("title", "en").level == .approved)
        #expect(m("title", "kk").review?.by == "CD")

        // Two branches review different languages of the same field: both add a line there.
        try Self.run(["checkout", "-q", "-b", "c"], in: root)
        try Self.signOff(.review, "k", field: "text", languages: ["kk"], by: "AB", in: museum)
        try Self.commit("review k text kk", in: root)
        try Self.run(["checkout", "-q", "a"], in: root)
        try Self.signOff(.review, "k", field: "text", languages: ["en"], by: "EF", in: museum)
        try Self.commit("review k text en", in: root)
        #expect(try Self.run(["merge", "-q", "--no-edit", "c"], in: root) != 0)
        let conflicted = try museum.read("g/k.yml")
        let lines = conflicted.split(separator: "\n", omittingEmptySubsequences: false)
        let markerLine = try #require(lines.firstIndex { $0.hasPrefix("<<<<<<< ") }) + 1
        let exhibit = try museum.load().exhibits.first { $0.relativePath == "g/k.yml" }!
        #expect(
            exhibit.loadFindings.map { "\($0.location.line):\($0.location.column) \($0.checkID)" }
                == ["\(markerLine):1 invalid-yaml"])
        #expect(exhibit.loadFindings.first?.message == MergeConflictTests.recordAdvice)

        // The manual's resolution: keep both sides' lines, delete the marker lines.
        let resolved = lines.filter { !$0.hasPrefix("<<<<<<< ") && !$0.hasPrefix(">>>>>>> ") && $0 != "=======" }
        try museum.write("g/k.yml", resolved.joined(separator: "\n"))
        let after = try museum.load()
        let state = after.exhibits.first { $0.id == "k" }!.signOffStates(config: after.config)
        #expect(after.exhibits.allSatisfy { $0.loadFindings.isEmpty })
        #expect(state("text", "kk").review?.by == "AB" && state("text", "en").review?.by == "EF")
        #expect(state("title", "kk").level == .approved)
    }

    /// Two branches change one caption's text: git's diff3 style adds the original lines, and the
    /// finding asks to choose a version and to delete those lines too (not to keep both sides).
    @Test func aConflictInACaptionsTextWithTheOriginalLinesAsksToChooseAVersion() throws {
        guard Self.git != nil else {
            print("SignOffMergeTests: skipped, git is not installed")
            return
        }
        let museum = try TestCollection(files: [("g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: Курт\n  en: Kurt\n")])
        let root = museum.root
        #expect(try Self.run(["init", "-q", "-b", "main"], in: root) == 0)
        try Self.commit("captions", in: root)
        for (branch, title) in [("a", "Сушёный курт"), ("b", "Курт из степи")] {
            try Self.run(["checkout", "-q", "-b", branch, "main"], in: root)
            try museum.write("g/k.yml", "id: k\ntitle:\n  kk: Құрт\n  ru: \(title)\n  en: Kurt\n")
            try Self.commit(branch, in: root)
        }
        #expect(try Self.run(["-c", "merge.conflictStyle=diff3", "merge", "-q", "--no-edit", "a"], in: root) != 0)
        let conflicted = try museum.read("g/k.yml")
        #expect(conflicted.contains("\n||||||| "))
        let exhibit = try museum.load().exhibits.first { $0.relativePath == "g/k.yml" }!
        #expect(
            exhibit.loadFindings.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "4:1 \(MergeConflictTests.versionsAdviceWithBase)"
            ])
    }
}
