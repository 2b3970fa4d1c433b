/// The print gate: decides whether an exhibit's label may go on a sign, and says why not.
///
/// An exhibit goes to signage only when every field that goes on the sign (every configured
/// field the exhibit has, and every required one) has non-empty text in every configured
/// language that is not a copy of the source (``CopiedTranslations``), at the sign-off level
/// ``required``, its file is one that every export takes (``ExportableFiles``: read without
/// errors, a valid id no other file has), its id and gallery are safe file names, no field on
/// the sign is on a panel whose font is missing (``PanelFonts/unmeasured``, unless
/// ``allowsUnmeasured`` or `overflows-panel` is not an error), and no error of `captions check`
/// is in its file (unless ``allowsCheckErrors``). It is the one judge of the export, the
/// editor's "ready for print" list (``PrintReadiness``) and its label preview
/// (``LabelPreview``): everything it asks is in ``reasons(for:)`` and
/// ``reasons(for:checkFindings:)``, so a new reason is added in one place.
struct SignageGate: Sendable {
    /// The collection's configuration.
    var config: CollectionConfig
    /// The level every text must reach (`signage: require:`); above `translated`, a text
    /// without a review or approval that covers it is held back.
    var required: SignOffLevel = .translated
    /// Whether labels with a field on a panel whose font is missing are printed unmeasured
    /// (`--allow-unmeasured`) instead of held back.
    var allowsUnmeasured = false
    /// Whether errors of `captions check` let a label through (`--allow-check-errors`).
    var allowsCheckErrors = false
    /// The files no export takes (unreadable, no valid or a shared id): held back first.
    private var files: ExportableFiles
    /// The translations that are copies of their source, held back like missing ones; `nil`
    /// for a malformed `untranslated` entry (the export reads it first and stops).
    var copies: CopiedTranslations?
    /// The fields set on a panel whose font is missing, by field name: the panel's name and
    /// its font's problem (``PanelFonts/unmeasured``).
    private var unmeasured: [String: (panel: String, problem: PanelFonts.Problem)]
    /// Whether `overflows-panel` is an error: a collection that prints a text measured not to
    /// fit prints an unmeasured one too.
    private var overflowsPanelIsError: Bool

    /// The label file name reserved for the Data Merge file at the top of the export folder.
    static let reservedRootIDs: Set<String> = ["datamerge"]

    /// Creates the gate for a collection; `panels` are its panels with their fonts, found
    /// again from its configuration when not given.
    init(collection: CaptionCollection, panels: PanelFonts? = nil) {
        config = collection.config
        copies = try? CopiedTranslations(config: config)
        files = ExportableFiles(collection)
        unmeasured = (panels ?? PanelFonts(config: config)).unmeasured
        overflowsPanelIsError = config.severity(of: OverflowsPanelCheck.description) == .error
    }

    /// Whether labels with a field on a panel whose font is missing are held back.
    var holdsBackUnmeasured: Bool { !allowsUnmeasured && overflowsPanelIsError }

    /// What the export says of a panel font that could not be used (`problem`): what is wrong,
    /// then what becomes of the labels with a field on its panel.
    func fontWarning(_ problem: PanelFonts.Problem) -> SignageWarning {
        let why = overflowsPanelIsError ? "--allow-unmeasured" : "overflows-panel is not an error"
        let outcome =
            holdsBackUnmeasured
            ? "the labels with a field on it are held back"
            : "the labels with a field on it are written unmeasured (\(why)): the character limits apply instead"
        return SignageWarning(location: problem.location, message: "\(problem.fault); \(outcome)")
    }

    /// Why a current text falls short of ``required``, or `nil` when it meets it.
    private func signOffReason(
        _ state: SignOffState, field: String, language: String, at location: SourceLocation
    ) -> HoldBackReason? {
        let isSource = language == config.source
        guard !state.meets(required, isSource: isSource) else { return nil }
        let text = "the \(Language.displayName(language)) \(field)"
        if !isSource && state.review == nil {
            let outdated = NotReviewedCheck.outdatedNote(state.outdated, missing: .reviewed)
            return HoldBackReason(
                .notReviewed, at: location,
                "\(text) is not reviewed\(outdated) (signage requires \(required.rawValue))",
                field: field, language: language)
        }
        if let byReviewer = state.approvalByReviewer {
            return HoldBackReason(
                .notApproved, at: location,
                """
                \(text) is not approved: it was approved by its reviewer (\(byReviewer.by)), and another person \
                must approve it (signage requires approved)
                """,
                field: field, language: language)
        }
        let outdated = NotReviewedCheck.outdatedNote(state.outdated, missing: .approved)
        return HoldBackReason(
            .notApproved, at: location, "\(text) is not approved\(outdated) (signage requires approved)",
            field: field, language: language)
    }

