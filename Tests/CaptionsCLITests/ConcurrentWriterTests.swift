import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Two writers at once, with real processes: the collection's lock (`.captions.lock`) makes the
/// second wait or give up naming the first, and a file changed since it was read is a conflict,
/// never overwritten.
@Suite struct ConcurrentWriterTests {
    /// A generated collection without Kazakh and the XLIFF that brings it (`Benchmarks/gen_corpus.py`).
    static func generated(_ count: Int, in folder: TemporaryFolder, name: String = "corpus") throws -> String {
        let out = folder.path + "/" + name
        // The XLIFF of the full collection (with its Kazakh targets) goes with the collection
        // generated without Kazakh: the generator gives both the same texts.
        for (target, options) in [(out + "-full", ["--xliff"]), (out, ["--omit", "kk"])] {
            let generator = try runTool(
                "python3",
                [
                    TemporaryFolder.repositoryRoot + "/Benchmarks/gen_corpus.py", "--out", target, "--count",
                    "\(count)", "--missing-rate", "0", "--no-po", "--quiet", "--force",
                ] + options)
            #expect(generator.status == 0, "\(generator.output)")
        }
        try FileManager.default.moveItem(atPath: out + "-full/xliff", toPath: out + "/xliff")
        try FileManager.default.removeItem(atPath: out + "-full")
        return out
    }

    /// Holds the lock of `collection` from this process as another writer would (the lock file
    /// naming `holder`); returns the descriptor to close.
    static func holdLock(of collection: String, as holder: String) -> Int32 {
        let descriptor = open(collection + "/.captions.lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = (holder + "\n").withCString { write(descriptor, $0, strlen($0)) }
        return descriptor
    }

    @Test func aSecondWriterGivesUpNamingTheHolderAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.generated(30, in: folder)
        let before = try folder.contents(of: "corpus/Captions")
        let holder = Self.holdLock(of: corpus + "/Captions", as: "pid 4242 (captions fmt)")
        defer { close(holder) }
        let run = try CLIRun.run(
            ["import", "xliff/ru-kk.xlf"], in: corpus, environment: ["CAPTIONS_LOCK_TIMEOUT": "0"])
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                Captions/.captions.lock: error: cannot write: the collection is being written by pid 4242 (captions \
                fmt); nothing was written, try again later\n
                """)
        var after = try folder.contents(of: "corpus/Captions")
        #expect(after.removeValue(forKey: ".captions.lock") != nil)  // the holder's, still held
        #expect(after == before)
    }

    @Test func aSecondWriterWaitsWithAMessageAndThenWrites() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.generated(30, in: folder)
        let holder = Self.holdLock(of: corpus + "/Captions", as: "pid 4242 (captions fmt)")
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = ["import", "xliff/ru-kk.xlf"]
        process.currentDirectoryURL = URL(fileURLWithPath: corpus)
        process.environment = ProcessInfo.processInfo.environment.merging(["CAPTIONS_LOCK_TIMEOUT": "60"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The import says that it waits; then the holder finishes as a writer does.
        var stderr = Data()
        while !stderr.contains(UInt8(ascii: "\n")) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stderr.append(chunk)
        }
        unlink(corpus + "/Captions/.captions.lock")
        close(holder)
        stderr.append(err.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: stderr, as: UTF8.self))")
        #expect(
            String(decoding: stderr, as: UTF8.self) == """
                Captions/.captions.lock: waiting up to 60 s for pid 4242 (captions fmt), which is writing the \
                collection\n
                """)
        #expect(try folder.read("corpus/Captions/" + Self.firstExhibit(corpus)).contains("\n  kk: "))
        #expect(!FileManager.default.fileExists(atPath: corpus + "/Captions/.captions.lock"))
    }

    static func firstExhibit(_ corpus: String) throws -> String {
        let files = FileManager.default.enumerator(atPath: corpus + "/Captions")!.compactMap { $0 as? String }
        return try #require(files.filter { $0.hasSuffix(".yml") && $0 != "captions.yml" }.sorted().first)
    }

    /// Two `captions import`s of the same file started together on 1,500 exhibits: whatever the
    /// timing, the files end as one import leaves them, each run exits 0 (it wrote, or found
    /// nothing left to do) or 2 (its files changed meanwhile: nothing written), and no lock or
    /// temporary file is left.
    @Test func twoImportsAtOnceLeaveWhatOneImportLeaves() throws {
        let folder = try TemporaryFolder()
        let corpus = try Self.generated(1500, in: folder)
        let reference = try Self.generated(1500, in: folder, name: "reference")
        #expect(try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: reference).status == 0)
        for round in 0..<3 {
            if round > 0 {
                try FileManager.default.removeItem(atPath: corpus)
                _ = try Self.generated(1500, in: folder)
            }
            let runs = try Self.inParallel(2) {
                try CLIRun.run(["import", "xliff/ru-kk.xlf"], in: corpus, environment: ["CAPTIONS_LOCK_TIMEOUT": "60"])
            }
            #expect(runs.contains { $0.status == 0 })
            for run in runs {
                #expect(run.status == 0 || run.status == 2, "\(run.stderr)")
                if run.status == 2 {
                    #expect(
                        run.stderr.contains(
                            "error: the file changed on disk since it was read (another command or the editor wrote it); nothing was written: run the command again"
                        ))
                }
            }
            #expect(try folder.contents(of: "corpus/Captions") == folder.contents(of: "reference/Captions"))
        }
    }

    /// Runs `body` on `count` threads at once and returns the results in order.
    static func inParallel(_ count: Int, _ body: @escaping @Sendable () throws -> CLIRun) throws -> [CLIRun] {
        let results = Results(count: count)
        let group = DispatchGroup()
        for index in 0..<count {
            DispatchQueue.global().async(group: group) { results.set(index, Result { try body() }) }
        }
        group.wait()
        return try results.values.map { try $0!.get() }
    }
}

/// Results written from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<CLIRun, any Error>?]
    init(count: Int) { stored = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<CLIRun, any Error>) { lock.withLock { stored[index] = value } }
    var values: [Result<CLIRun, any Error>?] { lock.withLock { stored } }
}
