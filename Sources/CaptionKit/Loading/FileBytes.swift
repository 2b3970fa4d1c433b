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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
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
                return (buffer, count)
            } else if errno != EINTR {
                buffer.deallocate()
                return nil
            }
        }
    }
}
