import Testing

@testable import CaptionKit

/// The exports' test for characters XML cannot hold reads the bytes eight at a time; the plain
/// reference here walks the scalars, and the two must agree wherever the character falls.
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
}
