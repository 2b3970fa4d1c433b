import Foundation

/// What `captions import FILE.tbx` is asked to do.
public struct GlossaryImportOptions: Sendable {
    /// The TBX files, merged in this order.
    var files: [String]
    /// Report what would change; write nothing.
    var dryRun: Bool
    /// Write nothing when any entry conflicts.
    var atomic: Bool
    /// The largest TBX file read, in bytes.
    var maximumSize: Int

    /// Creates options.
    public init(files: [String], dryRun: Bool = false, atomic: Bool = false, maximumSize: Int = 256 << 20) {
        self.files = files
        self.dryRun = dryRun
        self.atomic = atomic
        self.maximumSize = maximumSize
    }
}

/// What a TBX import did (or, with `--dry-run`, would do).
public struct GlossaryImportReport: Sendable {
    /// The counts for one TBX file.
    struct FileSummary: Sendable, Codable, Equatable {
        /// The TBX file.
        var path: String
        /// Entries appended to the glossary.
        var added = 0
        /// Entries the glossary already has.
        var identical = 0
        /// Entries that differ from the glossary's entry for the same concept (not merged).
        var conflicts = 0
        /// Entries without a term in the collection's languages, or removed from the glossary
        /// before (its git history says so).
        var skipped = 0
    }

    /// The glossary file.
    var glossary: String
    /// One summary per TBX file, in argument order.
    var files: [FileSummary]
    /// The ids of the entries added, in order.
    var added: [String]
    /// Conflicts, as located errors with a note at the glossary's entry.
    var problems: [Diagnostic]
    /// Entries skipped, as located warnings.
    var warnings: [Diagnostic]
    /// Whether the glossary was written (with `--dry-run`: would be).
    var written: Bool
    /// Whether this was a dry run.
    var dryRun: Bool
    /// Whether nothing was written because of `--atomic` and conflicts.
    var heldBack: Bool

    /// Whether any entry conflicts (the command exits 1).
    public var failed: Bool { !problems.isEmpty }

    /// The report for people: problems (with notes) and warnings, one summary line per file,
    /// then what was written.
    public var text: String {
        var output = TextReporter.lines(of: problems + warnings)
        for file in files {
            var parts = [
                "\(file.added) added", "\(file.identical) identical", TextReporter.plural(file.conflicts, "conflict"),
            ]
            if file.skipped > 0 { parts.append("\(file.skipped) skipped") }
            output += "\(file.path): \(parts.joined(separator: ", "))\n"
        }
        if heldBack {
            output += "nothing written: --atomic and \(TextReporter.plural(problems.count, "conflict"))\n"
        } else if dryRun {
            output +=
                written ? "dry run: \(glossary) would change; nothing written\n" : "dry run: nothing would change\n"
        } else if written {
            output +=
                "wrote \(glossary) (\(added.count) \(added.count == 1 ? "entry" : "entries") added: "
                + added.joined(separator: ", ") + ")\n"
        }
        return output
    }

    /// The JSON document (`version` 1): `glossary`, `dryRun`, `heldBack`, `written`, `added`,
    /// `files`, `problems` and `warnings` (as in `captions check --format json`).
    public func json() throws(CaptionError) -> String {
        struct Document: Encodable {
            var version = JSONReporter.schemaVersion
            var glossary: String
            var dryRun: Bool
            var heldBack: Bool
            var written: Bool
            var added: [String]
            var files: [FileSummary]
            var problems: [JSONReporter.Finding]
            var warnings: [JSONReporter.Finding]
        }
        return try JSONReporter.encode(
            Document(
                glossary: glossary, dryRun: dryRun, heldBack: heldBack, written: written, added: added, files: files,
                problems: problems.map(JSONReporter.finding), warnings: warnings.map(JSONReporter.finding)))
    }
}

/// Merges TBX files into the collection's `glossary.yml` (`captions import FILE.tbx`).
public enum GlossaryImporter {
    /// Reads every TBX file, merges its entries into the glossary of the collection at
    /// `collectionPath` (see ``GlossaryMerge``) and appends the new ones at the end of
    /// `glossary.yml`, in file and document order, under a comment naming the TBX file. The
    /// write takes the collection's lock and refuses a glossary changed since it was read.
    ///
    /// - Throws: ``CaptionError`` when the collection, its configuration or its glossary cannot
    ///   be read, a TBX file is unreadable, malformed, unsafe or over the size limit (nothing is
    ///   written then), or the glossary cannot be written.
    public static func run(_ options: GlossaryImportOptions, collectionPath root: String) throws(CaptionError)
        -> GlossaryImportReport
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .collectionNotFound(path: root)
        }
        let config = try CollectionLoader.loadConfig(in: root)
        let path = CollectionLoader.join(root, Glossary.fileName)
        let original = FileManager.default.fileExists(atPath: path) ? FileManager.default.contents(atPath: path) : nil
        if FileManager.default.fileExists(atPath: path), original == nil {
            throw .unreadable(path: path, reason: "permission denied or not a file")
        }
        let glossary =
            try original.map { (data) throws(CaptionError) in
                try GlossaryParser.parse(data: data, path: path, languages: config.languages)
            } ?? Glossary(entries: [], path: path)
        var read: [(path: String, entries: [TBXEntry])] = []
        for file in options.files {
            read.append((file, try TBXReader.read(path: file, maximumSize: options.maximumSize)))
        }
        var merge = GlossaryMerge(glossary, config: config) { GlossaryHistory.removals(inHistoryOf: path) }
        var summaries: [GlossaryImportReport.FileSummary] = []
        var text = original.map { String(decoding: $0, as: UTF8.self) } ?? ""
        // New lines end as the file's lines do (CRLF in a file saved on Windows); a byte order
        // mark stays where it is, at the start of the text.
        let newline = original.map { CaptionFileEditor.lineBreak(of: $0) } ?? "\n"
        if !text.isEmpty, text.unicodeScalars.last != "\n" { text += newline }
        for (file, entries) in read {
            var summary = GlossaryImportReport.FileSummary(path: file)
            let before = merge.added.count
            for entry in entries {
                switch try merge.merge(entry) {
                case .added: summary.added += 1
                case .identical: summary.identical += 1
                case .conflict: summary.conflicts += 1
                case .skipped: summary.skipped += 1
                }
            }
            let new = Array(merge.added[before...])
            if !new.isEmpty {
                text = GlossaryMerge.appending(
                    new, importedFrom: file, to: text, languages: config.languages, newline: newline)
            }
            summaries.append(summary)
        }
        let heldBack = options.atomic && !merge.problems.isEmpty
        let changes = !merge.added.isEmpty && !heldBack
        if changes {
            // What is written must read back as the old entries plus the new ones.
            let check = try GlossaryParser.parse(text: text, path: path, languages: config.languages)
            guard check.entries.map(\.id) == merge.entries.map(\.id) else {
                throw .unwritable(path: path, reason: "the merged glossary does not read back as written")
            }
            if !options.dryRun {
                try AtomicFile.replaceCaptionFile(
                    Data(text.utf8), at: path, readAs: original.map(ContentDigest.init), collection: root)
            }
        }
        return GlossaryImportReport(
            glossary: path, files: summaries, added: heldBack ? [] : merge.added.map(\.id), problems: merge.problems,
            warnings: merge.warnings, written: changes, dryRun: options.dryRun, heldBack: heldBack)
    }
}
