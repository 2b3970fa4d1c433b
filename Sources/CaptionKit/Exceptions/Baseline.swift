import Foundation

/// The findings a collection has accepted as they are: written by
/// `captions check --write-baseline`, subtracted from later runs, as lint tools do.
///
/// Entries are keyed by what a finding is about, never by its line: the file (relative to the
/// collection folder), the check, the field, the language and the message, folded into a
/// ``Entry/fingerprint``. Editing other captions, or moving lines around, does not invalidate
/// them; changing the text that caused a finding does (the message changes), and the stale
/// entry is then reported as `unused-exception`.
///
/// The file is JSON with one entry per line, sorted, so that it is byte-stable and diffs well:
///
/// ```json
/// {
///   "version": 1,
///   "findings": [
/// {"check":"untranslated","field":"title","fingerprint":"5f0c…","language":"en","message":"…","path":"park/wagon.yml"}
///   ]
/// }
/// ```
struct Baseline: Sendable, Equatable {
    /// The default file name, in the collection folder.
    static let defaultFileName = "captions-baseline.json"

    /// One accepted finding.
    struct Entry: Sendable, Hashable, Codable, Comparable {
        /// The exhibit file, relative to the collection folder.
        var path: String
        /// The check id.
        var check: String
        /// The field, when the finding is about one.
        var field: String?
        /// The language, when the finding is about one.
        var language: String?
        /// The finding's message, for people reading the file.
        var message: String
        /// A hash of the five values above: what entries are matched by.
        var fingerprint: String

        /// Creates an entry; the fingerprint is computed.
        init(path: String, check: String, field: String?, language: String?, message: String) {
            self.path = path
            self.check = check
            self.field = field
            self.language = language
            self.message = message
            self.fingerprint = Self.fingerprint(
                path: path, check: check, field: field, language: language, message: message)
        }

        /// The 64-bit FNV-1a hash of the values, as 16 hexadecimal digits.
        static func fingerprint(path: String, check: String, field: String?, language: String?, message: String)
            -> String
        {
            // Each value followed by the unit separator (0x1F).
            FNV1a.hex([path, check, field ?? "", language ?? "", message].lazy.flatMap { $0.utf8 + [0x1F] })
        }

