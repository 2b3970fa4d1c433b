import Foundation

/// The SHA-256 of a file's bytes: what a page rendered from the file carries, so that a save
/// can tell whether the file changed since.
public struct FileDigest: Sendable, Hashable, CustomStringConvertible {
    /// 64 lowercase hexadecimal digits.
    public let hex: String

    /// The digest written as ``hex``, or `nil` when `hex` is not 64 hexadecimal digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = hex
    }

    /// The digest of `data`.
    init(of data: Data) {
        hex = SHA256.hexDigest(data)
    }

    public var description: String { hex }
}

/// The caption file a save wrote.
public struct SavedFile: Sendable, Equatable {
    /// The caption file.
    public var path: String
    /// The digest of its new bytes (the same as before when nothing changed).
    var digest: FileDigest
    /// The edits that changed a text, in the order given; edits that set a text to what the
    /// file already had are left out.
    public var changed: [TranslationEdit]
}

/// Edits the texts of one exhibit in place: the browser editor's save.
public enum CaptionEditor {
    /// Whether ``save(_:exhibit:in:expectedDigest:)`` refuses a text holding `scalar`: a control
    /// character other than a line feed or tab (C0, DEL, C1), which cannot be printed and which
    /// XML cannot carry to a translator.
    public static func refuses(_ scalar: Unicode.Scalar) -> Bool { Normalization.isControl(scalar) }

    /// The digest of the file at `path` as it is now.
    ///
    /// - Throws: ``CaptionError/unreadable(path:reason:)``.
    public static func digest(ofFileAt path: String) throws(CaptionError) -> FileDigest {
        FileDigest(of: try read(path))
    }

    /// Sets texts of exhibit `id` and writes its caption file, when the file still has the
    /// bytes whose digest is `expectedDigest`.
    ///
    /// Only the edited values change, through the same line-preserving writer as `captions
    /// import`; a translation set here records the fingerprint of its source text (the edited
    /// source when the same save edits it, else its ``TranslationEdit/translatedFrom`` when
    /// given, else the file's), so that it goes stale when the source changes, as an imported
    /// one does. A source edited here also records, for each of its translations
    /// that has no record yet and is not edited in the same save, the source it stood beside
    /// until now: that translation is then stale. The file is written atomically under the collection's lock (see
    /// `captions import`), and not at all when no text changes.
    ///
    /// - Throws: ``CaptionError/conflict(path:)`` when the file's bytes are no longer those of
    ///   `expectedDigest` (nothing is written); ``CaptionError/invalidArgument(_:)`` for an
    ///   unknown exhibit, field or language, or a text with a control character;
    ///   ``CaptionError/invalidInput(_:_:)`` when the file
    ///   cannot be edited safely (it has errors, or a layout the writer does not change).
    static func save(
        _ edits: [TranslationEdit], exhibit id: String, in collection: CaptionCollection, expectedDigest: FileDigest
    ) throws(CaptionError) -> SavedFile {
        let config = collection.config
        let loaded = try collection.exhibit(id: id)
        for edit in edits {
            guard config.hasField(edit.field) else {
                throw .invalidArgument(
                    """
                    '\(edit.field)' is not a field of this collection \
                    (\(config.fields.map(\.name).joined(separator: ", ")))
                    """
                )
            }
            guard config.languages.contains(edit.language) else {
                throw .invalidArgument(config.notALanguage("'\(edit.language)'", tag: edit.language))
            }
        }
        for edit in edits {
            // A control character (an escape sequence pasted from a terminal) cannot be printed,
            // and XML cannot carry it to a translator: the unit would never import again.
            if let control = edit.text.unicodeScalars.first(where: refuses) {
                throw .invalidArgument(
                    "\(edit.field) (\(edit.language)) has the control character "
                        + "\(control.codePoint), which cannot be printed or sent to "
                        + "translators; remove it")
            }
        }
        let data = try read(loaded.path)
        guard FileDigest(of: data) == expectedDigest else { throw .conflict(path: loaded.path) }
        var editor = try CaptionFileEditor(fileData: data, path: loaded.path, relativePath: loaded.relativePath)
        let current = editor.exhibit
        let changed = edits.filter { edit in
            (current.field(edit.field)?.translation(edit.language)?.text ?? "") != edit.text
        }
        guard !changed.isEmpty else { return SavedFile(path: loaded.path, digest: expectedDigest, changed: []) }
        var fingerprints = untrackedRecords(changed, of: current, config: config)
        for edit in changed where edit.language != config.source && !edit.text.isEmpty {
            let editedSource = changed.last { $0.field == edit.field && $0.language == config.source }?.text
            let currentSource = current.field(edit.field)?.translation(config.source)?.text ?? ""
            let source = editedSource ?? edit.translatedFrom ?? currentSource
            // A translation beside an empty source gets no record; but one typed beside a source
            // that was empty then, saved onto a version with a source, is recorded as made from
            // that empty source, so it is reported stale against the one it never saw.
            guard !source.isEmpty || (editedSource == nil && edit.translatedFrom != nil && !currentSource.isEmpty)
            else { continue }
            fingerprints[edit.field, default: [:]][edit.language] = SourceFingerprint.of(source)
        }
        try editor.apply(
            changed, recording: fingerprints, fieldOrder: config.fields.map(\.name), languageOrder: config.languages)
        let edited = editor.data
        // Checked again, under the collection's lock, just before the rename: a change made
        // while this save was editing wins.
        try AtomicFile.replaceCaptionFile(
            edited, at: loaded.path, readAs: ContentDigest(data), collection: collection.rootPath)
        return SavedFile(path: loaded.path, digest: FileDigest(of: edited), changed: changed)
    }

    /// The records a save of `changed` adds for translations with no record of their source (a
    /// collection written before tracking, or by hand): those of a field whose source the
    /// save changes, with text and no edit of their own, are recorded as made from the source
    /// they stood beside until now, so they go stale as a tracked translation does, instead of
    /// silently keeping the old meaning. Field → language → that source's fingerprint.
    static func untrackedRecords(_ changed: [TranslationEdit], of exhibit: Exhibit, config: CollectionConfig)
        -> [String: [String: String]]
    {
        let record = TranslationRecord(exhibit: exhibit)
        var fingerprints: [String: [String: String]] = [:]
        for edit in changed where edit.language == config.source {
            guard let field = exhibit.field(edit.field), let source = field.translation(config.source),
                !source.isBlank
            else { continue }
            for language in config.languages where language != config.source {
                guard let translation = field.translation(language), !translation.isBlank,
                    record.fingerprint(field: edit.field, language: language) == nil,
                    !changed.contains(where: { $0.field == edit.field && $0.language == language })
                else { continue }
                fingerprints[edit.field, default: [:]][language] = SourceFingerprint.of(source.text)
            }
        }
        return fingerprints
    }

    /// The bytes of the file at `path`.
    private static func read(_ path: String) throws(CaptionError) -> Data {
        try FileBytes.data(ofFile: path)
    }
}
