import CaptionKit
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When a file was last changed and how big it is: a cheap way to tell that it changed on disk.
struct FileStamp: Sendable, Equatable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int
    var inode: UInt64

    /// The stamp of the file at `path`, or `nil` when it does not exist.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            return FileStamp(
                seconds: Int(info.st_mtimespec.tv_sec), nanoseconds: Int(info.st_mtimespec.tv_nsec),
                size: Int(info.st_size), inode: UInt64(info.st_ino))
        #else
            return FileStamp(
                seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
                inode: UInt64(info.st_ino))
        #endif
    }
}

/// What the collection page shows of one exhibit, worked out once per load of its file.
struct ExhibitSummary: Sendable {
    init(missing: [String: Int], stale: [String: Int]) {
        self.missing = missing
        self.stale = stale
    }

    /// Per configured language: texts missing and translations stale.
    var missing: [String: Int]
    var stale: [String: Int]

    init(_ exhibit: Exhibit, config: CollectionConfig) {
        var missing: [String: Int] = [:]
        var stale: [String: Int] = [:]
        let states = LibraryBridge.states(of: exhibit, config: config)
        for spec in config.fields {
            let field = exhibit.field(spec.name)
            guard spec.required || field != nil else { continue }
            for language in config.languages {
                switch states(spec.name, language) {
                case .missing: missing[language, default: 0] += 1
                case .stale: stale[language, default: 0] += 1
                default: break
                }
            }
        }
        self.missing = missing
        self.stale = stale
    }

    /// Whether the exhibit's id or any of its texts contains `needle` (folded by ``SearchFold``),
    /// using `buffer` for the folded text.
    static func matches(_ exhibit: Exhibit, _ needle: [UInt8], buffer: inout [UInt8]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        SearchFold.append(exhibit.displayID, to: &buffer)
        for field in exhibit.fields {
            for translation in field.translations {
                buffer.append(0x0A)
                SearchFold.append(translation.text, to: &buffer)
            }
        }
        return SearchFold.contains(buffer, needle)
    }
}

/// The collection as loaded at one moment, with what the pages need precomputed.
struct Snapshot: Sendable {
    var collection: CaptionCollection
    /// Exhibit id → index in `collection.exhibits` (the first readable file with that id).
    var index: [String: Int]
    var summaries: [ExhibitSummary]
    /// Relative path → stamp when loaded.
    var stamps: [String: FileStamp?]
    var configStamp: FileStamp?
    /// The findings of the whole collection as `captions check` reports them, by exhibit path;
    /// `nil` until the background check of this version has finished.
    var counts: [String: (errors: Int, warnings: Int)]?
    var findings: [Diagnostic]?
    /// Bumped on every change, so a background check knows whether it is still current.
    var version: Int

    var config: CollectionConfig { collection.config }

    init(collection: CaptionCollection, version: Int) {
        self.collection = collection
        self.version = version
        let config = collection.config
        summaries = Self.summaries(of: collection.exhibits, config: config)
        index = [:]
        stamps = [:]
        for (position, exhibit) in collection.exhibits.enumerated() {
            if let id = exhibit.id, exhibit.isReadable, index[id] == nil { index[id] = position }
            stamps[exhibit.relativePath] = FileStamp.of(exhibit.path)
        }
        configStamp = FileStamp.of(EditorStore.path(LibraryBridge.configFileName, in: collection.rootPath))
        galleryList = Self.galleries(of: collection.exhibits)
    }

    /// The summaries of `exhibits`, worked out on all cores.
    static func summaries(of exhibits: [Exhibit], config: CollectionConfig) -> [ExhibitSummary] {
        let empty = ExhibitSummary(missing: [:], stale: [:])
        var result = [ExhibitSummary](repeating: empty, count: exhibits.count)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 512
            DispatchQueue.concurrentPerform(iterations: (exhibits.count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(exhibits.count, (part + 1) * chunk) {
                    slots[index] = ExhibitSummary(exhibits[index], config: config)
                }
            }
        }
        return result
    }

    /// The exhibit with `id` (looked up among the loaded exhibits; never used as a path).
    func exhibit(id: String) -> (position: Int, exhibit: Exhibit)? {
        guard let position = index[id] else { return nil }
        return (position, collection.exhibits[position])
    }

    /// The galleries in path order.
    var galleries: [String] {
        if let galleryList { return galleryList }
        return Self.galleries(of: collection.exhibits)
    }

    /// The galleries worked out when the snapshot was made (`nil` after an edit that may add one).
    private var galleryList: [String]?

    static func galleries(of exhibits: [Exhibit]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for index in exhibits.indices where seen.insert(exhibits[index].gallery).inserted {
            result.append(exhibits[index].gallery)
        }
        return result
    }
}

/// Holds the loaded collection and keeps it in step with the files on disk.
///
/// Pages read an immutable ``Snapshot``. A changed file is read again on its own (the exhibit
/// page looks at its file's stamp; a background scan looks at all of them every few seconds);
/// a changed `captions.yml` reloads everything. Whole-collection findings are worked out in
/// the background after each change.
final class EditorStore: Sendable {
    /// The collection folder.
    let root: String
    private let state: Mutex<Snapshot>
    /// Serialises writes of caption files by this process.
    let writeLock: Mutex<Void>

