import Foundation

/// A panel with its font loaded: the line width in font units and a ``FontMeasure`` per
/// language.
struct MeasuredPanel: Sendable {
    /// The profile from `captions.yml`.
    var profile: PanelSettings.Profile
    /// The font the text is measured with.
    var font: ShapingFont
    /// The panel width in font units at the profile's size (rounded down).
    var lineWidth: Int
    /// The width function for each language.
    var measures: [String: FontMeasure]

    /// The width function for text in `language`.
    func measure(for language: String) -> FontMeasure {
        measures[language] ?? FontMeasure(font: font, language: language)
    }

    /// `units` font units at the profile's size, in millimetres.
    func millimetres(_ units: Int) -> Double {
        Double(units) * profile.sizePt / Double(font.unitsPerEm) / 72 * 25.4
    }

    /// The panel width in font units: millimetres to points (72 to the inch of 25.4 mm), then
    /// to ems of the type size, then to font units.
    static func lineWidth(of profile: PanelSettings.Profile, unitsPerEm: Int) -> Int {
        Int((profile.widthMM / 25.4 * 72 / profile.sizePt * Double(unitsPerEm)).rounded(.down))
    }
}

/// The panels of a collection with their fonts found and loaded: what `overflows-panel` and
/// `export signage` measure with.
///
/// A panel whose font is missing (a family fontconfig would substitute, or a file that is not
/// a readable font) is left out, and one ``Problem`` per distinct `font:` value says so; its
/// fields keep their character limits in `captions check`, and the signage export holds their
/// labels back or prints them unmeasured (``SignageGate``).
struct PanelFonts: Sendable {
    /// A panel font that could not be used, located at its `font:` value.
    struct Problem: Error, Sendable, Hashable {
        var location: SourceLocation
        /// What is wrong, e.g. `panel 'object': font file 'x.ttf' is not there (…)`.
        var fault: String

        /// What `panel-font-missing` says: the fault, and that the fields on the panel keep
        /// their character limits. The signage export says what becomes of its labels
        /// instead (``SignageGate/fontWarning(_:)``).
        var message: String { "\(fault); the character limits apply instead" }
    }

    /// The measured panel of each field that has one, by field name.
    var panels: [String: MeasuredPanel]
    /// The fonts that could not be used, in the order of the panels' names.
    var problems: [Problem]
    /// The fields set on a panel whose font could not be used, by field name: the panel's name
    /// and its font's problem. Nothing measures them; the signage export holds their labels back
    /// unless told to print them unmeasured.
    var unmeasured: [String: (panel: String, problem: Problem)] = [:]

    /// No panels.
    static let none = PanelFonts(panels: [:], problems: [])

    private init(
        panels: [String: MeasuredPanel], problems: [Problem],
        unmeasured: [String: (panel: String, problem: Problem)] = [:]
    ) {
        self.panels = panels
        self.problems = problems
        self.unmeasured = unmeasured
    }

    /// The panels of `config`; none when its `panels:` section is malformed (loading the
    /// configuration refuses such a section first, ``PanelSettings/validate(_:)``).
    init(config: CollectionConfig) {
        guard config.sections["panels"] != nil, let settings = try? PanelSettings(config: config) else {
            self = .none
            return
        }
        self.init(
            settings: settings, collectionFolder: config.path.map(ParentFolder.of) ?? "",
            languages: config.languages + [KazakhLatin.tag])
    }

    /// Finds and loads the fonts of `settings`' panels; font files are relative to
    /// `collectionFolder`; measures are made for `languages`.
    init(settings: PanelSettings, collectionFolder: String, languages: [String]) {
        var fonts: [String: Result<ShapingFont, Problem>] = [:]
        var problems: [Problem] = []
        for name in settings.profiles.keys.sorted() {
            let profile = settings.profiles[name]!
            guard fonts[profile.font] == nil else { continue }
            let loaded = Self.load(profile, collectionFolder: collectionFolder)
            fonts[profile.font] = loaded
            if case .failure(let problem) = loaded { problems.append(problem) }
        }
        var measures: [String: FontMeasure] = [:]
        var panels: [String: MeasuredPanel] = [:]
        var unmeasured: [String: (panel: String, problem: Problem)] = [:]
        for (field, name) in settings.fieldPanels {
            guard let profile = settings.profiles[name], let loaded = fonts[profile.font] else { continue }
            let font: ShapingFont
            switch loaded {
            case .success(let loaded): font = loaded
            case .failure(let problem):
                unmeasured[field] = (name, problem)
                continue
            }
            var byLanguage: [String: FontMeasure] = [:]
            for language in languages {
                let key = "\(font.faceIndex):\(language):\(font.path)"
                let measure = measures[key] ?? FontMeasure(font: font, language: language)
                measures[key] = measure
                byLanguage[language] = measure
            }
            panels[field] = MeasuredPanel(
                profile: profile, font: font,
                lineWidth: MeasuredPanel.lineWidth(of: profile, unitsPerEm: font.unitsPerEm), measures: byLanguage)
        }
        self.init(panels: panels, problems: problems, unmeasured: unmeasured)
    }

