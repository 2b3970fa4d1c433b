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
        // A file that cannot be read has no texts, not missing ones: its row says it cannot be read.
        for spec in config.fields where exhibit.isReadable {
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

    /// The exhibit's id and texts folded by ``SearchFold``, one per line: what the search looks in.
    static func searchText(_ exhibit: Exhibit) -> [UInt8] {
        var buffer: [UInt8] = []
        SearchFold.append(exhibit.displayID, to: &buffer)
        for field in exhibit.fields {
            for translation in field.translations {
                buffer.append(0x0A)
                SearchFold.append(translation.text, to: &buffer)
            }
        }
        return buffer
    }
}

/// The findings of the whole collection, as `captions check` reports them.
struct CollectionFindings: Sendable {
    /// By file (the path findings carry).
    var byPath: [String: [Diagnostic]]
    /// Errors and warnings by file.
    var counts: [String: (errors: Int, warnings: Int)]

    init(_ findings: [Diagnostic]) {
        byPath = Dictionary(grouping: findings, by: \.location.path)
        counts = [:]
        for (path, found) in byPath { counts[path] = Self.count(found) }
    }

    static func count(_ findings: [Diagnostic]) -> (errors: Int, warnings: Int) {
        (findings.count { $0.severity == .error }, findings.count { $0.severity == .warning })
    }

    /// Puts the findings of one file in place of those it had.
    mutating func replace(_ path: String, with findings: [Diagnostic]) {
        byPath[path] = findings.isEmpty ? nil : findings
        counts[path] = findings.isEmpty ? nil : Self.count(findings)
    }

    /// Every finding, file by file in path order.
    var all: [Diagnostic] { byPath.keys.sorted().flatMap { byPath[$0] ?? [] } }
}

/// The collection as loaded at one moment, with what the pages need precomputed.
///
/// Everything a page of one exhibit needs is found by key (id, file), never by a pass over the
/// collection; a changed file replaces its exhibit's entries only.
struct Snapshot: Sendable {
    /// The collection, indexed by id and file.
    var indexed: IndexedCollection
    /// Per exhibit (by position): what the collection page shows.
    var summaries: [ExhibitSummary]
    /// Relative path → stamp when read; empty until the background stamping (an exhibit without
    /// a stamp is read again when its page is shown).
    var stamps: [String: FileStamp] = [:]
    var configStamp: FileStamp?
    /// The whole collection's findings; `nil` until the first background check has ended.
    var findings: CollectionFindings?
    /// Per exhibit (by position): its id and texts folded for the search; `nil` until built in the background.
    var searchTexts: [[UInt8]]?
    /// Bumped on every change, so background work knows whether it is still current.
    var version: Int

    var collection: CaptionCollection { indexed.collection }
    var config: CollectionConfig { collection.config }
    /// Errors and warnings by file; `nil` while the first background check runs.
    var counts: [String: (errors: Int, warnings: Int)]? { findings?.counts }

    init(collection: CaptionCollection, version: Int) {
        self.version = version
        indexed = IndexedCollection(collection)
        summaries = Self.summaries(of: collection.exhibits, config: collection.config)
        configStamp = FileStamp.of(EditorStore.path(LibraryBridge.configFileName, in: collection.rootPath))
        galleryList = Self.galleries(of: collection.exhibits)
    }

    /// A snapshot of `collection` keeping what `previous` knew of the files it still has.
    init(collection: CaptionCollection, version: Int, keeping previous: Snapshot) {
        self.init(collection: collection, version: version)
        stamps = previous.stamps
        findings = previous.findings
    }

    /// The summaries of `exhibits`, worked out on all cores.
    static func summaries(of exhibits: [Exhibit], config: CollectionConfig) -> [ExhibitSummary] {
        exhibits.concurrentlyMapped { ExhibitSummary($0, config: config) }
    }

