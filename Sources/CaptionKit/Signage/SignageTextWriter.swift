/// Writes one label as a plain-text file for the sign maker.
///
/// Layout: the language blocks in order, separated by two blank lines; inside a block the
/// title, each text paragraph and the credit line (every field, in order) are separated by one
/// blank line. Every line is wrapped to the field's width (``SignageSettings``), never at a
/// no-break space; line breaks the curator typed inside a paragraph are kept. UTF-8 without a
/// byte order mark, LF line ends, one final newline.
public enum SignageTextWriter {
    /// The file text and the warnings about words wider than their line.
    public static func text(for label: SignageLabel, settings: SignageSettings) -> (
        text: String, warnings: [SignageWarning]
    ) {
        var warnings: [SignageWarning] = []
        let blocks = label.blocks.map { block in
            block.fields.flatMap { field in
                let width = settings.width(for: field.name)
                return field.paragraphs.map { paragraph in
                    paragraph.flatMap { line in
                        let wrapped = LineBreaker.wrap(line, width: width)
                        warnings += wrapped.overlongWords.map {
                            overlongWordWarning(
                                $0, id: label.id, language: block.language, field: field.name, location: field.location,
                                width: width)
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
    public static func utf8(for label: SignageLabel, settings: SignageSettings) -> (
        bytes: [UInt8], warnings: [SignageWarning]
    ) {
        var file = FileBuilder(id: label.id)
        for block in label.blocks {
            file.startBlock(language: block.language)
            for field in block.fields {
                file.startField(name: field.name, location: field.location, width: settings.width(for: field.name))
                for paragraph in field.paragraphs {
                    file.startParagraph()
                    for line in paragraph { file.appendLine(line) }
                }
            }
        }
        return file.finished()
    }

    /// ``utf8(for:settings:)`` of the label ``SignageLabel/init(exhibit:config:languages:)``
    /// makes, from its blocks with each text as ``Typography`` typeset it: typeset scalars are
    /// split into paragraphs and lines as ``SignageLabel/paragraphs(of:)`` splits their text and
    /// wrapped as they are, without a string per line.
    static func utf8(
        for blocks: [SignageLabel.TextBlock<Typography.Typeset>], id: String, settings: SignageSettings
    ) -> (bytes: [UInt8], warnings: [SignageWarning]) {
        var file = FileBuilder(id: id)
        for block in blocks {
            file.startBlock(language: block.language)
            for field in block.fields {
                file.startField(name: field.name, location: field.location, width: settings.width(for: field.name))
                switch field.text {
                case .text(let text):
                    for paragraph in SignageLabel.paragraphs(of: text) {
                        file.startParagraph()
                        for line in paragraph { file.appendLine(line) }
                    }
                case .simpleScalars(let scalars):
                    // Paragraphs are runs of non-empty lines, as in ``SignageLabel/paragraphs(of:)``.
                    var isInParagraph = false
                    for line in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
                        guard !line.isEmpty else {
                            isInParagraph = false
                            continue
                        }
                        if !isInParagraph { file.startParagraph() }
                        isInParagraph = true
                        file.appendLine(simpleScalars: line)
                    }
                }
            }
        }
        return file.finished()
    }

    /// A text file being written: the separators between blocks, paragraphs and lines, the
    /// wrapped lines and the warnings about overlong words.
    private struct FileBuilder {
        let id: String
        var output: [UInt8] = []
        var warnings: [SignageWarning] = []
        var hasBlock = false
        var hasParagraphInBlock = false
        var hasLineInParagraph = false
        var language = ""
        var field = ""
        var location = SourceLocation(path: "", line: 1, column: 1)
        var width = 1

        init(id: String) {
            self.id = id
            output.reserveCapacity(4096)
        }

        mutating func startBlock(language: String) {
            if hasBlock { output.append(contentsOf: "\n\n\n".utf8) }
            hasBlock = true
            hasParagraphInBlock = false
            self.language = language
        }

        mutating func startField(name: String, location: SourceLocation, width: Int) {
            field = name
            self.location = location
            self.width = width
        }

        mutating func startParagraph() {
            if hasParagraphInBlock { output.append(contentsOf: "\n\n".utf8) }
            hasParagraphInBlock = true
            hasLineInParagraph = false
        }

        mutating func startLine() {
            if hasLineInParagraph { output.append(UInt8(ascii: "\n")) }
            hasLineInParagraph = true
        }

        mutating func appendLine(_ line: String) {
            startLine()
            var overlongWords: [String] = []
            if !LineBreaker.appendWrapped(simpleLine: line, width: width, to: &output, overlongWords: &overlongWords) {
                let wrapped = LineBreaker.wrap(line, width: width)
                output.append(contentsOf: wrapped.lines.joined(separator: "\n").utf8)
                overlongWords = wrapped.overlongWords
            }
            warn(overlongWords)
        }

        mutating func appendLine(simpleScalars line: ArraySlice<Unicode.Scalar>) {
            startLine()
            var overlongWords: [String] = []
            LineBreaker.appendWrapped(simpleScalars: line, width: width, to: &output, overlongWords: &overlongWords)
            warn(overlongWords)
        }

        mutating func warn(_ overlongWords: [String]) {
            warnings += overlongWords.map {
                overlongWordWarning($0, id: id, language: language, field: field, location: location, width: width)
            }
        }

        mutating func finished() -> (bytes: [UInt8], warnings: [SignageWarning]) {
            output.append(UInt8(ascii: "\n"))
            return (output, warnings)
        }
    }

    /// The warning about `word`, wider than the `width`-character line of a field.
    private static func overlongWordWarning(
        _ word: String, id: String, language: String, field: String, location: SourceLocation, width: Int
    ) -> SignageWarning {
        SignageWarning(
            location: location,
            message: """
                \(id): a word in the \(Language.displayName(language)) \(field) is \
                \(GraphemeLength.of(word)) characters, wider than the \(width)-character line; it \
                stands on a line of its own and overflows: \(word)
                """)
    }
}
