import Foundation
import Testing

/// Files and links `captions check` does not read (`kurt.YML`, a linked gallery, a broken link,
/// `captions.yaml`): each is a `skipped-file` warning about the whole file, so that the gate
/// never passes captions it did not read without a word.
@Suite struct SkippedFilesCommandTests {
    /// The bundled collection (which passes) with a `.YML` file and a gallery linked in.
    static func collectionWithSkippedFiles() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        try folder.write("Captions/barracks/camp-orchestra.YML", "id: camp-orchestra\n")
        try folder.write("Elsewhere/park/wagon.yml", "id: wagon\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Captions/park", withDestinationPath: "../Elsewhere/park")
        return folder
    }

    static let expectedLines = """
        Captions/barracks/camp-orchestra.YML: warning: 'camp-orchestra.YML' is not read: only names ending in \
        .yml or .yaml, in lower case, are; rename it to 'camp-orchestra.yml' [skipped-file]
        Captions/park: warning: 'park' is a symbolic link to a folder, which is not followed: no exhibit file in \
        it is checked; put the folder itself here instead of the link [skipped-file]

        """

    @Test func checkWarnsAboutEachSkippedPathAndStillPasses() throws {
        let folder = try Self.collectionWithSkippedFiles()
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == Self.expectedLines)
        #expect(run.stderr.hasSuffix("0 errors, 2 warnings in 20 exhibits\n"))

        let strict = try CLIRun.run(["check", "--strict"], in: folder.path)
        #expect(strict.status == 1)

        let json = try CLIRun.run(["check", "--format", "json"], in: folder.path)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(findings.map { $0["path"] as? String } == ["Captions/barracks/camp-orchestra.YML", "Captions/park"])
        #expect(findings.allSatisfy { $0["line"] as? Int == 0 && $0["column"] as? Int == 0 })
        #expect(findings.allSatisfy { $0["check"] as? String == "skipped-file" && $0["exhibit"] == nil })
    }

    @Test func captionsYmlSetsItsSeverityAndABaselineDoesNotAcceptIt() throws {
        let folder = try Self.collectionWithSkippedFiles()
        let written = try CLIRun.run(["check", "--write-baseline"], in: folder.path)
        #expect(written.status == 0)
        #expect(written.stderr.contains("; 2 findings cannot be accepted and must be fixed (unreadable or skipped"))
        let afterBaseline = try CLIRun.run(["check"], in: folder.path)
        #expect(afterBaseline.stdout == Self.expectedLines)

        let config = try folder.read("Captions/captions.yml")
        try folder.write("Captions/captions.yml", config + "checks:\n  skipped-file: error\n")
        let asError = try CLIRun.run(["check", "--no-baseline"], in: folder.path)
        #expect(asError.status == 1)
        #expect(asError.stdout == Self.expectedLines.replacingOccurrences(of: ": warning: ", with: ": error: "))
    }

    @Test func aCaptionsYamlAndABrokenLinkAreNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/kurt.yml", "id: kurt\n")
        try folder.write("Captions/captions.yaml", "languages: [ru]\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/Captions/gallery", withDestinationPath: "../Moved")
        let run = try CLIRun.run(["check", "--lang", "ru"], in: folder.path)
        #expect(
            run.stdout.hasPrefix(
                """
                Captions/captions.yaml: warning: 'captions.yaml' is not read: the configuration is read from \
                captions.yml only; rename it, or move its settings into captions.yml [skipped-file]
                Captions/gallery: warning: 'gallery' is a symbolic link whose target does not exist: nothing is read \
                from it; fix or remove it [skipped-file]

                """))
    }

    @Test func statusCountsThemWithTheOtherFindings() throws {
        let folder = try Self.collectionWithSkippedFiles()
        let run = try CLIRun.run(["status"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("skipped-file  2\n"))
    }
}

extension SkippedFilesCommandTests {
    /// A collection whose only exhibit file is skipped cannot be checked; the reason names it.
    @Test func aCollectionOfSkippedFilesSaysWhatWasNotRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("Captions/kurt.YML", "id: kurt\n")
        try folder.write("Captions/wagon.Yaml", "id: wagon\n")
        let run = try CLIRun.run(["check"], in: folder.path)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                error: Captions has no exhibit files (*.yml) to check; 'kurt.YML' is not read: only names \
                ending in .yml or .yaml, in lower case, are; rename it to 'kurt.yml' (and 1 other path)

