#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file's bytes in one buffer that the caller owns, read without Foundation.
///
/// Exhibit files are read once each, straight into the buffer libyaml then parses (see
/// ``YAMLEventReader/init(adopting:)``): no `Data`, and no copy of it for the parser.
enum FileBytes {
    /// Reads the file at `path` to its end, or returns `nil` when it cannot be opened or read
    /// (missing, a folder, permission denied): what `FileManager.contents(atPath:)` gives `nil` for.
    ///
    /// - Returns: A buffer whose first `count` bytes are the file; the caller deallocates it.
    static func contents(ofFile path: String) -> (buffer: UnsafeMutableBufferPointer<UInt8>, count: Int)? {
        switch contents(ofFile: path, limit: .max) {
        case .read(let buffer, let count): return (buffer, count)
        case .tooLarge, .unreadable, .notAFile: return nil
        }
    }

    /// What ``contents(ofFile:limit:)`` finds.
    enum Contents {
        /// The file's bytes: the first `count` bytes of `buffer`, which the caller deallocates.
        case read(UnsafeMutableBufferPointer<UInt8>, count: Int)
        /// The file says it has `size` bytes, more than the limit: nothing was read.
        case tooLarge(size: Int)
        /// The path names something other than a regular file (`kind`: "a folder", "a named pipe
        /// (FIFO)", "a socket", "a device"): nothing was read, and nothing waited on.
        case notAFile(String)
        /// The file cannot be opened or read (`reason`: the system's words, e.g. "Permission denied").
        case unreadable(String)
    }

    /// What a file type (`st_mode & S_IFMT`) is called in messages, or `nil` for a regular file.
    static func kindName(ofMode mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// What stands at `path` when it is not a regular file (following symbolic links), or `nil`.
    static func kindName(at path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return kindName(ofMode: status.st_mode)
    }

    /// Reads the file at `path` to its end, unless it says it has more than `limit` bytes: a
    /// stray huge file is refused without being read into memory.
    /// Opened without blocking and checked with `fstat` before any read: a named pipe, socket or
    /// device where a file should be is reported as ``Contents/notAFile(_:)``, never waited on.
    static func contents(ofFile path: String, limit: Int) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            return kindName(at: path).map { .notAFile($0) } ?? .unreadable(reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        if let kind = kindName(ofMode: status.st_mode) { return .notAFile(kind) }
        if Int(status.st_size) > limit {
            return .tooLarge(size: Int(status.st_size))
        }
        // One more byte than the size, so the read that finds the end needs no larger buffer.
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == buffer.count {
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                larger.baseAddress!.update(from: buffer.baseAddress!, count: count)
                buffer.deallocate()
                buffer = larger
            }
            let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                return .read(buffer, count: count)
            } else if errno != EINTR {
                let reason = String(cString: strerror(errno))
                buffer.deallocate()
                return .unreadable(reason)
            }
        }
    }
}
