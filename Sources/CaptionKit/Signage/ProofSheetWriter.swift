import Foundation

/// Writes the HTML proof sheet: every exhibit as a label mock-up, for proof-reading before
/// the text goes to the sign maker.
///
/// The page is self-contained (inline CSS, no scripts, no external URLs; the panels' fonts
/// embedded as `data:` URIs) and deterministic (no dates). Every line breaks where the text
/// files break it (``SignageLayout``: explicit breaks, no browser wrapping or hyphenation). A
/// field on a panel (``PanelFonts``) is drawn in proportion to the panel: its width in
/// millimetres, its font, size and leading in points, the panel's lines framed and the lines
/// past them marked. Printed, and on screen with "Actual size" ticked, it has the panel's
/// physical size; otherwise a label wider than the window is drawn smaller as a whole, by CSS
/// alone (every size of its panels is a multiple of one scaled millimetre), so the page does not
/// scroll sideways. Each language block carries its `lang` attribute, so browsers pick the
/// right glyphs; every block has the same type size, so Kazakh is never smaller than Russian.
/// Exhibits held back by the completeness gate appear in their place with a visible badge and
/// the reasons, and none of their text; those held back only for errors of `captions check`, a
/// panel that cannot be measured or a missing review or approval keep their text under the
/// badge, to be corrected or approved (a missing sign-off's badge says "not approved, not for
/// print"). A label whose every text is approved names who reviewed and who approved each text
/// (``LabelSignOffs``), and the header counts such labels among the exported ones when the sheet
/// names sign-offs at all. Each label lists the findings of `captions check` in its file
/// (``SignageChecks``), by severity. All caption text is HTML-escaped.
enum ProofSheetWriter {
    /// An entry of the sheet: a label to show, or an exhibit that was held back.
    enum Entry: Sendable, Hashable {
        /// An exported label, with the findings of `captions check` in its file.
        case label(SignageLabel, findings: [Diagnostic] = [])
        /// An exhibit held back, with its label when only the reasons that leave its text on
        /// the sheet hold it back (``SignagePipeline/reasonsShowingText``), and the findings of
        /// `captions check` in its file that are not among its reasons.
        case heldBack(HeldBackExhibit, label: SignageLabel? = nil, findings: [Diagnostic] = [])

        var gallery: String {
            switch self {
            case .label(let label, _): label.gallery
            case .heldBack(let exhibit, _, _): exhibit.gallery
            }
        }

        /// The label whose text the sheet shows, if any.
        var shownLabel: SignageLabel? {
            switch self {
            case .label(let label, _): label
            case .heldBack(_, let label, _): label
            }
        }

        /// Whether `captions check` found anything in the exhibit's file.
        var hasFindings: Bool {
            switch self {
            case .label(_, let findings): !findings.isEmpty
            case .heldBack(let exhibit, _, let findings):
                !findings.isEmpty || exhibit.reasons.contains { $0.kind == .checkError }
            }
        }
    }

