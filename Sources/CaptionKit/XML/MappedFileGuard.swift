import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a file mapping from killing the process when another program truncates the file
/// while it is read.
///
/// Touching a page of a mapping past the file's new end raises SIGBUS. While a mapping is
/// registered here, a SIGBUS inside it is answered by mapping a page of zeros over the faulting
/// page (the read goes on, seeing zeros) and noting the fault; the reader then reports that the
/// file changed while it was read instead of using what it read. A SIGBUS anywhere else goes to
/// the handler installed before (by default: the process dies, as it would have).
enum MappedFileGuard {
    /// How many mappings can be guarded at once (each parse holds one).
    static let slotCount = 8

    /// Registers the mapping `base..<base+length`; returns its slot, or `nil` when every slot
    /// is taken (the caller then reads without a mapping).
    static func register(_ base: UnsafeRawPointer, length: Int) -> Int? {
        _ = installed
        return registry.withLock {
            for slot in 0..<slotCount where guardSlots[slot * 3] == 0 {
                guardSlots[slot * 3 + 2] = 0
                guardSlots[slot * 3 + 1] = Int(bitPattern: base) + length
                guardSlots[slot * 3] = Int(bitPattern: base)
                return slot
            }
            return nil
        }
    }

    /// Ends the guard of `slot`; returns whether a page of it faulted (the file shrank).
    static func unregister(_ slot: Int) -> Bool {
        registry.withLock {
            guardSlots[slot * 3] = 0
            guardSlots[slot * 3 + 1] = 0
            return guardSlots[slot * 3 + 2] != 0
        }
    }

    private static let registry = NSLock()

    /// Installs the SIGBUS handler once, keeping the previous one for faults outside mappings.
    private static let installed: Void = {
        guardPageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var action = sigaction()
        #if os(Linux)
            action.__sigaction_handler.sa_sigaction = handleBusError
        #else
            action.__sigaction_u.__sa_sigaction = handleBusError
        #endif
        action.sa_flags = SA_SIGINFO | SA_NODEFER
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, previousBusAction)
    }()
}

/// Start, end and fault flag of each guarded mapping (read by the signal handler, which must
/// not take locks; written under ``MappedFileGuard``'s lock, start last when registering and
/// first when ending).
nonisolated(unsafe) private let guardSlots: UnsafeMutablePointer<Int> = {
    let slots = UnsafeMutablePointer<Int>.allocate(capacity: MappedFileGuard.slotCount * 3)
    slots.initialize(repeating: 0, count: MappedFileGuard.slotCount * 3)
    return slots
}()
nonisolated(unsafe) private var guardPageSize = 4096
nonisolated(unsafe) private let previousBusAction: UnsafeMutablePointer<sigaction> = {
    let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    action.initialize(to: sigaction())
    return action
}()

/// The SIGBUS handler: a page of zeros over a faulting page of a guarded mapping; otherwise
/// the previous handler is put back and the fault repeats under it.
private func handleBusError(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _: UnsafeMutableRawPointer?) {
    #if os(Linux)
        let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
    #else
        let address = Int(bitPattern: info?.pointee.si_addr)
    #endif
    for slot in 0..<MappedFileGuard.slotCount {
        let start = guardSlots[slot * 3]
        guard start != 0, address >= start, address < guardSlots[slot * 3 + 1] else { continue }
        let page = address & ~(guardPageSize - 1)
        let mapped = mmap(
            UnsafeMutableRawPointer(bitPattern: page), guardPageSize, PROT_READ,
            MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if mapped != MAP_FAILED {
            guardSlots[slot * 3 + 2] = 1
            return
        }
    }
    sigaction(SIGBUS, previousBusAction, nil)
}
