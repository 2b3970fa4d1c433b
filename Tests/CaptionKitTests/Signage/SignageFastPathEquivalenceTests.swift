import Foundation
import Testing

@testable import CaptionKit

/// Fast paths of signage text against the plain computations they stand for.
@Suite struct SignageFastPathEquivalenceTests {
    static let texts = [
        "", "a", "Қасірет аркасы", "e\u{301}te", "👩‍👩‍👧 family", "Ҳ\u{483}", "a\u{A0}b", "tab\there", "x\u{2028}y",
        "line one\nline two\n\npara two\n\n\n\nlast", "\n\nleading", "trailing\n\n",
    ]

    @Test(arguments: texts) func graphemeLengthIsTheCountOfTheNFCText(text: String) {
        #expect(GraphemeLength.of(text) == text.precomposedStringWithCanonicalMapping.count)
    }

    @Test(arguments: texts) func paragraphsSplitAtBlankLinesLikeACharacterSplit(text: String) {
        var expected: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !current.isEmpty { expected.append(current) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { expected.append(current) }
        #expect(SignageLabel.paragraphs(of: text) == expected)
    }
}
