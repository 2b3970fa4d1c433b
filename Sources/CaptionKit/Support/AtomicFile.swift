import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if os(Linux)
    /// `syncfs(2)`: flushes the file system holding `descriptor`. Glibc declares it only under
    /// `_GNU_SOURCE`, which the Swift Glibc module does not define, so it is bound by name.
    @_silgen_name("syncfs")
    private func syncfs(_ descriptor: Int32) -> Int32
#endif

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target, so readers see either the old file or the whole new one.
enum AtomicFile {
    /// Replaces (or creates) `path` with `data`.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``.
    static func write(_ data: Data, to path: String) throws(CaptionError) {
        let (temporary, _) = try writeTemporary(data, near: path, owner: try replaceableTarget(path))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path: path, reason: reason)
        }
    }

    /// Replaces (or creates) many files at once, as durably as ``write(_:to:)`` but with one
    /// flush of the file system instead of one `fsync` per file.
    ///
    /// Guarantees:
    /// - Nothing half-written is ever visible under a target name: every file is first written
    ///   completely to a temporary file beside its target.
    /// - If anything fails before the renames (a folder or temporary file cannot be created or
    ///   written, or the flush fails), every target is left untouched and every temporary file
    ///   is removed.
    /// - All the new bytes are on disk (`syncfs`) before the first rename, so after a crash a
    ///   target holds its old bytes or its complete new bytes.
    /// - The renames run in `files` order; a rename can fail only for reasons that concern the
    ///   folder itself (it was removed or made read-only meanwhile). Then the files before it are
    ///   already replaced, the rest keep their old bytes, and the remaining temporaries are removed.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` naming the file that failed.
    static func writeAll(_ files: [(path: String, data: Data)]) throws(CaptionError) {
        // The temporaries are written on all cores (for a signage export of 50,000 exhibits
        // that is most of the time left after typesetting); the renames stay in order.
        try commit(
            files.concurrentMap(chunkSize: 16) { file in
                Result { () throws(CaptionError) in try prepare(file.data, for: file.path) }
            })
    }

    /// Commits files prepared one by one (``prepare(_:for:)``), as ``writeAll(_:)`` does: when
    /// every one was prepared, ``commit(_:)`` renames them in order; otherwise nothing is
    /// renamed, every temporary is removed and the first failure in order is thrown.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` naming the file that failed.
    static func commit(_ prepared: [Result<PendingFile, CaptionError>]) throws(CaptionError) {
        var pending: [PendingFile] = []
        pending.reserveCapacity(prepared.count)
        var firstError: CaptionError?
        for outcome in prepared {
            switch outcome {
            case .success(let file): pending.append(file)
            case .failure(let error): if firstError == nil { firstError = error }
            }
        }
        if let firstError {
            discard(pending)
            throw firstError
        }
        try commit(pending)
    }

    /// A file written completely to a temporary file beside its target, not yet renamed over it.
    struct PendingFile: Sendable {
        /// The temporary file.
        let temporary: String
        /// The target.
        let path: String
        /// The file system (`st_dev`) of the temporary, when known.
        let device: UInt?
        /// The digest of the bytes the target had when the writer read it (`nil`: not checked).
        var readAs: ContentDigest? = nil
    }

    /// Commits edited caption files of the collection folder `root`: while holding the
    /// collection's lock (``CollectionLock``), checks that every target still has the bytes it
    /// was read with (``PendingFile/readAs``), then commits them as ``commit(_:)-([PendingFile])``
    /// does. Every command that writes caption files goes through here.
    ///
    /// - Throws: ``CaptionError/conflict(path:)`` for the first file (in order) changed on disk
    ///   since it was read, ``CaptionError/unwritable(path:reason:)`` when the lock cannot be
    ///   taken or a file cannot be written; then no file is replaced and every temporary removed
    ///   (except a rename failing part way, see ``writeAll(_:)``).
    static func commitCaptionFiles(_ files: [PendingFile], collection root: String) throws(CaptionError) {
        guard !files.isEmpty else { return }
        do throws(CaptionError) {
            try CollectionLock.holding(in: root) { () throws(CaptionError) in
                // What a killed writer (an editor's save, a review) left in these folders goes now.
                removeLeftoverTemporaries(in: Set(files.map { ParentFolder.of($0.path) }).sorted())
                for file in files {
                    guard let expected = file.readAs else { continue }
                    switch FileBytes.contents(ofFile: file.path, limit: .max) {
                    case .read(let buffer, let count):
                        let digest = ContentDigest(
                            UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<count])))
                        buffer.deallocate()
                        guard digest == expected else { throw .conflict(path: file.path) }
                    case .tooLarge, .notAFile, .unreadable:
                        throw .conflict(path: file.path)
                    }
                }
                try commit(files)
            }
        } catch {
            discard(files)
            throw error
        }
    }

    /// Replaces caption files of the collection folder `root`, each read as the bytes whose
    /// digest is its `readAs`, all or none, as ``commitCaptionFiles(_:collection:)`` does.
    static func replaceCaptionFiles(
        _ files: [(path: String, data: Data, readAs: ContentDigest?)], collection root: String
    ) throws(CaptionError) {
        var pending: [PendingFile] = []
        do throws(CaptionError) {
            for file in files {
                var prepared = try prepare(file.data, for: file.path)
                prepared.readAs = file.readAs
                pending.append(prepared)
            }
        } catch {
            discard(pending)
            throw error
        }
        try commitCaptionFiles(pending, collection: root)
    }

    /// Replaces one caption file of the collection folder `root`, read as the bytes whose digest
    /// is `readAs`, with `data`, as ``commitCaptionFiles(_:collection:)`` does.
    static func replaceCaptionFile(_ data: Data, at path: String, readAs: ContentDigest?, collection root: String)
        throws(CaptionError)
    {
        var pending = try prepare(data, for: path)
        pending.readAs = readAs
        try commitCaptionFiles([pending], collection: root)
    }

    /// The first half of ``writeAll(_:)`` for one file: writes `data` to a temporary file beside
    /// `path` (creating the folder when missing), without flushing it. Safe to call from several
    /// threads at once. Pass the result to ``commit(_:)`` or ``discard(_:)``.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``; no temporary is left behind then.
    static func prepare(_ data: Data, for path: String) throws(CaptionError) -> PendingFile {
        try prepare(contentsOf: data, for: path)
    }

    /// ``prepare(_:for:)`` for bytes in an array (what a writer that builds its file byte by
    /// byte has), without a copy into `Data`.
    static func prepare(_ bytes: [UInt8], for path: String) throws(CaptionError) -> PendingFile {
        try prepare(contentsOf: bytes, for: path)
    }

    private static func prepare(contentsOf data: some ContiguousBytes, for path: String) throws(CaptionError)
        -> PendingFile
    {
        let owner = try replaceableTarget(path)
        let (temporary, device) = try writeTemporary(data, near: path, owner: owner, synchronously: false)
        return PendingFile(temporary: temporary, path: path, device: device)
    }

    /// Removes the temporaries of files that will not be committed.
    static func discard(_ files: some Collection<PendingFile>) {
        for file in files { unlink(file.temporary) }
    }

    /// The second half of ``writeAll(_:)``: flushes the file systems of `files`, then renames
    /// each temporary over its target in order, with the guarantees of ``writeAll(_:)``.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` naming the file that failed.
    static func commit(_ files: [PendingFile]) throws(CaptionError) {
        var flushDescriptors: [UInt: Int32] = [:]  // one open file per file system (st_dev)
        defer { for descriptor in flushDescriptors.values { close(descriptor) } }
        for file in files {
            // Every file's file system must be flushed: a file whose file system is unknown or
            // cannot be opened fails the whole commit rather than being renamed unflushed.
            guard let device = file.device else {
                discard(files)
                throw .unwritable(path: file.path, reason: "cannot tell which file system the file is on")
            }
            guard flushDescriptors[device] == nil else { continue }
            let descriptor = open(file.temporary, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                discard(files)
                throw .unwritable(path: file.path, reason: reason)
            }
            flushDescriptors[device] = descriptor
        }
        for descriptor in flushDescriptors.values where flushFileSystem(holding: descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            discard(files)
            throw .unwritable(path: files.first?.path ?? ".", reason: reason)
        }
        for (index, file) in files.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard(files[index...])
            throw .unwritable(path: file.path, reason: reason)
        }
    }

    /// Flushes the file system holding `descriptor` to disk; 0 on success.
    private static func flushFileSystem(holding descriptor: Int32) -> Int32 {
        #if os(Linux)
            return syncfs(descriptor)
        #else
            sync()
            return 0
        #endif
    }

    /// Creates `path` with `data`, refusing to replace an existing file (checked atomically).
    ///
    /// - Throws: ``CaptionError/alreadyExists(path:)`` when `path` exists.
    static func create(_ data: Data, at path: String) throws(CaptionError) {
        if FileManager.default.fileExists(atPath: path) { throw .alreadyExists(path: path) }
        let (temporary, _) = try writeTemporary(data, near: path, owner: nil)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// How a temporary file's name starts and ends: ``temporaryPrefix``, the writer's process id
    /// and `-` (left out by earlier versions), six characters from `mkstemps`,
    /// ``temporarySuffix``.
    private static let temporaryPrefix = ".captions-"
    private static let temporarySuffix = ".tmp"
    /// How many characters `mkstemps` puts in (the `X`s of its template).
    private static let temporaryRandomLength = 6

    /// The shell pattern of the temporary files' names (for a `.gitignore`).
    static let temporaryNamePattern = temporaryPrefix + "*" + temporarySuffix

    /// Whether `name` is the name of a temporary file this type creates.
    static func isTemporaryName(_ name: String) -> Bool {
        temporaryWriter(name) != nil
    }

    /// The process id in a temporary file's name: 0 for a name without one, `nil` for a name
    /// that is not a temporary's.
    static func temporaryWriter(_ name: String) -> Int32? {
        let bytes = Array(name.utf8)
        let prefixLength = temporaryPrefix.utf8.count
        let suffixLength = temporarySuffix.utf8.count
        guard bytes.count >= prefixLength + temporaryRandomLength + suffixLength, name.hasPrefix(temporaryPrefix),
            name.hasSuffix(temporarySuffix)
        else { return nil }
        let random = bytes[(bytes.count - suffixLength - temporaryRandomLength)..<(bytes.count - suffixLength)]
        guard
            random.allSatisfy({
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            })
        else { return nil }
        if bytes.count == prefixLength + temporaryRandomLength + suffixLength { return 0 }
        let middle = bytes[prefixLength..<(bytes.count - suffixLength - temporaryRandomLength)]
        guard middle.count >= 2, middle.last == UInt8(ascii: "-"),
            let pid = Int32(String(decoding: middle.dropLast(), as: UTF8.self)), pid > 0
        else { return nil }
        return pid
    }

    /// Removes the temporary files that an interrupted earlier run (Ctrl-C, a kill, a crash
    /// between writing and renaming) left in `folders`; other files are never touched, nor the
    /// temporaries of a writer that is still running (another `captions` process writing the
    /// same folder: its process id is in the name). Writers call this before they write into
    /// folders they own, so leftovers do not pile up.
    static func removeLeftoverTemporaries(in folders: some Sequence<String>) {
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
            else { continue }
            for name in names {
                guard let writer = temporaryWriter(name) else { continue }
                if writer != 0, writer == getpid() || kill(writer, 0) == 0 || errno == EPERM { continue }
                let path = CollectionLoader.join(folder, name)
                var status = stat()
                if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { unlink(path) }
            }
        }
    }

    /// The mode and owner of the file at `path` that a new version must keep, or `nil` when
    /// there is no file yet. Refused before anything is written or renamed: a folder where the
    /// file goes (its rename would fail after earlier files were replaced), a symbolic link (the
    /// rename would replace the link with a file and leave its target as it was), and a file
    /// nobody may write (`chmod a-w`: someone meant it to stay as it is).
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``.
    static func replaceableTarget(_ path: String) throws(CaptionError) -> (mode: mode_t, user: uid_t, group: gid_t)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw .unwritable(path: path, reason: "a folder stands where the file goes")
        case S_IFLNK:
            throw .unwritable(
                path: path,
                reason: "it is a symbolic link, which would be replaced by a file; edit the file it points to")
        default: break
        }
        guard status.st_mode & 0o222 != 0 else {
            throw .unwritable(path: path, reason: "the file is read-only (chmod u+w to allow changes)")
        }
        return (status.st_mode & 0o7777, status.st_uid, status.st_gid)
    }

    /// Creates `folder` and its parents when missing.
    static func makeFolder(_ folder: String) throws(CaptionError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: "cannot create the folder")
        }
    }

    /// Writes `data` to a new temporary file in `path`'s folder (created when missing) and
    /// returns its path and file system (`st_dev`, when known); with `synchronously`, the file
    /// is `fsync`ed before this returns. The temporary gets the mode (and, where allowed, the
    /// owner) of the file it will replace, `owner` (``replaceableTarget(_:)``); a new file is
    /// `0644`.
    private static func writeTemporary(
        _ data: some ContiguousBytes, near path: String, owner: (mode: mode_t, user: uid_t, group: gid_t)?,
        synchronously: Bool = true
    ) throws(CaptionError) -> (path: String, device: UInt?) {
        let folder = ParentFolder.of(path)
        let pattern = Array(
            ((folder.isEmpty ? "." : folder)
                + "/\(temporaryPrefix)\(getpid())-\(String(repeating: "X", count: temporaryRandomLength))\(temporarySuffix)")
                .utf8CString)
        let suffixLength = Int32(temporarySuffix.utf8.count)
        func createTemporary() -> (descriptor: Int32, name: [CChar], error: Int32) {
            var name = pattern
            let descriptor = name.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, suffixLength) }
            return (descriptor, name, errno)
        }
        // The folder is created only when it is missing (a large export writes thousands of
        // files into folders that already exist).
        var (descriptor, template, error) = createTemporary()
        if descriptor < 0, error == ENOENT {
            try makeFolder(folder.isEmpty ? "." : folder)
            (descriptor, template, error) = createTemporary()
        }
        guard descriptor >= 0 else {
            throw .unwritable(path: path, reason: String(cString: strerror(error)))
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, synchronously, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if let owner {
            // A file kept private (0600) stays private, a group's file stays the group's.
            _ = fchown(descriptor, owner.user, owner.group)
            fchmod(descriptor, owner.mode)
        } else {
            fchmod(descriptor, 0o644)
        }
        var status = stat()
        let device = fstat(descriptor, &status) == 0 ? UInt(status.st_dev) : nil
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
        return (temporary, device)
    }
}
