import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An export folder that the exporter keeps in step with the collection, through a manifest
/// of the files it wrote.
///
/// The manifest, `.captions-manifest` in the folder, lists one relative path per line (lines
/// starting with `#` are comments). On each export, the files listed in the old manifest that
/// the new export owns but does not write again are removed; files the exporter never wrote are
/// never touched. Every path is checked before anything is written or removed: it must be
/// relative, made of slug-like names (`[a-z0-9-]` with one extension), and resolve inside the
/// folder even after following symbolic links; anything else is refused.
struct ExportFolder: Sendable {
    /// The folder as the user named it.
    var path: String

    /// The manifest's name inside the folder.
    static let manifestName = ".captions-manifest"

    /// Writes `files` atomically, removes the stale files of an earlier export and records the
    /// new manifest.
    ///
    /// The order keeps the manifest truthful even if a write fails half-way: first the manifest
    /// is extended with the new paths, then the files are written, then stale files are
    /// removed, then the manifest is rewritten with exactly what the folder now holds from us.
    /// The files are written together with ``AtomicFile/writeAll(_:)``: when one cannot be
    /// written (or a folder stands where one goes), none of them is replaced.
    ///
    /// - Parameters:
    ///   - files: Paths below the folder and their bytes.
    ///   - owning: Whether this export is responsible for an old manifest entry; entries it
    ///     does not own (another format, or a partial `--only` export) are kept and stay listed.
    /// - Returns: The removed paths, sorted.
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` when the folder or a file cannot be
    ///   written or a path would leave the folder.
    func replace(with files: [(path: String, data: Data)], owning: (String) -> Bool) throws(CaptionError)
        -> [String]
    {
        let replacement = try beginReplacing(files.map(\.path))
        try AtomicFile.writeAll(zip(replacement.targets, files).map { ($0, $1.data) })
        return try finishReplacing(replacement, owning: owning)
    }

    /// A replacement begun by ``beginReplacing(_:)``: the folder is checked and ready, the
    /// manifest lists the new paths, and nothing has been written under them yet.
    struct Replacement: Sendable {
        /// The folder's real path.
        let root: String
        /// The entries of the manifest before this export.
        let old: Set<String>
        /// The paths the export writes, below the folder.
        let written: Set<String>
        /// Where each path of ``beginReplacing(_:)`` goes (the folder joined with it), in the
        /// same order.
        let targets: [String]
    }

    /// The first half of ``replace(with:owning:)``: checks every path, extends the manifest with
    /// `relatives`, creates and checks their folders and removes temporaries an interrupted
    /// export left there. Then write the files (all of them, or none: ``AtomicFile/writeAll(_:)``,
    /// or ``AtomicFile/prepare(_:for:)`` then ``AtomicFile/commit(_:)``) to
    /// ``Replacement/targets`` and call ``finishReplacing(_:owning:)``.
    ///
    /// - Parameter relatives: The paths the export writes, below the folder, in the order
    ///   their files will be renamed into place.
    /// - Throws: ``CaptionError/unwritable(path:reason:)`` as ``replace(with:owning:)``, before
    ///   any file is written.
    func beginReplacing(_ relatives: [String]) throws(CaptionError) -> Replacement {
        try AtomicFile.makeFolder(path)
        let root = try resolvedRoot()
        try checkAll(relatives, root: root)
        let old = readManifest()
        let written = Set(relatives)
        try writeManifest(old.union(written))
        var checkedFolders: Set<String> = []
        var previousFolder: String?
        var targets: [String] = []
        targets.reserveCapacity(relatives.count)
        for relative in relatives {
            let target = CollectionLoader.join(path, relative)
            let folder = ParentFolder.of(target)
            // Files of one gallery share a folder: create and check it once (the check resolves
            // the folder's real path, which depends on the folder only). Sorted files of a
            // gallery come one after another: the folder of the file before needs no look-up.
            if folder != previousFolder, checkedFolders.insert(folder).inserted {
                try AtomicFile.makeFolder(folder)
                try check(relative, root: root)
            }
            previousFolder = folder
            targets.append(target)
        }
        AtomicFile.removeLeftoverTemporaries(in: checkedFolders)
        return Replacement(root: root, old: old, written: written, targets: targets)
    }

    /// The second half of ``replace(with:owning:)``, once the files are written: removes the
    /// stale files this export owns and records the new manifest.
    ///
    /// - Returns: The removed paths, sorted.
    func finishReplacing(_ replacement: Replacement, owning: (String) -> Bool) throws(CaptionError) -> [String] {
        var removed: [String] = []
        var kept: Set<String> = replacement.written
        for entry in replacement.old.subtracting(replacement.written).sorted() {
            if owning(entry) {
                if remove(entry, root: replacement.root) { removed.append(entry) }
            } else if FileManager.default.fileExists(atPath: CollectionLoader.join(path, entry)) {
                kept.insert(entry)
            }
        }
        try writeManifest(kept)
        return removed
    }

    /// Whether `relative` is a path the exporter may write: relative, no empty, `.` or `..`
    /// parts, every folder a slug, the file a slug with a `.txt` or `.html` extension.
    static func isSafeRelativePath(_ relative: String) -> Bool {
        var relative = relative
        return relative.withUTF8(isSafeRelativePath(utf8:))
    }

    /// ``isSafeRelativePath(_:)`` of the path with the UTF-8 bytes `path`.
    ///
    /// Works on bytes: a safe path is ASCII (slugs, `/` and `.`), and in ASCII text every byte is
    /// a character (CR LF, the one exception, is never in a safe path), so splitting at `/` and
    /// looking at suffixes give on bytes what they give on characters.
    static func isSafeRelativePath(utf8 path: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for (index, byte) in path.enumerated() {
            guard byte < 0x80 else { return false }
            if byte == UInt8(ascii: "/") {
                parts.append(UnsafeBufferPointer(rebasing: path[start..<index]))
                start = index + 1
            }
        }
        parts.append(UnsafeBufferPointer(rebasing: path[start...]))
        guard let file = parts.last, parts.count <= 32 else { return false }
        guard parts.dropLast().allSatisfy(isSlug) else { return false }
        for suffix in [".txt", ".html"]
        where file.count >= suffix.utf8.count && file.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            return isSlug(UnsafeBufferPointer(rebasing: file.dropLast(suffix.utf8.count)))
        }
        return false
    }

    /// ``ExhibitID/isValid(_:)`` of ASCII bytes.
    private static func isSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ExhibitID.isValid(utf8: bytes)
    }

    /// The folder's real path (symbolic links resolved).
    private func resolvedRoot() throws(CaptionError) -> String {
        guard let real = realPath(path) else { throw .unwritable(path: path, reason: "cannot resolve the folder") }
        return real
    }

    /// Refuses any of `relatives` that ``check(_:root:)`` refuses, resolving each folder once.
    private func checkAll(_ relatives: [String], root: String) throws(CaptionError) {
        var checkedFolders: Set<Substring> = []
        var previousFolder: Substring?
        for relative in relatives {
            // The last `/` byte: in a safe path (ASCII) it is the last `/` character, and an
            // unsafe path is refused whichever folder it is counted in.
            let folder = Substring(
                relative.utf8[..<(relative.utf8.lastIndex(of: UInt8(ascii: "/")) ?? relative.utf8.startIndex)])
            // The folder of the path before is already in the set: no look-up for it.
            if folder != previousFolder, checkedFolders.insert(folder).inserted {
                try check(relative, root: root)
            } else {
                try checkName(relative)
            }
            previousFolder = folder
        }
    }

    /// Refuses a path that is not safe or whose existing parent resolves outside `root`.
    private func check(_ relative: String, root: String) throws(CaptionError) {
        try checkName(relative)
        let target = CollectionLoader.join(path, relative)
        var parent = ParentFolder.of(target)
        while !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) { parent = ParentFolder.of(parent) }
        guard let real = realPath(parent), real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        else {
            throw .unwritable(path: target, reason: "refusing to write outside \(path)")
        }
    }

    /// Refuses a path that is not safe (see ``isSafeRelativePath(_:)``).
    private func checkName(_ relative: String) throws(CaptionError) {
        guard Self.isSafeRelativePath(relative) else {
            throw .unwritable(
                path: CollectionLoader.join(path, relative), reason: "refusing to write a file whose name is not a slug"
            )
        }
    }

    /// Removes a stale file when it is safe, a regular file and inside the folder; then removes
    /// folders that this left empty. Returns whether the file was removed.
    private func remove(_ relative: String, root: String) -> Bool {
        guard Self.isSafeRelativePath(relative), (try? check(relative, root: root)) != nil else { return false }
        let target = CollectionLoader.join(path, relative)
        var status = stat()
        guard lstat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, unlink(target) == 0 else {
            return false
        }
        var folder = ParentFolder.of(relative)
        while !folder.isEmpty {
            guard rmdir(CollectionLoader.join(path, folder)) == 0 else { break }
            folder = ParentFolder.of(folder)
        }
        return true
    }

    /// The entries of the current manifest that are safe paths (others are ignored).
    func readManifest() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: CollectionLoader.join(path, Self.manifestName)) else {
            return []
        }
        guard !data.contains(UInt8(ascii: "\r")) else {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            return Set(lines.filter { !$0.hasPrefix("#") && Self.isSafeRelativePath($0) })
        }
        // Fast path: without CR every LF is a line break of its own, so the lines are the parts
        // between LF bytes; a safe line is ASCII, so it is read only when the bytes are safe.
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var entries: Set<String> = []
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let line = UnsafeBufferPointer(rebasing: line)
                if line.first != UInt8(ascii: "#"), Self.isSafeRelativePath(utf8: line) {
                    entries.insert(String(decoding: line, as: UTF8.self))
                }
            }
            return entries
        }
    }

    private func writeManifest(_ entries: Set<String>) throws(CaptionError) {
        var text = Array(
            "# Files written by `captions export signage`; the next export removes those it no longer writes.\n".utf8)
        for entry in entries.sorted() {
            text += entry.utf8
            text.append(UInt8(ascii: "\n"))
        }
        try AtomicFile.write(Data(text), to: CollectionLoader.join(path, Self.manifestName))
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
