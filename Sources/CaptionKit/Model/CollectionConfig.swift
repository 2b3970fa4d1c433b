import Foundation

/// The configuration of a caption collection, read from `captions.yml`.
///
/// Every key is optional; ``CollectionConfig/default`` holds the defaults (kk, ru, en with ru as
/// the source; title and text required, credit optional).
public struct CollectionConfig: Sendable, Hashable {
    /// One configured caption field.
    public struct FieldSpec: Sendable, Hashable {
        /// The field name, e.g. `title`.
        public var name: String
        /// Whether every exhibit must have the field.
        public var required: Bool
        /// The panel's character budget (grapheme clusters), if any.
        var maxChars: Int?
        /// The field's mapping as written, for feature options (e.g. `max-words`, signage width).
        var node: LocatedNode?

        /// Creates a field spec.
        init(name: String, required: Bool, maxChars: Int?, node: LocatedNode? = nil) {
            self.name = name
            self.required = required
            self.maxChars = maxChars
            self.node = node
        }
    }

    /// A check's entry under `checks:`.
    struct CheckSetting: Sendable, Hashable {
        /// The configured severity, or `nil` to keep the check's default.
        var severity: SeveritySetting?
        /// The entry as written (a severity word, or a mapping with `severity` and options).
        var node: LocatedNode
        /// Where the check id is written.
        var location: SourceLocation

    }

    /// The caption languages; every caption needs all of them. Also their order on signs.
    public var languages: [String] { didSet { compiledGlossary = CompiledGlossary() } }
    /// The language translations are made from.
    public var source: String
    /// The caption fields in order.
    public var fields: [FieldSpec]
    /// Per-check settings by check id.
    var checks: [String: CheckSetting]
    /// Other top-level sections (e.g. `signage:`), for the features that read them.
    var sections: [String: LocatedNode]
    /// The configuration file's path, or `nil` when the defaults are in use.
    var path: String?
    /// The terminology from `glossary.yml` beside `captions.yml` (empty when there is none).
    var glossary: Glossary = .empty { didSet { compiledGlossary = CompiledGlossary() } }
    /// ``terminology``, once compiled: shared by the copies of this configuration, replaced when
    /// ``glossary`` or ``languages`` changes.
    private var compiledGlossary = CompiledGlossary()

    /// Creates a configuration.
    init(
        languages: [String], source: String, fields: [FieldSpec],
        checks: [String: CheckSetting] = [:], sections: [String: LocatedNode] = [:], path: String? = nil
    ) {
        self.languages = languages
        self.source = source
        self.fields = fields
        self.checks = checks
        self.sections = sections
        self.path = path
    }

    /// The defaults used when `captions.yml` is absent or leaves a key out.
    static let `default` = CollectionConfig(
        languages: ["kk", "ru", "en"],
        source: "ru",
        fields: [
            FieldSpec(name: "title", required: true, maxChars: 80),
            FieldSpec(name: "text", required: true, maxChars: 900),
            FieldSpec(name: "credit", required: false, maxChars: 160),
        ]
    )

    /// The top-level keys `captions.yml` may have. Features that read a section add its name here.
    static let knownSections: [String] = ["languages", "source", "fields", "checks", "signage", "panels"]

    /// The keys a field entry may have. Features that read a per-field option add it here.
    static let knownFieldKeys: [String] = [
        "required", "max-chars", "max-words", "signage-width", "panel", "max-sentence-words",
    ]

    /// ``glossary`` compiled for matching in ``languages``, or `nil` when it has no terms;
    /// compiled the first time it is asked for, then shared by this configuration's copies: a
    /// run's checks, its summary and the editor's live checks (one per draft) each compiled it
    /// again, some 75 million instructions for 2,000 entries.
    var terminology: Terminology? {
        compiledGlossary.terminology {
            guard !glossary.entries.isEmpty else { return nil }
            let terminology = Terminology(glossary, languages: languages)
            return terminology.isEmpty ? nil : terminology
        }
    }

    /// The languages translations are made into: ``languages`` without ``source``.
    public var targetLanguages: [String] { languages.filter { $0 != source } }

    /// The spec of the field named `name`, or `nil` when it is not configured.
    public func field(_ name: String) -> FieldSpec? {
        fields.first { $0.name == name }
    }

    /// The severity `checks:` gives a check that is on by default (its default severity when
    /// `checks:` does not name it), or `nil` when it turns the check off. `--require` is not applied.
    func severity(of check: CheckDescription) -> Severity? {
        guard let setting = checks[check.id]?.severity else { return check.defaultSeverity }
        return setting.severity
    }

    /// Whether a field named `name` is configured: `field(name) != nil`, without copying its spec.
    func hasField(_ name: String) -> Bool {
        fields.contains { $0.name == name }
    }

    /// The collection's own spelling of a language tag a command was given (`--lang`, `--to`):
    /// BCP 47 tags do not depend on case, so `KK` names `kk` and `kk-latn` names `kk-Latn`. A tag
    /// that names none of the languages is kept as given, for the command's error. The editor
    /// reads the language tags of its addresses (`?lang=kk-latn`) with it too.
    public func spelledAsConfigured(_ tag: String) -> String {
        languages.contains(tag) ? tag : languages.first { $0.lowercased() == tag.lowercased() } ?? tag
    }

    /// "`what` is not a language of this collection (kk, ru, en)", with a "did you mean" when a
    /// language is close to `tag` (`kz`, `rus`), `what` naming where the tag was written.
    func notALanguage(_ what: String, tag: String) -> String {
        let hint = Suggestion.didYouMean(tag, in: languages)
        return "\(what) is not a language of this collection (\(languages.joined(separator: ", ")))\(hint)"
    }

    /// "`--field NAME` is not a field of this collection (title, text, credit)", with a "did you
    /// mean" when a field is close to `name` (`titel`).
    func notAField(_ name: String) -> String {
        let names = fields.map(\.name)
        let hint = Suggestion.didYouMean(name, in: names)
        return "--field \(name) is not a field of this collection (\(names.joined(separator: ", ")))\(hint)"
    }
}

/// The compiled glossary of a ``CollectionConfig`` (its ``CollectionConfig/terminology``), made
/// once under a lock by the first task that asks. A cache: it takes no part in comparing
/// configurations (every one equals every other).
private final class CompiledGlossary: Hashable, @unchecked Sendable {
    private let lock = NSLock()
    /// `nil` until compiled; then the terminology, `nil` inside when the glossary has no terms.
    private var compiled: Terminology??

    /// The terminology `compile` makes, made on the first call only.
    func terminology(_ compile: () -> Terminology?) -> Terminology? {
        lock.withLock {
            if let compiled { return compiled }
            let terminology = compile()
            compiled = .some(terminology)
            return terminology
        }
    }

    static func == (lhs: CompiledGlossary, rhs: CompiledGlossary) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
