/// A loaded collection with its exhibits indexed by id and by file, so that work on one exhibit
/// (checking it or a draft of it, previewing its label, saving it, accepting its translations)
/// takes the same time at 20 exhibits as at 50,000.
///
/// Each operation gives exactly what the operation of the same name on the whole collection
/// gives (``CaptionChecker/check(exhibit:in:)``, ``SignageExporter/preview(exhibit:in:drafts:withLatinKazakh:)``,
/// ``CaptionEditor/save(_:exhibit:in:expectedDigest:)``, ``TranslationAcceptance/accept(id:field:language:in:dryRun:)``):
/// it hands that operation the exhibits that share the name, which is all that one exhibit's
/// findings and label read from the rest of the collection. The browser editor keeps one and
/// ``replace(_:)``s the exhibits whose files it reads again.
public struct IndexedCollection: Sendable {
    /// The collection.
    public private(set) var collection: CaptionCollection
    /// Positions in `collection.exhibits` by display id (the id, else the file stem), in collection order.
    private var byName: [String: [Int]] = [:]
    /// Position in `collection.exhibits` by relative path.
    private var byFile: [String: Int] = [:]

    /// Indexes `collection` (one pass over its exhibits).
    public init(_ collection: CaptionCollection) {
        self.collection = collection
        reindex()
    }

    private mutating func reindex() {
        byName = [:]
        byFile = [:]
        byName.reserveCapacity(collection.exhibits.count)
        byFile.reserveCapacity(collection.exhibits.count)
        for (position, exhibit) in collection.exhibits.enumerated() {
            byName[exhibit.displayID, default: []].append(position)
            byFile[exhibit.relativePath] = position
        }
    }

    /// The position in `collection.exhibits` of the exhibit read from `relativePath`.
    public func position(ofFile relativePath: String) -> Int? {
        byFile[relativePath]
    }

    /// The positions of the exhibits whose display id is `name`, in collection order.
    public func positions(named name: String) -> [Int] {
        byName[name] ?? []
    }

    /// The collection reduced to the exhibits whose display id is `name` (every exhibit with
    /// that id), or the whole collection when none has it (so that the error, with its
    /// suggestion, is the one the whole collection gives).
    func neighbourhood(of name: String) -> CaptionCollection {
        guard let positions = byName[name] else { return collection }
        return CaptionCollection(
            rootPath: collection.rootPath, config: collection.config,
            exhibits: positions.map { collection.exhibits[$0] })
    }

    /// ``CaptionChecker/check(exhibit:in:)`` of the exhibit `id`.
    public func check(exhibit id: String) throws(CaptionError) -> ExhibitCheck {
        try CaptionChecker.check(exhibit: id, in: neighbourhood(of: id))
    }

    /// ``CaptionChecker/check(draft:in:)``: the findings of an unsaved draft; nothing is written.
    public func check(draft: ExhibitDraft) throws(CaptionError) -> ExhibitCheck {
        try CaptionChecker.check(draft: draft, in: neighbourhood(of: draft.id))
    }

    /// ``SignageExporter/preview(exhibit:in:drafts:withLatinKazakh:)`` of the exhibit `id`.
    public func preview(
        exhibit id: String, drafts: [String: [String: String]] = [:], withLatinKazakh: Bool = false
    ) throws(CaptionError) -> LabelPreview {
        try SignageExporter.preview(
            exhibit: id, in: neighbourhood(of: id), drafts: drafts, withLatinKazakh: withLatinKazakh)
    }

    /// ``CaptionEditor/save(_:exhibit:in:expectedDigest:)`` for the exhibit `id`. The saved file
    /// is not read back: ``replace(_:)`` the exhibit with it read again.
    public func save(_ edits: [TranslationEdit], exhibit id: String, expectedDigest: FileDigest)
        throws(CaptionError) -> SavedFile
    {
        try CaptionEditor.save(edits, exhibit: id, in: neighbourhood(of: id), expectedDigest: expectedDigest)
    }

    /// ``TranslationAcceptance/accept(id:field:language:in:dryRun:)`` for the exhibit `id`.
    public func accept(id: String, field: String?, language: String?, dryRun: Bool = false)
        throws(CaptionError) -> TranslationAcceptance.Result
    {
        try TranslationAcceptance.accept(
            id: id, field: field, language: language, in: neighbourhood(of: id), dryRun: dryRun)
    }

    /// Puts `exhibit` (its file read again, e.g. with ``CaptionCollection/readExhibit(_:)``) in
    /// place of the exhibit read from the same file; a file not in the collection yet is added
    /// in path order. Constant time unless a file is added.
    public mutating func replace(_ exhibit: Exhibit) {
        guard let position = byFile[exhibit.relativePath] else {
            let position = collection.exhibits.partitionPoint { $0.relativePath < exhibit.relativePath }
            collection.exhibits.insert(exhibit, at: position)
            reindex()
            return
        }
        let old = collection.exhibits[position].displayID
        collection.exhibits[position] = exhibit
        guard old != exhibit.displayID else { return }
        byName[old]?.removeAll { $0 == position }
        if byName[old]?.isEmpty == true { byName[old] = nil }
        var positions = byName[exhibit.displayID] ?? []
        positions.insert(position, at: positions.partitionPoint { $0 < position })
        byName[exhibit.displayID] = positions
    }

    /// Removes the exhibit read from `relativePath` (its file is gone); returns whether there was one.
    @discardableResult
    public mutating func removeExhibit(file relativePath: String) -> Bool {
        guard let position = byFile[relativePath] else { return false }
        collection.exhibits.remove(at: position)
        reindex()
        return true
    }
}

extension Array {
    /// The first index whose element is not `belongsBefore` (the array is partitioned by it).
    fileprivate func partitionPoint(_ belongsBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
