import Foundation
import Testing

@testable import CaptionKit

/// ``ByteLocator`` finds start tags and line breaks with `memchr`; it must give what the plain
/// byte-by-byte walk gives, on every offset of tricky text.
@Suite struct ByteLocatorTests {
    static let texts = [
        "<xliff>\n  <file>\n    <trans-unit id=\"a\">\n      <source>Қазақ 👩🏽‍🎓 é\u{301}</source><target>x</target>\n",
        "\r\n\r\n<a/><ab><a\t><a\n><a>tail<a",
        "<!-- <target> --><target><![CDATA[<target ]]></target><targetx><target/>",
        "", "<", "no tags at all\nбез тегов\n", "<<<<a<a>",
        // Lone CRs (classic Mac), CR LF split anywhere, mixed, and a UTF-8 byte order mark.
        "<a>\r  <b>Қазақ\r\r<c/>\r", "\r\n<a>\r\n\r<b>\n\r<c>\r\r\n", "\u{FEFF}<a>é\r\n <b/>",
        "<a>\r\nҚазақ <b>\r\n  <c/>\r\n\r\nСөз\r\n",
    ]

    /// The plain walk: the location after looking at every byte before `offset`, a line ended
    /// by CR LF, LF or a lone CR (XML 1.0 §2.11), a byte order mark not counted.
    static func plainLocation(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        let first = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var previous: UInt8 = 0
        for byte in bytes[min(first, bytes.count)..<max(min(offset, bytes.count), min(first, bytes.count))] {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) {
                line += 1
                column = 1
            } else if byte != 0x0A && byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
        return (line, column)
    }

    /// The plain search for `<name` followed by a space, `>` or `/`.
    static func plainOffset(_ bytes: [UInt8], _ name: String, after previous: Int) -> Int {
        let pattern = Array(("<" + name).utf8)
        var index = previous + 1
        while index + pattern.count < bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern,
                [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index + pattern.count])
            {
                return index
            }
            index += 1
        }
        return min(previous + 1, max(bytes.count - 1, 0))
    }

    @Test(arguments: texts.indices)
    func matchesThePlainWalk(_ textIndex: Int) {
        let bytes = Array(Self.texts[textIndex].utf8)
        bytes.withUnsafeBytes { buffer in
            for name in ["a", "target", "trans-unit", "file", ""] {
                for previous in -1..<bytes.count {
                    #expect(
                        ByteLocator(bytes: buffer).offset(ofStartTag: name, after: previous)
                            == Self.plainOffset(bytes, name, after: previous), "\(name) after \(previous)")
                }
            }
            for step in 1...3 {
                var locator = ByteLocator(bytes: buffer)
                for offset in stride(from: 0, through: bytes.count + 1, by: step) {
                    let location = locator.location(ofOffset: offset, path: "x")
                    let (line, column) = Self.plainLocation(bytes, offset)
                    #expect(location == SourceLocation(path: "x", line: line, column: column), "offset \(offset)")
                }
                #expect(locator.location(ofOffset: 0, path: "x") == SourceLocation(path: "x", line: 1, column: 1))
            }
        }
    }
}
