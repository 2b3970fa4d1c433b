import Testing

@testable import CaptionKit

@Suite struct SameUTF8Tests {
    @Test func sameBytesOnlyNotMereCanonicalEquivalence() {
        #expect("".hasSameUTF8(as: ""))
        #expect("Көне балалар".hasSameUTF8(as: "Көне " + "балалар"))
        #expect(!"Көне".hasSameUTF8(as: "Көнe"))  // Latin e at the end
        #expect("é" == "e\u{301}" && !"é".hasSameUTF8(as: "e\u{301}"))
        #expect(!"ab".hasSameUTF8(as: "abc"))
    }
}
