import Foundation
import Yams

/// Reads one exhibit caption file into an ``Exhibit``, keeping every position.
///
/// The parser knows nothing of the collection's configuration: every top-level key other than
/// `id`, `notes` and the ``metadataKeys`` is a caption field, and every key inside a field is a
/// language. Whether those names are configured is for the checks to say. Problems that keep a
/// value from being read become `invalid-yaml` / `invalid-value` findings in
/// ``Exhibit/loadFindings``; nothing is thrown.
public enum ExhibitParser {
    /// Top-level keys that are not caption fields and are kept as ``Exhibit/metadata``.
    public static let metadataKeys: Set<String> = ["ignore", "translations"]

    /// The largest exhibit file read (bytes); larger files are reported, not parsed.
    public static let maximumFileSize = 4 << 20

    /// Parses file contents.
    ///
    /// - Parameters:
    ///   - data: The raw bytes of the file.
    ///   - path: The path to show in findings.
    ///   - relativePath: The path below the collection folder, e.g. `garden/stalin-wagon.yml`.
    /// - Returns: The exhibit; unreadable files give an exhibit with no fields and a finding.
    public static func parse(data: Data, path: String, relativePath: String) -> Exhibit {
        let gallery = relativePath.split(separator: "/").dropLast().joined(separator: "/")
        var builder = Builder(path: path, relativePath: relativePath, gallery: gallery)
        guard data.count <= maximumFileSize else {
            builder.fail(
                "invalid-yaml", line: 0, column: 0,
                "file is \(data.count) bytes; exhibit files are limited to \(maximumFileSize) bytes")
            return builder.exhibit
        }
        let text: String
        do {
            text = try SourceText.decode(data)
        } catch {
            builder.fail("invalid-yaml", line: error.line, column: error.column, "file is not valid UTF-8 text")
            return builder.exhibit
        }
        return parse(text: text, builder: builder)
    }

    /// Parses text that is already decoded (used by tests and by `fmt`).
    public static func parse(text: String, path: String, relativePath: String) -> Exhibit {
        let gallery = relativePath.split(separator: "/").dropLast().joined(separator: "/")
        return parse(text: text, builder: Builder(path: path, relativePath: relativePath, gallery: gallery))
    }

    private static func parse(text: String, builder: Builder) -> Exhibit {
        var builder = builder
        let root: Node?
        do {
            root = try YAMLReader.parse(text)
        } catch {
            builder.fail("invalid-yaml", line: error.line, column: error.column, error.message)
            return builder.exhibit
        }
        guard let root else {
            builder.fail("invalid-value", line: 1, column: 1, "file is empty; expected id, title, text...")
            return builder.exhibit
        }
        guard case .mapping(let mapping) = root else {
            builder.fail(
                "invalid-value", at: root.mark,
                "file must be a mapping of keys (id, title, text...), found \(kind(of: root))")
            return builder.exhibit
        }
        builder.readable = true
        builder.read(mapping)
        return builder.exhibit
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// Accumulates an exhibit while walking the document.
    private struct Builder {
        let path: String
        let relativePath: String
        let gallery: String
        var readable = false
        var id: String?
        var idLocation: SourceLocation
        var fields: [CaptionField] = []
        var notes: Translation?
        var metadata: [String: LocatedNode] = [:]
        var findings: [Diagnostic] = []

        init(path: String, relativePath: String, gallery: String) {
            self.path = path
            self.relativePath = relativePath
            self.gallery = gallery
            self.idLocation = SourceLocation(path: path, line: 1, column: 1)
        }

        var exhibit: Exhibit {
            Exhibit(
                path: path, relativePath: relativePath, gallery: gallery, id: id, idLocation: idLocation,
                fields: fields, notes: notes, metadata: metadata, loadFindings: findings, isReadable: readable)
        }

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0)
        }

        mutating func fail(_ checkID: String, line: Int, column: Int, _ message: String, field: String? = nil,
                           language: String? = nil) {
            findings.append(
                Diagnostic(
                    checkID: checkID, severity: .error, location: SourceLocation(path: path, line: line, column: column),
                    message: message, exhibitID: id, field: field, language: language))
        }

        mutating func fail(_ checkID: String, at mark: Mark?, _ message: String, notes: [Diagnostic.Note] = [],
                           field: String? = nil, language: String? = nil) {
            findings.append(
                Diagnostic(
                    checkID: checkID, severity: .error, location: location(mark), message: message, notes: notes,
                    exhibitID: id, field: field, language: language))
        }

