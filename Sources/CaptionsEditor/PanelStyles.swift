import CaptionKit
import Foundation

/// The stylesheet that draws the label preview's fields on panels (`captions.yml`'s `panels:`)
/// in their fonts, at their sizes and leading, to scale: the widest panel fills the preview's
/// width, and every panel keeps its width and type size in proportion to it. The lines are the
/// ones the panel's font breaks (``LabelPreview``), so the preview shows them as they print.
enum PanelStyles {
    /// The path of the stylesheet.
    static let stylesheetPath = "/panels/style.css"

    /// The font files of `typefaces`, in path order: the font `n` (from 1) is served at
    /// `/panels/fonts/n` and named `captions-panel-n` in the stylesheet.
    static func fontFiles(_ typefaces: [PanelTypeface]) -> [String] {
        Set(typefaces.map(\.fontFile)).sorted()
    }

    /// The stylesheet for `typefaces` (by name): one `@font-face` per font file, one rule per
    /// panel for the preview's fields with `data-panel` set to its name.
    static func stylesheet(_ typefaces: [PanelTypeface]) -> String {
        var css = "/* The label preview's panels (captions.yml), drawn to scale. */\n"
        let files = fontFiles(typefaces)
        for (index, file) in files.enumerated() {
            let format = file.lowercased().hasSuffix(".otf") ? "opentype" : "truetype"
            css += """
                @font-face { font-family: "captions-panel-\(index + 1)"; src: url("/panels/fonts/\(index + 1)") \
                format("\(format)"); }

                """
        }
        // Points across the widest panel: the preview's full width.
        let widest = typefaces.map { points(millimetres: $0.widthMM) }.max() ?? 1
        for typeface in typefaces {
            let family = files.firstIndex(of: typeface.fontFile).map { $0 + 1 } ?? 0
            css += """
                .label-field[data-panel="\(cssString(typeface.name))"] { font-family: "captions-panel-\(family)"; \
                font-size: calc(100cqw * \(decimal(typeface.sizePt / widest))); \
                line-height: \(decimal(typeface.leadingPt / typeface.sizePt)); \
                width: calc(100cqw * \(decimal(points(millimetres: typeface.widthMM) / widest))); }

                """
        }
        return css
    }

    /// The type of a font file by its extension.
    static func contentType(ofFontFile path: String) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".otf") { return "font/otf" }
        if lower.hasSuffix(".ttc") || lower.hasSuffix(".otc") { return "font/collection" }
        return "font/ttf"
    }

    /// An entity tag of the font file at `path`: of its path, size and modification time (FNV-1a,
    /// the same in every run of the editor); `nil` when the file cannot be read.
    static func entityTag(ofFontFile path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(path)\u{0}\(size.int64Value)\u{0}\(modified.timeIntervalSince1970)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "\"" + String(hash, radix: 16) + "\""
    }

    /// Millimetres in points (72 to the inch of 25.4 mm).
    private static func points(millimetres: Double) -> Double {
        millimetres / 25.4 * 72
    }

    /// `value` with six decimals, without trailing zeros: the same on every machine.
    private static func decimal(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `text` as the inside of a CSS string: quotes, backslashes and control characters escaped.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
