import Foundation
import Testing

/// The manual's console examples, run: each block shows what `captions` prints on the bundled
/// museum (after the edit the text around it describes), so a change of wording or behaviour that
/// leaves the manual behind fails here.
///
/// A block's commands run one after another in one copy of `Captions/`; the output each shows
/// must be the command's stdout and stderr line for line, the two streams interleaved in any
/// order (a terminal shows them as they come).
@Suite struct ManualExamplesTests {
    /// One command of a console block and the lines the manual shows after it.
    struct Example {
        var arguments: [String]
        var output: [String]
    }

    /// The commands of the `occurrence`-th console block (counted from 1) of `file` that has a
    /// line `$ command`.
    static func block(_ file: String, command: String, occurrence: Int = 1) throws -> [Example] {
        let text = try String(contentsOfFile: TemporaryFolder.repositoryRoot + "/" + file, encoding: .utf8)
        var found = 0
        for (index, part) in text.components(separatedBy: "```console\n").enumerated() where index > 0 {
            let body = part.components(separatedBy: "```")[0]
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.contains("$ " + command) else { continue }
            found += 1
            guard found == occurrence else { continue }
            var examples: [Example] = []
            for line in lines where !line.isEmpty {
                if line.hasPrefix("$ captions ") {
                    let arguments = line.dropFirst("$ captions ".count).split(separator: " ").map(String.init)
                    examples.append(Example(arguments: arguments, output: []))
                } else {
                    try #require(!examples.isEmpty, "\(file): output before any command: \(line)")
                    examples[examples.count - 1].output.append(line)
                }
            }
            return examples
        }
        Issue.record("\(file) has no console block with '$ \(command)' (occurrence \(occurrence))")
        return []
    }

    /// Whether `lines` is `first` and `second` interleaved, each in its own order.
    static func isInterleaving(_ lines: [String], of first: [String], and second: [String]) -> Bool {
        guard lines.count == first.count + second.count else { return false }
        // reachable[i][j]: the first i + j lines are the first i of `first` and j of `second`.
        var reachable = [[Bool]](repeating: [Bool](repeating: false, count: second.count + 1), count: first.count + 1)
        reachable[0][0] = true
        for i in 0...first.count {
            for j in 0...second.count where i + j > 0 {
                let line = lines[i + j - 1]
                reachable[i][j] =
                    (i > 0 && reachable[i - 1][j] && first[i - 1] == line)
                    || (j > 0 && reachable[i][j - 1] && second[j - 1] == line)
            }
        }
        return reachable[first.count][second.count]
    }

