import Foundation
import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The most connections the editor keeps open at once; one more is closed as soon as it is
/// accepted, so a flood of connections cannot take every file descriptor the saves need.
final class ConnectionLimit: Sendable {
    /// The most open connections.
    let maximum: Int
    private let open = Mutex(0)

    init(maximum: Int) { self.maximum = maximum }

    /// The connections open now.
    var count: Int { open.withLock { $0 } }

    /// A handler for one new connection's pipeline: it counts the connection while it is open,
    /// and closes it at once when ``maximum`` are open already.
    func handler() -> Handler { Handler(limit: self) }

    /// Counts a new connection; whether it is within the limit.
    fileprivate func opened() -> Bool {
        open.withLock { count in
            count += 1
            return count <= maximum
        }
    }

    fileprivate func closed() { open.withLock { $0 -= 1 } }

    /// Counts its connection from being added to the pipeline until it is removed (the
    /// connection closed).
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        private let limit: ConnectionLimit
        private var counted = false

        fileprivate init(limit: ConnectionLimit) { self.limit = limit }

        func handlerAdded(context: ChannelHandlerContext) {
            counted = true
            guard !limit.opened() else { return }
            // Closed once the pipeline is set up, not in the middle of setting it up.
            let channel = context.channel
            context.eventLoop.execute { channel.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            guard counted else { return }
            counted = false
            limit.closed()
        }
    }

    /// Raises this process's soft limit of open files to its hard limit (at most 65,536), so
    /// that ``maximum`` connections and the files a save writes fit beside each other
    /// (Debian's soft limit is 1,024). Returns the soft limit in force afterwards.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let wanted = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(limit.rlim_cur)
    }
}
