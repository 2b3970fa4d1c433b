internal import CLibYAML
import Foundation

/// One libyaml parsing event, copied into Swift values.
struct YAMLEvent {
    /// What the event is.
    enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(String)
        case scalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd

        /// Whether this is an alias (`*name`).
        var isAlias: Bool {
            if case .alias = self { return true }
            return false
        }
    }

    /// How a scalar was written.
    enum ScalarStyle: Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var kind: Kind
    /// The scalar's value (empty for other events).
    var value: String = ""
    /// The scalar's style (plain for other events).
    var style: ScalarStyle = .plain
    /// The anchor (`&name`) on a scalar, sequence or mapping, if any.
    var anchor: String?
    /// The explicit tag on a scalar, sequence or mapping, as libyaml resolved it (`!!str` is
    /// `tag:yaml.org,2002:str`, `!include` stays `!include`), if any.
    var tag: String?
    /// Set by a reader that reported the event as outside ``YAMLSubset``: its value is not read.
    var isRefused = false
    /// 1-based line of the event's start.
    var line: Int
    /// 1-based column of the event's start, in Unicode scalars.
    var column: Int
    /// For scalars: the 1-based line and column just after the scalar's end (0 for other events).
    var endLine = 0
    /// See ``endLine``.
    var endColumn = 0
}

