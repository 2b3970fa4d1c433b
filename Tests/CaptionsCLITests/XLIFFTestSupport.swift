import Foundation

extension TemporaryFolder {
    /// Removes the `language` entry of `field` (one line, or a block scalar with its lines) from a
    /// caption file, as a curator deleting a translation would.
    func removeTranslation(_ relativePath: String, field: String, language: String) throws {
        var lines = try read(relativePath).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let fieldLine = lines.firstIndex(of: field + ":"),
            let start = lines[(fieldLine + 1)...].firstIndex(where: { $0.hasPrefix("  \(language):") })
        else { throw CocoaError(.fileReadUnknown) }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") || lines[end].isEmpty { end += 1 }
        lines.removeSubrange(start..<end)
        try write(relativePath, lines.joined(separator: "\n"))
    }

    /// Removes the `translations:` record (the source fingerprints) from a caption file: the
    /// file as it was before its translations were tracked (typed by hand, never accepted).
    func removeRecord(_ relativePath: String) throws {
        var lines = try read(relativePath).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("translations:") }) else {
            throw CocoaError(.fileReadUnknown)
        }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        lines.removeSubrange(start..<end)
        try write(relativePath, lines.joined(separator: "\n"))
    }

    /// Every file below `relative` with its bytes.
    func contents(of relative: String) throws -> [String: Data] {
        let root = path + "/" + relative
        var result: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(
            atPath: "/")!
        {
            result[file] = FileManager.default.contents(atPath: root + "/" + file)
        }
        return result
    }
}

/// Runs `command` with arguments and returns its exit status and combined output.
func runTool(_ command: String, _ arguments: [String], in directory: String? = nil) throws -> (
    status: Int32, output: String
) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Translate Toolkit, installed with pip when missing.
enum TranslateToolkit {
    /// Whether `python3` can import Translate Toolkit 3.17+ (with `translate.storage.xliff2`),
    /// after trying `pip install 'translate-toolkit>=3.17'`; prints loudly why not otherwise.
    static let available: Bool = {
        let probe = ["-c", "import translate.storage.xliff2"]
        if (try? runTool("python3", probe))?.status == 0 { return true }
        _ = try? runTool("python3", ["-m", "pip", "install", "--quiet", "translate-toolkit>=3.17"])
        if (try? runTool("python3", probe))?.status == 0 { return true }
        print(
            """
            ⚠️ SKIPPING the Translate Toolkit round trip: python3 cannot import translate-toolkit>=3.17 and pip \
            could not install it
            """
        )
        return false
    }()

    /// The helper script that fills targets the way Weblate does.
    static let fillScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/fill_with_translate_toolkit.py").path
}

/// XLIFF 1.2 files from ru as translation tools write them, for hand-written import fixtures.
enum XLIFF12Fixture {
    /// A whole file: the XML declaration, `<xliff>` (plus `namespaces`, e.g. `xmlns:mq="MQXliff"`),
    /// one `<file>` from ru to `language` named `original`, and `<body>` holding `units` (each
    /// whole lines, indented 6), closed one element a line. The first unit starts on line 5.
    static func file(
        _ units: [String], language: String = "kk", original: String = "Captions", namespaces: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"\(namespaces.isEmpty ? "" : " " + namespaces)>
          <file original="\(original)" source-language="ru" target-language="\(language)" datatype="plaintext">
            <body>
        \(units.joined())    </body>
          </file>
        </xliff>

        """
    }

    /// A `<trans-unit>` on one line at column 7, with `xml:space="preserve"`.
    static func line(_ id: String, source: String, target: String) -> String {
        "      <trans-unit id=\"\(id)\" xml:space=\"preserve\"><source>\(source)</source>"
            + "<target>\(target)</target></trans-unit>\n"
    }

    /// A pretty-printed `<trans-unit>` (at column 7, its `<source>` and `<target>` on the next
    /// lines at column 9): `attributes` go on the unit, `textAttributes` on source and target.
    static func unit(
        _ id: String, attributes: String = "", textAttributes: String = "", source: String, target: String
    ) -> String {
        let unitAttributes = attributes.isEmpty ? "" : " " + attributes
        let text = textAttributes.isEmpty ? "" : " " + textAttributes
        return """
                  <trans-unit id="\(id)"\(unitAttributes)>
                    <source\(text)>\(source)</source>
                    <target\(text)>\(target)</target>
                  </trans-unit>

            """
    }
}

/// What `captions import --trust-states` prints and records, for exact comparisons.
enum TrustedImportOutput {
    /// The stdout of an import of `file` (`language`) that applied nothing and recorded one
    /// review by `name` in `Captions/g/k.yml`.
    static func oneReviewRecorded(
        _ file: String, _ language: String, unchanged: Int, notTranslated: Int, by name: String
    ) -> String {
        """
        \(file) (\(language)): 0 applied, \(unchanged) unchanged, \(notTranslated) not translated, 0 conflicts, \
        0 unknown ids
        \(file) (\(language)): states marked reviewed: 1 review recorded by \(name), 0 already reviewed, \
        0 refused, 0 changed (imported without review)
        wrote Captions/g/k.yml

        """
    }

    /// The `translations:` record of a caption file whose title has one review, `entry` being
    /// its language's line (e.g. `kk: 8577ed6c d339738d reviewed 2026-12-03 DK`).
    static func reviewedTitle(_ entry: String) -> String {
        """
        translations:  # machine-owned: source fingerprints of translations; do not edit
          title:
            \(entry)

        """
    }
}
