/// Writes one label as a plain-text file for the sign maker.
///
/// Layout: the language blocks in order, separated by two blank lines; inside a block the
/// title, each text paragraph and the credit line (every field, in order) are separated by one
/// blank line. Every line is wrapped to the field's width (``SignageLayout``: its panel's
/// measured width when it is on a panel, else its width in characters), never at a
/// no-break space; line breaks the curator typed inside a paragraph are kept. UTF-8 without a
/// byte order mark, LF line ends, one final newline.
enum SignageTextWriter {
    /// The file's UTF-8 bytes and the warnings about words wider than their line.
    static func utf8(for label: SignageLabel, settings: SignageSettings, panels: PanelFonts = .none) -> (
        bytes: [UInt8], warnings: [SignageWarning]
    ) {
        var file = FileBuilder()
        let warnings = SignageLayout.layOut(label, settings: settings, panels: panels, into: &file)
        file.output.append(UInt8(ascii: "\n"))
        return (file.output, warnings)
    }

    /// A text file being written: the separators between blocks, paragraphs and lines, and
    /// the words.
    private struct FileBuilder: LayoutSink {
        var output: [UInt8] = []
        var hasBlock = false
        var hasParagraphInBlock = false
        var hasLineInParagraph = false

        init() {
            output.reserveCapacity(4096)
        }

        mutating func startBlock(_ block: SignageLabel.Block) {
            if hasBlock { output.append(contentsOf: "\n\n\n".utf8) }
            hasBlock = true
            hasParagraphInBlock = false
        }

        mutating func startField(_ field: SignageLabel.Field) {}

        mutating func startParagraph() {
            if hasParagraphInBlock { output.append(contentsOf: "\n\n".utf8) }
            hasParagraphInBlock = true
            hasLineInParagraph = false
        }

        mutating func startLine() {
            if hasLineInParagraph { output.append(UInt8(ascii: "\n")) }
            hasLineInParagraph = true
        }

        mutating func append(_ word: UnsafeBufferPointer<UInt8>, after: LineBreaker.Break) {
            switch after {
            case .none: break
            case .space: output.append(UInt8(ascii: " "))
            case .line: output.append(UInt8(ascii: "\n"))
            }
            output.append(contentsOf: word)
        }
    }
}
