import Foundation

/// `captions review` and `captions approve`: a second person's review of a translation and the
/// approval for print, each tied to the fingerprints of the exact texts it covered (see
/// ``SignOffState``). Any later change to either text demotes it.
public enum SignOff {
    /// What a sign-off does.
    public enum Action: String, Sendable, Hashable {
        /// A second person read the translation against the source.
        case review
        /// Cleared for print (a translation must be reviewed first; the source language is
        /// approved directly).
        case approve
    }

    /// One sign-off of some texts of one exhibit.
    public struct Request: Sendable, Hashable {
        /// Review or approve.
        var action: Action
        /// The exhibit id.
        var id: String
        /// The fields; empty for every configured field.
        var fields: [String]
        /// The languages; empty for the target languages (review) or every language (approve).
        var languages: [String]
        /// The name or initials of the person signing off.
        var by: String
        /// The day, `YYYY-MM-DD` (see ``SignOff/today(environment:now:)``).
        var date: String
        /// The texts the signer saw: field → language → ``SignOff/fingerprint(of:)`` of the text
        /// (`""` for no text). When a text named here is not that text any more, nothing is
        /// signed off and ``run(_:in:dryRun:)`` throws ``CaptionError/conflict(path:)``. Empty
        /// (the command line) for the texts as they are when the command runs.
        var expectedTexts: [String: [String: String]]

        /// A request; see the properties.
        public init(
            action: Action, id: String, fields: [String] = [], languages: [String] = [], by: String, date: String,
            expectedTexts: [String: [String: String]] = [:]
        ) {
            self.action = action
            self.id = id
            self.fields = fields
            self.languages = languages
            self.by = by
            self.date = date
            self.expectedTexts = expectedTexts
        }
    }

    /// A text that could not be signed off, and why (or, ``Kind/idNotASlug(suggestion:)``, the
    /// whole exhibit).
    public struct Refusal: Sendable, Hashable {
        /// The field; empty when the whole exhibit is refused.
        var field: String
        /// The language; empty when the whole exhibit is refused.
        var language: String
        /// Where the text (or its field, or the refused exhibit's id) is.
        var location: SourceLocation
        /// One sentence without a trailing period.
        public var reason: String
        /// The reason as a value, for a program that says it in its own words.
        public var kind: Kind

        /// Why a text could not be signed off.
        public enum Kind: Sendable, Hashable {
            /// A review of a source text, which is approved rather than reviewed.
            case sourceReviewed
            /// The text is missing or empty.
            case noText
            /// The translation is stale: its source changed since it was translated.
            case stale
            /// A review of a translation whose field has no source text (in `language`) to be
            /// reviewed against.
            case noSourceText(language: String)
            /// An approval of a translation that no current review covers.
            case notReviewed
            /// An approval by the translation's own reviewer, with four eyes.
            case approvedByReviewer
            /// The exhibit's id is not a slug, and texts are signed off by exhibit id: nothing
            /// of it is signed off (as `approve --all-reviewed` passes its file over), until its
            /// file says `id: <suggestion>`.
            case idNotASlug(suggestion: String)
        }

        /// `path:line:col: error: <id>: <field> (<language>) <reason>` (`warning:` for a text
        /// `approve --all-reviewed` skips); for an id that is not a slug, at the id,
        /// `path:line:col: error: <path> has the id 'Kurt Story', which is not a slug (lowercase
        /// letters, digits and single hyphens), and texts are signed off by exhibit id; make it
        /// 'id: kurt-story', then run the command again`.
        public func line(id: String, _ severity: Severity = .error) -> String {
            if case .idNotASlug = kind { return location.line(severity, reason) }
            return location.line(severity, "\(id): \(field) (\(language)) \(reason)")
        }
    }

    /// What a sign-off of one exhibit did.
    public struct Result: Sendable, Hashable {
        /// The exhibit id.
        public var id: String
        /// The caption file.
        public var path: String
        /// `field (language)` entries signed off now, in field then language order.
        public var signedOff: [String]
        /// Entries that already had this sign-off for their current texts, as sentences
        /// (`title (kk) of k was already reviewed by AB on 2026-12-03`).
        public var alreadySignedOff: [String]
        /// Entries refused, with the reason.
        public var refused: [Refusal]
    }

