import Foundation
import Testing

/// Golden files under `Tests/CaptionKitTests/Snapshots/Signage/`, compared byte for byte.
///
/// Set `CAPTIONS_RECORD_SNAPSHOTS=1` to write the current output as the new golden file; a
/// recording run always fails, so a re-recording is never mistaken for a pass.
enum SignageSnapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots/Signage")

    static func assertMatches(
        _ data: Data, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CAPTIONS_RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? data.write(to: url)
            Issue.record(
                "re-recorded \(url.path); run again without CAPTIONS_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "no golden file \(url.path); record it with CAPTIONS_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation
            )
            return
        }
        if expected != data {
            let shown = String(decoding: data.prefix(4000), as: UTF8.self)
            Issue.record(
                "\(name) differs from its golden file (\(data.count) bytes vs \(expected.count)):\n\(shown)",
                sourceLocation: sourceLocation)
        }
    }
}
