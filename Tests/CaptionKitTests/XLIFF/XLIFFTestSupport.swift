import Foundation
import Testing

@testable import CaptionKit

/// The official XLIFF schemas in the shared folder beside the repository, if present.
enum SharedSchemas {
    /// The repository root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<repo>/../shared/schemas` (a clone with shared/ beside it), `<repo>/../../shared/schemas`
    /// (a worktree one level deeper), or the development machine's `/work/shared/schemas` (a
    /// clone elsewhere, as CI makes), whichever exists.
    static let folder: String? = {
        let candidates =
            ["../shared/schemas", "../../shared/schemas"].map {
                repositoryRoot.appendingPathComponent($0).standardizedFileURL.path
            } + ["/work/shared/schemas"]
        for candidate in candidates {
            if FileManager.default.fileExists(atPath: candidate + "/xliff-1.2/xliff-core-1.2-strict.xsd") {
                return candidate
            }
        }
        return nil
    }()

    /// Whether the schemas are there; prints why the schema tests are skipped when they are not.
    static let available: Bool = {
        if folder == nil {
            print("⚠️ SKIPPING XLIFF schema validation: ../shared/schemas was not found next to \(repositoryRoot.path)")
        }
        return folder != nil
    }()

    /// The schema to validate `version` against (strict 1.2; 2.0 with every module).
    static func schema(for version: XLIFFVersion) -> String {
        switch version {
        case .v1_2: (folder ?? "") + "/xliff-1.2/xliff-core-1.2-strict.xsd"
        case .v2_0: (folder ?? "") + "/xliff-2.0/xliff_2.0_with_modules.xsd"
        }
    }
}

/// The bundled museum's `Captions/` folder in the repository.
let bundledCaptions = SharedSchemas.repositoryRoot.appendingPathComponent("Captions").path

/// A copy of the bundled museum in a temporary folder.
func copyOfBundledMuseum() throws -> TestCollection {
    let copy = try TestCollection(files: [])
    try FileManager.default.removeItem(atPath: copy.root)
    try FileManager.default.copyItem(atPath: bundledCaptions, toPath: copy.root)
    return copy
}

/// Every file below `root` with its bytes, for byte-identity checks.
func snapshotOfFiles(in root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for relative in try CollectionLoader.exhibitFiles(in: root) + ["captions.yml"] {
        result[relative] = FileManager.default.contents(atPath: root + "/" + relative)
    }
    return result
}

/// Fills every untranslated target of an exported XLIFF file (1.2 or 2.0; empty, absent or
/// pre-filled) with `fill(source)`, the way a translator's tool would.
func fillingTargets(_ data: Data, with fill: (String) -> String) throws -> Data {
    let text = String(decoding: data, as: UTF8.self)
    let isVersion2 = text.contains(XLIFFVersion.namespace20)
    let pattern = try NSRegularExpression(
        pattern: isVersion2
            ? #"<source>([^<]*)</source>(\s*)(?:<target>\1</target>\s*)?</segment>"#
            : #"<source>([^<]*)</source>(\s*)<target state="needs-translation">[^<]*</target>"#)
    var result = ""
    var cursor = text.startIndex
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let whole = Range(match.range, in: text), let sourceRange = Range(match.range(at: 1), in: text),
            let spaceRange = Range(match.range(at: 2), in: text)
        else { continue }
        let source = String(text[sourceRange])
        let space = String(text[spaceRange])
        let target = XMLEscaping.escape(fill(XMLEscaping.unescape(source)))
        result += text[cursor..<whole.lowerBound] + "<source>\(source)</source>\(space)"
        if isVersion2 {
            result += "<target>\(target)</target>\(space.dropLast(2))</segment>"
        } else {
            result += "<target state=\"translated\">\(target)</target>"
        }
        cursor = whole.upperBound
    }
    result += text[cursor...]
    return Data(result.utf8)
}

/// Minimal XML text escaping for test fixtures.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Compares `data` with the golden file `Snapshots/<name>`; records it when the environment
/// variable `CAPTIONS_RECORD_SNAPSHOTS=1` is set (and then fails, so a recording run never passes).
func expectXLIFFSnapshot(_ data: Data, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
{
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CAPTIONS_RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: url)
        Issue.record(
            "recorded snapshot \(name); run again without CAPTIONS_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no snapshot \(name); record it with CAPTIONS_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(
        String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
        sourceLocation: sourceLocation)
}
