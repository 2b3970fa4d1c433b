import Testing

@testable import CaptionKit

@Suite struct YAMLScalarWriterTests {
    @Test(arguments: [
        ("Plain text", YAMLScalarWriter.Rendering.inline("Plain text")),
        ("two\nlines", .literalBlock(["two", "lines"])),
        ("two\nlines\n", .inline("\"two\\nlines\\n\"")),
        (" lead", .inline("\" lead\"")),
        ("yes", .inline("\"yes\"")),
        ("1938", .inline("\"1938\"")),
        ("a: b", .inline("\"a: b\"")),
        ("x\u{2028}y", .inline("\"x\\u2028y\"")),
        ("", .inline("\"\"")),
    ])
    func chosenStyle(_ text: String, _ expected: YAMLScalarWriter.Rendering) {
        #expect(YAMLScalarWriter.render(text) == expected)
    }

    @Test(arguments: CaptionFileEditorTests.texts)
    func doubleQuotedLoadsBack(_ text: String) throws {
        let exhibit = ExhibitParser.parse(
            text: "id: a\ntitle:\n  kk: \(YAMLScalarWriter.doubleQuoted(text))\n", path: "a.yml", relativePath: "a.yml")
        let loaded = try #require(exhibit.field("title")?.translation("kk")?.text)
        #expect(Array(loaded.unicodeScalars) == Array(text.unicodeScalars))
    }

    /// The byte-level shortcuts of `render` give the answers of the character-based tests they
    /// replace, also where a line break is not a character of its own (CR LF, a LF followed by
    /// a combining mark, as Foundation's `contains` sees it) and around the 80-character limit.
    @Test(arguments: [
        "one\ntwo", "a\n\u{301}b", "a\r\nb", "a\n\u{FE0F}", "\u{85}\n«б»", "ә: б", "ә :б", "x #y", "x#y",
        "a: \u{301}", String(repeating: "ә", count: 80), String(repeating: "ә", count: 81),
        String(repeating: "e\u{301}", count: 81), String(repeating: "e\u{301}", count: 50) + "\n" + "ʰ—№",
        String(repeating: "Жаңа мәтін ", count: 9) + "\nsecond line", "line\n  indented", "trailing \nspace",
    ])
    func shortcutsGiveTheCharacterBasedAnswers(_ text: String) {
        let wantsBlock = text.contains("\n") || text.count > YAMLScalarWriter.blockThreshold
        let plain = YAMLScalarWriter.canBePlain(text)
        let expected: YAMLScalarWriter.Rendering
        if wantsBlock, YAMLScalarWriter.canBeLiteralBlock(text),
            !text.split(separator: "\n", omittingEmptySubsequences: false).contains(where: {
                $0.hasPrefix(" ") || $0.hasSuffix(" ")
            })
        {
            expected = .literalBlock(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        } else {
            expected = .inline(plain ? text : YAMLScalarWriter.doubleQuoted(text))
        }
        #expect(YAMLScalarWriter.render(text) == expected)
        #expect(plain == (!text.contains(": ") && !text.contains(" #") && YAMLScalarWriter.canBePlain(text)))
    }

    /// The one-pass byte check of `canBeLiteralBlock` gives the character-based answer, or
    /// leaves the text to it, on texts built to sit on every edge it decides.
    @Test func literalBlockBytesGiveTheCharacterBasedAnswer() {
        let pieces = [
            "a", " ", "\n", "ә", "\u{301}", "\u{600}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{FFFD}",
            "\u{FFFE}",
            "\t", "\r", "\u{7F}", "👩🏽‍🎓", "\u{200D}",
        ]
        var texts = CaptionFileEditorTests.texts
        for first in pieces {
            for second in pieces {
                for third in pieces { texts.append(first + second + third) }
            }
        }
        var decided = 0
        for text in texts {
            let slow = YAMLScalarWriter.canBeLiteralBlockByCharacters(text)
            if let fast = YAMLScalarWriter.literalBlockAnswerFromBytes(text) {
                decided += 1
                #expect(fast == slow, "\(Array(text.unicodeScalars))")
            }
            #expect(YAMLScalarWriter.canBeLiteralBlock(text) == slow)
        }
        #expect(decided > texts.count * 9 / 10)
    }
}
