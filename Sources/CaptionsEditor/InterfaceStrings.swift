import Foundation

/// The editor's own words in its interface languages, read from `Resources/interface.tsv`
/// (key, en, ru, kk; one line per string).
struct InterfaceStrings: Sendable {
    /// The interface languages, in the order the switch shows them.
    static let languages = ["kk", "ru", "en"]
    /// The columns of the file after the key.
    static let columns = ["en", "ru", "kk"]

    /// language → key → text.
    let table: [String: [String: String]]

    /// Parses the file's text.
    init(tsv: String) throws {
        var table: [String: [String: String]] = [:]
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == Self.columns.count + 1 else {
                throw EditorFailure(
                    "interface.tsv:\(number + 1): expected \(Self.columns.count + 1) tab-separated cells")
            }
            for (index, language) in Self.columns.enumerated() {
                table[language, default: [:]][cells[0]] = cells[index + 1]
            }
        }
        self.table = table
    }

    /// The strings of the file in `Resources` (see ``resourcesFolder()``).
    static func loadBundled() throws -> InterfaceStrings {
        let path = try resourcesFolder() + "/interface.tsv"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EditorFailure("\(path): cannot read the interface strings")
        }
        return try InterfaceStrings(tsv: String(decoding: data, as: UTF8.self))
    }

    /// The folder of the editor's resources: `$CAPTIONS_EDITOR_RESOURCES`, else
    /// `captions-editor-resources` beside the binary, else `Resources` beside this source file
    /// (the binary built in a clone).
    static func resourcesFolder() throws -> String {
        var candidates: [String] = []
        if let set = ProcessInfo.processInfo.environment["CAPTIONS_EDITOR_RESOURCES"] { candidates.append(set) }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(binary.deletingLastPathComponent().appendingPathComponent("captions-editor-resources").path)
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources").path)
        for folder in candidates where FileManager.default.fileExists(atPath: folder + "/interface.tsv") {
            return folder
        }
        throw EditorFailure(
            "cannot find the editor's resources (interface.tsv) in \(candidates.joined(separator: ", ")); "
                + "set CAPTIONS_EDITOR_RESOURCES to Sources/CaptionsEditor/Resources of the captions clone")
    }

    /// The words of one language.
    func localizer(_ language: String) -> Localizer {
        Localizer(language: language, words: table[language] ?? [:], fallback: table["en"] ?? [:])
    }

    /// The interface language for an `Accept-Language` header: the first one offered, else English.
    static func preferred(acceptLanguage header: String?) -> String {
        guard let header else { return "en" }
        var best: (language: String, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard languages.contains(primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > (best?.quality ?? 0) { best = (primary, quality) }
        }
        return best?.language ?? "en"
    }
}

/// The interface words of one language.
struct Localizer: Sendable {
    /// The interface language.
    let language: String
    let words: [String: String]
    let fallback: [String: String]

    /// The text for `key`, with `{name}` placeholders replaced.
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = words[key] ?? fallback[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// ``callAsFunction(_:_:)`` with one `{count}`.
    func callAsFunction(_ key: String, count: Int) -> String { self(key, ["count": String(count)]) }
}

/// A failure of the editor itself (start-up, resources), said in one line.
struct EditorFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
