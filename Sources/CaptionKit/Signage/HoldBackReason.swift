/// Why an exhibit is not exported to signage, and where the problem is. ``Kind/unreadable``,
/// ``Kind/invalidID`` and ``Kind/duplicateID`` hold a file back from every export
/// (``ExportableFiles``).
public struct HoldBackReason: Sendable, Hashable {
    /// The kinds of problem that hold an exhibit back.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file could not be read as captions, or a value in it could not be read.
        case unreadable
        /// The `id` is missing or not a slug.
        case invalidID
        /// The gallery folder is not made of slugs.
        case invalidGallery
        /// Another exhibit has the same id.
        case duplicateID
        /// The label file would take the name of another export file.
        case reservedName
        /// A required field is absent.
        case missingField
        /// A field on the sign lacks one of the languages.
        case missingTranslation
        /// A field on the sign has empty text in one of the languages.
        case emptyText
        /// A translation was made from an earlier source text (see ``TranslationTracker``).
        case staleTranslation
        /// A translation is a copy of its source text (see ``CopiedTranslations``).
        case copiedTranslation
        /// A text lacks the review that `signage: require:` asks for.
        case notReviewed
        /// A text lacks the approval that `signage: require:` asks for.
        case notApproved
        /// A field on the sign is set on a panel whose font is missing, so its fit cannot be
        /// proved (unless `--allow-unmeasured` prints it unmeasured).
        case unmeasured
        /// `captions check` reports an error in the exhibit's file (``HoldBackReason/checkID``
        /// names the check), unless `--allow-check-errors` lets it through (``SignageChecks``).
        case checkError

        /// The id of the check that reports the same problem (`missing-translation`), or `nil`
        /// for a problem only the export looks for, and for ``checkError``, whose check is the
        /// reason's own ``HoldBackReason/checkID``.
        var checkID: String? {
            switch self {
            case .unreadable, .invalidGallery, .reservedName, .unmeasured, .checkError: nil
            case .invalidID: "invalid-id"
            case .duplicateID: "duplicate-id"
            case .missingField: "missing-field"
            case .missingTranslation: "missing-translation"
            case .emptyText: "empty-text"
            case .staleTranslation: "stale-translation"
            case .copiedTranslation: "untranslated"
            case .notReviewed: "not-reviewed"
            case .notApproved: "not-approved"
            }
        }
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// Where it is.
    var location: SourceLocation
    /// One sentence without a trailing period, e.g. `no Kazakh (kk) title`.
    public var message: String
    /// The field concerned, if any.
    var field: String?
    /// The language concerned, if any.
    var language: String?
    /// The id of the check that reports the problem (`number-mismatch`): the kind's
    /// ``Kind/checkID``, or for ``Kind/checkError`` the check whose error it is.
    public var checkID: String?

    /// Creates a reason.
    init(
        _ kind: Kind, at location: SourceLocation, _ message: String, field: String? = nil, language: String? = nil,
        checkID: String? = nil
    ) {
        self.kind = kind
        self.location = location
        self.message = message
        self.field = field
        self.language = language
        self.checkID = checkID ?? kind.checkID
    }

    /// The reason to hold back an exhibit with the error-level `finding` of `captions check`.
    init(checkError finding: Diagnostic) {
        self.init(
            .checkError, at: finding.location, finding.message, field: finding.field, language: finding.language,
            checkID: finding.checkID)
    }

    /// The message as the export prints it: a check's error ends with its id, as in `captions
    /// check` (`… missing 1938 [number-mismatch]`).
    var printedMessage: String {
        guard kind == .checkError, let checkID else { return message }
        return "\(message) [\(checkID)]"
    }
}

/// An exhibit that the signage export held back, with every reason.
public struct HeldBackExhibit: Sendable, Hashable {
    /// The exhibit's id as displayed (its file name when the id is missing).
    var displayID: String
    /// The gallery folder.
    var gallery: String
    /// The caption file.
    var path: String
    /// The reasons, in file order.
    var reasons: [HoldBackReason]

    /// Creates a held-back exhibit.
    init(displayID: String, gallery: String, path: String, reasons: [HoldBackReason]) {
        self.displayID = displayID
        self.gallery = gallery
        self.path = path
        self.reasons = reasons
    }

    /// The held-back `exhibit`, with `reasons` from ``SignageGate``.
    init(_ exhibit: Exhibit, reasons: [HoldBackReason]) {
        self.init(displayID: exhibit.displayID, gallery: exhibit.gallery, path: exhibit.path, reasons: reasons)
    }

    /// One compiler-style line per reason: `path:line:col: error: <id> held back: <reason>`.
    var formattedLines: [String] {
        reasons.map { $0.location.line(.error, "\(displayID) held back: \($0.printedMessage)") }
    }
}
