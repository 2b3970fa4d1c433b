extension MeasuredPanel {
    /// The lines `text` in `language` takes on the panel, typeset as the signage export prints
    /// it (``Typography``) and broken with the panel's font (``PanelFit``): what
    /// `overflows-panel` reports and the editor's counter shows.
    func fit(_ text: String, language: String) -> PanelFit {
        fit(Typography.typeset(text, language: language), language: language)
    }

    /// The lines `text`, typeset already, in `language` takes on the panel; with
    /// `recordingBreaks`, where they break (``PanelFit/breaks``).
    func fit(_ text: TypesetText, language: String, recordingBreaks: Bool = false) -> PanelFit {
        PanelFit(
            text, width: lineWidth, maxLines: profile.maxLines, measure: measure(for: language).onThisThread(),
            recordingBreaks: recordingBreaks)
    }

    /// Whether `text`, as typed (before typography), fits the panel whatever typography and
    /// shaping make of it: a quick upper bound on its lines that spares most short texts
    /// (titles, credits) the typesetting, shaping and line breaking of ``PanelFit``. `false`
    /// means only that the bound cannot tell; ``PanelFit`` then says.
    ///
    /// The bound counts each line of the text (between line feeds) as `units` scalars at the
    /// font's widest advance (``ShapingFont/widestAdvance``): a full stop and every scalar from
    /// U+2000 to U+2FFF count twice, since typography may put a no-break space after them
    /// (initials, №), and no other rule lengthens a text (a test holds every rule's examples to
    /// this). Every line must fit the panel's width whole: then it takes one line, wherever
    /// typography puts no-break spaces, and no word is wider than the panel (one that is, is
    /// reported however few the lines). A blank line counts as one. Text with a CR, or with a scalar whose NFC form may be longer than it
    /// (outside Latin, combining marks up to U+033F, Cyrillic, and U+2000 to U+2FFF), is left to
    /// ``PanelFit``.
    func certainlyFits(_ text: String) -> Bool {
        PanelFit.certainlyFits(
            text, width: max(lineWidth, 1), maxLines: profile.maxLines, widestAdvance: max(font.widestAdvance, 1))
    }
}

extension PanelFit {
    /// The bound of ``MeasuredPanel/certainlyFits(_:)``: whether `text` certainly takes at most
    /// `maxLines` lines `width` wide when no scalar is wider than `widestAdvance`.
    static func certainlyFits(_ text: String, width: Int, maxLines: Int, widestAdvance widest: Int) -> Bool {
        // The units of a line that fits the panel's width whole.
        let limit = width / widest
        var used = 0
        var units = 0
        // Every scalar the bound passes has at most two bytes a unit, and its lines, each one of
        // `maxLines`, hold at most `maxLines * limit` units in all: a text of more bytes is too
        // long for the bound, found without reading it.
        if text.utf8.count > 2 * maxLines * limit + maxLines { return false }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                used += 1
                units = 0
                if used >= maxLines { return false }
                continue
            case UInt8(ascii: "\r"): return false
            case UInt8(ascii: "."), 0xE2: units += 2
            case 0x80...0xBF: continue  // continues a scalar
            case 0..<0x80, 0xC2...0xCC, 0xD0...0xD4: units += 1
            default: return false
            }
            if units > limit { return false }
        }
        return used + 1 <= maxLines
    }
}