    /// The exhibit with `id`: the first readable one with it (looked up among the loaded
    /// exhibits; never used as a path).
    func exhibit(id: String) -> (position: Int, exhibit: Exhibit)? {
        let exhibits = collection.exhibits
        for position in indexed.positions(named: id) where exhibits[position].isReadable && exhibits[position].id == id
        {
            return (position, exhibits[position])
        }
        return nil
    }

    /// Whether the exhibit at `position` is the one its id's page shows (it has an id, and no
    /// earlier readable exhibit has the same).
    func hasPage(_ position: Int) -> Bool {
        guard let id = collection.exhibits[position].id else { return false }
        return exhibit(id: id)?.position == position
    }

    /// The galleries in path order.
    var galleries: [String] {
        if let galleryList { return galleryList }
        return Self.galleries(of: collection.exhibits)
    }

    /// The galleries worked out when the snapshot was made.
    private var galleryList: [String]?

    static func galleries(of exhibits: [Exhibit]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for index in exhibits.indices where seen.insert(exhibits[index].gallery).inserted {
            result.append(exhibits[index].gallery)
        }
        return result
    }

    /// The findings of one exhibit as the whole-collection check reports them in its file, or
    /// `nil` when only that check can tell (its id is shared, or the file cannot be read).
    func findings(of exhibit: Exhibit) -> [Diagnostic]? {
        guard exhibit.isReadable, let id = exhibit.id, indexed.positions(named: id).count == 1 else { return nil }
        return try? indexed.check(exhibit: id).findings
    }
}

extension Array where Element: Sendable {
    /// `transform` of every element, worked out on all cores in chunks, in order.
    func concurrentlyMapped<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard let first = first else { return [] }
        var result = [T](repeating: transform(first), count: count)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            let chunk = 512
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<Swift.min(count, (part + 1) * chunk) {
                    slots[index] = transform(self[index])
                }
            }
        }
        return result
    }
}

/// Holds the loaded collection and keeps it in step with the files on disk.
///
/// Pages read an immutable ``Snapshot``. A changed file is read again on its own (the exhibit
/// page looks at its file's stamp; a background scan looks at all of them) and replaces its
/// exhibit's entries, findings included; a changed `captions.yml` reloads everything. The
/// background thread (``startBackgroundWork(scanInterval:)``) builds the search texts once the
/// first page can be served, stamps the files, runs the whole-collection check, then scans.
final class EditorStore: Sendable {
    /// The collection folder.
    let root: String
    private let state: Mutex<Snapshot>
    /// Serialises writes of caption files by this process.
    let writeLock: Mutex<Void>
    /// When the collection was last loaded (files changed since are read again when stamped).
    private let loadedAt: Mutex<Date>
    /// When the whole-collection check is due again: after a change whose effect on other files
    /// only that check knows (a new or removed file, a changed id), or to confirm the incremental
    /// findings once edits pause; `nil` when nothing is due.
    private let fullCheckDue = Mutex<ContinuousClock.Instant?>(nil)
    /// How long edits must pause before the whole-collection check confirms the incremental findings.
    static let quietTime = Duration.seconds(10)

    /// Seconds a write waits for another program's lock on the collection, counted from when
    /// the write was asked for (a save queued behind others does not wait again in full).
    let lockWait: Double

    init(root: String, lockWait: Double = 3) throws(CaptionError) {
        // Loaded before any stored property is set: a throw after a Mutex is set crashes the
        // optimiser of Swift 6.3 ("Found ownership error").
        let started = Date()
        let collection = try LibraryBridge.load(path: root)
        self.root = root
        self.lockWait = lockWait
        state = Mutex(Snapshot(collection: collection, version: 1))
        writeLock = Mutex(())
        loadedAt = Mutex(started)
    }

    /// The current snapshot.
    var snapshot: Snapshot { state.withLock { $0 } }

    /// The queue every write of caption files by the editor runs on, one at a time: a write
    /// waiting for the collection's lock (another process is writing) then holds none of the
    /// few threads that serve the pages.
    private let writes = DispatchQueue(label: "captions-editor.writes", qos: .userInitiated)

