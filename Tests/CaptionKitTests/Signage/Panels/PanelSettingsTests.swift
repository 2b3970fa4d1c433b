import Foundation
import Testing

@testable import CaptionKit

/// `panels:` in `captions.yml`: the profiles, the fields' `panel:`, and located errors.
@Suite struct PanelSettingsTests {
    static let path = "Captions/captions.yml"

    static func settings(_ text: String) throws -> PanelSettings {
        let config = try ConfigParser.parse(text: text, path: path)
        return try PanelSettings(config: config)
    }

    static func error(_ text: String) -> String? {
        do {
            let config = try ConfigParser.parse(text: text, path: path)
            _ = try PanelSettings(config: config)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsProfilesAndTheFieldsThatUseThem() throws {
        let settings = try Self.settings(
            """
            panels:
              object: { font: "PT Sans", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
              title: { font: "PT Sans:Bold", size-pt: 40.5, leading-pt: 44, width-mm: 300, max-lines: 2 }
            fields:
              title: { required: true, panel: title }
              text: { required: true, max-chars: 900, panel: object }
              credit: { required: false }
            """)
        let object = try #require(settings.profile(for: "text"))
        #expect(object.font == "PT Sans" && object.sizePt == 24 && object.leadingPt == 30)
        #expect(object.widthMM == 300 && object.maxLines == 12 && !object.fontIsFile)
        #expect(object.fontLocation == SourceLocation(path: Self.path, line: 2, column: 19))
        let title = try #require(settings.profile(for: "title"))
        #expect(title.familyAndStyle == ("PT Sans", "Bold") && title.sizePt == 40.5)
        #expect(settings.profile(for: "credit") == nil)
        let file = PanelSettings.Profile(
            name: "x", font: "fonts/PTS55F.ttf", fontLocation: object.fontLocation, sizePt: 1, leadingPt: 1,
            widthMM: 1, maxLines: 1)
        #expect(file.fontIsFile)
    }

    @Test func badPanelsStopTheRunAtTheirPosition() {
        let head = "panels:\n  object: "
        let fields = "\nfields:\n  text: { panel: object }\n"
        let full = "font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300"
        #expect(
            Self.error(head + "{ \(full), max-line: 12 }" + fields)
                == "\(Self.path):2:72: error: unknown panel setting 'max-line'; did you mean 'max-lines'?")
        #expect(
            Self.error(head + "{ \(full) }" + fields)
                == "\(Self.path):2:3: error: panel 'object' needs max-lines "
                + "(every panel sets font, size-pt, leading-pt, width-mm, max-lines)")
        #expect(
            Self.error(head + "{ \(full), max-lines: twelve }" + fields)
                == "\(Self.path):2:83: error: max-lines of panel 'object' must be a whole number greater than 0")
        #expect(
            Self.error(head + "{ font: PT Sans, size-pt: 0, leading-pt: 30, width-mm: 300, max-lines: 2 }" + fields)
                == "\(Self.path):2:37: error: size-pt of panel 'object' must be from 1 to 1000 points")
        // A measure written with its unit says the key holds it already.
        for (size, leading, width, message) in [
            (
                "24", "30", "125mm",
                "2:67: error: width-mm of panel 'object' is in millimetres and is written without "
                    + "a unit (width-mm: 125)"
            ),
            (
                "24 pt", "30", "300",
                "2:37: error: size-pt of panel 'object' is in points and is written without a "
                    + "unit (size-pt: 24)"
            ),
            (
                "24", "1.5em", "300",
                "2:53: error: leading-pt of panel 'object' must be a number of points, written "
                    + "without a unit (such as leading-pt: 30)"
            ),
            (
                "24", "30", "12.5 cm",
                "2:67: error: width-mm of panel 'object' must be a number of millimetres, "
                    + "written without a unit (such as width-mm: 300)"
            ),
        ] {
            let panel = "{ font: PT Sans, size-pt: \(size), leading-pt: \(leading), width-mm: \(width), max-lines: 12 }"
            #expect(Self.error(head + panel + fields) == "\(Self.path):\(message)")
        }
        #expect(
            Self.error(head + "24" + fields)
                == "\(Self.path):2:11: error: panel 'object' must be a mapping such as '{ font: PT Sans, "
                + "size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }'")
        #expect(
            Self.error(head + "{ \(full), max-lines: 12 }\nfields:\n  text: { panel: objet }\n")
                == "\(Self.path):4:18: error: field 'text' names panel 'objet', but the panels are object; "
                + "did you mean 'object'?")
        #expect(
            Self.error("fields:\n  text: { panel: object }\n")
                == "\(Self.path):2:18: error: field 'text' names panel 'object', but no panels are configured")
        #expect(
            Self.error("panel:\n  object: {}\n")
                == "\(Self.path):1:1: error: unknown setting 'panel'; did you mean 'panels'?")
        #expect(
            Self.error("fields:\n  text: { panels: object }\n")
                == "\(Self.path):2:11: error: unknown field option 'panels'; did you mean 'panel'?")
    }

    /// A family fontconfig would substitute: one warning at the `font:` value per font, naming
    /// the family and its Debian package, and no measured panel (the character limits apply).
    @Test func aMissingFamilyIsOneWarningAndNoMeasuredPanel() throws {
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: PT Sans Nonesuch, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                  small: { font: PT Sans Nonesuch, size-pt: 12, leading-pt: 14, width-mm: 100, max-lines: 12 }
                fields:
                  title: { panel: small }
                  text: { required: true, max-chars: 10, panel: object }
                """, path: Self.path)
        let fonts = PanelFonts(config: config)
        #expect(fonts.panels.isEmpty)
        #expect(fonts.problems.count == 1)
        let problem = try #require(fonts.problems.first)
        #expect(problem.location == SourceLocation(path: Self.path, line: 2, column: 19))
        #expect(problem.message.hasPrefix("panel 'object': the font 'PT Sans Nonesuch' is not installed (fontconfig "))
        #expect(
            problem.message.hasSuffix(
                "; Debian installs it with fonts-paratype; the character limits apply instead"))
        // too-long holds the text to its max-chars, as without a panel.
        let exhibit = ExhibitParser.parse(
            text: "id: kurt\ntext:\n  kk: Құрт — кептірілген ірімшік.\n  ru: Курт.\n  en: Kurt.\n",
            path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let findings = try Validator(config: config, only: [TooLongCheck.self, PanelFontMissingCheck.self])
            .validate(CaptionCollection(rootPath: "Captions", config: config, exhibits: [exhibit]))
        #expect(findings.map(\.checkID) == ["panel-font-missing", "too-long"])
    }

    @Test func aFontFileThatIsNotThereIsAWarningToo() throws {
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: fonts/missing.ttf, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                fields:
                  text: { panel: object }
                """, path: Self.path)
        #expect(
            PanelFonts(config: config).problems.map(\.message) == [
                "panel 'object': font file 'fonts/missing.ttf' is not there (Captions/fonts/missing.ttf); the character "
                    + "limits apply instead"
            ])
    }

    @Test func aFileThatIsNotAFontIsAWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("panel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a font".utf8).write(to: folder.appendingPathComponent("text.ttf"))
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: text.ttf, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                fields:
                  text: { panel: object }
                """, path: folder.path + "/captions.yml")
        #expect(
            PanelFonts(config: config).problems.map(\.message) == [
                "panel 'object': font file 'text.ttf' cannot be read as a font; the character limits apply instead"
            ])
    }

    /// An installed family in a style it does not have: no package to install, and the styles it has.
    @Test(.enabled(if: PanelTestFonts.hasPTSans))
    func aMissingStyleOfAnInstalledFamilyNamesTheStylesItHas() throws {
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: "PT Sans:Black", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                fields:
                  text: { panel: object }
                """, path: Self.path)
        let message = try #require(PanelFonts(config: config).problems.first?.message)
        #expect(message.hasPrefix("panel 'object': the font 'PT Sans' is installed, but not in the style 'Black' ("))
        #expect(message.contains("; its installed styles: Bold, Bold Italic, Italic, Regular; "))
        #expect(!message.contains("Debian installs"))
    }

    /// fontconfig's `family:weight:slant` form names one style.
    @Test(.enabled(if: PanelTestFonts.hasPTSans))
    func aStyleWrittenInPartsIsOneStyle() throws {
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: "PT Sans:Bold:Italic", size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                fields:
                  text: { panel: object }
                """, path: Self.path)
        let fonts = PanelFonts(config: config)
        #expect(fonts.problems == [])
        #expect(fonts.panels["text"]?.font.path.hasSuffix("PTS76F.ttf") == true)
    }

    /// With its font installed, a field on a panel is measured, not counted: too-long leaves
    /// its max-chars alone, overflows-panel measures it.
    @Test(.enabled(if: PanelTestFonts.hasPTSans))
    func aMeasuredFieldHasNoCharacterLimit() throws {
        let config = try ConfigParser.parse(
            text: """
                panels:
                  object: { font: PT Sans, size-pt: 24, leading-pt: 30, width-mm: 300, max-lines: 12 }
                fields:
                  text: { required: true, max-chars: 10, panel: object }
                """, path: Self.path)
        let exhibit = ExhibitParser.parse(
            text: "id: kurt\ntext:\n  kk: Құрт — кептірілген ірімшік.\n  ru: Курт.\n  en: Kurt.\n",
            path: "Captions/kurt.yml", relativePath: "kurt.yml")
        let findings = try Validator(
            config: config, only: [TooLongCheck.self, OverflowsPanelCheck.self, PanelFontMissingCheck.self]
        ).validate(CaptionCollection(rootPath: "Captions", config: config, exhibits: [exhibit]))
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
    }
}
