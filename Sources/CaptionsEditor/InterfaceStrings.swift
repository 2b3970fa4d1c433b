import CaptionKit
import Foundation

/// The editor's own words in its interface languages, kept as a caption collection of their own
/// (`Resources/Interface`: one exhibit per string, its `text` in kk, ru and en) and loaded
/// through the library's front door once at start-up into a dictionary.
struct InterfaceStrings: Sendable {
    /// The interface languages, in the order the switch shows them.
    static let languages = ["kk", "ru", "en"]

    /// language → key → text.
    let table: [String: [String: String]]

    /// The string key of an exhibit id: the page, a dot, the name (`exhibit-save` → `exhibit.save`).
    static func key(ofID id: String) -> String {
        guard let dash = id.firstIndex(of: "-") else { return id }
        return id[..<dash] + "." + id[id.index(after: dash)...]
    }

    /// The strings of the collection at `path`.
    ///
    /// - Throws: ``EditorFailure`` when it cannot be loaded, or a file cannot be read or has no id.
    init(collectionAt path: String) throws {
        let collection: CaptionCollection
        do {
            collection = try LibraryBridge.load(path: path)
        } catch {
            throw EditorFailure("the interface strings: \(error.description)")
        }
        var table: [String: [String: String]] = [:]
        for exhibit in collection.exhibits {
            guard let id = exhibit.id, exhibit.isReadable, exhibit.loadFindings.isEmpty else {
                let finding = exhibit.loadFindings.first.map { ": \($0.message)" } ?? ": no id"
                throw EditorFailure("\(exhibit.path): cannot read the interface string\(finding)")
            }
            for translation in exhibit.field("text")?.translations ?? [] {
                table[translation.language, default: [:]][Self.key(ofID: id)] = translation.text
            }
        }
        self.table = table
    }

    /// The folder of the strings' collection in the resources (see ``resourcesFolder()``).
    static let collectionFolder = "Interface"

    /// The strings of the collection in `Resources` (see ``resourcesFolder()``).
    static func loadBundled() throws -> InterfaceStrings {
        try InterfaceStrings(collectionAt: try resourcesFolder() + "/" + collectionFolder)
    }

    /// The folder of the editor's resources: `$CAPTIONS_EDITOR_RESOURCES`, else
    /// `captions-editor-resources` beside the binary, else `Resources` beside this source file
    /// (the binary built in a clone).
    static func resourcesFolder() throws -> String {
        var candidates: [String] = []
        if let set = ProcessInfo.processInfo.environment["CAPTIONS_EDITOR_RESOURCES"] { candidates.append(set) }
        // The running binary itself: `arguments[0]` is a bare name when it was found on PATH.
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let binary = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        candidates.append(binary.deletingLastPathComponent().appendingPathComponent("captions-editor-resources").path)
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources").path)
        for folder in candidates
        where FileManager.default.fileExists(atPath: folder + "/" + collectionFolder + "/captions.yml") {
            return folder
        }
        throw EditorFailure(
            "cannot find the editor's resources (\(collectionFolder)/captions.yml) in \(candidates.joined(separator: ", ")); "
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
        let text = words[key] ?? fallback[key] ?? key
        guard !values.isEmpty, text.utf8.contains(UInt8(ascii: "{")) else { return text }
        // One pass: a value holding `{name}` is not replaced again.
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
            // A value that ends a sentence with its own full stop (initials: "Dana K.") takes the
            // place of the sentence's: "reviewed by Dana K.", not "Dana K..".
            if let value = values[name], value.hasSuffix("."), rest.first == "." { rest = rest.dropFirst() }
        }
        return result + rest
    }

    /// The text for `key` as HTML, its words escaped and the `{name}` placeholders replaced by
    /// markup (for a value that needs its own `lang`, see ``english(_:)``).
    func html(_ key: String, _ values: [String: HTML]) -> HTML {
        var result = ""
        var rest = (words[key] ?? fallback[key] ?? key)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += HTML.escape(String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name]?.raw ?? HTML.escape(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return HTML(trusted: result + HTML.escape(String(rest)))
    }

    /// English text from the library (a reason, a message) inside a sentence of this language:
    /// marked English for screen readers on a kk or ru page.
    func english(_ text: String) -> HTML {
        language == "en" ? "\(text)" : "<span lang=\"en\">\(text)</span>"
    }

    /// ``callAsFunction(_:_:)`` with one `{count}`.
    func callAsFunction(_ key: String, count: Int) -> String { self(key, ["count": String(count)]) }

    /// The heading of a field of captions.yml: its interface string (`field.<name>`) for the
    /// usual fields, else its name as configured.
    func fieldName(_ name: String) -> String { words["field." + name] ?? fallback["field." + name] ?? name }

    /// A text of an exhibit named in a message as the page heads it: the field's heading and the
    /// language, `Title (kk)`, `Тақырып (kk)` (not the caption file's key, `title`).
    func textName(field: String, language textLanguage: String) -> String {
        "\(fieldName(field)) (\(textLanguage))"
    }

    /// A language as labels and menus name it: its name in the interface language with its code,
    /// `Kazakh (kk)`, `казахский (kk)`; the code alone for a language without a name (`lang.name-<code>`).
    func languageLabel(_ code: String) -> String {
        (words["lang.name-" + code] ?? fallback["lang.name-" + code]).map { "\($0) (\(code))" } ?? code
    }

    /// What the check `id` found, said in the interface language (`check.<id>`), for an
    /// interface that is not English (the finding's message, from the library, is); `nil` in
    /// English or for an id without the string.
    func checkSummary(_ id: String) -> String? { language == "en" ? nil : words["check." + id] }

    /// Why the signage export holds a label back, said in the interface language: the sentence
    /// of the check that finds the same problem (for an error of `captions check`, that check's),
    /// or one of its own (`holdback.<kind>`) where no check does; `nil` in English (the reason,
    /// from the library, is).
    func holdBackSummary(_ reason: HoldBackReason) -> String? {
        guard language != "en" else { return nil }
        return words[reason.checkID.map { "check." + $0 } ?? "holdback." + reason.kind.rawValue.lowercased()]
    }

    /// Why a name cannot sign off, in the interface language (`signoff.name<problem>`).
    func nameProblem(_ problem: SignOff.NameProblem) -> String {
        switch problem {
        case .empty: self("signoff.nameempty")
        case .tooLong: self("signoff.nametoolong")
        case .lineBreakOrControl: self("signoff.namecontrol")
        case .formattingCharacter(let codePoint): self("signoff.nameformatting", ["code": codePoint])
        case .semicolon: self("signoff.namesemicolon")
        case .spaceAtEndOrDoubled: self("signoff.namespaces")
        case .otherSpace: self("signoff.nameotherspace")
        }
    }

    /// The `lang` attribute for English text from the library (messages, notes) on a page in
    /// another language; empty on an English page.
    var englishAttribute: HTML { language == "en" ? "" : " lang=\"en\"" }
}

/// A failure of the editor itself (start-up, resources), said in one line.
struct EditorFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