    /// Today's date for a sign-off, `YYYY-MM-DD` in UTC: from `SOURCE_DATE_EPOCH` (seconds since
    /// 1970) when set, so tests and reproducible runs get fixed bytes, else from the clock.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` when `SOURCE_DATE_EPOCH` is not a number
    ///   of seconds.
    public static func today(
        environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws(CaptionError) -> String {
        var seconds = Int64(now.timeIntervalSince1970)
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let value = Int64(epoch), value >= 0, value < 253_402_300_800 else {
                throw .invalidArgument("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '\(epoch)'")
            }
            seconds = value
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = Int(parts.tm_year) + 1900
        let month = Int(parts.tm_mon) + 1
        let day = Int(parts.tm_mday)
        return String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "")
            + String(day)
    }

    /// The fingerprint of a text as the record keeps it (8 hexadecimal digits of the SHA-256 of
    /// its NFC form): what a page showing the text sends back in ``Request/expectedTexts``.
    public static func fingerprint(of text: String) -> String { SourceFingerprint.of(text) }

    /// Why `name` cannot be recorded as a signer (empty, too long, a line break, a `;`...), as a
    /// sentence without a trailing period; `nil` when it can.
    public static func problem(withName name: String) -> String? { SignOffMark.problem(withName: name) }

    /// Why `name` cannot be recorded as a signer, as a value a program can say in its own words
    /// (``NameProblem/message`` is ``problem(withName:)``'s sentence); `nil` when it can.
    public static func nameProblem(_ name: String) -> NameProblem? { SignOffMark.nameProblem(name) }

    /// Why a name cannot be recorded as a reviewer or approver.
    public enum NameProblem: Hashable, Sendable {
        /// No name at all.
        case empty
        /// Longer than 64 characters.
        case tooLong
        /// A line break or control character.
        case lineBreakOrControl
        /// An invisible formatting character (a right-to-left override shows "AB" where the
        /// record says "BA"), with its code point: `U+202E`.
        case formattingCharacter(String)
        /// A `;`, which the record uses between sign-offs.
        case semicolon
        /// A space at the start or end, or two in a row.
        case spaceAtEndOrDoubled
        /// A space other than the plain space (U+0020).
        case otherSpace

        /// The problem in English, as `review`, `approve` and `import --trust-states` say it
        /// after `--by NAME:`.
        public var message: String {
            switch self {
            case .empty: "the name is empty"
            case .tooLong: "the name is longer than 64 characters"
            case .lineBreakOrControl: "the name has a line break or control character"
            case .formattingCharacter(let codePoint): "the name has the invisible formatting character \(codePoint)"
            case .semicolon: "the name has a ';', which the record uses between sign-offs"
            case .spaceAtEndOrDoubled: "the name starts or ends with a space or has two spaces in a row"
            case .otherSpace: "the name has a space other than the plain space"
            }
        }
    }

    /// Loads the collection at `path` and runs `request`; see ``run(_:in:dryRun:)``.
    public static func run(_ request: Request, collectionAt path: String) throws(CaptionError) -> Result {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        return try run(request, in: collection)
    }

