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
    struct Text: Sendable {
        var field: String
        var language: String
        /// The text as typed: a label takes the typeset text only for this very text.
        var text: String
        var typeset: TypesetText
        var panelBreaks: PanelBreaks?
    }

    /// The kept texts by exhibit path.
    private var textsByPath: [String: [Text]] = [:]
    private let lock = NSLock()

    init() {}

    /// Keeps `texts`, typeset in the exhibit at `path`, for its label.
    func keep(_ texts: [Text], path: String) {
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
        return (kept.typeset, kept.panelBreaks)
    }
}