        /// Orders by path, check, field, language, then message.
        static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.check, a.field ?? "", a.language ?? "", a.message)
                < (b.path, b.check, b.field ?? "", b.language ?? "", b.message)
        }

        /// `untranslated in park/wagon.yml, title (en): "…"`, for messages.
        var summary: String {
            var about = "\(check) in \(path)"
            if let field { about += ", \(field)\(language.map { " (\($0))" } ?? "")" }
            return "\(about): '\(message)'"
        }
    }

    /// The accepted findings, sorted.
    var entries: [Entry]
    /// The 1-based line of each entry in the file it was read from (0 when unknown).
    var lines: [Int]

    /// Checks whose findings a baseline never accepts: the exceptions' own problems, and a file
    /// that cannot be read at all or is not read (none of its captions would be checked again,
    /// and CI would pass a collection with unread files).
    static let unacceptableChecks = IgnoreEntry.unignorableChecks.union([
        InvalidYAMLCheck.description.id, SkippedFileCheck.description.id,
    ])

    /// The baseline of `findings`: every finding except those of ``unacceptableChecks``,
    /// which must be fixed rather than accepted.
    init(findings: [Diagnostic], in collection: CaptionCollection) {
        self.init(entries: Self.acceptableEntries(of: findings, in: collection).map(\.entry))
    }

    /// The baseline of `entries`, sorted, with the lines they are written on.
    private init(entries: [Entry]) {
        self.entries = entries.sorted()
        lines = self.entries.indices.map { $0 + 4 }
    }

    /// The entry of each finding a baseline accepts (not those of ``unacceptableChecks``), with it.
    private static func acceptableEntries(of findings: [Diagnostic], in collection: CaptionCollection) -> [(
        entry: Entry, finding: Diagnostic
    )] {
        let relative = relativePaths(collection)
        return findings.filter { !unacceptableChecks.contains($0.checkID) }.map { finding in
            let entry = Entry(
                path: relative[finding.location.path] ?? Self.relative(finding.location.path, to: collection.rootPath),
                check: finding.checkID, field: finding.field, language: finding.language, message: finding.message)
            return (entry, finding)
        }
    }

    /// The baseline of `findings` (as ``init(findings:in:)``) written over `previous` (`nil`
    /// for none): the entries of `previous` for files that cannot be read as captions now (a
    /// merge conflict, a sync cut short) are kept as they were, since their findings cannot be
    /// known until the file is fixed; the rest is compared entry by entry. Returns the baseline,
    /// the entries carried over for files that cannot be read, how many entries `previous` had
    /// too (the carried ones among them), its entries not written, and the findings it did not
    /// accept, sorted for the report.
    static func rewriting(_ previous: Baseline?, findings: [Diagnostic], in collection: CaptionCollection) -> (
        baseline: Baseline, carried: [Entry], kept: Int, dropped: [Entry], newlyAccepted: [Diagnostic]
    ) {
        let unread = unreadablePaths(collection)
        let carried = previous?.entries.filter { unread.contains($0.path) } ?? []
        var available: [String: [Entry]] = [:]
        for entry in previous?.entries ?? [] where !unread.contains(entry.path) {
            available[entry.fingerprint, default: []].append(entry)
        }
        var kept = carried.count
        var newlyAccepted: [Diagnostic] = []
        let accepted = acceptableEntries(of: findings, in: collection)
        for (entry, finding) in accepted {
            if var matching = available[entry.fingerprint], !matching.isEmpty {
                matching.removeLast()
                available[entry.fingerprint] = matching
                kept += 1
            } else {
                newlyAccepted.append(finding)
            }
        }
        return (
            Baseline(entries: accepted.map(\.entry) + carried), carried, kept, Array(available.values.joined()),
            newlyAccepted.sortedForReport()
        )
    }

    /// The exhibit files, relative to the collection folder, that cannot be read as captions:
    /// what they hold cannot be checked, so their entries can be judged neither used nor unused.
    static func unreadablePaths(_ collection: CaptionCollection) -> Set<String> {
        Set(collection.exhibits.lazy.filter { !$0.isReadable }.map(\.relativePath))
    }

    /// Reads a baseline file.
    ///
    /// - Throws: ``CaptionError/unreadable(path:reason:)`` when the file cannot be read, and
    ///   ``CaptionError/invalidInput(_:_:)`` when it is not a baseline written by `captions`
    ///   (at the first `<<<<<<<` line when a merge left conflict markers in it).
    init(contentsOf path: String) throws(CaptionError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or permission denied")
        }
        struct Stored: Decodable {
            var path: String
            var check: String
            var field: String?
            var language: String?
            var message: String
            var fingerprint: String?
        }
        struct File: Decodable {
            var version: Int
            var findings: [Stored]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            if let conflict = MergeConflict.first(in: data) {
                throw .invalidInput(SourceLocation(path: path, line: conflict.line, column: 1), conflict.message)
            }
            throw .invalidInput(
                SourceLocation(path: path, line: 1, column: 1),
                """
                not a captions baseline file (expected {\"version\": 1, \"findings\": [...]}); write it again \
                with captions check --write-baseline
                """
            )
        }
        guard file.version == 1 else {
            throw .invalidInput(
                SourceLocation(path: path, line: 1, column: 1),
                "baseline version \(file.version) is not supported (expected 1)")
        }
        entries = file.findings.map { entry in
            // The fingerprint is recomputed so a hand-edited file cannot disagree with itself.
            Entry(
                path: entry.path, check: entry.check, field: entry.field, language: entry.language,
                message: entry.message)
        }
        let text = String(decoding: data, as: UTF8.self)
        var lineOfFingerprint: [String: [Int]] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "\"fingerprint\"") {
                let rest = line[range.upperBound...]
                if let start = rest.firstIndex(where: \.isHexDigit) {
                    lineOfFingerprint[String(rest[start...].prefix(16)), default: []].append(number + 1)
                }
            }
        }
        lines = file.findings.map { stored in
            guard let fingerprint = stored.fingerprint, var found = lineOfFingerprint[fingerprint], !found.isEmpty
            else { return 0 }
            let line = found.removeFirst()
            lineOfFingerprint[fingerprint] = found
            return line
        }
    }

    /// The file's text: deterministic, one entry per line, ending in a newline.
    func encoded() throws(CaptionError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        for entry in entries {
            do {
                lines.append("    " + String(decoding: try encoder.encode(entry), as: UTF8.self))
            } catch {
                throw .unwritable(path: "baseline", reason: "\(error)")
            }
        }
        if lines.isEmpty { return "{\n  \"version\": 1,\n  \"findings\": []\n}\n" }
        return "{\n  \"version\": 1,\n  \"findings\": [\n" + lines.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// Removes the findings the baseline accepts (each entry accepts one finding) and reports
    /// every entry of a check that ran and accepted none as `unused-exception`, at its line in
    /// `path`, except the entries of a file that cannot be read as captions now (its findings
    /// cannot be known).
    ///
    /// - Parameters:
    ///   - findings: The findings after the `ignore:` entries were applied.
    ///   - collection: The collection they are about.
    ///   - path: The baseline file, for the locations of unused entries.
    ///   - unusedSeverity: The severity of `unused-exception`, or `nil` when it is off.
    ///   - checksRun: The ids of the checks that ran: an entry of another check (turned off in
    ///     captions.yml, or on only with `--require`) could not have been used, and is not
    ///     reported; one of no check at all is.
    /// - Returns: The findings left (with the unused entries added) and how many were silenced.
    func apply(
        to findings: [Diagnostic], in collection: CaptionCollection, path: String, unusedSeverity: Severity?,
        checksRun: Set<String>
    ) -> (kept: [Diagnostic], silenced: Int) {
        let relative = Self.relativePaths(collection)
        var available: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { available[entry.fingerprint, default: []].append(index) }
        var used = Set<Int>()
        var kept: [Diagnostic] = []
        for finding in findings {
            let fingerprint = Entry.fingerprint(
                path: relative[finding.location.path] ?? Self.relative(finding.location.path, to: collection.rootPath),
                check: finding.checkID, field: finding.field, language: finding.language, message: finding.message)
            if !Self.unacceptableChecks.contains(finding.checkID), var indices = available[fingerprint],
                !indices.isEmpty
            {
                used.insert(indices.removeFirst())
                available[fingerprint] = indices
                continue
            }
            kept.append(finding)
        }
        if let unusedSeverity {
            let unread = Self.unreadablePaths(collection)
            // An entry of a check no version has (a typo, a check renamed) is reported: it can
            // never be used, and would otherwise stay in the file for good. A check of one folder
            // of the collection (its scope) says nothing of the entries of the other folders.
            for (index, entry) in entries.enumerated()
            where !used.contains(index) && !unread.contains(entry.path) && collection.isInScope(entry.path)
                && (checksRun.contains(entry.check) || CheckRegistry.check(id: entry.check) == nil)
            {
                kept.append(
                    Diagnostic(
                        checkID: UnusedExceptionCheck.description.id, severity: unusedSeverity,
                        location: SourceLocation(path: path, line: lines[index], column: lines[index] > 0 ? 1 : 0),
                        message:
                            "baseline entry silences nothing: \(entry.summary); write the baseline again to drop it",
                        field: entry.field, language: entry.language))
            }
        }
        return (kept, used.count)
    }

    /// Display path → path relative to the collection folder, for every exhibit.
    static func relativePaths(_ collection: CaptionCollection) -> [String: String] {
        Dictionary(collection.exhibits.map { ($0.path, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
    }

    /// `path` without the collection folder in front.
    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