    /// Reviews or approves the selected texts of exhibit `request.id`, and writes its caption
    /// file (only the `translations:` record changes) when anything was signed off.
    ///
    /// A text is refused, with the reason, when it is missing or stale; a review of the source
    /// language is refused (it is approved directly); an approval of a translation is refused
    /// unless a review covers its current texts. An exhibit whose id is not a slug is refused
    /// whole, in one refusal at its id (``Refusal/Kind/idNotASlug(suggestion:)``), and nothing
    /// is written. The decisions are made on the file as it is on
    /// disk now. With `dryRun`, nothing is written.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an unknown exhibit, field or language,
    ///   a name that cannot be recorded or a malformed date; ``CaptionError/invalidInput(_:_:)``
    ///   when the file has errors or its record cannot be rewritten safely;
    ///   ``CaptionError/conflict(path:)`` when a text of `request.expectedTexts` changed.
    static func run(_ request: Request, in collection: CaptionCollection, dryRun: Bool = false)
        throws(CaptionError) -> Result
    {
        let config = collection.config
        var request = request
        request.languages = request.languages.map(config.spelledAsConfigured)
        try validate(by: request.by, date: request.date, config: config)
        for field in request.fields where !config.hasField(field) {
            throw .invalidArgument(config.notAField(field))
        }
        for language in request.languages where !config.languages.contains(language) {
            throw .invalidArgument(config.notALanguage("--lang \(language)", tag: language))
        }
        let loaded = try collection.exhibit(id: request.id)
        if let notASlug = loaded.idNotASlug {
            // Texts are signed off by exhibit id: none of a file `approve --all-reviewed` passes over.
            let refusal = Refusal(
                field: "", language: "", location: loaded.idLocation,
                reason: "\(notASlug.why); \(notASlug.fix), then run the command again",
                kind: .idNotASlug(suggestion: notASlug.suggestion))
            return Result(id: request.id, path: loaded.path, signedOff: [], alreadySignedOff: [], refused: [refusal])
        }
        var editor = try CaptionFileEditor(editing: loaded)
        let exhibit = editor.current()
        for (field, languages) in request.expectedTexts {
            for (language, expected) in languages {
                let current = exhibit.field(field)?.translation(language).map { fingerprint(of: $0.text) } ?? ""
                if current != expected { throw .conflict(path: loaded.path) }
            }
        }
        let fields = request.fields.isEmpty ? config.fields.map(\.name) : request.fields
        let languages =
            request.languages.isEmpty
            ? (request.action == .review ? config.targetLanguages : config.languages) : request.languages
        let plan = SignOffPlan(
            exhibit, config: config, action: request.action, mark: SignOffMark(by: request.by, date: request.date),
            fields: config.fields.map(\.name).filter(fields.contains),
            languages: config.languages.filter(languages.contains), namedFields: !request.fields.isEmpty)
        if !plan.entries.isEmpty {
            try editor.recordSignOffs(
                plan.entries, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
            if !dryRun {
                try AtomicFile.replaceCaptionFile(
                    editor.data, at: loaded.path, readAs: editor.readDigest, collection: collection.rootPath)
            }
        }
        return Result(
            id: request.id, path: loaded.path, signedOff: plan.signedOff, alreadySignedOff: plan.already,
            refused: plan.refused)
    }

    /// Loads the collection at `path` and approves every reviewed translation; see
    /// ``approveAllReviewed(gallery:by:date:withSource:in:dryRun:)``. `passedOver` names each file of the
    /// gallery (or the collection) that cannot be read as captions, is read with errors or has no
    /// id or one that is not a slug, in file order: it may hold reviewed texts, which were not approved.
    ///
    /// With `withSource`, the source texts that are not approved yet are approved too (they need
    /// no review).
    public static func approveAllReviewed(
        gallery: String?, by: String, date: String, withSource: Bool = false, collectionAt path: String
    ) throws(CaptionError) -> (results: [Result], passedOver: [PassedOverFile]) {
        let collection = try CaptionCollection.load(path: path)
        defer { releaseInBackground(collection) }
        let results = try approveAllReviewed(
            gallery: gallery, by: by, date: date, withSource: withSource, in: collection)
        return (results, collection.filesPassedOver(inGallery: gallery, needingID: true))
    }

    /// Approves every translation whose review covers its current texts and that is not yet
    /// approved (with `withSource`, every source text not yet approved too), in the gallery
    /// `gallery` (with its sub-galleries) or the whole collection; one
    /// result per exhibit with something approved or skipped, in file order. With four eyes, the
    /// texts `by` reviewed are skipped: they are the result's ``Result/refused``. A file that
    /// cannot be read as captions, is read with errors or has no id or one that is not a slug
    /// is passed over
    /// (``CaptionCollection/filesPassedOver(inGallery:needingID:)``).
    /// Every file is written atomically under the collection lock, and none when one cannot be
    /// edited or changed on disk since it was read.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for an unknown gallery, a name that cannot
    ///   be recorded or a malformed date; ``CaptionError/invalidInput(_:_:)`` when a file
    ///   cannot be edited safely (nothing is written then).
    static func approveAllReviewed(
        gallery: String?, by: String, date: String, withSource: Bool = false, in collection: CaptionCollection,
        dryRun: Bool = false
    ) throws(CaptionError) -> [Result] {
        let config = collection.config
        try validate(by: by, date: date, config: config)
        if let gallery, !collection.exhibits.contains(where: { $0.isInGallery(gallery) }) {
            let galleries = Set(collection.exhibits.map(\.gallery)).filter { !$0.isEmpty }.sorted()
            let hint = Suggestion.didYouMean(gallery, in: galleries)
            throw .invalidArgument("no gallery '\(gallery)' in \(collection.rootPath)\(hint)")
        }
        var results: [Result] = []
        var files: [(path: String, data: Data, readAs: ContentDigest?)] = []
        for loaded in collection.exhibits
        where loaded.isReadWithoutErrors && loaded.hasValidID && loaded.isInGallery(gallery) {
            // A quick look at the loaded exhibit first: most files have nothing reviewed.
            guard withSource || !TranslationRecord(exhibit: loaded).signOffs.isEmpty else { continue }
            var editor = try CaptionFileEditor(editing: loaded)
            let exhibit = editor.current()
            let record = TranslationRecord(exhibit: exhibit)
            var languages: [String] = []
            if withSource {
                // The source language is approved directly: a text of it not yet approved.
                for spec in config.fields
                where exhibit.field(spec.name)?.translation(config.source)?.isBlank == false {
                    let state = SignOffTracker.state(
                        of: exhibit, field: spec.name, language: config.source, config: config, record: record)
                    if state.approval == nil {
                        languages.append(config.source)
                        break
                    }
                }
            }
            for spec in config.fields {
                for language in config.targetLanguages {
                    let state = SignOffTracker.state(
                        of: exhibit, field: spec.name, language: language, config: config, record: record)
                    if state.review != nil && state.approval == nil && !languages.contains(language) {
                        languages.append(language)
                    }
                }
            }
            guard !languages.isEmpty else { continue }
            var plan = SignOffPlan(
                exhibit, config: config, action: .approve, mark: SignOffMark(by: by, date: date),
                fields: config.fields.map(\.name), languages: config.languages.filter(languages.contains),
                namedFields: false)
            // Only what is reviewed is asked for here: the rest is not a refusal. An approval by
            // the reviewer, which four eyes does not count, is skipped, and said.
            plan.refused = plan.refusedToReviewer
            plan.already = []
            guard !plan.entries.isEmpty || !plan.refused.isEmpty else { continue }
            if !plan.entries.isEmpty {
                try editor.recordSignOffs(
                    plan.entries, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
                files.append((loaded.path, editor.data, editor.readDigest))
            }
            results.append(
                Result(
                    id: loaded.id ?? "", path: loaded.path, signedOff: plan.signedOff, alreadySignedOff: [],
                    refused: plan.refused))
        }
        if !dryRun { try AtomicFile.replaceCaptionFiles(files, collection: collection.rootPath) }
        return results
    }

    private static func validate(by name: String, date: String, config: CollectionConfig) throws(CaptionError) {
        if let error = SignOffMark.byOptionError(forName: name) { throw .invalidArgument(error) }
        // A `four-eyes` that is not true or false is said here, not taken for false.
        _ = try config.fourEyes()
        guard SignOffMark.isWellFormedDate(date) else {
            throw .invalidArgument("the date '\(date)' is not written YYYY-MM-DD")
        }
    }
}

extension Exhibit {
    /// The slug to write as this exhibit's id, when its id is not one: ``SignOff/run(_:in:dryRun:)``
    /// then signs none of its texts off (``SignOff/Refusal/Kind/idNotASlug(suggestion:)``);
    /// `nil` when the id is a slug or there is none.
    public var slugForSignOff: String? { idNotASlug?.suggestion }

    /// Where each text of this exhibit stands: its translation state and the review and
    /// approval that cover its current texts (see ``SignOffState``); the exhibit's
    /// `translations:` record is read once, then `state(field, language)` answers.
    public func signOffStates(config: CollectionConfig) -> (_ field: String, _ language: String) -> SignOffState {
        let record = TranslationRecord(exhibit: self)
        return { field, language in
            SignOffTracker.state(of: self, field: field, language: language, config: config, record: record)
        }
    }
}
