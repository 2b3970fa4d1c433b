import Foundation
import Testing

/// The help of every command reads as wrapped prose: no line of a paragraph ends early
/// because a line break was left inside a `discussion` string, and no example is too long for
/// an 80-column terminal (the help formatter would fold it into a line that is not a command).
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["check"], ["status"], ["export", "xliff"], ["export", "signage"], ["export", "glossary"],
        ["export", "tmx"], ["import"], ["fmt"], ["accept"], ["init"], ["new"], ["review"], ["approve"], ["diff"],
    ]

    /// Pairs of consecutive prose lines where the second line's first word would have fit on
    /// the first (ArgumentParser keeps lines under 80 columns), so the break came from the source.
    static func earlyBreaks(in help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let discussion = lines.prefix { !$0.hasPrefix("USAGE:") }
        var found: [String] = []
        for (line, next) in zip(discussion, discussion.dropFirst()) {
            // Example lines are indented; blank lines end paragraphs.
            guard !line.isEmpty, !next.isEmpty, !line.hasPrefix(" "), !next.hasPrefix(" ") else { continue }
            let firstWord = next.split(separator: " ").first.map(String.init) ?? ""
            if line.count + 1 + firstWord.count < 80 { found.append("\(line) ⏎ \(next)") }
        }
        return found
    }

    /// The lines of the `Example:` / `Examples:` blocks that are not indented commands: the
    /// folded rest of an example too long for the line.
    static func foldedExamples(in help: String) -> [String] {
        var found: [String] = []
        var inExamples = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Example") && line.hasSuffix(":") {
                inExamples = true
            } else if line.isEmpty {
                inExamples = false
            } else if inExamples && !line.hasPrefix("  ") {
                found.append(String(line))
            }
        }
        return found
    }

    @Test(arguments: commands) func helpParagraphsAreWrappedOnlyByTheHelpFormatter(command: [String]) throws {
        let run = try CLIRun.run(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: captions"))
        #expect(Self.earlyBreaks(in: run.stdout) == [])
        #expect(Self.foldedExamples(in: run.stdout) == [])
    }

    @Test(arguments: [["serve"], ["hash-password"]])
    func theEditorsHelpIsWrappedOnlyByTheHelpFormatter(command: [String]) throws {
        let editor = CLIRun.binary.deletingLastPathComponent().appendingPathComponent("captions-editor")
        try #require(
            FileManager.default.isExecutableFile(atPath: editor.path),
            "build the editor first: swift build --product captions-editor (.ci/test does)")
        let run = try CLIRun.run(command + ["--help"], executable: editor)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: captions-editor"))
        #expect(Self.earlyBreaks(in: run.stdout) == [])
        #expect(Self.foldedExamples(in: run.stdout) == [])
    }

    @Test func anEarlyBreakIsFound() {
        let help = "Accepted findings: an ignore list accepts one check's findings\nthere, and more.\n\nUSAGE: x"
        #expect(Self.earlyBreaks(in: help).count == 1)
        #expect(Self.earlyBreaks(in: "Examples:\n  captions check\n\nUSAGE: x") == [])
    }

    @Test func aFoldedExampleIsFound() {
        let help = "Examples:\n  captions check\n  captions review wagon --by \"Aigerim\nB.\"\n\nUSAGE: x"
        #expect(Self.foldedExamples(in: help) == ["B.\""])
        #expect(Self.foldedExamples(in: "Example (type it):\n  captions x\n\nprose after a blank\n") == [])
    }
}
