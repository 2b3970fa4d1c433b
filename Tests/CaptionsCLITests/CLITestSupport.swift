import Foundation

/// Runs the built `captions` binary and captures its output, for end-to-end tests.
struct CLIRun {
    /// Standard output.
    var stdout: String
    /// Standard error.
    var stderr: String
    /// The exit code.
    var status: Int32

    /// The `captions` executable next to the test bundle in the build folder.
    static var binary: URL {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("captions")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url = url.deletingLastPathComponent()
        }
        // `swift test` runs tests from the products folder, where the binary is built too.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var folder = products
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("captions")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return products.appendingPathComponent("captions")
    }

    /// Runs `/usr/bin/git` in `folder` as the curator who commits in the tests; requires exit 0
    /// and gives standard output without its line breaks at the ends.
    static func git(_ arguments: [String], in folder: String) throws -> String {
        let run = try CLIRun.run(
            ["-C", folder, "-c", "user.name=Curator", "-c", "user.email=curator@example.org"] + arguments,
            executable: URL(fileURLWithPath: "/usr/bin/git"))
        guard run.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "git \(arguments): \(run.stderr)"])
        }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `captions` (or another `executable`) with `arguments` in `directory`, with
    /// `environment` added to this process's environment.
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        executable: URL = binary
    ) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a large report cannot fill a pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The line `captions check` writes after its summary when translations have no record of
    /// their source (a collection typed by hand, as most test collections are).
    static func untrackedNote(_ translations: Int, in exhibits: Int) -> String {
        """
        note: \(translations) translations in \(exhibits) exhibit\(exhibits == 1 ? "" : "s") have no record of their \
        source, so edits to the source will not mark them stale; run captions accept --untracked to start tracking \
        them\n
        """
    }
}
