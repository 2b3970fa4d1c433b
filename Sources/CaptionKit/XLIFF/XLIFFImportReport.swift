/// What `captions import` did (or, with `--dry-run`, would do).
public struct XLIFFImportReport: Sendable {
    /// The counts for one XLIFF file.
    public struct FileSummary: Sendable, Codable, Equatable {
        /// The XLIFF file.
        var path: String
        /// Its target language(s), comma-separated when it has several `<file>` elements.
        public var targetLanguage: String
        /// Translations written (new or changed).
        public var applied = 0
        /// Targets equal to the caption's current text.
        public var unchanged = 0
        /// Of ``unchanged``, the translations that stay stale: their source changed since they
        /// were made, and returning them as they were confirms nothing.
        var unchangedStale = 0
        /// Units not translated: no target, an empty one, a copy of the source, or a draft its
        /// tool marks as still needing work (``markedUnfinished``).
        public var skipped = 0
        /// Translations not applied because the caption's source changed after the export.
        public var conflicts = 0
        /// Units whose id names no exhibit field of the collection.
        public var unknown = 0
        /// Units refused because their text holds inline codes `captions` cannot keep.
        var refused = 0
        /// Of ``skipped``, the drafts a translation tool marks as still needing work (XLIFF 1.2
        /// `approved="no"` with a `new` or `needs-…` state: Weblate's "Needs editing").
        var markedUnfinished = 0
        /// Of ``skipped``, the targets that are copies of their source as `captions check`
        /// decides them (each named in a `copy-of-source` warning).
        var copiesOfSource = 0
        /// With `--trust-states`: what the units' states did.
        public var states: StateSummary?
    }

    /// What `--trust-states` did with the units of one file whose state says reviewed or final.
    public struct StateSummary: Sendable, Codable, Equatable {
        /// The name the reviews are recorded by.
        public var by: String
        /// Reviews recorded (target unchanged).
        public var recorded = 0
        /// Targets unchanged whose current texts a review already covers.
        public var alreadyReviewed = 0
        /// Targets unchanged that could not be reviewed (stale, ...), each named in a warning.
        public var refused = 0
        /// Targets that changed: imported as new text, without a review.
        public var changed = 0
    }

    /// One caption text the import writes (with `--dry-run`: would write).
    public struct TextChange: Sendable, Codable, Equatable {
        /// The exhibit's id.
        public var exhibit: String
        /// Its caption file.
        var path: String
        public var field: String
        public var language: String
        /// The text now, or `nil` when the exhibit has none in this language.
        public var before: String?
        /// The translation the import writes.
        public var after: String
        /// Where the text is in the caption file (its field's key for a new text); not in the JSON.
        var location: SourceLocation? = nil

        private enum CodingKeys: String, CodingKey {
            case exhibit, path, field, language, before, after
        }

        /// The longest text a ``line`` shows in full, in characters.
        static let shownLength = 60

        /// The change on one line, for a dry run:
        /// `Captions/g/k.yml:3:7: title (en) of k: "Barbed wire" → "Barbed-wire fence"`, each text
        /// cut to its first ``shownLength`` characters (the last `…`, no space before it), a
        /// missing one `(no text)`.
        var line: String {
            let place = location.map { "\($0): " } ?? "\(path): "
            return "\(place)\(field) (\(language)) of \(exhibit): \(Self.shown(before)) → \(Self.shown(after))"
        }

        /// `text` as a line shows it: double-quoted, cut to its first ``shownLength`` characters
        /// (the last `…`), `(no text)` for none.
        static func shown(_ text: String?) -> String {
            guard let text else { return "(no text)" }
            guard text.count > shownLength else { return YAMLScalarWriter.doubleQuoted(text) }
            var cut = String(text.prefix(shownLength - 1))
            while cut.last?.isWhitespace == true { cut.removeLast() }
            return YAMLScalarWriter.doubleQuoted(cut + "…")
        }
    }

    /// A text whose review `--trust-states` records (with `--dry-run`: would record).
    public struct TextReview: Sendable, Codable, Equatable {
        /// The exhibit's id.
        public var exhibit: String
        /// Its caption file.
        var path: String
        public var field: String
        public var language: String
    }