                """)
    }
}

/// `status` and the exports that read the collection name each file they did not read on
/// stderr, in the line `captions check` reports; their stdout and exit codes stay those of the
/// same collection without the files.
extension SkippedFilesCommandTests {
    static let commands: [[String]] = [
        ["status"], ["status", "--format", "json"], ["export", "xliff"], ["export", "tmx"], ["export", "signage"],
    ]

    /// The signage export's summary counts the lines too (``theSignageSummaryCountsTheSkippedFiles()``).
    @Test(arguments: commands.filter { $0 != ["export", "signage"] })
    func statusAndTheExportsNameEachSkippedFileOnce(command: [String]) throws {
        let clean = try TemporaryFolder()
        _ = try clean.copyBundledCaptions()
        let expected = try CLIRun.run(command, in: clean.path)
        let folder = try Self.collectionWithSkippedFiles()
        let run = try CLIRun.run(command, in: folder.path)
        #expect(run.status == expected.status)
        #expect(run.stderr == Self.expectedLines + expected.stderr)
        // status counts the skipped-file findings in its table (statusCountsThemWithTheOtherFindings).
        if command[0] == "export" { #expect(run.stdout == expected.stdout) }
    }

    /// The closing summary of `export signage` counts the skipped-file lines it printed, at
    /// their severity, with its other warnings; what it exports is the same.
    @Test func theSignageSummaryCountsTheSkippedFiles() throws {
        let clean = try TemporaryFolder()
        _ = try clean.copyBundledCaptions()
        let expected = try CLIRun.run(["export", "signage"], in: clean.path)
        #expect(expected.stderr == "exported 20 labels to Exports/signage\n")
        let folder = try Self.collectionWithSkippedFiles()
        let run = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(run.status == expected.status)
        #expect(run.stdout == expected.stdout)
        #expect(run.stderr == Self.expectedLines + "exported 20 labels to Exports/signage; 2 warnings\n")

        // As an error for check, still a warning here (the export does not fail on it).
        let config = try folder.read("Captions/captions.yml")
        try folder.write("Captions/captions.yml", config + "checks:\n  skipped-file: error\n")
        let asError = try CLIRun.run(["export", "signage"], in: folder.path)
        #expect(asError.status == 0)
        #expect(asError.stderr == Self.expectedLines + "exported 20 labels to Exports/signage; 2 warnings\n")
    }

    @Test func statusJSONListsTheSkippedFiles() throws {
        let folder = try Self.collectionWithSkippedFiles()
        let run = try CLIRun.run(["status", "--format", "json"], in: folder.path)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let skipped = try #require(document["skippedFiles"] as? [[String: String]])
        #expect(skipped.map { $0["path"] } == ["Captions/barracks/camp-orchestra.YML", "Captions/park"])
        #expect(skipped.map { $0["severity"] } == ["warning", "warning"])
        #expect(skipped.map { $0["reason"] } == ["extension-case", "link-to-folder"])
        #expect(
            skipped.first?["message"]
                == "'camp-orchestra.YML' is not read: only names ending in .yml or .yaml, in lower case, are; "
                + "rename it to 'camp-orchestra.yml'")
    }

    /// `skipped-file: error` fails check, but an export or status that does not fail on it still
    /// says `warning:` (an `error:` line in a job that passed would mislead); `note` gives notes,
    /// and `off` leaves them out.
    @Test func captionsYmlSetsTheSeverityOrTurnsTheLinesOff() throws {
        let folder = try Self.collectionWithSkippedFiles()
        let config = try folder.read("Captions/captions.yml")
        try folder.write("Captions/captions.yml", config + "checks:\n  skipped-file: error\n")
        for command in Self.commands {
            let run = try CLIRun.run(command, in: folder.path)
            #expect(run.status == 0, "\(command)")
            #expect(run.stderr.contains(Self.expectedLines), "\(command)")
            #expect(!run.stderr.contains(": error: "), "\(command)")
        }
        let check = try CLIRun.run(["check"], in: folder.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains(": error: 'camp-orchestra.YML' is not read"))

        try folder.write("Captions/captions.yml", config + "checks:\n  skipped-file: note\n")
        let asNote = try CLIRun.run(["export", "xliff"], in: folder.path)
        #expect(asNote.stderr == Self.expectedLines.replacingOccurrences(of: ": warning: ", with: ": note: "))

        try folder.write("Captions/captions.yml", config + "checks:\n  skipped-file: off\n")
        for command in Self.commands {
            #expect(!(try CLIRun.run(command, in: folder.path)).stderr.contains("[skipped-file]"), "\(command)")
        }
    }
}
