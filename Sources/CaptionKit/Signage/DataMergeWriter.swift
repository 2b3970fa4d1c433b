import Foundation

/// Writes the Adobe InDesign Data Merge file: one tab-delimited row per exported exhibit.
///
/// - Columns: `id`, `gallery`, then for each language in order and each field in order
///   `<lang>_<field>` (a `-` in a language tag or field name becomes `_`, so `kk-Latn` gives
///   `kk_Latn_title`). A field that has more than one paragraph in any exported exhibit gets
///   numbered columns `<lang>_<field>_1` … up to the largest paragraph count, because Data
///   Merge allows no line break inside a field; shorter texts leave the extra columns empty.
///   Headers are ASCII and never start with `@` (which Data Merge reads as an image column).
/// - Values: typography applied; a line break inside a paragraph, a tab and any other line or
///   paragraph separator become a space, so a value never contains a tab, CR or LF. A value
///   containing `"` (only possible when quotes could not be paired) is wrapped in `"` with
///   inner quotes doubled, as Data Merge expects.
/// - Rows end with CRLF (InDesign accepts CRLF on Windows and macOS alike; LF-only files are
///   misread by some Windows versions). The header row comes first.
enum DataMergeWriter {
    /// One label's row before the file's columns are known (they depend on every label): its
    /// values as UTF-8, made on the label's thread so that only the columns and the encoding are
    /// left for the end, and the label itself need not be kept.
    struct Row: Sendable {
        /// `id`, `gallery`, then each paragraph's value of each language and field in column
        /// order, escaped, each followed by a tab (a value never holds one).
        fileprivate var values: [UInt8]
        /// Where the values of each language and field end in ``values``, in column order, after
        /// `id` and `gallery` (whose end is the first).
        fileprivate var groupEnds: [Int]
        /// How many values (paragraphs) each language and field has, in column order.
        fileprivate var groupCounts: [Int]
        /// The most paragraphs each field (by index in the configured fields) has in any block.
        fileprivate var paragraphCounts: [Int]

        /// The row of `label`, with `languages` and `fields` in column order.
        init(_ label: SignageLabel, languages: [String], fields: [String]) {
            var values: [UInt8] = []
            values.reserveCapacity(
                label.blocks.reduce(64) { $0 + $1.fields.reduce(0) { $0 + $1.text.utf8.count + 16 } })
            for value in [label.id, label.gallery] {
                values += escape(value).utf8
                values.append(UInt8(ascii: "\t"))
            }
            var groupEnds = [values.count]
            var groupCounts: [Int] = []
            for language in languages {
                let block = label.blocks.first { $0.language == language }
                for name in fields {
                    let text = block?.fields.first { $0.name == name }?.text
                    groupCounts.append(text.map { appendValues(of: $0, to: &values) } ?? 0)
                    groupEnds.append(values.count)
                }
            }
            paragraphCounts = fields.map { name in
                label.blocks.reduce(0) { most, block in
                    block.fields.reduce(most) { $1.name == name ? max($0, $1.text.paragraphCount) : $0 }
                }
            }
            self.values = values
            self.groupEnds = groupEnds
            self.groupCounts = groupCounts
        }
    }

    /// The file's bytes for `labels`.
    ///
    /// - Parameters:
    ///   - labels: The exported labels in row order.
    ///   - languages: The languages in column order.
    ///   - fields: The configured field names in column order.
    ///   - encoding: The text encoding (with its byte order mark).
    static func data(
        for labels: [SignageLabel], languages: [String], fields: [String], encoding: DataMergeEncoding
    ) -> Data {
        Data(
            bytes(
                rows: labels.map { Row($0, languages: languages, fields: fields) }, languages: languages,
                fields: fields, encoding: encoding))
    }

    /// The file's bytes for the labels of `rows` (made with the same `languages` and `fields`).
    static func bytes(rows: [Row], languages: [String], fields: [String], encoding: DataMergeEncoding) -> [UInt8] {
        // A field has as many columns as it has paragraphs at most in any label, and one at least.
        var columnCounts = [Int](repeating: 1, count: fields.count)
        for row in rows {
            for (index, count) in row.paragraphCounts.enumerated() where count > columnCounts[index] {
                columnCounts[index] = count
            }
        }
        var header = ["id", "gallery"]
        for language in languages {
            for (field, count) in zip(fields, columnCounts) {
                let base = "\(headerName(language))_\(headerName(field))"
                header += count > 1 ? (1...count).map { "\(base)_\($0)" } : [base]
            }
        }
        var file: [UInt8] = []
        let rowBytes = rows.reduce(0) { $0 + $1.values.count + 2 * $1.groupCounts.count }
        switch encoding {
        case .utf16LE:
            file.reserveCapacity(2 * rowBytes)
            file += [0xFF, 0xFE]
        case .utf8BOM:
            file.reserveCapacity(rowBytes)
            file += [0xEF, 0xBB, 0xBF]
        }
        var line = Array((header.map(escape).joined(separator: "\t") + "\r\n").utf8)
        append(line, to: &file, encoding: encoding)
        for row in rows {
            line.removeAll(keepingCapacity: true)
            row.values.withUnsafeBufferPointer { values in
                line += UnsafeBufferPointer(rebasing: values[..<row.groupEnds[0]])
                for group in row.groupCounts.indices {
                    line += UnsafeBufferPointer(rebasing: values[row.groupEnds[group]..<row.groupEnds[group + 1]])
                    // A shorter text leaves the field's other columns empty.
                    let missing = columnCounts[group % fields.count] - row.groupCounts[group]
                    if missing > 0 { line += repeatElement(UInt8(ascii: "\t"), count: missing) }
                }
            }
            // The last value's tab ends the row instead.
            line.removeLast()
            line += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
            append(line, to: &file, encoding: encoding)
        }
        return file
    }

