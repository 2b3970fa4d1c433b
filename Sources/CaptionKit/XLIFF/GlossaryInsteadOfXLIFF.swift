/// A glossary given to `captions import` where an XLIFF file is read: which kind it is, and the
/// hint the refusal ends with. The one place that tells and words them, for a TBX glossary under
/// another name (by its root element) and for the text glossaries `captions export glossary`
/// writes (by their lines).
enum GlossaryInsteadOfXLIFF {
    /// TBX (`martif`, TBX v3 `tbx`): import merges it when its name ends in `.tbx`.
    case tbx
    /// OmegaT's tab-separated glossary (`captions export glossary --format omegat`).
    case omegaT
    /// The CSV of `captions export glossary --format csv`.
    case csv

    /// The glossary whose XML root element is `name`.
    init?(rootElement name: String) {
        guard name == "martif" || name == "tbx" else { return nil }
        self = .tbx
    }

    /// The glossary the text `bytes` (which is not XML; a byte order mark left out) is: CSV when
    /// its first line is the header `captions export glossary --format csv` writes (`id`, the
    /// languages, …, `do-not-translate`, separated by commas, or by semicolons or tabs as a
    /// spreadsheet may save it again); OmegaT's when its first lines (up to 20 not blank, not
    /// `#` comments) each hold a term, a tab and more.
    init?(text bytes: some Collection<UInt8>) {
        // A glossary shows what it is in its first lines: only they are looked at.
        var lines = Array(bytes.prefix(1 << 16)).split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.count > 1 << 16 { lines.removeLast() }  // cut short
        let text = lines.prefix(200).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        guard let header = text.first else { return nil }
        let cells = header.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).map {
            $0.filter { $0 != "\"" && $0 != " " }
        }
        if cells.first == "id" && cells.last == "do-not-translate" {
            self = .csv
            return
        }
        let terms = text.filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }.prefix(20)
        let isTerm = { (line: String) in
            line.firstIndex(of: "\t").map { !line[..<$0].allSatisfy(\.isWhitespace) } ?? false
        }
        guard !terms.isEmpty, terms.allSatisfy(isTerm) else { return nil }
        self = .omegaT
    }

    /// What follows `this is not an XLIFF file; ` in the refusal: what the file is, what to do.
    var hint: String {
        let unread = """
            which captions import does not read: edit the collection's glossary.yml, or import the terms as \
            a TBX file (a name ending in .tbx, as captions export glossary --format tbx writes it)
            """
        return switch self {
        case .tbx: "it is a TBX glossary: name it with .tbx at the end to merge it into glossary.yml"
        case .omegaT: "it is an OmegaT glossary (tab-separated text), " + unread
        case .csv: "it is a glossary in CSV (as captions export glossary --format csv writes it), " + unread
        }
    }
}
