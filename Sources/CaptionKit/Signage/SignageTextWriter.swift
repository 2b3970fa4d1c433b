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
                        for word in wrapped.overlongWords {
                            warnings.append(
                                SignageWarning(
                                    location: field.location,
                                    message: """
                                        \(label.id): a word in the \(Language.displayName(block.language)) \(field.name) is \
                                        \(GraphemeLength.of(word)) characters, wider than the \(width)-character line; it \
                                        stands on a line of its own and overflows: \(word)
                                        """))
                        }
                        return wrapped.lines
                    }.joined(separator: "\n")
                }
            }.joined(separator: "\n\n")
        }
        return (blocks.joined(separator: "\n\n\n") + "\n", warnings)
    }
}
