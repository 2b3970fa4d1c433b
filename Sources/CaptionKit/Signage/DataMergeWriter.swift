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
        let rows = table(for: labels, languages: languages, fields: fields)
        let text = rows.map { $0.map(escape).joined(separator: "\t") + "\r\n" }.joined()
        switch encoding {
        case .utf16LE:
            // Bytes go into an array first: appending to `Data` one byte at a time is slow.
            var bytes: [UInt8] = [0xFF, 0xFE]
            bytes.reserveCapacity(2 + text.utf8.count * 2)
            for unit in text.utf16 {
                bytes.append(UInt8(unit & 0xFF))
                bytes.append(UInt8(unit >> 8))
            }
            return Data(bytes)
        case .utf8BOM:
            return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        }
    }

    /// The header row and one row per label, before escaping.
    static func table(for labels: [SignageLabel], languages: [String], fields: [String]) -> [[String]] {
        var columnCounts: [String: Int] = [:]
        for label in labels {
            for block in label.blocks {
                for field in block.fields {
                    columnCounts[field.name] = max(columnCounts[field.name] ?? 0, field.text.paragraphCount)
                }
            }
        }
        var header = ["id", "gallery"]
        for language in languages {
            for field in fields {
                let base = "\(headerName(language))_\(headerName(field))"
                let count = columnCounts[field] ?? 1
                header += count > 1 ? (1...count).map { "\(base)_\($0)" } : [base]
            }
        }
        let rows = labels.map { label in
            var row = [label.id, label.gallery]
            for language in languages {
                let block = label.blocks.first { $0.language == language }
                for name in fields {
                    let paragraphs = block?.fields.first { $0.name == name }?.text.paragraphs ?? []
                    let count = max(columnCounts[name] ?? 1, 1)
                    for index in 0..<count {
                        row.append(index < paragraphs.count ? flatten(paragraphs[index]) : "")
                    }
                }
            }
            return row
        }
        return [header] + rows
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
        let separators: Set<Unicode.Scalar> = ["\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let joined = lines.joined(separator: " ")
        // Fast path: the separators are ASCII controls or U+0085, U+2028, U+2029, whose UTF-8
        // forms start with 0xC2 or 0xE2; text without those bytes has none.
        if !joined.utf8.contains(where: { $0 < 0x0E || $0 == 0xC2 || $0 == 0xE2 }) { return joined }
        var result = ""
        for scalar in joined.unicodeScalars {
            result.unicodeScalars.append(separators.contains(scalar) ? " " : scalar)
        }
        return result
    }

    /// Quotes a value that contains `"`.
    static func escape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\"")) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
