/// A translator's XLIFF file as `captions import` reads it: files, and units with the text of
/// their source and target.
struct XLIFFDocument: Sendable, Equatable {
    /// One `<file>` element.
    struct File: Sendable, Equatable {
        /// `source-language` (1.2) or `srcLang` (2.x).
        var sourceLanguage: String
        /// `target-language` (1.2) or `trgLang` (2.x); for a 1.2 `<file>` without
        /// `target-language`, the `xml:lang` its targets name.
        var targetLanguage: String
        /// Where the `<file>` element starts.
        var location: SourceLocation
        /// Where the languages are written: the `<file>` (1.2; without `target-language`, the
        /// first `<target>` naming its language) or the `<xliff>` root (2.x).
        var languagesLocation: SourceLocation
        /// The translation units in document order.
        var units: [Unit]
    }

    /// One `<trans-unit>` (1.2) or `<unit>` (2.x).
    struct Unit: Sendable, Equatable {
        /// The unit id, e.g. `stalin-wagon.title`.
        var id: String
        /// The source text (2.x: every segment's and ignorable's source, in order).
        var source: String
        /// The target text, or `nil` when the unit has none (2.x: when a segment lacks one).
        var target: String?
        /// Where the unit element starts.
        var location: SourceLocation
        /// Where the `<target>` element starts, when there is one.
        var targetLocation: SourceLocation?
        /// An inline code that `captions` cannot turn into caption text (`<x/>`, `<ph>`...), or a
        /// `<cp/>` that is no character or one no caption may hold: its element name, position and
        /// (for a `<cp/>`) why; or a target with a control character (a character reference such
        /// as `&#x7F;`): no name, the `<target>`'s position and why. Such a unit is refused.
        var unsupportedMarkup: (name: String, location: SourceLocation, reason: String?)?
        /// What the translation tool says of the target (see ``XLIFFStateTable``), when it says
        /// anything: `captions import --trust-states` records reviews by it, and the import reads
        /// a `--prefill-target` copy returned as it was as confirmed by it.
        var state: XLIFFUnitState?
        /// The highest of the unit's states that says reviewed or final, when one does: beside a
        /// lower state (memoQ's `Reviewer1Confirmed` on a target whose tool kept the export's
        /// `state="translated"`) the lower one is ``state``, and `--trust-states` names the unit.
        var reviewedState: XLIFFUnitState?
        /// The `<target state>` of a 1.2 unit whose tool marks it as still needing work: an
        /// explicit `approved="no"` with a state such as `needs-translation` (Weblate's "Needs
        /// editing", Translate Toolkit's `markfuzzy`). Such a draft is not imported.
        var markedUnfinished: String?
        /// An XLIFF 2 `<target order>` that is not a number from 1 to the unit's count of
        /// segments and ignorables, or that puts two targets at one position: the message and
        /// where. Such a unit is refused.
        var invalidOrder: (message: String, location: SourceLocation)?
        /// Whether layout whitespace (a line break and indentation) was dropped from the ends of
        /// a target whose `xml:space` is not `preserve` (see
        /// ``XLIFFReader/dropLayoutWhitespace(_:source:)``).
        var droppedWhitespace = false
        /// The fingerprint of the target as `captions` exported it (``ExportedTarget``), when the
        /// file still carries it.
        var exportedTarget: String?
        /// The target language the unit was exported for (``ExportedTarget``), when the file
        /// carries it (exports before it was added do not).
        var exportedLanguage: String?
        /// Whether the export put the source into the target (`--prefill-target`), as the unit's
        /// mark says (``ExportedTarget``); `nil` when the file does not say (exports before it
        /// was added, other tools' files).
        var exportedPrefilled: Bool?
        /// The `xml:lang` values of the unit's `<target>` elements (each once, where it is first
        /// written), when they have one.
        var targetLanguageTags: [(tag: String, location: SourceLocation)] = []
        /// The `xml:lang` values of the unit's `<source>` elements, as of its `<target>` elements.
        var sourceLanguageTags: [(tag: String, location: SourceLocation)] = []
        /// The unit's notes that `captions export` did not write (a translator's question or
        /// remark), in document order: the import names each one.
        var translatorNotes: [TranslatorNote] = []
        /// The unit read without the layout of a pretty-printer around its source, when the
        /// source does not keep its whitespace and has some: the import uses it when this
        /// source is the caption's.
        var withoutLayout: WithoutLayout?

        /// A `<note>` of the unit that `captions` did not write, and where it starts.
        struct TranslatorNote: Sendable, Equatable {
            var text: String
            var location: SourceLocation
        }

        /// A unit's texts without the layout around its source and target.
        struct WithoutLayout: Sendable, Equatable {
            /// The source's UTF-8.
            var source: [UInt8]
            /// The target's UTF-8, when the unit has a target.
            var target: [UInt8]?
            /// Whether layout was dropped from the target too.
            var droppedTarget: Bool
        }

        static func == (lhs: Unit, rhs: Unit) -> Bool {
            lhs.id == rhs.id && lhs.source == rhs.source && lhs.target == rhs.target && lhs.location == rhs.location
                && lhs.targetLocation == rhs.targetLocation && lhs.state == rhs.state
                && lhs.reviewedState == rhs.reviewedState
                && lhs.markedUnfinished == rhs.markedUnfinished
                && lhs.unsupportedMarkup?.name == rhs.unsupportedMarkup?.name
                && lhs.unsupportedMarkup?.location == rhs.unsupportedMarkup?.location
                && lhs.unsupportedMarkup?.reason == rhs.unsupportedMarkup?.reason
                && lhs.invalidOrder?.message == rhs.invalidOrder?.message
                && lhs.invalidOrder?.location == rhs.invalidOrder?.location
                && lhs.droppedWhitespace == rhs.droppedWhitespace && lhs.exportedTarget == rhs.exportedTarget
                && lhs.exportedLanguage == rhs.exportedLanguage && lhs.exportedPrefilled == rhs.exportedPrefilled
                && lhs.targetLanguageTags.map(\.tag) == rhs.targetLanguageTags.map(\.tag)
                && lhs.targetLanguageTags.map(\.location) == rhs.targetLanguageTags.map(\.location)
                && lhs.sourceLanguageTags.map(\.tag) == rhs.sourceLanguageTags.map(\.tag)
                && lhs.sourceLanguageTags.map(\.location) == rhs.sourceLanguageTags.map(\.location)
                && lhs.withoutLayout == rhs.withoutLayout && lhs.translatorNotes == rhs.translatorNotes
        }
    }

    /// The file path as the user named it.
    var path: String
    /// The root's `version` attribute, e.g. `1.2` or `2.1`.
    var version: String
    /// The `<file>` elements.
    var files: [File]
}
