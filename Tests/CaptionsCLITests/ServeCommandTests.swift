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
        let help = try CLIRun.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: The curator's editor: edit a caption collection in the browser."))
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
