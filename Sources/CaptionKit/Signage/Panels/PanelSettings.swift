/// The `panels:` section of `captions.yml` and the fields' `panel:` options: the printed panel
/// each field is set on.
///
/// ```yaml
/// panels:
///   object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
/// fields:
///   text: { required: true, max-chars: 900, panel: object }
/// ```
struct PanelSettings: Sendable, Hashable {
    /// One panel profile.
    struct Profile: Sendable, Hashable {
        /// The profile's name, e.g. `object`.
        var name: String
        /// The typeface as written: a family (`PT Sans`, `PT Sans:Bold`) or a font file path
        /// relative to the collection folder.
        var font: String
        /// Where the `font:` value is written.
        var fontLocation: SourceLocation
        /// The type size in points.
        var sizePt: Double
        /// The distance between baselines in points.
        var leadingPt: Double
        /// The width of the text on the panel in millimetres.
        var widthMM: Double
        /// The most lines the panel holds.
        var maxLines: Int

        /// Whether ``font`` names a file (it has a `/` or ends in a font file extension)
        /// rather than a family.
        var fontIsFile: Bool {
            let lower = font.lowercased()
            return font.contains("/") || [".ttf", ".otf", ".ttc", ".otc"].contains { lower.hasSuffix($0) }
        }

        /// The family and style of a family ``font``: `PT Sans:Bold` or `PT Sans:style=Bold`
        /// is the family `PT Sans` in the style `Bold`; `PT Sans:Bold:Italic`, as fontconfig
        /// writes weight and slant apart, is the style `Bold Italic`.
        var familyAndStyle: (family: String, style: String?) {
            guard let colon = font.firstIndex(of: ":") else { return (font, nil) }
            var style = font[font.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if style.hasPrefix("style=") { style.removeFirst("style=".count) }
            style = style.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: " ")
            return (font[..<colon].trimmingCharacters(in: .whitespaces), style.isEmpty ? nil : style)
        }
    }

    /// The profiles by name.
    var profiles: [String: Profile] = [:]
    /// The profile name of each field that has one, by field name.
    var fieldPanels: [String: String] = [:]

    /// The keys a profile has, all of them required.
    static let knownKeys = ["font", "size-pt", "leading-pt", "width-mm", "max-lines"]

    /// The keys a profile may have besides ``knownKeys``: word limits its fields inherit, read by
    /// ``WordLimits``.
    static let optionalKeys = ["max-words", "max-sentence-words"]

    /// No panels.
    init() {}

    /// Reads the panels and the fields' `panel:` options from a loaded configuration.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` at the offending key or value: a section
    ///   or profile that is not a mapping, an unknown key (with a "did you mean"), a missing
    ///   key, a value out of range, a field naming a panel that is not configured.
    init(config: CollectionConfig) throws(CaptionError) {
        if let section = config.sections["panels"], section.scalar != "" {
            guard let pairs = section.pairs else {
                throw .invalidConfig(
                    section.location,
                    "panels must be a mapping such as 'object: { font: PT Sans, size-pt: 24, leading-pt: 30, "
                        + "width-mm: 300, max-lines: 12 }'")
            }
            for pair in pairs {
                let name = try ConfigParser.name(of: pair.key, in: "panels")
                guard profiles[name] == nil else {
                    throw .invalidConfig(pair.key.location, "panel '\(name)' is listed twice")
                }
                profiles[name] = try Self.profile(name, pair.value, at: pair.key.location)
            }
        }
        for field in config.fields {
            guard let node = field.node?["panel"] else { continue }
            let name = try ConfigParser.scalar(node, what: "panel of field '\(field.name)'")
            guard profiles[name] != nil else {
                let known = profiles.keys.sorted()
                let hint = Suggestion.didYouMean(name, in: known)
                let list =
                    known.isEmpty ? "no panels are configured" : "the panels are \(known.joined(separator: ", "))"
                throw .invalidConfig(node.location, "field '\(field.name)' names panel '\(name)', but \(list)\(hint)")
            }
            fieldPanels[field.name] = name
        }
    }

    /// The profile of `field`, or `nil` when it has none.
    func profile(for field: String) -> Profile? {
        fieldPanels[field].flatMap { profiles[$0] }
    }

