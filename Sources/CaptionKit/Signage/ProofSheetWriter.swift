/// Writes the HTML proof sheet: every exhibit as a label mock-up, for proof-reading before
/// the text goes to the sign maker.
///
/// The page is self-contained (inline CSS, no scripts, no external URLs, only locally
/// installed fonts) and deterministic (no dates). Each language block carries its `lang`
/// attribute, so browsers pick the right glyphs and hyphenation; every block has the same type
/// size, so Kazakh is never smaller than Russian. Exhibits held back by the completeness gate
/// appear in their place with a visible badge and the reasons, and none of their text. All
/// caption text is HTML-escaped.
enum ProofSheetWriter {
    /// An entry of the sheet: a label to show, or an exhibit that was held back.
    enum Entry: Sendable, Hashable {
        /// An exported label.
        case label(SignageLabel)
        /// An exhibit the gate held back.
        case heldBack(HeldBackExhibit)

        var gallery: String {
            switch self {
            case .label(let label): label.gallery
            case .heldBack(let exhibit): exhibit.gallery
            }
        }
    }

    /// The page for `entries` (in collection order).
    ///
    /// - Parameters:
    ///   - entries: The labels and held-back exhibits in the order of their caption files.
    ///   - languages: The configured languages, in order (shown in the header).
    ///   - width: The default line width, which sets the width of the mock-up's text column.
    static func html(entries: [Entry], languages: [String], width: Int) -> String {
        let exported = entries.filter { if case .label = $0 { true } else { false } }.count
        let heldBack = entries.count - exported
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Signage proof</title>
            <style>
            \(css(width: width))
            </style>
            </head>
            <body>
            <header class="sheet">
            <h1>Signage proof</h1>
            <p>\(exported) \(exported == 1 ? "label" : "labels"), \(heldBack) held back. \
            Languages in sign order: \(escape(languages.map(Language.displayName).joined(separator: ", "))).</p>
            </header>

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
            case .label(let label): html += article(label)
            case .heldBack(let exhibit): html += article(exhibit)
            }
        }
        if currentGallery != nil { html += "</section>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    private static func article(_ label: SignageLabel) -> String {
        var html = "<article class=\"label\" id=\"\(escape(label.id))\">\n"
        html += "<p class=\"exhibit\">\(escape(label.id))</p>\n"
        for block in label.blocks {
            html += "<div class=\"block\" lang=\"\(escape(block.language))\">\n"
            html += "<span class=\"lang\" aria-hidden=\"true\">\(escape(block.language))</span>\n"
            if block.isProvisional {
                html +=
                    """
                    <p class=\"provisional\" lang=\"en\">Provisional: transliterated from the Kazakh Cyrillic \
                    text</p>\n
                    """
            }
            for field in block.fields {
                let tag = field.name == "title" ? "h3" : "p"
                for paragraph in field.text.paragraphs {
                    let text = paragraph.map { escape($0) }.joined(separator: "<br>")
                    html += "<\(tag) class=\"field field-\(escape(field.name))\">\(text)</\(tag)>\n"
                }
            }
            html += "</div>\n"
        }
        return html + "</article>\n"
    }

    private static func article(_ exhibit: HeldBackExhibit) -> String {
        var html = "<article class=\"label held-back\" id=\"\(escape(exhibit.displayID))\">\n"
        html += "<p class=\"exhibit\">\(escape(exhibit.displayID))</p>\n"
        html += "<p class=\"badge\">Held back: not exported</p>\n<ul class=\"reasons\">\n"
        for reason in exhibit.reasons {
            html += "<li><code>\(escape(reason.location.description))</code> \(escape(reason.message))</li>\n"
        }
        return html + "</ul>\n</article>\n"
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
        p.exhibit { position: absolute; top: 6px; right: 10px; margin: 0; font: 11px monospace; color: var(--muted); }
        .block { position: relative; font-size: 15px; line-height: 1.4; hyphens: auto; }
        .block + .block { margin-top: 18px; padding-top: 14px; border-top: 1px solid var(--rule); }
        .block .lang { position: absolute; left: -64px; width: 52px; text-align: right; top: 0; font: 10px monospace;
          color: var(--muted); }
        .block + .block .lang { top: 14px; }
        .field { margin: 0 0 8px; }
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
        @media print { body { background: none; padding: 0; } article.label { box-shadow: none; } }
        """
    }
}