        /// Reads a scalar meant as text; reports lists, mappings, numbers and booleans.
        mutating func text(_ node: Node, what: String, field: String? = nil, language: String? = nil) -> String? {
            guard case .scalar(let scalar) = node else {
                fail("invalid-value", at: node.mark, "\(what) must be text, found \(ExhibitParser.kind(of: node))",
                     field: field, language: language)
                return nil
            }
            if scalar.style == .plain {
                switch YAMLReader.plainScalarKind(scalar.string) {
                case .null: return ""
                case .number:
                    fail("invalid-value", at: scalar.mark,
                         "\(what) is the number \(scalar.string), not text; put it in quotes if it is meant as text",
                         field: field, language: language)
                    return nil
                case .boolean:
                    fail("invalid-value", at: scalar.mark,
                         "\(what) is the yes/no value '\(scalar.string)', not text; put it in quotes if it is meant as text",
                         field: field, language: language)
                    return nil
                case .text: return scalar.string
                }
            }
            if scalar.style == .literal || scalar.style == .folded {
                var value = scalar.string
                while value.hasSuffix("\n") { value.removeLast() }
                return value
            }
            return scalar.string
        }

        /// Reads a mapping key, reporting non-text keys and duplicates.
        mutating func key(_ node: Node, seen: inout [String: Mark?], context: String) -> String? {
            guard case .scalar(let scalar) = node else {
                fail("invalid-value", at: node.mark, "\(context) keys must be names, found \(ExhibitParser.kind(of: node))")
                return nil
            }
            let name = scalar.string
            if let first = seen[name] {
                let firstLocation = location(first)
                fail("invalid-yaml", at: scalar.mark,
                     "duplicate key '\(name)'\(context == "top-level" ? "" : " in \(context)"); the first is at line \(firstLocation.line)",
                     notes: [Diagnostic.Note(location: firstLocation, message: "first '\(name)' is here")])
                return nil
            }
            seen[name] = scalar.mark
            return name
        }

        mutating func read(_ mapping: Node.Mapping) {
            var seen: [String: Mark?] = [:]
            // Read `id` first so findings in the rest of the file can name the exhibit.
            for (keyNode, valueNode) in mapping where keyNode.scalar?.string == "id" {
                idLocation = location(valueNode.mark)
                id = text(valueNode, what: "id")
                break
            }
            var sawID = false
            for (keyNode, valueNode) in mapping {
                guard let name = key(keyNode, seen: &seen, context: "top-level") else { continue }
                switch name {
                case "id":
                    if sawID { continue }
                    sawID = true
                case "notes":
                    if let value = text(valueNode, what: "notes") {
                        notes = Translation(
                            language: "", text: value, keyLocation: location(keyNode.mark),
                            valueLocation: location(valueNode.mark))
                    }
                case _ where ExhibitParser.metadataKeys.contains(name):
                    do {
                        metadata[name] = try YAMLReader.located(valueNode, path: path)
                    } catch {
                        fail("invalid-value", line: error.line, column: error.column, error.message)
                    }
                default:
                    readField(name, key: keyNode, value: valueNode)
                }
            }
        }

        mutating func readField(_ name: String, key: Node, value: Node) {
            var field = CaptionField(name: name, location: location(key.mark), translations: [])
            switch value {
            case .mapping(let languages):
                var seen: [String: Mark?] = [:]
                for (languageNode, textNode) in languages {
                    guard let language = self.key(languageNode, seen: &seen, context: "'\(name)'") else { continue }
                    guard let value = text(textNode, what: "\(name) (\(language))", field: name, language: language)
                    else { continue }
                    field.translations.append(
                        Translation(
                            language: language, text: value, keyLocation: location(languageNode.mark),
                            valueLocation: location(textNode.mark)))
                }
            case .scalar(let scalar) where scalar.style == .plain && YAMLReader.plainScalarKind(scalar.string) == .null:
                break  // `credit:` with nothing under it: a present field with no languages.
            default:
                fail("invalid-value", at: value.mark,
                     "\(name) must be a mapping of language to text (e.g. 'kk: ...'), found \(ExhibitParser.kind(of: value))",
                     field: name)
                return
            }
            fields.append(field)
        }
    }
}
