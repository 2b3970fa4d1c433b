/// A part of a file where `git merge` left both sides of a change, between marker lines:
///
/// ```text
/// <<<<<<< HEAD
/// (our lines)
/// ||||||| base        (only with merge.conflictStyle=diff3 or zdiff3)
/// (the lines both sides started from)
/// =======
/// (their lines)
/// >>>>>>> branch
/// ```
///
/// Every file the tool reads as YAML or JSON (exhibit files, `captions.yml`, `glossary.yml`,
/// the baseline) is looked at for these when it fails to parse, so the user reads "unresolved
/// merge conflict" at the `<<<<<<<` line instead of a YAML or JSON error near it.
struct MergeConflict: Sendable, Hashable {
    /// The 1-based line of the `<<<<<<<` marker.
    var line: Int
    /// Whether the conflict has a `|||||||` section (the common ancestor's lines, diff3 style).
    var hasBase: Bool
    /// Whether the conflict lies inside an exhibit's machine-owned `translations:` record.
    var isInTranslationsRecord: Bool

    /// What to do, one sentence without a trailing period: the recipe fits where the conflict is.
    var message: String {
        let markers =
            hasBase
            ? "delete the <<<<<<< line, the ||||||| line and the original lines under it, the ======= and >>>>>>> lines"
            : "delete the <<<<<<<, ======= and >>>>>>> lines"
        if isInTranslationsRecord {
            return """
                unresolved merge conflict in the translations record: keep what both sides added (one line per \
                language; of two sign-offs of one text, the later), \(markers) and check again
                """
        }
        return """
            unresolved merge conflict: choose one of the two versions (or combine them by hand), \(markers) and \
            check again
            """
    }

    /// The conflicts in `bytes` (a file's UTF-8 text), in file order.
    ///
    /// A conflict starts at a line beginning `<<<<<<<` and runs to the next `>>>>>>>` line (or
    /// the end of the file). It is in the translations record when `recordKey` is given, the
    /// last top-level key above it is that key, and none of its lines is itself top-level.
    static func all(in bytes: some Collection<UInt8>, recordKey: String? = nil) -> [MergeConflict] {
        var conflicts: [MergeConflict] = []
        var open: MergeConflict?
        var inRecord = false  // whether the last top-level line above is `recordKey:`
        for (index, line) in bytes.split(separator: newline, omittingEmptySubsequences: false).enumerated() {
            switch Marker(line) {
            case .start:
                if let open { conflicts.append(open) }
                open = MergeConflict(line: index + 1, hasBase: false, isInTranslationsRecord: inRecord)
            case .base:
                open?.hasBase = true
            case .end:
                if let open { conflicts.append(open) }
                open = nil
            case .separator:
                continue
            case .none:
                guard let recordKey, let first = line.first, isTopLevel(first) else { continue }
                inRecord = line.starts(with: Array(recordKey.utf8) + [UInt8(ascii: ":")])
                open?.isInTranslationsRecord = false
            }
        }
        if let open { conflicts.append(open) }
        return conflicts
    }

    /// The first conflict in `bytes`, if any (see ``all(in:recordKey:)``).
    static func first(in bytes: some Collection<UInt8>) -> MergeConflict? {
        all(in: bytes).first
    }

    private static let newline = UInt8(ascii: "\n")

    /// Whether a line starting with `byte` is at the top level of a YAML file: not indented,
    /// blank or a comment.
    private static func isTopLevel(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "#")
            && byte != UInt8(ascii: "\r")
    }

    /// The marker lines git writes: seven characters, then a space and a label or the line's end.
    private enum Marker {
        case start, base, separator, end

        init?(_ line: some Collection<UInt8>) {
            guard line.count >= 7, let first = line.first else { return nil }
            let kind: Marker
            switch first {
            case UInt8(ascii: "<"): kind = .start
            case UInt8(ascii: "|"): kind = .base
            case UInt8(ascii: "="): kind = .separator
            case UInt8(ascii: ">"): kind = .end
            default: return nil
            }
            guard line.prefix(7).allSatisfy({ $0 == first }) else { return nil }
            let rest = line.dropFirst(7)
            guard let next = rest.first else {
                self = kind
                return
            }
            // `=======` stands alone; the others may carry a label after a space.
            let ends = next == UInt8(ascii: "\r") && rest.count == 1
            guard ends || (kind != .separator && next == UInt8(ascii: " ")) else { return nil }
            self = kind
        }
    }
}
