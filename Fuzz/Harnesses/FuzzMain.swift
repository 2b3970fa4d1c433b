// libFuzzer entry point for every fuzz target, compiled into one module with the CaptionKit
// sources (so the targets reach internal types). The target is chosen by the FUZZ_TARGET
// environment variable; Fuzz/run.sh sets it. A property that does not hold calls `fatalError`,
// which libFuzzer reports as a crash with the input saved.

#if canImport(Glibc)
    import Glibc
#endif

/// The fuzz targets, by name.
nonisolated(unsafe) let fuzzTargets: [String: (UnsafeRawBufferPointer) -> Void] = [
    "exhibit": FuzzTargets.exhibitParser,
    "config": FuzzTargets.configParser,
    "xliff": FuzzTargets.xliffReader,
    "editor": FuzzTargets.editorProperty,
    "fmt": FuzzTargets.fmtProperty,
    "typography": FuzzTargets.typographyProperty,
    "linebreak": FuzzTargets.lineBreakProperty,
    "glossary": FuzzTargets.glossaryProperty,
    "worddiff": FuzzTargets.wordDiffProperty,
    "tbx": FuzzTargets.tbxImport,
]

/// The target this process runs, read once.
nonisolated(unsafe) let selectedTarget: (UnsafeRawBufferPointer) -> Void = {
    let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = fuzzTargets[name] else {
        let known = fuzzTargets.keys.sorted().joined(separator: ", ")
        let message = "fuzz: set FUZZ_TARGET to one of: \(known)\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    selectedTarget(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
