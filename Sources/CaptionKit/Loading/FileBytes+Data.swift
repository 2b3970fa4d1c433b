import Foundation

extension FileBytes {
    /// The whole file at `path` as `Data`, for a command that is about to change it; refuses
    /// anything but a regular file without blocking (a FIFO is never waited on).
    ///
    /// - Throws: ``CaptionError/unreadable(path:reason:)``.
    static func data(ofFile path: String) throws(CaptionError) -> Data {
        switch contents(ofFile: path, limit: .max) {
        case .read(let buffer, let count):
            return Data(
                bytesNoCopy: buffer.baseAddress!, count: count,
                deallocator: .custom { pointer, _ in
                    pointer.deallocate()
                })
        case .tooLarge(let size): throw .unreadable(path: path, reason: "the file is \(size) bytes")
        case .notAFile(let kind): throw .unreadable(path: path, reason: "is \(kind), not a file")
        case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
        }
    }
}