    /// Appends the UTF-8 text `line` to `file` in `encoding`.
    private static func append(_ line: [UInt8], to file: inout [UInt8], encoding: DataMergeEncoding) {
        switch encoding {
        case .utf8BOM: file += line
        case .utf16LE: appendUTF16LE(of: line, to: &file)
        }
    }

    /// Appends the UTF-16LE code units of the valid UTF-8 text `utf8` to `bytes`.
    static func appendUTF16LE(of utf8: [UInt8], to bytes: inout [UInt8]) {
        utf8.withUnsafeBufferPointer { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = UInt32(utf8[index])
                var scalar: UInt32
                switch lead {
                case ..<0x80:
                    scalar = lead
                    index += 1
                case ..<0xE0:
                    scalar = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    index += 2
                case ..<0xF0:
                    scalar =
                        (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    index += 3
                default:
                    scalar =
                        (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                        | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                    index += 4
                }
                if scalar >= 0x10000 {
                    // A surrogate pair: the high surrogate first.
                    scalar -= 0x10000
                    let high = 0xD800 | (scalar >> 10)
                    bytes += [UInt8(truncatingIfNeeded: high), UInt8(truncatingIfNeeded: high >> 8)]
                    scalar = 0xDC00 | (scalar & 0x3FF)
                }
                bytes += [UInt8(truncatingIfNeeded: scalar), UInt8(truncatingIfNeeded: scalar >> 8)]
            }
        }
    }

    /// Appends one value per paragraph of `text`, each followed by a tab, to `values`: its lines
    /// joined with spaces, every tab and line separator a space (``flatten(_:)``), escaped
    /// (``escape(_:)``). Returns how many.
    private static func appendValues(of text: TypesetText, to values: inout [UInt8]) -> Int {
        var count = 0
        var start = values.count
        text.forEachLine { line, startsParagraph in
            if startsParagraph {
                if count > 0 { endValue(startingAt: start, in: &values) }
                count += 1
                start = values.count
            } else {
                values.append(UInt8(ascii: " "))
            }
            appendFlattened(line, to: &values)
        }
        if count > 0 { endValue(startingAt: start, in: &values) }
        return count
    }

    /// Escapes the value from `start` to the end of `values` and ends it with a tab.
    private static func endValue(startingAt start: Int, in values: inout [UInt8]) {
        if values[start...].contains(UInt8(ascii: "\"")) {
            let value = String(decoding: values[start...], as: UTF8.self)
            values.replaceSubrange(start..., with: escape(value).utf8)
        }
        values.append(UInt8(ascii: "\t"))
    }

    /// Appends the UTF-8 text `utf8` to `bytes` with every tab and line or paragraph separator
    /// (tab, LF, VT, FF, CR, U+0085, U+2028, U+2029) a space.
    private static func appendFlattened(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // Fast path: the separators are ASCII controls or U+0085, U+2028, U+2029, whose UTF-8
        // forms start with 0xC2 or 0xE2; a text without those bytes has none.
        guard utf8.contains(where: { $0 < 0x0E || $0 == 0xC2 || $0 == 0xE2 }) else {
            bytes += utf8
            return
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let length: Int
            switch byte {
            case 0x09...0x0D: length = 1
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85: length = 2
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                length = 3
            default:
                bytes.append(byte)
                index += 1
                continue
            }
            bytes.append(UInt8(ascii: " "))
            index += length
        }
    }

    /// An ASCII header part: `-` becomes `_`, anything else outside `[A-Za-z0-9_]` is dropped,
    /// and a leading `@` cannot survive.
    static func headerName(_ name: String) -> String {
        String(
            name.unicodeScalars.compactMap { scalar -> Character? in
                if scalar == "-" { return "_" }
                guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                else { return nil }
                return Character(scalar)
            })
    }

    /// Joins a paragraph's lines with spaces and replaces every tab and line separator by a space.
    static func flatten(_ lines: [some StringProtocol]) -> String {
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            var line = String(line)
            line.withUTF8 { appendFlattened($0, to: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Quotes a value that contains `"`.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\"")) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