    /// The panel of `field`, when it has one whose font is loaded.
    func panel(for field: String) -> MeasuredPanel? {
        panels.isEmpty ? nil : panels[field]
    }

    private static func load(_ profile: PanelSettings.Profile, collectionFolder: String) -> Result<ShapingFont, Problem>
    {
        if profile.fontIsFile {
            let path =
                profile.font.hasPrefix("/") || collectionFolder.isEmpty
                ? profile.font : CollectionLoader.join(collectionFolder, profile.font)
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure(
                    Problem(
                        location: profile.fontLocation,
                        fault:
                            "panel '\(profile.name)': font file '\(profile.font)' is not there (\(path))"
                    ))
            }
            guard let font = ShapingFont.shared(path: path) else {
                return .failure(
                    Problem(
                        location: profile.fontLocation,
                        fault:
                            "panel '\(profile.name)': font file '\(profile.font)' cannot be read as a font"
                    ))
            }
            return .success(font)
        }
        let (family, style) = profile.familyAndStyle
        let match = FontResolver.match(family: family, style: style)
        if let match, match.isExact, let font = ShapingFont.shared(path: match.path, faceIndex: match.faceIndex) {
            return .success(font)
        }
        let instead = match.map { " (fontconfig would substitute \($0.family) \($0.style))" } ?? ""
        if let match, let style, match.family.caseInsensitiveCompare(family) == .orderedSame {
            // The family is installed, without the style: no package would help.
            let styles = FontResolver.styles(of: family)
            let installed = styles.isEmpty ? "" : "; its installed styles: " + styles.joined(separator: ", ")
            return .failure(
                Problem(
                    location: profile.fontLocation,
                    fault: """
                        panel '\(profile.name)': the font '\(family)' is installed, but not in the style '\(style)'\
                        \(instead)\(installed)
                        """))
        }
        let wanted = style.map { "'\(family)' in the style '\($0)'" } ?? "'\(family)'"
        let package = FontResolver.debianPackage(of: family).map { "; Debian installs it with \($0)" } ?? ""
        return .failure(
            Problem(
                location: profile.fontLocation,
                fault: "panel '\(profile.name)': the font \(wanted) is not installed\(instead)\(package)"
            ))
    }
}

/// How a text sits on its panel: the lines it takes when broken by ``LineBreaker`` with the
/// panel's width function, and what runs past the last line the panel holds.
struct PanelFit: Sendable, Hashable {
    /// The lines the text takes; the blank line between two paragraphs counts as one, as in
    /// the text files.
    var lines: Int
    /// The words (units the line breaker keeps together; a word broken at soft hyphens is one)
    /// with a piece on a line past the last one that fits.
    var overflowWords: Int
    /// The width of the widest word (unit), in the measure's units: wider than the line, it
    /// stands on a line of its own and runs past the panel's edge.
    var widestWord: Int
    /// Where the lines broke, when asked for (`recordingBreaks`) and the text has no soft
    /// hyphen (``SoftHyphens``).
    var breaks: PanelBreaks?

    /// Breaks `text` to `width` with `measure`, counting lines and the words past `maxLines`;
    /// with `recordingBreaks`, keeps where it broke them (``breaks``).
    init(_ text: TypesetText, width: Int, maxLines: Int, measure: some TextMeasure, recordingBreaks: Bool = false) {
        var lines = 0
        var overflowWords = 0
        var widestWord = 0
        var words = 0
        var wrappedWords: [Int] = []
        text.forEachLine { line, startsParagraph in
            if startsParagraph, lines > 0 { lines += 1 }
            var hasWord = false
            // The word last counted past the panel, where it is written: its other pieces are no words.
            var counted: Range<Int>?
            LineBreaker.breakLine(line, isSimple: text.isSimple, width: width, measure: measure) {
                _, before, wordWidth, written in
                if before != .space { lines += 1 }
                if recordingBreaks, before == .line { wrappedWords.append(words) }
                words += 1
                hasWord = true
                if lines > maxLines, counted != written {
                    overflowWords += 1
                    counted = written
                }
                widestWord = max(widestWord, wordWidth)
            }
            if !hasWord { lines += 1 }
        }
        self.lines = lines
        self.overflowWords = overflowWords
        self.widestWord = widestWord
        // A word broken at a soft hyphen is two pieces the words of the text do not show: such
        // a text is broken again where it is laid out.
        if recordingBreaks, !text.utf8.withUnsafeBufferPointer(SoftHyphens.occur) {
            breaks = PanelBreaks(wrappedWords: wrappedWords)
        }
    }

    /// `value` as a message shows it: `24`, `10.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Where ``LineBreaker`` broke the lines of a typeset text on its panel: what `overflows-panel`
/// found, kept for the signage export (``TypesetMemo``), which lays the text out by it instead
/// of measuring and breaking it again (``SignageLayout``).
struct PanelBreaks: Sendable, Hashable {
    /// The words that start a line the breaker made (not one the curator typed), counted from 0
    /// over the whole text as ``LineBreaker/forEachWord(in:isSimple:_:)`` splits its lines.
    var wrappedWords: [Int]
}
