/// The completeness gate: decides whether an exhibit may go on a sign.
///
/// An exhibit goes to signage only when every field that goes on the sign (every configured
/// field the exhibit has, and every required one) has non-empty text in every configured
/// language that is not a copy of the source (``CopiedTranslations``), its file is one that
/// every export takes (``ExportableFiles``: read without errors, a valid id no other file has),
/// and its id and gallery are safe file names. Everything the gate asks is in ``reasons(for:)``,
/// so a new reason (stale translations) is added in one place.
struct SignageGate: Sendable {
    /// The collection's configuration.
    var config: CollectionConfig
    /// The level every text must reach (`signage: require:`); above `translated`, a text
    /// without a review or approval that covers it is held back.
    var required: SignOffLevel = .translated
    /// The files no export takes (unreadable, no valid or a shared id): held back first.
    private var files: ExportableFiles
    /// The translations that are copies of their source, held back like missing ones; `nil`
    /// for a malformed `untranslated` entry (the export reads it first and stops).
    var copies: CopiedTranslations?

    /// The label file name reserved for the Data Merge file at the top of the export folder.
    static let reservedRootIDs: Set<String> = ["datamerge"]

    /// Creates the gate for a collection.
    init(collection: CaptionCollection) {
        config = collection.config
        copies = try? CopiedTranslations(config: config)
        files = ExportableFiles(collection)
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
        return reasons.sorted { $0.location < $1.location }
    }
}
