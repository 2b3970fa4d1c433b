/// The `signage:` section of `captions.yml` and the per-field `signage-width` options.
///
/// ```yaml
/// signage: { width: 48, require: reviewed }
/// fields:
///   title: { required: true, max-chars: 80, signage-width: 32 }
/// ```
struct SignageSettings: Sendable, Hashable {
    /// The line width of text files in grapheme clusters, for fields without their own width.
    var width: Int
    /// Per-field widths (`signage-width`), by field name.
    var fieldWidths: [String: Int]
    /// The level every text must reach to go on a sign (`require:`; see ``SignageGate``).
    var required: SignOffLevel = .translated

    /// The width used when `captions.yml` sets none.
    static let defaultWidth = 48

    /// The keys the `signage:` section may have.
    static let knownKeys = ["width", "require"]

    /// Creates settings.
    init(width: Int = SignageSettings.defaultWidth, fieldWidths: [String: Int] = [:]) {
        self.width = width
        self.fieldWidths = fieldWidths
    }

    /// Reads the settings from a loaded configuration.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` at the offending key or value: an unknown
    ///   key (with a "did you mean"), a section that is not a mapping, a width that is not a
    ///   whole number from 1 to 1000.
    init(config: CollectionConfig) throws(CaptionError) {
        self.init()
        if let section = config.sections["signage"], section.scalar != "" {
            guard let pairs = section.pairs else {
                throw .invalidConfig(section.location, "signage must be a mapping such as '{ width: 48 }'")
            }
            for pair in pairs {
                let key = try ConfigParser.name(of: pair.key, in: "signage")
                switch key {
                case "width": width = try Self.width(pair.value, what: "signage width")
                case "require":
                    guard let value = pair.value.scalar, let level = SignOffLevel(rawValue: value) else {
                        throw .invalidConfig(
                            pair.value.location, "signage require must be translated, reviewed or approved")
                    }
                    required = level
                default:
                    throw .invalidConfig(
                        pair.key.location, ConfigParser.unknown("signage setting", key, Self.knownKeys))
                }
            }
        }
        for field in config.fields {
            if let node = field.node?["signage-width"] {
                fieldWidths[field.name] = try Self.width(node, what: "signage-width of \(field.name)")
            }
        }
    }

    /// The line width for `field`.
    func width(for field: String) -> Int {
        fieldWidths[field] ?? width
    }

    private static func width(_ node: LocatedNode, what: String) throws(CaptionError) -> Int {
        let value = try ConfigParser.positiveInt(node, what: what)
        guard value <= 1000 else { throw .invalidConfig(node.location, "\(what) must be at most 1000 characters") }
        return value
    }
}
