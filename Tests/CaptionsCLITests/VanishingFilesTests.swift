import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A caption file that disappears between the listing of the collection and its reading, with
/// real processes: `check`, `fmt` and `import` run again and again while this process deletes
/// caption files at random moments of their run. Never a crash: a vanished file is a located
/// one-line message (a finding for `check`, exit 2 with nothing written for `fmt`, a finding or
/// a conflict for `import`) or, deleted before the listing, is simply not there.
///
/// A name listed with no file behind it (a dangling symbolic link) is the same moment made
/// certain: the listing sees the name, the read finds no file.
@Suite(.serialized) struct VanishingFilesTests {
    /// What one raced run gave.
    struct Round {
        var status: Int32
        var stdout: String
        var stderr: String
        var deleted: [String]  // collection-relative paths, in deletion order
        var wasSignalled: Bool
    }

    /// The caption files of the collection at `captions`, relative to it, sorted.
    static func captionFiles(in captions: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: captions)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            let base = (name as NSString).lastPathComponent
            if name.hasSuffix(".yml"), !base.hasPrefix("."), name.contains("/") { files.append(name) }
        }
        return files.sorted()
    }

    /// Runs `captions arguments` in `directory` and deletes `count` caption files of
    /// `directory/Captions` at random moments within `seconds` of its start.
    static func race(
        _ arguments: [String], in directory: String, deleting count: Int, within seconds: Double,
        generator: inout some RandomNumberGenerator
    ) throws -> Round {
        let captions = directory + "/Captions"
        let victims = Array(captionFiles(in: captions).shuffled(using: &generator).prefix(count))
        let moments = (0..<victims.count).map { _ in Double.random(in: 0...seconds, using: &generator) }.sorted()
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["CAPTIONS_LOCK_TIMEOUT": "30"]) { $1 }
        // Output to files: a full pipe would stall the run while this process deletes.
        let outPath = directory + "/stdout.txt"
        let errPath = directory + "/stderr.txt"
        // Opening them for writing below fails if they could not be made.
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var deleted: [String] = []
        for (victim, moment) in zip(victims, moments) {
            let wait = moment - Date().timeIntervalSince(start)
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
            if unlink(captions + "/" + victim) == 0 { deleted.append(victim) }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Round(
            status: process.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errPath, encoding: .utf8), deleted: deleted,
            wasSignalled: process.terminationReason == .uncaughtSignal)
    }

    /// How long an uninterrupted run of `arguments` takes on a copy of `corpus`.
    static func duration(of arguments: [String], on corpus: String, in folder: TemporaryFolder) throws -> Double {
        let copy = folder.path + "/timing"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: corpus, toPath: copy)
        let start = Date()
        let run = try CLIRun.run(arguments, in: copy)
        #expect(run.status <= 1, "\(run.stderr)")
        try FileManager.default.removeItem(atPath: copy)
        return Date().timeIntervalSince(start)
    }

    /// The message of a caption file that cannot be read because it is gone.
    static func goneFinding(_ path: String) -> String {
        "Captions/\(path): error: file cannot be read (no such file or directory) [invalid-yaml]"
    }

    @Test func checkReportsAVanishedFileAtItsPathAndNeverCrashes() throws {
        let folder = try TemporaryFolder()
        let corpus = try ConcurrentWriterTests.generated(300, in: folder)
        let seconds = try Self.duration(of: ["check"], on: corpus, in: folder)
        var generator = SplitMix64(seed: 16)
        var caught = 0
        for round in 0..<8 {
            let copy = folder.path + "/round-\(round)"
            try FileManager.default.copyItem(atPath: corpus, toPath: copy)
            let run = try Self.race(["check"], in: copy, deleting: 40, within: seconds, generator: &generator)
            #expect(!run.wasSignalled && (run.status == 0 || run.status == 1), "round \(round): \(run.stderr)")
            // stderr holds only the summary: no error of the run itself.
            #expect(!run.stderr.contains("error:") && run.stderr.contains(" in "), "round \(round): \(run.stderr)")
            let gone = run.stdout.split(separator: "\n").filter { $0.contains("cannot be read") }
            for line in gone {
                // One line, at the path of a file this test deleted.
                let named = run.deleted.contains { line == Self.goneFinding($0) }
                #expect(named, "round \(round): \(line)")
            }
            caught += gone.count
            try FileManager.default.removeItem(atPath: copy)
        }
        print("vanishing files: check caught \(caught) files deleted after the listing in 8 rounds")
    }

    @Test func fmtExitsTwoNamingTheVanishedFileAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let corpus = try ConcurrentWriterTests.generated(300, in: folder)
        for file in Self.captionFiles(in: corpus + "/Captions") {
            // Four-space indentation: every file needs formatting.
            let path = corpus + "/Captions/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("  ") ? "  " + $0 : String($0) }.joined(separator: "\n")
            try Data(indented.utf8).write(to: URL(fileURLWithPath: path))
        }
        let before = try folder.contents(of: "corpus/Captions")
        let formatted = folder.path + "/formatted"
        try FileManager.default.copyItem(atPath: corpus, toPath: formatted)
        #expect(try CLIRun.run(["fmt"], in: formatted).status == 0)
        let after = try folder.contents(of: "formatted/Captions")
        let seconds = try Self.duration(of: ["fmt"], on: corpus, in: folder)
        var generator = SplitMix64(seed: 61)
        var refused = 0
        for round in 0..<8 {
            let copy = folder.path + "/round-\(round)"
            try FileManager.default.copyItem(atPath: corpus, toPath: copy)
            let run = try Self.race(["fmt"], in: copy, deleting: 30, within: seconds, generator: &generator)
            #expect(!run.wasSignalled && (run.status == 0 || run.status == 2), "round \(round): \(run.stderr)")
            var now = try folder.contents(of: "round-\(round)/Captions")
            now.removeValue(forKey: ".captions.lock")
            if run.status == 2 {
                refused += 1
                // One line naming a deleted file; nothing written.
                let lines = run.stderr.split(separator: "\n")
                #expect(lines.count == 1, "round \(round): \(run.stderr)")
                let named = run.deleted.contains { run.stderr.hasPrefix("Captions/\($0): error: ") }
                #expect(named, "round \(round): \(run.stderr)")
                #expect(now == before.filter { !run.deleted.contains($0.key) }, "round \(round): a file was written")
            } else {
                // Every file left is formatted; a deleted file stays deleted, unless it went
                // between fmt's last check and its rename (then it is back formatted).
                for (path, data) in now { #expect(data == after[path], "round \(round): \(path)") }
                let back = run.deleted.filter { now[$0] != nil }
                #expect(back.count <= 1, "round \(round): deleted files back: \(back)")
            }
            try FileManager.default.removeItem(atPath: copy)
        }
        print("vanishing files: fmt refused (exit 2, nothing written) in \(refused) of 8 rounds")
    }

    @Test func importNeverCrashesAndLosesNothingWhenFilesVanish() throws {
        let folder = try TemporaryFolder()
        let corpus = try ConcurrentWriterTests.generated(300, in: folder)
        let before = try folder.contents(of: "corpus/Captions")
        let imported = folder.path + "/imported"
        try FileManager.default.copyItem(atPath: corpus, toPath: imported)
        #expect(try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: imported).status == 0)
        let after = try folder.contents(of: "imported/Captions")
        let seconds = try Self.duration(of: ["import", "xliff/ru-kk.xlf"], on: corpus, in: folder)
        var generator = SplitMix64(seed: 160)
        var outcomes: [Int32: Int] = [:]
        for round in 0..<8 {
            let copy = folder.path + "/round-\(round)"
            try FileManager.default.copyItem(atPath: corpus, toPath: copy)
            let run = try Self.race(
                ["import", "xliff/ru-kk.xlf"], in: copy, deleting: 30, within: seconds, generator: &generator)
            #expect(!run.wasSignalled && run.status <= 2, "round \(round): \(run.stderr)")
            outcomes[run.status, default: 0] += 1
            var now = try folder.contents(of: "round-\(round)/Captions")
            now.removeValue(forKey: ".captions.lock")
            for (path, data) in now {
                #expect(data == before[path] || data == after[path], "round \(round): \(path) is neither old nor new")
            }
            if run.status == 2 {
                // One line naming a deleted file; nothing written.
                #expect(run.stderr.split(separator: "\n").count == 1, "round \(round): \(run.stderr)")
                let named = run.deleted.contains { run.stderr.hasPrefix("Captions/\($0): error: ") }
                #expect(named, "round \(round): \(run.stderr)")
                #expect(now == before.filter { !run.deleted.contains($0.key) }, "round \(round): a file was written")
            }
            try FileManager.default.removeItem(atPath: copy)
        }
        print("vanishing files: import exit codes over 8 rounds: \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test func aListedNameWithNoFileBehindItIsLocatedByEveryCommand() throws {
        let folder = try TemporaryFolder()
        let corpus = try ConcurrentWriterTests.generated(5, in: folder)
        let victim = Self.captionFiles(in: corpus + "/Captions")[2]
        // The name stays listed; the file behind it is gone.
        let path = corpus + "/Captions/" + victim
        try FileManager.default.removeItem(atPath: path)
        #expect(symlink("gone-meanwhile.yml", path) == 0)
        let before = try folder.contents(of: "corpus/Captions")

        let check = try CLIRun.run(["check"], in: corpus)
        #expect(check.status == 1)
        #expect(check.stdout.split(separator: "\n").contains { $0 == Self.goneFinding(victim) }, "\(check.stdout)")

        let fmt = try CLIRun.run(["fmt"], in: corpus)
        #expect(fmt.status == 2)
        #expect(fmt.stderr == "Captions/\(victim): error: cannot read: no such file or directory\n")
        #expect(try folder.contents(of: "corpus/Captions") == before)

        // The units of the unreadable exhibit are reported, naming its file and why it cannot
        // be read; the other exhibits are written, the name is left as it was.
        let imported = try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: corpus)
        #expect(imported.status == 1)
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        let id = ((victim as NSString).lastPathComponent as NSString).deletingPathExtension
        #expect(
            imported.stdout.contains(
                """
                unit '\(id).title' was not imported: Captions/\(victim) cannot be read as captions; fix it, then \
                import again [unknown-unit]
                Captions/\(victim): note: file cannot be read (no such file or directory)

                """))
        #expect(imported.stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count == 4)
        #expect(!imported.stdout.contains("wrote Captions/\(victim)"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == "gone-meanwhile.yml")
    }
}

/// A small seeded generator, so that a failing round can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
