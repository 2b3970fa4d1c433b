import Testing

@Suite struct VersionTests {
    @Test func versionPrintsAndExitsZero() throws {
        let run = try CLIRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }
}
