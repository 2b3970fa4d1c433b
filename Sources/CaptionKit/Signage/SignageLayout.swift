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

/// The layout stage: every line of a label's fields broken to its field's width
/// (``SignageSettings``) by ``LineBreaker`` with a width function, the words handed to a
/// ``LayoutSink``, and a warning for every word wider than its line.
enum SignageLayout {
    /// Lays out `label` into `sink`.
    ///
    /// - Returns: One warning per word wider than its line, in order.
    static func layOut(
        _ label: SignageLabel, settings: SignageSettings, measure: some TextMeasure = CharacterMeasure(),
        into sink: inout some LayoutSink
    ) -> [SignageWarning] {
        var warnings: [SignageWarning] = []
        for block in label.blocks {
            sink.startBlock(block)
            for field in block.fields {
                sink.startField(field)
                let width = settings.width(for: field.name)
                field.text.forEachLine { line, startsParagraph in
                    if startsParagraph { sink.startParagraph() }
                    sink.startLine()
                    LineBreaker.breakLine(line, isSimple: field.text.isSimple, width: width, measure: measure) {
                        word, before, wordWidth in
                        sink.append(word, after: before)
                        if wordWidth > width {
                            warnings.append(
                                overlongWordWarning(
                                    String(decoding: word, as: UTF8.self), wordWidth: wordWidth, label: label,
                                    language: block.language, field: field, width: width))
                        }
                    }
                }
            }
        }
        return warnings
    }

    /// The warning about `word`, wider than the `width`-character line of a field.
    private static func overlongWordWarning(
        _ word: String, wordWidth: Int, label: SignageLabel, language: String, field: SignageLabel.Field, width: Int
    ) -> SignageWarning {
        SignageWarning(
            location: field.location,
            message: """
                \(label.id): a word in the \(Language.displayName(language)) \(field.name) is \
                \(wordWidth) characters, wider than the \(width)-character line; it \
                stands on a line of its own and overflows: \(word)
                """)
    }
}
