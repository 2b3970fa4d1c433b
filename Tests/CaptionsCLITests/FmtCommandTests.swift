import Foundation
import Testing

/// End-to-end runs of `captions fmt`.
@Suite struct FmtCommandTests {
    @Test func checkListsFilesThatWouldChangeAndExitsOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/park/a.yml", "title:\n    ru: Курт\nid: a\n")
        try folder.write("Captions/park/b.yml", "id: b\ntitle:\n  ru: Курт\n")
        let check = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stdout == "Captions/park/a.yml\n")
        #expect(check.stderr == "1 file would be reformatted, 2 files checked\n")
        #expect(try folder.read("Captions/park/a.yml") == "title:\n    ru: Курт\nid: a\n")

        let run = try CLIRun.run(["fmt"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "formatted Captions/park/a.yml\n")
        #expect(try folder.read("Captions/park/a.yml") == "id: a\ntitle:\n  ru: Курт\n")
        let again = try CLIRun.run(["fmt", "--check"], in: folder.path)
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
    }

    @Test func filesWithCommentsOrErrorsAreReportedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/a.yml", "id: a # the id\ntitle:\n    ru: Курт\n")
        try folder.write("Captions/b.yml", "id: [b\n")
        let run = try CLIRun.run(["fmt"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                """
                Captions/a.yml:1:7: warning: not formatted: the file has a comment, which captions fmt cannot keep; \
                move it to notes: or delete it, then format again
                Captions/b.yml:2:1: warning: not formatted: the file has errors (invalid YAML:
                """))
        #expect(try folder.read("Captions/a.yml") == "id: a # the id\ntitle:\n    ru: Курт\n")
        #expect(try folder.read("Captions/b.yml") == "id: [b\n")
    }

    @Test func theBundledMuseumPassesFmtCheck() throws {
        let folder = try TemporaryFolder()
        let captions = try folder.copyBundledCaptions()
        let run = try CLIRun.run(["fmt", "--check", captions])
        #expect(run.status == 0)
        #expect(run.stderr == "0 files would be reformatted, 20 files checked\n")
    }
}
