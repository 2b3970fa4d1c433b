import Foundation

/// Writes XLIFF files for translators: one per target language, one `<file>` per document, a
/// group per exhibit and a unit per exhibit field with source text.
///
/// Output bytes depend only on the collection and the options (no timestamps, no absolute
/// paths): the `original` attribute is the collection folder's name.
public enum XLIFFExporter {

    /// The level a review or approval gives the translation (`translated` when none covers it).
    private static func signOff(
        of exhibit: Exhibit, field: String, language: String, _ config: CollectionConfig, _ record: TranslationRecord
    ) -> SignOffLevel {
        guard record.signOffs[field]?[language] != nil else { return .translated }
        return SignOffTracker.state(of: exhibit, field: field, language: language, config: config, record: record)
            .level ?? .translated
    }

    /// The units of one exhibit for one target language: configured fields with source text,
    /// with the glossary entries each source uses when `glossary` is given.
    ///
    /// A field on a panel whose font is found (`measuredPanels`, by field name) is measured by
    /// `overflows-panel`, and its `max-chars` does not apply: its unit carries the panel's
    /// lines in a note instead of a character limit. A translation that `copies` finds to be a
    /// copy of its source goes out as a missing one, with a note that says so.
    static func units(
        of exhibit: Exhibit, language: String, config: CollectionConfig, glossary: XLIFFGlossaryHints? = nil,
        measuredPanels: [String: PanelSettings.Profile] = [:], copies: CopiedTranslations? = nil
    ) -> [XLIFFExportUnit] {
        let record = TranslationRecord(exhibit: exhibit)
        let copied = copies?.copies(in: exhibit, language: language) ?? []
        var units: [XLIFFExportUnit] = []
        for spec in config.fields {
            guard let field = exhibit.field(spec.name), let source = field.translation(config.source), !source.isBlank
            else { continue }
            let state = TranslationTracker.state(
                of: exhibit, field: spec.name, language: language, config: config, record: record)
            let existing = field.translation(language).flatMap { $0.isBlank ? nil : $0.text }
            let isCopy =
                existing != nil && !copied.isEmpty && copied.contains(.init(field: spec.name, language: language))
            var notes: [XLIFFExportUnit.Note] = []
            if let text = exhibit.notes?.text, !text.isEmpty { notes.append(.init(category: .exhibit, text: text)) }
            if isCopy {
                notes.append(
                    .init(
                        category: .sameAsSource,
                        text: """
                            The \(Language.displayName(language)) text in the caption file is a copy of the \
                            \(Language.displayName(config.source)) source, not a translation: translate it.
                            """))
            }
            let panel = measuredPanels[spec.name]
            if let panel {
                notes.append(.init(category: .limit, text: Self.panelNote(panel)))
            } else if let limit = spec.maxChars {
                notes.append(.init(category: .limit, text: "At most \(limit) characters: the space on the panel."))
            }
            notes.append(
                .init(category: .location, text: "Caption file \(exhibit.relativePath), field \(spec.name)."))
            if case .stale(let recorded, let current) = state {
                notes.append(
                    .init(
                        category: .stale,
                        text: """
                            The \(Language.displayName(config.source)) source changed after this translation was made \
                            (source fingerprint then \(recorded), now \(current)); check the translation against the \
                            new source and update it.
                            """))
                // What changed, when the collection's git history has the earlier source.
                // (Left out when the earlier text has a character XML cannot hold.)
                if case .found(let earlier, _) = SourceHistory.source(
                    field: spec.name, sourceLanguage: config.source, fingerprint: recorded, inHistoryOf: exhibit.path),
                    XMLCharacters.forbidden(in: earlier) == nil
                {
                    notes.append(
                        .init(
                            category: .sourceDiff,
                            text: "What changed in the source ([-deleted-] {+inserted+}): "
                                + WordDiff(from: earlier, to: source.text).text))
                }
            }
            units.append(
                XLIFFExportUnit(
                    id: "\(exhibit.id ?? exhibit.displayID).\(spec.name)", exhibitID: exhibit.id ?? exhibit.displayID,
                    relativePath: exhibit.relativePath, field: spec.name, source: source.text,
                    target: isCopy ? nil : existing, copiedText: isCopy ? existing : nil, state: state,
                    signOff: signOff(of: exhibit, field: spec.name, language: language, config, record),
                    maxChars: panel == nil ? spec.maxChars : nil, notes: notes,
                    glossary: glossary?.hints(for: source.text, target: language) ?? []))
        }
        return units
    }

    /// The limit note of a field on a measured panel: what `overflows-panel` holds the text to.
    static func panelNote(_ panel: PanelSettings.Profile) -> String {
        let typeface =
            panel.fontIsFile
            ? URL(fileURLWithPath: panel.font).lastPathComponent
            : [panel.familyAndStyle.family, panel.familyAndStyle.style].compactMap { $0 }.joined(separator: " ")
        return """
            At most \(panel.maxLines) lines on the printed panel, \(PanelFit.number(panel.widthMM)) mm wide, in \(typeface) \
            at \(PanelFit.number(panel.sizePt)) pt: captions check measures the text in this font, so the number of characters \
            that fit depends on the letters.
            """
    }
}
