import Foundation
import Testing

@Suite struct ServeCommandTests {
    /// `captions serve` passes its arguments to the captions-editor beside it and exits with its status.
    @Test func serveRunsTheEditorBesideItWithTheSameArguments() throws {
        let editor = CLIRun.binary.deletingLastPathComponent().appendingPathComponent("captions-editor")
        try #require(
            FileManager.default.isExecutableFile(atPath: editor.path),
            "build the editor first: swift build --product captions-editor (.ci/test does)")
        let run = try CLIRun.run(["serve", "hash-password", "--cost", "99"])
        #expect(run.status == 2)
        #expect(run.stderr == "captions-editor: error: --cost must be 10-16\n")
        // The serve options, not the editor's list of subcommands (which has no options).
        let help = try CLIRun.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Serve the editor for a collection (the default command)."))
        #expect(help.stdout.contains("--port <port>"))
        #expect(help.stdout.contains("--password-file"))
        let passwordHelp = try CLIRun.run(["serve", "hash-password", "--help"])
        #expect(passwordHelp.status == 0)
        #expect(passwordHelp.stdout.contains("--cost"))
    }

    /// Installed on PATH, the editor reads the `captions-editor-resources` folder beside it (it
    /// looked beside the bare name it was started with, so it fell back to the source tree).
    @Test func theEditorOnPathReadsTheResourcesBesideIt() throws {
        let editor = CLIRun.binary.deletingLastPathComponent().appendingPathComponent("captions-editor")
        try #require(
            FileManager.default.isExecutableFile(atPath: editor.path),
            "build the editor first: swift build --product captions-editor (.ci/test does)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("path-\(UUID().uuidString)")
        let interface = folder.appendingPathComponent("captions-editor-resources/Interface")
        try FileManager.default.createDirectory(at: interface, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Resources that cannot be read: the editor must stop naming them, not start with others.
        try Data("languages: [kk, ru, en\n".utf8).write(to: interface.appendingPathComponent("captions.yml"))
        try FileManager.default.linkItem(at: editor, to: folder.appendingPathComponent("captions-editor"))
        let collection = FileManager.default.currentDirectoryPath + "/Captions"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "PATH=\(folder.path)", "captions-editor", collection, "--port", "\(Int.random(in: 20000...60000))",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = err
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let started = process.isRunning
        if started { process.terminate() }
        process.waitUntilExit()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!started, "it started with other resources: \(output)")
        #expect(process.terminationStatus != 0)
        #expect(output.contains(interface.path + "/captions.yml"), "\(output)")
    }

    /// Without the editor beside it, `captions serve` says how to build it and exits with 2.
    @Test func serveWithoutTheEditorSaysHowToBuildIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("captions")
        try FileManager.default.copyItem(at: CLIRun.binary, to: alone)
        let process = Process()
        process.executableURL = alone
        process.arguments = ["serve", "--port", "9000"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(
            stderr == """
                error: the editor is not built: \(folder.appendingPathComponent("captions-editor").path) is missing. \
                Build it with `swift build --product captions-editor` (or `swift build -c release --product \
                captions-editor`), then run `captions serve` again

                """)
    }
}
