/// A draft saved over a caption file that changed since its page was rendered, text by text:
/// the texts the curator changed, the texts the file changed, and those both changed differently.
///
/// The page carries the texts it showed (`_base.<field>.<lang>`), so a text the curator left as
/// it was is never written back over someone else's change to it, and a file that changed only
/// in other texts (a colleague's edit, a review line) takes the draft without a conflict.
struct DraftMerge: Sendable {
    /// Whether and by whom one text was changed since the page showed it.
    enum Change: Sendable, Equatable {
        /// Changed in neither.
        case unchanged
        /// Changed in the draft only.
        case mine
        /// Changed in the file only.
        case theirs
        /// Changed in both, to the same text.
        case bothSame
        /// Changed in both, differently: a real conflict.
        case both
    }

    /// The draft's texts that differ from what the page showed: what a save writes.
    let changed: ExhibitTexts
    /// The change of each text in the draft, by field and language.
    let changes: [String: [String: Change]]
    /// Whether the draft and the file changed no text in different ways, and the file changed no
    /// source whose translation the draft changed: a save records a translation as made from the
    /// source in the file, which the curator has not seen then.
    let isClean: Bool

    /// The source each translation the draft changed (alone, or as the file did) was written
    /// beside, where the file's source changed since and the draft's did not (field → translation's language → the source the page
    /// showed): a save over the file records the translation as made from it, so it is stale
    /// until someone checks it against the source the file has now.
    let translatedFrom: ExhibitTexts

    /// Whether the file changed a text the draft left alone (the save keeps that change).
    var fileChangedOthers: Bool { changes.values.contains { $0.values.contains(.theirs) } }
    /// Whether the file already has some of the draft's changes (saved from another page).
    var fileHasSame: Bool { changes.values.contains { $0.values.contains(.bothSame) } }

    /// Compares `draft` and `current` (the file now) with `base` (what the page showed), in a
    /// collection whose source language is `source`. A text missing from `base` or `current` is
    /// empty there.
    init(draft: ExhibitTexts, base: ExhibitTexts, current: ExhibitTexts, source: String) {
        var changed: ExhibitTexts = [:]
        var changes: [String: [String: Change]] = [:]
        for (field, languages) in draft {
            for (language, mine) in languages {
                let shown = base[field]?[language] ?? ""
                let theirs = current[field]?[language] ?? ""
                let change: Change =
                    switch (mine != shown, theirs != shown) {
                    case (false, false): .unchanged
                    case (true, false): .mine
                    case (false, true): .theirs
                    case (true, true): mine == theirs ? .bothSame : .both
                    }
                if mine != shown { changed[field, default: [:]][language] = mine }
                changes[field, default: [:]][language] = change
            }
        }
        self.changed = changed
        self.changes = changes
        var translatedFrom: ExhibitTexts = [:]
        for (field, languages) in changes where languages[source] == .theirs {
            for (language, change) in languages where language != source && (change == .mine || change == .both) {
                translatedFrom[field, default: [:]][language] = base[field]?[source] ?? ""
            }
        }
        self.translatedFrom = translatedFrom
        isClean = changes.allSatisfy { field, languages in
            languages.allSatisfy { language, change in
                switch change {
                case .both: return false
                case .mine where language != source:
                    // The source the curator translated from is not the one in the file any more.
                    return current[field]?[source] ?? "" == base[field]?[source] ?? ""
                default: return true
                }
            }
        }
    }
}
