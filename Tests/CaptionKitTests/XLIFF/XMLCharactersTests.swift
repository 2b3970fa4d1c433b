import Testing

@testable import CaptionKit

/// The exports' test for characters XML cannot hold, and the import's for control characters in a
/// target, read the bytes; the plain references here walk the scalars, and each pair must agree
/// wherever the character falls.
@Suite struct XMLCharactersTests {
    /// The plain rule: some scalar of `text` is one XML cannot hold.
    static func reference(_ text: String) -> Bool {
        text.unicodeScalars.contains { XMLCharacters.isForbidden($0.value) }
    }

    @Test func theByteTestAgreesWithTheScalarWalkAtEveryPlace() {
        // Line feeds, tabs and carriage returns (allowed), Cyrillic and Kazakh letters (two
        // bytes), «» and — (lead byte C2, E2), U+FFFD and U+FFEF (EF BF BD, EF BF AF: allowed).
        let allowed = ["\n", "\t", "\r", "ә", "Ж", "«", "—", "\u{FFFD}", "\u{FFEF}", " ", "a"]
        let forbidden = ["\u{0}", "\u{1}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
        for length in 0..<20 {
            for filler in allowed {
                let plain = String(repeating: filler + "x", count: length)
                #expect(XMLCharacters.forbidden(in: plain) == nil, "\(plain.debugDescription)")
                #expect(!Self.reference(plain))
                for bad in forbidden {
                    for place in [0, length, 2 * length].map({ plain.index(plain.startIndex, offsetBy: $0) }) {
                        var text = plain
                        text.insert(contentsOf: bad, at: place)
                        #expect(Self.reference(text))
                        #expect(XMLCharacters.forbidden(in: text) != nil, "\(text.debugDescription)")
                        #expect(XMLCharacters.forbidden(in: text)?.scalars == Array(bad.unicodeScalars))
                    }
                }
            }
        }
    }

    @Test func theImportsByteTestForControlsAgreesWithTheScalarWalk() {
        // Allowed: tab, line feed, « » and the no-break space (C2 AB, C2 BB, C2 A0), Cyrillic.
        let allowed = ["\t", "\n", "«", "»", "\u{A0}", "ә", "a"]
        let controls = ["\u{0}", "\u{D}", "\u{1B}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"]
        for length in 0..<12 {
            for filler in allowed {
                let plain = String(repeating: filler + "x", count: length)
                #expect(XLIFFReader.firstControl(in: Array(plain.utf8)) == nil, "\(plain.debugDescription)")
                for control in controls {
                    for offset in [0, length, 2 * length] {
                        var text = plain
                        text.insert(contentsOf: control, at: text.index(text.startIndex, offsetBy: offset))
                        let reference = text.unicodeScalars.first(where: Normalization.isControl)
                        #expect(reference == control.unicodeScalars.first)
                        #expect(XLIFFReader.firstControl(in: Array(text.utf8)) == reference, "\(text.debugDescription)")
                    }
                }
            }
        }
    }
}
