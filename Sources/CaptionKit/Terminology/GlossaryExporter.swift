import Foundation

/// The file formats `captions export glossary` writes.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    /// TBX-Basic (ISO 30042:2008): one `glossary.tbx` with every language.
    case tbx
    /// OmegaT's tab-separated glossary: one `<source>-<target>.utf8` per target language.
    case omegat
    /// Comma-separated values for spreadsheets: one `glossary.csv`.
    case csv
}

/// What `captions export glossary` is asked to do.
public struct GlossaryExportOptions: Sendable {
    /// The format to write.
    var format: GlossaryFormat
    /// The target languages to include; every target language when empty.
    var targetLanguages: [String]
    /// The folder the files go to.
    var outputFolder: String

    /// Creates options; the defaults write TBX with every language into `Exports/glossary`.
    public init(
        format: GlossaryFormat = .tbx, targetLanguages: [String] = [], outputFolder: String = "Exports/glossary"
    ) {
        self.format = format
        self.targetLanguages = targetLanguages
        self.outputFolder = outputFolder
    }
}

/// One file made by the glossary export.
public struct GlossaryExportFile: Sendable {
    /// Where it goes, in the output folder.
    public var path: String
    /// The file's bytes.
    public var data: Data
    /// The entries in it.
    public var entryCount: Int
}

/// Writes a collection's glossary for CAT tools and spreadsheets.
public enum GlossaryExporter {
    /// The files for `glossary` of a collection configured by `config`.
    ///
    /// - Throws: ``CaptionError/invalidArgument(_:)`` for a `--to` language that is not a target
    ///   language of the collection.
    static func files(_ glossary: Glossary, config: CollectionConfig, options: GlossaryExportOptions)
        throws(CaptionError) -> [GlossaryExportFile]
    {
        let targets = try config.exportTargets(options.targetLanguages)
        let languages = [config.source] + targets
        let folder = options.outputFolder
        switch options.format {
        case .tbx:
            var unwritable = UnwritableTexts()
            for entry in glossary.entries { unwritable.check(entry, languages: languages) }
            try unwritable.throwIfAny()
            let path = CollectionLoader.join(folder, "glossary.tbx")
            return [
                GlossaryExportFile(
                    path: path, data: try tbx(glossary, source: config.source, languages: languages, path: path),
                    entryCount: glossary.entries.count)
            ]
        case .csv:
            return [
                GlossaryExportFile(
                    path: CollectionLoader.join(folder, "glossary.csv"), data: csv(glossary, languages: languages),
                    entryCount: glossary.entries.count)
            ]
        case .omegat:
            return targets.map { target in
                let (data, count) = omegat(glossary, source: config.source, target: target)
                return GlossaryExportFile(
                    path: CollectionLoader.join(folder, "\(config.source)-\(target).utf8"), data: data,
                    entryCount: count)
            }
        }
    }

