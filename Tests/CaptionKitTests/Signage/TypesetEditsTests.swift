import Foundation
import Testing

@testable import CaptionKit

/// ``TypesetEdits`` gives back exactly the text it encoded, whatever the two texts, and keeps
/// a typeset text in a fraction of its bytes.
@Suite struct TypesetEditsTests {
    func roundTrip(_ target: String, from source: String) -> (decoded: String, editBytes: Int) {
        let target = Array(target.utf8)
        let source = Array(source.utf8)
        var edits: [UInt8] = [0xAA]  // a byte before the edits, as the memo's header
        target.withUnsafeBufferPointer { target in
            source.withUnsafeBufferPointer { TypesetEdits.encode(target, from: $0, into: &edits) }
        }
        let decoded = edits.withUnsafeBufferPointer { edits in
            source.withUnsafeBufferPointer {
                TypesetEdits.decode(edits, from: 1, source: $0, count: target.count)
            }
        }
        return (String(decoding: decoded, as: UTF8.self), edits.count - 1)
    }

    @Test(arguments: [
        ("", ""), ("", "typed"), ("typeset", ""), ("same text", "same text"), ("abc", "xyz"),
        ("a\u{A0}b", "a b"), ("«quoted» — text", "\"quoted\" - text"), ("  trimmed", "trimmed  "),
        ("short", "a much longer text that is only partly like it: short"),
        ("a much longer text that is only partly like it: short", "short"),
        ("x" + String(repeating: "é", count: 40) + "y", "x" + String(repeating: "e", count: 40) + "y"),
        ("ends differently!", "ends differently"), ("ends differently", "ends differently!"),
        ("Құрт\u{A0}— 1938\u{A0}ж.", "Құрт - 1938 ж."),
    ])
    func theDecodedTextIsTheEncodedOne(target: String, source: String) {
        #expect(roundTrip(target, from: source).decoded == target)
    }

    /// Lengths around the anchor and the window: every difference shorter than, as long as
    /// and longer than the encoder looks.
    @Test func everyDifferenceLengthRoundTrips() {
        for inserted in 0...(TypesetEdits.window + 3) {
            for removed in 0...(TypesetEdits.window + 3) {
                for tail in ["", "a", "abc", "abcd", "abcdefgh"] {
                    let source = "head " + String(repeating: "s", count: removed) + tail
                    let target = "head " + String(repeating: "t", count: inserted) + tail
                    #expect(roundTrip(target, from: source).decoded == target, "\(inserted) \(removed) \(tail)")
                }
            }
        }
    }

    /// The bundled museum's texts, typeset: each comes back byte for byte, and the edits of all
    /// of them take less than a fifth of their bytes.
    @Test func theMuseumsTypesetTextsComeBackFromAFractionOfTheirBytes() throws {
        let collection = try copyOfBundledMuseum().load()
        var textBytes = 0
        var editBytes = 0
        for exhibit in collection.exhibits {
            for field in exhibit.fields {
                for translation in field.translations where !translation.isBlank {
                    let typeset = Typography.typeset(translation.text, language: translation.language).text
                    let kept = roundTrip(typeset, from: translation.text)
                    #expect(kept.decoded == typeset)
                    textBytes += typeset.utf8.count
                    editBytes += kept.editBytes
                }
            }
        }
        #expect(textBytes > 10_000)
        #expect(editBytes * 5 < textBytes, "\(editBytes) bytes of edits for \(textBytes) bytes of text")
    }
}
