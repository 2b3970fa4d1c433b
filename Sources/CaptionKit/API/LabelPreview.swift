/// One exhibit's label as `captions export signage` typesets it: what the browser editor shows
/// beside the texts a curator is typing.
public struct LabelPreview: Sendable, Hashable {
    /// One field of a language block.
    public struct Field: Sendable, Hashable {
        /// The field name, e.g. `title`.
        public var name: String
        /// The paragraphs, each its lines wrapped to the field's width: the lines the text file
        /// has, with the typography of the export.
        public var paragraphs: [[String]]
        /// The most lines the field's panel holds, when the field is measured on a panel. The
        /// panel counts every line and one blank line between paragraphs; the lines past this
        /// are what `overflows-panel` reports.
        public var maxLines: Int?
        /// The name of the field's panel in `captions.yml` (``PanelTypeface/name``), when the
        /// field is measured on one: the lines are broken with its font.
        public var panel: String?
    }

    /// One language's block.
    public struct Block: Sendable, Hashable {
        /// The language tag, e.g. `kk` or `kk-Latn`.
        public var language: String
        /// Whether the block's text is derived (Latin-script Kazakh transliterated from Cyrillic).
        public var isProvisional: Bool
        /// The fields on the sign, in configuration order.
        public var fields: [Field]
    }

    /// The exhibit's id.
    var id: String
    /// The language blocks in sign order.
    public var blocks: [Block]
    /// Why the export's gate would hold the exhibit back (then the export writes nothing for
    /// it), in file order, a field on a panel whose font is missing included; empty when it
    /// would pass. The errors of `captions check`, which hold a label back too, are the
    /// exhibit's check findings (``CaptionChecker/check(draft:in:)``).
    public var holdBackReasons: [HoldBackReason]
    /// The export's warnings about the label: words wider than their line, letters of the
    /// Latin-script Kazakh alphabet that are not settled.
    public var warnings: [SignageWarning]
}

extension SignageExporter {
    /// Typesets one exhibit of a loaded collection as ``export(_:options:)`` does: the same
    /// typography, the same wrapping at the configured widths, the same `kk-Latn` block, and
    /// the reasons the gate would hold it back. Nothing is written.
    ///
    /// - Parameters:
    ///   - id: The exhibit's id (its file name when it has none, as in `--only`).
    ///   - collection: The loaded collection.
    ///   - drafts: Texts by field, then language, in place of the saved ones (an editor's unsaved
    ///     texts); a draft keeps the position of the saved text it replaces, or of its field.
    ///   - withLatinKazakh: Whether to add the `kk-Latn` block (`--with kk-Latn`).
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for a bad `signage:` section,
    ///   ``CaptionError/invalidArgument(_:)`` when no exhibit has the id or `withLatinKazakh` is
    ///   asked without `kk`.
    static func preview(
        exhibit id: String, in collection: CaptionCollection, drafts: [String: [String: String]] = [:],
        withLatinKazakh: Bool = false
    ) throws(CaptionError) -> LabelPreview {
        let pipeline = try SignagePipeline(
            collection, options: SignageExportOptions(withLatinKazakh: withLatinKazakh))
        guard let saved = collection.exhibits.first(where: { $0.displayID == id }) else {
            throw SignagePipeline.noExhibit(id, known: collection.exhibits.map(\.displayID))
        }
        let exhibit = saved.applying(drafts)
        let label = pipeline.label(for: exhibit)
        var lines = PreviewLines(panels: pipeline.panels)
        let overlong = SignageLayout.layOut(
            label, settings: pipeline.settings, panels: pipeline.panels, into: &lines)
        return LabelPreview(
            id: label.id, blocks: lines.blocks, holdBackReasons: pipeline.gate.reasons(for: exhibit),
            warnings: SignagePipeline.unsettledLetterWarnings(label) + overlong)
    }
}

/// A panel of `captions.yml` that a field is measured on, with its font found: what a page
/// needs to draw the field's lines in the typeface, size and leading they print in.
public struct PanelTypeface: Sendable, Hashable {
    /// The panel's name, e.g. `object`.
    public var name: String
    /// The font file the panel is measured with (found by fontconfig for a family).
    public var fontFile: String
    /// The type size in points.
    public var sizePt: Double
    /// The distance between baselines in points.
    public var leadingPt: Double
    /// The width of the text on the panel in millimetres.
    public var widthMM: Double
}

extension SignageExporter {
    /// The panels of the collection's `captions.yml` that fields are measured on, by name: the
    /// panels whose font is found and is a file's first face (a page cannot name a later face
    /// of a font collection). Empty without a `panels:` section or when it is malformed.
    public static func panelTypefaces(in collection: CaptionCollection) -> [PanelTypeface] {
        var byName: [String: PanelTypeface] = [:]
        for panel in PanelFonts(config: collection.config).panels.values where panel.font.faceIndex == 0 {
            let profile = panel.profile
            byName[profile.name] = PanelTypeface(
                name: profile.name, fontFile: panel.font.path, sizePt: profile.sizePt, leadingPt: profile.leadingPt,
                widthMM: profile.widthMM)
        }
        return byName.keys.sorted().map { byName[$0]! }
    }
}

/// The wrapped lines of a label as strings, block by block.
private struct PreviewLines: LayoutSink {
    let panels: PanelFonts
    var blocks: [LabelPreview.Block] = []

    mutating func startBlock(_ block: SignageLabel.Block) {
        blocks.append(LabelPreview.Block(language: block.language, isProvisional: block.isProvisional, fields: []))
    }

    mutating func startField(_ field: SignageLabel.Field) {
        blocks[blocks.count - 1].fields.append(
            LabelPreview.Field(
                name: field.name, paragraphs: [], maxLines: panels.panel(for: field.name)?.profile.maxLines,
                panel: panels.panel(for: field.name)?.profile.name))
    }

    mutating func startParagraph() {
        modifyField { $0.paragraphs.append([]) }
    }

    mutating func startLine() {
        modifyField { $0.paragraphs[$0.paragraphs.count - 1].append("") }
    }

    mutating func append(_ word: UnsafeBufferPointer<UInt8>, after: LineBreaker.Break) {
        // In place: a copy of the paragraph's lines would be copied again on every word.
        modifyField { field in
            let paragraph = field.paragraphs.count - 1
            switch after {
            case .none: break
            case .space: field.paragraphs[paragraph][field.paragraphs[paragraph].count - 1] += " "
            case .line: field.paragraphs[paragraph].append("")
            }
            field.paragraphs[paragraph][field.paragraphs[paragraph].count - 1] += String(decoding: word, as: UTF8.self)
        }
    }

    private mutating func modifyField(_ change: (inout LabelPreview.Field) -> Void) {
        let block = blocks.count - 1
        change(&blocks[block].fields[blocks[block].fields.count - 1])
    }
}
