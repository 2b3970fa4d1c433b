import Foundation
import Testing

/// A command that names an exhibit whose file cannot be read as captions (a sync cut short, a
/// merge conflict, a file saved as UTF-16) says so at the file, exit 2, and writes nothing: it
/// does not say there is no such exhibit, and `new` does not make a second one with its id.
@Suite struct UnreadableExhibitCommandTests {
    static let wagon = "Captions/memorial-park/stalin-wagon.yml"
    static let kurt = "Captions/museum-second-floor/kurt-story.yml"

    /// The bundled museum with the file at `relative` replaced by `bytes(original)`.
    func museum(replacing relative: String, _ bytes: (Data) -> Data) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        let url = URL(fileURLWithPath: folder.path + "/" + relative)
        try bytes(try Data(contentsOf: url)).write(to: url)
        return folder
    }

    /// The file with git's conflict markers around two copies of it.
    static func conflicted(_ data: Data) -> Data {
        Data("<<<<<<< HEAD\n".utf8) + data + Data("=======\n".utf8) + data + Data(">>>>>>> theirs\n".utf8)
    }

    /// Runs each exhibit command on `id` and expects exit 2, `stderr` alone, and no file changed.
    func expectRefused(_ id: String, in folder: TemporaryFolder, stderr: String) throws {
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/Captions").sorted()
        let bytes = try before.map { try? Data(contentsOf: URL(fileURLWithPath: folder.path + "/Captions/" + $0)) }
        for arguments in [
            ["accept", id], ["accept", id, "--field", "title", "--lang", "kk"], ["review", id, "--by", "X"],
            ["approve", id, "--by", "X"], ["diff", id],
        ] {
            let run = try CLIRun.run(arguments, in: folder.path, environment: ["SOURCE_DATE_EPOCH": "1796428800"])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr == stderr, "\(arguments)")
        }
        let after = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/Captions").sorted()
        #expect(after == before)
        #expect(
            try after.map { try? Data(contentsOf: URL(fileURLWithPath: folder.path + "/Captions/" + $0)) } == bytes)
    }

    @Test func aFileCutShortIsNamedWithWhyItCannotBeRead() throws {
        let folder = try museum(replacing: Self.wagon) { $0.prefix(1200) }
        try expectRefused(
            "stalin-wagon", in: folder,
            stderr: """
                \(Self.wagon):14:54: error: \(Self.wagon) cannot be read as captions: file is not valid UTF-8 text; \
                fix it, then run the command again

                """)
    }

    @Test func aFileWithConflictMarkersIsNamedAtTheFirstMarker() throws {
        let folder = try museum(replacing: Self.kurt, Self.conflicted)
        try expectRefused(
            "kurt-story", in: folder,
            stderr: """
                \(Self.kurt):1:1: error: \(Self.kurt) cannot be read as captions: unresolved merge conflict: choose \
                one of the two versions (or combine them by hand), delete the <<<<<<<, ======= and >>>>>>> lines and \
                check again; fix it, then run the command again

                """)
    }

    @Test func aFileSavedAsUTF16IsNamed() throws {
        let folder = try museum(replacing: Self.wagon) { data in
            Data([0xFF, 0xFE]) + String(decoding: data, as: UTF8.self).data(using: .utf16LittleEndian)!
        }
        try expectRefused(
            "stalin-wagon", in: folder,
            stderr: """
                \(Self.wagon):1:1: error: \(Self.wagon) cannot be read as captions: file is not valid UTF-8 text: it \
                is saved as UTF-16 (Windows Notepad calls it "Unicode"); save it as UTF-8; fix it, then run the command \
                again

                """)
    }

    /// An id no file has, readable or not, is still an unknown exhibit.
    @Test func anUnknownIdIsStillUnknown() throws {
        let folder = try museum(replacing: Self.kurt, Self.conflicted)
        let run = try CLIRun.run(["accept", "kurt-storey"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: no exhibit with id 'kurt-storey' in Captions"), "\(run.stderr)")
    }

    @Test func newRefusesTheIdOfAFileItCannotRead() throws {
        let folder = try museum(replacing: Self.kurt, Self.conflicted)
        let run = try CLIRun.run(["new", "kurt-story", "--gallery", "barracks"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                \(Self.kurt):1:1: error: \(Self.kurt) cannot be read as captions: unresolved merge conflict: choose \
                one of the two versions (or combine them by hand), delete the <<<<<<<, ======= and >>>>>>> lines and \
                check again; it may hold the exhibit 'kurt-story'; fix it, then run the command again

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Captions/barracks/kurt-story.yml"))
        // Another id is created as before.
        let other = try CLIRun.run(["new", "kurt-letter", "--gallery", "barracks"], in: folder.path)
        #expect(other.status == 0)
        #expect(other.stdout == "created Captions/barracks/kurt-letter.yml\n")
    }
}

/// The commands over every exhibit (`accept --untracked`, `approve --all-reviewed`) pass over a
/// file that cannot be read as captions with a warning at its first problem, do the other files,
/// count the skipped ones and exit 1: they do not say that nothing is left to do.
@Suite struct UnreadableFilePassedOverCommandTests {
    static let conflict = """
        cannot be read as captions: unresolved merge conflict: choose one of the two versions (or combine them \
        by hand), delete the <<<<<<<, ======= and >>>>>>> lines and check again; skipped: fix it, then run the \
        command again
        """
    static let utf16 = """
        cannot be read as captions: file is not valid UTF-8 text: it is saved as UTF-16 (Windows Notepad calls \
        it "Unicode"); save it as UTF-8; skipped: fix it, then run the command again
        """

    /// `text` with git's conflict markers around two copies of it.
    static func conflicted(_ text: String) -> String {
        String(decoding: UnreadableExhibitCommandTests.conflicted(Data(text.utf8)), as: UTF8.self)
    }

    /// What `accept --untracked` records in a.yml of the accept tests' collection.
    static let recordedA = """
        wrote Captions/g/a.yml (4 translations of a)
        recorded the source of 4 translations in 1 exhibit file: editing that source now marks them stale

        """

    @Test func acceptUntrackedRecordsTheOtherFilesAndNamesTheOneItCannotRead() throws {
        let folder = try AcceptUntrackedCommandTests.collection()
        let b = "Captions/g/b.yml"
        try folder.write(b, Self.conflicted(try folder.read(b)))
        let conflicted = try folder.read(b)
        let run = try CLIRun.run(["accept", "--untracked"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                \(Self.recordedA)skipped 1 exhibit file that cannot be read as captions

                """)
        #expect(run.stderr == "\(b):1:1: warning: \(b) \(Self.conflict)\n")
        #expect(try folder.read("Captions/g/a.yml").contains(AcceptUntrackedCommandTests.record))
        #expect(try folder.read(b) == conflicted)

        let again = try CLIRun.run(["accept", "--untracked"], in: folder.path)
        #expect(again.status == 1)
        #expect(
            again.stdout == """
                every translation in the files not skipped already has a record of its source; nothing was \
                written
                skipped 1 exhibit file that cannot be read as captions

                """)
        #expect(again.stderr == run.stderr)
    }

    /// What `approve --all-reviewed --by DK` approves of `k`, whose title AB reviewed.
    static let approvedK = "approved title (kk) of k\napproved title (en) of k\nwrote Captions/g/k.yml\n"

    /// Runs `approve --all-reviewed --by DK` after writing the sign-off tests' exhibit, as `v`,
    /// with conflict markers, at `relative`.
    static func approveAllWithAConflictIn(_ relative: String, _ folder: TemporaryFolder) throws -> CLIRun {
        try folder.write(
            relative, conflicted(SignOffCommandTests.exhibit.replacingOccurrences(of: "id: k", with: "id: v")))
        return try CLIRun.run(
            ["approve", "--all-reviewed", "--by", "DK"], in: folder.path, environment: SignOffCommandTests.epoch)
    }

    @Test func approveAllReviewedApprovesTheOtherFilesAndNamesEachItCannotRead() throws {
        let folder = try SignOffCommandTests.museum()
        let epoch = SignOffCommandTests.epoch
        _ = try CLIRun.run(["review", "k", "--field", "title", "--by", "AB"], in: folder.path, environment: epoch)
        let exhibit = SignOffCommandTests.exhibit
        let u = exhibit.replacingOccurrences(of: "id: k", with: "id: u")
        let utf16 = try #require(u.data(using: .utf16LittleEndian))
        try (Data([0xFF, 0xFE]) + utf16).write(to: URL(fileURLWithPath: folder.path + "/Captions/g/u.yml"))
        let run = try Self.approveAllWithAConflictIn("Captions/h/v.yml", folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                \(Self.approvedK)skipped 2 exhibit files that cannot be read as captions

                """)
        #expect(
            run.stderr == """
                Captions/g/u.yml:1:1: warning: Captions/g/u.yml \(Self.utf16)
                Captions/h/v.yml:1:1: warning: Captions/h/v.yml \(Self.conflict)

                """)
        // A gallery names only its own files; one without such a file exits 0 as before.
        let gallery = try CLIRun.run(
            ["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], in: folder.path, environment: epoch)
        #expect(gallery.status == 1)
        #expect(
            gallery.stdout == """
                nothing reviewed is waiting for approval in the files not skipped
                skipped 1 exhibit file that cannot be read as captions

                """)
        #expect(gallery.stderr == "Captions/g/u.yml:1:1: warning: Captions/g/u.yml \(Self.utf16)\n")
        try FileManager.default.removeItem(atPath: folder.path + "/Captions/g/u.yml")
        let readable = try CLIRun.run(
            ["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], in: folder.path, environment: epoch)
        #expect(readable.status == 0)
        #expect(readable.stdout == "nothing reviewed is waiting for approval\n")
        #expect(readable.stderr.isEmpty)
    }

    static let twice = "warning: Captions/g/b.yml has errors: duplicate key 'en' in 'text'; the first is at line 9"

    /// A file read with errors (a key twice in one mapping), which the caption file editor does
    /// not write over, is passed over as one that cannot be read: it stopped the whole run, exit
    /// 2, with nothing written.
    @Test func acceptUntrackedPassesOverAFileWithErrors() throws {
        let folder = try AcceptUntrackedCommandTests.collection()
        let b = "Captions/g/b.yml"
        try folder.write(
            b,
            try folder.read(b).replacingOccurrences(
                of: "  en: About the wagon\n", with: "  en: About the wagon\n  en: Wagon\n"))
        let withErrors = try folder.read(b)
        let run = try CLIRun.run(["accept", "--untracked"], in: folder.path)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                \(Self.recordedA)skipped 1 exhibit file with errors

                """)
        #expect(run.stderr == "\(b):10:3: \(Self.twice); skipped: fix it, then run the command again\n")
        #expect(try folder.read("Captions/g/a.yml").contains(AcceptUntrackedCommandTests.record))
        #expect(try folder.read(b) == withErrors)
    }

    @Test func approveAllReviewedPassesOverAFileWithErrorsAndCountsEachReason() throws {
        let folder = try SignOffCommandTests.museum()
        let epoch = SignOffCommandTests.epoch
        let exhibit = SignOffCommandTests.exhibit
        try folder.write("Captions/g/l.yml", exhibit.replacingOccurrences(of: "id: k", with: "id: l"))
        for id in ["k", "l"] {
            let review = try CLIRun.run(
                ["review", id, "--field", "title", "--by", "AB"], in: folder.path, environment: epoch)
            #expect(review.status == 0, "\(review.stderr)")
        }
        // l, reviewed, then a key twice: its reviewed texts are not approved.
        let l = "Captions/g/l.yml"
        try folder.write(
            l, try folder.read(l).replacingOccurrences(of: "  en: Kurt\n", with: "  en: Kurt\n  en: Qurt\n"))
        let withErrors = try folder.read(l)
        let run = try Self.approveAllWithAConflictIn("Captions/h/v.yml", folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                \(Self.approvedK)skipped 2 exhibit files: 1 that cannot be read as captions and 1 with errors

                """)
        #expect(
            run.stderr == """
                \(l):6:3: warning: \(l) has errors: duplicate key 'en' in 'title'; the first is at line 5; skipped: fix \
                it, then run the command again
                Captions/h/v.yml:1:1: warning: Captions/h/v.yml \(Self.conflict)

                """)
        #expect(try folder.read(l) == withErrors)
    }

    /// A file without an id, whose texts are signed off by exhibit id, is named too, and counted:
    /// it was passed over in silence, and the run said nothing was waiting (exit 0).
    @Test func approveAllReviewedNamesEachFileWithoutAnId() throws {
        let folder = try SignOffCommandTests.museum()
        let c = "Captions/g/c.yml"
        try folder.write(c, SignOffCommandTests.exhibit.replacingOccurrences(of: "id: k", with: "id: c"))
        let review = try CLIRun.run(
            ["review", "c", "--field", "title", "--by", "AB"], in: folder.path, environment: SignOffCommandTests.epoch)
        #expect(review.status == 0, "\(review.stderr)")
        try folder.write(c, try folder.read(c).replacingOccurrences(of: "id: c\n", with: ""))
        let withoutID = try folder.read(c)
        let warning = """
            \(c):1:1: warning: \(c) has no id, and texts are signed off by exhibit id; skipped: add 'id: c', then \
            run the command again

            """
        let run = try CLIRun.run(
            ["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], in: folder.path,
            environment: SignOffCommandTests.epoch)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                nothing reviewed is waiting for approval in the files not skipped
                skipped 1 exhibit file without an id

                """)
        #expect(run.stderr == warning)
        #expect(try folder.read(c) == withoutID)
        // With a file that cannot be read: each named in file order, counted by reason.
        let both = try Self.approveAllWithAConflictIn("Captions/h/v.yml", folder)
        #expect(both.status == 1)
        #expect(
            both.stdout == """
                nothing reviewed is waiting for approval in the files not skipped
                skipped 2 exhibit files: 1 that cannot be read as captions and 1 without an id

                """)
        #expect(both.stderr == warning + "Captions/h/v.yml:1:1: warning: Captions/h/v.yml \(Self.conflict)\n")
    }

    /// A file whose id is not a slug, refused as malformed everywhere else, is passed over too,
    /// named at its id, and counted; the other files are approved, exit 1.
    @Test func approveAllReviewedPassesOverAFileWhoseIdIsNotASlug() throws {
        let folder = try SignOffCommandTests.museum()
        let epoch = SignOffCommandTests.epoch
        let c = "Captions/g/c.yml"
        try folder.write(c, SignOffCommandTests.exhibit.replacingOccurrences(of: "id: k", with: "id: c"))
        for id in ["k", "c"] {
            let review = try CLIRun.run(
                ["review", id, "--field", "title", "--by", "AB"], in: folder.path, environment: epoch)
            #expect(review.status == 0, "\(review.stderr)")
        }
        try folder.write(c, try folder.read(c).replacingOccurrences(of: "id: c\n", with: "id: Kurt_2\n"))
        let malformed = try folder.read(c)
        let run = try CLIRun.run(
            ["approve", "--all-reviewed", "--gallery", "g", "--by", "DK"], in: folder.path, environment: epoch)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                \(Self.approvedK)skipped 1 exhibit file with an id that is not a slug

                """)
        #expect(
            run.stderr == """
                \(c):1:5: warning: \(c) has the id 'Kurt_2', which is not a slug (lowercase letters, digits and single \
                hyphens), and texts are signed off by exhibit id; skipped: make it 'id: c', then run the command again

                """)
        #expect(try folder.read(c) == malformed)
    }
}