    /// The page for `entries` (in collection order).
    ///
    /// - Parameters:
    ///   - entries: The labels and held-back exhibits in the order of their caption files.
    ///   - languages: The configured languages, in order (shown in the header).
    ///   - settings: The line widths in characters (the default one sets the width of the
    ///     mock-up's text column).
    ///   - panels: The fields' panels, with their fonts.
    static func html(
        entries: [Entry], languages: [String], settings: SignageSettings, panels: PanelFonts = .none
    ) -> String {
        let families = fontFamilies(panels)
        let exported = entries.filter { if case .label = $0 { true } else { false } }.count
        let onPanels = entries.contains { entry in
            guard let label = entry.shownLabel else { return false }
            return widestPanel(label, panels: panels) != nil
        }
        let heldBack = entries.count - exported
        let checked = entries.count { $0.hasFindings }
        let listedAt = checked == 1 ? "its label" : "each label"
        let checkedNote = checked == 0 ? "" : " \(checked) with findings of captions check, listed at \(listedAt)."
        let signsOff = entries.contains { entry in
            if entry.shownLabel?.signOffs != nil { return true }
            if case .heldBack(let exhibit, _?, _) = entry { return lacksSignOff(exhibit) }
            return false
        }
        // Counted where the sheet names sign-offs: the exported labels whose every text is approved.
        let approved = entries.count { if case .label(let label, _) = $0 { label.signOffs != nil } else { false } }
        let approvedNote = signsOff ? " (\(approved) approved for print)" : ""
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Signage proof</title>
            <style>
            \(fontFaces(families))\(css(width: settings.width))\(checked == 0 ? "" : findingsCSS)\(signsOff ? signOffCSS : "")
            </style>
            </head>
            <body>
            <header class="sheet">
            <h1>Signage proof</h1>
            <p>\(exported) \(exported == 1 ? "label" : "labels")\(approvedNote), \(heldBack) held back.\(checkedNote) \
            Languages in sign order: \(escape(languages.map(Language.displayName).joined(separator: ", "))).</p>
            \(onPanels ? scaleNote : "")</header>

            """
        var currentGallery: String?
        for entry in entries {
            if entry.gallery != currentGallery {
                if currentGallery != nil { html += "</section>\n" }
                currentGallery = entry.gallery
                let name = entry.gallery.isEmpty ? "(collection root)" : entry.gallery
                html += "<section class=\"gallery\">\n<h2>\(escape(name))</h2>\n"
            }
            switch entry {
            case .label(let label, let findings):
                let errors = findings.contains { $0.severity == .error }
                html += article(
                    label, settings: settings, panels: panels, families: families,
                    marks: (errors ? "<p class=\"badge\">Exported with check errors</p>\n" : "")
                        + signOffList(label.signOffs) + list(findings),
                    kind: errors ? " check-errors" : "")
            case .heldBack(let exhibit, let label?, let findings):
                html += article(
                    label, settings: settings, panels: panels, families: families,
                    marks: heldBackMarks(exhibit, withText: true) + signOffList(label.signOffs) + list(findings),
                    kind: lacksSignOff(exhibit) ? " held-back not-approved" : " held-back")
            case .heldBack(let exhibit, nil, let findings): html += article(exhibit, findings: findings)
            }
        }
        if currentGallery != nil { html += "</section>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    /// A label's mock-up, with `marks` (badge, reasons, findings) above its blocks and `kind`
    /// (` held-back`, ` check-errors` or empty) added to its classes.
    private static func article(
        _ label: SignageLabel, settings: SignageSettings, panels: PanelFonts, families: [String: String],
        marks: String = "", kind: String = ""
    ) -> String {
        var builder = ArticleBuilder(panels: panels, families: families)
        _ = SignageLayout.layOut(label, settings: settings, panels: panels, into: &builder)
        builder.finishBlock()
        // The widest panel sets the scale of the whole label on a narrow screen.
        let id = escape(label.id)
        let opening =
            widestPanel(label, panels: panels).map {
                "<article class=\"label panels\(kind)\" id=\"\(id)\" style=\"--panel-mm: \(PanelFit.number($0))\">"
            } ?? "<article class=\"label\(kind)\" id=\"\(id)\">"
        return opening + "\n<p class=\"exhibit\">\(id)</p>\n" + marks + builder.html + "</article>\n"
    }

    /// The width in millimetres of the widest panel a field of `label` is on; `nil` when none is.
    private static func widestPanel(_ label: SignageLabel, panels: PanelFonts) -> Double? {
        label.blocks.flatMap(\.fields).compactMap { panels.panel(for: $0.name)?.profile.widthMM }.max()
    }

    /// Says how panels are drawn on screen, with the box that shows them at their actual size.
    private static let scaleNote = """
        <p class="scale">On screen, a label wider than the window is drawn smaller, in proportion, with the \
        same lines; printed, every panel has its actual size. \
        <label><input type="checkbox" id="actual-size"> Show the panels at actual size</label></p>

        """

    /// The CSS font family of each panel font, by file path: `captions-panel-1`, … in path order.
    private static func fontFamilies(_ panels: PanelFonts) -> [String: String] {
        let paths = Set(panels.panels.values.map(\.font.path)).sorted()
        return Dictionary(
            uniqueKeysWithValues: paths.enumerated().map { ($0.element, "captions-panel-\($0.offset + 1)") })
    }

    /// One `@font-face` per panel font, the file embedded as a `data:` URI.
    private static func fontFaces(_ families: [String: String]) -> String {
        var fonts: [String: ShapingFont] = [:]
        for (path, _) in families { fonts[path] = ShapingFont.shared(path: path) }
        return families.sorted { $0.value < $1.value }.map { path, family in
            let data = fonts[path]?.fileData ?? Data()
            let lower = path.lowercased()
            let (type, format) = lower.hasSuffix(".otf") ? ("font/otf", "opentype") : ("font/ttf", "truetype")
            return """
                @font-face { font-family: "\(family)"; src: url("data:\(type);base64,\(data.base64EncodedString())") \
                format("\(format)"); }

                """
        }.joined()
    }

    /// Builds a label's language blocks from the laid-out words: each field's lines, in order.
    private struct ArticleBuilder: LayoutSink {
        let panels: PanelFonts
        let families: [String: String]
        var html = ""
        private var inBlock = false
        private var field: SignageLabel.Field?
        /// The field's paragraphs, each its lines (HTML-escaped).
        private var paragraphs: [[String]] = []

        init(panels: PanelFonts, families: [String: String]) {
            self.panels = panels
            self.families = families
        }

        mutating func startBlock(_ block: SignageLabel.Block) {
            finishBlock()
            inBlock = true
            html += "<div class=\"block\" lang=\"\(escape(block.language))\">\n"
            html += "<span class=\"lang\" aria-hidden=\"true\">\(escape(block.language))</span>\n"
            if block.isProvisional {
                html +=
                    """
                    <p class=\"provisional\" lang=\"en\">Provisional: transliterated from the Kazakh Cyrillic \
                    text</p>\n
                    """
            }
        }

        mutating func startField(_ field: SignageLabel.Field) {
            finishField()
            self.field = field
        }

        mutating func startParagraph() { paragraphs.append([]) }

        mutating func startLine() { paragraphs[paragraphs.count - 1].append("") }

        mutating func append(_ word: UnsafeBufferPointer<UInt8>, after: LineBreaker.Break) {
            let text = escape(String(decoding: word, as: UTF8.self))
            switch after {
            case .none, .space:
                let last = paragraphs[paragraphs.count - 1].count - 1
                if after == .space { paragraphs[paragraphs.count - 1][last] += " " }
                paragraphs[paragraphs.count - 1][last] += text
            case .line: paragraphs[paragraphs.count - 1].append(text)
            }
        }

        /// Writes the last field and closes the block.
        mutating func finishBlock() {
            finishField()
            if inBlock { html += "</div>\n" }
            inBlock = false
        }

        private mutating func finishField() {
            defer {
                field = nil
                paragraphs = []
            }
            guard let field else { return }
            let name = escape(field.name)
            guard let panel = panels.panel(for: field.name), let family = families[panel.font.path] else {
                let tag = field.name == "title" ? "h3" : "p"
                for lines in paragraphs {
                    html += "<\(tag) class=\"field field-\(name)\">\(lines.joined(separator: "<br>"))</\(tag)>\n"
                }
                return
            }
            // The text file's lines: a blank line between paragraphs. Sizes in scaled millimetres
            // and points (`--mm`, `--pt`: the real ones in print).
            var lines: [String] = []
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { lines.append("") }
                lines += paragraph
            }
            let profile = panel.profile
            let size = PanelFit.number(profile.sizePt)
            let leading = PanelFit.number(profile.leadingPt)
            html += """
                <div class="field field-\(name) panel" style="font-family: '\(family)'; \
                font-size: calc(\(size) * var(--pt)); line-height: calc(\(leading) * var(--pt)); \
                width: calc(\(PanelFit.number(profile.widthMM)) * var(--mm)); \
                min-height: calc(\(PanelFit.number(profile.leadingPt * Double(profile.maxLines))) * var(--pt))">

                """
            for (index, line) in lines.enumerated() {
                let overflow = index >= profile.maxLines ? " overflow" : ""
                html += "<span class=\"line\(overflow)\">\(line.isEmpty ? " " : line)</span>\n"
            }
            html += "</div>\n"
            if lines.count > profile.maxLines {
                html += """
                    <p class="panel-note" lang="en">\(lines.count) lines on the \(escape(profile.name)) panel, \
                    which holds \(profile.maxLines): \(TextReporter.plural(lines.count - profile.maxLines, "line")) \
                    too long</p>

                    """
            }
        }
    }

    /// A held-back exhibit without its text: the badge, the reasons and the other findings.
    private static func article(_ exhibit: HeldBackExhibit, findings: [Diagnostic]) -> String {
        var html = "<article class=\"label held-back\" id=\"\(escape(exhibit.displayID))\">\n"
        html += "<p class=\"exhibit\">\(escape(exhibit.displayID))</p>\n"
        return html + heldBackMarks(exhibit) + list(findings) + "</article>\n"
    }

    /// Whether a review or approval that `signage: require:` asks for holds `exhibit` back.
    private static func lacksSignOff(_ exhibit: HeldBackExhibit) -> Bool {
        exhibit.reasons.contains { $0.kind == .notReviewed || $0.kind == .notApproved }
    }

    /// Who reviewed and who approved the texts of an approved label: one line per language, or
    /// one per text where the texts of a language were signed off by different people; nothing
    /// for a label not approved.
    private static func signOffList(_ signOffs: LabelSignOffs?) -> String {
        guard let signOffs else { return "" }
        func who(_ text: LabelSignOffs.Text) -> String {
            (text.reviewer.map { "reviewed by \(escape($0)), " } ?? "") + "approved by \(escape(text.approver))"
        }
        var html = "<p class=\"approved\">Approved for print</p>\n<ul class=\"signoffs\">\n"
        for block in signOffs.blocks {
            let language = escape(Language.displayName(block.language))
            let people = block.texts.map(who)
            if Set(people).count == 1 {
                html += "<li>\(language): \(people[0])</li>\n"
            } else {
                for (text, who) in zip(block.texts, people) {
                    html += "<li>\(language) \(escape(text.field)): \(who)</li>\n"
                }
            }
        }
        return html + "</ul>\n"
    }

    /// The badge of a held-back exhibit and its reasons, a check's error with the check's id.
    /// A label shown `withText` that lacks a review or approval is said to be not for print.
    private static func heldBackMarks(_ exhibit: HeldBackExhibit, withText: Bool = false) -> String {
        let badge =
            withText && lacksSignOff(exhibit) ? "Held back: not approved, not for print" : "Held back: not exported"
        var html = "<p class=\"badge\">\(badge)</p>\n<ul class=\"reasons\">\n"
        for reason in exhibit.reasons {
            var check = ""
            if reason.kind == .checkError, let id = reason.checkID {
                check = " <span class=\"rule\">[\(escape(id))]</span>"
            }
            html += "<li><code>\(escape(reason.location.description))</code> \(escape(reason.message))\(check)</li>\n"
        }
        return html + "</ul>\n"
    }

    /// The findings of `captions check` at a label, each with its position, severity and check;
    /// nothing when there are none.
    private static func list(_ findings: [Diagnostic]) -> String {
        guard !findings.isEmpty else { return "" }
        var html = "<ul class=\"findings\">\n"
        for finding in findings {
            let severity = finding.severity.rawValue
            html += """
                <li class="\(severity)"><code>\(escape(finding.location.description))</code> \
                <span class="severity">\(severity)</span> \(escape(finding.message)) \
                <span class="rule">[\(escape(finding.checkID))]</span></li>

                """
        }
        return html + "</ul>\n"
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        // The five characters are ASCII, and ASCII bytes never occur inside a multi-byte UTF-8
        // sequence, so escaping bytes escapes every one of them, even one followed by a
        // combining mark.
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The style of the findings of `captions check`, added to the sheet's when a label has any,
    /// so that the sheet of a clean collection keeps its bytes.
    private static let findingsCSS = """

        ul.reasons .rule, ul.findings .rule { font: 11px monospace; color: var(--muted); }
        ul.findings { margin: 0 0 10px; padding-left: 18px; font-size: 13px; }
        ul.findings code { font-size: 11px; color: var(--muted); }
        ul.findings .severity { padding: 0 5px; border-radius: 3px; font: bold 10px monospace;
          text-transform: uppercase; }
        ul.findings li.error .severity { background: var(--alert); color: #fff; }
        ul.findings li.warning .severity { background: #f6dfae; color: #5a3b00; }
        ul.findings li.note .severity { background: var(--rule); color: var(--ink); }
        ul.reasons + .block, ul.findings + .block { margin-top: 14px; }
        article.check-errors { border: 2px solid var(--alert); }
        """

    /// The style of the sign-offs (an approved label's names, a label held back for want of
    /// approval with its text striped), added to the sheet's when it shows any, so that the sheet
    /// of a collection without sign-offs keeps its bytes.
    private static let signOffCSS = """

        p.approved { display: inline-block; margin: 0 0 6px; padding: 3px 10px; border-radius: 3px;
          background: #1e6b34; color: #fff; font-weight: bold; font-size: 13px; text-transform: uppercase;
          letter-spacing: 0.05em; }
        ul.signoffs { margin: 0 0 10px; padding-left: 18px; font-size: 13px; }
        ul.signoffs + .block { margin-top: 14px; }
        article.not-approved .block { background: repeating-linear-gradient(135deg, transparent 0 14px,
          rgba(179, 38, 30, 0.07) 14px 28px); }
        """

    /// The sheet's style. A label on panels sizes its panels in `--mm` and `--pt`: on screen one
    /// millimetre, or less where its widest panel (`--panel-mm`) and the label's side padding and
    /// borders (106 px) are wider than the gallery; the real units in print and at actual size.
    private static func css(width: Int) -> String {
        """
        :root { --ink: #1d1d1b; --muted: #6b6b66; --panel: #fbfaf6; --rule: #c9c4b5; --alert: #b3261e; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px; background: #e9e7e1; color: var(--ink);
          font-family: "PT Sans", "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        header.sheet { max-width: 1100px; margin: 0 auto 16px; }
        header.sheet h1 { margin: 0 0 4px; font-size: 22px; }
        header.sheet p { margin: 0; color: var(--muted); font-size: 14px; }
        section.gallery { max-width: 1100px; margin: 0 auto 24px; display: flex; flex-wrap: wrap; gap: 16px; }
        section.gallery h2 { flex-basis: 100%; margin: 16px 0 0; font-size: 14px; letter-spacing: 0.08em;
          text-transform: uppercase; color: var(--muted); }
        article.label { position: relative; background: var(--panel); border: 1px solid var(--rule);
          box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); padding: 28px 32px 24px 72px; width: calc(\(width)ch + 104px);
          max-width: 100%; break-inside: avoid; page-break-inside: avoid; }
        article.label.panels { width: max-content; max-width: none; --mm: 1mm; --pt: 1pt; }
        header.sheet p.scale { display: none; margin-top: 6px; }
        p.scale label { white-space: nowrap; color: var(--ink); }
        @supports (width: 1cqw) {
          section.gallery { container-type: inline-size; }
          article.label.panels { max-width: 100%; --mm: min(1mm, (100cqw - 106px) / var(--panel-mm));
            --pt: calc(var(--mm) * 25.4 / 72); }
          body:has(#actual-size:checked) article.label.panels { max-width: none; --mm: 1mm; --pt: 1pt; }
          header.sheet p.scale { display: block; }
        }
        p.exhibit { position: absolute; top: 6px; right: 10px; margin: 0; font: 11px monospace; color: var(--muted); }
        .block { position: relative; font-size: 15px; line-height: 1.4; }
        .block + .block { margin-top: 18px; padding-top: 14px; border-top: 1px solid var(--rule); }
        .block .lang { position: absolute; left: -64px; width: 52px; text-align: right; top: 0; font: 10px monospace;
          color: var(--muted); }
        .block + .block .lang { top: 14px; }
        .field { margin: 0 0 8px; white-space: nowrap; }
        .panel { outline: 1px dashed var(--rule); background: #fff; font-weight: normal; font-style: normal;
          color: var(--ink); }
        .panel .line { display: block; white-space: pre; }
        .panel .line.overflow { background: #fde2df; color: var(--alert); }
        .panel-note { margin: 0 0 8px; font: 11px monospace; color: var(--alert); }
        h3.field-title { font-size: 1.3em; line-height: 1.2; font-weight: bold; }
        .field-credit { font-style: italic; color: var(--muted); font-size: 0.85em; }
        .provisional { margin: 0 0 6px; font-size: 11px; color: var(--alert); text-transform: uppercase;
          letter-spacing: 0.05em; }
        article.held-back { border: 2px dashed var(--alert); background: #fff4f2; }
        .badge { display: inline-block; margin: 0 0 10px; padding: 3px 10px; border-radius: 3px;
          background: var(--alert); color: #fff; font-weight: bold; font-size: 13px; text-transform: uppercase;
          letter-spacing: 0.05em; }
        ul.reasons { margin: 0; padding-left: 18px; font-size: 13px; }
        ul.reasons code { font-size: 11px; color: var(--muted); }
        @media print { body { background: none; padding: 0; } article.label { box-shadow: none; }
          article.label.panels { max-width: none; --mm: 1mm; --pt: 1pt; } header.sheet p.scale { display: none; } }
        """
    }
}