    init(root: String) throws(CaptionError) {
        // Loaded before any stored property is set: a throw after a Mutex is set crashes the
        // optimiser of Swift 6.3 ("Found ownership error").
        let collection = try LibraryBridge.load(path: root)
        self.root = root
        state = Mutex(Snapshot(collection: collection, version: 1))
        writeLock = Mutex(())
    }

    /// The current snapshot.
    var snapshot: Snapshot { state.withLock { $0 } }

    /// Reads again one exhibit file if its stamp changed since it was loaded; returns the snapshot.
    @discardableResult
    func refresh(relativePath: String) -> Snapshot {
        let current = snapshot
        let stamp = FileStamp.of(Self.path(relativePath, in: root))
        if let known = current.stamps[relativePath], known == stamp { return current }
        return replace([relativePath])
    }

    /// Looks at every file's stamp (and for new or removed files) and reloads what changed.
    /// Returns whether anything changed.
    @discardableResult
    func scan() -> Bool {
        let current = snapshot
        let configStamp = FileStamp.of(Self.path(LibraryBridge.configFileName, in: root))
        if configStamp != current.configStamp {
            reloadAll()
            return true
        }
        guard let files = try? LibraryBridge.exhibitFiles(of: current.collection) else { return false }
        var changed: [String] = []
        if files.count != current.stamps.count { changed = Array(Set(files).symmetricDifference(current.stamps.keys)) }
        for file in files {
            guard let known = current.stamps[file] else { continue }
            if known != FileStamp.of(Self.path(file, in: root)) { changed.append(file) }
        }
        guard !changed.isEmpty else { return false }
        replace(changed)
        return true
    }

    /// The file `relativePath` of the collection folder `root`.
    static func path(_ relativePath: String, in root: String) -> String {
        root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }

    /// The snapshot after a ``scan()``: every file as it is on disk now.
    func scanned() -> Snapshot {
        scan()
        return snapshot
    }

    /// Loads the whole collection again.
    func reloadAll() {
        guard let collection = try? LibraryBridge.load(path: root) else { return }
        state.withLock { snapshot in
            snapshot = Snapshot(collection: collection, version: snapshot.version + 1)
        }
    }

    /// Reads the files at `relativePaths` again (removing those that are gone, adding new ones).
    @discardableResult
    func replace(_ relativePaths: [String]) -> Snapshot {
        let collection = snapshot.collection
        let read = relativePaths.map { path -> (String, Exhibit?, FileStamp?) in
            let stamp = FileStamp.of(Self.path(path, in: root))
            return (path, stamp == nil ? nil : LibraryBridge.readExhibit(path, of: collection), stamp)
        }
        return state.withLock { snapshot in
            var exhibits = snapshot.collection.exhibits
            var structureChanged = false
            for (path, exhibit, _) in read {
                let position = exhibits.firstIndex { $0.relativePath == path }
                switch (position, exhibit) {
                case (let position?, let exhibit?):
                    structureChanged = structureChanged || exhibits[position].id != exhibit.id
                    exhibits[position] = exhibit
                case (let position?, nil):
                    exhibits.remove(at: position)
                    structureChanged = true
                case (nil, let exhibit?):
                    exhibits.append(exhibit)
                    structureChanged = true
                case (nil, nil): break
                }
            }
            var collection = snapshot.collection
            if structureChanged {
                exhibits.sort { $0.relativePath < $1.relativePath }
                collection.exhibits = exhibits
                snapshot = Snapshot(collection: collection, version: snapshot.version + 1)
            } else {
                // Same files, same ids: only the edited exhibits' entries change.
                collection.exhibits = exhibits
                snapshot.collection = collection
                for (path, exhibit, stamp) in read {
                    guard let exhibit, let position = exhibits.firstIndex(where: { $0.relativePath == path }) else {
                        continue
                    }
                    snapshot.summaries[position] = ExhibitSummary(exhibit, config: collection.config)
                    snapshot.stamps[path] = stamp
                }
                snapshot.version += 1
                snapshot.counts = nil
                snapshot.findings = nil
            }
            return snapshot
        }
    }

    /// When the last whole-collection check started.
    private let lastCheck = Mutex<ContinuousClock.Instant?>(nil)

    /// Runs the whole-collection check for the current snapshot if it has none yet, at most once
    /// every `spacing` (1.4 s of work at 50,000 exhibits: not after every keystroke's save).
    func checkIfNeeded(spacing: Duration = .zero) {
        let current = snapshot
        guard current.counts == nil else { return }
        let now = ContinuousClock.now
        let due = lastCheck.withLock { last in
            guard last.map({ now - $0 >= spacing }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let findings = (try? LibraryBridge.findings(in: current.collection)) ?? []
        var counts: [String: (errors: Int, warnings: Int)] = [:]
        for finding in findings {
            var count = counts[finding.location.path] ?? (0, 0)
            if finding.severity == .error { count.errors += 1 }
            if finding.severity == .warning { count.warnings += 1 }
            counts[finding.location.path] = count
        }
        state.withLock { snapshot in
            guard snapshot.version == current.version else { return }
            snapshot.counts = counts
            snapshot.findings = findings
        }
    }

    /// Keeps the snapshot in step with the disk: scans every `interval` seconds and checks after changes.
    func watch(every interval: Duration) async {
        while !Task.isCancelled {
            checkIfNeeded(spacing: .seconds(10))
            try? await Task.sleep(for: interval)
            scan()
        }
    }
}