    /// Runs `work` on the write queue, under ``writeLock``, and returns what it returns. Its
    /// wait for another program's lock is what is left of ``lockWait`` after it queued behind
    /// this editor's other writes (its own work before it asks for the lock does not count).
    func write<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let pending = PendingWrite(work)
        let requested = ContinuousClock.now
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            writes.async {
                let queued = (ContinuousClock.now - requested).components
                let left = self.lockWait - Double(queued.seconds) - Double(queued.attoseconds) / 1e18
                let result = CollectionWriting.waitingForLock(upTo: left) {
                    self.writeLock.withLock { _ in pending.run() }
                }
                continuation.resume(returning: result)
            }
        }
        return try result.get()
    }

    /// Reads again one exhibit file if its stamp changed since it was read (or it has none yet);
    /// returns the snapshot.
    @discardableResult
    func refresh(relativePath: String) -> Snapshot {
        // The snapshot looked at in a scope of its own: held while ``replace(_:)`` changes the
        // store's, it would make that copy all the exhibits (see ``read(_:)``).
        do {
            let current = snapshot
            let stamp = FileStamp.of(Self.path(relativePath, in: root))
            if let known = current.stamps[relativePath], known == stamp { return current }
        }
        return replace([relativePath])
    }

    /// Looks at every file's stamp (and for new or removed files) and reloads what changed; the
    /// whole collection when a file not read appeared or went away. Returns whether anything changed.
    @discardableResult
    func scan() -> Bool {
        switch changesOnDisk() {
        case .none: return false
        case .structure: reloadAll()
        case .files(let changed): replace(changed)
        }
        return true
    }

    /// What ``scan()`` found changed on disk.
    private enum DiskChanges {
        case none
        /// The configuration, or which files are not read: everything is loaded again.
        case structure
        /// These exhibit files (new, removed or changed).
        case files([String])
    }

    /// The files changed on disk since the snapshot read them. A function of its own, so that
    /// the snapshot it looks at is let go before ``scan()`` replaces what changed (see ``read(_:)``).
    private func changesOnDisk() -> DiskChanges {
        let current = snapshot
        let configStamp = FileStamp.of(Self.path(LibraryBridge.configFileName, in: root))
        if configStamp != current.configStamp { return .structure }
        guard let (files, skipped) = try? LibraryBridge.filesOnDisk(of: current.collection) else { return .none }
        // A file not read that appeared or went away (a curator's kurt.YML, renamed since):
        // loaded again, so that the pages and the exports name the files not read now.
        if skipped != LibraryBridge.skippedFiles(of: current.collection) { return .structure }
        let known = current.collection.exhibits.map(\.relativePath)
        var changed: [String] = []
        if files != known { changed = Array(Set(files).symmetricDifference(known)) }
        // A file not stamped yet is left to ``stampFiles()`` (after a reload, all of them: read
        // again one by one they would take longer than the reload).
        for file in files {
            guard current.indexed.position(ofFile: file) != nil, let known = current.stamps[file] else { continue }
            if known != FileStamp.of(Self.path(file, in: root)) { changed.append(file) }
        }
        return changed.isEmpty ? .none : .files(changed)
    }

    /// Records the stamp of every file not stamped yet, on all cores; a file changed since the
    /// collection was loaded is read again.
    func stampFiles() {
        // The paths found in a closure of its own, so that no snapshot is held while the store
        // records the stamps in its own and reads again what changed (a snapshot held would make
        // it copy the stamps, then the exhibits; see ``read(_:)``).
        let paths = { () -> [String] in
            let current = snapshot
            guard current.stamps.count < current.collection.exhibits.count else { return [] }
            return current.collection.exhibits.map(\.relativePath).filter { current.stamps[$0] == nil }
        }()
        guard !paths.isEmpty else { return }
        let root = root
        let stamps = paths.concurrentlyMapped { FileStamp.of(Self.path($0, in: root)) }
        let since = loadedAt.withLock { $0 }.timeIntervalSince1970 - 2
        var changed: [String] = []
        state.withLock { snapshot in
            for (path, stamp) in zip(paths, stamps) {
                guard let stamp, snapshot.stamps[path] == nil else { continue }
                if Double(stamp.seconds) >= since { changed.append(path) } else { snapshot.stamps[path] = stamp }
            }
        }
        if !changed.isEmpty { replace(changed) }
    }

    /// The file `relativePath` of the collection folder `root`.
    static func path(_ relativePath: String, in root: String) -> String {
        root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }

    /// The snapshot after ``stampFiles()`` and a ``scan()``: every file as it is on disk now,
    /// also before the background stamping has stamped them all (a translator's import must
    /// not compare its units with a text a colleague has since changed).
    func scanned() -> Snapshot {
        stampFiles()
        scan()
        return snapshot
    }

    /// Loads the whole collection again.
    func reloadAll() {
        let started = Date()
        guard let collection = try? LibraryBridge.reload(path: root) else { return }
        loadedAt.withLock { $0 = started }
        state.withLock { snapshot in
            snapshot = Snapshot(collection: collection, version: snapshot.version + 1)
        }
        fullCheckDue.withLock { $0 = .now }
    }

    /// The files at `relativePaths` read again, each with its stamp (no exhibit and no stamp for
    /// a file that is gone).
    ///
    /// A function of its own so that the collection it reads them with is let go when it
    /// returns: held while ``replace(_:)`` puts an exhibit in the snapshot, it shared the
    /// snapshot's exhibits, and the replacement copied all of them (26 ms a save at 50,000).
    private func read(_ relativePaths: [String]) -> [(path: String, exhibit: Exhibit?, stamp: FileStamp?)] {
        let collection = snapshot.collection
        return relativePaths.map { path in
            let stamp = FileStamp.of(Self.path(path, in: root))
            return (path, stamp == nil ? nil : LibraryBridge.readExhibit(path, of: collection), stamp)
        }
    }

    /// Reads the files at `relativePaths` again (removing those that are gone, adding new ones)
    /// and puts them in place of what was read of them before.
    @discardableResult
    func replace(_ relativePaths: [String]) -> Snapshot {
        let read = read(relativePaths)
        var needsFullCheck = false
        let result = state.withLock { snapshot in
            var structureChanged = false
            var edited: [(position: Int, exhibit: Exhibit)] = []
            for (path, exhibit, stamp) in read {
                let position = snapshot.indexed.position(ofFile: path)
                switch (position, exhibit) {
                case (let position?, let exhibit?):
                    let old = snapshot.collection.exhibits[position]
                    if old.id != exhibit.id || old.isReadable != exhibit.isReadable { needsFullCheck = true }
                    snapshot.indexed.replace(exhibit)
                    edited.append((position, exhibit))
                case (_?, nil):
                    snapshot.indexed.removeExhibit(file: path)
                    structureChanged = true
                case (nil, let exhibit?):
                    snapshot.indexed.replace(exhibit)
                    structureChanged = true
                case (nil, nil): break
                }
                if let stamp { snapshot.stamps[path] = stamp } else { snapshot.stamps[path] = nil }
            }
            if structureChanged {
                snapshot = Snapshot(
                    collection: snapshot.collection, version: snapshot.version + 1, keeping: snapshot)
                needsFullCheck = true
                return snapshot
            }
            // Same files: only the edited exhibits' entries change.
            for (position, exhibit) in edited {
                snapshot.summaries[position] = ExhibitSummary(exhibit, config: snapshot.config)
                if snapshot.searchTexts != nil { snapshot.searchTexts?[position] = ExhibitSummary.searchText(exhibit) }
                guard snapshot.findings != nil else { continue }
                if let found = snapshot.findings(of: exhibit) {
                    snapshot.findings?.replace(exhibit.path, with: found)
                } else {
                    needsFullCheck = true
                }
            }
            snapshot.version += 1
            return snapshot
        }
        // The incremental findings are the check's own for the edited file; the whole-collection
        // check confirms them once edits pause (another file's findings may depend on this one).
        let due = ContinuousClock.now + (needsFullCheck ? .zero : Self.quietTime)
        fullCheckDue.withLock { $0 = due }
        return result
    }

    /// Runs the whole-collection check if one is due (or none has run yet); returns whether it ran.
    @discardableResult
    func checkIfDue() -> Bool {
        let current = snapshot
        let now = ContinuousClock.now
        let due = fullCheckDue.withLock { due -> Bool in
            guard current.findings == nil || due.map({ $0 <= now }) ?? false else { return false }
            due = nil
            return true
        }
        guard due else { return false }
        let findings = CollectionFindings((try? LibraryBridge.findings(in: current.collection)) ?? [])
        let applied = state.withLock { snapshot in
            guard snapshot.version == current.version else { return false }
            snapshot.findings = findings
            return true
        }
        // Changed meanwhile: the check runs again once edits pause.
        if !applied { fullCheckDue.withLock { $0 = $0 ?? ContinuousClock.now + Self.quietTime } }
        return true
    }

    /// The status page's numbers of the last snapshot asked for, kept until it changes.
    private let statusCache = Mutex<(version: Int, status: TranslationStatus)?>(nil)

    /// The `captions status` numbers of `snapshot` (from the background check's findings once it has ended).
    func status(of snapshot: Snapshot) throws(CaptionError) -> TranslationStatus {
        if let cached = statusCache.withLock({ $0 }), cached.version == snapshot.version, snapshot.findings != nil {
            return cached.status
        }
        let status = try LibraryBridge.status(of: snapshot.collection, findings: snapshot.findings?.all)
        if snapshot.findings != nil { statusCache.withLock { $0 = (snapshot.version, status) } }
        return status
    }

    /// Builds the folded search texts of every exhibit, on all cores, if not built yet.
    func buildSearchTexts() {
        let current = snapshot
        guard current.searchTexts == nil else { return }
        let texts = current.collection.exhibits.concurrentlyMapped(ExhibitSummary.searchText)
        state.withLock { snapshot in
            if snapshot.version == current.version { snapshot.searchTexts = texts }
        }
    }

    /// Starts the background thread: the search texts, the stamps and the whole-collection check
    /// once, then a scan for changed files every `scanInterval` (or, when a scan takes long,
    /// twenty times as long as it took, so that scanning stays a small part of the machine's work),
    /// with the whole-collection check when one is due. The thread runs at the lowest priority
    /// (nice 19), so that a scan never delays a curator's request.
    func startBackgroundWork(scanInterval: Duration) {
        let thread = Thread { [self] in
            Self.yieldToRequests()
            buildSearchTexts()
            stampFiles()
            checkIfDue()
            var lastScan = ContinuousClock.now
            var spacing = scanInterval
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                checkIfDue()
                buildSearchTexts()
                guard ContinuousClock.now - lastScan >= spacing else { continue }
                let started = ContinuousClock.now
                stampFiles()
                scan()
                lastScan = ContinuousClock.now
                spacing = max(scanInterval, (lastScan - started) * 20)
            }
        }
        thread.name = "captions-editor background"
        thread.start()
    }

    /// Gives the calling thread the lowest scheduling priority (on Linux the nice value belongs to
    /// the thread: the request threads keep theirs).
    static func yieldToRequests() {
        #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #else
            _ = setpriority(PRIO_PROCESS, 0, 19)
        #endif
    }
}

/// A write's work until it runs. Run, it lets go of the work (and of what the work captured,
/// such as a snapshot) before its caller goes on: a snapshot still held when the store replaces
/// an exhibit makes the store copy all its exhibits (see `EditorApp.save`).
private final class PendingWrite<T: Sendable, E: Error>: @unchecked Sendable {
    private var work: (@Sendable () throws(E) -> T)?

    init(_ work: @escaping @Sendable () throws(E) -> T) { self.work = work }

    /// Runs the work (once) and returns its result.
    func run() -> Result<T, E> {
        guard let work else { preconditionFailure("a write ran twice") }
        self.work = nil
        do throws(E) {
            return .success(try work())
        } catch {
            return .failure(error)
        }
    }
}
