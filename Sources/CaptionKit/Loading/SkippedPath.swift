/// A file or link below a collection folder that the loader does not read although a curator
/// may have meant it to hold captions: reported by `skipped-file`, so that `captions check`
/// never passes captions it did not read without a word.
///
/// Hidden files and folders, the files the tool itself knows (`captions.yml`, `glossary.yml`,
/// the baseline, the lock) and files whose names say they are not YAML (`README.md`, a photo)
/// are not skipped paths: they are not meant to be read as exhibits.
struct SkippedPath: Sendable, Hashable {
    /// Why the path is not read.
    typealias Reason = SkippedFile.Reason

    /// The path relative to the collection folder.
    var relativePath: String
    /// Why it is not read.
    var reason: Reason

    /// The reason a file called `name` (not hidden, in the collection folder when `atTop`) is
    /// skipped for its name alone, or `nil` when its name is read or is not meant as YAML.
    static func reason(forName name: String, atTop: Bool) -> Reason? {
        if atTop && name == alternativeConfigFileName { return .configurationName }
        if name.hasSuffix(".yml") || name.hasSuffix(".yaml") { return nil }
        let lowercased = name.lowercased()
        return lowercased.hasSuffix(".yml") || lowercased.hasSuffix(".yaml") ? .extensionCase : nil
    }

    /// `captions.yaml`: a configuration name the loader does not read.
    static let alternativeConfigFileName = "captions.yaml"

    /// The name with its extension in lower case (`kurt.YML` → `kurt.yml`).
    static func lowercasingExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return name[..<dot] + name[dot...].lowercased()
    }
}
