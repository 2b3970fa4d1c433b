import Foundation

/// `captions fmt`: rewrites exhibit files into the canonical form of ``CanonicalWriter``.
///
/// A file is left exactly as it is, and reported, when it cannot be rewritten safely: it has
/// load errors (`captions check` reports them), it has YAML comments (the reader does not
/// keep them and `fmt` never drops text), or, as a last guard, the rewritten file would not
/// load as the same captions (``ExhibitContent``). Formatting is idempotent.
public enum CaptionFormatter {
    /// The outcome for one file.
    public struct Outcome: Sendable, Equatable {
        /// What happened to a file.
        public enum Kind: Sendable, Equatable {
            /// Already canonical.
            case unchanged
            /// Rewritten (or, with `check`, would be).
            case reformatted
            /// Left as it is; the location and reason say why.
            case skipped(SourceLocation, String)
        }

        /// The file as displayed.
        public var path: String
        /// What happened.
        public var kind: Kind
    }

    /// The result of formatting one file's bytes.
    enum Formatting: Sendable, Equatable {
        /// The canonical text.
        case formatted(String)
        /// The file must be left as it is.
        case refused(SourceLocation, String)
    }

    /// Formats one file's bytes. Pure: reads and writes nothing.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The path shown in messages.
    ///   - relativePath: The path below the collection folder.
    ///   - config: The collection's configuration (field and language order).
    static func format(data: Data, path: String, relativePath: String, config: CollectionConfig) -> Formatting {
        let exhibit = ExhibitParser.parse(data: data, path: path, relativePath: relativePath)
        if let problem = exhibit.loadFindings.sortedForReport().first {
            return .refused(problem.location, "has errors (\(problem.message)); run captions check and fix them first")
        }
        let comments: [CommentFinder.Comment]
        do {
            comments = try CommentFinder.comments(in: try SourceText.decode(data))
        } catch {
            return .refused(SourceLocation(path: path), "cannot be read as YAML")
        }
        // The comment `captions import` writes after `translations:` is written again below.
        let machineLine = "\(TranslationRecord.key):  \(TranslationRecord.keyComment)"
        let regeneratesRecord = CanonicalWriter.translationRecord(of: exhibit) != nil
        if let comment = comments.first(where: {
            !(regeneratesRecord && $0.lineText.trimmingTrailingSpaces == machineLine)
        }) {
            return .refused(
                SourceLocation(path: path, line: comment.line, column: comment.column),
                "has a comment, which captions fmt cannot keep; move it to notes: or delete it, then format again")
        }
        let formatted = CanonicalWriter.text(of: exhibit, config: config)
        let reloaded = ExhibitParser.parse(text: formatted, path: path, relativePath: relativePath)
        guard reloaded.loadFindings.isEmpty, ExhibitContent(reloaded) == ExhibitContent(exhibit) else {
            return .refused(
                SourceLocation(path: path), "cannot be formatted without changing its captions; left as it is")
        }
        return .formatted(formatted)
    }

    /// The folder whose `captions.yml` applies to the file `path`: its own folder or the
    /// nearest parent with one, else its own folder (defaults).
    static func configFolder(for path: String) -> String {
        let own = ParentFolder.of(path)
        var folder = own.isEmpty ? "." : own
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: CollectionLoader.join(folder, CollectionLoader.configFileName)) {
                return folder
            }
            let parent = ParentFolder.of(folder)
            if parent.isEmpty || parent == folder { break }
            folder = parent
        }
        return own.isEmpty ? "." : own
    }
}

extension String {
    /// The text without spaces, tabs or a carriage return at its end.
    fileprivate var trimmingTrailingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
