import Foundation

/// The texts one signage export has typeset and broken into lines already, by exhibit:
/// `overflows-panel` keeps each text it typesets and breaks on its panel to measure it
/// (``OverflowsPanelCheck``), and the export's labels take them instead of typesetting them
/// again (``SignageLabel``), and are laid out by their breaks (``SignageLayout``). `captions
/// check` keeps none.
///
/// The check runs on all cores, so keeping and taking are behind a lock (once per exhibit).
final class TypesetMemo: @unchecked Sendable {
    /// One typeset text: which field and language of an exhibit, the text as typed, the
    /// ``Typography`` result, and where it breaks on the field's panel (`nil` when a word is
    /// wider than the panel: the export's layout warns about it).
    ///
    /// The typeset text is kept as its edits of the text as typed (``TypesetEdits``), with
    /// the breaks, in one array: a few hundred bytes where the text itself takes thousands.
    struct Text: Sendable {
        var field: String
        var language: String
        /// The text as typed: a label takes the typeset text only for this very text.
        var text: String
        /// A byte of flags (``isSimpleFlag``, ``hasBreaksFlag``), the typeset text's length in
        /// bytes, the number of breaks and each break's distance from the one before when it
        /// has breaks (unsigned LEB128), then the edits that make the typeset text from `text`.
        private var kept: [UInt8]

        private static let isSimpleFlag: UInt8 = 1
        private static let hasBreaksFlag: UInt8 = 2

        init(field: String, language: String, text: String, typeset: TypesetText, panelBreaks: PanelBreaks?) {
            self.field = field
            self.language = language
            self.text = text
            var kept: [UInt8] = []
            // Typically a tenth of the text or less; the array is trimmed at the end.
            kept.reserveCapacity(64 + typeset.utf8.count / 4)
            kept.append((typeset.isSimple ? Self.isSimpleFlag : 0) | (panelBreaks == nil ? 0 : Self.hasBreaksFlag))
            TypesetEdits.appendNumber(typeset.utf8.count, to: &kept)
            if let wrappedWords = panelBreaks?.wrappedWords {
                TypesetEdits.appendNumber(wrappedWords.count, to: &kept)
                var previous = 0
                for word in wrappedWords {
                    TypesetEdits.appendNumber(word - previous, to: &kept)
                    previous = word
                }
            }
            var typed = text
            typed.withUTF8 { source in
                typeset.utf8.withUnsafeBufferPointer { TypesetEdits.encode($0, from: source, into: &kept) }
            }
            self.kept = kept.withUnsafeBufferPointer { Array($0) }
        }

        /// The typeset text and its breaks, made again from what is kept.
        var restored: (typeset: TypesetText, panelBreaks: PanelBreaks?) {
            var typed = text
            return kept.withUnsafeBufferPointer { kept in
                var position = 1
                let count = TypesetEdits.readNumber(kept, at: &position)
                var breaks: PanelBreaks?
                if kept[0] & Self.hasBreaksFlag != 0 {
                    let breakCount = TypesetEdits.readNumber(kept, at: &position)
                    var wrappedWords: [Int] = []
                    wrappedWords.reserveCapacity(breakCount)
                    var previous = 0
                    for _ in 0..<breakCount {
                        previous += TypesetEdits.readNumber(kept, at: &position)
                        wrappedWords.append(previous)
                    }
                    breaks = PanelBreaks(wrappedWords: wrappedWords)
                }
                let utf8 = typed.withUTF8 { TypesetEdits.decode(kept, from: position, source: $0, count: count) }
                return (TypesetText(utf8: utf8, isSimple: kept[0] & Self.isSimpleFlag != 0), breaks)
            }
        }

        /// The typeset text.
        var typeset: TypesetText { restored.typeset }
        /// Where it breaks on the field's panel.
        var panelBreaks: PanelBreaks? { restored.panelBreaks }
    }

    /// The kept texts by exhibit path.
    private var textsByPath: [String: [Text]] = [:]
    private let lock = NSLock()
    /// The exhibits whose texts are kept (those a label may be made of); all when `nil`.
    private let keptPaths: Set<String>?

    /// A memo for the texts of the exhibits at `paths` (all when `nil`).
    init(keepingOnly paths: Set<String>? = nil) {
        keptPaths = paths
    }

    /// Whether the texts of the exhibit at `path` are kept.
    func keeps(path: String) -> Bool {
        keptPaths?.contains(path) ?? true
    }

    /// Keeps `texts`, typeset in the exhibit at `path`, for its label (when ``keeps(path:)``).
    func keep(_ texts: [Text], path: String) {
        guard keeps(path: path) else { return }
        lock.lock()
        textsByPath[path, default: []] += texts
        lock.unlock()
    }

    /// The texts kept for the exhibit at `path`, removed from the memo (a label takes them once).
    func take(path: String) -> [Text] {
        lock.lock()
        defer { lock.unlock() }
        return textsByPath.removeValue(forKey: path) ?? []
    }
}

extension [TypesetMemo.Text] {
    /// `text` in `language`, the field `field`'s, typeset, and where it breaks on the field's
    /// panel: the kept result when it is here, else ``Typography/typeset(_:language:)`` and no
    /// breaks.
    func typeset(_ text: String, language: String, field: String) -> (
        typeset: TypesetText, panelBreaks: PanelBreaks?
    ) {
        guard let kept = first(where: { $0.field == field && $0.language == language && $0.text == text }) else {
            return (Typography.typeset(text, language: language), nil)
        }
        return kept.restored
    }
}
