internal import CHarfBuzz
import Foundation

/// A font file loaded into HarfBuzz, for measuring text by shaping it.
///
/// The font uses HarfBuzz's own OpenType font functions at a scale of one font unit per unit
/// (the face's units per em), so advances are whole font units, as `hb-shape` prints them by
/// default. Kerning and the other default features are on. The font is immutable after
/// loading, so any number of threads may shape with it at once (each with its own buffer).
final class ShapingFont: @unchecked Sendable {
    /// The file the font was read from.
    let path: String
    /// The face index in the file (0 for a single-face file).
    let faceIndex: Int
    /// The face's units per em: the advance of a 1 pt font of `unitsPerEm` units is 1 pt.
    let unitsPerEm: Int
    /// The largest advance of any glyph of the face, in font units.
    let widestAdvance: Int
    private let blob: OpaquePointer
    private let face: OpaquePointer
    private let font: OpaquePointer

    /// Loads face `faceIndex` of the font file at `path`, or `nil` when the file cannot be read
    /// or holds no such face.
    init?(path: String, faceIndex: Int = 0) {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { return nil }
        guard faceIndex >= 0, faceIndex < Int(hb_face_count(blob)), let face = hb_face_create(blob, UInt32(faceIndex))
        else {
            hb_blob_destroy(blob)
            return nil
        }
        let unitsPerEm = Int(hb_face_get_upem(face))
        guard hb_face_get_glyph_count(face) > 0, unitsPerEm > 0, let font = hb_font_create(face) else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            return nil
        }
        hb_font_make_immutable(font)
        var widest: Int32 = 0
        for glyph in 0..<hb_face_get_glyph_count(face) {
            widest = max(widest, hb_font_get_glyph_h_advance(font, glyph))
        }
        self.widestAdvance = Int(widest)
        self.path = path
        self.faceIndex = faceIndex
        self.unitsPerEm = unitsPerEm
        self.blob = blob
        self.face = face
        self.font = font
    }

    deinit {
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// The font file's bytes, as loaded (for embedding the font in the proof sheet).
    var fileData: Data {
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(blob, &length), length > 0 else { return Data() }
        return Data(bytes: bytes, count: Int(length))
    }

    /// The language as HarfBuzz knows it (for `locl` features), from a BCP 47 tag.
    struct ShapingLanguage: @unchecked Sendable {
        fileprivate let value: OpaquePointer?

        /// The language of `tag`, e.g. `kk`.
        init(_ tag: String) {
            value = hb_language_from_string(tag, -1)
        }
    }

    /// The glyph advances of `utf8` shaped as one run in `language` (direction and script
    /// guessed, as `hb-shape` does), in font units, in glyph order.
    func advances(of utf8: UnsafeBufferPointer<UInt8>, language: ShapingLanguage) -> [Int] {
        guard let buffer = hb_buffer_create() else { return [] }
        defer { hb_buffer_destroy(buffer) }
        shape(utf8, language: language, in: buffer)
        var count: UInt32 = 0
        guard let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        return (0..<Int(count)).map { Int(positions[$0].x_advance) }
    }

    /// The width of `utf8` shaped as one run in `language`: the sum of its glyph advances, in
    /// font units.
    func width(of utf8: UnsafeBufferPointer<UInt8>, language: ShapingLanguage) -> Int {
        guard let buffer = hb_buffer_create() else { return 0 }
        defer { hb_buffer_destroy(buffer) }
        shape(utf8, language: language, in: buffer)
        var count: UInt32 = 0
        guard let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return 0 }
        var width = 0
        for index in 0..<Int(count) { width += Int(positions[index].x_advance) }
        return width
    }

    /// The metrics of one word from a single shaping of the word between two spaces: the width
    /// of the word alone, and what the kerning of a space after it and before it adds (the
    /// ``WordMetrics`` of ``FontMeasure``, which otherwise shapes the word three times).
    ///
    /// The space before the word carries the kerning against the word's first glyph in its
    /// advance, and the word's last glyph the kerning against the space after it: that glyph's
    /// advance less its own (`hb_font_get_glyph_h_advance`). `nil` when the text is not set left
    /// to right or a space does not come out as a glyph of its own (a combining mark after it).
    func spacedWordMetrics(of word: UnsafeBufferPointer<UInt8>, language: ShapingLanguage, spaceWidth: Int)
        -> WordMetrics?
    {
        guard let buffer = hb_buffer_create() else { return nil }
        defer { hb_buffer_destroy(buffer) }
        var spaced = [CChar](repeating: CChar(UInt8(ascii: " ")), count: word.count + 2)
        for (index, byte) in word.enumerated() { spaced[index + 1] = CChar(bitPattern: byte) }
        hb_buffer_add_utf8(buffer, spaced, Int32(spaced.count), 0, Int32(spaced.count))
        hb_buffer_set_language(buffer, language.value)
        hb_buffer_guess_segment_properties(buffer)
        guard hb_buffer_get_direction(buffer) == HB_DIRECTION_LTR else { return nil }
        hb_shape(font, buffer, nil, 0)
        var count: UInt32 = 0
        guard let positions = hb_buffer_get_glyph_positions(buffer, &count),
            let infos = hb_buffer_get_glyph_infos(buffer, nil), count >= 3
        else { return nil }
        let last = Int(count) - 1
        // The clusters are the characters' indices: 0 the first space, word.count + 1 the last.
        guard infos[0].cluster == 0, infos[1].cluster != 0, infos[last].cluster == UInt32(word.count + 1),
            infos[last - 1].cluster != UInt32(word.count + 1)
        else { return nil }
        var sum = 0
        for index in 1..<last { sum += Int(positions[index].x_advance) }
        let beforeSpace =
            Int(positions[last - 1].x_advance) - Int(hb_font_get_glyph_h_advance(font, infos[last - 1].codepoint))
        return WordMetrics(
            width: sum - beforeSpace, beforeSpace: beforeSpace, afterSpace: Int(positions[0].x_advance) - spaceWidth)
    }

    private func shape(_ utf8: UnsafeBufferPointer<UInt8>, language: ShapingLanguage, in buffer: OpaquePointer) {
        utf8.withMemoryRebound(to: CChar.self) { chars in
            hb_buffer_add_utf8(buffer, chars.baseAddress, Int32(chars.count), 0, Int32(chars.count))
        }
        hb_buffer_set_language(buffer, language.value)
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(font, buffer, nil, 0)
    }

    /// The fonts loaded so far, by path and face index: a collection checked again (the
    /// editor checks on every save) does not read its font files again.
    private static let loaded = LoadedFonts()

    /// The font at `path` (face `faceIndex`), loaded once per process; `nil` when it cannot be
    /// loaded (which is not remembered, so a font installed later is found).
    static func shared(path: String, faceIndex: Int = 0) -> ShapingFont? {
        loaded.font(path: path, faceIndex: faceIndex)
    }

    private final class LoadedFonts: @unchecked Sendable {
        private let lock = NSLock()
        private var fonts: [String: ShapingFont] = [:]

        func font(path: String, faceIndex: Int) -> ShapingFont? {
            let key = "\(faceIndex):\(path)"
            lock.lock()
            defer { lock.unlock() }
            if let font = fonts[key] { return font }
            let font = ShapingFont(path: path, faceIndex: faceIndex)
            fonts[key] = font
            return font
        }
    }
}