    /// Every reason to hold `exhibit` back, in file order; empty when it may be exported.
    func reasons(for exhibit: Exhibit) -> [HoldBackReason] {
        let start = SourceLocation(path: exhibit.path, line: 1, column: 1)
        var reasons = files.reasons(for: exhibit)
        guard exhibit.isReadable else { return reasons }
        if let id = exhibit.id, ExhibitID.isValid(id), !files.isShared(id), exhibit.gallery.isEmpty,
            Self.reservedRootIDs.contains(id)
        {
            reasons.append(
                HoldBackReason(
                    .reservedName, at: exhibit.idLocation,
                    """
                    id '\(id)' at the collection root would overwrite \(id).txt of the export; move it into a \
                    gallery folder
                    """
                ))
        }
        if !ExhibitID.isValidGallery(exhibit.gallery) {
            reasons.append(
                HoldBackReason(.invalidGallery, at: start, "gallery folder '\(exhibit.gallery)' is not made of slugs"))
        }
        let record = TranslationRecord(exhibit: exhibit)
        let copied = copies?.copies(in: exhibit) ?? []
        for spec in config.fields {
            guard let field = exhibit.field(spec.name) else {
                if spec.required {
                    reasons.append(
                        HoldBackReason(
                            .missingField, at: exhibit.id != nil ? exhibit.idLocation : start,
                            "no \(spec.name) (a required field)", field: spec.name))
                }
                continue
            }
            for language in config.languages {
                guard let translation = field.translation(language) else {
                    reasons.append(
                        HoldBackReason(
                            .missingTranslation, at: field.location,
                            "no \(Language.displayName(language)) \(spec.name)",
                            field: spec.name, language: language))
                    continue
                }
                if translation.isBlank {
                    reasons.append(
                        HoldBackReason(
                            .emptyText, at: translation.valueLocation,
                            "the \(Language.displayName(language)) \(spec.name) is empty",
                            field: spec.name, language: language))
                    continue
                }
                if language != config.source,
                    TranslationTracker.state(
                        of: exhibit, field: spec.name, language: language, config: config, record: record
                    ).isStale
                {
                    reasons.append(
                        HoldBackReason(
                            .staleTranslation, at: translation.keyLocation,
                            """
                            the \(Language.displayName(language)) \(spec.name) was translated from an earlier \
                            \(config.source) text
                            """,
                            field: spec.name, language: language))
                    continue
                }
                if !copied.isEmpty, copied.contains(.init(field: spec.name, language: language)) {
                    reasons.append(
                        HoldBackReason(
                            .copiedTranslation, at: translation.valueLocation,
                            """
                            the \(Language.displayName(language)) \(spec.name) is a copy of the \
                            \(Language.displayName(config.source)) source
                            """,
                            field: spec.name, language: language))
                    continue
                }
                if required > .translated,
                    let reason = signOffReason(
                        SignOffTracker.state(
                            of: exhibit, field: spec.name, language: language, config: config, record: record),
                        field: spec.name, language: language, at: translation.keyLocation)
                {
                    reasons.append(reason)
                }
            }
        }
        if holdsBackUnmeasured, !unmeasured.isEmpty { reasons += unmeasuredReasons(for: exhibit) }
        return reasons.sorted { $0.location < $1.location }
    }

    /// Why `exhibit` is held back, ``reasons(for:)`` and the errors among `checkFindings`, what
    /// `captions check` reports in its file (unless ``allowsCheckErrors``), in file order.
    func reasons(for exhibit: Exhibit, checkFindings: [Diagnostic]) -> [HoldBackReason] {
        adding(checkFindings: checkFindings, to: reasons(for: exhibit))
    }

    /// `reasons` (of ``reasons(for:)``) with a reason for each error among `checkFindings` that
    /// holds a label back (``SignageChecks/holdsBack(_:)``), in file order; `reasons` as they are
    /// when there is none or ``allowsCheckErrors``.
    func adding(checkFindings: [Diagnostic], to reasons: [HoldBackReason]) -> [HoldBackReason] {
        guard !allowsCheckErrors else { return reasons }
        let errors = checkFindings.filter(SignageChecks.holdsBack)
        guard !errors.isEmpty else { return reasons }
        return (reasons + errors.map(HoldBackReason.init(checkError:))).sorted { $0.location < $1.location }
    }

    /// Why `exhibit` is held back for fields set on a panel whose font is missing, one reason
    /// per such panel: nothing can prove that their text fits.
    private func unmeasuredReasons(for exhibit: Exhibit) -> [HoldBackReason] {
        var byPanel: [(panel: String, problem: PanelFonts.Problem, fields: [CaptionField])] = []
        for spec in config.fields {
            guard let (panel, problem) = unmeasured[spec.name], let field = exhibit.field(spec.name) else {
                continue
            }
            if let index = byPanel.firstIndex(where: { $0.panel == panel }) {
                byPanel[index].fields.append(field)
            } else {
                byPanel.append((panel, problem, [field]))
            }
        }
        return byPanel.map { panel, problem, fields in
            HoldBackReason(
                .unmeasured, at: fields[0].location,
                """
                its \(fields.map(\.name).joined(separator: " and ")) cannot be measured on the panel '\(panel)', whose \
                font is missing (\(problem.location)); install the font, or export with --allow-unmeasured
                """,
                field: fields.count == 1 ? fields[0].name : nil)
        }
    }
}