    /// Reads the panels so that a bad one stops the run with its position.
    ///
    /// - Throws: ``CaptionError/invalidConfig(_:_:)`` for the first problem.
    static func validate(_ config: CollectionConfig) throws(CaptionError) {
        _ = try PanelSettings(config: config)
    }

    private static func profile(_ name: String, _ node: LocatedNode, at location: SourceLocation) throws(CaptionError)
        -> Profile
    {
        guard let pairs = node.pairs else {
            throw .invalidConfig(
                node.location,
                "panel '\(name)' must be a mapping such as '{ font: PT Sans, size-pt: 24, leading-pt: 30, "
                    + "width-mm: 300, max-lines: 12 }'")
        }
        var values: [String: LocatedNode] = [:]
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            let key = try ConfigParser.name(of: pair.key, in: "panel '\(name)'")
            guard knownKeys.contains(key) || optionalKeys.contains(key) else {
                throw .invalidConfig(
                    pair.key.location, ConfigParser.unknown("panel setting", key, knownKeys + optionalKeys))
            }
            try ConfigParser.refuseDuplicate(key, at: pair.key.location, seen: &seen)
            values[key] = pair.value
        }
        for key in knownKeys where values[key] == nil {
            throw .invalidConfig(
                location, "panel '\(name)' needs \(key) (every panel sets \(knownKeys.joined(separator: ", ")))")
        }
        let fontNode = values["font"]!
        let font = try ConfigParser.scalar(fontNode, what: "font of panel '\(name)'")
        guard !font.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidConfig(fontNode.location, "font of panel '\(name)' must name a font family or a font file")
        }
        return Profile(
            name: name, font: font, fontLocation: fontNode.location,
            sizePt: try measure(values, "size-pt", of: name, example: 24, at: 1...1000),
            leadingPt: try measure(values, "leading-pt", of: name, example: 30, at: 1...2000),
            widthMM: try measure(values, "width-mm", of: name, example: 300, at: 1...10000),
            maxLines: try lineCount(values["max-lines"]!, "max-lines of panel '\(name)'"))
    }

    /// The value of `key` (`size-pt`, `leading-pt`, `width-mm`: in the unit its name ends with)
    /// of panel `name`, a number in `range`.
    private static func measure(
        _ values: [String: LocatedNode], _ key: String, of name: String, example: Int, at range: ClosedRange<Double>
    ) throws(CaptionError) -> Double {
        let node = values[key]!
        let what = "\(key) of panel '\(name)'"
        let (unit, symbol) = key.hasSuffix("-mm") ? ("millimetres", "mm") : ("points", "pt")
        guard let text = node.scalar, let value = Double(text), value.isFinite else {
            throw .invalidConfig(
                node.location,
                notANumber(node.scalar, key: key, what: what, unit: unit, symbol: symbol, example: example))
        }
        guard range.contains(value) else {
            throw .invalidConfig(
                node.location,
                "\(what) must be from \(PanelFit.number(range.lowerBound)) to \(PanelFit.number(range.upperBound)) \(unit)"
            )
        }
        return value
    }

    /// Why `text`, the value of a measure, is not read: a number written with the key's own unit
    /// (`125mm`, `24 pt`) is shown without it (`width-mm: 125`); anything else is asked for as a
    /// number in that unit, shown with `example`.
    private static func notANumber(
        _ text: String?, key: String, what: String, unit: String, symbol: String, example: Int
    ) -> String {
        let written = (text ?? "").trimmingCharacters(in: .whitespaces)
        let number = written.prefix { ("0"..."9").contains($0) || $0 == "." }
        let rest = written.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
        if let value = Double(number), value.isFinite, rest == symbol || rest == symbol + "s" {
            return "\(what) is in \(unit) and is written without a unit (\(key): \(number))"
        }
        return "\(what) must be a number of \(unit), written without a unit (such as \(key): \(example))"
    }

    private static func lineCount(_ node: LocatedNode, _ what: String) throws(CaptionError) -> Int {
        let value = try ConfigParser.positiveInt(node, what: what)
        guard value <= 1000 else { throw .invalidConfig(node.location, "\(what) must be at most 1000 lines") }
        return value
    }
}
