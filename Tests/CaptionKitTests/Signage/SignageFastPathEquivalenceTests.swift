import Foundation
import Testing

@testable import CaptionKit

/// Fast paths of signage text against the plain computations they stand for.
@Suite struct SignageFastPathEquivalenceTests {
    static let texts = [
        "", "a", "Қасірет аркасы", "e\u{301}te", "👩‍👩‍👧 family", "Ҳ\u{483}", "a\u{A0}b", "tab\there", "x\u{2028}y",
        "line one\nline two\n\npara two\n\n\n\nlast", "\n\nleading", "trailing\n\n",
    ]

    @Test(arguments: texts) func nfcCharacterCountIsTheCountOfTheNFCText(text: String) {
        #expect(CharacterCount.ofNFC(text) == text.precomposedStringWithCanonicalMapping.count)
    }

    @Test(arguments: texts) func typesetTextSplitsIntoTheParagraphsOfACharacterSplit(text: String) {
        let split = TypesetText(text)
        #expect(split.paragraphs == SignageReference.paragraphs(of: text))
        #expect(split.isSimple == text.unicodeScalars.allSatisfy { CharacterCount.isSimple($0) || $0 == "\n" })
    }
}
