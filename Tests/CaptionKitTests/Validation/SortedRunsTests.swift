import Testing

@testable import CaptionKit

/// Joining findings sorted chunk by chunk gives what sorting them all at once gave.
@Suite struct SortedRunsTests {
    private func finding(_ path: String, _ line: Int, _ check: String = "c", _ message: String = "m", note: String = "")
        -> Diagnostic
    {
        // The note tells equal findings apart, to see that equal findings keep their order.
        Diagnostic(
            checkID: check, severity: .error, location: SourceLocation(path: path, line: line, column: 1),
            message: message,
            notes: note.isEmpty ? [] : [Diagnostic.Note(location: SourceLocation(path: path), message: note)])
    }

    /// `runs` and `rest` joined as ``Validator`` does, and the plain sort of their concatenation.
    private func both(_ runs: [[Diagnostic]], _ rest: [Diagnostic]) -> (joined: [Diagnostic], sorted: [Diagnostic]) {
        let joined = [Diagnostic].concatenatingSortedRuns(runs.map { $0.sortedForReport() }, then: rest)
        return (joined, (runs.flatMap { $0 } + rest).sortedForReport())
    }

    @Test func runsInOrderAreJoined() {
        let runs = [
            [finding("a", 2), finding("a", 1)], [], [finding("b", 1, "x"), finding("b", 1, "c")], [finding("c", 9)],
        ]
        let result = both(runs, [])
        #expect(result.joined == result.sorted)
    }

    @Test func runsOutOfOrderAreSortedAsOne() {
        let runs = [
            [finding("b", 1), finding("d", 1)], [finding("a", 5), finding("c", 1)], [finding("b", 1, "c", "a")],
        ]
        let result = both(runs, [])
        #expect(result.joined == result.sorted)
        #expect(result.joined.map(\.location.path) == ["a", "b", "b", "c", "d"])
    }

    @Test func equalFindingsKeepTheirOrderAcrossRunsAndRest() {
        let runs = [
            [finding("a", 1, note: "1"), finding("b", 1, note: "2")],
            [finding("b", 1, note: "3"), finding("c", 1, note: "4")],
        ]
        let rest = [
            finding("b", 1, note: "5"), finding("a", 1, note: "6"), finding("c", 2, note: "7"),
            finding("0", 1, note: "8"),
        ]
        let result = both(runs, rest)
        #expect(result.joined == result.sorted)
        #expect(result.joined.map { $0.notes.first?.message ?? "" } == ["8", "1", "6", "2", "3", "5", "4", "7"])
    }

    @Test func restAloneAndNothingAtAll() {
        let rest = [finding("z", 1), finding("a", 3), finding("a", 2)]
        #expect(both([], rest).joined == both([], rest).sorted)
        #expect(both([[], []], []).joined.isEmpty)
    }

    @Test func manyRandomRunsEqualOneSort() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let runs = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...8, using: &generator)).map { index in
                    finding(
                        ["a", "b", "c"].randomElement(using: &generator)!, Int.random(in: 1...3, using: &generator),
                        ["x", "y"].randomElement(using: &generator)!, ["m", "n"].randomElement(using: &generator)!,
                        note: "\(index)")
                }
            }
            let rest = (0..<Int.random(in: 0...4, using: &generator)).map { finding("b", $0 % 2 + 1, note: "r\($0)") }
            let result = both(runs, rest)
            #expect(result.joined == result.sorted)
        }
    }
}
