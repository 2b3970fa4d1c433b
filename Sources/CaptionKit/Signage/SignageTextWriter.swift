/// Writes one label as a plain-text file for the sign maker.
///
/// Layout: the language blocks in order, separated by two blank lines; inside a block the
/// title, each text paragraph and the credit line (every field, in order) are separated by one
/// blank line. Every line is wrapped to the field's width (``SignageSettings``), never at a
/// no-break space; line breaks the curator typed inside a paragraph are kept. UTF-8 without a
/// byte order mark, LF line ends, one final newline.
public enum SignageTextWriter {
    /// The file text and the warnings about words wider than their line.
    public static func text(for label: SignageLabel, settings: SignageSettings) -> (text: String, warnings: [SignageWarning]) {
        var warnings: [SignageWarning] = []
        let blocks = label.blocks.map { block in
            block.fields.flatMap { field in
                let width = settings.width(for: field.name)
                return field.paragraphs.map { paragraph in
                    paragraph.flatMap { line in
                        let wrapped = LineBreaker.wrap(line, width: width)
                        warnings += wrapped.overlongWords.map {
                            overlongWordWarning($0, label: label, block: block, field: field, width: width)
                        }
                        return wrapped.lines
                    }.joined(separator: "\n")
                }
            }.joined(separator: "\n\n")
        }
        return (blocks.joined(separator: "\n\n\n") + "\n", warnings)
    }

    /// ``text(for:settings:)`` as UTF-8 bytes, built without a string per line: lines of
    /// simple scalars are wrapped on their bytes (``LineBreaker``), others as in
    /// ``text(for:settings:)``. The bytes and warnings are exactly those of the text.
    public static func utf8(for label: SignageLabel, settings: SignageSettings) -> (bytes: [UInt8], warnings: [SignageWarning]) {
        var warnings: [SignageWarning] = []
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        for (blockIndex, block) in label.blocks.enumerated() {
            if blockIndex > 0 { output.append(contentsOf: "\n\n\n".utf8) }
            var isFirstParagraph = true
            for field in block.fields {
                let width = settings.width(for: field.name)
                for paragraph in field.paragraphs {
                    if !isFirstParagraph { output.append(contentsOf: "\n\n".utf8) }
                    isFirstParagraph = false
                    for (lineIndex, line) in paragraph.enumerated() {
                        if lineIndex > 0 { output.append(UInt8(ascii: "\n")) }
                        var overlongWords: [String] = []
                        if !LineBreaker.appendWrapped(simpleLine: line, width: width, to: &output, overlongWords: &overlongWords) {
                            let wrapped = LineBreaker.wrap(line, width: width)
                            output.append(contentsOf: wrapped.lines.joined(separator: "\n").utf8)
                            overlongWords = wrapped.overlongWords
                        }
                        warnings += overlongWords.map {
                            overlongWordWarning($0, label: label, block: block, field: field, width: width)
                        }
                    }
                }
            }
        }
        output.append(UInt8(ascii: "\n"))
        return (output, warnings)
    }

    /// The warning about `word`, wider than the `width`-character line of `field`.
    private static func overlongWordWarning(
        _ word: String, label: SignageLabel, block: SignageLabel.Block, field: SignageLabel.Field, width: Int
    ) -> SignageWarning {
        SignageWarning(
            location: field.location,
            message: """
                \(label.id): a word in the \(Language.displayName(block.language)) \(field.name) is \
                \(GraphemeLength.of(word)) characters, wider than the \(width)-character line; it \
                stands on a line of its own and overflows: \(word)
                """)
    }
}