    /// TBX-Basic: a `termEntry` per entry (its id as `id`, its note as `note`), a `langSet` per
    /// language, a `tig` per term with its administrative status: the first variant preferred,
    /// the others admitted, forbidden terms deprecated.
    static func tbx(_ glossary: Glossary, source: String, languages: [String], path: String) throws(CaptionError)
        -> Data
    {
        let xml = XMLWriter()
        xml.start("martif")
        xml.attribute("type", "TBX-Basic")
        xml.attribute("xml:lang", source)
        xml.start("martifHeader")
        xml.start("fileDesc")
        xml.start("titleStmt")
        xml.element("title", text: "Glossary")
        xml.end()
        xml.start("sourceDesc")
        // The collection folder's name and the file's, however the folder was named: the same
        // bytes from `Captions` and `/srv/museum/Captions`, and no server path in the file.
        let origin =
            glossary.path.map {
                URL(fileURLWithPath: $0).standardizedFileURL.pathComponents.suffix(2).joined(separator: "/")
            } ?? Glossary.fileName
        xml.element("p", text: "Exported by captions \(CaptionsVersion.string) from \(origin)")
        xml.end()
        xml.end()
        xml.start("encodingDesc")
        xml.element("p", ["type": "XCSURI"], text: "TBXBasicXCSV02.xcs")
        xml.end()
        xml.end()
        xml.start("text")
        xml.start("body")
        for entry in glossary.entries {
            xml.start("termEntry")
            xml.attribute("id", entry.id)
            if let note = entry.note { xml.element("note", text: note) }
            if entry.doNotTranslate { xml.element("note", text: doNotTranslateNote) }
            for language in languages {
                let terms = entry.terms[language] ?? []
                let forbidden = entry.forbidden[language] ?? []
                guard !terms.isEmpty || !forbidden.isEmpty else { continue }
                xml.start("langSet")
                xml.attribute("xml:lang", language)
                for (index, term) in terms.enumerated() {
                    tig(xml, term, status: index == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")
                }
                for term in forbidden { tig(xml, term, status: "deprecatedTerm-admn-sts") }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        xml.end()
        xml.end()
        return try xml.finish(path: path)
    }

    /// The note that marks a do-not-translate entry in TBX and OmegaT.
    static let doNotTranslateNote = "Do not translate: keep the term as it is."

    private static func tig(_ xml: XMLWriter, _ term: String, status: String) {
        xml.start("tig")
        xml.element("term", text: term)
        xml.element("termNote", ["type": "administrativeStatus"], text: status)
        xml.end()
    }

    /// OmegaT's glossary: `source<TAB>target<TAB>comment` lines, one per source and target
    /// variant of each entry with a term in both languages (OmegaT reads each line as a term of
    /// its own, so a variant with a comma in it stays one), the preferred target first; the
    /// comment holds the forbidden terms, each in quotes, and the note. Tabs and line breaks
    /// inside values become spaces. OmegaT skips a line starting with `#` as a comment and trims
    /// every field, so a line whose source term starts with `#` starts with a space.
    static func omegat(_ glossary: Glossary, source: String, target: String) -> (Data, Int) {
        var text = ""
        var count = 0
        for entry in glossary.entries {
            guard let sources = entry.terms[source], let targets = entry.terms[target] else { continue }
            count += 1
            var comment: [String] = []
            if let forbidden = entry.forbidden[target] {
                // Quoted as in CSV: a term may hold the comma between two of them.
                let quoted = forbidden.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                comment.append("do not use: " + quoted.joined(separator: ", "))
            }
            if entry.doNotTranslate { comment.append(doNotTranslateNote) }
            if let note = entry.note { comment.append(note) }
            for term in sources {
                for translation in targets {
                    let line = [term, translation, joinedComment(comment)].map(oneLine).joined(separator: "\t")
                    text += (line.hasPrefix("#") ? " " : "") + line + "\n"
                }
            }
        }
        return (Data(text.utf8), count)
    }

    /// The parts of a comment joined by "; ", or by a space after a part that ends a sentence
    /// ("…as it is. The Russian…", not "…as it is.; The Russian…").
    static func joinedComment(_ parts: [String]) -> String {
        var result = ""
        for part in parts {
            if let last = result.last { result += ".!?…".contains(last) ? " " : "; " }
            result += part
        }
        return result
    }

    private static func oneLine(_ value: String) -> String {
        value.split(whereSeparator: { $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// CSV (RFC 4180, CRLF line ends, UTF-8 with a byte order mark so that Excel reads it as
    /// UTF-8): id, one column per language, one "forbidden <language>" column per language, note,
    /// do-not-translate. A cell holds its variants one a line (spreadsheets show them as lines of
    /// the cell; a line break inside a term becomes a space). A cell that a spreadsheet would
    /// run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return: a
    /// glossary may come from an untrusted TBX) starts with an apostrophe, which spreadsheets
    /// show as text.
    static func csv(_ glossary: Glossary, languages: [String]) -> Data {
        func field(_ text: String) -> String {
            var value = text
            if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                value = "'" + value
            }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func variants(_ terms: [String]?) -> String {
            (terms ?? []).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        }
        var rows: [[String]] = [
            ["id"] + languages + languages.map { "forbidden \($0)" } + ["note", "do-not-translate"]
        ]
        for entry in glossary.entries {
            rows.append(
                [entry.id] + languages.map { variants(entry.terms[$0]) }
                    + languages.map { variants(entry.forbidden[$0]) }
                    + [entry.note ?? "", entry.doNotTranslate ? "yes" : ""])
        }
        return Data(("\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()).utf8)
    }
}
