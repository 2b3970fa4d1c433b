import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Things that are not files where files should be: a folder named `captions.yml`, a named pipe
/// (FIFO) or a socket named like a caption file. Each is named in a one-line message; none
/// blocks a run.
@Suite struct OddFilesCommandTests {
    @Test func captionsYmlThatIsAFolderSaysSo() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.path + "/Captions/captions.yml", withIntermediateDirectories: true)
        try folder.write("Captions/a.yml", "id: a\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "Captions/captions.yml: error: cannot read: is a folder, not a file\n")
    }

    @Test func captionsYmlThatIsAFIFOIsRefusedWithoutWaiting() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/a.yml", "id: a\n")
        #expect(mkfifo(folder.path + "/Captions/captions.yml", 0o644) == 0)
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "Captions/captions.yml: error: cannot read: is a named pipe (FIFO), not a file\n")
    }

    /// A FIFO (nobody writing to it) and a socket named like exhibit files: `check` reports each
    /// at its path and goes on; `fmt` skips them; neither waits.
    @Test func aFIFOOrSocketWhereACaptionFileShouldBeIsSkippedWithAFinding() throws {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        #expect(mkfifo(folder.path + "/Captions/pipe.yml", 0o644) == 0)
        let socketPath = folder.path + "/Captions/socket.yml"
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        let hasSocket = bound == 0 && socketPath.utf8.count < 108
        let started = Date()
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "Captions/pipe.yml: error: a named pipe (FIFO) stands where a caption file should be; skipped "
                    + "[invalid-yaml]\n"))
        if hasSocket {
            #expect(
                check.stdout.contains(
                    "Captions/socket.yml: error: a socket stands where a caption file should be; skipped "
                        + "[invalid-yaml]\n"
                ))
        }
        let format = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(
            format.stderr.contains(
                "Captions/pipe.yml: warning: not formatted: the file is a named pipe (FIFO), not a caption file\n"))
        #expect(format.status == 1)
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