    /// Runs `examples` in order in `folder` and expects each to print what the manual shows,
    /// with each key of `shownAs` in the output replaced by its value first (what differs from
    /// run to run, such as a commit's hash, shown as the manual has it).
    func expectManual(
        _ examples: [Example], in folder: TemporaryFolder, shownAs: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try #require(!examples.isEmpty, sourceLocation: sourceLocation)
        func shown(_ output: String) -> [String] {
            shownAs.reduce(output) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                .split(separator: "\n").map(String.init)
        }
        for example in examples {
            let run = try CLIRun.run(
                example.arguments, in: folder.path, environment: ["SOURCE_DATE_EPOCH": "1796428800"])
            let stdout = shown(run.stdout)
            let stderr = shown(run.stderr)
            #expect(
                Self.isInterleaving(example.output, of: stdout, and: stderr),
                """
                captions \(example.arguments.joined(separator: " ")): the manual shows
                \(example.output.joined(separator: "\n"))
                but it printed (stdout, then stderr)
                \((stdout + stderr).joined(separator: "\n"))
                """, sourceLocation: sourceLocation)
        }
    }

    /// A copy of the bundled museum with `edit` applied to the text of the file at `relative`.
    func museum(editing relative: String? = nil, _ edit: (String) -> String = { $0 }) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.copyBundledCaptions()
        if let relative {
            let edited = edit(try folder.read("Captions/" + relative))
            try #require(edited != (try folder.read("Captions/" + relative)), "the edit changed nothing in \(relative)")
            try folder.write("Captions/" + relative, edited)
        }
        return folder
    }

    static let wagon = "memorial-park/stalin-wagon.yml"
    static let wagonKazakhTitle = "  kk: Сталин заманының тұтқындар вагоны\n"

    @Test func theLostKazakhTitleOfTheREADMEAndCommands() throws {
        for file in ["README.md", "Documentation/Commands.md"] {
            let folder = try museum(editing: Self.wagon) {
                $0.replacingOccurrences(of: Self.wagonKazakhTitle, with: "")
            }
            try expectManual(try Self.block(file, command: "captions check"), in: folder)
        }
        // The README's stale translations: the Russian title changed.
        let edited = try museum(editing: Self.wagon) {
            $0.replacingOccurrences(
                of: "  ru: Арестантский вагон сталинских времён\n", with: "  ru: Арестантский вагон времён Сталина\n")
        }
        try expectManual(try Self.block("README.md", command: "captions check", occurrence: 2), in: edited)
    }

    @Test func statusOfTheMuseumAndWithACopiedTitle() throws {
        try expectManual(try Self.block("Documentation/Commands.md", command: "captions status"), in: try museum())
        let pasted = try museum(editing: Self.wagon) {
            $0.replacingOccurrences(of: Self.wagonKazakhTitle, with: "  kk: Арестантский вагон сталинских времён\n")
        }
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions status", occurrence: 2), in: pasted)
    }

    @Test func exportsOfTheMuseum() throws {
        for command in [
            "captions new camp-orchestra --gallery museum-second-floor",
            "captions export glossary --format omegat --to kk",
            "captions export tmx --to kk", "captions export signage",
        ] {
            try expectManual(try Self.block("Documentation/Commands.md", command: command), in: try museum())
        }
        try expectManual(
            try Self.block("Documentation/Signage.md", command: "captions export signage"), in: try museum())
    }

    @Test func theNeededUnitsOfAMissingAndAStaleTranslation() throws {
        let folder = try museum(editing: Self.wagon) { $0.replacingOccurrences(of: Self.wagonKazakhTitle, with: "") }
        let kurt = "Captions/museum-second-floor/kurt-story.yml"
        try folder.write(
            kurt,
            try folder.read(kurt).replacingOccurrences(of: "  ru: Не камни, а курт\n", with: "  ru: Не камни — курт\n"))
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions export xliff --needed --to kk"), in: folder)
    }

    /// The kk XLIFF of `folder`, exported (`arguments` added), with `edit` applied to the target
    /// of each unit of `units`, written at `returned/ru-kk.xlf` as a translator sends it back.
    func returnedFile(
        in folder: TemporaryFolder, exporting arguments: [String] = [], units: [String],
        _ edit: (_ target: String) -> String
    ) throws {
        let export = try CLIRun.run(
            ["export", "xliff", "--to", "kk", "--out", "returned"] + arguments, in: folder.path)
        try #require(export.status == 0, "\(export.stderr)")
        var xliff = try folder.read("returned/ru-kk.xlf")
        for unit in units {
            let start = try #require(xliff.range(of: "<trans-unit id=\"\(unit)\""), "no unit \(unit)")
            let open = try #require(xliff.range(of: "<target", range: start.upperBound..<xliff.endIndex))
            let tagEnd = try #require(xliff.range(of: ">", range: open.upperBound..<xliff.endIndex))
            let close = try #require(xliff.range(of: "</target>", range: tagEnd.upperBound..<xliff.endIndex))
            let target = String(xliff[tagEnd.upperBound..<close.lowerBound])
            xliff.replaceSubrange(
                open.lowerBound..<close.lowerBound, with: "<target state=\"translated\">" + edit(target))
        }
        try folder.write("returned/ru-kk.xlf", xliff)
    }

    @Test func theImportsOfTheREADMEAndCommands() throws {
        // README: the lost Kazakh title, exported with --needed and translated.
        let lost = try museum(editing: Self.wagon) { $0.replacingOccurrences(of: Self.wagonKazakhTitle, with: "") }
        try returnedFile(in: lost, exporting: ["--needed"], units: ["stalin-wagon.title"]) { _ in
            "Сталин заманының тұтқындар вагоны"
        }
        try expectManual(try Self.block("README.md", command: "captions import returned/ru-kk.xlf"), in: lost)
        // Commands.md: every unit exported, three of one exhibit changed by the translator.
        let revised = try museum()
        try returnedFile(
            in: revised, units: ["stalin-wagon.title", "stalin-wagon.text", "stalin-wagon.credit"]
        ) { $0 + " (өңделді)" }
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions import returned/ru-kk.xlf"), in: revised)
    }

    @Test func theWordDiffOfACorrectedSource() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("skipped: the manual's captions diff examples need git (/usr/bin/git)")
            return
        }
        let folder = try museum()
        func git(_ arguments: String...) throws -> String { try CLIRun.git(arguments, in: folder.path) }
        _ = try git("init", "-q")
        _ = try git("add", "-A")
        _ = try git("commit", "-q", "-m", "The museum as translated")
        let translated = try git("log", "-1", "--format=%h")
        let kurt = "Captions/museum-second-floor/kurt-story.yml"
        let corrected = try folder.read(kurt).replacingOccurrences(
            of: "шарики сушёного сыра.", with: "шарики из сушёного творога.")
        try #require(corrected != (try folder.read(kurt)))
        try folder.write(kurt, corrected)
        _ = try git("commit", "-q", "-a", "-m", "Kurt is made of curd")
        for (file, command) in [
            ("Documentation/Commands.md", "captions diff kurt-story --field text --lang kk"),
            ("Documentation/XLIFF.md", "captions diff kurt-story"),
        ] {
            try expectManual(try Self.block(file, command: command), in: folder, shownAs: [translated: "3f2a9c1"])
        }
    }

    @Test func aLabelHeldBackForACheckError() throws {
        let folder = try museum(editing: Self.wagon) {
            $0.replacingOccurrences(of: "кемінде 70 адамды", with: "кемінде 60 адамды")
        }
        try expectManual(
            try Self.block("Documentation/Signage.md", command: "captions export signage", occurrence: 2), in: folder)
    }

    @Test func aTBXWithAConflictAndANewEntry() throws {
        let folder = try museum()
        let export = try CLIRun.run(["export", "glossary"], in: folder.path)
        try #require(export.status == 0, "\(export.stderr)")
        var tbx = try folder.read("Exports/glossary/glossary.tbx")
        // The translator's edit: the Arch of Sorrow's English made the forbidden "Arch of Grief",
        // under another id, and an entry for the dombra added.
        let start = try #require(tbx.range(of: "<termEntry id=\"arch-of-sorrow\">"))
        let end = try #require(tbx.range(of: "</termEntry>", range: start.upperBound..<tbx.endIndex))
        let forbidden = """
                      <tig>
                        <term>Arch of Grief</term>
                        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                      </tig>

            """
        let entry = String(tbx[start.lowerBound..<end.lowerBound])
        try #require(entry.contains(forbidden))
        tbx.replaceSubrange(
            start.lowerBound..<end.lowerBound,
            with: entry.replacingOccurrences(of: forbidden, with: "")
                .replacingOccurrences(of: "<termEntry id=\"arch-of-sorrow\">", with: "<termEntry id=\"arch\">")
                .replacingOccurrences(of: "<term>Arch of Sorrow</term>", with: "<term>Arch of Grief</term>"))
        let dombra = [("ru", "домбра"), ("kk", "домбыра"), ("en", "dombra")].map { language, term in
            "        <langSet xml:lang=\"\(language)\">\n          <tig>\n            <term>\(term)</term>\n          </tig>\n"
                + "        </langSet>\n"
        }
        tbx = tbx.replacingOccurrences(
            of: "    </body>",
            with: "      <termEntry id=\"dombra\">\n" + dombra.joined() + "      </termEntry>\n    </body>")
        try folder.write("terms.tbx", tbx)
        try expectManual(try Self.block("Documentation/Glossary.md", command: "captions import terms.tbx"), in: folder)
        #expect(
            try folder.read("Captions/glossary.yml").hasSuffix(
                "- id: dombra\n  kk: домбыра\n  ru: домбра\n  en: dombra\n"))
    }

    @Test func aSecondExportAfterARenamedFileAndALostTitle() throws {
        let folder = try museum()
        #expect(try CLIRun.run(["export", "signage", "--out", "out"], in: folder.path).status == 0)
        let arch = folder.path + "/Captions/memorial-park/arch-of-sorrow"
        try FileManager.default.moveItem(atPath: arch + ".yml", toPath: arch + ".YML")
        try folder.write(
            "Captions/" + Self.wagon,
            try folder.read("Captions/" + Self.wagon).replacingOccurrences(of: Self.wagonKazakhTitle, with: ""))
        try expectManual(
            try Self.block("Documentation/Signage.md", command: "captions export signage --out out"), in: folder)
    }

    @Test func acceptAStaleTitleAndTrackAnUntrackedCollection() throws {
        let kurt = "museum-second-floor/kurt-story.yml"
        let changed = try museum(editing: kurt) {
            $0.replacingOccurrences(of: "  ru: Не камни, а курт\n", with: "  ru: Не камни — курт\n")
        }
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions accept kurt-story --field title --lang kk"),
            in: changed)
        let untracked = try museum()
        for file in [Self.wagon, kurt] {
            let text = try untracked.read("Captions/" + file)
            let record = try #require(text.range(of: "translations:"), "\(file) has no record")
            try untracked.write("Captions/" + file, String(text[..<record.lowerBound]))
        }
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions accept --untracked"), in: untracked)
        let conflicted = try museum(editing: kurt) { "<<<<<<< HEAD\n" + $0 + "=======\n" + $0 + ">>>>>>> theirs\n" }
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions accept --untracked", occurrence: 2),
            in: conflicted)
    }

    @Test func anExhibitFileCutShort() throws {
        let folder = try museum()
        let url = URL(fileURLWithPath: folder.path + "/Captions/" + Self.wagon)
        try Data(try Data(contentsOf: url).prefix(1200)).write(to: url)
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions accept stalin-wagon"), in: folder)
    }

    @Test func aFileOutOfTheCanonicalForm() throws {
        let folder = try museum(editing: Self.wagon) {
            $0.replacingOccurrences(of: "id: stalin-wagon\n", with: "id: stalin-wagon\n\n")
        }
        try expectManual(try Self.block("Documentation/Commands.md", command: "captions fmt --check"), in: folder)
    }

    @Test func reviewThenApprove() throws {
        let commands = try museum()
        try expectManual(
            try Self.block("Documentation/Commands.md", command: "captions review kurt-story --field title --by AB")
                + Self.block(
                    "Documentation/Commands.md", command: "captions approve kurt-story --field title --lang kk --by DK"),
            in: commands)
        try expectManual(
            try Self.block("Documentation/SignOff.md", command: "captions review kurt-story --field title --by AB"),
            in: try museum())
        try expectManual(
            try Self.block("Documentation/SignOff.md", command: "captions status"), in: try museum())
    }
}