/// Streams events from libyaml's parser over one document's text.
///
/// Owns the parser and a private copy of the input; frees both in `deinit`. libyaml keeps its
/// state on the heap, so arbitrarily deep input cannot overflow the stack here.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The buffer holding the input, owned by the reader.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// The input without its byte order mark: a part of ``storage``.
    private let input: UnsafeBufferPointer<UInt8>
    private var count: Int { input.count }

    /// The merge conflicts git left in the input (see ``MergeConflict/all(in:recordKey:)``).
    func mergeConflicts(recordKey: String? = nil) -> [MergeConflict] {
        MergeConflict.all(in: input, recordKey: recordKey)
    }

    /// The byte offset of each line's start, made on first use (``literalBlockIndentation(headerLine:)``).
    private var lineStarts: [Int]?

    /// The indentation (in spaces) of the content of the literal block scalar (`|`) whose header
    /// is on line `headerLine` (1-based): the leading spaces of the first line after it that has
    /// anything else. `nil` when the header sets the indentation itself (`|2`) or no line has
    /// content.
    func literalBlockIndentation(headerLine: Int) -> Int? {
        if lineStarts == nil {
            var starts = [0]
            var offset = 0
            while offset < input.count,
                let newline = memchr(input.baseAddress! + offset, 0x0A, input.count - offset)
            {
                offset = input.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, headerLine >= 1, headerLine < starts.count else { return nil }
        let header = input[starts[headerLine - 1]..<starts[headerLine]]
        if let bar = header.lastIndex(of: UInt8(ascii: "|")),
            header[bar...].contains(where: { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) })
        {
            return nil
        }
        for line in headerLine..<starts.count {
            let end = line + 1 < starts.count ? starts[line + 1] : input.count
            var spaces = 0
            while starts[line] + spaces < end, input[starts[line] + spaces] == UInt8(ascii: " ") { spaces += 1 }
            let next = starts[line] + spaces
            if next < end, input[next] != UInt8(ascii: "\n"), input[next] != UInt8(ascii: "\r") { return spaces }
        }
        return nil
    }

    /// Starts reading `text`.
    convenience init(text: String) {
        self.init(utf8: Data(text.utf8))
    }

    /// Starts reading UTF-8 bytes. A leading byte order mark is dropped (it does not count as a
    /// column); libyaml checks that the rest is valid UTF-8 as it reads it.
    convenience init(utf8 data: Data) {
        self.init(bytes: data)
    }

    /// Starts reading UTF-8 bytes, as ``init(utf8:)``.
    convenience init<Bytes: Collection<UInt8>>(bytes source: Bytes) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(source.count, 1))
        let (_, end) = storage.initialize(from: source)
        self.init(adopting: storage, count: end)
    }

    /// Starts reading the first `count` UTF-8 bytes of `storage`, as ``init(utf8:)``, without
    /// copying them: the reader owns `storage` from now on and deallocates it.
    init(adopting storage: UnsafeMutableBufferPointer<UInt8>, count: Int) {
        self.storage = storage
        let hasByteOrderMark = storage[..<count].starts(with: [0xEF, 0xBB, 0xBF])
        let skipped = hasByteOrderMark ? 3 : 0
        // Never a nil base address, even for empty input: libyaml asserts a non-null input.
        input = UnsafeBufferPointer(start: storage.baseAddress! + skipped, count: count - skipped)
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    /// Whether the input is valid UTF-8 text, and where it is not.
    func decodingFailure() -> SourceText.DecodingFailure? {
        do throws(SourceText.DecodingFailure) {
            _ = try SourceText.decode(Data(input[..<count]))
            return nil
        } catch {
            return error
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        storage.deallocate()
    }

    /// The next event.
    ///
    /// - Throws: ``YAMLReader/Failure`` with libyaml's problem, its context and position.
    func next() throws(YAMLReader.Failure) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw failure() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, line: line, column: column)
        case YAML_STREAM_END_EVENT: return YAMLEvent(kind: .streamEnd, line: line, column: column)
        case YAML_DOCUMENT_START_EVENT: return YAMLEvent(kind: .documentStart, line: line, column: column)
        case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, line: line, column: column)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(Self.string(event.data.alias.anchor)), line: line, column: column)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            let style: YAMLEvent.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            return YAMLEvent(
                kind: .scalar, value: value, style: style, anchor: Self.optionalString(scalar.anchor),
                tag: Self.optionalString(scalar.tag), line: line, column: column, endLine: Int(event.end_mark.line) + 1,
                endColumn: Int(event.end_mark.column) + 1)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return YAMLEvent(
                kind: .sequenceStart, anchor: Self.optionalString(start.anchor), tag: Self.optionalString(start.tag),
                line: line, column: column)
        case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return YAMLEvent(
                kind: .mappingStart, anchor: Self.optionalString(start.anchor), tag: Self.optionalString(start.tag),
                line: line, column: column)
        case YAML_MAPPING_END_EVENT: return YAMLEvent(kind: .mappingEnd, line: line, column: column)
        default:
            throw YAMLReader.Failure(line: line, column: column, message: "invalid YAML: unexpected parser event")
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { string($0) }
    }

    /// Converts the parser's error state into a located failure.
    private func failure() -> YAMLReader.Failure {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        if state.error == YAML_READER_ERROR {
            if let invalid = decodingFailure() {
                return YAMLReader.Failure(
                    line: invalid.line, column: invalid.column, message: invalid.message)
            }
            let text = String(decoding: input[..<count], as: UTF8.self)
            let position = SourceText.lineAndColumn(ofByteOffset: Int(state.problem_offset), in: text)
            return YAMLReader.Failure(line: position.line, column: position.column, message: "invalid YAML: \(problem)")
        }
        if state.error == YAML_MEMORY_ERROR {
            return YAMLReader.Failure(line: 1, column: 1, message: "invalid YAML: out of memory")
        }
        if state.context.map({ String(cString: $0) }) == "while scanning a quoted scalar",
            problem == "found unexpected end of stream"
        {
            // Pointed at the end of the file, the curator would look for the mistake there.
            return YAMLReader.Failure(
                line: Int(state.context_mark.line) + 1, column: Int(state.context_mark.column) + 1,
                message: """
                    invalid YAML: the quoted text that starts here has no closing quote (\(problem)); \
                    add it where the text ends
                    """)
        }
        var detail = ""
        if let context = state.context.map({ String(cString: $0) }) {
            detail = " (\(context) at line \(state.context_mark.line + 1), column \(state.context_mark.column + 1))"
        }
        let line = Int(state.problem_mark.line)
        let column = Int(state.problem_mark.column)
        let advice = YAMLProblemAdvice.message(problem: problem, line: text(ofLine: line), column: column)
        return YAMLReader.Failure(
            line: line + 1, column: column + 1, message: "invalid YAML: " + (advice ?? problem + detail))
    }

    /// The text of the 0-based line `index` of the input, without its line break (empty past the end).
    private func text(ofLine index: Int) -> Substring {
        Self.text(ofLine: index, in: input)[...]
    }

    /// The text of the 0-based line `index` of `bytes`, lines ending as libyaml ends them: at a
    /// CR LF, an LF or a lone CR (a `String` split at `"\n"` keeps a file saved on Windows whole,
    /// since `"\r\n"` is one character).
    static func text(ofLine index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var line = 0
        var start = 0
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x0A || byte == 0x0D else {
                position += 1
                continue
            }
            if line == index { break }
            position += byte == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1
            line += 1
            start = position
        }
        guard line == index else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }
}
