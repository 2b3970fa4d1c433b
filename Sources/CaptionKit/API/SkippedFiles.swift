/// A file or link below a collection folder that is not read although it may hold captions
/// (`kurt.YML`, a linked gallery, a dangling link, `captions.yaml`), as `captions check`
/// reports it (`skipped-file`): what `status`, the exports and the editor name.
public struct SkippedFile: Sendable, Codable, Equatable {
    /// Why a file or link is not read: a program that speaks to its users in another language
    /// than ``message``'s says this in theirs.
    public enum Reason: String, Sendable, Codable, Hashable {
        /// A symbolic link to a folder: not followed (a link could loop, or bring a gallery in twice).
        case linkToFolder = "link-to-folder"
        /// A symbolic link whose target does not exist.
        case brokenLink = "broken-link"
        /// A file named like YAML but not with `.yml` or `.yaml` in lower case (`kurt.YML`).
        case extensionCase = "extension-case"
        /// `captions.yaml` in the collection folder: the configuration is read from `captions.yml` only.
        case configurationName = "configuration-name"
    }

    /// The path, from the collection folder's parent on as in check's findings (`Captions/kurt.YML`).
    public var path: String
    /// Why it is not read.
    public var reason: Reason
    /// The severity `captions.yml` gives `skipped-file`.
    public var severity: Severity
    /// What was not read and what to do, in English (`captions check`'s message).
    var message: String

    /// The file's or link's own name (`kurt.YML`).
    public var name: String { String(path.split(separator: "/").last ?? "") }

    /// The name the file is read under (`kurt.yml` for `kurt.YML`, `captions.yml` for
    /// `captions.yaml`); `nil` for a link.
    public var readableName: String? {
        switch reason {
        case .extensionCase: SkippedPath.lowercasingExtension(name)
        case .configurationName: CollectionLoader.configFileName
        case .linkToFolder, .brokenLink: nil
        }
    }

    /// The line `captions check` reports: `Captions/kurt.YML: warning: ... [skipped-file]`.
    public var formatted: String { diagnostic.formatted }

    /// As `status` and the exports name it: at most a warning. Those commands do not fail on it
    /// (`check` is the gate), and an `error:` line in a job that passed would mislead whoever
    /// reads the log, or a problem matcher.
    var namedOutsideCheck: SkippedFile {
        var named = self
        named.severity = min(severity, .warning)
        return named
    }

    /// The `skipped-file` finding.
    var diagnostic: Diagnostic {
        Diagnostic(
            checkID: SkippedFileCheck.description.id, severity: severity, location: SourceLocation(path: path),
            message: message)
    }
}

extension CaptionCollection {
    /// The files and links below the folder that were not read when it was loaded although they
    /// may hold captions, sorted by path, at the severity `captions.yml` gives `skipped-file`
    /// (none when it turns the check off).
    public var skippedFiles: [SkippedFile] { Self.skippedFiles(skippedPaths, root: rootPath, config: config) }

    /// The exhibit files in the collection's folder now, relative to it, and the files and links
    /// not read (``skippedFiles``) now, each sorted, from one walk of the folder: to tell what
    /// appeared or went away since the collection was loaded.
    ///
    /// - Throws: ``CaptionError`` when the folder cannot be listed.
    public func filesOnDisk() throws(CaptionError) -> (exhibitFiles: [String], skippedFiles: [SkippedFile]) {
        let found = try CollectionLoader.scan(rootPath)
        return (found.files, Self.skippedFiles(found.skipped, root: rootPath, config: config))
    }

    private static func skippedFiles(_ paths: [SkippedPath], root: String, config: CollectionConfig)
        -> [SkippedFile]
    {
        guard let severity = config.severity(of: SkippedFileCheck.description) else { return [] }
        return paths.map { skipped in
            SkippedFile(
                path: CollectionLoader.join(root, skipped.relativePath), reason: skipped.reason, severity: severity,
                message: SkippedFileCheck.message(for: skipped))
        }
    }
}
