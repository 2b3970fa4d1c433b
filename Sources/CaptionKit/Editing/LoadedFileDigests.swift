import Foundation

/// The digests of the exhibit files as a collection load read them, so that an editor can take
/// the loaded exhibit for the file's load when the file is still exactly as it was read.
final class LoadedFileDigests: @unchecked Sendable {
    private var digests: [String: ContentDigest] = [:]
    private let lock = NSLock()

    init() {}

    /// Reads one exhibit file as ``CollectionLoader/readExhibit(_:root:)`` does, remembering the
    /// digest of the bytes it was parsed from (for ``CollectionLoader/load(path:reading:)``).
    func readExhibit(_ relativePath: String, root: String) -> Exhibit {
        CollectionLoader.readExhibit(relativePath, root: root) { path, digest in
            self.lock.withLock { self.digests[path] = digest }
        }
    }

    /// The digest of the bytes the exhibit at `path` (as the load named it) was parsed from.
    func digest(ofFileAt path: String) -> ContentDigest? {
        lock.withLock { digests[path] }
    }
}
