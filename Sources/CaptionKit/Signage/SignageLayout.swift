/// What the layout hands its words to: a writer of wrapped lines.
///
/// Calls come in label order: a block, then for each of its fields each paragraph, each line
/// the curator typed in it, and the words of that line with what goes before each.
protocol LayoutSink {
    /// A language block starts.
    mutating func startBlock(_ block: SignageLabel.Block)
    /// A field of the block starts.
    mutating func startField(_ field: SignageLabel.Field)
    /// A paragraph of the field starts.
    mutating func startParagraph()
    /// A line of the paragraph starts (the curator's line, before wrapping; it may have no word).
    mutating func startLine()
    /// A word of the line, after a space, a line break or nothing (the line's first word).
    mutating func append(_ word: UnsafeBufferPointer<UInt8>, after: LineBreaker.Break)
}

/// The layout stage: every line of a label's fields broken by ``LineBreaker`` with a width
/// function, the words handed to a ``LayoutSink``, and a warning for every word wider than its
/// line. A field on a panel whose font is loaded (``PanelFonts``) is broken to the panel's width
/// by the widths of its words shaped in the panel's font (or where `overflows-panel` broke it,
/// ``SignageLabel/Field/panelBreaks``); any other field to its width in characters
/// (``SignageSettings``).
enum SignageLayout {
    /// Lays out `label` into `sink`.
    ///
    /// - Returns: One warning per word wider than its line, in order.
    static func layOut(
        _ label: SignageLabel, settings: SignageSettings, panels: PanelFonts = .none, into sink: inout some LayoutSink
    ) -> [SignageWarning] {
        var warnings: [SignageWarning] = []
        for block in label.blocks {
            sink.startBlock(block)
            for field in block.fields {
                sink.startField(field)
                if panels.panel(for: field.name) != nil, let breaks = field.panelBreaks {
                    // Broken on the panel already, with no word wider than it: nothing to warn about.
                    layOut(field, breaks: breaks, into: &sink)
                } else if let panel = panels.panel(for: field.name) {
                    warnings += layOut(
                        field, width: panel.lineWidth, measure: panel.measure(for: block.language).onThisThread(),
                        into: &sink
                    ) {
                        word, broken, wordWidth in
                        overlongWordWarning(
                            word, broken: broken, label: label, language: block.language, field: field,
                            wide: "\(millimetres(panel.millimetres(wordWidth))) mm wide",
                            line: "\(PanelFit.number(panel.profile.widthMM)) mm line")
                    }
                } else {
                    let width = settings.width(for: field.name)
                    warnings += layOut(field, width: width, measure: CharacterMeasure(), into: &sink) {
                        word, broken, wordWidth in
                        overlongWordWarning(
                            word, broken: broken, label: label, language: block.language, field: field,
                            wide: TextReporter.plural(wordWidth, "character"), line: "\(width)-character line")
                    }
                }
            }
        }
        return warnings
    }

    /// Lays out one field's lines to `width` by `measure`.
    ///
    /// - Returns: The warnings `overlong` makes for each word wider than the line: the word as
    /// the reader sees it (without soft hyphens), once; when it broke at soft hyphens, whether it
    /// did and the width of its widest piece.
    @inline(__always)  // Called out of line, it copied the label and field for every line.
    private static func layOut(
        _ field: SignageLabel.Field, width: Int, measure: some TextMeasure, into sink: inout some LayoutSink,
        overlong: (_ word: String, _ broken: Bool, _ width: Int) -> SignageWarning
    ) -> [SignageWarning] {
        var warnings: [SignageWarning] = []
        field.text.forEachLine { line, startsParagraph in
            if startsParagraph { sink.startParagraph() }
            sink.startLine()
            // The word last warned about, where it is written, and its widest piece so far.
            var warned: (written: Range<Int>, width: Int)?
            LineBreaker.breakLine(line, isSimple: field.text.isSimple, width: width, measure: measure) {
                word, before, wordWidth, written in
                sink.append(word, after: before)
                guard wordWidth > width else { return }
                if let last = warned, last.written == written {
                    guard wordWidth > last.width else { return }
                    warnings.removeLast()
                }
                warned = (written, wordWidth)
                let whole = SoftHyphens.removed(from: UnsafeBufferPointer(rebasing: line[written]))
                warnings.append(overlong(whole, !whole.utf8.elementsEqual(word), wordWidth))
            }
        }
        return warnings
    }

    /// Lays out one field's lines where `breaks` says the line breaker broke them.
    private static func layOut(_ field: SignageLabel.Field, breaks: PanelBreaks, into sink: inout some LayoutSink) {
        var word = 0
        var nextWrapped = 0
        field.text.forEachLine { line, startsParagraph in
            if startsParagraph { sink.startParagraph() }
            sink.startLine()
            var before = LineBreaker.Break.none
            LineBreaker.forEachWord(in: line, isSimple: field.text.isSimple) { range in
                if nextWrapped < breaks.wrappedWords.count, breaks.wrappedWords[nextWrapped] == word {
                    before = .line
                    nextWrapped += 1
                }
                sink.append(UnsafeBufferPointer(rebasing: line[range]), after: before)
                before = .space
                word += 1
            }
        }
    }

    /// A length in millimetres as warnings show it, to a tenth.
    private static func millimetres(_ value: Double) -> String {
        PanelFit.number((value * 10).rounded() / 10)
    }

    /// The warning about `word`, `wide` (e.g. `52 characters`), wider than `line` (e.g. `the
    /// 48-character line`); when `broken` at its soft hyphens, about the part that is that wide.
    private static func overlongWordWarning(
        _ word: String, broken: Bool, label: SignageLabel, language: String, field: SignageLabel.Field, wide: String,
        line: String
    ) -> SignageWarning {
        SignageWarning(
            location: field.location,
            message: """
                \(label.id): \(broken ? "a part of a word" : "a word") in the \(Language.displayName(language)) \
                \(field.name) is \(wide), wider than the \(line); it stands on a line of its own and overflows: \(word)
                """)
    }
}
