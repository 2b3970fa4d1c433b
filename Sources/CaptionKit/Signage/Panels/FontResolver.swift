internal import CFontconfig
import Foundation

/// Finds the font file of a family (and style) through fontconfig, as the sign maker's
/// system would.
///
/// fontconfig never says "not found": it substitutes the closest family it has. The match
/// therefore says whether it is exact (the family, and the style when one was asked for, are
/// among the matched font's names), so a missing typeface is reported instead of silently
/// measured in another one.
enum FontResolver {
    /// What fontconfig chose for a request.
    struct Match: Sendable, Hashable {
        /// The font file.
        var path: String
        /// The face index in the file.
        var faceIndex: Int
        /// The matched font's (first) family name.
        var family: String
        /// The matched font's (first) style name.
        var style: String
        /// Whether the family (and style, when asked for) is the one requested.
        var isExact: Bool
    }

    /// fontconfig's answer for `family` and `style` (a style such as `Bold`, or `nil` for the
    /// default one), or `nil` when it has no font at all.
    static func match(family: String, style: String?) -> Match? {
        lock.lock()
        defer { lock.unlock() }
        if let known = matches[Request(family: family, style: style)] { return known }
        let found = lookUp(family: family, style: style)
        matches[Request(family: family, style: style)] = found
        return found
    }

    private struct Request: Hashable {
        var family: String
        var style: String?
    }

    /// Answers are remembered for the process: fontconfig reads its caches on the first match.
    private nonisolated(unsafe) static var matches: [Request: Match] = [:]
    private static let lock = NSLock()

    private static func lookUp(family: String, style: String?) -> Match? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = withFcString(family) { FcPatternAddString(pattern, FC_FAMILY, $0) }
        if let style { _ = withFcString(style) { FcPatternAddString(pattern, FC_STYLE, $0) } }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let font = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(font) }
        guard let path = strings(of: font, FC_FILE).first else { return nil }
        var index: Int32 = 0
        if FcPatternGetInteger(font, FC_INDEX, 0, &index) != FcResultMatch { index = 0 }
        let families = strings(of: font, FC_FAMILY)
        let styles = strings(of: font, FC_STYLE)
        let sameFamily = families.contains { $0.caseInsensitiveCompare(family) == .orderedSame }
        let sameStyle = style.map { style in styles.contains { $0.caseInsensitiveCompare(style) == .orderedSame } }
        return Match(
            path: path, faceIndex: Int(index), family: families.first ?? "", style: styles.first ?? "",
            isExact: sameFamily && (sameStyle ?? true))
    }

    /// The styles `family` is installed in, sorted (none when it is not installed).
    static func styles(of family: String) -> [String] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = withFcString(family) { FcPatternAddString(pattern, FC_FAMILY, $0) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_STYLE)
        guard let fonts = FcFontList(nil, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(fonts) }
        var styles: Set<String> = []
        for index in 0..<Int(fonts.pointee.nfont) {
            if let font = fonts.pointee.fonts[index], let style = strings(of: font, FC_STYLE).first {
                styles.insert(style)
            }
        }
        return styles.sorted()
    }

    /// Every value of the string property `object` of `pattern`.
    private static func strings(of pattern: OpaquePointer, _ object: String) -> [String] {
        var values: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, object, Int32(values.count), &value) == FcResultMatch, let value {
            values.append(String(cString: value))
        }
        return values
    }

    private static func withFcString<T>(_ text: String, _ body: (UnsafePointer<FcChar8>) -> T) -> T {
        text.withCString { $0.withMemoryRebound(to: FcChar8.self, capacity: text.utf8.count + 1, body) }
    }

    /// The Debian package that installs `family`, for the families it knows.
    static func debianPackage(of family: String) -> String? {
        let name = family.lowercased()
        if name.hasPrefix("pt sans") || name.hasPrefix("pt serif") || name.hasPrefix("pt mono") {
            return "fonts-paratype"
        }
        if name.hasPrefix("noto sans") || name.hasPrefix("noto serif") { return "fonts-noto-core" }
        if name.hasPrefix("dejavu") { return "fonts-dejavu-core" }
        if name.hasPrefix("liberation") { return "fonts-liberation2" }
        if name == "open sans" { return "fonts-open-sans" }
        if name.hasPrefix("roboto") { return "fonts-roboto" }
        return nil
    }
}
