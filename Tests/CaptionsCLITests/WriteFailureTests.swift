import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Write failures with real processes: a file size limit, a full disk, a read-only folder, and a
/// file changed between reading and writing. Every writing command exits 2 with one located
/// line, changes no caption file and leaves no temporary file.
@Suite struct WriteFailureTests {
    /// A generated collection of `count` exhibits without Kazakh, and its XLIFF.
    static func corpus(_ count: Int, in folder: TemporaryFolder) throws -> String {
        try ConcurrentWriterTests.generated(count, in: folder)
    }

    /// Every file below `root` (relative path → bytes), temporaries and lock file included.
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isFolder), !isFolder.boolValue {
                result[file] = FileManager.default.contents(atPath: root + "/" + file)
            }
        }
        return result
    }

    /// Runs `captions` under `prlimit` with a file size limit of `bytes`.
    static func runLimited(_ bytes: Int, _ arguments: [String], in directory: String) throws -> CLIRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--fsize=\(bytes)", CLIRun.binary.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
        return CLIRun(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The one stderr line of a failed write: `path: error: cannot write: reason`.
    static func expectOneLocatedLine(_ run: CLIRun, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, sourceLocation: sourceLocation)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(
            lines.first.map { $0.hasPrefix("Captions/") && $0.hasSuffix(": error: cannot write: " + reason) } == true,
            "\(run.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aFileSizeLimitFailsImportAndFmtWithoutChangingAFile() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            print("⚠️ SKIPPING the file size limit test: /usr/bin/prlimit (util-linux) is missing")
            return
        }
        let folder = try TemporaryFolder()
        let corpus = try Self.corpus(20, in: folder)
        let before = Self.snapshot(corpus + "/Captions")
        // Below the size of the largest imported file, above every file as it is now.
        let limit = before.values.map(\.count).max()! + 1
        let run = try Self.runLimited(limit, ["import", "xliff/ru-kk.xlf"], in: corpus)
        Self.expectOneLocatedLine(run, reason: "File too large")
        #expect(Self.snapshot(corpus + "/Captions") == before)

        try folder.write(
            "corpus/Captions/zz/long.yml", "id: long\ntitle:\n      ru: " + String(repeating: "к", count: 900) + "\n")
        try folder.write("corpus/Captions/aa/short.yml", "id: short\ntitle:\n      ru: Курт\n")
        let unformatted = Self.snapshot(corpus + "/Captions")
        let format = try Self.runLimited(1000, ["fmt"], in: corpus)
        Self.expectOneLocatedLine(format, reason: "File too large")
        #expect(Self.snapshot(corpus + "/Captions") == unformatted)
    }

    /// A small tmpfs mounted for the test (root only; skipped, saying so, elsewhere).
    final class SmallDisk {
        let path: String
        init?(bytes: Int) {
            path = NSTemporaryDirectory() + "captions-disk-" + UUID().uuidString
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            guard getuid() == 0,
                (try? runTool("mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]))?.status == 0
            else {
                try? FileManager.default.removeItem(atPath: path)
                return nil
            }
        }
        func remountReadOnly() -> Bool { (try? runTool("mount", ["-o", "remount,ro", path]))?.status == 0 }
        deinit {
            _ = try? runTool("umount", [path])
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    @Test func aFullDiskFailsImportWithoutChangingAFile() throws {
        guard let disk = SmallDisk(bytes: 4 << 20) else {
            print("⚠️ SKIPPING the full-disk test: mounting a tmpfs needs root")
            return
        }
        let folder = try TemporaryFolder()
        let corpus = try Self.corpus(20, in: folder)
        try FileManager.default.copyItem(atPath: corpus, toPath: disk.path + "/c")
        // Fill the disk to the last byte.
        let filler = open(disk.path + "/c/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(filler, $0.baseAddress, 4096) }) > 0 {}
        close(filler)
        let before = Self.snapshot(disk.path + "/c/Captions")
        let run = try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: disk.path + "/c")
        Self.expectOneLocatedLine(run, reason: "No space left on device")
        #expect(Self.snapshot(disk.path + "/c/Captions") == before)
    }

    /// A report that cannot be written (standard output on a full disk) is one line and exit 2,
    /// not a crash with a backtrace: a CI step must not take a cut-off report for a whole one.
    @Test func aReportThatCannotBeWrittenIsOneLineAndExit2() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
            print("⚠️ SKIPPING the unwritable report test: /dev/full is missing")
            return
        }
        let folder = try TemporaryFolder()
        let corpus = try Self.corpus(3, in: folder)
        for arguments in [["check", "Captions", "--format", "json"], ["status", "Captions"]] {
            let process = Process()
            process.executableURL = CLIRun.binary
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: corpus)
            process.standardOutput = full
            let err = Pipe()
            process.standardError = err
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "\(arguments): killed by signal \(process.terminationStatus)")
            #expect(process.terminationStatus == 2, "\(arguments)")
            #expect(
                stderr.split(separator: "\n").last == "error: cannot write to standard output: No space left on device",
                "\(arguments): \(stderr)")
        }
    }

    /// A non-blocking standard output (as some CI runners hand down) that fills up is waited
    /// for, not taken for a failure: the whole report arrives, and the exit code is the check's.
    @Test func aFullNonBlockingStandardOutputIsWaitedFor() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.corpus(200, in: folder)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        #expect(fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK) == 0)
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = ["check", "Captions", "--format", "json"]
        process.currentDirectoryURL = URL(fileURLWithPath: corpus)
        process.standardOutput = FileHandle(fileDescriptor: ends[1])
        let err = Pipe()
        process.standardError = err
        try process.run()
        close(ends[1])
        // Read nothing until the pipe has long been full.
        Thread.sleep(forTimeInterval: 2)
        let reader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let report = reader.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(report.count > 65_536, "the report must not fit the pipe for the test to mean anything")
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(!stderr.contains("cannot write"), "\(stderr)")
        #expect(try JSONSerialization.jsonObject(with: report) is [String: Any])
    }

    @Test func aReadOnlyFolderFailsImportAndFmtWithoutChangingAFile() throws {
        guard let disk = SmallDisk(bytes: 16 << 20) else {
            print("⚠️ SKIPPING the read-only folder test: mounting a tmpfs needs root")
            return
        }
        let folder = try TemporaryFolder()
        let corpus = try Self.corpus(20, in: folder)
        try FileManager.default.copyItem(atPath: corpus, toPath: disk.path + "/c")
        try Data("id: a\ntitle:\n      ru: Курт\n".utf8).write(
            to: URL(fileURLWithPath: disk.path + "/c/Captions/a.yml"))
        #expect(disk.remountReadOnly())
        let before = Self.snapshot(disk.path + "/c/Captions")
        Self.expectOneLocatedLine(
            try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: disk.path + "/c"), reason: "Read-only file system")
        Self.expectOneLocatedLine(try CLIRun.run(["fmt"], in: disk.path + "/c"), reason: "Read-only file system")
        #expect(Self.snapshot(disk.path + "/c/Captions") == before)
    }

    /// `fmt` waits for the collection lock; meanwhile a curator changes one of the files it
    /// reformats: that file is a conflict, and no file is replaced.
    @Test func aFileChangedBeforeTheRenameIsAConflictAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/a.yml", "id: a\ntitle:\n      ru: Курт\n")
        try folder.write("Captions/b.yml", "id: b\ntitle:\n      ru: Барак\n")
        let holder = ConcurrentWriterTests.holdLock(of: folder.path + "/Captions", as: "pid 4242 (captions import)")
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = ["fmt"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.environment = ProcessInfo.processInfo.environment.merging(["CAPTIONS_LOCK_TIMEOUT": "60"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for fmt's notice that it waits for the lock: it has read and formatted both files.
        var stderr = Data()
        while !String(decoding: stderr, as: UTF8.self).contains("\n") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr.append(chunk)
        }
        try folder.write("Captions/b.yml", "id: b\ntitle:\n      ru: Барак № 2\n")
        unlink(folder.path + "/Captions/.captions.lock")
        close(holder)
        stderr.append(err.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(
            String(decoding: stderr, as: UTF8.self) == """
                Captions/.captions.lock: waiting up to 60 s for pid 4242 (captions import), which is writing the \
                collection
                Captions/b.yml: error: the file changed on disk since it was read (another command or the editor wrote it); nothing was written: run the command again\n
                """)
        #expect(try folder.read("Captions/a.yml") == "id: a\ntitle:\n      ru: Курт\n")
        #expect(try folder.read("Captions/b.yml") == "id: b\ntitle:\n      ru: Барак № 2\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Captions").sorted() == [
                "a.yml", "b.yml",
            ])
    }
}