    /// The collection folder.
    public var collection: String
    /// One summary per XLIFF file, in argument order.
    public var files: [FileSummary]
    /// Conflicts, unknown ids and refused units, as located errors.
    public var problems: [Diagnostic]
    /// Units imported all the same but worth a question to the translator (a target with fewer
    /// paragraphs than its source: `paragraphs-merged`), and drafts left alone
    /// (`marked-unfinished`), as located warnings.
    public var warnings: [Diagnostic] = []
    /// Caption files written (with `--dry-run`: that would be written), sorted.
    public var written: [String]
    /// The texts written (with `--dry-run`: that would be written), in file order, then in the
    /// configuration's order of fields and languages; none when nothing is written.
    public var changes: [TextChange] = []
    /// With `--trust-states`: the texts whose reviews are recorded (with `--dry-run`: would be),
    /// in the order of ``changes``; none when nothing is written.
    public var reviews: [TextReview] = []
    /// Whether this was a dry run.
    var dryRun: Bool
    /// Whether nothing was written because of `--atomic` and problems.
    var heldBack: Bool

    /// Whether any unit could not be imported (the command exits 1).
    public var failed: Bool { !problems.isEmpty }

    /// The report for people: problems (with notes), one summary line per file, and what was
    /// written (with `--dry-run`: one line per text that would be written, ``TextChange/line``).
    public var text: String {
        var output = TextReporter.lines(of: problems + warnings)
        for file in files {
            var notTranslated = "\(file.skipped) not translated"
            var which: [String] = []
            if file.markedUnfinished > 0 { which.append("\(file.markedUnfinished) marked as needing work") }
            if file.copiesOfSource > 0 {
                which.append("\(file.copiesOfSource) \(file.copiesOfSource == 1 ? "a copy" : "copies") of the source")
            }
            if !which.isEmpty { notTranslated += " (\(which.joined(separator: ", ")))" }
            var unchanged = "\(file.unchanged) unchanged"
            if file.unchangedStale > 0 {
                unchanged +=
                    " (\(file.unchangedStale) still stale: change \(file.unchangedStale == 1 ? "it" : "them") in the "
                    + "translation tool, or confirm with captions accept)"
            }
            var parts = ["\(file.applied) applied", unchanged, notTranslated]
            parts.append(TextReporter.plural(file.conflicts, "conflict"))
            parts.append("\(file.unknown) unknown id\(file.unknown == 1 ? "" : "s")")
            if file.refused > 0 { parts.append("\(file.refused) refused") }
            output += "\(file.path) (\(file.targetLanguage)): \(parts.joined(separator: ", "))\n"
            if let states = file.states {
                output +=
                    "\(file.path) (\(file.targetLanguage)): states marked reviewed: "
                    + "\(TextReporter.plural(states.recorded, "review")) recorded by \(states.by), "
                    + "\(states.alreadyReviewed) already reviewed, \(states.refused) refused, "
                    + "\(states.changed) changed (imported without review)\n"
            }
        }
        if heldBack {
            output += "nothing written: --atomic and \(TextReporter.plural(problems.count, "problem"))\n"
        } else if dryRun {
            for change in changes { output += change.line + "\n" }
            output += "dry run: \(TextReporter.plural(written.count, "caption file")) would change; nothing written\n"
        } else {
            for path in written { output += "wrote \(path)\n" }
        }
        return output
    }

    /// The JSON document of an import (of XLIFF or TBX files) that could not run (exit 2), as
    /// `captions check --format json` writes it: `{"error": {"message", "path", "line",
    /// "column"}, "version": 1}`, the position fields when known.
    public static func json(_ error: CaptionError) throws(CaptionError) -> String {
        try JSONReporter.report(error)
    }

    /// The JSON document (`version` 1): `collection`, `dryRun`, `heldBack`, `files`,
    /// `problems` and `warnings` (as in `captions check --format json`), `written`, `changes`
    /// and `reviews`.
    public func json() throws(CaptionError) -> String {
        struct Document: Encodable {
            var version = 1
            var collection: String
            var dryRun: Bool
            var heldBack: Bool
            var files: [FileSummary]
            var problems: [JSONReporter.Finding]
            var warnings: [JSONReporter.Finding]
            var written: [String]
            var changes: [TextChange]
            var reviews: [TextReview]
        }
        return try JSONReporter.encode(
            Document(
                collection: collection, dryRun: dryRun, heldBack: heldBack, files: files,
                problems: problems.map(JSONReporter.finding), warnings: warnings.map(JSONReporter.finding),
                written: written, changes: changes, reviews: reviews))
    }
}
