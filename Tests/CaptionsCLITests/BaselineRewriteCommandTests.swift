import Foundation
import Testing

/// `captions check --write-baseline` over an existing baseline: it says what it kept, dropped
/// and newly accepted, naming each finding accepted now, and keeps as they were the entries of a
/// file that cannot be read (a merge conflict), which the check does not call unused either.
@Suite struct BaselineRewriteCommandTests {
    static let wagon = "Captions/memorial-park/stalin-wagon.yml"
    static let kurt = "Captions/museum-second-floor/kurt-story.yml"
    static let baseline = "Captions/captions-baseline.json"

    /// The bundled museum with a repeated word in the wagon's English title (a warning) and the
    /// number 70 gone from its Kazakh text (an error).
    func museum() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try edit(Self.wagon, in: folder) {
            $0.replacingOccurrences(of: "en: A prisoner wagon from", with: "en: A prisoner wagon wagon from")
                .replacingOccurrences(of: "кемінде 70 адамды", with: "кемінде адамды")
        }
        return folder
    }

    func edit(_ relative: String, in folder: TemporaryFolder, _ change: (String) -> String) throws {
        let text = try folder.read(relative)
        try #require(change(text) != text, "the edit changed nothing in \(relative)")
        try folder.write(relative, change(text))
    }

    static let repeatedWagon =
        "\(wagon):5:7: newly accepted warning: title (en) repeats the word 'wagon' [repeated-word]\n"
    static let missing70 = """
        \(wagon):7:7: newly accepted error: text (kk) has other numbers than the Russian (ru) source: missing 70 \
        [number-mismatch]

        """

    @Test func aRewriteNamesTheFindingsItAcceptsNow() throws {
        let folder = try museum()
        let first = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(first.status == 0)
        #expect(first.stdout == Self.repeatedWagon + Self.missing70)
        #expect(
            first.stderr
                == "wrote 2 accepted findings to \(Self.baseline): 0 kept, 2 newly accepted, 0 dropped (no longer found)\n"
        )
        let written = try folder.read(Self.baseline)

        // Again: nothing new, the same bytes.
        let again = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(again.stdout.isEmpty)
        #expect(
            again.stderr
                == "wrote 2 accepted findings to \(Self.baseline): 2 kept, 0 newly accepted, 0 dropped (no longer found)\n"
        )
        #expect(try folder.read(Self.baseline) == written)

        // The number fixed, and a new error elsewhere: "write the baseline again" accepts it, and
        // says so.
        try edit(Self.wagon, in: folder) { $0.replacingOccurrences(of: "кемінде адамды", with: "кемінде 70 адамды") }
        try edit(Self.kurt, in: folder) { $0.replacingOccurrences(of: "en: Not stones", with: "en: Not not stones") }
        let unused = try CLIRun.run(["check"], in: folder.path)
        #expect(unused.stdout.contains("warning: baseline entry silences nothing: number-mismatch in "))
        let rewrite = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(rewrite.status == 0)
        #expect(
            rewrite.stdout
                == "\(Self.kurt):5:7: newly accepted warning: title (en) repeats the word 'not' [repeated-word]\n")
        #expect(
            rewrite.stderr
                == "wrote 2 accepted findings to \(Self.baseline): 1 kept, 1 newly accepted, 1 dropped (no longer found)\n"
        )

        // JSON says the same.
        try edit(Self.kurt, in: folder) { $0.replacingOccurrences(of: "en: Not not stones", with: "en: Not stones") }
        let json = try CLIRun.run(["check", "--write-baseline", "--format", "json"], in: folder.path)
        #expect(json.status == 0)
        #expect(json.stderr.isEmpty)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["entries"] as? Int == 1)
        #expect(document["kept"] as? Int == 1)
        #expect(document["dropped"] as? Int == 1)
        #expect((document["newlyAccepted"] as? [Any])?.isEmpty == true)
    }

    /// During a merge conflict in an exhibit file, its baseline entries are neither unused nor
    /// dropped: once the conflict is resolved, the findings they accepted are still accepted.
    @Test func theEntriesOfAFileInConflictAreKeptAsTheyWere() throws {
        let folder = try museum()
        #expect(try CLIRun.run(["check", "--write-baseline"], in: folder.path).status == 0)
        let written = try folder.read(Self.baseline)
        let resolved = try folder.read(Self.wagon)
        try folder.write(Self.wagon, "<<<<<<< HEAD\n" + resolved + "=======\n" + resolved + ">>>>>>> theirs\n")

        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("\(Self.wagon):1:1: error: unresolved merge conflict: "))
        #expect(check.stdout.split(separator: "\n").count == 1, "\(check.stdout)")
        #expect(!check.stdout.contains("unused-exception"))

        let write = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(write.status == 0)
        #expect(write.stdout.isEmpty)
        #expect(
            write.stderr == """
                wrote 2 accepted findings to \(Self.baseline): 2 kept, 0 newly accepted, 0 dropped (no longer \
                found); 2 entries kept as they were for 1 file that cannot be read as captions (fix it, then write \
                the baseline again); 1 finding cannot be accepted and must be fixed (unreadable or skipped files, \
                exceptions' own problems): run captions check

                """)
        #expect(try folder.read(Self.baseline) == written)

        // The conflict resolved: the accepted findings are still accepted.
        try folder.write(Self.wagon, resolved)
        let clean = try CLIRun.run(["check"], in: folder.path)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
    }

    /// A sync cut short is a file that cannot be read too; an entry of another, readable file
    /// whose finding is gone is still unused.
    @Test func aFileCutShortKeepsItsEntriesAndOthersAreStillJudged() throws {
        let folder = try museum()
        try edit(Self.kurt, in: folder) { $0.replacingOccurrences(of: "en: Not stones", with: "en: Not not stones") }
        #expect(try CLIRun.run(["check", "--write-baseline"], in: folder.path).status == 0)
        try edit(Self.kurt, in: folder) { $0.replacingOccurrences(of: "en: Not not stones", with: "en: Not stones") }
        // Cut inside a letter, as a sync cut short may: not UTF-8 any more. (A cut between
        // lines can leave a file that reads, with texts missing: that is checked as it is.)
        let url = URL(fileURLWithPath: folder.path + "/" + Self.wagon)
        let data = try Data(contentsOf: url)
        let cut = try #require(data.indices.first { $0 >= 1200 && data[$0] & 0xC0 == 0x80 })
        try Data(data.prefix(cut)).write(to: url)

        let check = try CLIRun.run(["check"], in: folder.path)
        let unused = check.stdout.split(separator: "\n").filter { $0.hasSuffix("[unused-exception]") }
        #expect(unused.count == 1)
        #expect(unused.first?.contains("repeated-word in museum-second-floor/kurt-story.yml") == true)

        let write = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(write.stdout.isEmpty)
        #expect(
            write.stderr.hasPrefix(
                """
                wrote 2 accepted findings to \(Self.baseline): 2 kept, 0 newly accepted, 1 dropped (no longer found); 2 \
                entries kept as they were for 1 file that cannot be read as captions
                """))
        let baseline = try folder.read(Self.baseline)
        #expect(baseline.components(separatedBy: "\"path\":\"memorial-park/stalin-wagon.yml\"").count == 3)
        #expect(!baseline.contains("kurt-story"))
    }
}
