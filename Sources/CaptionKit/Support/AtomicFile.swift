import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target, so readers see either the old file or the whole new one.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `data`.
    ///
    /// - Throws: ``CaptionError/unwritable(path:reason:)``.
    public static func write(_ data: Data, to path: String) throws(CaptionError) {
        let temporary = try writeTemporary(data, near: path)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path: path, reason: reason)
        }
    }

    /// Creates `path` with `data`, refusing to replace an existing file (checked atomically).
    ///
    /// - Throws: ``CaptionError/alreadyExists(path:)`` when `path` exists.
    public static func create(_ data: Data, at path: String) throws(CaptionError) {
        if FileManager.default.fileExists(atPath: path) { throw .alreadyExists(path: path) }
        let temporary = try writeTemporary(data, near: path)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Creates `folder` and its parents when missing.
    public static func makeFolder(_ folder: String) throws(CaptionError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: "cannot create the folder")
        }
    }

    private static func writeTemporary(_ data: Data, near path: String) throws(CaptionError) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder.isEmpty ? "." : folder)
        var template = Array(((folder.isEmpty ? "." : folder) + "/.captions-XXXXXX.tmp").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
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
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        fchmod(descriptor, 0o644)
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
        return temporary
    }
}
